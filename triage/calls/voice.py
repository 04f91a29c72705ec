"""One spoken call around the text session: what the audio pipeline needs to ask the brain and
to remember about timing.

The session writes to the database, so every call into it runs in a worker thread; the event
loop keeps carrying every other caller's audio meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

from ..brain.dialogue import Dialogue
from ..brain.hold import Hold
from ..brain.model import TextModel
from ..brain.state import Outcome, Reply
from ..handoff.desk import HandoffDesk
from ..metrics import Metrics
from ..packs.schema import Pack
from ..store.repo import CallStore
from .session import CallSession, Speculation

log = logging.getLogger(__name__)


@dataclass
class TurnTiming:
    """Where the time went between the caller falling silent and the first reply audio."""

    speech_end: float  # monotonic: when the caller stopped speaking (VAD stop minus its silence window)
    stt_seconds: float = 0.0
    turn_end: float | None = None  # the turn detector decided the caller is done
    brain_seconds: float = 0.0
    first_audio: float | None = None  # the first reply audio left for the caller

    @property
    def stages(self) -> dict[str, float]:
        """VAD/turn is what is left once transcription, brain and synthesis are accounted for."""
        if self.first_audio is None or self.turn_end is None:
            return {}
        brain_done = self.turn_end + self.brain_seconds
        return {
            "vad_turn": max(0.0, self.turn_end - self.speech_end - self.stt_seconds),
            "stt": self.stt_seconds,
            "brain": self.brain_seconds,
            "tts_first_chunk": max(0.0, self.first_audio - brain_done),
            "total": self.first_audio - self.speech_end,
        }


@dataclass
class CallTimings:
    connected: float = field(default_factory=time.monotonic)
    opened: float | None = None  # the call's session made (calls/voice.py VoiceCall.open)
    started: float | None = None  # its pipeline started (the brain's StartFrame)
    greeting_audio: float | None = None
    turns: list[TurnTiming] = field(default_factory=list)

    @property
    def greeting_latency(self) -> float | None:
        return None if self.greeting_audio is None else self.greeting_audio - self.connected


class VoiceCall:
    """The brain side of one audio call. Created with `open()`; the call is stored with its greeting (`greet`)."""

    def __init__(self, session: CallSession, metrics: Metrics, channel: str, desk: HandoffDesk | None = None) -> None:
        self.session = session
        self.metrics = metrics
        self.channel = channel
        # With a desk, a caller handed to a human waits on the line for them; without, the call ends
        self.desk = desk
        self.hold = Hold(channel, has_desk=desk is not None)  # what a caller on hold hears (brain/hold.py)
        self.timings = CallTimings()
        self.finished = False
        self._counted_handoffs: set[int] = set()
        self._stored: asyncio.Task | None = None  # store_soon's
        # the language an eager reply was decided in, while the call's state is not yet the decided one
        self.tentative_lang: str | None = None

    @classmethod
    def open(
        cls,
        pack: Pack,
        model: TextModel | None,
        store: CallStore,
        metrics: Metrics,
        channel: str,
        line_call_id: str | None = None,
        caller_number: str | None = None,
        desk: HandoffDesk | None = None,
    ) -> VoiceCall:
        connected = time.monotonic()
        # nothing stored yet, so no worker thread: in a burst of callers those are busy storing earlier calls
        session = CallSession(Dialogue(pack, model), store, channel, line_call_id, caller_number, store_start=False)
        call = cls(session, metrics, channel, desk)
        call.timings.connected = connected
        call.timings.opened = time.monotonic()
        metrics.calls.labels(channel).inc()
        metrics.active_calls.labels(channel).inc()
        return call

    @property
    def waiting_for(self) -> str | None:
        """The handoff this caller is on hold for."""
        return self.hold.waiting_for

    @property
    def expecting(self) -> frozenset[str]:
        """The details the dialogue is collecting now: the end of a turn waits for them (brain/turns.py)."""
        return self.session.dialogue.expecting

    @property
    def pack(self) -> Pack:
        return self.session.dialogue.pack

    @property
    def call_id(self) -> str:
        return self.session.call_id

    @property
    def lang(self) -> str:
        return self.session.dialogue.state.lang

    @property
    def voice_lang(self) -> str:
        """The language the voice speaks now: an eager reply's, else the call's (brain/eager.py)."""
        return self.tentative_lang or self.lang

    @property
    def languages(self) -> list[str]:
        return list(self.pack.languages)

    async def greet(self) -> Reply:
        """Said at once; the call's start and the greeting are stored right after (CallSession.greeting, flush)."""
        reply = self.session.greeting()
        self.store_soon()
        return reply

    def store_soon(self) -> None:
        """The call's start and its transcript so far are stored in a worker thread, while the caller hears
        the greeting (or, back from a transfer nobody answered, the hold)."""
        self._stored = asyncio.create_task(asyncio.to_thread(self.session.flush))

    async def hear(self, text: str, confidence: float | None = None, language: str | None = None) -> Reply:
        """A caller turn; `confidence` is speech recognition's, in [0, 1], and `language` the one it
        decoded the turn in (speech/engines.py)."""
        return self._counted(
            await asyncio.to_thread(self.session.hear, text, confidence=confidence, language=language)
        )

    async def speculate(
        self, text: str, confidence: float | None = None, language: str | None = None
    ) -> Speculation | None:
        """A turn decided on a copy of the call, to be said before its end is sure (brain/eager.py)."""
        return await asyncio.to_thread(self.session.speculate, text, confidence=confidence, language=language)

    async def commit(self, speculation: Speculation) -> Reply | None:
        """The eagerly answered turn stands: stored as the call's turn (None: decide it again)."""
        reply = await asyncio.to_thread(self.session.commit, speculation)
        return None if reply is None else self._counted(reply)

    def saying(self, speculation: Speculation | None) -> None:
        """The caller is hearing this eager reply (None: taken back); see CallSession.saying."""
        self.session.saying(speculation)

    async def dtmf(self, digit: str) -> Reply:
        return self._counted(await asyncio.to_thread(self.session.dtmf, digit))

    async def fail(self, engine: str) -> Reply:
        """An engine failed in this call: the caller goes to a human with what is known."""
        self.metrics.engine_errors.labels(engine).inc()
        return self._counted(await asyncio.to_thread(self.session.fail, engine))

    async def waiting(self, event: str) -> Reply:
        return await asyncio.to_thread(self.session.waiting, event)

    @property
    def handoff_id(self) -> str | None:
        return self.session.handoff_id

    async def hangup(self) -> Outcome | None:
        """The line is closed. Idempotent: the transport and the pipeline may both report it."""
        if self.finished:
            return self.session.dialogue.state.outcome
        self.finished = True
        self.metrics.active_calls.labels(self.channel).dec()
        if self.desk is not None and self.waiting_for is not None:
            await self.desk.caller_left(self.waiting_for)
        try:
            return self._counted_outcome(await asyncio.to_thread(self.session.hangup))
        except Exception:
            log.exception("could not close call %s", self.call_id)
            return None

    def _counted(self, reply: Reply) -> Reply:
        self._counted_outcome(reply.outcome)
        return reply

    def _counted_outcome(self, outcome: Outcome | None) -> Outcome | None:
        if outcome is not None and outcome.type == "handoff" and id(outcome) not in self._counted_handoffs:
            self._counted_handoffs.add(id(outcome))
            self.metrics.handoffs.labels(outcome.urgency).inc()
        return outcome
