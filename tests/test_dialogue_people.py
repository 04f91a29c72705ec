"""Ordinary callers, in German and English: how they answer, correct themselves, refuse, greet and
hang up, and details as speech recognition writes them (numbers cut at pauses, misheard streets).

Whole calls run through the real `triage simulate` with the shipped packs and classifier; turns
that need what text cannot carry (recognition confidence) drive the real `Dialogue` directly.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from triage.brain import answers
from triage.brain import dialogue as dialogue_module
from triage.brain.dialogue import Dialogue
from triage.brain.extract.address import extract_address
from triage.brain.extract.name import extract_name
from triage.brain.extract.order import chosen_option, match_order
from triage.brain.model import TextModel, default_model_dir
from triage.packs.load import load_pack
from triage.packs.render import say
from triage.packs.schema import CatalogItem


@cache
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def call(client: str, lang: str | None = None) -> Dialogue:
    d = Dialogue(load_pack(client), model(), lang=lang)
    d.greet()
    return d


def bot(result: dict) -> list[str]:
    return [t["text"] for t in result["transcript"] if t["role"] == "bot"]


def prompt(client: str, key: str, lang: str, **variables) -> str:
    return say(load_pack(client), key, lang, **variables)


# --- recording consent ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "refusal"),
    [
        ("de", "nein, ich möchte nicht aufgezeichnet werden"),
        ("en", "no, I do not want to be recorded"),
        # as speech recognition without punctuation writes it
        ("de", "nein ich will nicht aufgenommen werden"),
        ("en", "no i dont want to be recorded"),
    ],
)
def test_refusing_recording_records_nothing_and_goes_on_calmly(lang, refusal):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(refusal)
    assert d.state.recording_consent is False
    assert (d.state.urgency, d.state.distress, d.state.phase, d.state.ended) == ("P4", "none", "need", False)
    assert reply.says == [
        prompt("sanitaer-notdienst", "consent_declined", lang),
        prompt("sanitaer-notdienst", "ask_need", lang),
    ]


@pytest.mark.parametrize(
    ("lang", "question", "yes"),
    [
        ("de", "äh, wer ist da?", "ja"),
        ("en", "who is this?", "yes"),
        ("de", "mit wem spreche ich?", "ja"),
        ("en", "sorry, who am I speaking to?", "yes"),
    ],
)
def test_who_is_there_is_answered_and_consent_asked_again(lang, question, yes):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(question)
    assert reply.says == [
        prompt("sanitaer-notdienst", "who_is_this", lang),
        prompt("sanitaer-notdienst", "recording_consent", lang),
    ]
    assert d.state.misunderstood == 0
    d.hear(yes)
    assert d.state.recording_consent is True and d.state.phase == "need"


@pytest.mark.parametrize(
    ("lang", "hello"),
    [
        ("de", "Guten Tag"),
        ("en", "hello?"),
        ("de", "Hallo, guten Morgen"),
        ("en", "good morning"),
        ("de", "hallo, ist da jemand?"),
        ("en", "hello, is anybody there?"),
        ("de", "Hallo? Hören Sie mich?"),
        ("en", "hi, can you hear me?"),
    ],
)
def test_a_caller_who_only_greets_is_asked_what_they_need(simulate, lang, hello):
    result = simulate("kanzlei-berg", [hello], lang=lang)
    assert bot(result)[-1] == prompt("kanzlei-berg", "ask_need", lang)
    assert prompt("kanzlei-berg", "not_understood", lang) not in bot(result)


# --- names -----------------------------------------------------------------------------------------
MESSAGE = {
    "de": ["Ich möchte eine Nachricht hinterlassen", "Bitte rufen Sie mich wegen meines Mietvertrags zurück"],
    "en": ["I'd like to leave a message", "Please call me back about my tenancy contract"],
}
YES = {"de": "ja", "en": "yes"}


@pytest.mark.parametrize(
    ("lang", "answers", "name"),
    [
        ("de", ["ähm, also, Mark", "nein, Marc mit C"], "Marc"),
        ("en", ["uh, Mark", "Actually it's Marc with a C"], "Marc"),
        ("de", ["Schmidt, Anna Schmidt"], "Anna Schmidt"),
        ("en", ["Smith, John Smith"], "John Smith"),
        ("de", ["O'Connor"], "O'Connor"),
        ("en", ["it's Siobhan O'Connor"], "Siobhan O'Connor"),
        ("en", ["O'Connor"], "O'Connor"),
        ("de", ["äh, ich heiße, ähm, Anna Schmidt"], "Anna Schmidt"),
        ("en", ["um, my name is, uh, John Smith"], "John Smith"),
        ("en", ["Actually it's Marc with a C"], "Marc"),
        ("de", ["Mark, nein, Marc mit C"], "Marc"),
        ("de", ["Anna Schmitt, nein, Schmidt"], "Anna Schmidt"),
        ("en", ["John Moher, no, Miller"], "John Miller"),
    ],
)
def test_names_as_people_say_them(simulate, lang, answers, name):
    turns = [*MESSAGE[lang], "0171 2345678", YES[lang], *answers, YES[lang], YES[lang]]
    result = simulate("kanzlei-berg", turns, lang=lang)
    out = result["outcome"]
    assert out["type"] == "message" and out["message"]["name"] == name
    assert prompt("kanzlei-berg", "not_understood", lang) not in bot(result)


@pytest.mark.parametrize(("lang", "name"), [("de", "Klaus Weber"), ("en", "John Smith")])
def test_a_name_right_after_the_number_read_back_is_a_yes(simulate, lang, name):
    turns = [*MESSAGE[lang], "0171 2345678", name, YES[lang], YES[lang]]
    result = simulate("kanzlei-berg", turns, lang=lang)
    out = result["outcome"]
    assert out["type"] == "message"
    assert (out["message"]["name"], out["message"]["phone"]) == (name, "01712345678")
    assert set(out["summary"]["confirmed"]) == {"phone", "name"}


@pytest.mark.parametrize(("lang", "no_thanks"), [("de", "nein, danke"), ("en", "no thanks")])
def test_no_thanks_to_the_name_question_is_an_answer(simulate, lang, no_thanks):
    turns = [*MESSAGE[lang], "0171 2345678", YES[lang], no_thanks, YES[lang]]
    result = simulate("kanzlei-berg", turns, lang=lang)
    out = result["outcome"]
    assert out["type"] == "message" and out["message"]["name"] is None
    assert prompt("kanzlei-berg", "not_understood", lang) not in bot(result)


@pytest.mark.parametrize(("lang", "done"), [("de", "nein danke, das ist alles"), ("en", "no thanks, that's all")])
def test_the_last_turn_may_be_no_thanks_that_is_all(simulate, lang, done):
    turns = [*MESSAGE[lang], "0171 2345678", YES[lang], "Anna Schmidt", YES[lang], YES[lang], done]
    result = simulate("kanzlei-berg", turns, lang=lang)
    assert result["outcome"]["type"] == "message"
    assert bot(result)[-1].startswith(prompt("kanzlei-berg", "goodbye", lang, caller_name="Anna Schmidt")[:12])
    assert result["transcript"][-2]["text"] == done


# the German spelling alphabet
SCHMIDT_SPELLED = "S wie Samuel, C wie Cäsar, H wie Heinrich, M wie Martha, I wie Ida, D wie Dora, T wie Theodor"


@pytest.mark.parametrize(
    ("lang", "heard", "correction", "name"),
    [
        ("en", "John Moher", "No, Miller, M-I-L-L-E-R.", "John Miller"),
        ("en", "John Moher", "No, M I L L E R.", "John Miller"),
        ("en", "John Moher", "No, it's John Miller.", "John Miller"),
        ("en", "Terry Jones", "No, Sarah, S, A, R, A, H.", "Sarah Jones"),
        ("de", "Anna Schmitt", "Nein, Schmidt, S-C-H-M-I-D-T.", "Anna Schmidt"),
        ("de", "Anna Schmitt", "Nein, Schmidt mit D T.", "Anna Schmidt"),
        ("de", "Hans Miller", "Nein, Müller mit Ü.", "Hans Müller"),
        ("de", "Anna Schmitt", f"Nein, {SCHMIDT_SPELLED}.", "Anna Schmidt"),
    ],
)
def test_a_caller_corrects_the_name_read_back_and_the_correction_is_kept(lang, heard, correction, name):
    """The recogniser got the surname wrong; the caller says it again, often spelled: the bot reads back
    the first name with the corrected surname, and that is what the message keeps."""
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678", YES[lang], heard]:
        d.hear(turn)
    assert d.state.confirming == "name"
    reply = d.hear(correction)
    assert reply.says == [prompt("kanzlei-berg", "confirm_name", lang, caller_name=name)]
    d.hear(YES[lang])
    d.hear(YES[lang])
    assert d.state.outcome is not None and d.state.outcome.message["name"] == name


@pytest.mark.parametrize(("lang", "heard"), [("en", "Dear 176, 555, 1234."), ("de", "176 555 1234")])
def test_a_number_whose_leading_zero_the_line_lost_is_read_back_with_it(lang, heard):
    """A leading "zero" lost on the line left a number that can be dialled, which the caller had to hear read back
    and correct: a ten-digit German number without its trunk zero now gets it back, and that is the number kept."""
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    reply = d.hear(heard)
    assert d.state.confirming == "phone" and d.state.phone == "01765551234"
    assert reply.says == [prompt("kanzlei-berg", "confirm_callback", lang, phone="01765551234")]
    for turn in [YES[lang], "Anna Schmidt", YES[lang], YES[lang]]:
        d.hear(turn)
    assert d.state.outcome is not None and d.state.outcome.message["phone"] == "01765551234"


# --- numbers and addresses as speech recognition writes them ---------------------------------------
@pytest.mark.parametrize(
    ("lang", "pieces", "number"),
    [
        ("en", ["You can reach me on 0176.", "5555", "1, 2, 3, 4."], "017655551234"),
        ("de", ["null eins sieben sechs", "fünf fünf fünf", "eins zwei drei vier"], "01765551234"),
        ("en", ["zero one seven six", "five five five", "one two three four"], "01765551234"),
        ("de", ["0176-555-1234"], "01765551234"),
    ],
)
def test_a_number_said_in_pieces_is_collected_and_read_back_whole(simulate, lang, pieces, number):
    turns = [*MESSAGE[lang], *pieces, YES[lang], "Anna Schmidt", YES[lang], YES[lang]]
    result = simulate("kanzlei-berg", turns, lang=lang)
    out = result["outcome"]
    assert out["type"] == "message" and out["message"]["phone"] == number
    spoken = " ".join(number)
    assert prompt("kanzlei-berg", "confirm_callback", lang, phone=number) in bot(result), spoken
    go_on = prompt("kanzlei-berg", "phone_continue", lang, phone="0").split("0")[0] + "0"
    assert sum(text.startswith(go_on) for text in bot(result)) == len(pieces) - 1  # each piece read back so far
    assert prompt("kanzlei-berg", "not_understood", lang) not in bot(result)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_number_too_short_for_a_phone_is_never_read_back_as_one(lang):
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    reply = d.hear("0176")
    assert d.state.phone is None and d.state.phone_fragment == "0176"
    assert reply.says == [prompt("kanzlei-berg", "phone_continue", lang, phone="0176")]


BURST = {
    "de": "moment, bei uns ist gerade ein rohr geplatzt, das wasser läuft",
    "en": "hold on, a pipe just burst and water is pouring everywhere",
}


@pytest.mark.parametrize(
    ("lang", "emergency", "address", "spoken"),
    [
        (
            "de",
            "bei uns ist ein rohr geplatzt das wasser läuft überall",
            "Goethestraße 14, nein Moment, 16",
            "Goethestraße 16",
        ),
        (
            "en",
            "a pipe burst and water is pouring through the ceiling",
            "12 Baker Street, sorry, 14",
            "Baker Street 14",
        ),
        ("de", "bei uns ist ein rohr geplatzt das wasser läuft überall", "Spyker Stras 12", "Spyker Straße 12"),
        (
            "de",
            "bei uns ist ein rohr geplatzt das wasser läuft überall",
            "Hauptstraße 3, ach nein, 5, in Hamburg",
            "Hauptstraße 5, Hamburg",
        ),
        (
            "en",
            "a pipe burst and water is pouring through the ceiling",
            "14 Baker Street, oh no wait, 16",
            "Baker Street 16",
        ),
        # the town said bare after the corrected number stays with the address
        (
            "de",
            "bei uns ist ein rohr geplatzt das wasser läuft überall",
            "Goethestraße 14, nein Moment, 16, Hamburg",
            "Goethestraße 16, Hamburg",
        ),
        (
            "en",
            "a pipe burst and water is pouring through the ceiling",
            "14 Baker Street, oh no wait, 16, London",
            "Baker Street 16, London",
        ),
    ],
)
def test_addresses_with_corrections_and_misheard_streets(simulate, lang, emergency, address, spoken):
    turns = [YES[lang], emergency, address, YES[lang], "0171 2345678", YES[lang], "Anna Schmidt", YES[lang]]
    result = simulate("sanitaer-notdienst", turns, lang=lang)
    out = result["outcome"]
    assert (out["type"], out["urgency"], out["handoff_reason"]) == ("handoff", "P1", "p1")
    assert out["summary"]["address"] == spoken
    assert prompt("sanitaer-notdienst", "confirm_address", lang, address=spoken) in bot(result)


@pytest.mark.parametrize(
    ("lang", "emergency", "street", "town", "spoken"),
    [
        ("de", "bei uns ist ein rohr geplatzt das wasser läuft überall", "Goethestraße 14", "in Hamburg.",
         "Goethestraße 14, Hamburg"),
        ("en", "a pipe burst and water is pouring through the ceiling", "16 Harbour Road", "Hamburg.",
         "Harbour Road 16, Hamburg"),
    ],
)  # fmt: skip
def test_the_town_said_after_the_read_back_completes_the_address(simulate, lang, emergency, street, town, spoken):
    """On the phone the turn may end at the pause before the town: the bot has read back the street
    alone when the caller adds "Hamburg". That is the rest of the address, read back whole, never "not
    understood"."""
    turns = [YES[lang], emergency, street, town, YES[lang], "0171 2345678", YES[lang], "Anna Schmidt", YES[lang]]
    result = simulate("sanitaer-notdienst", turns, lang=lang)
    out = result["outcome"]
    assert (out["type"], out["urgency"], out["handoff_reason"]) == ("handoff", "P1", "p1")
    assert out["summary"]["address"] == spoken
    assert prompt("sanitaer-notdienst", "confirm_address", lang, address=spoken) in bot(result)
    assert not any(prompt("sanitaer-notdienst", "not_understood", lang) in b for b in bot(result))


# --- what the caller already said is not asked again; requests are kept ---------------------------
@pytest.mark.parametrize(
    ("lang", "order"),
    [
        ("de", "ich möchte einen Perlator mit Innengewinde bestellen, zum Abholen"),
        ("en", "I'd like to order a tap aerator with female thread for pickup"),
    ],
)
def test_pickup_said_with_the_order_is_not_asked_again(simulate, lang, order):
    no = {"de": "nein", "en": "no"}[lang]
    turns = [YES[lang], order, no, "Anna Schmidt", YES[lang], "0171 2345678", YES[lang], YES[lang]]
    result = simulate("sanitaer-notdienst", turns, lang=lang)
    out = result["outcome"]
    assert out["type"] == "order" and out["order"]["fulfilment"] == "pickup"
    assert prompt("sanitaer-notdienst", "order_ask_fulfilment", lang) not in bot(result)


@pytest.mark.parametrize(
    ("lang", "order", "no", "tail", "pickup"),
    [
        ("de", "ich möchte einen Entlüftungsschlüssel bestellen", "Nein.", "Das war's.", "Zum Abholen."),
        ("en", "I'd like to order a radiator bleed key, please.", "No.", "That's all.", "Pick up, please."),
    ],
)
def test_the_tail_of_no_thats_all_cut_at_a_breath_is_not_misunderstood(simulate, lang, order, no, tail, pickup):
    """ "No, that's all." ends its turn at "No." (a short answer ends at once, issue 10) and "That's all."
    arrives as the answer to "pick up or deliver?" (voice suite): the question is asked again, without
    "I didn't catch that" (as the question that says only it is still open), and the order goes on."""
    turns = [YES[lang], order, no, tail, pickup, "Anna Schmidt", YES[lang], "0171 2345678", YES[lang], YES[lang]]
    result = simulate("sanitaer-notdienst", turns, lang=lang)
    assert result["outcome"]["type"] == "order" and result["outcome"]["order"]["fulfilment"] == "pickup"
    assert prompt("sanitaer-notdienst", "not_understood", lang) not in bot(result)
    assert bot(result).count(prompt("sanitaer-notdienst", "order_ask_fulfilment", lang)) == 1
    assert bot(result).count(prompt("sanitaer-notdienst", "order_fulfilment_needed", lang)) == 1


@pytest.mark.parametrize("heard", ["Back up, please.", "Backup please", "Pack it up."])
def test_pick_up_as_whisper_mishears_it_answers_pick_up_or_deliver(simulate, heard):
    """Whisper base wrote the voice suite's "Pick up, please." as "Back up, please." on the 8 kHz line; as
    the answer to "pick up or deliver?" it can only mean one thing. (English: no German recording of
    "abholen" exists here to learn how it is misheard.)"""
    turns = ["yes", "I'd like to order two tap washer sets, half inch please", "no", heard, "Anna Schmidt", "yes",
             "0171 2345678", "yes", "yes"]  # fmt: skip
    result = simulate("sanitaer-notdienst", turns, lang="en")
    out = result["outcome"]
    assert out["type"] == "order" and out["order"]["fulfilment"] == "pickup", bot(result)
    assert prompt("sanitaer-notdienst", "not_understood", "en") not in bot(result)


def test_backing_something_up_inside_an_order_is_no_pickup() -> None:
    assert answers.fulfilment("I need to back up the pipes before I order", asked=False) is None


@pytest.mark.parametrize(
    ("lang", "asked"),
    [
        ("de", "kein Notfall, nur ein Angebot für ein neues Bad, bitte rufen Sie mich zurück"),
        ("en", "no emergency, I'd just like a quote for a new bathroom, please call me back"),
        ("de", "Was würde ein neues Bad ungefähr kosten? Rufen Sie mich bitte zurück"),
        ("en", "How much would a new bathroom cost? Please call me back"),
    ],
)
def test_a_quote_request_is_stored_as_a_message_with_what_was_asked(simulate, lang, asked):
    turns = [YES[lang], asked, "0171 2345678", YES[lang], "Klaus Weber", YES[lang], YES[lang]]
    result = simulate("sanitaer-notdienst", turns, lang=lang)
    out = result["outcome"]
    assert (out["type"], out["urgency"]) == ("message", "P3")
    assert out["message"]["text"] == asked
    assert prompt("sanitaer-notdienst", "info_unknown", lang) not in bot(result)
    texts = [t["text"] for t in result["transcript"]]
    answer = texts[texts.index(asked) + 1]
    assert answer == prompt("sanitaer-notdienst", "ask_callback", lang)  # asked for the number, no price list


# --- urgency raised in any phase switches the flow at once ----------------------------------------
@pytest.mark.parametrize(
    ("lang", "first", "burst"),
    [
        ("de", "ich möchte einen Perlator bestellen", "moment, bei uns ist gerade ein rohr geplatzt, das wasser läuft"),
        ("en", "I'd like to order a tap aerator", "hold on, a pipe just burst and water is pouring everywhere"),
        (
            "de",
            "Ich möchte eine Nachricht hinterlassen",
            "moment, bei uns ist gerade ein rohr geplatzt, das wasser läuft",
        ),
        ("en", "I'd like to leave a message", "hold on, a pipe just burst and water is pouring everywhere"),
    ],
)
def test_a_p1_said_in_an_order_or_message_switches_to_the_emergency_at_once(lang, first, burst):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(first)
    reply = d.hear(burst)
    assert (d.state.urgency, d.state.phase, d.state.handoff_reason) == ("P1", "collect", "p1")
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_address", lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_p1_said_while_a_messages_details_are_taken_switches_at_once(lang):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    for turn in MESSAGE[lang]:
        d.hear(turn)
    assert (d.state.phase, d.state.after_collect, d.state.confirming) == ("collect", "message", None)
    reply = d.hear(BURST[lang])
    assert (d.state.urgency, d.state.phase, d.state.handoff_reason) == ("P1", "collect", "p1")
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_address", lang)


@pytest.mark.parametrize(
    ("lang", "despair"),
    [("de", "ich kann nicht mehr, ich will nicht mehr leben"), ("en", "i can't go on, i want to end my life")],
)
def test_acute_distress_while_details_are_taken_goes_to_a_human_at_once(lang, despair):
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    assert d.state.phase == "collect"
    reply = d.hear(despair)
    assert reply.end and d.state.outcome.type == "handoff" and d.state.distress == "acute"


LEAD_INS = {  # the turns that bring a call to a phase, from the greeting on
    "consent": {"de": [], "en": []},  # the answer to the recording question
    "appointment": {
        "de": ["ja", "ich möchte einen Termin für die Wartung meiner Heizung"],
        "en": ["yes", "I'd like to book an appointment for a boiler service"],
    },
    "anything_else": {"de": ["ja", "Wann haben Sie geöffnet?"], "en": ["yes", "What are your opening hours?"]},
    "order": {"de": ["ja", "ich möchte einen Perlator bestellen"], "en": ["yes", "I'd like to order a tap aerator"]},
}
DESPAIR = {"de": "ich kann nicht mehr, ich will nicht mehr leben", "en": "i can't go on, i want to end my life"}
GAS = {"de": "moment, hier riecht es plötzlich stark nach gas", "en": "hold on, I can suddenly smell gas everywhere"}


def in_phase(phase: str, lang: str) -> Dialogue:
    """A call brought to `phase` by the caller's own turns."""
    d = call("sanitaer-notdienst", lang)
    for turn in LEAD_INS[phase][lang]:
        d.hear(turn)
    assert d.state.phase.startswith(phase)
    return d


@pytest.mark.parametrize("phase", list(LEAD_INS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_p1_in_any_phase_switches_to_the_emergency_at_once(phase, lang):
    d = in_phase(phase, lang)
    reply = d.hear(BURST[lang])
    assert (d.state.urgency, d.state.phase, d.state.handoff_reason) == ("P1", "collect", "p1")
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_address", lang)


@pytest.mark.parametrize("phase", list(LEAD_INS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_acute_distress_in_any_phase_goes_to_a_human_at_once(phase, lang):
    d = in_phase(phase, lang)
    reply = d.hear(DESPAIR[lang])
    assert reply.end and d.state.outcome.type == "handoff" and d.state.distress == "acute"


@pytest.mark.parametrize("phase", list(LEAD_INS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_p0_in_any_phase_gets_the_emergency_number_and_a_human(phase, lang):
    d = in_phase(phase, lang)
    reply = d.hear(GAS[lang])
    assert d.state.urgency == "P0" and reply.end and d.state.outcome.type == "handoff"
    assert any("112" in said.replace(" ", "") for said in reply.says)


# --- nobody is left without someone responsible ---------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "unclear"), [("de", "ähm, wegen der Sache von neulich"), ("en", "uh, about that thing from before")]
)
def test_a_caller_who_hangs_up_not_understood_becomes_a_callback(lang, unclear):
    d = Dialogue(load_pack("kanzlei-berg"), model(), lang=lang)
    d.greet()
    d.hear("0171 2345678 " + unclear)
    outcome = d.hangup()
    assert (outcome.type, outcome.handoff_reason) == ("handoff", "hangup")
    assert outcome.summary["callback_number"] == "01712345678"


@pytest.mark.parametrize(("lang", "bye"), [("de", "ach nichts, tschüss"), ("en", "never mind, goodbye")])
def test_a_caller_who_says_goodbye_ends_the_call(lang, bye):
    d = call("kanzlei-berg", lang)
    d.hear(bye)
    assert d.hangup().type == "ended"


# --- low recognition confidence --------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_unsure_yes_to_a_read_back_is_asked_again(lang):
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678"]:
        d.hear(turn)
    read_back = prompt("kanzlei-berg", "confirm_callback", lang, phone="01712345678")
    reply = d.hear(YES[lang], confidence=0.2)
    assert "phone" not in d.state.confirmed
    assert reply.says == [prompt("kanzlei-berg", "not_understood", lang), read_back]
    d.hear(YES[lang], confidence=0.9)
    assert "phone" in d.state.confirmed


@pytest.mark.parametrize(("lang", "gas"), [("de", "es riecht nach gas"), ("en", "i can smell gas")])
def test_a_hazard_word_is_never_ignored_however_unsure(lang, gas):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(gas, confidence=0.1)
    assert (d.state.outcome.type, d.state.urgency, d.state.hazard) == ("handoff", "P0", "gas")


@pytest.mark.parametrize(
    ("lang", "order"), [("de", "ich möchte einen Perlator bestellen"), ("en", "I'd like a tap aerator")]
)
def test_unsure_ordinary_words_are_asked_again_not_acted_on(lang, order):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    reply = d.hear(order, confidence=0.2)
    assert d.state.phase == "need" and not d.state.order
    assert reply.says == [
        prompt("sanitaer-notdienst", "not_understood", lang),
        prompt("sanitaer-notdienst", "ask_need", lang),
    ]


# --- an urgency only the learned model sees is a question, not an alarm ---------------------------
@pytest.fixture
def unsure_model(monkeypatch):
    """The classifier branch sets `Analysis.urgency_unsure` for a model-only P0/P1 with no close
    training example; here the real analysis is marked so for every model-only P0/P1."""
    real = dialogue_module.analyze

    def analyze(*args, **kwargs):
        a = real(*args, **kwargs)
        return replace(a, urgency_unsure=a.urgency_unsure or (a.urgency in ("P0", "P1") and not a.by_rule))

    monkeypatch.setattr(dialogue_module, "analyze", analyze)


@pytest.mark.parametrize(
    ("lang", "vague", "no", "yes"),
    [
        ("de", "da riecht es komisch im keller", "nein", "ja"),
        ("en", "there is a strange smell in the basement", "no", "yes"),
    ],
)
def test_urgency_unsure_asks_about_danger_first(unsure_model, lang, vague, no, yes):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    reply = d.hear(vague)
    assert reply.says == [prompt("sanitaer-notdienst", "ask_danger", lang)]
    assert d.state.outcome is None and d.state.urgency == "P4"
    d.hear(no)
    assert d.state.urgency == "P3" and d.state.outcome is None

    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(vague)
    d.hear(yes)
    assert d.state.urgency in ("P0", "P1") and (d.state.ended or d.state.phase == "collect")


@pytest.mark.parametrize(
    ("lang", "asked", "when"),
    [
        ("de", "Guten Tag, hier ist Anna Schmidt, ich möchte einen Termin zum Mietrecht, Dienstag um 10", "10:00"),
        ("en", "Hello, this is Anna Schmidt, I'd like an appointment about my tenancy on Tuesday at 10", "10:00"),
    ],
)
def test_an_appointment_keeps_what_was_asked_and_details_said_early_are_only_read_back(simulate, lang, asked, when):
    result = simulate("kanzlei-berg", [asked, "0171 2345678", YES[lang], YES[lang], YES[lang]], lang=lang)
    out = result["outcome"]
    assert (out["type"], out["intent"]) == ("message", "appointment")
    assert out["message"]["text"] == asked and when in out["message"]["when"]
    assert out["message"]["name"] == "Anna Schmidt"
    said = bot(result)
    assert prompt("kanzlei-berg", "ask_name", lang) not in said
    assert prompt("kanzlei-berg", "appointment_ask", lang) not in said
    assert prompt("kanzlei-berg", "confirm_name", lang, caller_name="Anna Schmidt") in said


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_caller_served_with_an_answer_may_just_hang_up(lang):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    question = {"de": "Wann haben Sie geöffnet?", "en": "When are you open?"}[lang]
    d.hear(question)
    assert d.state.phase == "anything_else"
    assert d.hangup().type == "ended"


@pytest.mark.parametrize(("lang", "agree"), [("de", "Natürlich!"), ("en", "Of course!")])
def test_an_unsure_short_answer_is_asked_again_never_taken_for_danger(lang, agree):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(agree, confidence=0.2)
    assert not d.state.ended and d.state.urgency == "P4" and d.state.distress == "none"
    assert reply.says == [
        prompt("sanitaer-notdienst", "not_understood", lang),
        prompt("sanitaer-notdienst", "recording_consent", lang),
    ]
    d.hear(agree, confidence=0.9)
    assert d.state.recording_consent is True and d.state.phase == "need"


@pytest.mark.parametrize(("lang", "rest"), [("de", "fünf sechs sieben"), ("en", "five six seven")])
def test_the_rest_of_a_number_read_back_too_early_completes_it(lang, rest):
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    d.hear("0221 1234")  # long enough to dial, so it is read back while the caller still speaks
    assert d.state.confirming == "phone" and d.state.phone == "02211234"
    reply = d.hear(rest)
    assert d.state.phone == "02211234567" and "phone" not in d.state.confirmed
    assert reply.says == [prompt("kanzlei-berg", "confirm_callback", lang, phone="02211234567")]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", "Mein Mann ist festgenommen worden, ich bin völlig in Panik, ich zittere und weine nur noch!"),
        ("en", "My husband has been arrested, I'm panicking, I'm shaking all over and I can't stop crying!"),
    ],
)
def test_a_caller_in_acute_distress_hears_the_clients_advice_for_their_emergency_before_the_handoff(lang, words):
    """Acute distress goes to a human at once; the law firm's first advice for an arrest ("say
    nothing, sign nothing") still comes first, in the caller's language."""
    d = call("kanzlei-berg", lang)
    if d.state.phase == "consent":
        d.hear("ja" if lang == "de" else "yes")
    reply = d.hear(words)
    assert (d.state.distress, d.state.urgency, reply.outcome.type) == ("acute", "P1", "handoff")
    advice = load_pack("kanzlei-berg").emergency(d.state.emergency_id).advice[lang]
    assert reply.says == [advice.strip(), prompt("kanzlei-berg", "distress_acute", lang)]


# --- the number the caller rings from -------------------------------------------------------------
def phoned_from(number: str | None, client: str, lang: str) -> Dialogue:
    d = Dialogue(load_pack(client), model(), lang=lang)
    d.caller_number = number  # a phone line's caller ID (Twilio's From), as CallSession sets it
    d.greet()
    return d


@pytest.mark.parametrize(
    ("lang", "opening", "message", "yes", "name"),
    [
        (
            "de",
            "Ich möchte eine Nachricht hinterlassen.",
            "Bitte rufen Sie mich wegen des Mietvertrags zurück.",
            "Ja.",
            "Anna Schmidt.",
        ),
        ("en", "I'd like to leave a message.", "Please call me back about my rental contract.", "Yes.", "John Miller."),
    ],
)
def test_a_caller_whose_line_shows_their_number_is_offered_it_and_need_not_dictate_it(
    lang, opening, message, yes, name
):
    d = phoned_from("+4917612345678", "kanzlei-berg", lang)
    d.hear(opening)
    reply = d.hear(message)
    assert reply.says[-1] == prompt("kanzlei-berg", "confirm_line_number", lang, phone="017612345678")
    assert d.hear(yes).says[-1] == prompt("kanzlei-berg", "ask_name", lang)
    assert d.state.phone == "017612345678" and "phone" in d.state.confirmed
    d.hear(name)
    d.hear(yes)
    d.hear(yes)  # the message read back
    assert d.state.outcome is not None and d.state.outcome.type == "message"
    assert d.state.outcome.summary["callback_number"] == "017612345678"


@pytest.mark.parametrize(
    ("lang", "no", "other"),
    [
        ("de", "Nein, lieber auf dem Handy.", "null eins fünf eins, zwei zwei drei drei, vier vier fünf fünf"),
        ("en", "No, my mobile please.", "zero one five one, two two three three, four four five five"),
    ],
)
def test_a_caller_who_wants_another_number_is_asked_for_it_once(lang, no, other):
    d = phoned_from("+4930555000111", "kanzlei-berg", lang)
    d.hear("Ich möchte eine Nachricht hinterlassen." if lang == "de" else "I'd like to leave a message.")
    d.hear("Bitte um Rückruf wegen der Rechnung." if lang == "de" else "Please call me back about the invoice.")
    reply = d.hear(no)
    assert reply.says == [prompt("kanzlei-berg", "ask_callback", lang)]  # no apology: nothing was wrong
    reply = d.hear(other)
    assert d.state.phone == "015122334455"
    assert reply.says[-1] == prompt("kanzlei-berg", "confirm_callback", lang, phone="015122334455")


@pytest.mark.parametrize("hidden", [None, "anonymous", "client:browser-42", "+49 30"])
def test_a_hidden_or_no_phone_caller_id_is_never_offered(hidden):
    d = phoned_from(hidden, "kanzlei-berg", "en")
    d.hear("I'd like to leave a message.")
    reply = d.hear("Please call me back about my rental contract.")
    assert reply.says[-1] == prompt("kanzlei-berg", "ask_callback", "en")


def test_a_number_said_instead_of_yes_replaces_the_offered_one():
    d = phoned_from("+4930555000111", "sanitaer-notdienst", "en")
    d.hear("yes")
    d.hear("My radiator is making a strange noise, can someone call me back?")
    while d.state.confirming != "phone" and not d.state.ended:
        said = d.state.last_question or ""
        if "address" in said.lower():
            d.hear("Baker Street 12, London")
        else:
            d.hear("yes")
    assert d.state.phone == "030555000111"
    reply = d.hear("no, zero one seven six, five five five, one two three four")
    assert d.state.phone == "01765551234"
    assert reply.says[-1] == prompt("sanitaer-notdienst", "confirm_callback", "en", phone="01765551234")


@pytest.mark.parametrize(
    ("lang", "problem", "address", "no", "yes"),
    [
        (
            "de",
            "Bei uns ist ein Rohr geplatzt, das Wasser läuft überall.",
            "Goethestraße 14, Hamburg.",
            "Nein, Goethestraße 14, Hamburg.",
            "Ja.",
        ),
        (
            "en",
            "A pipe has burst and water is everywhere.",
            "Sixteen Harbour Road, hammered.",
            "No, it's 16 Harbor Road. Hammered.",
            "Yes.",
        ),
    ],
)
def test_a_yes_after_a_refused_read_back_confirms_nothing(lang, problem, address, no, yes):
    """The read-back was refused, so the address is asked afresh: a "yes" to that question is no address
    (it once marked the emptied address as confirmed, and the name after it was taken for the address)."""
    d = call("sanitaer-notdienst", lang)
    d.hear(yes)
    d.hear(problem)
    d.hear(address)
    reply = d.hear(no)
    if d.state.confirming == "address":  # the correction was read back: refuse it once more
        reply = d.hear(no)
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_address", lang)
    reply = d.hear(yes)
    assert "address" not in d.state.confirmed
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_address", lang)


# --- issue 11, section 5: the same behaviours in the words other callers use -----------------------
@pytest.mark.parametrize(
    ("lang", "refusal"), [("de", "nein danke, keine Aufnahme"), ("en", "I'd rather not be recorded")]
)
def test_a_refusal_in_other_words_records_nothing_and_is_no_sign_of_anything(lang, refusal):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(refusal)
    assert d.state.recording_consent is False
    assert (d.state.urgency, d.state.distress, d.state.phase, d.state.ended) == ("P4", "none", "need", False)
    assert reply.says == [
        prompt("sanitaer-notdienst", "consent_declined", lang),
        prompt("sanitaer-notdienst", "ask_need", lang),
    ]


@pytest.mark.parametrize(("lang", "hello", "yes"), [("de", "hallo?", "ja"), ("en", "hi there", "yes")])
def test_a_greeting_at_the_consent_question_is_asked_the_question_again(lang, hello, yes):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(hello)
    assert reply.says == [prompt("sanitaer-notdienst", "recording_consent", lang)]
    assert d.state.recording_consent is None and d.state.misunderstood == 0
    d.hear(yes)
    assert d.state.recording_consent is True and d.state.phase == "need"


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "0171 2345678, nein Moment, 0171 2345679"), ("en", "0171 2345678, no sorry, 0171 2345679")],
)
def test_a_number_corrected_inside_one_sentence_keeps_the_correction(lang, said):
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    reply = d.hear(said)
    assert d.state.phone == "01712345679"
    assert reply.says == [prompt("kanzlei-berg", "confirm_callback", lang, phone="01712345679")]


@pytest.mark.parametrize(
    ("lang", "asked", "when", "name"),
    [
        ("de", ["ich möchte einen Termin zum Mietrecht", "Dienstag um 10"], "10:00", "Klaus Weber"),
        ("en", ["I'd like an appointment about my tenancy", "Tuesday at 10"], "10:00", "John Smith"),
    ],
)
def test_an_appointment_callers_name_right_after_the_number_read_back_is_a_yes(simulate, lang, asked, when, name):
    """The hidden calls' failing appointment caller: the name instead of "ja" to the number's read-back."""
    result = simulate("kanzlei-berg", [*asked, "0171 2345678", name, YES[lang], YES[lang]], lang=lang)
    out = result["outcome"]
    assert (out["type"], out["intent"]) == ("message", "appointment")
    assert (out["message"]["name"], out["message"]["phone"]) == (name, "01712345678")
    assert out["message"]["text"].startswith(asked[0]) and when in out["message"]["when"]
    assert prompt("kanzlei-berg", "not_understood", lang) not in bot(result)


def test_the_pharmacy_does_not_ask_pick_up_or_deliver_after_zum_abholen(simulate):
    """The pharmacy offers German only; the English form of this is the plumber's order above."""
    turns = ["ich möchte Ibuprofen 400 bestellen, zum Abholen", "20 Stück", "nein", "Anna Schmidt", "ja",
             "0171 2345678", "ja", "ja"]  # fmt: skip
    result = simulate("apotheke-am-markt", turns, lang="de")
    out = result["outcome"]
    assert out["type"] == "order" and out["order"]["fulfilment"] == "pickup", bot(result)
    assert prompt("apotheke-am-markt", "order_ask_fulfilment", "de") not in bot(result)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_p1_said_instead_of_yes_to_a_read_back_switches_at_once(lang):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    for turn in [*MESSAGE[lang], "0171 2345678"]:
        d.hear(turn)
    assert (d.state.phase, d.state.confirming) == ("collect", "phone")
    reply = d.hear(BURST[lang])
    assert (d.state.urgency, d.state.phase, d.state.handoff_reason) == ("P1", "collect", "p1")
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_address", lang)
    assert d.state.phone == "01712345678"  # the number already given is kept for the on-call human


@pytest.mark.parametrize("lang", ["de", "en"])
def test_acute_distress_said_instead_of_yes_to_a_read_back_goes_to_a_human_at_once(lang):
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678"]:
        d.hear(turn)
    assert d.state.confirming == "phone"
    reply = d.hear(DESPAIR[lang])
    assert reply.end and d.state.outcome.type == "handoff" and d.state.distress == "acute"


@pytest.mark.parametrize(
    ("lang", "question", "done"),
    [
        ("de", "Wann haben Sie geöffnet?", "nein danke, das ist alles"),
        ("en", "When are you open?", "no thanks, that's all"),
    ],
)
def test_no_thanks_thats_all_after_an_answer_ends_the_call_served(lang, question, done):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(question)
    assert d.state.phase == "anything_else"
    reply = d.hear(done)
    assert reply.end and d.state.outcome.type == "ended"
    assert prompt("sanitaer-notdienst", "not_understood", lang) not in reply.says


@pytest.mark.parametrize(
    ("lang", "turn", "need"),
    [
        ("de", "nein, nicht aufnehmen bitte. Ich möchte einen Termin für die Wartung meiner Heizung", "Termin"),
        ("en", "no recording please, I'd like to book an appointment for a boiler service", "appointment"),
    ],
)
def test_a_refusal_with_the_need_in_the_same_turn_records_nothing_and_serves_the_need(lang, turn, need):
    """The caller need not say what they want twice: the refusal is confirmed and the request answered."""
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(turn)
    assert d.state.recording_consent is False
    assert (d.state.phase, d.state.urgency, d.state.distress) == ("appointment", "P3", "none")
    assert reply.says == [
        prompt("sanitaer-notdienst", "consent_declined", lang),
        prompt("sanitaer-notdienst", "appointment_ask_when", lang),  # what it is about was said
    ]
    assert need in d.state.problem


@pytest.mark.parametrize(
    ("lang", "turn"),
    [
        ("de", "keine Aufnahme bitte, bei uns ist gerade ein Rohr geplatzt, das Wasser läuft"),
        ("en", "no recording please, a pipe just burst and water is pouring everywhere"),
    ],
)
def test_a_refusal_with_an_emergency_in_the_same_turn_goes_straight_to_the_emergency(lang, turn):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(turn)
    assert d.state.recording_consent is False
    assert (d.state.urgency, d.state.phase, d.state.handoff_reason) == ("P1", "collect", "p1")
    assert prompt("sanitaer-notdienst", "consent_declined", lang) not in reply.says  # the advice comes first
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_address", lang)


# a burst pipe, the address it is at, and that address as the bot reads it back
BURST_PIPE_AT = [
    ("de", "bei uns ist ein rohr geplatzt das wasser läuft überall", "Goethestraße 14, Hamburg",
     "Goethestraße 14, Hamburg"),
    ("en", "a pipe burst and water is pouring through the ceiling", "16 Harbour Road, Hamburg",
     "Harbour Road 16, Hamburg"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "emergency", "address", "spoken"), BURST_PIPE_AT)
def test_a_name_said_after_the_address_read_back_is_a_yes_and_kept(simulate, lang, emergency, address, spoken):
    """The name is asked last; a caller who gives it instead of "ja" to the address has confirmed the
    address, and the name is read back when its turn comes, never asked for."""
    turns = [YES[lang], emergency, address, "Anna Schmidt", "0171 2345678", YES[lang], YES[lang]]
    result = simulate("sanitaer-notdienst", turns, lang=lang)
    out = result["outcome"]
    assert (out["type"], out["handoff_reason"]) == ("handoff", "p1")
    assert out["summary"]["address"] == spoken and out["summary"]["caller_name"] == "Anna Schmidt"
    assert {"address", "phone", "name"} <= set(out["summary"]["confirmed"])
    assert prompt("sanitaer-notdienst", "not_understood", lang) not in bot(result)
    assert prompt("sanitaer-notdienst", "ask_name", lang) not in bot(result)


@pytest.mark.parametrize(
    ("lang", "order", "spoken"),
    [
        ("de", "ich möchte einen Perlator mit Innengewinde bestellen, bitte liefern an Goethestraße 14 in Hamburg",
         "Goethestraße 14, Hamburg"),
        ("en", "I'd like to order a tap aerator with female thread, please deliver to 16 Harbour Road, Hamburg",
         "Harbour Road 16, Hamburg"),
    ],
)  # fmt: skip
def test_delivery_and_address_said_with_the_order_are_only_read_back(simulate, lang, order, spoken):
    no = {"de": "nein", "en": "no"}[lang]
    turns = [YES[lang], order, no, YES[lang], "Anna Schmidt", YES[lang], "0171 2345678", YES[lang], YES[lang]]
    result = simulate("sanitaer-notdienst", turns, lang=lang)
    out = result["outcome"]
    assert out["type"] == "order" and (out["order"]["fulfilment"], out["order"]["address"]) == ("delivery", spoken)
    said = bot(result)
    assert prompt("sanitaer-notdienst", "order_ask_fulfilment", lang) not in said
    assert prompt("sanitaer-notdienst", "order_ask_delivery_address", lang) not in said
    assert prompt("sanitaer-notdienst", "confirm_address", lang, address=spoken) in said
    # the promise made is the one for a delivery, not "as soon as it is ready for pickup"
    saved = prompt("sanitaer-notdienst", "order_saved", lang, phone="01712345678", fulfilment="delivery")
    assert saved in said


@pytest.mark.parametrize(("lang", "emergency", "address"), [row[:3] for row in BURST_PIPE_AT])
def test_a_place_said_after_the_address_read_back_is_never_taken_for_the_name(lang, emergency, address):
    d = call("sanitaer-notdienst", lang)
    for turn in [YES[lang], emergency, address]:
        d.hear(turn)
    assert d.state.confirming == "address"
    d.hear("Altona.")
    assert d.state.name is None and "address" not in d.state.confirmed


@pytest.mark.parametrize(
    ("lang", "misheard"),
    [("en", "Euber Cedar Forting, Bremen."), ("en", "Auburn Strais II, Bremen."), ("de", "Über See Torf, Bremen.")],
)
def test_a_misheard_street_with_its_town_is_never_taken_for_the_name(lang, misheard):
    """Asked for the address, words and then a town after a comma are a street Whisper misheard on the phone
    line (`triage eval-calls --spoken`: "Überseetor 14, Bremen" as "Euber Cedar Forting, Bremen."), not a name."""
    d = call("sanitaer-notdienst", lang)
    for turn in [YES[lang], BURST[lang]]:
        d.hear(turn)
    assert "address" in d.expecting
    d.hear(misheard)
    assert d.state.name is None


# --- appointments: what and when, said before they are asked -------------------------------------------
def _next_week() -> str:
    """Next week on the client's clock, as the dialogue reckons it (Context.local_now). The machine's date (UTC
    on CI) is a week behind it between midnight in Berlin and midnight UTC from Sunday to Monday."""
    from datetime import UTC, datetime, timedelta

    from triage.brain import hours

    year, week, _ = (hours.local(load_pack("sanitaer-notdienst"), datetime.now(UTC)) + timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


@pytest.mark.parametrize(
    ("lang", "asked", "week_words"),
    [
        ("de", "ich möchte nächste Woche einen Termin für die Wartung meiner Heizung", "nächste Woche"),
        ("en", "I'd like to book an appointment for a boiler service next week", "next week"),
    ],
)
def test_an_appointment_for_next_week_is_not_asked_what_or_when(simulate, lang, asked, week_words):
    """A week said as a whole is the caller's when (an ISO week, "2026-W50"), as a day would be."""
    result = simulate("sanitaer-notdienst", [YES[lang], asked, "0171 2345678", YES[lang], "Anna Schmidt", YES[lang],
                                             YES[lang]], lang=lang)  # fmt: skip
    out = result["outcome"]
    assert (out["type"], out["intent"]) == ("message", "appointment"), bot(result)
    assert (out["message"]["when"], out["message"]["when_text"]) == ([_next_week()], week_words)
    said = bot(result)
    for key in ("appointment_ask", "appointment_ask_when", "not_understood"):
        assert prompt("sanitaer-notdienst", key, lang) not in said


@pytest.mark.parametrize(
    ("lang", "asked", "key"),
    [
        ("de", "ich möchte einen Termin für die Wartung meiner Heizung", "appointment_ask_when"),
        ("en", "I'd like to book an appointment for a boiler service", "appointment_ask_when"),
        ("de", "Guten Tag, ich hätte gern einen Termin", "appointment_ask"),
        ("en", "Hello, I'd like to make an appointment please", "appointment_ask"),
    ],
)
def test_an_appointment_request_is_asked_only_what_it_does_not_say(lang, asked, key):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    reply = d.hear(asked)
    assert d.state.phase == "appointment"
    assert reply.says == [prompt("sanitaer-notdienst", key, lang)]


@pytest.mark.parametrize(
    ("lang", "problem", "when", "kept"),
    [
        ("de", "bei uns tropft der wasserhahn in der küche, kann mal jemand vorbeikommen", "Dienstag vormittag",
         "forenoon"),
        ("en", "my kitchen tap is dripping, can someone come round", "Tuesday morning", "morning"),
    ],
)  # fmt: skip
def test_a_time_said_while_the_number_is_asked_is_kept_not_misunderstood(lang, problem, when, kept):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    asked = d.hear(problem)
    assert asked.says == [prompt("sanitaer-notdienst", "ask_callback", lang)]
    reply = d.hear(when)
    assert kept in d.state.when and d.state.when_text == when
    assert reply.says == [prompt("sanitaer-notdienst", "ask_callback", lang)]


# --- answers to a question other than the one asked (data/dev/calls_first.jsonl) -------------------
CLOSING = {"de": "nein danke, das ist alles", "en": "no thanks, that's all"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_thanks_thats_all_to_the_message_read_back_stores_it_and_says_goodbye(lang):
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678", YES[lang], "Anna Schmidt", YES[lang]]:
        d.hear(turn)
    assert d.state.phase == "message_confirm"
    reply = d.hear(CLOSING[lang])
    assert reply.outcome is not None and reply.outcome.type == "message" and reply.end
    assert reply.outcome.message["text"] == MESSAGE[lang][1]
    assert reply.says == [
        d.say("message_saved"),
        prompt("kanzlei-berg", "goodbye", lang, caller_name="Anna Schmidt"),
    ]


ORDER = {
    "de": "ich hätte gern zwei dichtungssets, dreiviertel zoll",
    "en": "I'd like two washer sets, three quarter inch",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_thanks_thats_all_to_the_order_read_back_keeps_the_order(lang):
    d = call("sanitaer-notdienst", lang)
    pickup = {"de": "zum abholen", "en": "pick up please"}[lang]
    for turn in [YES[lang], ORDER[lang], CLOSING[lang], pickup, "Anna Schmidt", YES[lang], "0171 2345678", YES[lang]]:
        d.hear(turn)
    assert d.state.phase == "order_confirm"
    reply = d.hear(CLOSING[lang])
    assert reply.outcome is not None and reply.outcome.type == "order" and reply.end
    assert [(i["sku"], i["qty"]) for i in reply.outcome.order["items"]] == [("SAN-DICHT-SET", 2)]
    assert prompt("sanitaer-notdienst", "order_cancelled", lang) not in reply.says


@pytest.mark.parametrize(
    ("lang", "answer", "kept"),
    [
        ("de", "Schmidt, Anna Schmidt", ("name", "Anna Schmidt")),
        ("en", "Siobhan O'Connor", ("name", "Siobhan O'Connor")),
        ("de", "zum abholen", ("fulfilment", "pickup")),
        ("en", "pick up please", ("fulfilment", "pickup")),
        ("de", "null vier null, fünf fünf sechs sechs sieben sieben", ("phone", "040556677")),
        ("en", "oh four oh, two two three three four four", ("phone", "040223344")),
    ],
)
def test_a_detail_said_to_anything_else_ends_the_items_and_is_kept(lang, answer, kept):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(ORDER[lang])
    assert d.state.phase == "order"  # "Darf es noch etwas sein?"
    reply = d.hear(answer)
    assert prompt("sanitaer-notdienst", "not_understood", lang) not in reply.says
    assert getattr(d.state, kept[0]) == kept[1]
    assert d.state.phase != "order" and d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "number", "digits"),
    [
        ("de", "null eins sieben sechs eins zwei drei vier fünf sechs sieben", "01761234567"),
        ("en", "zero one five one, two three four, five six seven eight", "01512345678"),
    ],
)
def test_a_number_given_when_the_address_is_asked_is_read_back_then_the_address_asked_again(lang, number, digits):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(BURST[lang])
    assert d.missing() == "address" and d.state.confirming is None
    reply = d.hear(number)
    assert (d.state.phone, d.state.confirming) == (digits, "phone")
    assert reply.says == [d.say("confirm_callback")]
    assert d.hear(YES[lang]).says == [d.say("ask_address")]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "name"), [("de", "Klaus Weber"), ("en", "David Klein")],
)
def test_a_name_given_when_the_address_is_asked_is_read_back_not_misunderstood(lang, name):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(BURST[lang])
    reply = d.hear(name)
    assert (d.state.name, d.state.confirming) == (name, "name")
    assert reply.says == [d.say("confirm_name")]


@pytest.mark.parametrize(
    ("lang", "message", "number"),
    [
        ("en", "hi, i'd like to leave a message for mr berg about my employment contract, please call me back",
         "null eins sieben null, eins eins zwei zwei drei drei"),
        ("de", "ich möchte eine nachricht für frau berg hinterlassen, es geht um meine kündigung, bitte um rückruf",
         "oh one seven oh, one one two two three three"),
    ],
)
def test_a_number_dictated_in_the_other_language_is_taken(lang, message, number):
    d = call("kanzlei-berg", lang)
    d.hear(message)
    assert d.missing() == "phone"
    d.hear(number)
    assert (d.state.phone, d.state.confirming) == ("0170112233", "phone")


@pytest.mark.parametrize(
    ("lang", "asked", "number"),
    [
        ("de", "mein heizkörper im schlafzimmer wird nicht warm, können sie da mal einen termin machen",
         "null vier null eins zwei drei vier fünf sechs sieben"),
        ("en", "my radiator in the bedroom stays cold, can I book an appointment",
         "oh four oh, one two three four five six seven"),
    ],
)
def test_a_number_said_to_when_would_suit_you_is_no_part_of_the_appointment(lang, asked, number):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(asked)
    assert d.state.phase == "appointment"
    d.hear(number)
    assert (d.state.phone, d.state.confirming) == ("0401234567", "phone")
    assert d.state.message == asked


@pytest.mark.parametrize(
    ("lang", "said", "spoken"),
    [
        ("de", "goethestraße 14, nein moment, 16 in hamburg", "Goethestraße 16, Hamburg"),
        ("en", "it's hofweg 24, no sorry, 26 in hamburg", "Hofweg 26, Hamburg"),
        # northern street names, and a house number said before the street
        ("en", "24 Mühlenkamp, 22303 Hamburg", "Mühlenkamp 24, 22303 Hamburg"),
        ("de", "Lange Twiete 5 in Hamburg", "Lange Twiete 5, Hamburg"),
        ("en", "it's 12 Dänische Straße in Kiel", "Dänische Straße 12, Kiel"),
        ("de", "Elbdeich 7, 21217 Seevetal", "Elbdeich 7, 21217 Seevetal"),
        ("en", "Our office is at Große Elbstraße 145, 22767 Hamburg.", "Große Elbstraße 145, 22767 Hamburg"),
        ("de", "Wir sind in der Kleinen Johannisstraße 4, 20457 Hamburg", "Kleine Johannisstraße 4, 20457 Hamburg"),
        ("de", "Alte Königstraße 3, Hamburg", "Alte Königstraße 3, Hamburg"),
        # streets no word marks as one, said where the address was asked for
        ("en", "Schlachte 3, 28195 Bremen", "Schlachte 3, 28195 Bremen"),
        ("de", "Colonnaden 21 in Hamburg", "Colonnaden 21, Hamburg"),
        ("de", "Neuer Wall 10, 20354 Hamburg", "Neuer Wall 10, 20354 Hamburg"),
        ("en", "it's at Hohe Bleichen 12 in Hamburg", "Hohe Bleichen 12, Hamburg"),
    ],
)
def test_an_address_is_read_back_whole(lang, said, spoken):
    """Corrected or leading house numbers, northern street names, adjectives, streets with no street word."""
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(BURST[lang])
    d.hear(said)
    assert (d.state.address.spoken(), d.state.confirming) == (spoken, "address")


@pytest.mark.parametrize(
    ("lang", "laptops"),
    [("de", "wir brauchen zwei notebooks mit 14 zoll"), ("en", "we need two laptops, 14 inch")],
)
def test_the_delivery_address_asked_again_is_still_where_to_deliver(lang, laptops):
    d = call("it-service-hansa", lang)
    d.hear(laptops)
    assert d.hear(CLOSING[lang]).says == [prompt("it-service-hansa", "order_ask_delivery_address", lang)]
    reply = d.hear(YES[lang])
    assert reply.says == [
        prompt("it-service-hansa", "not_understood", lang),
        prompt("it-service-hansa", "order_ask_delivery_address", lang),
    ]


@pytest.mark.parametrize(
    ("client", "started", "first", "lang"),
    [
        ("sanitaer-notdienst", "de", "yes that's fine", "en"),
        ("sanitaer-notdienst", "de", "yeah ok", "en"),
        ("sanitaer-notdienst", "en", "ja gerne", "de"),
        ("kanzlei-berg", "de", "hello? hello", "en"),
        ("kanzlei-berg", "en", "Guten Tag", "de"),
    ],
)
def test_a_first_answer_in_the_other_language_turns_the_call_to_it(client, started, first, lang):
    d = call(client, started)
    reply = d.hear(first)
    assert d.state.lang == lang
    assert reply.says[-1] == prompt(client, "ask_need", lang)


@pytest.mark.parametrize(("started", "first"), [("de", "ok"), ("en", "ok"), ("de", "hi")])
def test_a_first_word_both_languages_use_keeps_the_call_in_its_language(started, first):
    d = call("sanitaer-notdienst", started)
    d.hear(first)
    assert d.state.lang == started


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "ich suche einen Klempner für mein Bad"), ("en", "I need to check my heating, it makes a noise")],
)
def test_looking_for_something_as_a_request_is_no_wait(lang, said):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    assert d.hear(said).says  # a request is answered, not waited out


@pytest.mark.parametrize(
    ("lang", "wait", "address"),
    [
        ("de", "einen Moment bitte", "Goethestraße 5, Hamburg"),
        ("de", "moment", "Goethestraße 5, Hamburg"),
        ("en", "hang on a second", "12 Mill Lane, Hamburg"),
        ("en", "just a moment", "12 Mill Lane, Hamburg"),
        # a caller who goes to look the detail up (a whole sentence: the turn ends after the usual floor)
        ("de", "Moment, ich muss kurz nachschauen.", "Goethestraße 5, Hamburg"),
        ("de", "Einen Moment bitte, ich suche die Adresse.", "Goethestraße 5, Hamburg"),
        ("en", "Hang on, I need to look it up.", "12 Mill Lane, Hamburg"),
        ("en", "Let me check, it's on my other phone.", "12 Mill Lane, Hamburg"),
    ],
)
def test_a_caller_who_asks_the_bot_to_wait_is_waited_for(lang, wait, address):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(BURST[lang])
    asked = d.state.last_question
    reply = d.hear(wait)
    assert reply.says == [] and not reply.end  # the bot waits quietly
    assert (d.state.misunderstood, d.state.last_question) == (0, asked)
    d.hear(address)
    assert d.state.confirming == "address"


@pytest.mark.parametrize(
    ("lang", "what"),
    [("de", "wie bitte?"), ("de", "können Sie das bitte wiederholen?"), ("en", "sorry, what did you say?"),
     ("en", "could you repeat that?")],
)
def test_wie_bitte_repeats_the_question_and_is_no_misunderstanding(lang, what):
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678"]:
        d.hear(turn)
    asked = d.state.last_question
    assert d.hear(what).says == [asked]
    assert d.state.misunderstood == 0
    d.hear(YES[lang])
    assert "phone" in d.state.confirmed


@pytest.mark.parametrize(
    ("lang", "answer", "name"),
    [("de", "ja, hier ist Peter Schulz", "Peter Schulz"), ("en", "yes, hello, this is Anna Smith", "Anna Smith")],
)
def test_a_yes_with_a_greeting_and_a_name_answers_the_consent_question(lang, answer, name):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(answer)
    assert d.state.recording_consent is True
    assert d.state.name == name
    assert reply.says == [prompt("sanitaer-notdienst", "ask_need", lang)]


@pytest.mark.parametrize(
    ("lang", "answer", "name"),
    [
        ("de", "ich bin Oliver Schulz", "Oliver Schulz"),
        ("de", "ja, ich bin der Oliver Schulz", "Oliver Schulz"),
        ("en", "yes, I'm Oliver Schulz", "Oliver Schulz"),
    ],
)
def test_i_am_and_the_name_answers_the_name_question(lang, answer, name):
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678", YES[lang]]:
        d.hear(turn)
    assert d.missing() == "name"
    d.hear(answer)
    assert (d.state.name, d.state.confirming) == (name, "name")


@pytest.mark.parametrize(
    ("lang", "asked", "more"),
    [
        ("en", "please call me back about security for our party on saturday", "about 100 guests"),
        ("de", "bitte rufen Sie mich wegen Security für unsere Feier am Samstag zurück", "etwa 50 personen"),
    ],
)
def test_a_count_said_while_the_number_is_asked_is_part_of_the_message_not_of_the_number(lang, asked, more):
    d = call("sicherheitsdienst-nord", lang)
    d.hear(YES[lang])
    d.hear(asked)
    assert d.missing() == "phone" and d.state.after_collect == "message"
    reply = d.hear(more)
    assert (d.state.phone, d.state.phone_fragment) == (None, None)
    assert more in (d.state.message or "")
    assert reply.says == [d.say("ask_callback")]


@pytest.mark.parametrize(
    ("lang", "unknown", "bye"),
    [("de", "danke, und haben Sie einen Parkplatz?", "nein danke, tschüss"),
     ("en", "thanks, and do you have parking?", "no thanks, bye")],
)
def test_no_thanks_bye_after_a_question_the_pack_cannot_answer_ends_the_call(lang, unknown, bye):
    d = call("kanzlei-berg", lang)
    d.hear({"de": "wann haben Sie freitags geöffnet?", "en": "what are your opening hours on friday?"}[lang])
    reply = d.hear(unknown)
    assert reply.says[0] == prompt("kanzlei-berg", "info_unknown", lang)
    reply = d.hear(bye)
    assert reply.end and reply.says == [prompt("kanzlei-berg", "goodbye", lang)]
    assert d.state.outcome is not None and d.state.outcome.type == "ended"


@pytest.mark.parametrize(
    ("lang", "order", "sku", "qty"),
    [
        ("de", "ich bräuchte so nen thermostatkopf für die heizung, zwei stück bitte", "SAN-THERMOSTAT", 2),
        ("en", "i wanted to order some teflon tape, like three rolls", "SAN-DICHTBAND", 3),
    ],
)
def test_a_count_said_after_the_item_is_its_quantity(lang, order, sku, qty):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(order)
    assert [(line.sku, line.qty) for line in d.state.order] == [(sku, qty)]


@pytest.mark.parametrize(("lang", "pickup"), [("en", "i'll come and get it"), ("de", "ich hole es selbst ab")])
def test_come_and_get_it_answers_pick_up_or_deliver(lang, pickup):
    d = call("sanitaer-notdienst", lang)
    for turn in [YES[lang], ORDER[lang], CLOSING[lang]]:
        d.hear(turn)
    assert d.state.phase == "order_fulfilment"
    d.hear(pickup)
    assert d.state.fulfilment == "pickup" and d.state.misunderstood == 0


@pytest.mark.parametrize(("lang", "name"), [("en", "it's Dave O'Neill"), ("de", "Kowalski, Jan Kowalski")])
def test_a_name_said_to_pick_up_or_deliver_is_kept_and_the_question_asked_again(lang, name):
    d = call("sanitaer-notdienst", lang)
    for turn in [YES[lang], ORDER[lang], CLOSING[lang]]:
        d.hear(turn)
    reply = d.hear(name)
    assert reply.says == [prompt("sanitaer-notdienst", "order_ask_fulfilment", lang)]
    assert d.state.name == {"en": "Dave O'Neill", "de": "Jan Kowalski"}[lang] and d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [("en", "its dave, dave o'neill", "Dave O'Neill"), ("de", "hier ist anna, anna schmidt", "Anna Schmidt")],
)
def test_a_name_introduced_then_said_in_full_is_kept_in_full(lang, said, name):
    d = call("sanitaer-notdienst", lang)
    for turn in [YES[lang], ORDER[lang], CLOSING[lang]]:
        d.hear(turn)
    d.hear(said)
    assert d.state.name == name


# --- the second blind set of whole calls (data/dev/calls_second.jsonl): the families it showed ------
RENT_CALLBACK = {
    "de": "ich hätte gern einen Rückruf wegen einer Mieterhöhung",
    "en": "I'd like a call back about a rent increase",
}


@pytest.mark.parametrize(
    ("lang", "done"), [("en", "no that's everything thanks"), ("de", "das wäre es dann, vielen Dank")]
)
def test_thats_everything_to_anything_else_ends_the_call(lang, done):
    d = call("kanzlei-berg", lang)
    d.hear({"de": "wie ist Ihre Adresse?", "en": "what is your address?"}[lang])
    assert d.state.phase == "anything_else"
    reply = d.hear(done)
    assert reply.end and reply.says == [prompt("kanzlei-berg", "goodbye", lang)]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "question", "search"),
    [
        ("de", "was kostet bei Ihnen eine Erstberatung?",
         "moment, die Polizei steht gerade vor der Tür, sie haben einen Durchsuchungsbeschluss"),
        ("en", "how much is a first consultation?",
         "hang on, the police are at the door right now, they have a search warrant"),
    ],
)
def test_an_emergency_after_an_answered_question_goes_to_a_human_when_the_caller_hangs_up(lang, question, search):
    d = call("kanzlei-berg", lang)
    d.hear(question)
    assert d.state.served
    d.hear(search)
    assert (d.state.urgency, d.state.phase) == ("P1", "collect")
    outcome = d.hangup()
    assert outcome is not None and (outcome.type, outcome.handoff_reason) == ("handoff", "hangup")


@pytest.mark.parametrize(
    ("client", "lang", "lead", "question", "info_id"),
    [
        ("apotheke-am-markt", "de", ["Ibuprofen 400, die Zwanziger"], "ach und bis wann haben Sie morgen auf?",
         "oeffnungszeiten"),
        ("sanitaer-notdienst", "en", ["yes", "I need a shower hose, the two metre one"],
         "how much is the call-out fee, by the way?", "preise"),
        ("kanzlei-berg", "de", [RENT_CALLBACK["de"]], "was kostet denn so eine Erstberatung?", "erstberatung"),
        ("kanzlei-berg", "en", [RENT_CALLBACK["en"]], "what does a first consultation cost?", "erstberatung"),
    ],
)
def test_a_question_the_pack_answers_mid_order_or_mid_details_is_answered_then_asked_again(
    client, lang, lead, question, info_id
):
    d = call(client, lang)
    for turn in lead:
        d.hear(turn)
    asked, phase, message = d.state.last_question, d.state.phase, d.state.message
    assert phase in ("order", "collect")
    reply = d.hear(question)
    answer = next(info for info in d.pack.info if info.id == info_id)
    assert reply.says == [d.localized(answer.answer), asked]
    assert (d.state.phase, d.state.message, d.state.misunderstood) == (phase, message, 0)


@pytest.mark.parametrize(
    ("client", "lang", "lead", "more", "skus"),
    [
        ("apotheke-am-markt", "de", ["Ibuprofen 400, die Zwanziger", "nein danke"],
         "und noch ein Nasenspray für Kinder", ["APO-IBU400", "APO-NASENSPRAY"]),
        ("sanitaer-notdienst", "en", ["yes", "I need a shower hose, the two metre one", "no thanks"],
         "oh and a shower head as well", ["SAN-DUSCHSCHLAUCH", "SAN-DUSCHKOPF"]),
    ],
)
def test_an_item_named_when_pick_up_or_deliver_is_asked_is_added(client, lang, lead, more, skus):
    d = call(client, lang)
    for turn in lead:
        d.hear(turn)
    assert d.state.phase == "order_fulfilment"
    d.hear(more)
    assert [line.sku for line in d.state.order] == skus
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "order", "change", "qty", "options"),
    [
        ("en", "I need a shower hose, the two metre one", "actually make that the 1.60 one, sorry, I measured wrong",
         1, {"length": "1,60 Meter"}),
        ("de", "ich brauche einen Duschschlauch, zwei Meter", "nee warte, doch lieber den mit eins sechzig",
         1, {"length": "1,60 Meter"}),
        ("de", ORDER["de"], "nein, doch lieber drei", 3, {"size": "dreiviertel Zoll"}),
        ("en", ORDER["en"], "make that three, please", 3, {"size": "dreiviertel Zoll"}),
    ],
)
def test_a_change_to_the_item_said_to_anything_else_changes_it(lang, order, change, qty, options):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(order)
    assert d.state.phase == "order" and len(d.state.order) == 1
    d.hear(change)
    assert [(line.qty, line.options) for line in d.state.order] == [(qty, options)]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("client", "lang", "said", "sku", "qty", "options"),
    [
        ("apotheke-am-markt", "de", "ich bräuchte FFP2 Masken, zwei Packungen zu zehn, nein, doch lieber drei",
         "APO-FFP2", 3, {"pack": "10 Stück"}),
        ("it-service-hansa", "en", "we need two headsets, the wireless ones, no sorry, three", "IT-HEADSET", 3,
         {"connection": "Bluetooth"}),
        ("it-service-hansa", "de", "drei Monitore, 24 Zoll, nein doch lieber 27 Zoll", "IT-MONITOR", 3,
         {"size": "27 Zoll"}),
        ("it-service-hansa", "en", "three monitors, 24 inch, no sorry, 27 inch", "IT-MONITOR", 3, {"size": "27 Zoll"}),
    ],
)
def test_a_correction_inside_the_order_sentence_keeps_what_was_said_last(client, lang, said, sku, qty, options):
    lines = match_order(said, lang, load_pack(client).catalog)
    assert [(line.sku, line.qty, line.options) for line in lines] == [(sku, qty, options)]


@pytest.mark.parametrize(
    ("lang", "order", "answer", "value"),
    [
        ("de", "ich hätte gern ein Dichtungsset", "halber Zoll glaube ich, nee warte, dreiviertel Zoll",
         "dreiviertel Zoll"),
        ("en", "I need a washer set", "three quarter inch I think, no wait, half inch", "halber Zoll"),
        ("de", "ich hätte gern ein Dichtungsset", "den halben Zoll, nicht den dreiviertel Zoll", "halber Zoll"),
        ("en", "I need a washer set", "the half inch one, no wait, three quarter inch", "dreiviertel Zoll"),
    ],
)
def test_an_option_corrected_in_the_answer_is_the_one_said_last(lang, order, answer, value):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(order)
    assert d.state.phase == "order_option"
    d.hear(answer)
    assert d.state.order[0].options == {"size": value}


@pytest.mark.parametrize(
    ("lang", "number"),
    [
        ("de", "null vier null, eins zwei drei, nein, eins drei zwei, vier fünf sechs sieben"),
        ("en", "zero four zero, one two three, no sorry, one three two, four five six seven"),
    ],
)
def test_a_group_corrected_inside_a_number_replaces_only_that_group(lang, number):
    d = call("kanzlei-berg", lang)
    d.hear(RENT_CALLBACK[lang])
    assert d.missing() == "phone"
    d.hear(number)
    assert (d.state.phone, d.state.confirming) == ("0401324567", "phone")


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [
        ("de", "Marion Keller", "Marion Keller"),
        ("en", "Thomas Mann", "Thomas Mann"),
        ("en", "okay I'll pick it up then", None),
        ("de", "ok, ich hol's dann ab", None),
    ],
)
def test_the_name_question_keeps_surnames_that_are_words_and_takes_no_sentence_for_a_name(lang, said, name):
    d = call("kanzlei-berg", lang)
    for turn in [RENT_CALLBACK[lang], "0401324567", YES[lang]]:
        d.hear(turn)
    assert d.missing() == "name"
    d.hear(said)
    assert d.state.name == name


@pytest.mark.parametrize(
    ("lang", "said", "street"),
    [
        ("de", "Schwachhauser Heerstraße 40 in Bremen", "Schwachhauser Heerstraße"),
        ("en", "it's Lübecker Landstraße 12 in Hamburg", "Lübecker Landstraße"),
    ],
)
def test_a_place_adjective_before_a_common_street_name_is_part_of_the_street(lang, said, street):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(BURST[lang])
    d.hear(said)
    assert (d.state.address.street, d.state.confirming) == (street, "address")


@pytest.mark.parametrize(
    ("lang", "who"),
    [
        ("de", "Hallo? Ist da die Kanzlei? Mit wem spreche ich denn?"),
        ("en", "Hello? Is this the law firm? Who am I speaking to?"),
    ],
)
def test_is_this_the_firm_and_who_is_speaking_is_answered(lang, who):
    d = call("kanzlei-berg", lang)
    reply = d.hear(who)
    assert reply.says == [prompt("kanzlei-berg", "who_is_this", lang), prompt("kanzlei-berg", "ask_need", lang)]
    assert not d.state.ended


@pytest.fixture
def model_hears_a_request_for_a_human(monkeypatch):
    """The learned model reads a caller who names a lawyer as asking for a human (it did in calls_second);
    here every analysis no rule decided is given that intent."""
    real = dialogue_module.analyze

    def analyze(*args, **kwargs):
        a = real(*args, **kwargs)
        return a if a.by_rule else replace(a, intent="request_human")

    monkeypatch.setattr(dialogue_module, "analyze", analyze)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Frau Doktor Berg soll mich bitte zurückrufen, es geht um meinen Arbeitsvertrag"),
        ("en", "I'd like Dr Berg to call me back about my employment contract"),
    ],
)
def test_a_caller_who_asks_to_be_called_back_leaves_a_message_whatever_the_model_guessed(
    model_hears_a_request_for_a_human, lang, said
):
    d = call("kanzlei-berg", lang)
    reply = d.hear(said)
    assert not d.state.ended and d.missing() == "phone"
    assert reply.says == [prompt("kanzlei-berg", "ask_callback", lang)]


@pytest.mark.parametrize(
    ("lang", "asked", "back", "when"),
    [
        ("de", "Ich hätte gern einen Termin für die Heizungswartung", "wann hätten Sie denn was frei?",
         "nächste Woche Dienstag vormittags"),
        ("en", "I'd like an appointment for the annual boiler service", "when do you have something free?",
         "next Tuesday morning"),
    ],
)
def test_a_question_back_to_when_would_suit_you_is_answered_and_the_time_then_kept(lang, asked, back, when):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(asked)
    assert d.state.phase == "appointment"
    reply = d.hear(back)
    assert reply.says == [prompt("sanitaer-notdienst", "appointment_time_agreed", lang)]
    assert d.state.phase == "appointment" and d.state.misunderstood == 0
    d.hear(when)
    assert when in (d.state.message or "") and back not in (d.state.message or "")


@pytest.mark.parametrize(
    ("lang", "agree"), [("en", "yes okay, recording is fine"), ("de", "ja, die Aufzeichnung ist in Ordnung")]
)
def test_a_yes_with_words_about_the_recording_answers_the_consent_question(lang, agree):
    d = call("sanitaer-notdienst", "de")
    reply = d.hear(agree)
    assert d.state.recording_consent is True and d.state.lang == lang
    assert reply.says == [prompt("sanitaer-notdienst", "ask_need", lang)]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "order", "more", "done"),
    [
        ("de", "wir brauchen zwei notebooks mit 14 zoll", "ok, und dazu noch zwei Dockingstationen",
         "nein das ist alles"),
        ("en", "we need two laptops, 14 inch", "and two docking stations as well", "no that's it"),
    ],
)
def test_thats_all_heard_after_the_next_question_of_an_order_asks_it_again_quietly(lang, order, more, done):
    d = call("it-service-hansa", lang)
    d.hear(order)
    reply = d.hear(more)
    assert reply.says == [prompt("it-service-hansa", "order_ask_delivery_address", lang)]
    reply = d.hear(done)
    assert reply.says == [prompt("it-service-hansa", "order_ask_delivery_address", lang)]
    assert d.state.misunderstood == 0 and not d.state.ended


@pytest.mark.parametrize(
    ("client", "lang", "question", "info_id"),
    [
        ("kanzlei-berg", "de", "Wo sind Sie denn?", "adresse"),  # keyword 'wo (sind|finde ich) sie'
        ("kanzlei-berg", "en", "where is the office?", "adresse"),  # keyword 'where is the (office|firm)'
        ("sanitaer-notdienst", "de", "kommen Sie auch nach Pinneberg?", "gebiet"),
        ("sanitaer-notdienst", "en", "how much is the callout?", "preise"),  # keyword 'call-?out'
    ],
)
def test_info_keywords_the_pack_writes_as_patterns_are_matched_as_patterns(client, lang, question, info_id):
    d = call(client, lang)
    if d.pack.records_calls:
        d.hear(YES[lang])
    reply = d.hear(question)
    answer = next(info for info in d.pack.info if info.id == info_id)
    assert reply.says == [d.localized(answer.answer), prompt(client, "anything_else", lang)]


@pytest.mark.parametrize(
    ("lang", "said", "lines"),
    [
        ("en", "two washer sets, no rush, and 3 shower heads", [("SAN-DICHT-SET", 2), ("SAN-DUSCHKOPF", 3)]),
        ("de", "zwei Dichtungssets, nein, keine Eile, und 3 Duschköpfe", [("SAN-DICHT-SET", 2), ("SAN-DUSCHKOPF", 3)]),
        ("en", "two washer sets, no sugar in my tea, one more thing", [("SAN-DICHT-SET", 2)]),
    ],
)
def test_a_no_that_corrects_no_count_leaves_the_count_alone(lang, said, lines):
    found = match_order(said, lang, load_pack("sanitaer-notdienst").catalog)
    assert [(line.sku, line.qty) for line in found] == lines


# --- third set of whole calls (data/dev/calls_third.jsonl): callers the earlier sets did not have ------
@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [
        ("de", "Klaus Pötter. Pötter mit Ö, P wie Paula, Ö wie Ökonom, T wie Theodor, T wie Theodor, E wie Emil, "
               "R wie Richard.", "Klaus Pötter"),
        ("de", "Jana Meier, Meier mit e i, M wie Martha, E wie Emil, I wie Ida, E wie Emil, R wie Richard",
         "Jana Meier"),
        ("en", "Emma Kelly, Kelly with a y, K as in Kilo, E as in Echo, L as in Lima, L as in Lima, Y as in Yankee",
         "Emma Kelly"),
        ("en", "Anna Smyth, with a y, S as in Sierra, M as in Mike, Y as in Yankee, T as in Tango, H as in Hotel",
         "Anna Smyth"),
    ],
)  # fmt: skip
def test_a_hint_on_the_spelling_before_the_letters_is_no_letter_of_the_name(lang, said, name):
    """ "Pötter mit Ö, P wie Paula, ...": the "Ö" says how the name is written; it is not the first letter of
    the spelling (the name was read back as "Klaus Öpötter")."""
    d = call("apotheke-am-markt")
    d.state.lang = lang
    d.hear("Ich hätte gern Zinktabletten.")
    d.hear("nein danke")
    d.hear("abholen")
    d.hear(said)
    assert (d.state.name, d.state.confirming) == (name, "name")


@pytest.mark.parametrize(
    ("lang", "spelled", "number"),
    [
        ("en", "Siobhan Kelly. That's S as in Sierra, I as in India, O as in Oscar, B as in Bravo, H as in Hotel, "
               "A as in Alpha, N as in November.", "zero four three one, nine nine, eight eight, seven seven, six"),
        ("de", "Renate Vogel. V wie Viktor, O wie Otto, G wie Gustav, E wie Emil, L wie Ludwig.",
         "null vier null, siebenundsechzig, neunundachtzig, null eins, zwei"),
    ],
)  # fmt: skip
def test_a_spelled_name_said_when_the_number_is_asked_is_kept_in_the_calls_language(lang, spelled, number):
    """A name with its spelling, however long, is a name said early: read back, in the call's language
    ("as in" counted as German turned an English call to German), then the number is asked again."""
    d = call("kanzlei-berg", lang)
    assert d.hear(RENT_CALLBACK[lang]).says == [prompt("kanzlei-berg", "ask_callback", lang)]
    reply = d.hear(spelled)
    name = spelled.split(".")[0]
    assert d.state.lang == lang
    assert (d.state.name, d.state.confirming) == (name, "name")
    assert reply.says == [prompt("kanzlei-berg", "confirm_name", lang, caller_name=name)]
    reply = d.hear(YES[lang])
    assert reply.says == [prompt("kanzlei-berg", "ask_callback", lang)]
    d.hear(number)
    assert d.state.confirming == "phone" and d.state.misunderstood == 0


LEAVING_MESSAGE = {
    "de": ("Können Sie der Anwältin ausrichten, sie soll mich morgen früh um neun zurückrufen? Es geht um "
           "meinen Mietvertrag.", "null vier null, zwei drei vier, fünf sechs, sieben acht"),
    "en": ("Could someone call me back on Monday morning? It's about the invoice you sent last month.",
           "zero four zero, two three four, five six, seven eight"),
}  # fmt: skip


@pytest.mark.parametrize(("lang", "bye"), [("de", "Gut, danke, tschüss."), ("en", "Great, thanks, bye.")])
def test_a_caller_who_says_goodbye_before_the_name_has_left_the_message(lang, bye):
    """The words and a confirmed callback number are taken: "tschüss" to the name question stores the
    message and ends the call (it was read back to a caller already gone, and handed over as lost)."""
    request, number = LEAVING_MESSAGE[lang]
    d = call("kanzlei-berg", lang)
    d.hear(request)
    d.hear(number)
    assert d.hear(YES[lang]).says == [prompt("kanzlei-berg", "ask_name", lang)]
    reply = d.hear(bye)
    assert reply.end and reply.outcome is not None and reply.outcome.type == "message"
    assert reply.says == [prompt("kanzlei-berg", "message_saved", lang, phone="0402345678"),
                          prompt("kanzlei-berg", "goodbye", lang)]  # fmt: skip
    assert reply.outcome.message["phone"] == "0402345678" and reply.outcome.message["text"] == request


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_caller_who_hangs_up_after_confirming_the_number_has_left_the_message(lang):
    request, number = LEAVING_MESSAGE[lang]
    d = call("kanzlei-berg", lang)
    d.hear(request)
    d.hear(number)
    d.hear(YES[lang])
    outcome = d.hangup()
    assert outcome is not None and outcome.type == "message" and outcome.message["text"] == request


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_caller_who_hangs_up_before_confirming_the_number_goes_to_a_human(lang):
    request, number = LEAVING_MESSAGE[lang]
    d = call("kanzlei-berg", lang)
    d.hear(request)
    d.hear(number)  # read back, never confirmed: perhaps wrong, so a person looks at it
    outcome = d.hangup()
    assert outcome is not None and (outcome.type, outcome.handoff_reason) == ("handoff", "hangup")


@pytest.mark.parametrize(
    ("client", "lang", "question", "sku"),
    [
        ("sicherheitsdienst-nord", "de", "Hallo. Ich habe Restaurant in Kiel. Brauche Wachmann für eine Nacht, "
                                          "Samstag. Geht das?", "SEC-OBJEKT-NACHT"),
        ("apotheke-am-markt", "de", "Haben Sie Zinktabletten da? Ich bräuchte eine Packung.", "APO-ZINK"),
        ("sanitaer-notdienst", "en", "Have you got any thermostat heads?", "SAN-THERMOSTAT"),
        ("it-service-hansa", "en", "Do you have docking stations? Is that something you can get us?", "IT-DOCK"),
    ],
)  # fmt: skip
def test_a_catalogue_item_asked_about_that_the_pack_cannot_answer_is_ordered(client, lang, question, sku):
    """ "Geht das?", "have you got any ...?" about an item of the catalogue: the caller wants it. The bot
    said it could not answer reliably and offered a message."""
    d = call(client, lang)
    if d.pack.records_calls:
        d.hear(YES[lang])
    reply = d.hear(question)
    assert d.state.phase in ("order", "order_option")
    assert [line.sku for line in d.state.order] == [sku]
    assert prompt(client, "info_unknown", lang) not in reply.says


@pytest.mark.parametrize(
    ("lang", "order", "unsure", "size"),
    [
        ("en", "We need a new laptop for our new colleague.", "Not sure. She travels a lot, so the smaller one I "
                                                              "guess.", "14 Zoll"),
        ("de", "Wir brauchen ein Notebook für unsere neue Kollegin.", "Weiß ich nicht, eher den größeren, sie "
                                                                       "macht viel Grafik.", "16 Zoll"),
    ],
)  # fmt: skip
def test_an_option_picked_as_the_smaller_or_the_bigger_one_is_taken(lang, order, unsure, size):
    d = call("it-service-hansa", lang)
    d.hear(order)
    assert d.state.phase == "order_option"
    reply = d.hear(unsure)
    assert d.state.order[0].options == {"size": size} and d.state.misunderstood == 0
    assert reply.says == [prompt("it-service-hansa", "order_ask_more", lang)]


@pytest.mark.parametrize(
    ("lang", "callback", "wait"),
    [
        ("de", "Ich möchte bitte zurückgerufen werden, wegen meiner Scheidung.", "Moment, ich such die Nummer raus."),
        ("en", "I'd like a call back about my divorce, please.", "hang on, I need to find my number"),
    ],
)
def test_silence_after_moment_brings_the_question_again_not_what_is_it_about(lang, callback, wait):
    """ "Moment" to "what number can we call you back on?", then silence: "are you still there?" and the
    number question again ("just tell me what it's about" asked a caller who had long said it)."""
    d = call("kanzlei-berg", lang)
    assert d.hear(callback).says == [prompt("kanzlei-berg", "ask_callback", lang)]
    assert d.hear(wait).says == []
    reply = d.hear("")
    again = prompt("kanzlei-berg", "ask_callback", lang)
    assert reply.says == [prompt("kanzlei-berg", "silence_question", lang), again]
    assert not d.state.ended


@pytest.mark.parametrize("lang", ["de", "en"])
def test_silence_before_any_request_still_asks_what_it_is_about(lang):
    d = call("kanzlei-berg", lang)
    assert d.hear("").says == [prompt("kanzlei-berg", "silence_reprompt", lang)]


@pytest.mark.parametrize(
    ("lang", "wait"),
    [
        ("de", "Moment bitte, ich muss kurz nachschauen."),
        ("de", "Moment mal, ich hol meine Brille"),
        ("en", "Oh, hang on, I have it written down somewhere."),
        ("en", "hold on, let me get a pen"),
    ],
)
def test_a_wait_that_says_what_the_caller_fetches_is_waited_for_and_kept_out_of_the_message(lang, wait):
    d = call("kanzlei-berg", lang)
    d.hear(RENT_CALLBACK[lang])
    message = d.state.message
    assert d.hear(wait).says == []
    assert (d.state.message, d.state.misunderstood) == (message, 0)
    reply = d.hear(LEAVING_MESSAGE[lang][1])
    assert reply.says == [prompt("kanzlei-berg", "confirm_callback", lang, phone="0402345678")]


@pytest.mark.parametrize(
    ("lang", "not_a_wait"),
    [
        ("de", "Moment, ich habe noch eine Frage zu den Preisen"),
        ("en", "wait, I want to check the price, how much is it?"),
    ],
)
def test_a_wait_with_a_question_in_it_is_no_wait(lang, not_a_wait):
    assert not answers.asks_to_wait(not_a_wait)


@pytest.mark.parametrize(
    ("lang", "unsure"),
    [("de", "ich weiß nicht genau"), ("de", "hm, keine Ahnung"), ("en", "not sure"), ("en", "hmm, I'm not sure")],
)
def test_not_sure_to_a_read_back_confirms_nothing(lang, unsure):
    """ "not sure" holds "sure", "nicht genau" holds "genau": they were taken for a yes and confirmed the
    number read back. The read-back comes again instead."""
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(BURST[lang])
    d.hear("Goethestraße 14, 20095 Hamburg")
    d.hear(YES[lang])
    d.hear("0171 2345678")
    assert d.state.confirming == "phone"
    reply = d.hear(unsure)
    assert "phone" not in d.state.confirmed and d.state.confirming == "phone"
    assert reply.says[-1] == prompt("sanitaer-notdienst", "confirm_callback", lang, phone="01712345678")


@pytest.mark.parametrize(("lang", "unsure"), [("de", "weiß ich nicht"), ("en", "not sure")])
def test_not_sure_to_anything_else_in_an_order_goes_on(lang, unsure):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear({"de": "ich hätte gern einen Duschkopf", "en": "I'd like a shower head please"}[lang])
    assert d.state.phase == "order"
    reply = d.hear(unsure)
    assert reply.says == [prompt("sanitaer-notdienst", "order_ask_fulfilment", lang)]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(("lang", "vague", "unsure"), [
    ("de", "da riecht es komisch im keller", "weiß ich nicht"),
    ("en", "there is a strange smell in the basement", "I'm not sure"),
])  # fmt: skip
def test_not_sure_whether_anyone_is_in_danger_counts_as_danger(unsure_model, lang, vague, unsure):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    assert d.hear(vague).says == [prompt("sanitaer-notdienst", "ask_danger", lang)]
    d.hear(unsure)
    assert d.state.urgency in ("P0", "P1") and (d.state.ended or d.state.phase == "collect")


@pytest.mark.parametrize(
    ("lang", "bye"), [("de", "ich muss jetzt Schluss machen, tschüss"), ("en", "sorry I have to go now, bye")]
)
def test_goodbye_while_an_emergencys_details_are_taken_hands_over_what_is_known(lang, bye):
    """Not "not understood" to a caller who is leaving: the emergency goes to the on-call human now."""
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(BURST[lang])
    d.hear("Goethestraße 14, 20095 Hamburg")
    assert d.hear(YES[lang]).says == [prompt("sanitaer-notdienst", "ask_callback", lang)]
    reply = d.hear(bye)
    assert reply.end and reply.outcome is not None
    assert (reply.outcome.type, reply.outcome.handoff_reason, reply.outcome.urgency) == ("handoff", "p1", "P1")
    assert reply.says == [prompt("sanitaer-notdienst", "handoff_p1", lang)]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(("lang", "unsure"), [("de", "ich weiß nicht genau"), ("en", "not sure")])
def test_not_sure_to_the_recording_question_is_no_consent(lang, unsure):
    d = call("sanitaer-notdienst", lang)
    d.hear(unsure)
    assert d.state.recording_consent is not True


@pytest.mark.parametrize(
    ("lang", "order", "pickup"),
    [
        ("de", "ich hätte gern einen Duschkopf", "ich hole es morgen früh ab"),
        ("de", "ich hätte gern einen Duschkopf", "den hol ich dann am Montag ab"),
        ("en", "I'd like a shower head please", "I'll come by tomorrow and get it"),
        ("en", "I'd like a shower head please", "I will come round on Monday to fetch it"),
    ],
)
def test_pickup_said_with_a_time_inside_answers_pick_up_or_deliver(lang, order, pickup):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(order)
    d.hear({"de": "nein", "en": "no"}[lang])
    assert d.state.phase == "order_fulfilment"
    reply = d.hear(pickup)
    assert d.state.fulfilment == "pickup" and d.state.misunderstood == 0
    assert reply.says == [prompt("sanitaer-notdienst", "ask_name", lang)]


@pytest.mark.parametrize(("lang", "not_pickup"), [("de", "holen Sie es bitte nicht ab"), ("en", "come on, get real")])
def test_words_around_a_pickup_phrase_that_say_no_pickup(lang, not_pickup):
    assert answers.fulfilment(not_pickup, asked=True) is None


@pytest.mark.parametrize(
    ("client", "lang", "said", "lines"),
    [
        ("it-service-hansa", "de", "Wir brauchen zwei Mäuse, kabellos.", [("IT-MAUS", 2)]),
        ("it-service-hansa", "en", "We need two mice, wireless.", [("IT-MAUS", 2)]),
        ("sanitaer-notdienst", "de", "zwei Duschschläuche und drei Duschköpfe", [("SAN-DUSCHSCHLAUCH", 2),
                                                                                  ("SAN-DUSCHKOPF", 3)]),
    ],
)  # fmt: skip
def test_plurals_that_change_the_vowel_name_the_catalogue_item(client, lang, said, lines):
    found = match_order(said, lang, load_pack(client).catalog)
    assert [(line.sku, line.qty) for line in found] == lines


@pytest.mark.parametrize(
    ("lang", "asking"),
    [
        ("de", "Meine Mutter braucht einen Anwalt, ihr Vermieter will ihr kündigen. Sie selbst kann nicht so gut "
               "telefonieren, rufen Sie bitte mich an."),
        ("en", "My mother needs a lawyer, her landlord wants to evict her. She can't really use the phone, so "
               "please call me instead."),
    ],
)  # fmt: skip
def test_please_call_me_instead_is_a_callback_request_not_a_request_for_a_human(lang, asking):
    assert answers.asks_callback(asking)
    d = call("kanzlei-berg", lang)
    d.hear(asking)  # taken down for a call back (a message, or the appointment the model may read), not put through
    assert d.state.outcome is None and not d.state.ended and d.state.intent != "request_human"


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [
        ("de", "Ich bin die Tochter, Sabine Krause", "Sabine Krause"),
        ("de", "hier ist der Nachbar, Peter Lohse", "Peter Lohse"),
        ("en", "I'm her daughter, Sabine Krause", "Sabine Krause"),
        ("en", "this is her son, Peter Lorenz", "Peter Lorenz"),
    ],
)
def test_who_the_caller_is_to_the_person_said_before_the_name_is_no_part_of_it(lang, said, name):
    """Said to the name question, "ich bin die Tochter, Sabine Krause" was no name, so it joined the message
    and the name was asked again."""
    request, number = LEAVING_MESSAGE[lang]
    d = call("kanzlei-berg", lang)
    d.hear(request)
    d.hear(number)
    d.hear(YES[lang])
    reply = d.hear(said)
    assert (d.state.name, d.state.message) == (name, request)
    assert reply.says == [prompt("kanzlei-berg", "confirm_name", lang, caller_name=name)]


@pytest.mark.parametrize(
    ("lang", "order", "unsure"),
    [
        ("de", "ich bräuchte einen neuen Duschschlauch", "Das weiß ich nicht, der alte war so normal."),
        ("en", "I need a new shower hose", "No idea, the old one was a normal one."),
    ],
)
def test_an_option_the_caller_does_not_know_is_left_open_not_asked_until_handover(lang, order, unsure):
    """Asked again and again, a caller who cannot know the length was put through as "not understood";
    the order goes on without it (the team checks every order before it is ready)."""
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(order)
    assert d.state.phase == "order_option"
    reply = d.hear(unsure)
    assert reply.says == [prompt("sanitaer-notdienst", "order_ask_more", lang)]
    assert d.state.order[0].options == {} and d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "name_said", "name"),
    [("de", "Mein Name ist Sabine Brand", "Sabine Brand"), ("en", "this is her son, Peter Brand", "Peter Brand")],
)
def test_a_surname_that_is_a_hazard_word_is_no_emergency_when_the_name_is_asked(lang, name_said, name):
    """ "Brand" is German for a fire: said as a surname to the name question it set off the fire advice."""
    request, number = LEAVING_MESSAGE[lang]
    d = call("kanzlei-berg", lang)
    d.hear(request)
    d.hear(number)
    d.hear(YES[lang])
    reply = d.hear(name_said)
    assert (d.state.urgency, d.state.name, d.state.ended) == ("P3", name, False)
    assert reply.says == [prompt("kanzlei-berg", "confirm_name", lang, caller_name=name)]


@pytest.mark.parametrize(
    ("lang", "fire"),
    [
        ("de", "Sabine Brand, und bei uns brennt es in der Küche!"),
        ("en", "Peter Brand, and there's a fire in our kitchen!"),
    ],
)
def test_a_fire_said_beside_such_a_name_still_counts(lang, fire):
    request, number = LEAVING_MESSAGE[lang]
    d = call("kanzlei-berg", lang)
    d.hear(request)
    d.hear(number)
    d.hear(YES[lang])
    d.hear(fire)
    assert d.state.urgency == "P0" and d.state.ended


@pytest.mark.parametrize(("lang", "hazard"), [("de", "Gasgeruch im Keller!"), ("en", "Gas smell in the basement!")])
def test_a_hazard_said_to_the_name_question_is_never_taken_for_a_name(lang, hazard):
    request, number = LEAVING_MESSAGE[lang]
    d = call("kanzlei-berg", lang)
    d.hear(request)
    d.hear(number)
    d.hear(YES[lang])
    d.hear(hazard)
    assert d.state.urgency == "P0" and d.state.ended


# --- the fourth calls set (calls_fourth.jsonl): ordinary people in an order, at the consent question, at
# the first question ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("client", "lang", "order", "then", "left"),
    [
        ("apotheke-am-markt", "de", "Ich möchte Paracetamol reservieren, die Zwanziger Packung.",
         ["Ja, und noch ein Nasenspray für Kinder.", "Ach nee, das Nasenspray doch nicht, nur das Paracetamol."],
         ["APO-PARA500"]),
        ("it-service-hansa", "en", "I'd like a keyboard with German layout and a wireless mouse",
         ["actually forget the mouse, just the keyboard"], ["IT-TASTATUR"]),
        ("it-service-hansa", "de", "eine Tastatur mit deutschem Layout und eine Maus mit Kabel",
         ["streichen Sie die Maus bitte"], ["IT-TASTATUR"]),
        ("it-service-hansa", "en", "two laptops, 14 inch, and a docking station",
         ["we don't need the dock after all"], ["IT-NOTEBOOK"]),
    ],
)
def test_an_item_taken_back_leaves_the_order(client, lang, order, then, left):
    """ "das Nasenspray doch nicht": the item was added again, and the option question for it looped."""
    d = call(client, lang)
    d.hear(order)
    for turn in then:
        d.hear(turn)
    assert [line.sku for line in d.state.order] == left
    assert d.state.misunderstood == 0 and all(i < len(d.state.order) for i, _ in d.state.option_queue)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_taking_back_the_only_item_asks_what_to_order(lang):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear(ORDER[lang])
    reply = d.hear({"de": "ach nee, die Dichtungen doch nicht", "en": "no washer sets after all, sorry"}[lang])
    assert d.state.order == [] and reply.says == [prompt("sanitaer-notdienst", "order_ask_items", lang)]


@pytest.mark.parametrize(
    ("lang", "order", "change"),
    [
        ("de", "wir bräuchten Monitore fürs Büro, drei Stück, 27 Zoll",
         "Ach, warten Sie, nehmen wir doch lieber vier. Vier Monitore."),
        ("en", "we need three monitors for the office, 27 inch", "actually, make that four monitors"),
    ],
)
def test_an_item_said_again_with_a_new_count_corrects_the_count(lang, order, change):
    """The new count made a second line without the size, whose size question then looped."""
    d = call("it-service-hansa", lang)
    d.hear(order)
    d.hear(change)
    assert [(line.sku, line.qty, line.options) for line in d.state.order] == [("IT-MONITOR", 4, {"size": "27 Zoll"})]
    assert d.state.option_queue == []


@pytest.mark.parametrize(
    ("client", "lang", "said", "sku", "qty"),
    [
        ("sanitaer-notdienst", "de", "ich hätte gern so einen Entlüftungsschlüssel, am besten gleich zwei Stück",
         "SAN-ENTLUEFT", 2),
        ("sanitaer-notdienst", "en", "a shower head please, two pieces", "SAN-DUSCHKOPF", 2),
    ],
)
def test_a_count_after_an_item_said_with_an_article_is_its_quantity(client, lang, said, sku, qty):
    assert [(line.sku, line.qty) for line in match_order(said, lang, load_pack(client).catalog)] == [(sku, qty)]


@pytest.mark.parametrize(
    ("lang", "said", "first", "second"),
    [
        ("de", "einen Duschkopf und zwei Stück Teflonband", ("SAN-DUSCHKOPF", 1), ("SAN-DICHTBAND", 2)),
        ("en", "a shower head and 2 pieces of teflon tape", ("SAN-DUSCHKOPF", 1), ("SAN-DICHTBAND", 2)),
    ],
)
def test_a_count_before_the_next_item_is_that_items(lang, said, first, second):
    catalog = load_pack("sanitaer-notdienst").catalog
    assert [(line.sku, line.qty) for line in match_order(said, lang, catalog)] == [first, second]


def test_an_option_in_the_items_own_word_is_chosen() -> None:
    """ "eine Funkmaus" named the wireless mouse, and the bot asked "kabellos oder mit Kabel?"."""
    mouse = match_order("und eine Funkmaus", "de", load_pack("it-service-hansa").catalog)
    assert [(line.sku, line.options) for line in mouse] == [("IT-MAUS", {"connection": "kabellos"})]
    tablets = match_order("Magnesium Brause bitte", "de", load_pack("apotheke-am-markt").catalog)
    assert [(line.sku, line.options) for line in tablets] == [("APO-MAGNESIUM", {"form": "Brausetabletten"})]
    headset = CatalogItem(
        sku="H", name={"en": "headset"}, aliases={"en": ["wireless headset"]},
        options={"connection": ["USB", "Bluetooth"]}, option_aliases={"Bluetooth": ["wireless"]},
    )
    assert [line.options for line in match_order("a wireless headset please", "en", [headset])] == [
        {"connection": "Bluetooth"}
    ]


@pytest.mark.parametrize(
    ("lang", "answer", "value"),
    [("en", "hmm, the two metre one I think", "2 Meter"), ("de", "das mit zwei Metern", "2 Meter"),
     ("en", "the one metre one", "1 Meter")],
)
def test_the_option_said_with_its_unit_beats_a_pronoun_one(lang, answer, value):
    """ "the two metre one": the pronoun "one" became the bare "1" of "1 Meter" and won."""
    cable = next(i for i in load_pack("it-service-hansa").catalog if i.sku == "IT-USBC-KABEL")
    assert chosen_option(cable, "length", answer, lang) == value


@pytest.mark.parametrize(
    ("client", "lang", "order", "question", "choice", "value"),
    [
        ("apotheke-am-markt", "de", "Haben Sie Magnesium da?", "Was ist denn besser, die Brause oder die Kapseln?",
         "Na gut, dann nehm ich die Kapseln.", {"form": "Kapseln"}),
        ("it-service-hansa", "en", "I'd like to order a mouse", "what's the difference, wireless or wired?",
         "OK, wired then", {"connection": "mit Kabel"}),
    ],
)
def test_a_question_back_to_the_option_question_chooses_nothing(client, lang, order, question, choice, value):
    d = call(client, lang)
    d.hear(order)
    assert d.state.phase == "order_option"
    reply = d.hear(question)
    assert d.state.phase == "order_option" and d.state.order[0].options == {}
    assert prompt(client, "not_understood", lang) not in reply.says
    d.hear(choice)
    assert d.state.order[0].options == value


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [
        ("de", "Yilmaz. Kemal Yilmaz.", "Kemal Yilmaz"),
        ("en", "Evans. Mark Evans.", "Mark Evans"),
        ("en", "Jan de Vries", "Jan de Vries"),
        ("de", "Klaus von Bülow", "Klaus von Bülow"),
        ("de", "Ursula von der Leyen", "Ursula von der Leyen"),
        ("en", "Maria van Dijk", "Maria van Dijk"),
        ("de", "Schulz von der Firma Becker", "Schulz"),
    ],
)
def test_names_said_twice_or_with_a_particle_are_kept_whole(lang, said, name):
    assert extract_name(said, lang, expecting=True) == name


@pytest.mark.parametrize(
    ("lang", "said", "street", "number"),
    [
        ("en", "Oh right. It's Überseetor 20 in Bremen.", "Überseetor", "20"),
        ("de", "Ja klar, das ist Schlachte 3 in Bremen", "Schlachte", "3"),
        ("de", "Ach so. Schlachte 3, Bremen", "Schlachte", "3"),
    ],
)
def test_a_street_without_a_street_word_after_a_lead_in_is_the_street(lang, said, street, number):
    address = extract_address(said, lang, expecting=True)
    assert (address.street, address.house_number, address.city) == (street, number, "Bremen")


@pytest.mark.parametrize(
    ("lang", "unclear"), [("en", "sorry, what?"), ("en", "Sorry, what was that?"), ("de", "Entschuldigung, was?"),
                          ("de", "hm"), ("en", "hmm")],
)
def test_sorry_what_or_a_bare_hm_gets_the_question_again_not_a_misunderstanding(lang, unclear):
    d = call("it-service-hansa", lang)
    outage = {"de": "Unser Server ist ausgefallen, keiner kann arbeiten", "en": "our server is down, nobody can work"}
    reply = d.hear(outage[lang])
    question = reply.says[-1]
    reply = d.hear(unclear)
    # right after the safety advice, "sorry, what?" hears the advice again first (tests/test_dialogue_thirteenth.py);
    # "hm" thinks aloud and hears the question only
    said = " ".join(load_pack("it-service-hansa").emergency("totalausfall").advice[lang].split())
    advice = [] if unclear in ("hm", "hmm") else [said]
    assert reply.says == [*advice, question] and d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("client", "lang", "check"),
    [
        ("kanzlei-berg", "de", "Wer ist denn da? Bin ich richtig bei der Kanzlei Berg?"),
        ("kanzlei-berg", "en", "Hello? Is this the Berg law firm? Sorry, my German is not good."),
        ("it-service-hansa", "de", "Hallo, bin ich hier richtig beim IT-Service Hansa?"),
        ("it-service-hansa", "en", "hi, is that IT Service Hansa?"),
        # the learned model read these as a request for a human
        ("it-service-hansa", "de", "Spreche ich mit dem IT-Service?"),
        ("it-service-hansa", "en", "Am I speaking to the IT service?"),
        ("apotheke-am-markt", "de", "Hallo, rede ich da mit der Apotheke am Markt?"),
        ("kanzlei-berg", "en", "Hi, am I talking with the Berg law office?"),
    ],
)
def test_checking_where_one_called_is_answered_with_who_answers(client, lang, check):
    d = call(client, lang)
    reply = d.hear(check)
    assert reply.says == [prompt(client, "who_is_this", lang), prompt(client, "ask_need", lang)]


@pytest.mark.parametrize(
    ("lang", "small_talk"),
    [
        ("de", "Moin moin, schönes Wetter heute, was?"),
        ("de", "Guten Morgen, wie geht es Ihnen?"),
        ("en", "Hi, hope you're having a good day. Bit of an odd one, I'm calling from London."),
        ("en", "Hello, how are you today?"),
    ],
)
def test_small_talk_before_the_request_is_a_greeting(lang, small_talk):
    d = call("kanzlei-berg", lang)
    reply = d.hear(small_talk)
    assert reply.says == [prompt("kanzlei-berg", "ask_need", lang)] and d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "answer", "consent"),
    [
        ("de", "Nein, das möchte ich nicht, dass das aufgenommen wird.", False),
        ("en", "No, I'd rather you didn't record it.", False),
        ("de", "Oh, guten Morgen! Sie sind aber früh auf den Beinen. Ja, von mir aus dürfen Sie aufnehmen.", True),
        ("en", "Morning! Lovely day, isn't it? Yes, recording is fine.", True),
    ],
)
def test_a_consent_answer_with_its_own_clauses_or_small_talk_is_only_an_answer(lang, answer, consent):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(answer)
    assert d.state.recording_consent is consent and d.state.misunderstood == 0
    first = [] if consent else [prompt("sanitaer-notdienst", "consent_declined", lang)]
    assert reply.says == [*first, prompt("sanitaer-notdienst", "ask_need", lang)]


@pytest.mark.parametrize(
    ("lang", "said", "lines"),
    [
        ("en", "two laptops, the fourteen inch ones, and a docking station for each",
         [("IT-NOTEBOOK", 2), ("IT-DOCK", 2)]),
        ("de", "zwei Notebooks mit 14 Zoll und je eine Dockingstation", [("IT-NOTEBOOK", 2), ("IT-DOCK", 2)]),
        ("de", "drei Monitore und für jeden eine Maus mit Kabel", [("IT-MONITOR", 3), ("IT-MAUS", 3)]),
        # look-alikes: "for each colleague" counts colleagues, not the item before
        ("de", "drei Monitore, und eine Tastatur für jeden Kollegen", [("IT-MONITOR", 3), ("IT-TASTATUR", 1)]),
        ("en", "two laptops and a dock", [("IT-NOTEBOOK", 2), ("IT-DOCK", 1)]),
    ],
)
def test_an_item_for_each_of_the_item_before_has_its_count(lang, said, lines):
    catalog = load_pack("it-service-hansa").catalog
    assert [(line.sku, line.qty) for line in match_order(said, lang, catalog)] == lines


@pytest.mark.parametrize(
    ("lang", "question_back", "number", "digits"),
    [
        ("en", "Do you need my number?", "OK, it's oh one seven one, four four four, five five five six",
         "01714445556"),
        ("de", "Brauchen Sie meine Nummer?", "null eins sieben eins, vier vier vier, fünf fünf fünf sechs",
         "01714445556"),
    ],
)
def test_a_question_back_about_the_detail_asked_gets_the_question_again(lang, question_back, number, digits):
    """A deadline's details are asked one by one; "do you need my number?" was not understood."""
    request = {
        "de": "Meine Widerspruchsfrist läuft morgen ab.",
        "en": "I got a notice from my landlord and the deadline to object runs out tomorrow.",
    }[lang]
    d = call("kanzlei-berg", lang)
    reply = d.hear(request)
    assert d.state.phase == "collect"
    question = reply.says[-1]
    reply = d.hear(question_back)
    assert reply.says == [question] and d.state.misunderstood == 0
    d.hear(number)
    assert (d.state.phone or "").replace(" ", "").endswith(digits[1:])


@pytest.mark.parametrize(
    ("lang", "check"),
    [
        ("de", "Spreche ich mit einem Menschen?"),
        ("de", "Rede ich da mit einem echten Mitarbeiter?"),
        ("en", "Am I talking to a real person?"),
        ("en", "am i speaking to a human"),
    ],
)
def test_asking_whether_a_human_answers_is_a_request_for_one(lang, check):
    d = call("it-service-hansa", lang)
    reply = d.hear(check)
    assert reply.outcome is not None and reply.outcome.handoff_reason == "requested"
