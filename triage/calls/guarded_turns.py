"""Pipecat's own user-turn start strategies, told when the caller's speech may not interrupt the bot.

While the AI disclosure plays (brain/disclosure.py decides when that is), a caller who starts talking
still starts a turn (their words are heard, kept and answered after the greeting), but no
interruption is broadcast, so the disclosure is played to the end.
"""

from __future__ import annotations

from collections.abc import Callable

from pipecat.turns.user_start import TranscriptionUserTurnStartStrategy, VADUserTurnStartStrategy


class _Guarded:
    def __init__(self, may_interrupt: Callable[[], bool], **kwargs) -> None:
        super().__init__(**kwargs)
        self._may_interrupt = may_interrupt

    async def trigger_user_turn_started(
        self, *, enable_interruptions: bool | None = None, enable_user_speaking_frames: bool | None = None
    ) -> None:
        if not self._may_interrupt():
            enable_interruptions = False
        await super().trigger_user_turn_started(  # type: ignore[misc]
            enable_interruptions=enable_interruptions, enable_user_speaking_frames=enable_user_speaking_frames
        )


class GuardedVADStart(_Guarded, VADUserTurnStartStrategy):
    """VADUserTurnStartStrategy that interrupts only when allowed."""


class GuardedTranscriptionStart(_Guarded, TranscriptionUserTurnStartStrategy):
    """TranscriptionUserTurnStartStrategy that interrupts only when allowed."""
