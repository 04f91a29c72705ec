"""Smart Turn's end of turn, held back while the caller's words say they are not done.

Smart Turn v3 hears a finished sentence at every pause, including the pauses between the digit
groups of a dictated number. The brain decides from the words so far how much silence the turn
still needs (brain/turns.py); this strategy only keeps the turn open that long and lets it go at
once if the caller speaks again. A short answer the brain calls whole ends the turn even when
Smart Turn waits for more, and a whole request it keeps open ends after a shorter silence than the
listener's cap (brain/turn_cap.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from pipecat.audio.turn.base_turn_analyzer import BaseTurnAnalyzer
from pipecat.frames.frames import TranscriptionFrame, VADUserStoppedSpeakingFrame
from pipecat.metrics.metrics import MetricsData, TurnMetricsData
from pipecat.turns.user_stop import TurnAnalyzerUserTurnStopStrategy

from ..brain.eager import eager_silence
from ..brain.turn_cap import silence_cap
from ..brain.turns import TurnHold, turn_hold
from .speech_services import STT_TIMEOUT_SECS

log = logging.getLogger(__name__)

# A held turn waits for the transcript of its last stretch as long as speech-to-text may take: the
# brain waits for the whole turn's words anyway, so deciding on all of them costs the caller nothing.
LATE_TRANSCRIPT_SECS = STT_TIMEOUT_SECS
# pipecat ends a turn no strategy ended after this long (its default, 5 s, would cut a held turn short)
TURN_STOP_TIMEOUT_SECS = LATE_TRANSCRIPT_SECS + 5.0


# Said when a turn may end eagerly (brain/eager.py): the turn's words and the transcript they came from
# (speech/engines.py Transcript: its confidence and language). The turn itself stays open.
EagerEnd = Callable[[str, Any], None]


class WordAwareTurnStop(TurnAnalyzerUserTurnStopStrategy):
    """Ends a turn when Smart Turn and the caller's words both say it is over.

    `expecting` returns what the dialogue is collecting now (`Dialogue.expecting`); `transcribing`
    whether a stretch the caller said is still being transcribed (SharedWhisperSTT.busy); `heard_silence`
    the seconds of audio since VAD last heard voice (SharedSileroVAD.heard_silence). A silence is over when
    both the clock and the audio say so: a caller who goes on after a pause is heard going on in the first
    voiced window (32 ms), not after VAD's start_secs (0.2 s), and audio analysed late on a busy machine
    cannot let the clock end a turn inside a pause.

    `eager`, when given (with `heard_so_far`, SharedWhisperSTT.heard_so_far), is told once per turn when the
    turn may end eagerly (brain/eager.py: Smart Turn sure, whole words of one stretch, all transcribed, a
    shorter silence): the reply may start then, but the turn itself
    ends only at the ordinary floor, so a caller who goes on in between is still in the same turn (the
    listener of `eager` stops what it started when VAD hears them again).
    """

    def __init__(
        self,
        *,
        turn_analyzer: BaseTurnAnalyzer,
        expecting: Callable[[], frozenset[str]],
        transcribing: Callable[[], bool] = lambda: False,
        heard_silence: Callable[[], float | None] = lambda: None,
        eager: EagerEnd | None = None,
        heard_so_far: Callable[[], list[Any] | None] | None = None,
    ) -> None:
        super().__init__(turn_analyzer=turn_analyzer)
        self._expecting = expecting
        self._transcribing = transcribing
        self._heard_silence = heard_silence
        self._words: list[str] = []
        self._speech_end = 0.0  # wall clock, when the caller last fell silent
        self._held: asyncio.Task | None = None
        self._capped: asyncio.Task | None = None  # ends a whole request Smart Turn keeps open (brain/turn_cap.py)
        self._verdict: TurnHold | None = None
        self.ended_on: TurnHold | None = None  # the brain's verdict when the last turn ended, for logs and tests
        self._cap_reached = False
        self.ended_capped = False  # the last turn was a whole request ended by the shorter cap, for logs and tests
        self._end_probability: float | None = None  # Smart Turn's, at the caller's last pause
        self.ended_after = 0.0  # the silence the last turn's end waited for, for logs and tests
        self._eager = eager
        self._heard_so_far = heard_so_far  # SharedWhisperSTT.heard_so_far: the turn's words as speech-to-text has them
        self._eager_wait: asyncio.Task | None = None  # the shorter silence of an eager end, being waited out
        self._eager_said = False  # this turn's eager end was given (once per turn)
        self._heard: Any = None  # the last stretch's transcript (its confidence and language)
        self.eager_after: float | None = None  # the eager silence the last eager end waited for, for tests

    @property
    def turn_text(self) -> str:
        return " ".join(self._words)

    async def _reset(self) -> None:
        self._words = []
        self._speech_end = 0.0
        self._heard = None
        self._eager_said = False
        await super()._reset()

    async def _discard_pending_end_of_turn(self) -> None:
        """The caller speaks again: a held or capped end of turn is void."""
        if self._held is not None:
            await self.task_manager.cancel_task(self._held)
            self._held = None
        if self._capped is not None:
            await self.task_manager.cancel_task(self._capped)
            self._capped = None
        if self._eager_wait is not None:
            await self.task_manager.cancel_task(self._eager_wait)
            self._eager_wait = None
        self._cap_reached = False
        self._end_probability = None
        await super()._discard_pending_end_of_turn()

    async def _handle_prediction_result(self, result: MetricsData | None) -> None:
        """Keeps Smart Turn's probability that the caller is done: a sure verdict needs less silence."""
        if isinstance(result, TurnMetricsData):
            self._end_probability = result.probability
        await super()._handle_prediction_result(result)

    async def _handle_vad_user_stopped_speaking(self, frame: VADUserStoppedSpeakingFrame) -> None:
        self._speech_end = (frame.timestamp or time.time()) - frame.stop_secs
        await super()._handle_vad_user_stopped_speaking(frame)
        log.debug("silence; Smart Turn: %s (%s), %.0f ms after the last word",
                  "done" if self._turn_complete else "not done",
                  "-" if self._end_probability is None else f"{self._end_probability:.3f}",
                  1000 * (time.time() - self._speech_end))
        self._maybe_eager()

    async def _handle_transcription(self, frame: TranscriptionFrame) -> None:
        if frame.text.strip():
            self._words.append(frame.text.strip())
            self._heard = frame.result
        hold = turn_hold(self.turn_text, self._expecting())
        if hold.ends_now and self._vad_stopped and not self._vad_user_speaking:
            self._turn_complete = True  # "Ja." is a whole answer even if Smart Turn expects more
        await super()._handle_transcription(frame)
        cap = silence_cap(self.turn_text, self._expecting())
        log.debug("words so far: %s, awaited %s; shorter silence cap %s", hold.reason, sorted(self._expecting()), cap)
        if cap is not None and self._capped is None and self._vad_stopped and not self._vad_user_speaking \
                and not self._turn_complete and self._speech_end:
            self._capped = self.task_manager.create_task(self._end_capped(cap), f"{self}::capped_turn")
        self._maybe_eager()

    def _maybe_eager(self) -> None:
        """Wait out the eager silence if the brain lets this turn end eagerly (brain/eager.py)."""
        if self._eager is None or self._eager_said or self._eager_wait is not None or not self._speech_end:
            return
        if self._vad_user_speaking or not self._vad_stopped:
            return
        floor = self._eager_floor()
        if floor is not None:
            self._eager_wait = self.task_manager.create_task(self._end_eagerly(floor), f"{self}::eager_turn")

    def _words_all_in(self) -> bool:
        """Speech-to-text has transcribed every stretch of the turn, and they are the words decided on: its
        transcript reaches this strategy as a frame, behind the audio still queued before it."""
        if self._heard_so_far is None:
            return True
        heard = self._heard_so_far()
        return heard is not None and [t.text.strip() for t in heard if t.text.strip()] == self._words

    def _eager_floor(self) -> float | None:
        return eager_silence(self.turn_text, self._expecting(), self._end_probability, len(self._words))

    async def _end_eagerly(self, floor: float) -> None:
        """Once the caller has been silent `floor` seconds and every stretch they said is transcribed, tell
        the listener, if the words then still allow it (a stretch heard meanwhile makes the turn one of two)."""
        try:
            while (left := self._left_of(floor)) > 0:
                await asyncio.sleep(left)
            deadline = time.monotonic() + LATE_TRANSCRIPT_SECS
            while self._transcribing() and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
        except asyncio.CancelledError:
            return
        self._eager_wait = None
        if self._vad_user_speaking or self._eager_said or self._eager is None or self._transcribing():
            return
        if self._eager_floor() is None or not self._words_all_in():
            return
        self._eager_said = True
        self.eager_after = floor
        log.debug("eager end of turn %.0f ms after the last word", 1000 * (time.time() - self._speech_end))
        self._eager(self.turn_text, self._heard)

    async def _end_capped(self, cap: float) -> None:
        """Smart Turn keeps a whole request open: end it once the caller has been silent `cap` seconds."""
        try:
            while (left := self._left_of(cap)) > 0:
                await asyncio.sleep(left)
        except asyncio.CancelledError:
            return
        self._capped = None
        if self._vad_user_speaking or self._turn_complete:
            return
        log.debug("Smart Turn keeps a whole request open; ending it after %.1f s of silence", cap)
        self._turn_complete = self._cap_reached = True
        await self._maybe_trigger_user_turn_stopped()

    async def trigger_user_turn_stopped(self, *, enable_user_speaking_frames: bool | None = None) -> None:
        log.debug("end of turn asked for %.0f ms after the last word (Smart Turn: %s)",
                  1000 * (time.time() - self._speech_end) if self._speech_end else -1,
                  "done" if self._turn_complete else "not done")
        if self._held is not None:
            return  # already waiting out the silence the words asked for
        if self._still_to_wait() <= 0 and not self._transcribing():
            self.ended_on, self.ended_capped = self._verdict, self._cap_reached
            await super().trigger_user_turn_stopped(enable_user_speaking_frames=enable_user_speaking_frames)
            return
        self._held = self.task_manager.create_task(self._release(), f"{self}::held_turn")

    def _still_to_wait(self) -> float:
        """Seconds until the silence the words so far ask for has passed (0: end the turn now)."""
        hold = self._verdict = turn_hold(self.turn_text, self._expecting())
        silence = self.ended_after = hold.end_silence_after(self._end_probability)
        if not self._speech_end:
            return 0.0
        # a short answer ends at once, but not over a caller already going on ("No," - 0.35 s - "that's all"):
        # at least VAD's own stop_secs of the audio since their last word must be silent
        return self._left_of(max(silence, self._stop_secs))

    def _left_of(self, silence: float) -> float:
        """Seconds until the caller has been silent this long, by the clock and by the audio VAD has heard."""
        by_clock = self._speech_end + silence - time.time()
        heard = self._heard_silence()
        return by_clock if heard is None else max(by_clock, silence - heard)

    async def _release(self) -> None:
        """End the turn once the silence the words ask for has passed, deciding on the words of every
        stretch: on a busy machine the last one's transcript can come after the earlier words' wait."""
        try:
            while True:
                wait = self._still_to_wait()
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
                deadline = time.monotonic() + LATE_TRANSCRIPT_SECS
                while self._transcribing() and time.monotonic() < deadline:
                    await asyncio.sleep(0.05)
                if self._still_to_wait() <= 0:
                    break
        except asyncio.CancelledError:
            return
        self._held = None
        if not self._vad_user_speaking:
            self.ended_on, self.ended_capped = self._verdict, self._cap_reached
            await super().trigger_user_turn_stopped()
