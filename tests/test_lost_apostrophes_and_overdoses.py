"""Issue 11: emergencies the rules missed in the development sets' recogniser-style rows.

- **A contraction without its apostrophe.** People type, and recognisers sometimes write, "isnt", "dont", "cant",
  "hes": the rules were written for "isn't" (folded "isn t"), so "my dad isnt breathing" and "i dont want to live
  anymore" were left to the model, which calls a turn that short too short to tell and asks. `brain/text.py` folds
  them as the apostrophe's form is. German has no such contractions; its counterpart is the misheard word, below.
- **An overdose said as how much was swallowed** ("I swallowed loads of sleeping tablets"), as the German rule
  already read "zu viele Tabletten geschluckt"; and "Stromschlack", the recogniser's "Stromschlag".

Beside them the look-alikes: tablets carried somewhere, an ordinary fault said without apostrophes.
Run through the real analyser (rules + the shipped classifier), with the client the caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why
from triage.brain.text import Folded, fold_pattern


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("my dad isnt breathing", "sanitaer-notdienst"),
        ("i dont want to live anymore", "apotheke-am-markt"),
        ("shes not breathing properly and her lips are blue", "apotheke-am-markt"),
        ("mein Vater atmet nicht mehr", "sanitaer-notdienst"),
        ("ich will nicht mehr leben", "apotheke-am-markt"),
    ],
)
def test_a_life_threat_typed_without_apostrophes_is_p0_and_acute(text, client):
    result = decide(text, client)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "the tap doesnt work properly, it drips all night",
        "hes not answering his phone, can you call back later",
        "i cant find the invoice you sent, could you send it again",
        "Der Wasserhahn tropft und der Boiler springt nicht an",
    ],
)
def test_ordinary_requests_typed_without_apostrophes_stay_ordinary(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


def test_a_contraction_reads_the_same_with_or_without_its_apostrophe():
    typed, written = Folded.of("My dad isnt breathing"), Folded.of("My dad isn't breathing")
    assert typed.text == written.text == "my dad isn t breathing"
    assert Folded.of("im Keller").text == "im keller"  # German "im" is a word, not "I'm"
    assert Folded.of("My dad isnt breathing").words_at(7, 20) == "isnt breathing"  # evidence in the caller's words
    # a rule written with the apostrophe-less word still matches both spellings
    assert fold_pattern(r"\b(wont|doesnt) stop\b") == r"\b((?:wont|won t)|(?:doesnt|doesn t)) stop\b"


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed loads of sleeping tablets",
        "I took a whole packet of paracetamol an hour ago and now I feel really strange",
        "my son has taken way too many of his painkillers",
        "ich habe zu viele Schlaftabletten geschluckt",
        "Sie hat eine ganze Packung Tabletten genommen",
        "mein mann hat einen stromschlack bekommen",
    ],
)
def test_an_overdose_said_as_how_much_was_swallowed_and_a_misheard_electric_shock_are_p0(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "I took a box of tablets with me on holiday and ran out, can I get more?",
        "we took loads of paracetamol to the food bank last week, do you need the receipt",
        "Ich habe die Tabletten mit in den Urlaub genommen und brauche jetzt neue",
    ],
)
def test_tablets_carried_somewhere_are_no_overdose(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency not in EMERGENCY, why(text, result)
