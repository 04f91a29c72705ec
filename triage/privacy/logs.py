"""Caller data stays out of the logs. The product's own log lines name calls and handoffs by id,
never by what the caller said or is. Two libraries print caller data at DEBUG: pipecat (every
transcription and every sentence synthesised) and websockets (every frame, so every typed turn of a
text call). Both are held back unless `TRIAGE_LOG_CALLER_DATA` is set."""

from __future__ import annotations

import logging

from ..settings import Settings

log = logging.getLogger(__name__)

# websockets logs each frame as "< %s" (received) or "> %s" (sent), through uvicorn's logger
_FRAMES = ("< %s", "> %s")
_FRAME_LOGGERS = ("uvicorn.error", "websockets.server", "websockets.client")


class _NoFrames(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno < logging.INFO and record.msg in _FRAMES)


def keep_caller_data_out(level: str, settings: Settings) -> str:
    """Hold back the libraries' DEBUG lines that carry caller data, unless `log_caller_data`.
    Returns the level for pipecat's logger: as asked, except DEBUG becomes INFO."""
    level = level.upper()
    if level != "DEBUG" or settings.log_caller_data:
        return level
    for name in _FRAME_LOGGERS:
        logging.getLogger(name).addFilter(_NoFrames())
    log.warning(
        "DEBUG without caller data: pipecat logs at INFO, websocket frames are not logged (see TRIAGE_LOG_CALLER_DATA)"
    )
    return "INFO"
