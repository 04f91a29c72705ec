"""Caller data stays out of the logs. The product's own log lines name calls and handoffs by id,
never by what the caller said or is; pipecat's DEBUG logs print every transcription and every
sentence synthesised, so they are let through only when `TRIAGE_LOG_CALLER_DATA` is set."""

from __future__ import annotations

import logging

from ..settings import Settings

log = logging.getLogger(__name__)


def pipecat_log_level(level: str, settings: Settings) -> str:
    """The level for pipecat's logger: as asked, except DEBUG without `log_caller_data` is INFO."""
    level = level.upper()
    if level == "DEBUG" and not settings.log_caller_data:
        log.warning("pipecat logs at INFO: its DEBUG lines show what callers say (set TRIAGE_LOG_CALLER_DATA=1)")
        return "INFO"
    return level
