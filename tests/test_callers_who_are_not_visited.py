"""A law firm does not go to its callers, found by calling as a new user.

"Ich habe heute eine Kündigung bekommen und brauche dringend einen Termin" to the law firm was handed on as
urgent, and before that the caller was asked for their street and house number, as a plumber's caller is;
their answer "Am liebsten morgen Vormittag" was then read back as the address "Am Liebsten". A pack now says
whether its business comes to callers (`comes_to_callers`, true by default); when it does not, a handoff
that no emergency of the pack names asks for no address. An emergency that says it needs one (the law
firm's search, where the lawyer goes) still asks. "am liebsten", "am besten", "am Wochenende" are never a
street. A firm named before the caller's own name ("Schröder Logistik, Kai Schröder") is not their name. Both
languages, the real `Dialogue` with the shipped packs and classifier.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain.extract import extract_entities
from triage.brain.extract.address import extract_address
from triage.packs.load import load_pack

LAW = "kanzlei-berg"
URGENT = {
    "de": "Hallo, ich habe heute eine Kündigung bekommen und brauche dringend einen Termin",
    "en": "Hello, I got my notice of dismissal today and I urgently need an appointment",
}
SEARCH = {
    "de": "Die Polizei durchsucht gerade meine Wohnung, bitte schnell einen Anwalt!",
    "en": "The police are searching my flat right now, I need a lawyer quickly!",
}


def test_the_law_firm_says_it_does_not_come_to_callers_and_the_plumber_does():
    assert load_pack(LAW).comes_to_callers is False
    assert load_pack("sanitaer-notdienst").comes_to_callers is True


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_urgent_law_firm_caller_is_asked_for_a_number_not_an_address(lang):
    d = call(LAW, lang)
    reply = d.hear(URGENT[lang])
    assert d.state.phase == "collect"
    assert "address" not in d.state.needs
    assert reply.says[-1] == prompt(LAW, "ask_callback", lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_search_in_progress_still_asks_where(lang):
    d = call(LAW, lang)
    d.hear(SEARCH[lang])
    assert "address" in d.state.needs


def test_a_time_said_at_the_number_question_is_kept_as_the_time():
    d = call(LAW, "de")
    d.hear(URGENT["de"])
    d.hear("Am liebsten morgen Vormittag")
    assert d.state.address.is_empty()
    assert d.state.when and "forenoon" in d.state.when


@pytest.mark.parametrize(
    "said", ["Am liebsten morgen Vormittag", "am besten nach 17 Uhr", "am Wochenende", "am liebsten gar nicht"]
)
def test_am_liebsten_is_no_street(said):
    assert extract_address(said, "de", expecting=True).street is None


@pytest.mark.parametrize(("said", "street"), [("Am Markt 3 in Bremen", "Am Markt"), ("Am Wall 12, Bremen", "Am Wall")])
def test_streets_named_am_stay_streets(said, street):
    assert extract_address(said, "de", expecting=True).street == street


# Found in the same way: a business caller names the firm first ("Schröder Logistik, Kai Schröder") and the
# firm was read back as their name.
@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [
        ("de", "Schröder Logistik, Kai Schröder", "Kai Schröder"),
        ("de", "Firma Meyer Bau, Jens Meyer", "Jens Meyer"),
        ("en", "it's Hansen Services Ltd, Paul Hansen speaking", "Paul Hansen"),
        ("en", "Baker and Co, Tom Baker", "Tom Baker"),
    ],
)
def test_the_firm_said_before_the_callers_name_is_not_their_name(lang, said, name):
    found = extract_entities(said, lang, now=datetime(2026, 12, 6, 20), expecting=frozenset({"name"})).name
    assert found == name


@pytest.mark.parametrize(("said", "name"), [("Schmidt, Anna Schmidt", "Anna Schmidt"), ("Müller, Hans", "Hans Müller")])
def test_a_surname_then_the_full_name_is_still_the_full_name(said, name):
    assert extract_entities(said, "de", now=datetime(2026, 12, 6, 20), expecting=frozenset({"name"})).name == name


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_guard_booking_reads_back_the_person(lang):
    d = call("sicherheitsdienst-nord", lang)
    d.hear("ja" if lang == "de" else "yes")
    d.hear(
        "wir bräuchten für unsere Firmenfeier am 19. Dezember zwei Sicherheitsleute von 18 bis 2 Uhr"
        if lang == "de"
        else "we need two security guards for our company party on December 19th from 6 pm to 2 am"
    )
    d.hear("Hafenstraße 12 in Bremerhaven")
    d.hear("ja" if lang == "de" else "yes")
    reply = d.hear("Schröder Logistik, Kai Schröder")
    assert d.state.name == "Kai Schröder"
    assert reply.says == [prompt("sicherheitsdienst-nord", "confirm_name", lang, caller_name="Kai Schröder")]
