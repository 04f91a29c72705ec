"""Smart Turn's end of turn, held back while the caller's words say they are not done.

Smart Turn v3 hears a finished sentence at every pause, including the pauses between the digit
groups of a dictated number. The brain decides from the words so far how much silence the turn
still needs (brain/turns.py); this strategy only keeps the turn open that long and lets it go at
once if the caller speaks again. A short answer the brain calls whole ends the turn even when
Smart Turn waits for more.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from pipecat.audio.turn.base_turn_analyzer import BaseTurnAnalyzer
from pipecat.frames.frames import TranscriptionFrame, VADUserStoppedSpeakingFrame
from pipecat.turns.user_stop import TurnAnalyzerUserTurnStopStrategy

from ..brain.turns import TurnHold, turn_hold


class WordAwareTurnStop(TurnAnalyzerUserTurnStopStrategy):
    """Ends a turn when Smart Turn and the caller's words both say it is over.

    `expecting` returns what the dialogue is collecting now (`Dialogue.expecting`).
    """

    def __init__(self, *, turn_analyzer: BaseTurnAnalyzer, expecting: Callable[[], frozenset[str]]) -> None:
        super().__init__(turn_analyzer=turn_analyzer)
        self._expecting = expecting
        self._words: list[str] = []
        self._speech_end = 0.0  # wall clock, when the caller last fell silent
        self._held: asyncio.Task | None = None
        self.last_hold: TurnHold | None = None  # the brain's last verdict, for logs and tests

    @property
    def turn_text(self) -> str:
        return " ".join(self._words)

    async def _reset(self) -> None:
        self._words = []
        await super()._reset()

    async def _discard_pending_end_of_turn(self) -> None:
        """The caller speaks again: a held end of turn is void."""
        if self._held is not None:
            await self.task_manager.cancel_task(self._held)
            self._held = None
        await super()._discard_pending_end_of_turn()

    async def _handle_vad_user_stopped_speaking(self, frame: VADUserStoppedSpeakingFrame) -> None:
        self._speech_end = (frame.timestamp or time.time()) - frame.stop_secs
        await super()._handle_vad_user_stopped_speaking(frame)

    async def _handle_transcription(self, frame: TranscriptionFrame) -> None:
        if frame.text.strip():
            self._words.append(frame.text.strip())
        hold = turn_hold(self.turn_text, self._expecting())
        if hold.ends_now and self._vad_stopped and not self._vad_user_speaking:
            self._turn_complete = True  # "Ja." is a whole answer even if Smart Turn expects more
        await super()._handle_transcription(frame)

    async def trigger_user_turn_stopped(self, *, enable_user_speaking_frames: bool | None = None) -> None:
        if self._held is not None:
            return  # already waiting out the silence the words asked for
        hold = self.last_hold = turn_hold(self.turn_text, self._expecting())
        wait = self._speech_end + hold.seconds - time.time() if self._speech_end else 0.0
        if hold.seconds <= 0 or wait <= 0:
            await super().trigger_user_turn_stopped(enable_user_speaking_frames=enable_user_speaking_frames)
            return
        self._held = self.task_manager.create_task(self._release_after(wait), f"{self}::held_turn")

    async def _release_after(self, wait: float) -> None:
        try:
            await asyncio.sleep(wait)
        except asyncio.CancelledError:
            return
        self._held = None
        if not self._vad_user_speaking:
            await super().trigger_user_turn_stopped()
