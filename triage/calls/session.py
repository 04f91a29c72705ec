"""One call's life around the pure dialogue: it stores the transcript and every outcome before the
caller hears that it is done, and turns a failure inside the call into a handoff to a human.

An emergency (P0/P1) is stored the moment the dialogue knows it, before the caller hears the
advice: the call becomes a handoff-to-be (CallStore.mark_urgency), so a server killed mid-call
still leaves agents a case (CallStore.rescue_lost_emergencies). A database that fails never makes
the caller wait in silence: they hear the safety advice and that a human takes over, and the
failure is logged as an alert."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from ..brain.dialogue import Dialogue
from ..brain.eager import may_answer_eagerly
from ..brain.state import CallState, Outcome, Reply
from ..packs.render import render
from ..store.repo import EMERGENCIES, CallStore

log = logging.getLogger(__name__)


def pack_version(pack) -> str:
    """A call keeps the pack version it started with; the version is the hash of its content."""
    return hashlib.sha256(pack.model_dump_json().encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Speculation:
    """A turn decided on a copy of the call before its end was sure (CallSession.speculate)."""

    text: str
    confidence: float | None
    language: str | None
    reply: Reply
    dialogue: Dialogue  # the copy, once it has decided
    base: CallState  # the call's state it was copied from, and its transcript's length then: a commit checks
    base_turns: int  # that nothing else happened since (a key pressed mutates the same state)


class CallSession:
    def __init__(
        self,
        dialogue: Dialogue,
        store: CallStore,
        channel: str = "text",
        line_call_id: str | None = None,
        caller_number: str | None = None,
        store_start: bool = True,
    ) -> None:
        """`store_start` False: the call's start is stored with the first thing stored of it (a voice call's
        greeting, `flush`), not here: twenty callers connecting at once wait for the database one after the
        other, and the greeting need not wait (it promises nothing)."""
        self.dialogue = dialogue
        dialogue.caller_number = caller_number  # operator (issue 13): a callback needs a number to call
        self.store = store
        self.call_id = uuid.uuid4().hex  # ours, so a start that failed can be stored later under it
        # what the call's start stores; the pack's version (a hash of it) is taken then, off the event loop
        self._start_as = (dialogue.state.lang, channel, line_call_id, caller_number)
        self._started = False
        self._start_lock = threading.Lock()  # the greeting's flush and a first turn may both store the start
        self._stored_turns = 0
        self._flush_lock = threading.Lock()
        self._last_stored: Outcome | None = None
        self._marked_urgency: str | None = None
        # One turn at a time: a DTMF key reaches the brain at once (a pipecat system frame) while a
        # spoken turn may still be in speech recognition or in the dialogue in another thread.
        self._turn_lock = threading.RLock()
        self.handoff_id: str | None = None  # the stored handoff, once the caller has been handed over
        # an eager reply the caller is hearing whose turn is not stored yet (calls/brain_processor.py): a
        # caller who hangs up before the turn's ordinary end still has that turn stored (`_hangup`)
        self._said: Speculation | None = None
        if store_start:
            self._try_start()

    def _try_start(self) -> bool:
        """Store the call's start, once; a failing database is an alert, not a silent caller."""
        with self._start_lock:
            if not self._started:
                try:
                    pack, (lang, channel, line_call_id, number) = self.dialogue.pack, self._start_as
                    self.store.start_call(
                        pack.id, pack_version(pack), lang, channel, line_call_id, number, call_id=self.call_id
                    )
                    self._started = True
                except Exception:
                    log.exception("ALERT: call %s could not be stored: the database is failing", self.call_id)
            return self._started

    def greet(self) -> Reply:
        with self._turn_lock:
            return self._deliver(self.dialogue.greet())

    def greeting(self) -> Reply:
        """The greeting without waiting for the database: it promises nothing, so it need not be
        stored before it is said. A voice call speaks it at once and stores it with `flush()`."""
        return self.dialogue.greet()

    def flush(self) -> None:
        """The call's start, if not stored yet, and the transcript so far."""
        if self._try_start():
            self._quietly(self._flush_transcript, "transcript")

    def hear(self, text: str, *, confidence: float | None = None, language: str | None = None) -> Reply:
        """A spoken turn. One that arrives after the call was handed over or ended says nothing and
        ends nothing: the caller pressed 0 while these words were still being transcribed, and the
        key won. (Ending the call here would hang up on a caller waiting for a human.) `confidence` is
        speech recognition's for the turn in [0, 1] (None for typed text)."""
        with self._turn_lock:
            if self.dialogue.state.ended:
                return Reply()
            started = time.perf_counter()
            try:
                reply = self.dialogue.hear(text, confidence=confidence, language=language)
            except Exception as exc:  # a bug in one call must reach a human, not crash the line
                log.exception("dialogue failed in call %s", self.call_id)
                reply = self.dialogue.fail(type(exc).__name__)
            decided = time.perf_counter()
            delivered = self._deliver(reply)
            log.debug("call %s: the dialogue decided in %.0f ms, stored in %.0f ms", self.call_id,
                      1000 * (decided - started), 1000 * (time.perf_counter() - decided))
            return delivered

    def speculate(
        self, text: str, *, confidence: float | None = None, language: str | None = None
    ) -> Speculation | None:
        """A turn decided on a copy of the call (brain/eager.py): nothing is stored and the call's own
        state is untouched, so the reply can be said before the turn is sure to be over and dropped if the
        caller goes on. None when the reply is no ordinary next step (it waits for the ordinary end)."""
        with self._turn_lock:
            if self.dialogue.state.ended:
                return None
            tentative = self.dialogue.tentative()
            try:
                reply = tentative.hear(text, confidence=confidence, language=language)
            except Exception:  # decided again, for real, at the ordinary end of the turn
                log.exception("tentative dialogue failed in call %s", self.call_id)
                return None
            if not may_answer_eagerly(self.dialogue.state, tentative.state, reply):
                return None
            state = self.dialogue.state
            return Speculation(text, confidence, language, reply, tentative, state, len(state.transcript))

    def saying(self, speculation: Speculation | None) -> None:
        """The caller is hearing this eager reply (None: it was taken back). Its turn is stored at the
        turn's ordinary end (`commit`), or when the call ends first (`hangup`)."""
        self._said = speculation

    def commit(self, speculation: Speculation) -> Reply | None:
        """The eagerly answered turn was not taken back: the call goes on from its copy, stored as one turn.
        None if the call moved on meanwhile (a key pressed): then the turn is decided again."""
        with self._turn_lock:
            if self._said is speculation:
                self._said = None
            state = self.dialogue.state
            if state is not speculation.base or len(state.transcript) != speculation.base_turns:
                return None
            self.dialogue.adopt(speculation.dialogue)
            return self._deliver(speculation.reply)

    def dtmf(self, digit: str) -> Reply:
        with self._turn_lock:
            return self._deliver(self.dialogue.dtmf(digit))

    def fail(self, error: str) -> Reply:
        """An engine outside the brain failed in this call (speech, network): hand the caller over."""
        with self._turn_lock:
            if self.dialogue.state.ended:
                return Reply(end=True)
            return self._deliver(self.dialogue.fail(error))

    def waiting(self, event: str) -> Reply:
        """The caller is on hold for a human and something happened to their handoff."""
        with self._turn_lock:
            return self._deliver(self.dialogue.waiting(event))

    def hangup(self) -> Outcome | None:
        with self._turn_lock:
            return self._hangup()

    def _hangup(self) -> Outcome | None:
        said, self._said = self._said, None
        if said is not None and not self.dialogue.state.ended:
            # the caller heard the reply to their last words and hung up before the turn's ordinary end:
            # those words are their turn, stored as decided
            state = self.dialogue.state
            if state is said.base and len(state.transcript) == said.base_turns:
                self.dialogue.adopt(said.dialogue)
                self._deliver(said.reply)
        outcome = self.dialogue.hangup()
        if not self._try_start():
            raise RuntimeError(f"call {self.call_id} is not stored: the database is failing")
        if outcome is not None and outcome is not self._last_stored:
            self._store_outcome(outcome)
        self._flush_transcript()
        self._end_call()
        return outcome

    def _deliver(self, reply: Reply) -> Reply:
        """Persist before you promise: the outcome is committed, then the words are released.

        An emergency without an outcome yet is stored too before its advice is released. When the
        database fails, the caller hears the safety advice of this reply and the fail-safe sentence."""
        started = self._try_start()
        if reply.outcome is not None:
            try:
                if not started:
                    raise RuntimeError("the call itself could not be stored")
                self._store_outcome(reply.outcome)
                self._last_stored = reply.outcome
            except Exception:
                log.exception("ALERT: could not store the outcome of call %s", self.call_id)
                # a P0 sentence names the public emergency number, an acute one calms: both are said anyway
                safety = reply.outcome.handoff_reason in ("p0", "distress")
                reply = self._fail_safe(reply.says if safety else [])
        elif self._emergency_unstored():
            state = self.dialogue.state
            try:
                if not started:
                    raise RuntimeError("the call itself could not be stored")
                self.store.mark_urgency(self.call_id, state.urgency, state.intent, state.distress)
                self._marked_urgency = state.urgency
            except Exception:
                log.exception("ALERT: could not store the %s emergency of call %s", state.urgency, self.call_id)
                reply = self._fail_safe(self._advice_in(reply))
        if started:
            self._quietly(self._flush_transcript, "transcript")
            if reply.end:
                self._quietly(self._end_call, "end")
        return reply

    def _end_call(self) -> None:
        """The end with the language the call ended in: it may have switched to the caller's since the start."""
        state = self.dialogue.state
        self.store.end_call(self.call_id, state.recording_consent, language=state.lang)

    def _emergency_unstored(self) -> bool:
        state = self.dialogue.state
        return state.outcome is None and state.urgency in EMERGENCIES and state.urgency != self._marked_urgency

    def _fail_safe(self, keep: list[str]) -> Reply:
        """The database failed: what keeps the caller safe, then the sentence that a human takes over
        (an agent sees the call once the database is back; the failure is logged as an alert)."""
        failed = self.dialogue.fail("storage")
        if self._started:
            try:
                self._store_outcome(failed.outcome)
                self._last_stored = failed.outcome
            except Exception:
                log.exception("ALERT: could not store the fail-safe handoff of call %s either", self.call_id)
        return Reply([*keep, *failed.says], outcome=failed.outcome, end=failed.end)

    def _advice_in(self, reply: Reply) -> list[str]:
        """The emergency's safety advice among this reply's sentences (all of them if the pack has none
        for it: better a question too many than advice too few)."""
        state, pack = self.dialogue.state, self.dialogue.pack
        emergency = pack.emergency(state.emergency_id)
        if emergency is None or not emergency.advice:
            return list(reply.says)
        texts = emergency.advice
        text = texts.get(state.lang) or texts.get(pack.languages[0]) or next(iter(texts.values()))
        advice = render(text, client_name=pack.name)
        return [said for said in reply.says if said == advice] or list(reply.says)

    def _quietly(self, store: Callable[[], object], what: str) -> None:
        """The transcript and the end time inform; failing to store them must not silence the caller."""
        try:
            store()
        except Exception:
            log.exception("ALERT: could not store the %s of call %s", what, self.call_id)

    def _store_outcome(self, outcome: Outcome) -> None:
        stored_id = self.store.save_outcome(
            self.call_id, outcome.as_dict(), self.dialogue.pack.id, self.dialogue.state.lang
        )
        if outcome.type == "handoff":
            self.handoff_id = stored_id

    def _flush_transcript(self) -> None:
        with self._flush_lock:  # the greeting's flush may still run when the first turn is stored
            turns = self.dialogue.state.transcript[self._stored_turns :]
            self.store.add_turns(self.call_id, [(t.role, t.text) for t in turns])
            self._stored_turns += len(turns)
