"""The AI disclosure is always heard in full (EU AI Act Art. 50): text and call events in, decisions out.

The greeting's first sentence tells the caller that an AI answers. A caller who talks at once must not
cut it off: while it plays, their speech does not interrupt the bot (barge-in is off); what they say
is still heard, kept, and answered after the greeting, as any turn is. Barge-in is back once the
caller's line confirms the disclosure was played (the mark queued behind its audio comes back), or,
if a line never confirms, after DISCLOSURE_MAX_SECS, so a broken line cannot make the bot deaf to
interruptions for the whole call. No I/O: calls/brain_processor.py and calls/guarded_turns.py only
translate these decisions into pipecat frames and turn settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from .state import Reply

DISCLOSURE_MARK = "disclosure"  # the name of the mark queued right behind the disclosure's audio
DISCLOSURE_MAX_SECS = 30.0  # a line that never echoes the mark gets barge-in back after this long


def disclosure_sentences(greeting: Reply) -> int:
    """How many of the greeting's first sentences make up the disclosure: the pack's `greeting`
    prompt, which names the client and says an AI answers (out-of-hours words and the consent
    question after it may be interrupted as usual)."""
    return 1 if greeting.says else 0


@dataclass
class Disclosure:
    """Whether the disclosure is still playing, and whether the caller spoke over it."""

    playing: bool = False
    talked_over: bool = False

    def started(self) -> None:
        """The disclosure has been queued for the caller."""
        self.playing = True

    def caller_started(self) -> None:
        if self.playing:
            self.talked_over = True

    def heard(self) -> None:
        """The caller's line played it to the end (or it was given up on after DISCLOSURE_MAX_SECS)."""
        self.playing = False

    def may_interrupt(self) -> bool:
        """May the caller's speech stop the bot now?"""
        return not self.playing
