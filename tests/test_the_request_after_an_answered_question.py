"""Found by calling as a new user (sixteenth session): the request that follows a question the pack answered.

"What are your opening hours?" (answered), then "can I book an appointment for Thursday afternoon?": the agent's
summary read "Terminwunsch: „what are your opening hours?“", the answered question, not the request. The request
said after an answered question is what the agent reads; a second question keeps the first request. Both
languages, the real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call

LAWYER = "kanzlei-berg"


@pytest.mark.parametrize(
    ("lang", "question", "asked_for"),
    [
        ("de", "Wann haben Sie geöffnet?", "Gut. Dann hätte ich gern einen Termin am Donnerstag."),
        ("en", "What are your opening hours?", "OK, can I book an appointment for Thursday afternoon?"),
    ],
)
def test_the_request_after_an_answered_question_is_what_the_agent_reads(lang, question, asked_for):
    d = call(LAWYER, lang)
    d.hear(question)
    assert d.state.served and d.state.phase == "anything_else"
    d.hear(asked_for)
    assert d.state.problem == asked_for
    d.hear("Wo finde ich Sie?" if lang == "de" else "And where are you located?")
    assert d.state.problem == asked_for  # a question after the request leaves the request as it is
