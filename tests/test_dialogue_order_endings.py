"""Issue 11 section 5: how an order ends for a caller who cooperates. "No, that's really everything now." / "Nein, das
ist wirklich alles." said to "pick up or deliver?" is no misunderstanding; an option question that the caller cannot
answer is left open for the team after its second unanswered time; a guard booked by hours across midnight is one
night; door staff booked "from seven till midnight" keep the span; a booking from a pack with no pickup or delivery
stores no fulfilment. Each family in German and English, driving the real `Dialogue` with the shipped packs and
classifier, or the extractor it lives in.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.caller_families import model
from tests.dialogue_calls import call, prompt
from triage.brain import answers
from triage.brain.dialogue import Dialogue
from triage.brain.extract.order import relative_option
from triage.brain.extract.when import extract_when
from triage.packs.load import load_pack

SECURITY = "sicherheitsdienst-nord"
YES = {"de": "ja", "en": "yes"}
SUNDAY = datetime(2026, 12, 6, 10, 0)


# --- "that's really everything" to pickup-or-delivery ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "done"),
    [
        ("en", "No, that's really everything now."),
        ("en", "that's honestly it"),
        ("en", "No, that is really all, thanks."),
        ("de", "Nein, das ist wirklich alles."),
        ("de", "Das war's jetzt wirklich."),
        ("de", "nee, das ist jetzt echt alles"),
    ],
)
def test_really_everything_to_pickup_or_delivery_asks_only_what_is_needed(lang, done):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear("Ich möchte Teflonband bestellen." if lang == "de" else "I'd like to order some teflon tape.")
    asked = d.hear("nein danke" if lang == "de" else "no thanks")
    assert asked.says == [prompt("sanitaer-notdienst", "order_ask_fulfilment", lang)]
    reply = d.hear(done)
    assert d.state.misunderstood == 0, reply.says
    assert reply.says == [prompt("sanitaer-notdienst", "order_fulfilment_needed", lang)]
    d.hear("Zum Abholen." if lang == "de" else "I'll pick it up.")
    assert d.state.fulfilment == "pickup"


@pytest.mark.parametrize(
    "said",
    ["Das ist wirklich alles kaputt.", "das ist echt alles nass", "That's really all wrong.", "that's just it broken"],
)
def test_emphasis_words_before_a_complaint_are_no_end_of_the_order(said):
    assert not answers.is_done(said)


# --- an option question the caller cannot answer -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("client", "lang", "order", "unanswered", "line"),
    [
        ("it-service-hansa", "en", "I'd like to order a laptop.", ["the one my colleague has", "hmm, the usual"],
         ("IT-NOTEBOOK", 1, {})),
        ("it-service-hansa", "de", "Ich möchte ein Notebook bestellen.",
         ["so eins wie mein Kollege hat", "hm, das übliche halt"], ("IT-NOTEBOOK", 1, {})),
        (SECURITY, "en", "We need a security guard for our warehouse.", ["the same as last time", "the usual one"],
         ("SEC-OBJEKT-NACHT", 1, {})),
        (SECURITY, "de", "Wir brauchen einen Wachmann für unser Lager.", ["so wie immer", "na, das Übliche"],
         ("SEC-OBJEKT-NACHT", 1, {})),
    ],
)
def test_an_option_question_unanswered_twice_is_left_for_the_team(client, lang, order, unanswered, line):
    d = call(client, lang)
    if client == SECURITY:  # the security company records calls and asks first
        d.hear(YES[lang])
    asked = d.hear(order)
    assert d.state.phase == "order_option", asked.says
    again = d.hear(unanswered[0])
    assert again.says[-1] == asked.says[-1]  # asked once more
    reply = d.hear(unanswered[1])
    assert d.state.phase != "order_option" and not d.state.ended, reply.says
    assert reply.says == [prompt(client, "order_ask_more", lang)]
    assert [(x.sku, x.qty, dict(x.options)) for x in d.state.order] == [line]
    assert d.state.misunderstood <= 1


@pytest.mark.parametrize(
    ("said", "picked"),
    [
        ("the same as last time", None),
        ("like the first time we booked", None),
        ("so wie letztes Mal", None),
        ("wie bei der letzten Bestellung", None),
        ("the last one", "eine Woche"),
        ("die erste bitte", "eine Nacht"),
    ],
)
def test_a_time_before_picks_no_place_among_the_values(said, picked):
    """ "The same as last time" picked "one week", the last value offered."""
    item = next(x for x in load_pack(SECURITY).catalog if x.sku == "SEC-OBJEKT-NACHT")
    assert relative_option(item, "duration", said) == picked


# --- hours across midnight are one night; a span that ends at midnight keeps its start ---------------------------
@pytest.mark.parametrize(
    ("lang", "booking"),
    [
        ("en", "We need a security guard for our warehouse on Saturday the 19th from 10 pm to 6 am."),
        ("en", "Could you send a guard to the building site, Friday from 8 pm till 5 am?"),
        ("de", "Wir brauchen einen Wachmann für unser Lager am Samstag, den 19., von 22 bis 6 Uhr."),
        ("de", "Können Sie am Freitag von 20 bis 5 Uhr einen Wachmann auf die Baustelle schicken?"),
    ],
)
def test_a_guard_booked_by_hours_across_midnight_is_one_night(lang, booking):
    d = call(SECURITY, lang)
    d.hear(YES[lang])
    reply = d.hear(booking)
    assert [(x.sku, x.qty, dict(x.options)) for x in d.state.order] == [
        ("SEC-OBJEKT-NACHT", 1, {"duration": "eine Nacht"})
    ], reply.says
    assert reply.says == [prompt(SECURITY, "order_ask_more", lang)]


@pytest.mark.parametrize(
    ("lang", "booking"),
    [
        ("en", "We need a security guard for our warehouse on Saturday from 8 am to 6 pm."),
        ("de", "Wir brauchen einen Wachmann für unser Lager am Samstag von 8 bis 18 Uhr."),
    ],
)
def test_a_guard_booked_by_day_hours_is_still_asked_how_long(lang, booking):
    d = call(SECURITY, lang)
    d.hear(YES[lang])
    d.hear(booking)
    assert d.state.phase == "order_option" and d.state.order[0].options == {}


@pytest.mark.parametrize(
    ("lang", "said", "times"),
    [
        ("en", "on Saturday from seven till midnight", ["19:00", "00:00"]),
        ("en", "from 7 pm to midnight", ["19:00", "00:00"]),
        ("de", "am Samstag von sieben bis Mitternacht", ["19:00", "00:00"]),
        ("de", "von 19 Uhr bis Mitternacht", ["19:00", "00:00"]),
        ("de", "am Samstag, den 19., von 22 bis 6 Uhr", ["22:00", "06:00"]),
        ("de", "von 20 bis 2 Uhr", ["20:00", "02:00"]),
        ("de", "von 14 bis 5 Uhr", ["14:00", "17:00"]),
        ("en", "from 9 to 5", ["09:00", "17:00"]),
    ],
)
def test_a_span_of_hours_keeps_its_start_and_end(lang, said, times):
    assert extract_when(said, lang, now=SUNDAY)[1] == times


@pytest.mark.parametrize(
    ("lang", "turns"),
    [
        ("en", ["yes", "We need door staff for our party on Saturday from seven till midnight.", "no", "Anna Smith",
                "yes", "0171 2345678", "yes"]),
        ("de", ["ja", "Wir brauchen Ordnerdienst für unser Fest am Samstag von sieben bis Mitternacht.", "nein",
                "Anna Schmidt", "ja", "0171 2345678", "ja"]),
    ],
)
def test_door_staff_from_seven_till_midnight_keep_the_span(lang, turns):
    d = Dialogue(load_pack(SECURITY), model(), lang=lang, now=lambda: SUNDAY)
    d.greet()
    for said in turns:
        reply = d.hear(said)
    assert d.state.phase == "order_confirm", reply.says
    d.hear(YES[lang])
    assert d.state.outcome is not None and d.state.outcome.order is not None
    assert d.state.outcome.order["when"] == ["2026-12-12", "19:00", "00:00"]


# --- a guard booking keeps no fulfilment ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "turns"),
    [
        ("en", ["yes", "We need a night guard for our warehouse on Saturday.", "no that's all",
                "Werftstraße 15, 24143 Kiel", "yes", "Paul Hughes", "yes", "0171 2345678", "yes"]),
        ("de", ["ja", "Wir brauchen eine Nachtwache für unser Lager am Samstag.", "nein, das wär's",
                "Werftstraße 15, 24143 Kiel", "ja", "Ole Petersen", "ja", "0171 2345678", "ja"]),
    ],
)
def test_a_guard_booking_stores_no_pickup_or_delivery(lang, turns):
    d = call(SECURITY, lang)
    for said in turns:
        reply = d.hear(said)
        assert prompt(SECURITY, "order_ask_fulfilment", lang) not in reply.says
    assert d.state.phase == "order_confirm", reply.says
    d.hear(YES[lang])
    order = d.state.outcome.order if d.state.outcome else None
    assert order is not None and "fulfilment" not in order, order
    assert order["address"].startswith("Werftstraße 15")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_order_from_a_pack_with_one_way_still_stores_it(lang):
    d = call("it-service-hansa", lang)
    for said in (["I'd like to order a docking station.", "no that's all", "Werftstraße 15, 24143 Kiel", "yes",
                  "Paul Hughes", "yes", "0171 2345678", "yes", "yes"] if lang == "en" else
                 ["Ich möchte eine Dockingstation bestellen.", "nein, das wär's", "Werftstraße 15, 24143 Kiel", "ja",
                  "Ole Petersen", "ja", "0171 2345678", "ja", "ja"]):
        reply = d.hear(said)
    order = d.state.outcome.order if d.state.outcome else None
    assert order is not None and order["fulfilment"] == "delivery", reply.says
