"""Issue 11, thirty-fifth set: a fire "with my kids inside" (not "on fire with calls"); a bare "Schluss machen" or
"ending things" beside nothing mattering any more, said after an ordinary request; a heart attack the printer or the
kids give the caller; a burst said with "'s" ("the pipe's burst") or with the pipe named by what it carries ("das
Wasserrohr ist gebrochen"); the caller's own tears on an emergency beside a plea and a hurry; and what the caller wants
said beside a hazard word or an idiom (a service booked, how long the shop is open, an invoice disputed).

The sentences are other wordings of the set's families, not its rows. Each family holds in German and English, run
through the real analyser (rules + the shipped classifier); self-harm and the caller's own tears are found by rules, and
the tears are checked with no model at all, since they must never depend on it.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why
from triage.brain.analyze import analyze
from triage.packs.load import load_pack

# --- a bare end beside nothing mattering any more: self-harm, by a rule -----------------------------------------------

BARE_END = [
    ("Wegen der Rechnung, ach, ist mir eh alles egal, ich mach heut Nacht Schluss.", "sanitaer-notdienst"),
    ("Ich ruf an wegen dem Termin, ich werde nicht mehr da sein, ich mache Schluss.", "sanitaer-notdienst"),
    ("hat eh alles keinen sinn ich setz dem ganzen heute ein ende", "it-service-hansa"),
    ("I'm calling about the bill, honestly nothing matters, I'm ending things tonight.", "sanitaer-notdienst"),
    ("I wanted to cancel the appointment, I won't be here by then, I'm ending things.", "sanitaer-notdienst"),
    ("whatever none of it matters any more im going to finish it tonight", "kanzlei-berg"),
]


@pytest.mark.parametrize(("text", "client"), BARE_END)
def test_a_bare_end_beside_nothing_mattering_is_self_harm(text, client):
    result = decide(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)
    assert any(e.startswith("rule self_harm") for e in result.evidence), why(text, result)


ORDINARY_ENDS = [
    ("Ist mir inzwischen egal, ich mach jetzt Schluss mit dem Thema, schicken Sie die Rechnung.", "sanitaer-notdienst"),
    ("Ist mir egal, was das kostet, ich mach für heute Schluss, rufen Sie morgen an.", "sanitaer-notdienst"),
    ("Ist mir inzwischen egal, ich mach dem Vertrag ein Ende, ich kündige.", "it-service-hansa"),
    ("nothing matters any more, I'm ending the contract with you", "it-service-hansa"),
    ("it doesn't matter any more, I'm ending things with my supplier", "it-service-hansa"),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_ENDS)
def test_a_day_a_contract_or_a_supplier_ended_is_no_self_harm(text, client):
    result = decide(text, client)
    assert not any(e.startswith("rule self_harm") for e in result.evidence), why(text, result)


# --- a heart attack given by a thing: a figure of speech --------------------------------------------------------------

GIVEN_HEART_ATTACK = [
    ("Der neue Router bringt mich noch zum Herzinfarkt, der fällt ständig aus.", "it-service-hansa"),
    ("Die Kinder treiben mich in den Herzinfarkt, die haben das Waschbecken verstopft.", "sanitaer-notdienst"),
    (
        "Ich krieg nen Herzinfarkt, wenn die Heizung nochmal ausfällt, kann ich eine Wartung buchen?",
        "sanitaer-notdienst",
    ),
    ("this laptop is giving me a heart attack, it keeps freezing", "it-service-hansa"),
    ("the kids are giving me a heart attack, they've blocked the sink again", "sanitaer-notdienst"),
    ("I'll have a heart attack if the boiler breaks again, can I book a service", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), GIVEN_HEART_ATTACK)
def test_a_heart_attack_given_by_a_thing_is_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)
    assert result.distress != "acute", why(text, result)


HEART_WITH_SIGNS = [
    (
        "Der Stress bringt mich noch zum Herzinfarkt, mir tut die Brust so weh und ich krieg keine Luft.",
        "sanitaer-notdienst",
    ),
    ("this stress is giving me a heart attack, my chest is tight and my left arm is numb", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), HEART_WITH_SIGNS)
def test_a_heart_attack_with_its_signs_stays_p0(text, client):
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)


# --- "on fire with" people or things inside is a fire; "on fire with calls" is a busy day -----------------------------

ON_FIRE_WITH = [
    ("Die Küche steht in Flammen, mit meiner Oma noch drin!", "sanitaer-notdienst"),
    ("the house is on fire with my kids inside", "sanitaer-notdienst"),
    ("our shed is on fire with the gas bottles in it", "sanitaer-notdienst"),
    ("the flat upstairs is on fire with smoke pouring down the stairs", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), ON_FIRE_WITH)
def test_on_fire_with_someone_or_something_inside_is_p0_by_a_rule(text, client):
    result = analyze(text, pack=load_pack(client), model=None)
    assert result.urgency == "P0", why(text, result)
    assert any(e.startswith("rule fire") for e in result.evidence), why(text, result)


BUSY_ON_FIRE = [
    ("my phone is on fire with calls today, can you ring me back about the quote", "sanitaer-notdienst"),
    ("the inbox has been on fire with orders all week, just checking when the toner comes", "it-service-hansa"),
]


@pytest.mark.parametrize(("text", "client"), BUSY_ON_FIRE)
def test_on_fire_with_calls_is_a_busy_day(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a burst said with "'s", a pipe named by what it carries: P1 by a rule --------------------------------------------

BURST = [
    ("das Wasserrohr im Keller ist gebrochen", "sanitaer-notdienst"),
    ("die Heizungsleitung ist grad gerissen", "sanitaer-notdienst"),
    ("the pipe's burst", "sanitaer-notdienst"),
    ("the water main's burst outside the house", "sanitaer-notdienst"),
    ("the hot water tank's split in the airing cupboard", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), BURST)
def test_a_burst_said_with_an_apostrophe_or_the_pipe_named_is_p1_by_a_rule(text, client):
    result = decide(text, client)
    assert result.urgency == "P1", why(text, result)
    assert any(e.startswith("rule burst_pipe") for e in result.evidence), why(text, result)


PAST_BURST = [
    ("das Wasserrohr ist letzte Woche gebrochen, die Rechnung stimmt nicht", "sanitaer-notdienst"),
    ("the pipe's burst last week, where's the invoice", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), PAST_BURST)
def test_a_burst_in_the_past_stays_routine(text, client):
    result = decide(text, client)
    assert result.urgency == "P3", why(text, result)


# --- the caller's own tears on an emergency: acute, by the rules alone ------------------------------------------------

TEARS_ON_EMERGENCY = [
    ("(weint) die Leitung ist geplatzt, überall Wasser, bitte helfen Sie mir, bitte schnell", "sanitaer-notdienst"),
    ("(schluchzt) aus dem Klo kommt Abwasser hoch, bitte beeilen Sie sich, bitte helfen Sie mir", "sanitaer-notdienst"),
    ("(crying) a pipe has burst, water everywhere, please help me, please hurry", "sanitaer-notdienst"),
    ("(sobbing) sewage is coming up through the toilet, please hurry, please help us", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), TEARS_ON_EMERGENCY)
def test_the_callers_own_tears_on_an_emergency_are_acute_without_the_model(text, client):
    result = analyze(text, pack=load_pack(client), model=None)
    assert (result.urgency, result.distress) == ("P1", "acute"), why(text, result)


# --- what the caller wants, beside a hazard word or an idiom ----------------------------------------------------------

AIMS = [
    (
        "Bei uns ist heute die Hölle los, ich wollte nur wissen, bis wann Sie heute aufhaben.",
        "sanitaer-notdienst",
        "information",
    ),
    ("how late are you open today, my phone's been on fire all morning", "apotheke-am-markt", "information"),
    (
        "my inbox is on fire today, anyway I just wanted to book the annual boiler service",
        "sanitaer-notdienst",
        "appointment",
    ),
    (
        "Ich möchte die Rechnung vom Notdienst beanstanden, da steht Rohrbruch drauf, es war nur ein tropfender Hahn.",
        "sanitaer-notdienst",
        "complaint",
    ),
    (
        "I'd like to dispute the bill from the emergency call-out, it says burst pipe but it was a dripping tap.",
        "sanitaer-notdienst",
        "complaint",
    ),
]


@pytest.mark.parametrize(("text", "client", "intent"), AIMS)
def test_what_the_caller_wants_is_heard_beside_a_hazard_word(text, client, intent):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)
    assert result.intent == intent, why(text, result)
