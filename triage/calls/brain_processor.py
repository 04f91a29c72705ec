"""The brain in the pipecat pipeline: frames in, the pure dialogue's decisions out.

It decides nothing itself. It gives the caller's turn (as speech recognition heard it, with its
confidence) to the brain, and turns the reply into speech, a mark (so we learn when the caller has
heard it) and events for the browser page. Engine failures arrive here as frames and become a handoff to a human.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import TYPE_CHECKING, Any, Protocol

from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    CancelWorkerFrame,
    EndFrame,
    EndWorkerFrame,
    Frame,
    InputAudioRawFrame,
    InputDTMFFrame,
    InputTransportMessageFrame,
    InterruptionFrame,
    OutputTransportMessageFrame,
    OutputTransportMessageUrgentFrame,
    StartFrame,
    TranscriptionFrame,
    TTSSpeakFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

from ..brain import reply_wait
from ..brain.disclosure import DISCLOSURE_MARK, DISCLOSURE_MAX_SECS, Disclosure, disclosure_sentences
from ..brain.hold import HOLD_REPEAT_SECS, HoldStep
from ..brain.state import Reply
from ..brain.turns import CALLER_SILENCE_SECS
from .session import Speculation
from .speech_services import EngineFailedFrame, HeardFrame
from .voice import TurnTiming, VoiceCall

if TYPE_CHECKING:
    from ..privacy.recording_pipeline import CallRecorder
    from .agent_bridge import CallBridge

log = logging.getLogger(__name__)

# How long after the last words we wait for the caller's side to confirm it played them before
# hanging up anyway (a client that never echoes marks must not keep the line open forever).
END_MARK_GRACE_SECS = 20.0
# The calls on this server whose caller's turn awaits its reply: more than the server works on at once is
# an overload (brain/reply_wait.py). One event loop serves them all, so a plain set is safe.
_AWAITING_REPLY: set[str] = set()


class SpeechLoad(Protocol):
    """How busy the shared speech-to-text is (speech/engines.py SpeechToText)."""

    def waiting(self, owner: str) -> bool: ...

    @property
    def capacity(self) -> int: ...


class _NoLoad:
    """Without a speech engine to ask (text calls, tests): the cores are what the server works on at once."""

    capacity = os.cpu_count() or 1

    def waiting(self, owner: str) -> bool:
        return False


class BrainProcessor(FrameProcessor):
    def __init__(
        self,
        call: VoiceCall,
        resume_handoff: str | None = None,
        bridge: CallBridge | None = None,
        recorder: CallRecorder | None = None,
        disclosure: Disclosure | None = None,
        speech: SpeechLoad | None = None,
    ) -> None:
        super().__init__(name=f"brain-{call.call_id[:8]}")
        self.call = call
        self._speech: SpeechLoad = speech or _NoLoad()  # is the server behind? (a holding sentence, below)
        self._recorder = recorder  # records while the caller's consent stands (privacy/recording_pipeline.py)
        self._disclosure = disclosure or Disclosure()  # barge-in waits until the AI disclosure is heard
        self._disclosure_timer: asyncio.Task | None = None
        self._bridge = bridge  # an agent may take this call while it is on hold (agent_bridge.py)
        self._resume_handoff = resume_handoff
        self._hold_task: asyncio.Task | None = None  # the hold decisions are the call's (brain/hold.py)
        self._utterances = 0
        self._end_mark: str | None = None
        self._end_timer: asyncio.Task | None = None
        self._ending = False
        self._closing = False  # the last words are said: later caller turns are not answered
        self._speech_end: float | None = None  # monotonic
        self._stt_seconds = 0.0
        self._waiting_first_audio: TurnTiming | None = None
        self._greeting_pending = True
        self._caller_speaking = False
        self._held_reply: Reply | None = None  # ready while the caller spoke again: said only if needed
        self._silence_timer: asyncio.Task | None = None  # the caller heard a question and said nothing yet
        self._reply_wait: asyncio.Task | None = None  # the caller's turn is over, its reply not ready (overload)
        self._reply_held = False  # the holding sentence was said this turn
        self._handing_over = False  # the wait ran out: the call is going to a human
        self._answered_at = 0.0  # monotonic: when the last caller turn reached the brain
        # an eager end of turn (brain/eager.py): the reply decided on a copy of the call and being said while
        # the turn may still go on; stored when the turn ends as it was, stopped if the caller goes on
        self._eager: Speculation | None = None
        self._eager_task: asyncio.Task | None = None
        self._eager_timing: TurnTiming | None = None  # stored with the turn's timings once it stands
        self._caller_went_on = 0  # counts VAD's starts: a tentative decision made before one is stale
        self._bot_speaking = False
        self.taken_back = 0  # eager replies stopped because the caller went on, for logs and tests

    # --- frames -----------------------------------------------------------------------------------
    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if isinstance(frame, StartFrame):
            self.call.timings.started = time.monotonic()
            await self.push_frame(frame, direction)
            await self._event({"type": "call", **self._call_info()})
            if self._resume_handoff and self.call.desk is not None:
                # back from a transfer nobody answered: no greeting, the caller is still waiting
                self.call.store_soon()
                await self.call.desk.caller_back(self._resume_handoff)
                await self._hold_step(self.call.hold.resume(self._resume_handoff))
                self._start_hold(self._resume_handoff)
            else:
                greeting = await self.call.greet()
                self._disclosure.started()
                self._disclosure_timer = asyncio.create_task(self._disclosure_given_up())
                await self._speak(greeting, disclosure=disclosure_sentences(greeting))
        elif isinstance(frame, InputAudioRawFrame):
            if self._recorder is not None:  # on to the recorder at the pipeline's end
                await self.push_frame(frame, direction)
            return  # otherwise the caller's audio has reached every processor that needs it
        elif isinstance(frame, VADUserStoppedSpeakingFrame):
            # the caller fell silent stop_secs before VAD said so
            age = max(0.0, time.time() - frame.timestamp) if frame.timestamp else 0.0
            self._speech_end = time.monotonic() - age - frame.stop_secs
            if reply_wait.counts_from_silence(self.call.expecting):
                self._start_reply_wait()
            await self.push_frame(frame, direction)
        elif isinstance(frame, VADUserStartedSpeakingFrame):
            self._stop_reply_wait()  # they go on: no reply is due yet
            self._caller_went_on += 1
            await self._take_back("the caller went on")
            await self.push_frame(frame, direction)
        elif isinstance(frame, HeardFrame):  # the turn is over and transcribed (speech_services.py)
            self._stt_seconds = frame.stt_seconds
            await self._caller_turn(frame.text.strip(), frame.confidence, language=frame.language or None)
        elif isinstance(frame, TranscriptionFrame):
            return  # a stretch of the turn: not passed on, text-to-speech must never read the caller's words
        elif isinstance(frame, UserStartedSpeakingFrame):
            self._caller_speaking = True
            self._disclosure.caller_started()
            self._stop_silence_timer()
            self._stop_reply_wait()
            await self.push_frame(frame, direction)
        elif isinstance(frame, UserStoppedSpeakingFrame):
            self._caller_speaking = False
            if self._reply_wait is None:
                self._start_reply_wait()
            await self.push_frame(frame, direction)
        elif isinstance(frame, InputDTMFFrame):
            self._stop_silence_timer()
            await self._take_back("a key was pressed")
            await self._event({"type": "transcript", "role": "caller", "text": f"[DTMF {frame.button.value}]"})
            await self._speak(await self.call.dtmf(str(frame.button.value)))
        elif isinstance(frame, InputTransportMessageFrame):
            await self._transport_message(frame.message)
        elif isinstance(frame, EngineFailedFrame):
            await self._engine_failed(frame)
        elif isinstance(frame, BotStoppedSpeakingFrame):
            self._bot_speaking = False
            await self.push_frame(frame, direction)
        elif isinstance(frame, BotStartedSpeakingFrame):
            self._bot_speaking = True
            self._bot_started()
            if direction == FrameDirection.DOWNSTREAM:
                await self.push_frame(frame, direction)
        elif isinstance(frame, EndFrame):
            await self.call.hangup()
            await self.push_frame(frame, direction)
        else:
            await self.push_frame(frame, direction)

    # --- caller -> brain -------------------------------------------------------------------------
    async def _caller_turn(
        self, text: str, confidence: float | None, *, silence: bool = False, language: str | None = None
    ) -> None:
        """A turn as heard (`silence`: the caller said nothing at all after a question; `language`: the
        one speech recognition decoded it in)."""
        self._stop_silence_timer()
        self._stop_reply_wait()
        self._answered_at = time.monotonic()
        if self._handing_over:
            return  # too late: the caller is being handed to a human
        if await self._commit_eager(text, language):
            return
        held, self._held_reply = self._held_reply, None
        if held is not None and (held.end or not text):
            await self._speak(held)  # an ending is always said; so is a reply to words followed by noise
            return
        if (not text and not silence) or self._closing or self._bridged:
            return
        if self.call.waiting_for is not None:
            await self._event({"type": "transcript", "role": "caller", "text": text, "lang": self.call.lang})
            await self.call.desk.caller_said(self.call.waiting_for, text)
            await self._hold_step(self.call.hold.caller_spoke())
            return
        turn_end = time.monotonic()
        timing = TurnTiming(speech_end=self._speech_end or turn_end, stt_seconds=self._stt_seconds, turn_end=turn_end)
        log.debug("call %s: caller turn of %d characters", self.call.call_id, len(text))
        await self._event({"type": "transcript", "role": "caller", "text": text, "lang": self.call.lang})
        started = time.monotonic()
        reply = await self.call.hear(text, confidence=confidence, language=language)
        timing.brain_seconds = time.monotonic() - started
        if self._recorder is not None:
            await self._recorder.follow(self.call.session.dialogue.state)
        if self._caller_speaking and not reply.end:
            # they went on while the brain thought: never talk over them; their next words get the answer
            self._held_reply = reply
            return
        if not self._reply_held:  # after a holding sentence the reply's first audio cannot be told apart
            self._waiting_first_audio = timing
        self.call.timings.turns.append(timing)
        await self._decision()
        await self._speak(reply)

    # --- an eager end of turn (brain/eager.py): said early, stored when the turn ends as it was ---------
    def answer_eagerly(self, text: str, heard: Any) -> None:
        """calls/turn_stop.py: the caller's turn may end eagerly. Decide it on a copy of the call and say
        the reply if it is an ordinary next step; the turn itself stays open until its ordinary end."""
        if self._closing or self._handing_over or self._bridged or self.call.waiting_for is not None:
            return
        if self._bot_speaking or self._held_reply is not None or self._eager is not None:
            return  # never over the bot's own words (the AI disclosure is played whole), nor twice
        if self._eager_task is not None and not self._eager_task.done():
            return
        confidence = getattr(heard, "confidence", None)
        language = getattr(heard, "language", None) or None
        self._eager_task = asyncio.create_task(self._speak_eagerly(text.strip(), confidence, language))

    async def _speak_eagerly(self, text: str, confidence: float | None, language: str | None) -> None:
        went_on = self._caller_went_on
        turn_end = time.monotonic()
        speculation = await self.call.speculate(text, confidence, language)
        if speculation is None or went_on != self._caller_went_on or self._closing or self._handing_over:
            return  # not an ordinary next step, or the caller went on while it was decided
        log.debug("call %s: eager reply to a turn of %d characters", self.call.call_id, len(text))
        self._eager = speculation
        self.call.saying(speculation)
        self._stop_reply_wait()
        self._answered_at = time.monotonic()
        timing = TurnTiming(speech_end=self._speech_end or turn_end, stt_seconds=self._stt_seconds, turn_end=turn_end)
        timing.brain_seconds = time.monotonic() - turn_end
        self._waiting_first_audio = self._eager_timing = timing
        self.call.tentative_lang = speculation.dialogue.state.lang  # the voice of the language it was decided in
        await self._speak(speculation.reply)

    async def _take_back(self, why: str) -> None:
        """The eager reply is void: stop its audio (on Twilio the serializer's clear); the call's state was
        never changed, so the turn goes on as if nothing had been said."""
        if self._eager_task is not None and not self._eager_task.done():
            self._eager_task.cancel()
        self._eager_task = None
        if self._eager is None:
            return
        log.info("call %s: eager reply taken back: %s", self.call.call_id, why)
        self._eager = None
        self.call.saying(None)
        self._waiting_first_audio = self._eager_timing = None
        self.call.tentative_lang = None
        self.taken_back += 1
        await self.push_frame(InterruptionFrame())
        await self._event({"type": "taken_back"})

    async def _commit_eager(self, text: str, language: str | None) -> bool:
        """The turn ended where the eager reply was decided: store that decision as the turn (the caller is
        already hearing its reply). False when there is none, or it was decided on other words (it is
        then stopped, and the turn decided as usual)."""
        if self._eager_task is not None and not self._eager_task.done():
            await self._take_back("the turn ended while it was being decided")
        speculation = self._eager
        if speculation is None:
            return False
        if text != speculation.text or (language or None) != speculation.language:
            await self._take_back("the turn's words are not those decided on")
            return False
        reply = await self.call.commit(speculation)
        if reply is None:
            await self._take_back("the call moved on meanwhile")
            return False
        self._eager = None
        self.call.tentative_lang = None
        await self._event({"type": "transcript", "role": "caller", "text": text, "lang": self.call.lang})
        if self._recorder is not None:
            await self._recorder.follow(self.call.session.dialogue.state)
        if self._eager_timing is not None:
            self.call.timings.turns.append(self._eager_timing)
            self._eager_timing = None
        await self._decision()
        return True

    async def _transport_message(self, message: Any) -> None:
        if not isinstance(message, dict):
            return
        event = message.get("event")
        if event == "mark":
            name = str(message.get("name", ""))
            if name == DISCLOSURE_MARK:
                self._disclosure.heard()  # played to the end: the caller may interrupt again
            elif name and name == self._end_mark:
                await self._end_call()
            elif name and name == f"u{self._utterances}":
                self._start_silence_timer()  # the caller has heard the whole question: their turn now
        elif event == "stop":  # the caller hung up
            if self._bridge is not None:
                self._bridge.close()  # an agent talking to them is told now, not after the bot's queued words
            await self.call.hangup()
            await self._end_call(caller_gone=True)
        elif event == "error":
            log.warning("call %s: bad input from the line: %s", self.call.call_id, message.get("error"))
            await self._event({"type": "error", "error": message.get("error", "bad input")})

    async def _engine_failed(self, frame: EngineFailedFrame) -> None:
        log.error("call %s: %s engine failed: %s", self.call.call_id, frame.engine, frame.error)
        await self._take_back(f"the {frame.engine} engine failed")
        if frame.engine == "stt" and (self._handing_over or self._closing or self.call.waiting_for is not None):
            return  # the turn it failed on had already gone to a human (brain/reply_wait.py)
        reply = await self.call.fail(frame.engine)
        if frame.engine == "tts":
            # Nothing can be said any more; the handoff is stored, so a human calls back.
            await self._event({"type": "outcome", "outcome": reply.outcome.as_dict() if reply.outcome else None})
            await self._end_call()
            return
        await self._decision()
        await self._speak(reply)

    # --- brain -> caller -------------------------------------------------------------------------
    async def _speak(self, reply: Reply, *, disclosure: int = 0) -> None:
        """The reply is already stored (the session persisted it); now it may be said. The first
        `disclosure` sentences are the AI disclosure: a mark behind them says when they were heard."""
        if reply.outcome is not None:
            await self._event({"type": "outcome", "outcome": reply.outcome.as_dict()})
        for n, text in enumerate(reply.says, 1):
            await self._event({"type": "transcript", "role": "bot", "text": text, "lang": self.call.lang})
            await self.push_frame(TTSSpeakFrame(text, append_to_context=False))
            if n == disclosure:
                await self.push_frame(OutputTransportMessageFrame(message={"event": "mark", "name": DISCLOSURE_MARK}))
        if not reply.says and not reply.end:
            return
        self._utterances += 1
        mark = f"u{self._utterances}"
        # Queued behind the audio: the client echoes it when the caller has heard everything before it.
        await self.push_frame(OutputTransportMessageFrame(message={"event": "mark", "name": mark}))
        if reply.end and self.call.hold.holds(reply.outcome.type if reply.outcome else None, self.call.handoff_id):
            self._start_hold(self.call.handoff_id)
        elif reply.end:
            self._closing = True
            self._end_mark = mark
            self._end_timer = asyncio.create_task(self._end_after_grace())

    # --- on hold for a human: the decisions are brain/hold.py's -----------------------------------
    def _start_hold(self, handoff_id: str) -> None:
        self.call.hold.start(handoff_id)
        if self._bridge is not None:
            self._bridge.hold(handoff_id, self._agent_left)
        self._hold_task = asyncio.create_task(self._hold(handoff_id))

    @property
    def _bridged(self) -> bool:
        """An agent is talking to the caller: the bot says nothing."""
        return self._bridge is not None and self._bridge.bridged

    async def _hold_step(self, step: HoldStep) -> None:
        if step.ends_call:
            self._closing = True
            await self._end_call()
        elif step.says is not None:
            await self._speak(await self.call.waiting(step.says))

    async def _agent_left(self, hung_up: bool) -> None:
        """The agent who took the call hung up, or lost their line."""
        resolved = not hung_up and await self.call.desk.status(self._bridge.handoff_id) == "resolved"
        await self._hold_step(self.call.hold.agent_left(hung_up=hung_up, resolved=resolved, closing=self._closing))

    async def _hold(self, handoff_id: str) -> None:
        """Until the handoff is taken: the hold sentence after each quiet spell, and every change."""
        with self.call.desk.watch(handoff_id) as changes:
            while not self._closing:
                try:
                    change = await asyncio.wait_for(changes.get(), HOLD_REPEAT_SECS)
                except TimeoutError:
                    await self._hold_step(self.call.hold.quiet(bridged=self._bridged))
                    continue
                event = change.get("event")
                await self._event({"type": "handoff", "event": event, "status": change.get("status")})
                await self._hold_step(self.call.hold.changed(str(event), bridged=self._bridged))

    # --- a caller who says nothing: the brain decides what they hear (Dialogue.hear("")) ------------
    def _start_silence_timer(self) -> None:
        self._stop_silence_timer()
        if self._closing or self._caller_speaking or self.call.waiting_for is not None or self._bridged:
            return
        self._silence_timer = asyncio.create_task(self._silence_after(CALLER_SILENCE_SECS))

    def _stop_silence_timer(self) -> None:
        if self._silence_timer is not None and self._silence_timer is not asyncio.current_task():
            self._silence_timer.cancel()
        self._silence_timer = None

    async def _silence_after(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        if self._closing or self._caller_speaking or self.call.waiting_for is not None or self._bridged:
            return
        log.info("call %s: the caller said nothing for %.0f s", self.call.call_id, seconds)
        await self._caller_turn("", None, silence=True)

    # --- a reply that is not ready: the brain decides (brain/reply_wait.py) ----------------------------
    def _start_reply_wait(self) -> None:
        self._stop_reply_wait()
        self._reply_held = False
        answered = self._speech_end is not None and self._answered_at > self._speech_end
        if answered or self._closing or self.call.waiting_for is not None or self._bridged:
            return
        self._reply_wait = asyncio.create_task(self._wait_for_reply(self._speech_end or time.monotonic()))
        _AWAITING_REPLY.add(self.call.call_id)

    def _stop_reply_wait(self) -> None:
        _AWAITING_REPLY.discard(self.call.call_id)
        if self._reply_wait is not None and self._reply_wait is not asyncio.current_task():
            self._reply_wait.cancel()
        self._reply_wait = None

    async def _wait_for_reply(self, speech_end: float) -> None:
        limits = self.call.pack.reply_wait
        while True:
            overloaded = reply_wait.overloaded(
                len(_AWAITING_REPLY), self._speech.capacity, self._speech.waiting(self.call.call_id)
            )
            decision = reply_wait.step(time.monotonic() - speech_end, self._reply_held, limits, overloaded)
            if decision.hands_over:
                self._stop_reply_wait()
                self._handing_over = True
                log.warning("call %s: no reply within %.0f s: to a human", self.call.call_id, limits.hand_over_after_s)
                reply = await self.call.fail("reply_timeout")
                await self._decision()
                await self._speak(reply)
                self._handing_over = False
                return
            if decision.says is not None:
                self._reply_held = True
                words = reply_wait.holding_sentence(self.call.pack, self.call.lang)
                await self._event({"type": "transcript", "role": "bot", "text": words, "lang": self.call.lang})
                await self.push_frame(TTSSpeakFrame(words, append_to_context=False))
                await self.push_frame(OutputTransportMessageFrame(message={"event": "mark", "name": "wait"}))
            if decision.next_at is None:
                return
            await asyncio.sleep(max(0.0, decision.next_at - (time.monotonic() - speech_end)))

    async def _disclosure_given_up(self) -> None:
        """A line that never confirms the disclosure was played gets barge-in back after a while."""
        await asyncio.sleep(DISCLOSURE_MAX_SECS)
        self._disclosure.heard()

    async def _end_after_grace(self) -> None:
        await asyncio.sleep(END_MARK_GRACE_SECS)
        await self._end_call()

    async def _end_call(self, *, caller_gone: bool = False) -> None:
        """The call ends: what is queued for the caller is played out first, unless they hung up
        (nobody would hear it, and an agent or the next caller would wait for it to play)."""
        if self._ending:
            return
        self._ending = True
        await self._event({"type": "end"})
        if caller_gone:
            await self.push_frame(CancelWorkerFrame(reason="caller hung up"), FrameDirection.UPSTREAM)
        else:
            await self.push_frame(EndWorkerFrame(reason="call finished"))

    def _bot_started(self) -> None:
        now = time.monotonic()
        timings = self.call.timings
        if self._greeting_pending:
            self._greeting_pending = False
            timings.greeting_audio = now
            if timings.greeting_latency is not None:
                self.call.metrics.greeting_latency.observe(timings.greeting_latency)
                log.debug(
                    "call %s: greeting audio %.0f ms after connect (session made at %.0f ms, pipeline started at %.0f)",
                    self.call.call_id,
                    1000 * timings.greeting_latency,
                    1000 * ((timings.opened or now) - timings.connected),
                    1000 * ((timings.started or now) - timings.connected),
                )
        timing, self._waiting_first_audio = self._waiting_first_audio, None
        if timing is not None:
            timing.first_audio = now
            for stage, seconds in timing.stages.items():
                self.call.metrics.turn_latency.labels(stage).observe(seconds)

    async def _decision(self) -> None:
        s = self.call.session.dialogue.state
        await self._event(
            {
                "type": "decision",
                "urgency": s.urgency,
                "intent": s.intent,
                "distress": s.distress,
                "reason": "; ".join(s.evidence[-3:]),
                "language": s.lang,
                "phase": s.phase,
            }
        )

    async def _event(self, message: dict[str, Any]) -> None:
        """For the browser page; the Twilio serializer drops these (Twilio only knows its own events)."""
        await self.push_frame(OutputTransportMessageUrgentFrame(message=message))

    def _call_info(self) -> dict[str, Any]:
        pack = self.call.pack
        return {"call_id": self.call.call_id, "client": pack.id, "client_name": pack.name, "languages": pack.languages}

    async def cleanup(self) -> None:
        if self._end_timer is not None:
            self._end_timer.cancel()
        if self._disclosure_timer is not None:
            self._disclosure_timer.cancel()
        self._stop_silence_timer()
        self._stop_reply_wait()
        if self._eager_task is not None:
            self._eager_task.cancel()
        if self._hold_task is not None:
            self._hold_task.cancel()
        await super().cleanup()
