"""Speech engines shared by every call (faster-whisper, Piper) and the models they load."""
