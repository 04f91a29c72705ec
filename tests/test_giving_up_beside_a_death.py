"""Issue 11 section 4, distress is never missed: a caller who, asked for a detail, says they have given up since
someone died ("es ist mir eigentlich alles egal, ich will nicht mehr, seit meine Frau tot ist") was asked for the
detail again; only the model heard the distress, and answers to a detail question are left to the rules. A rule now
hears it, so the caller goes to a human at once, in any phase. A thing that stopped working or a bill that cannot be
paid since a death is no such words. Both languages, the real `Dialogue` with the shipped plumber pack.
"""

from __future__ import annotations

import pytest

from tests.caller_families import model
from tests.dialogue_calls import call
from triage.brain.analyze import analyze
from triage.packs.load import load_pack

PLUMBER = "sanitaer-notdienst"
PROBLEM = {"de": "Guten Tag, mein Abfluss in der Küche ist verstopft", "en": "hi, my kitchen sink is blocked"}
YES = {"de": "ja", "en": "yes"}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "ach wissen Sie, es ist mir eigentlich alles egal, ich will nicht mehr, seit meine Frau tot ist"),
        ("de", "seit mein Mann gestorben ist, kann ich einfach nicht mehr"),
        ("en", "honestly I dont even care anymore, nothing matters since my wife passed"),
        ("en", "since my husband died I just can't cope any more"),
    ],
)
def test_giving_up_since_a_death_said_at_the_number_question_goes_to_a_human(lang, said):
    d = call(PLUMBER, lang)
    d.hear(YES[lang])
    d.hear(PROBLEM[lang])
    assert d.state.phase == "collect"
    reply = d.hear(said)
    assert d.state.distress == "acute"
    assert reply.outcome is not None and reply.outcome.type == "handoff" and reply.outcome.handoff_reason == "distress"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "seit mein Mann tot ist, geht die Heizung nicht mehr"),
        ("de", "seit meine Mutter gestorben ist, kann ich die Rechnungen nicht mehr bezahlen"),
        ("en", "since my dad died I can't do the garden any more"),
    ],
)
def test_what_stopped_since_a_death_is_no_giving_up(lang, said):
    a = analyze(said, pack=load_pack(PLUMBER), model=model(), default_lang=lang)
    assert not a.acute_by_rule, a.evidence
