"""Callers' words as Whisper base writes them after the 8 kHz phone line (`triage eval-calls --spoken`, README
"Whole text calls, spoken"), where the flow of a call broke though the typed call ended right: a count run
into a measure ("224-inch"), a teen heard as its tens ("40-inch"), a number word hyphened to its unit ("the
two-meter one"), the pronoun "one" run into a figure ("the 1.601"), "two" written "to", a question and a request
joined by "and" without a full stop, and a callback number written with commas or "double 5".

Each test feeds Whisper's written form (the English ones as heard in the run; the German ones as Whisper
writes the same thing in German) to the brain, in both languages where the family has a German form, with
look-alikes that must stay as they were.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.caller_families import model
from tests.dialogue_calls import prompt
from triage.brain.dialogue import Dialogue
from triage.brain.extract.order import match_order
from triage.brain.extract.phone import extract_phone
from triage.packs.load import load_pack

SUNDAY = datetime(2026, 12, 6, 10, 0)


def dated_call(client: str, lang: str) -> Dialogue:
    d = Dialogue(load_pack(client), model(), lang=lang, now=lambda: SUNDAY)
    d.greet()
    return d


def ordered(client: str, lang: str, text: str) -> list[tuple[str, int, dict[str, str]]]:
    lines = match_order(text, lang, load_pack(client).catalog)
    return sorted((line.sku, line.qty, dict(line.options)) for line in lines)


def items(d: Dialogue) -> list[tuple[str, int, dict[str, str]]]:
    return sorted((line.sku, line.qty, dict(line.options)) for line in d.state.order)


# --- a measure written as none the catalogue offers -------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "wanted"),
    [
        # "two 24 inch monitors": the count run into the measure
        ("en", "Hello, we need 224-inch monitors.", [("IT-MONITOR", 2, {"size": "24 Zoll"})]),
        ("en", "Hi, I'd like to order 227-inch monitors in a docking station delivered between the third and the "
               "fifth of January, please.", [("IT-DOCK", 1, {}), ("IT-MONITOR", 2, {"size": "27 Zoll"})]),
        ("de", "Wir brauchen 224-Zoll-Monitore.", [("IT-MONITOR", 2, {"size": "24 Zoll"})]),
        # "fourteen inch", "vierzehn Zoll": the teen heard as its tens
        ("en", "Hiya, we need three laptops, 40-inch, and three docking stations.",
         [("IT-DOCK", 3, {}), ("IT-NOTEBOOK", 3, {"size": "14 Zoll"})]),
        ("de", "Wir brauchen drei Laptops mit 40 Zoll.", [("IT-NOTEBOOK", 3, {"size": "14 Zoll"})]),
    ],
)
def test_a_misheard_measure_is_the_offered_one_with_its_count(lang, heard, wanted):
    """The option was lost and the option question came again and again until the call was handed over."""
    assert ordered("it-service-hansa", lang, heard) == wanted


@pytest.mark.parametrize(
    ("lang", "said", "wanted"),
    [
        ("en", "we need two 24-inch monitors", [("IT-MONITOR", 2, {"size": "24 Zoll"})]),
        ("en", "a 27 inch monitor please", [("IT-MONITOR", 1, {"size": "27 Zoll"})]),
        ("de", "zwei 27-Zoll-Monitore bitte", [("IT-MONITOR", 2, {"size": "27 Zoll"})]),
        ("de", "einen Monitor, 24 Zoll", [("IT-MONITOR", 1, {"size": "24 Zoll"})]),
        # a figure with no unit after it is no measure: the count stays
        ("en", "we need 14 laptops", [("IT-NOTEBOOK", 14, {})]),
        ("de", "wir brauchen 40 Laptops", [("IT-NOTEBOOK", 40, {})]),
    ],
)
def test_a_measure_said_as_offered_and_a_bare_count_stay_as_said(lang, said, wanted):
    assert ordered("it-service-hansa", lang, said) == wanted


@pytest.mark.parametrize(
    ("lang", "order", "heard", "wanted"),
    [
        ("en", "Hi, I'd like to order a USB-C cable.", "and the two-meter one, I think.", "2 Meter"),
        ("en", "Hi, can I order two laptops?", "The 40-inch ones.", "14 Zoll"),
        ("de", "Ich möchte zwei Laptops bestellen.", "Die mit 40 Zoll.", "14 Zoll"),
    ],
)
def test_a_misheard_measure_answers_the_option_question(lang, order, heard, wanted):
    """ "the two-meter one" was the 1 metre cable (the pronoun "one" read as the figure)."""
    d = dated_call("it-service-hansa", lang)
    d.hear(order)
    assert d.state.phase == "order_option"
    d.hear(heard)
    assert list(d.state.order[0].options.values()) == [wanted]


def test_the_pronoun_run_into_a_figure_changes_the_option():
    """ "actually make that the 1.60 one" is written "the 1.601": the hose stayed 2 metres."""
    d = dated_call("sanitaer-notdienst", "en")
    d.hear("Hi, yes that's fine.")
    d.hear("I need to shower hose the 2 meter 1.")
    assert items(d) == [("SAN-DUSCHSCHLAUCH", 1, {"length": "2 Meter"})]
    d.hear("Actually make that the 1.601, sorry, I measured wrong.")
    assert items(d) == [("SAN-DUSCHSCHLAUCH", 1, {"length": "1,60 Meter"})]


# --- "two" written "to" -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("client", "heard", "wanted"),
    [
        ("sanitaer-notdienst", "Hi, do you sell thermostat heads for the radiator? I need to.",
         [("SAN-THERMOSTAT", 2, {})]),
        ("sanitaer-notdienst", "I need to thermostat heads, please.", [("SAN-THERMOSTAT", 2, {})]),
        ("it-service-hansa", "We need to laptops.", [("IT-NOTEBOOK", 2, {})]),
    ],
)
def test_two_written_to_after_a_verb_of_wanting_is_the_count(client, heard, wanted):
    """German has no such twin of "zwei"; the English count was 1."""
    assert ordered(client, "en", heard) == wanted


@pytest.mark.parametrize(
    ("client", "said", "wanted"),
    [
        ("sanitaer-notdienst", "I need to shower hose.", [("SAN-DUSCHSCHLAUCH", 1, {})]),  # "a" written "to"
        ("it-service-hansa", "I want to order laptops.", [("IT-NOTEBOOK", 1, {})]),
        ("it-service-hansa", "We need to replace the laptops.", [("IT-NOTEBOOK", 1, {})]),
        ("sanitaer-notdienst", "Do you sell thermostat heads? I want to come and pick one up.",
         [("SAN-THERMOSTAT", 1, {})]),
    ],
)
def test_to_as_an_infinitive_or_before_one_item_is_no_count(client, said, wanted):
    assert ordered(client, "en", said) == wanted


# --- a question joined to a request without a full stop -----------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard"),
    [
        ("en", "Can I get someone out to look at a dripping tap in the bathroom the week after next and how much is "
               "your callout fee?"),
        ("de", "Kann übernächste Woche jemand vorbeikommen und sich unseren tropfenden Wasserhahn ansehen und was "
               "kostet bei Ihnen die Anfahrt?"),
    ],
)
def test_a_question_joined_by_and_is_answered_and_the_appointment_taken(lang, heard):
    """The English call lost its appointment (only the price answered, the call ended); the German lost the
    price (only the callback asked)."""
    d = dated_call("sanitaer-notdienst", lang)
    d.hear("Ja." if lang == "de" else "Yes.")
    reply = d.hear(heard)
    answer = next(i for i in load_pack("sanitaer-notdienst").info if i.id == "preise").answer[lang]
    assert reply.says == [" ".join(answer.split()), prompt("sanitaer-notdienst", "ask_callback", lang)]
    assert d.state.intent == "appointment" and d.state.when == ["2026-W51"]


@pytest.mark.parametrize(
    ("lang", "heard"),
    [
        ("en", "Hi, what are your office hours on Fridays, and I'd like to come in for an initial consultation next "
               "Friday afternoon about my employment contract."),
        ("de", "Hallo, wann haben Sie freitags geöffnet und ich würde gern nächsten Freitagnachmittag zu einer "
               "Erstberatung wegen meines Arbeitsvertrags kommen."),
    ],
)
def test_a_request_joined_after_a_question_by_and_is_taken_and_the_question_answered(lang, heard):
    """The English call lost the answer (only the callback asked); the German lost the request (the hours, then
    "anything else?")."""
    d = dated_call("kanzlei-berg", lang)
    reply = d.hear(heard)
    answer = next(i for i in load_pack("kanzlei-berg").info if i.id == "zeiten").answer[lang]
    assert reply.says == [" ".join(answer.split()), prompt("kanzlei-berg", "ask_callback", lang)]
    assert d.state.intent == "appointment"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "The heating is broken and what do I do now?"),  # no request beside the question
        ("de", "Die Heizung ist kaputt und was soll ich jetzt machen?"),
    ],
)
def test_and_before_a_question_word_alone_answers_nothing_from_the_price_list(lang, said):
    d = dated_call("sanitaer-notdienst", lang)
    d.hear("Ja." if lang == "de" else "Yes.")
    reply = d.hear(said)
    answer = next(i for i in load_pack("sanitaer-notdienst").info if i.id == "preise").answer[lang]
    assert " ".join(answer.split()) not in reply.says


# --- a callback number with commas between groups, "double 5" -----------------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "number"),
    [
        ("en", "01765,5443,322.", "017655443322"),  # "0176 5544 3322"
        ("en", "0.4217,7665,544.", "042177665544"),  # "0421 7766 5544"
        ("en", "0157 8,8990011", "015788990011"),  # "0157 8899 0011"
        ("en", "0151 4,433 2,211.", "015144332211"),  # "0151 4433 2211"
        ("en", "0 4 2 1, double 5, 6 7, 8 9", "0421556789"),
        ("en", "040, double 3, 4455, 6.", "0403344556"),
        ("de", "0176,5544,3322.", "017655443322"),
        ("de", "0421, doppel 5, 67, 89", "0421556789"),
    ],
)
def test_a_number_with_commas_or_a_doubled_figure_is_one_callback_number(lang, heard, number):
    assert extract_phone(heard, lang, expecting=True) == number


@pytest.mark.parametrize(("lang", "said"), [("en", "It was 0,50 euros."), ("de", "Das kostet 0,50 Euro."),
                                            ("en", "We need 1,250 of them.")])
def test_a_price_with_a_comma_is_no_number(lang, said):
    assert extract_phone(said, lang) is None
