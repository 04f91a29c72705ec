"""Questions the client's pack answers (opening hours, services): the answer, then "anything else?"."""

from __future__ import annotations

from .. import answers
from ..state import Reply
from .context import Context


def answer(c: Context, text: str) -> Reply:
    s = c.state
    found = answers.info_answer(c.pack, text)
    if found is None:
        return c.misunderstood([], lead="info_unknown")
    s.phase, s.served = "anything_else", True
    return Reply([c.localized(found.answer), c.say("anything_else")])
