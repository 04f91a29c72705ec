"""What every line's serializer turns malformed input into."""

from __future__ import annotations

from pipecat.frames.frames import InputTransportMessageFrame


def bad_input(reason: str) -> InputTransportMessageFrame:
    """Malformed input never raises and is never dropped silently: the call logs the reason (and the
    browser page shows it) and goes on."""
    return InputTransportMessageFrame(message={"event": "error", "error": reason})
