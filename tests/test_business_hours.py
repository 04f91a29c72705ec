"""Business hours matter: the pack's hours on the client's clock decide whether it is open, and out of
hours callers hear the client's words in their language and get what the client offers then. Real
packs, the real dialogue and classifier, in text, at fixed moments."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from triage.brain import hours
from triage.brain.dialogue import Dialogue
from triage.brain.model import TextModel, default_model_dir
from triage.packs.load import load_pack
from triage.packs.schema import OutOfHours, Pack

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_NIGHT = datetime(2026, 12, 7, 22, 55, tzinfo=BERLIN)  # the pharmacy is open Mon-Fri 08:00-18:30
MONDAY_MORNING = datetime(2026, 12, 7, 10, 0, tzinfo=BERLIN)


@pytest.fixture(scope="module")
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def _call(pack: Pack, model: TextModel, at: datetime, lang: str, turns: list[str]) -> tuple[list[str], Dialogue]:
    dialogue = Dialogue(pack, model, lang=lang, now=lambda: at)
    said = list(dialogue.greet().says)
    for turn in turns:
        said += dialogue.hear(turn).says
    return said, dialogue


def test_open_by_the_packs_hours_on_the_clients_clock() -> None:
    pharmacy = load_pack("apotheke-am-markt")
    assert hours.is_open(pharmacy, MONDAY_MORNING)
    assert not hours.is_open(pharmacy, MONDAY_NIGHT)
    assert hours.is_open(pharmacy, datetime(2026, 12, 12, 12, 59, tzinfo=BERLIN))  # Saturday 08:30-13:00
    assert not hours.is_open(pharmacy, datetime(2026, 12, 12, 13, 0, tzinfo=BERLIN))
    assert not hours.is_open(pharmacy, datetime(2026, 12, 13, 11, 0, tzinfo=BERLIN))  # Sunday
    # 07:30 UTC is 08:30 in Berlin in winter: open, though the server's clock says 07:30
    assert hours.is_open(pharmacy, datetime(2026, 12, 7, 7, 30, tzinfo=UTC))
    assert hours.time_of_day(pharmacy, datetime(2026, 12, 7, 22, 5, tzinfo=UTC)) == "night"  # 23:05 in Berlin
    assert hours.is_open(pharmacy.model_copy(update={"hours": {}}), MONDAY_NIGHT)  # no hours: always open


def test_the_pharmacy_at_night_says_it_is_closed_and_names_the_emergency_pharmacy(model) -> None:
    pharmacy = load_pack("apotheke-am-markt")
    said, _ = _call(pharmacy, model, MONDAY_NIGHT, "de", [])
    assert said[0].startswith("Guten Abend")
    assert "geschlossen" in said[1] and "Notdienst-Apotheke" in said[1] and "0 8 0 0, 0 0, 2 2 8 3 3" in said[1]
    assert said[-1] == "Wie kann ich Ihnen helfen?"
    english = pharmacy.model_copy(update={"languages": ["de", "en"]})
    said, _ = _call(english, model, MONDAY_NIGHT, "en", [])
    assert "closed" in said[1] and "emergency pharmacy" in said[1]
    said, _ = _call(pharmacy, model, MONDAY_MORNING, "de", [])
    assert not any("geschlossen" in s for s in said)  # open: not a word about it
    # a reservation for the next opening day is still taken at night (mode: notice)
    said, dialogue = _call(pharmacy, model, MONDAY_NIGHT, "de", ["ich möchte ibuprofen 400 reservieren"])
    assert dialogue.state.phase.startswith("order")


def _closed_plumber(mode: str) -> Pack:
    pack = load_pack("sanitaer-notdienst")
    rules = OutOfHours(
        mode=mode,
        say={"de": "Unser Büro ist gerade nicht besetzt.", "en": "Our office is closed right now."},
        goodbye={"de": "Bitte rufen Sie zu unseren Bürozeiten wieder an.", "en": "Please call again in office hours."},
    )
    return pack.model_copy(update={"out_of_hours": rules, "hours": {"mon": ["08:00-17:00"]}})


@pytest.mark.parametrize("lang", ["de", "en"])
def test_emergencies_only_turns_routine_callers_away_but_never_an_emergency(model, lang) -> None:
    pack = _closed_plumber("emergencies_only")
    routine = {
        "de": "ich möchte einen termin für die wartung meiner heizung",
        "en": "i would like an appointment to service my boiler",
    }
    said, dialogue = _call(pack, model, MONDAY_NIGHT, lang, [routine[lang]])
    assert said[1] == {"de": "Unser Büro ist gerade nicht besetzt.", "en": "Our office is closed right now."}[lang]
    assert said[-1] == pack.out_of_hours.goodbye[lang]
    assert dialogue.state.ended and dialogue.state.outcome.type == "ended"
    burst = {
        "de": "bei uns ist ein rohr geplatzt das wasser läuft überall",
        "en": "a pipe burst and water is everywhere",
    }
    _, dialogue = _call(pack, model, MONDAY_NIGHT, lang, [burst[lang]])
    assert dialogue.state.urgency == "P1" and not dialogue.state.ended  # collecting the address for on-call


@pytest.mark.parametrize("lang", ["de", "en"])
def test_message_only_and_on_call(model, lang) -> None:
    routine = {
        "de": "ich möchte einen termin für die wartung meiner heizung",
        "en": "i would like an appointment to service my boiler",
    }
    _, dialogue = _call(_closed_plumber("message_only"), model, MONDAY_NIGHT, lang, [routine[lang]])
    assert dialogue.state.after_collect == "message"  # taking a message: number and name next
    said, dialogue = _call(_closed_plumber("on_call"), model, MONDAY_NIGHT, lang, [])
    assert dialogue.state.outcome.type == "handoff" and dialogue.state.outcome.handoff_reason == "after_hours"
    assert said[1] == {"de": "Unser Büro ist gerade nicht besetzt.", "en": "Our office is closed right now."}[lang]
    assert len(said) == 3 and dialogue.state.ended  # greeting, closed, put through to the on-call human
    summary = dialogue.state.outcome.summary["words"]
    assert "außerhalb der Geschäftszeiten" in summary["de"]["text"]
    assert "outside business hours" in summary["en"]["text"]
    _, dialogue = _call(_closed_plumber("on_call"), model, MONDAY_MORNING, lang, [])
    assert dialogue.state.outcome is None  # open: a normal call


def test_out_of_hours_needs_hours_and_words_in_every_language() -> None:
    pack = load_pack("kanzlei-berg")
    document = pack.model_dump()
    with pytest.raises(ValidationError, match=r"out_of_hours.say is empty in en"):
        Pack.model_validate({**document, "out_of_hours": {"mode": "message_only", "say": {"de": "Geschlossen."}}})
    with pytest.raises(ValidationError, match=r"say\n.*en: unexpected end of template"):
        OutOfHours(mode="notice", say={"de": "Zu.", "en": "Closed, call {{ forward_to"})
    with pytest.raises(ValidationError, match=r"needs hours"):
        Pack.model_validate(
            {**document, "hours": {}, "out_of_hours": {"mode": "notice", "say": {"de": "Zu.", "en": "Closed."}}}
        )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_caller_without_a_number_is_never_promised_a_callback(model, lang) -> None:
    """A browser caller (no caller ID) who asked for a human and gave no number: nobody was free."""
    pack = load_pack("sanitaer-notdienst")
    dialogue = Dialogue(pack, model, lang=lang, now=lambda: MONDAY_MORNING)
    dialogue.greet()
    dialogue.hear({"de": "ja", "en": "yes"}[lang])
    dialogue.hear({"de": "ich möchte mit einem mitarbeiter sprechen", "en": "i want to speak to a person"}[lang])
    assert dialogue.state.outcome.type == "handoff" and dialogue.state.phone is None
    said = dialogue.waiting("callback").text
    assert said == pack.prompts.handoff_callback_no_number[lang]
    phoned = Dialogue(pack, model, lang=lang, now=lambda: MONDAY_MORNING)
    phoned.caller_number = "+49 171 1112223"  # a phone line's caller ID: a callback can be promised
    assert phoned.waiting("callback").text.startswith(pack.prompts.handoff_callback[lang][:40])


FORWARD_TO = "+4930901820"


def _forwarding_plumber() -> Pack:
    """Out of hours, calls go to the city's emergency plumbing service."""
    pack = load_pack("sanitaer-notdienst")
    rules = OutOfHours(
        mode="forward",
        forward_to=FORWARD_TO,
        say={
            "de": "Wir sind gerade nicht im Büro. Ich verbinde Sie mit dem Notdienst der Innung.",
            "en": "Our office is closed. I am connecting you to the guild's emergency service.",
        },
        call_instead={
            "de": "Wir sind nicht im Büro. Bitte rufen Sie den Notdienst der Innung an: {{ forward_to | digits }}.",
            "en": "Our office is closed. Please call the guild's emergency service on {{ forward_to | digits }}.",
        },
    )
    return pack.model_copy(update={"out_of_hours": rules, "hours": {"mon": ["08:00-17:00"]}})


@pytest.mark.parametrize("lang", ["de", "en"])
def test_forward_puts_phone_calls_through_and_a_text_caller_hears_the_number_and_leaves_a_message(model, lang) -> None:
    pack = _forwarding_plumber()
    assert hours.forward_number(pack, MONDAY_NIGHT) == FORWARD_TO
    assert hours.forward_number(pack, MONDAY_MORNING) is None  # open: served as usual
    assert hours.forward_words(pack, MONDAY_NIGHT, lang) == [pack.out_of_hours.say[lang]]
    # a call that cannot be put through (text, browser): the number to call, and the request is kept
    routine = {
        "de": "ich möchte einen termin für die wartung meiner heizung",
        "en": "i would like an appointment to service my boiler",
    }
    said, dialogue = _call(pack, model, MONDAY_NIGHT, lang, [routine[lang]])
    assert said[1].startswith(pack.out_of_hours.call_instead[lang][:40]), said
    assert "4 9 3 0 9 0 1 8 2 0" in said[1], said  # the number, digit by digit
    assert not any(s == pack.out_of_hours.say[lang] for s in said)  # nobody is being put through here
    assert dialogue.state.after_collect == "message"  # taking a message: number and name next
    burst = {
        "de": "bei uns ist ein rohr geplatzt das wasser läuft überall",
        "en": "a pipe burst and water is everywhere",
    }
    _, dialogue = _call(pack, model, MONDAY_NIGHT, lang, [burst[lang]])
    assert dialogue.state.urgency == "P1" and not dialogue.state.ended  # an emergency is still served


def test_forward_needs_a_dialable_number_and_words_in_every_language() -> None:
    document = _forwarding_plumber().model_dump()
    closed = document["out_of_hours"]
    with pytest.raises(ValidationError, match=r"'030 901820' is not a number in international form"):
        Pack.model_validate({**document, "out_of_hours": {**closed, "forward_to": "030 901820"}})
    with pytest.raises(ValidationError, match=r"needs out_of_hours.forward_to"):
        Pack.model_validate({**document, "out_of_hours": {**closed, "forward_to": None}})
    with pytest.raises(ValidationError, match=r"out_of_hours.call_instead is empty in en"):
        Pack.model_validate({**document, "out_of_hours": {**closed, "call_instead": {"de": "Rufen Sie an."}}})
