"""The voice-call suite's callers: what they say (calls.py), how it sounds (speech.py), and placing a
call into a real server as Twilio does, with its outcome read back from the database (place.py)."""
