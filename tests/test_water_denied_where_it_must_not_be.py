"""A caller who says there is NO water where it must not be, found by calling as a new user.

"The toilet keeps running and won't stop filling" - "no, no water on the floor, it just keeps running" was
handed to the on-call team as P1 "no water at all": the rule for a dry tap read "no water" and stopped there.
The German "es steht kein Wasser auf dem Boden" was a P1 the model took from its nearest flooding example.
Water denied on the floor, in the cellar or through the ceiling is no water cut off, and a model-only
emergency beside that denial is asked about, not assumed. A dry tap, a burst pipe said beside the denial and
"no water anywhere" stay P1. Both languages, `analyze` and the real `Dialogue` with the shipped packs.
"""

from __future__ import annotations

import pytest

from tests.caller_families import decide
from tests.dialogue_calls import call, prompt

PLUMBER = "sanitaer-notdienst"


@pytest.mark.parametrize(
    "said",
    [
        "no, no water on the floor, it just keeps running",
        "there's no water on the floor or anything, the cistern just keeps filling",
        "there's no water in the basement, it's dry",
        "es steht kein Wasser auf dem Boden",
        "kein Wasser auf dem Boden, er läuft nur ständig nach",
        "nein, kein Wasser im Keller, die Spülung läuft nur dauernd",
    ],
)
def test_water_denied_where_it_must_not_be_is_no_emergency(said):
    result = decide(said, PLUMBER)
    assert result.urgency not in ("P0", "P1"), result.evidence


@pytest.mark.parametrize(
    "said",
    [
        "we have no water anywhere in the house",
        "no water at all since this morning",
        "no running water in the flat",
        "no water on the floor yet but the pipe under the sink has burst and it's spraying",
        "kein Wasser im Keller aber das Rohr ist geplatzt und es spritzt",
        "aus dem Hahn kommt kein Wasser mehr",
    ],
)
def test_no_water_at_all_and_a_burst_pipe_stay_p1(said):
    assert decide(said, PLUMBER).urgency == "P1"


def test_the_running_toilet_caller_is_not_handed_on_as_an_emergency():
    d = call(PLUMBER, "en")
    d.hear("yes")
    d.hear("hello, the toilet keeps running and won't stop filling")
    reply = d.hear("no, no water on the floor, it just keeps running")
    assert d.state.handoff_reason != "p1"
    assert prompt(PLUMBER, "handoff_p1", "en") not in reply.says
