"""The flows of a call, one module per purpose; `dialogue.py` routes each phase to one of them."""
