"""Callers who change and correct what they said, in German and English: an item dropped ("das Teflonband
brauch ich doch nicht", "just the washer set"), a count changed with an option ("machen Sie lieber vier
draus, und doch die 27 Zoll"), a count in rolls before the next item, delivery changed to pickup, and the
details corrected after their read-back.

The families come from `data/dev/calls_sixth.jsonl` (see data/dev/README.md); each test drives the real
`Dialogue` with the shipped packs and classifier, or the extractor or answer the family lives in.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain import answers
from triage.brain.dialogue import Dialogue
from triage.brain.extract.address import extract_address
from triage.brain.extract.order import match_order, taken_back
from triage.brain.extract.phone import extract_phone
from triage.brain.extract.when import extract_when
from triage.packs.load import load_pack


def items(d: Dialogue) -> list[tuple[str, int, dict[str, str]]]:
    return sorted((line.sku, line.qty, dict(line.options)) for line in d.state.order)


YES = {"de": "Ja.", "en": "Yes."}
MESSAGE = {
    "de": ["Ich möchte eine Nachricht hinterlassen.", "Bitte rufen Sie mich wegen der Akte Schulz zurück."],
    "en": ["I'd like to leave a message.", "Please call me back about the Schulz file."],
}


# --- an item dropped, a count in rolls -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Ach nee, das Teflonband brauch ich doch nicht."),
        ("de", "Das Teflonband nehmen wir dann nicht."),
        ("en", "Oh, the teflon tape we don't need."),
        ("en", "Actually the teflon tape, I don't want it."),
    ],
)
def test_an_item_not_needed_after_all_is_taken_back(lang, text):
    removed, _ = taken_back(text, lang, load_pack("sanitaer-notdienst").catalog)
    assert removed == {"SAN-DICHTBAND"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Nein, nur das Ibuprofen, das Paracetamol hab ich noch zu Hause."),
        ("de", "Nur das Ibuprofen, Paracetamol habe ich auch noch."),
    ],
)
def test_only_is_not_undone_by_a_later_noch(lang, text):
    """ "noch" after the item ("hab ich noch zu Hause") is no "nur noch ein ..." adding one more."""
    _, only = taken_back(text, lang, load_pack("apotheke-am-markt").catalog)
    assert only == {"APO-IBU400"}
    _, only = taken_back("Nur noch ein Ibuprofen bitte.", lang, load_pack("apotheke-am-markt").catalog)
    assert only == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Ich bräuchte einen Duschkopf und zwei Rollen Teflonband."),
        ("en", "I need a shower head and two rolls of teflon tape."),
    ],
)
def test_a_count_in_rolls_belongs_to_the_item_after_it(lang, text):
    lines = match_order(text, lang, load_pack("sanitaer-notdienst").catalog)
    assert sorted((x.sku, x.qty) for x in lines) == [("SAN-DICHTBAND", 2), ("SAN-DUSCHKOPF", 1)]


@pytest.mark.parametrize(
    ("lang", "turns"),
    [
        ("de", ["Ja.", "Ich bräuchte einen Duschkopf und zwei Rollen Teflonband.",
                "Ach nee, das Teflonband brauch ich doch nicht. Nur den Duschkopf."]),
        ("en", ["Yes.", "I need a shower head and two rolls of teflon tape.",
                "Actually, the teflon tape we don't need."]),
    ],
)
def test_an_item_dropped_at_anything_else_leaves_the_order(lang, turns):
    d = call("sanitaer-notdienst", lang)
    for turn in turns:
        d.hear(turn)
    assert items(d) == [("SAN-DUSCHKOPF", 1, {})]


@pytest.mark.parametrize(
    ("lang", "first", "drop"),
    [
        ("de", "Ich möchte Ibuprofen und Paracetamol reservieren.",
         "Nein, nur das Ibuprofen, das Paracetamol hab ich noch zu Hause."),
    ],
)
def test_an_item_dropped_at_another_items_option_question(lang, first, drop):
    """ "Nein, nur das Ibuprofen" to the Paracetamol's option question was "not understood" three times."""
    d = call("apotheke-am-markt", lang)
    d.hear(first)
    d.hear("Die große Packung.")
    reply = d.hear(drop)
    assert items(d) == [("APO-IBU400", 1, {"pack": "20 Stück"})]
    assert reply.says == [prompt("apotheke-am-markt", "order_ask_more", lang)]


# --- a count changed with an option, a count changed beside a dropped item -----------------------------
@pytest.mark.parametrize(
    ("lang", "change"),
    [
        ("de", "Ach, machen Sie lieber vier draus, und doch die 27 Zoll."),
        ("en", "Actually make it four, and rather the 27 inch ones."),
    ],
)
def test_a_count_and_an_option_changed_in_one_turn(lang, change):
    """The option was changed and the count left (the option's "27" made two counts)."""
    d = call("it-service-hansa", lang)
    d.hear("Wir bräuchten drei Monitore, 24 Zoll." if lang == "de" else "We need three monitors, 24 inch.")
    d.hear(change)
    assert items(d) == [("IT-MONITOR", 4, {"size": "27 Zoll"})]


@pytest.mark.parametrize(
    ("lang", "first", "change"),
    [
        ("de", "Wir brauchen zwei Notebooks mit 14 Zoll und zwei Funkmäuse.",
         "Streichen Sie die Mäuse, aber machen Sie lieber drei Notebooks."),
        ("en", "We need two laptops, 14 inch, and two wireless mice.",
         "Actually, forget the mice, we've got some. But make it three laptops."),
    ],
)
def test_an_item_dropped_and_another_counted_again(lang, first, change):
    d = call("it-service-hansa", lang)
    d.hear(first)
    d.hear(change)
    assert items(d) == [("IT-NOTEBOOK", 3, {"size": "14 Zoll"})]


# --- delivery changed to pickup -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("Liefern bitte. Ach nein, ich hole sie doch lieber selbst ab.", "pickup"),
        ("Please deliver it. Actually no, I'll pick it up myself.", "pickup"),
        ("Ich hole es ab. Nein, bringen Sie es doch lieber vorbei.", "delivery"),
        ("Ich hole es ab, oder können Sie liefern?", "delivery"),
        ("Could you deliver it, or do I pick it up?", "delivery"),
    ],
)
def test_the_way_said_after_a_change_of_mind_wins(text, way):
    assert answers.fulfilment(text) == way


@pytest.mark.parametrize(
    ("lang", "turns", "change"),
    [
        ("de", ["Ja.", "Ich möchte einen Duschkopf bestellen.", "Nein, das ist alles.", "Liefern bitte."],
         "Ach wissen Sie was, ich hole ihn doch selbst ab, ich bin eh in der Stadt."),
        ("en", ["Yes.", "I'd like to order a shower head.", "No, that's all.", "Please deliver it."],
         "Actually, you know what, I'll come and pick it up, I'm in town anyway."),
    ],
)
def test_pickup_said_to_the_delivery_address_question(lang, turns, change):
    """It was read back as the address ("In der Stadt") and the order delivered there."""
    d = call("sanitaer-notdienst", lang)
    for turn in turns:
        d.hear(turn)
    reply = d.hear(change)
    assert d.state.fulfilment == "pickup" and d.state.address.is_empty()
    assert reply.says == [prompt("sanitaer-notdienst", "ask_name", lang)]


# --- a number corrected in the middle, or its end said again ------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        ("en", "0170, 98 76, no sorry, 98 67, 543.", "01709867543"),
        ("de", "null eins sieben null, neun acht sieben sechs, nein, neun acht sechs sieben, fünf vier drei",
         "01709867543"),
        ("en", "0176 12 34 56 78, sorry, the end is 56 87.", "017612345687"),
        ("de", "0171 23 45 67 89, nein Moment, die letzten zwei sind 98", "017123456798"),
        ("de", "040, 123, nein, 132, 4567", "0401324567"),
    ],
)
def test_a_group_said_again_from_where_the_caller_corrects(lang, text, number):
    """ "98 76, no sorry, 98 67" replaced only the "76" (0170 98 98 67 543); "sorry, the end is 56 87" left
    a piece of a number."""
    assert extract_phone(text, lang, expecting=True) == number


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "0176 12 34 56 78, sorry, the end is 56 87."), ("de", "0176 12 34 56 78, nein, am Ende 56 87.")],
)
def test_a_corrected_end_is_read_back_as_the_whole_number(lang, text):
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    reply = d.hear(text)
    assert d.state.phone == "017612345687"
    assert reply.says == [prompt("kanzlei-berg", "confirm_callback", lang, phone="017612345687")]


# --- an address corrected by what it is not --------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "street", "postcode"),
    [
        ("de", "Nein, nicht Bahnhofstraße, Bahnhofsallee 12.", "Bahnhofsallee", None),
        ("de", "Nein, nicht Bahnhofstraße, sondern Bahnhofsallee 12.", "Bahnhofsallee", None),
        ("en", "No, not Harbour Road, it's Harbour Street 12.", "Harbour Street", None),
        ("en", "No, sorry, the postcode is 24105, not 24103.", None, "24105"),
        ("de", "Nein, die Postleitzahl ist 24105, nicht 24103.", None, "24105"),
    ],
)
def test_what_the_address_is_not_is_no_part_of_it(lang, text, street, postcode):
    """ "nicht Bahnhofstraße, Bahnhofsallee 12" was read back "Bahnhofstraße 12, 28195 Bahnhofsallee"."""
    found = extract_address(text, lang, expecting=True)
    assert (found.street, found.postcode) == (street, postcode)


def test_a_street_said_with_what_it_is_not_keeps_the_rest():
    found = extract_address("Goethestraße 14, nicht weit vom Bahnhof, in Hamburg", "de")
    assert (found.street, found.house_number, found.city) == ("Goethestraße", "14", "Hamburg")


@pytest.mark.parametrize(
    ("lang", "first", "correction", "kept"),
    [
        ("de", "Bahnhofstraße 12 in 28195 Bremen.", "Nein, nicht Bahnhofstraße, Bahnhofsallee 12.",
         "Bahnhofsallee 12, 28195 Bremen"),
        ("en", "Holstenstraße 40, 24103 Kiel.", "No, sorry, the postcode is 24105, not 24103.",
         "Holstenstraße 40, 24105 Kiel"),
    ],
)
def test_an_address_corrected_at_its_read_back(lang, first, correction, kept):
    d = call("sanitaer-notdienst", lang)
    for turn in [YES[lang], "Ich möchte einen Duschkopf bestellen." if lang == "de" else
                 "I'd like to order a shower head.", "Nein, das ist alles." if lang == "de" else "No, that's all.",
                 "Liefern bitte." if lang == "de" else "Please deliver it.", first]:
        d.hear(turn)
    reply = d.hear(correction)
    assert d.state.address.spoken() == kept
    assert reply.says == [prompt("sanitaer-notdienst", "confirm_address", lang, address=kept)]


# --- a name that sets off a rule, said while another detail is asked -----------------------------------
@pytest.mark.parametrize(("lang", "name"), [("de", "Frank Schmidt-Brand."), ("en", "Frank Schmidt-Brand.")])
def test_a_full_name_said_to_the_number_question_is_no_fire(lang, name):
    """It was P0 ("Brand"): the caller heard to call the fire brigade and was put through."""
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    reply = d.hear(name)
    assert d.state.urgency not in ("P0", "P1") and d.state.outcome is None
    assert d.state.name == "Frank Schmidt-Brand"
    assert reply.says == [prompt("kanzlei-berg", "confirm_name", lang, caller_name="Frank Schmidt-Brand")]


@pytest.mark.parametrize(("lang", "fire"), [("de", "Es brennt bei Peter Brand im Keller!"),
                                             ("en", "There's a fire at Peter Brand's house!")])
def test_a_fire_said_beside_a_name_at_the_number_question_still_counts(lang, fire):
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    d.hear(fire)
    assert d.state.urgency == "P0"


# --- days and times corrected, a past day beside the one wanted ----------------------------------------
NOW = datetime(2026, 12, 6, 9, 0)  # a Sunday


@pytest.mark.parametrize(
    ("lang", "text", "dates", "said"),
    [
        ("de", "nächsten Dienstag, nein, Mittwoch wäre besser, vormittags", ["2026-12-09"], "Mittwoch, vormittags"),
        ("en", "next Tuesday, no wait, Wednesday at 10 am", ["2026-12-09"], "Wednesday at 10 am"),
        ("de", "Der Termin wurde auf Montag verlegt, nein, nicht Montag, Dienstag, um 10 Uhr.", ["2026-12-08"],
         "Dienstag, um 10 Uhr"),
        ("en", "My hearing is on Monday, sorry, not Monday, Tuesday.", ["2026-12-08"], "Tuesday"),
        ("en", "a night guard on Friday from 10 pm, actually, make that Saturday", ["2026-12-12"], None),
        ("de", "Montag geht nicht, Dienstag um 10", ["2026-12-08"], "Dienstag um 10"),
    ],
)
def test_the_day_said_after_a_correction_replaces_the_one_before(lang, text, dates, said):
    """Both days were kept ("Montag, Dienstag"), so the agent could not tell which one the caller wanted."""
    found, _, words = extract_when(text, lang, NOW)
    assert found == dates
    if said:
        assert words == said


@pytest.mark.parametrize(
    ("lang", "text", "dates"),
    [
        ("en", "We had your door staff last Saturday. We'd like event security again next Saturday, from 7 pm.",
         ["2026-12-12"]),
        ("de", "Gestern ist die Heizung ausgefallen, können Sie morgen kommen?", ["2026-12-07"]),
        ("en", "I got the letter yesterday.", ["2026-12-05"]),
        ("de", "am Dienstag, aber nicht Montag", ["2026-12-08"]),
        ("de", "morgen um 10 oder um 14 Uhr", ["2026-12-07"]),
    ],
)
def test_a_past_day_beside_one_to_come_is_what_happened(lang, text, dates):
    found, _, _ = extract_when(text, lang, NOW)
    assert found == dates


# --- a booking keeps its day; a message keeps what the caller adds ---------------------------------------
@pytest.mark.parametrize(
    ("lang", "turns", "day"),
    [
        ("de", ["Ja.", "Ich möchte einen Wachmann für unsere Baustelle buchen, für eine Nacht, am Samstag, ab 20 Uhr.",
                "Nein, das ist alles.", "Werftstraße 5, 24143 Kiel.", "Ja.", "Ole Petersen.", "Ja.",
                "0431 7766554", "Ja.", "Ja."], ["Samstag", "20 Uhr"]),
        ("en", ["Yes.", "I'd like to book a security guard for one night on Saturday from 8 pm.",
                "No, that's all.", "Werftstraße 5, 24143 Kiel.", "Yes.", "Ole Petersen.", "Yes.",
                "0431 7766554", "Yes.", "Yes."], ["Saturday", "8 pm"]),
    ],
)
def test_a_guard_booked_for_a_day_keeps_the_day(lang, turns, day):
    """The order and the agent's summary had the guard but not when (the headline cut the words short)."""
    d = call("sicherheitsdienst-nord", lang)
    for turn in turns:
        d.hear(turn)
    outcome = d.state.outcome
    assert outcome is not None and outcome.type == "order"
    for words in day:
        assert words in outcome.order["when_text"]
        assert words in outcome.summary["words"][lang]["text"]


@pytest.mark.parametrize(
    ("lang", "more", "added"),
    [
        ("de", "Nein danke, das ist alles. Ach, eins noch: sie braucht auch einen VPN-Zugang.",
         "sie braucht auch einen VPN-Zugang"),
        ("en", "No thanks, that's all. Oh, wait, one more thing: she also needs VPN access.",
         "she also needs VPN access"),
    ],
)
def test_one_more_thing_after_that_is_all_joins_the_message(lang, more, added):
    """It was saved without the addition: "that's all" closed the read-back."""
    d = call("it-service-hansa", lang)
    for turn in [*MESSAGE[lang], "0421 2233445", YES[lang], "Ciara Fitzgerald", YES[lang]]:
        d.hear(turn)
    assert d.state.phase == "message_confirm"
    reply = d.hear(more)
    assert d.state.outcome is None and added in d.state.message
    assert reply.says == [prompt("it-service-hansa", "message_readback", lang,
                                 message=d.state.message.rstrip(" .!?"))]
    d.hear(YES[lang])
    assert d.state.outcome is not None and added in d.state.outcome.message["text"]


@pytest.mark.parametrize(("lang", "done"), [("de", "Nein danke, das ist alles."), ("en", "No thanks, that's all.")])
def test_that_is_all_at_the_number_question_is_no_part_of_the_message(lang, done):
    d = call("it-service-hansa", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    reply = d.hear(done)
    assert d.state.message == MESSAGE[lang][1]
    assert reply.says == [prompt("it-service-hansa", "ask_callback", lang)]


@pytest.mark.parametrize(
    ("lang", "announce", "content", "word"),
    [
        ("de", "Ich möchte eine Nachricht für die Anwältin hinterlassen, die meinen Mietfall bearbeitet.",
         "Mein Räumungstermin ist am Montag, nein, nicht Montag, Dienstag, und ich brauche Begleitung.", "Dienstag"),
        ("en", "Hello, I'd like to leave a message for the lawyer handling my tenancy case.",
         "My eviction hearing is on Monday, sorry, not Monday, Tuesday, and I need someone to come with me.",
         "Tuesday"),
    ],
)
def test_a_message_with_a_day_said_while_the_number_is_asked_joins_the_message(lang, announce, content, word):
    """The day made it a "detail", so the words were dropped and the number asked again."""
    d = call("kanzlei-berg", lang)
    d.hear(announce)
    reply = d.hear(content)
    assert word in (d.state.message or "")
    assert reply.says[-1] == prompt("kanzlei-berg", "ask_callback", lang)
