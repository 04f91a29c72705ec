"""Issue 11, ninth call set (`data/dev/calls_ninth.jsonl`): callers who answer a question with something else.

The families, each in German and English:
- an address said at the read-back of another detail while the address is still to come is taken and read back
  (it was "not understood", or a booking's site passed over stayed unread);
- a name said where a booking's site is asked is read back and the site asked once more (the booking went without a
  site; a number said there still passes it over);
- a name said with "der Name" / "that's my name" where an address is asked is the name; a name said before "und die
  Nummer ist ..." where the number is asked is kept too;
- the number's ending corrected turns later ("sie endet auf 47") replaces it (the order was cancelled, the correction
  "not understood"), and so does the house number ("die Hausnummer war falsch, es ist die 21", taken for the start of
  the callback number);
- a time said with the number ("rufen Sie mich nach 17 Uhr an") is when to call back, kept in the message, and no
  appointment time;
- an option question answered with a question back ("what's the difference?") is asked once more with who advises,
  and counts as unanswered;
- a count before "new" ("two new laptops") is the count.

Each test drives the real `Dialogue` with the shipped packs and classifier, or the extractor the family lives in.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain.dialogue import Dialogue
from triage.brain.extract.address import corrected_house_number
from triage.brain.extract.name import extract_name, name_before_number
from triage.brain.extract.phone import corrected_ending

SECURITY = "sicherheitsdienst-nord"
IT = "it-service-hansa"
PLUMBER = "sanitaer-notdienst"


def yes(lang: str) -> str:
    return "ja" if lang == "de" else "yes"


def hear_all(d: Dialogue, turns: list[str]) -> list[str]:
    says: list[str] = []
    for turn in turns:
        says = d.hear(turn).says
    return says


# --- an address said at the read-back of another detail ----------------------------------------------------------


@pytest.mark.parametrize(
    ("client", "lang", "turns", "address", "street"),
    [
        (SECURITY, "de", ["ja", "Wir brauchen eine Objektbewachung für übers Wochenende.", "nein", "Jan Petersen"],
         "Kiellinie 210 in Kiel", "Kiellinie"),
        (SECURITY, "en", ["yes", "We need a security guard for the weekend.", "no", "Paul Hughes"],
         "Kiellinie 210 in Kiel", "Kiellinie"),
        (IT, "de", ["Ich möchte eine Docking-Station bestellen.", "nein, das ist alles", "Paul Hansen"],
         "Schlachte 15 in Bremen", "Schlachte"),
        (IT, "en", ["I'd like to order a docking station.", "no that's all", "Paul Hughes"],
         "Schlachte 15 in Bremen", "Schlachte"),
    ],
)
def test_an_address_said_at_another_read_back_is_read_back(client, lang, turns, address, street):
    """A street the extractor knows only where an address is expected, said instead of "ja" to the name's
    read-back while the address is still to come: it was "not understood"."""
    d = call(client, lang)
    says = hear_all(d, turns)
    assert says == [prompt(client, "confirm_name", lang, caller_name=turns[-1])]
    says = d.hear(address).says
    assert d.state.misunderstood == 0 and d.state.address.street == street, says
    assert says == [prompt(client, "confirm_address", lang, address=d.state.address.spoken())]


@pytest.mark.parametrize(
    ("lang", "turns", "site"),
    [
        ("de", ["ja", "Wir brauchen eine Objektbewachung für übers Wochenende.", "nein", "Jan Petersen", "ja",
                "0431 998877"], "ja, und das Objekt ist in der Kiellinie 210 in Kiel."),
        ("en", ["yes", "We need a security guard for the weekend.", "no", "Paul Hughes", "yes", "0431 998877"],
         "Yes, and the site is at Kaistraße 54 in Kiel."),
    ],
)
def test_a_site_passed_over_and_given_after_all_is_read_back(lang, turns, site):
    """The site was asked twice and passed over for the name and the number; said at the number's read-back it was
    stored unread, the booking read back with a site the caller never confirmed."""
    d = call(SECURITY, lang)
    hear_all(d, turns)
    assert "address" in d.state.declined
    says = d.hear(site).says
    assert says == [prompt(SECURITY, "confirm_address", lang, address=d.state.address.spoken())]
    d.hear(yes(lang))
    d.hear(yes(lang))
    assert d.state.outcome is not None and d.state.outcome.order is not None
    assert d.state.address.street in d.state.outcome.order["address"]


# --- a name said where a booking's site is asked -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "turns", "name", "site"),
    [
        ("de", ["ja", "Wir brauchen eine Objektbewachung für übers Wochenende.", "nein"], "Jan Petersen",
         "Die Baustelle ist in der Werftstraße 15 in Kiel."),
        ("en", ["yes", "We need a night guard for our warehouse on Saturday night.", "No thanks."], "Neil Harper",
         "It's at Werftstraße 15 in Kiel."),
    ],
)
def test_a_name_said_where_the_site_is_asked_then_the_site_is_asked_again(lang, turns, name, site):
    d = call(SECURITY, lang)
    assert hear_all(d, turns) == [prompt(SECURITY, "order_ask_site_address", lang)]
    assert d.hear(name).says == [prompt(SECURITY, "confirm_name", lang, caller_name=name)]
    assert d.hear(yes(lang)).says == [prompt(SECURITY, "order_ask_site_address", lang)]
    d.hear(site)
    d.hear(yes(lang))
    d.hear("0431 2345999")
    d.hear(yes(lang))
    d.hear(yes(lang))
    assert d.state.outcome is not None and d.state.outcome.type == "order"
    assert "Werftstraße 15" in d.state.outcome.order["address"] and d.state.name == name


@pytest.mark.parametrize(
    ("lang", "turns"),
    [
        ("de", ["ja", "Wir brauchen eine Objektbewachung für übers Wochenende.", "nein"]),
        ("en", ["yes", "We need a night guard for our warehouse on Saturday night.", "No thanks."]),
    ],
)
def test_a_number_said_where_the_site_is_asked_moves_on_to_the_call_back(lang, turns):
    """A number there is no introduction: the site is passed over at once, as before (calls of the first set whose
    callers never named a site would run out of turns)."""
    d = call(SECURITY, lang)
    hear_all(d, turns)
    d.hear("0431 2345999")
    assert d.hear(yes(lang)).says == [prompt(SECURITY, "ask_name", lang)]


# --- a name said with "der Name" where an address is asked ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "turns", "said", "name"),
    [
        ("de", ["ja", "Ich brauche zwei Duschschläuche, 1,60 Meter.", "nein, sonst nichts", "Liefern bitte."],
         "Ach so, Thomas Brandt, der Name.", "Thomas Brandt"),
        ("en", ["yes", "I need two shower hoses, 1.60 metres.", "no, nothing else", "Deliver please."],
         "Oh right, Tom Baker, that's the name.", "Tom Baker"),
    ],
)
def test_a_name_with_the_word_name_where_the_address_is_asked_is_read_back(lang, turns, said, name):
    d = call(PLUMBER, lang)
    assert hear_all(d, turns) == [prompt(PLUMBER, "order_ask_delivery_address", lang)]
    assert d.hear(said).says == [prompt(PLUMBER, "confirm_name", lang, caller_name=name)]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Thomas Brandt ist mein Name.", "de", "Thomas Brandt"),
        ("Meier, das ist mein Name", "de", "Meier"),
        ("Mark Davies, that's my name, and the number is 0173 1212 3434.", "en", "Mark Davies"),
        ("Das ist der Name der Firma", "de", None),
        ("what is the name of the street", "en", None),
    ],
)
def test_a_name_then_the_word_name(text, lang, name):
    assert extract_name(text, lang) == name


# --- a name said before the number where the number is asked -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "first", "said", "name", "phone"),
    [
        ("de", "Ich möchte eine Nachricht hinterlassen: Mein Chef hat mir eine Abmahnung geschickt und ich hätte "
               "gern einen Rückruf von einem Anwalt für Arbeitsrecht.",
         "Yilmaz, Ayse Yilmaz, und die Nummer ist 0170 9988 776.", "Ayse Yilmaz", "01709988776"),
        ("en", "Hello, I'd like a lawyer to call me back about a written warning from my employer.",
         "Mark Davies, that's my name, and the number is 0173 1212 3434.", "Mark Davies", "017312123434"),
    ],
)
def test_a_name_before_the_number_is_kept_with_it(lang, first, said, name, phone):
    d = call("kanzlei-berg", lang)
    assert d.hear(first).says == [prompt("kanzlei-berg", "ask_callback", lang)]
    d.hear(said)
    assert d.state.phone == phone and d.state.name == name
    assert d.hear(yes(lang)).says == [prompt("kanzlei-berg", "confirm_name", lang, caller_name=name)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ich bin erreichbar unter der Nummer 0171 234567", "de"),
        ("you can reach me on the number 0171 234567", "en"),
        ("Meine Nummer ist 0171 2345678", "de"),
    ],
)
def test_words_before_the_number_that_are_no_name_name_nobody(text, lang):
    assert name_before_number(text, lang) is None


# --- the number's ending corrected turns later ---------------------------------------------------------------------


def test_the_numbers_ending_corrected_at_the_names_read_back():
    d = call("kanzlei-berg", "de")
    hear_all(d, ["Ich möchte eine Nachricht für Frau Dr. Berg hinterlassen.",
                 "Es geht um die Nebenkostenabrechnung, sie möchte mich bitte zurückrufen.",
                 "0151 2468 1357", "ja", "Dieter Kowalski"])
    says = d.hear("Ja. Ach, und die Nummer, die ich Ihnen gegeben habe, war falsch, sie endet auf 47, nicht 57.").says
    assert d.state.phone == "015124681347" and d.state.misunderstood == 0
    assert says == [prompt("kanzlei-berg", "confirm_callback", "de", phone="015124681347")]
    d.hear("ja, genau")
    d.hear("ja")
    assert d.state.outcome is not None and d.state.outcome.type == "message" and d.state.name == "Dieter Kowalski"


def test_the_numbers_ending_corrected_at_the_orders_read_back_keeps_the_order():
    d = call(PLUMBER, "en")
    says = hear_all(d, ["yes", "I'd like to order a radiator bleed key.", "no that's it", "I'll pick it up",
                        "Priya Nair", "yes", "0157 3344 5512", "yes"])
    assert d.state.phase == "order_confirm", says
    says = d.hear("Oh wait, the number I gave you was wrong, it ends 47, not 12.").says
    assert d.state.phone == "015733445547" and d.state.order, says
    assert says == [prompt(PLUMBER, "confirm_callback", "en", phone="015733445547")]
    d.hear("yes")
    assert d.state.phase == "order_confirm"  # the order read back again
    d.hear("yes, that's right")
    assert d.state.outcome is not None and d.state.outcome.type == "order"


@pytest.mark.parametrize(
    ("text", "lang", "fixed"),
    [
        ("die Nummer war falsch, sie endet auf 47, nicht auf 57", "de", "015124681347"),
        ("the last two digits of my number are 47", "en", "015124681347"),
        ("die Hausnummer ist falsch, 21 nicht 12", "de", None),
        ("my number ends in 57", "en", None),
    ],
)
def test_an_ending_said_again(text, lang, fixed):
    assert corrected_ending(text, lang, "015124681357") == fixed


# --- the house number corrected turns later --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "turns", "said"),
    [
        ("de", ["ja", "Wir hätten gern eine Alarmaufschaltung für unseren Laden.", "nein", "Holstenstraße 12 in Kiel",
                "ja", "Ahmed Khan", "ja"], "Moment, die Hausnummer war falsch, es ist die 21, nicht die 12."),
        ("en", ["yes", "We'd like alarm monitoring for our shop.", "no", "Holstenstraße 12 in Kiel", "yes",
                "Ahmed Khan", "yes"], "Sorry, before that, the house number I gave you was wrong, it's 21, not 12."),
    ],
)
def test_the_house_number_corrected_while_the_number_is_asked(lang, turns, said):
    """It was taken for the start of the callback number ("I have 1 2 so far")."""
    d = call(SECURITY, lang)
    assert hear_all(d, turns) == [prompt(SECURITY, "ask_callback", lang)]
    says = d.hear(said).says
    assert d.state.address.house_number == "21" and d.state.phone is None and d.state.phone_fragment is None
    assert says == [prompt(SECURITY, "confirm_address", lang, address=d.state.address.spoken())]
    assert d.hear(yes(lang)).says == [prompt(SECURITY, "ask_callback", lang)]


@pytest.mark.parametrize(
    ("text", "lang", "current", "fixed"),
    [
        ("die Hausnummer ist einundzwanzig, nicht zwölf", "de", "12", "21"),
        ("the house number is 14a", "en", "14", "14a"),
        ("the house number is 14", "en", "14", None),
        ("meine Telefonnummer ist 0171 2345678", "de", "12", None),
    ],
)
def test_a_house_number_said_again(text, lang, current, fixed):
    assert corrected_house_number(text, lang, current) == fixed


# --- a time said with the number -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client", "lang", "turns", "said", "kept"),
    [
        (PLUMBER, "de", ["ja", "Ich hätte gern einen Termin, bei uns tropft der Wasserhahn im Bad.",
                         "Am besten nächste Woche Mittwoch vormittags."],
         "Rufen Sie mich am besten nach 17 Uhr an, unter 040 6677 889.", "nach 17 Uhr"),
        (PLUMBER, "en", ["yes", "I'd like an appointment, the tap in my bathroom is dripping.",
                         "Next week on Wednesday in the morning would be best."],
         "You can reach me after 6 pm on 0162 7788 990.", "after 6 pm"),
    ],
)
def test_a_time_said_with_the_number_is_when_to_call_back(client, lang, turns, said, kept):
    d = call(client, lang)
    hear_all(d, turns)
    when = list(d.state.when)
    assert when, "the appointment's day was taken"
    d.hear(said)
    assert d.state.when == when  # the appointment's day is still Wednesday
    assert kept in (d.state.message or "") and "6677" not in d.state.message and "7788" not in d.state.message


# --- an option question answered with a question back ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("client", "lang", "turns", "question", "choice", "options"),
    [
        (IT, "en", ["We need two laptops for the office."], "Which one would you recommend for travelling?",
         "Okay, the 14 inch then.", {"size": "14 Zoll"}),
        (IT, "de", ["Wir brauchen zwei Notebooks."], "Welches würden Sie denn für unterwegs empfehlen?",
         "Dann die mit 14 Zoll.", {"size": "14 Zoll"}),
        (PLUMBER, "en", ["yes", "I need a sink trap."], "What's the difference?", "The kitchen one then.",
         {"type": "Spüle"}),
        (PLUMBER, "de", ["ja", "Ich brauche einen Siphon."], "Was ist denn da der Unterschied?", "Dann für die Küche.",
         {"type": "Spüle"}),
    ],
)
def test_a_question_back_to_an_option_question_asks_it_again(client, lang, turns, question, choice, options):
    d = call(client, lang)
    asked = hear_all(d, turns)
    says = d.hear(question).says
    assert says == [prompt(client, "order_option_advice", lang), *asked]
    assert d.state.misunderstood == 0 and d.state.option_unanswered == 1
    d.hear(choice)
    assert d.state.order[0].options == options


@pytest.mark.parametrize(
    ("client", "lang", "turns", "question"),
    [
        (PLUMBER, "en", ["yes", "I need a sink trap."], "What's the difference?"),
        (PLUMBER, "de", ["ja", "Ich brauche einen Siphon."], "Was ist denn da der Unterschied?"),
        (SECURITY, "de", ["ja", "Ich hätte gern Revierfahrten für unser Lager."], "Was kostet denn eine Kontrolle?"),
        (SECURITY, "en", ["yes", "I'd like a mobile patrol for our warehouse."], "How much does a patrol cost?"),
    ],
)
def test_a_second_question_back_leaves_the_option_to_the_team(client, lang, turns, question):
    """Asked back twice (a question the pack answers, or one it cannot), the option question is not asked for ever:
    the team settles it when it checks the order."""
    d = call(client, lang)
    hear_all(d, turns)
    d.hear(question)
    says = d.hear(question).says
    assert says[-1] == prompt(client, "order_ask_more", lang) and d.state.misunderstood == 0
    assert d.state.phase == "order" and d.state.order[0].options == {}


# --- a count before "new" -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "qty"),
    [
        ("en", "We need two new laptops for the office.", 2),
        ("en", "I need three more monitors, 24 inch.", 3),
        ("de", "Wir brauchen zwei neue Notebooks.", 2),
        ("de", "Wir brauchen drei weitere Monitore mit 24 Zoll.", 3),
        ("en", "I need a new laptop.", 1),
    ],
)
def test_a_count_before_new_counts_the_item(lang, text, qty):
    d = call(IT, lang)
    d.hear(text)
    assert [line.qty for line in d.state.order] == [qty]
