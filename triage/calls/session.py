"""One call's life around the pure dialogue: it stores the transcript and every outcome before the
caller hears that it is done, and turns a failure inside the call into a handoff to a human."""

from __future__ import annotations

import hashlib
import logging
import threading

from ..brain.dialogue import Dialogue
from ..brain.state import Outcome, Reply
from ..store.repo import CallStore

log = logging.getLogger(__name__)


def pack_version(pack) -> str:
    """A call keeps the pack version it started with; the version is the hash of its content."""
    return hashlib.sha256(pack.model_dump_json().encode()).hexdigest()[:16]


class CallSession:
    def __init__(
        self,
        dialogue: Dialogue,
        store: CallStore,
        channel: str = "text",
        line_call_id: str | None = None,
        caller_number: str | None = None,
    ) -> None:
        self.dialogue = dialogue
        self.store = store
        pack = dialogue.pack
        self.call_id = store.start_call(
            pack.id, pack_version(pack), dialogue.state.lang, channel, line_call_id, caller_number
        )
        self._stored_turns = 0
        self._flush_lock = threading.Lock()
        self._last_stored: Outcome | None = None
        self.handoff_id: str | None = None  # the stored handoff, once the caller has been handed over

    def greet(self) -> Reply:
        return self._deliver(self.dialogue.greet())

    def greeting(self) -> Reply:
        """The greeting without waiting for the database: it promises nothing, so it need not be
        stored before it is said. A voice call speaks it at once and stores it with `flush()`."""
        return self.dialogue.greet()

    def flush(self) -> None:
        self._flush_transcript()

    def hear(self, text: str, *, confidence: float | None = None) -> Reply:
        """A caller turn; `confidence` is speech recognition's for it in [0, 1] (None for typed text)."""
        try:
            reply = self.dialogue.hear(text, confidence=confidence)
        except Exception as exc:  # a bug in one call must reach a human, not crash the line
            log.exception("dialogue failed in call %s", self.call_id)
            reply = self.dialogue.fail(type(exc).__name__)
        return self._deliver(reply)

    def dtmf(self, digit: str) -> Reply:
        return self._deliver(self.dialogue.dtmf(digit))

    def fail(self, error: str) -> Reply:
        """An engine outside the brain failed in this call (speech, network): hand the caller over."""
        if self.dialogue.state.ended:
            return Reply(end=True)
        return self._deliver(self.dialogue.fail(error))

    def waiting(self, event: str) -> Reply:
        """The caller is on hold for a human and something happened to their handoff."""
        return self._deliver(self.dialogue.waiting(event))

    def hangup(self) -> Outcome | None:
        outcome = self.dialogue.hangup()
        if outcome is not None and outcome is not self._last_stored:
            self._store_outcome(outcome)
        self._flush_transcript()
        self.store.end_call(self.call_id, self.dialogue.state.recording_consent)
        return outcome

    def _deliver(self, reply: Reply) -> Reply:
        """Persist before you promise: the outcome is committed, then the words are released."""
        if reply.outcome is not None:
            try:
                self._store_outcome(reply.outcome)
                self._last_stored = reply.outcome
            except Exception:
                log.exception("could not store the outcome of call %s", self.call_id)
                reply = self.dialogue.fail("storage")
                self._last_stored = None
        self._flush_transcript()
        if reply.end:
            self.store.end_call(self.call_id, self.dialogue.state.recording_consent)
        return reply

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
