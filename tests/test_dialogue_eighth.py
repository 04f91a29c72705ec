"""Issue 11, eighth call set (`data/dev/calls_eighth.jsonl`): callers who change their mind, answer another question
than the one asked, give details in one breath, book a guard for a place, and the emergencies and look-alikes said
beside ordinary requests.

The families, each in German and English: a person shut in where the water rises is P0 with acute distress (the
plumbing emergency alone was P1); a threat of death as a figure of speech at a mundane thing ("he'll kill me if I
take his phone") is no violence, while a weapon, fear, the police or leaving the person keep a threat one; a fault
said with its "nicht" ("wird nicht mehr richtig warm") is the fault, not its denial (an appointment ended P4); a part
of the name said as first name or surname completes the other part; a booking for a place (the security company)
asks where, reads it back and stores it; "no that's it" to an option question leaves the option for the team and a
detail said there is kept (both looped into a handover); "a night guard" is one night. Each test drives the real
`Dialogue` with the shipped packs and classifier, or the analyser or extractor the family lives in.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.caller_families import EMERGENCY, decide, why
from tests.dialogue_calls import call, prompt
from triage.brain.dialogue import Dialogue
from triage.brain.extract import extract_entities
from triage.brain.extract.name import extract_name

SECURITY = "sicherheitsdienst-nord"


def booked(d: Dialogue) -> list[tuple[str, int, dict[str, str]]]:
    return sorted((line.sku, line.qty, dict(line.options)) for line in d.state.order)


# --- a person shut in where the water rises -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "opa ist im keller eingeschlossen wo das wasser steigt",
        "Ich wollte nur Teflonband bestellen, aber meine Mutter sitzt im Keller fest, die Tür klemmt und das Wasser "
        "steigt!",
        "Das Wasser steigt immer höher und mein Sohn kommt aus dem Keller nicht mehr raus.",
        "my grandad is trapped in the basement and the water is rising",
        "I only wanted to order teflon tape, but my mum is stuck in the cellar, the door is jammed and the water keeps "
        "rising!",
        "The water is rising fast and my son can't get out of the basement.",
    ],
)
def test_a_person_shut_in_where_the_water_rises_is_p0_and_acute(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Ist die Anfahrt im Preis eingeschlossen? Der Wasserpreis steigt ja dauernd.",
        "Im Keller steigt das Grundwasser, aber ich sitze im Büro fest und komme erst um sechs.",
        "The water in the basement is rising, I'm stuck at work and can't get home until six.",
        "Is the call-out included? I'm stuck with the invoice from last time.",
    ],
)
def test_shut_in_words_beside_water_with_nobody_trapped_are_no_p0(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency != "P0" and result.distress != "acute", why(text, result)


# --- a threat of death as a figure of speech -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("my teenage son says he'll kill me if I take his phone", "kanzlei-berg"),
        ("I'd like advice on custody, my teenage son says he'll kill me if I take his phone away", "kanzlei-berg"),
        ("I need a new laptop, my boss will kill me if it isn't here by Monday", "it-service-hansa"),
        ("Mein Sohn sagt, er bringt mich um, wenn ich ihm das Handy wegnehme.", "kanzlei-berg"),
        ("Meine Frau bringt mich um, wenn ich das wieder vergesse.", "it-service-hansa"),
        ("Mein Chef bringt mich um, wenn der Drucker morgen nicht läuft.", "it-service-hansa"),
    ],
)
def test_a_threat_of_death_at_a_mundane_thing_is_a_figure_of_speech(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "er bringt mich um, wenn ich zur Polizei gehe",
        "Er bringt mich um, wenn ich ihm das Handy wegnehme, er hat ein Messer.",
        "er bringt mich um",
        "my son says he'll kill me if I take his phone, he's got a knife",
        "he's going to kill me, he's outside the door",
        "my husband says he'll kill me if I leave him",
    ],
)
def test_a_real_threat_stays_p0(text):
    result = decide(text, "kanzlei-berg")
    assert result.urgency == "P0", why(text, result)


# --- a fault said with its "nicht" ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ich hätte gern einen Termin, der Heizkörper im Bad wird nicht mehr richtig warm.",
        "Der Heizkörper im Bad wird nicht warm, sonst alles gut.",
        "the radiator in the bathroom does not get properly warm",
        "Hi, the radiator in the bathroom does not heat up, can someone come next week?",
    ],
)
def test_a_fault_said_with_its_nicht_is_routine_not_no_action(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P3", why(text, result)


def test_an_appointment_for_a_radiator_that_does_not_get_warm_ends_routine():
    d = call("sanitaer-notdienst", "de")
    for said in ["ja", "Ich hätte gern einen Termin, der Heizkörper im Bad wird nicht mehr richtig warm.",
                 "nächsten Montag vormittags", "0176 1122 3344", "ja", "Ingrid Paulsen", "ja", "ja"]:
        d.hear(said)
    assert d.state.outcome is not None and d.state.outcome.type == "message"
    assert d.state.outcome.urgency == "P3"


# --- a part of the name said as first name or surname ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expecting", "name"),
    [
        ("Ja hallo, Meier hier von Meier Logistik, meine Nummer ist 0421 556677, wir brauchen zwei Monitore, ach und "
         "mein Vorname ist Jens.", "de", False, "Jens Meier"),
        ("Schmidt, mein Vorname ist Anna", "de", True, "Anna Schmidt"),
        ("Mein Nachname ist Schulz, Vorname Petra", "de", True, "Petra Schulz"),
        ("Hi, this is Tom from Baker and Co, we need three cables, my number's 0421 123 4567, and the surname's Baker.",
         "en", False, "Tom Baker"),
        ("my first name is Anna, surname Kowalski", "en", True, "Anna Kowalski"),
        ("my surname is Baker", "en", False, "Baker"),
    ],
)
def test_a_part_of_the_name_said_as_first_name_or_surname_completes_it(text, lang, expecting, name):
    assert extract_name(text, lang, expecting=expecting) == name


@pytest.mark.parametrize(("text", "lang"), [("Wie war noch mal Ihr Vorname?", "de"), ("what's your surname?", "en")])
def test_a_question_about_a_part_of_the_name_names_nobody(text, lang):
    assert extract_name(text, lang) is None


# --- a booking for a place asks where ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "turns", "address"),
    [
        ("de", ["ja", "Ich bräuchte für Samstagnacht eine Nachtwache für unser Autohaus.", "nein, sonst nichts"],
         "Eckernförder Straße 212 in Kiel"),
        ("en", ["yes", "I'd like to book a security guard for the weekend for our shop.", "no, nothing else"],
         "It's at Dänische Straße 9 in Kiel."),
    ],
)
def test_a_guard_booking_asks_where_and_keeps_the_site(lang, turns, address):
    d = call(SECURITY, lang)
    for said in turns:
        reply = d.hear(said)
    assert reply.says == [prompt(SECURITY, "order_ask_site_address", lang)]
    reply = d.hear(address)
    assert d.state.address.street and d.state.address.street in reply.says[-1]
    for said in ["ja" if lang == "de" else "yes", "Petra Lange", "ja" if lang == "de" else "yes", "0431 2345678"]:
        d.hear(said)
    d.hear("ja" if lang == "de" else "yes")  # the number
    d.hear("ja" if lang == "de" else "yes")  # the booking read back
    assert d.state.outcome is not None and d.state.outcome.type == "order"
    assert d.state.outcome.order is not None and d.state.address.street in d.state.outcome.order["address"]


def test_a_site_said_with_the_booking_is_read_back_not_asked():
    d = call(SECURITY, "de")
    d.hear("ja")
    d.hear("Wir brauchen nächstes Wochenende einen Wachmann für die Baustelle in der Kieler Straße 80 in Neumünster.")
    reply = d.hear("nein, das wär's")
    assert prompt(SECURITY, "order_ask_site_address", "de") not in reply.says
    assert "Kieler Straße 80" in reply.says[-1]


def test_an_order_delivered_elsewhere_still_asks_where_to_deliver():
    d = call("it-service-hansa", "en")
    d.hear("I'd like to order a docking station.")
    reply = d.hear("no that's all")
    assert reply.says == [prompt("it-service-hansa", "order_ask_delivery_address", "en")]


# --- an option question answered with something else ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "booking", "done"),
    [
        ("de", "Wir brauchen einen Wachmann für unser Lager am Samstag, den 19., ab 22 Uhr.", "nein, das wär's"),
        ("en", "We need a security guard for our warehouse on Saturday the 19th from 10 pm.", "no that's it"),
    ],
)
def test_no_more_to_an_option_question_leaves_it_for_the_team(lang, booking, done):
    d = call(SECURITY, lang)
    d.hear("ja" if lang == "de" else "yes")
    asked = d.hear(booking)
    assert d.state.phase == "order_option", asked.says
    reply = d.hear(done)
    assert d.state.misunderstood == 0
    assert d.state.phase != "order_option" and d.state.outcome is None, reply.says
    assert booked(d) == [("SEC-OBJEKT-NACHT", 1, {})]


@pytest.mark.parametrize(
    ("lang", "booking", "site"),
    [
        ("de", "Wir brauchen einen Wachmann für unser Lager am Samstag, den 19., ab 22 Uhr.",
         "Das Lager ist in der Werftstraße 15 in Kiel."),
        ("en", "We need a security guard for our warehouse on Saturday the 19th from 10 pm.",
         "It's at Werftstraße 15 in Kiel."),
    ],
)
def test_a_site_said_to_an_option_question_is_kept_and_the_question_stands(lang, booking, site):
    d = call(SECURITY, lang)
    d.hear("ja" if lang == "de" else "yes")
    asked = d.hear(booking)
    reply = d.hear(site)
    assert reply.says == asked.says and d.state.misunderstood == 0
    assert d.state.address.street == "Werftstraße"


@pytest.mark.parametrize(
    ("lang", "booking", "duration"),
    [
        ("en", "We need a night guard for our warehouse, Friday the 18th, actually no, Saturday the 19th.",
         "eine Nacht"),
        ("en", "We need a night guard for the weekend at our warehouse.", "ein Wochenende"),
        ("de", "Wir brauchen eine Nachtwache für Samstag.", "eine Nacht"),
        ("de", "Wir brauchen eine Nachtwache fürs Wochenende.", "ein Wochenende"),
    ],
)
def test_a_night_guard_is_one_night_unless_another_length_is_said(lang, booking, duration):
    d = call(SECURITY, lang)
    d.hear("ja" if lang == "de" else "yes")
    reply = d.hear(booking)
    assert booked(d) == [("SEC-OBJEKT-NACHT", 1, {"duration": duration})]
    assert reply.says == [prompt(SECURITY, "order_ask_more", lang)]


@pytest.mark.parametrize(
    ("lang", "turns", "name"),
    [
        ("de", ["Nee, lieber nicht.", "Wir bräuchten eine Objektbewachung fürs Wochenende, für die Baustelle.", "Nö."],
         "Ole Petersen"),
        ("en", ["nope", "I need a security guard for one night, this Saturday, for our dealership", "no that's all"],
         "Paul Hughes"),
    ],
)
def test_a_site_asked_twice_is_not_pressed_when_the_caller_gives_another_detail(lang, turns, name):
    """The planning team confirms a booking by phone and settles the place then: a caller who answers the site question
    with their name is asked it once more (ninth call set: a name first is no "no"), and who answers it again with
    another detail is not asked it a third time (old calls ran out of turns on it)."""
    d = call(SECURITY, lang)
    for said in turns:
        reply = d.hear(said)
    assert reply.says == [prompt(SECURITY, "order_ask_site_address", lang)]
    d.hear(name)
    reply = d.hear("ja" if lang == "de" else "yes")
    assert reply.says == [prompt(SECURITY, "order_ask_site_address", lang)]
    reply = d.hear("0171 2345678")
    assert reply.says == [prompt(SECURITY, "confirm_callback", lang, phone="01712345678")]
    reply = d.hear("ja" if lang == "de" else "yes")
    assert prompt(SECURITY, "order_ask_site_address", lang) not in reply.says
    d.hear("ja" if lang == "de" else "yes")
    assert d.state.outcome is not None and d.state.outcome.type == "order" and d.state.name == name


@pytest.mark.parametrize(
    ("lang", "spelled"),
    [
        ("en", "Siobhan Kelly. That's S as in Sierra, I as in India, O as in Oscar, B as in Bravo, H as in Hotel."),
        ("de", "Anja Pötter, P wie Paula, Ö wie Ökonom, T wie Theodor, T wie Theodor, E wie Emil, R wie Richard."),
    ],
)
def test_a_name_spelled_where_the_site_is_asked_is_the_name_not_a_town(lang, spelled):
    d = call(SECURITY, lang)
    d.hear("ja" if lang == "de" else "yes")
    d.hear("Wir brauchen Veranstaltungsschutz für unser Firmenfest." if lang == "de" else
           "We'd like some event security for our company party.")
    d.hear("nein, das wär's" if lang == "de" else "no that's it")
    reply = d.hear(spelled)
    assert d.state.address.city is None and d.state.name is not None
    assert reply.says == [prompt(SECURITY, "confirm_name", lang, caller_name=d.state.name)]


@pytest.mark.parametrize(
    ("lang", "spelled"),
    [
        ("en", "Siobhan Kelly. That's S as in Sierra, I as in India, O as in Oscar, B as in Bravo, H as in Hotel."),
        ("de", "Anja Pötter, P wie Paula, Ö wie Ökonom, T wie Theodor, T wie Theodor, E wie Emil, R wie Richard."),
    ],
)
def test_a_spelled_name_is_no_bare_town_where_an_address_is_expected(lang, spelled):
    """ "S as in Sierra" read as the town Sierra, where the bot had asked for an address (a delivery or a site)."""
    found = extract_entities(spelled, lang, now=datetime(2026, 12, 6, 10, 0), expecting=frozenset({"address"}))
    assert found.address.is_empty(), found.address
