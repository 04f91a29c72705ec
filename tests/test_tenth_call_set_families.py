"""Issue 11 section 5, the tenth set of whole calls (`data/dev/calls_tenth.jsonl`): families of ordinary callers
at the read-backs and questions of an order, a booking and a message, each in German and English, with the real
`Dialogue`, the shipped packs and classifier.

- a "no" to the order's read-back says what is wrong ("nein, zwei, nicht drei", "no, I'd like it delivered", "no, the
  14 inch"): that part is changed and the order read back again; a bare "no" is asked what to change. It used to
  cancel the whole order;
- "nein danke" / "no thanks" to the message's read-back was taken as a yes; now it is asked what to change, and a
  correction after the no ("Nein danke, es ist der Drucker im Flur") joins the message; "yes, and please only call
  after 4" to it adds to the message;
- a booking's read-back says the day and time it is for, as the caller said them ("am Samstag ab 18 Uhr");
- a surname alone ("Lehmann") where the callback number is asked is the name, not "not understood";
- "was kostet eine Tastatur?", "how much is a monitor?" get the catalogue item's own price in the caller's language,
  from the pack, not the hourly rate; the catalogue's prices are given per language;
- "yes, and it goes to Schlachte 15 in Bremen" to another read-back keeps the street, not only the town;
- a daughter handed the phone: "Meine Mutter heißt Erika Krause" answers the name question;
- "Revierfahrten, zweimal pro Nacht" is one patrol visiting twice a night, not two patrols.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.packs.load import load_pack

PLUMBER, LAW, SECURITY, IT = "sanitaer-notdienst", "kanzlei-berg", "sicherheitsdienst-nord", "it-service-hansa"
YES = {"de": "ja", "en": "yes"}


def _order_read_back(client: str, lang: str, turns: list[str]):
    d = call(client, lang)
    for turn in turns:
        d.hear(turn)
    assert d.state.phase == "order_confirm", [t.text for t in d.state.transcript]
    return d


PICKUP_ORDER = {
    "de": ["ja", "Ich brauche drei Dichtungssets für Wasserhähne, halber Zoll.", "nein, das ist alles", "abholen",
           "Werner Haas", "ja", "0171 2345 678", "ja"],
    "en": ["yes, that's fine", "I need three washer sets, half inch.", "no that's all", "I'll pick them up.",
           "Gary Morgan", "yes", "0176 4455 6677", "yes"],
}  # fmt: skip


@pytest.mark.parametrize(("lang", "no"), [("de", "Nein, zwei, nicht drei."), ("en", "No, two not three.")])
def test_a_no_with_the_right_count_at_the_order_read_back_corrects_the_count(lang, no):
    d = _order_read_back(PLUMBER, lang, PICKUP_ORDER[lang])
    reply = d.hear(no)
    assert prompt(PLUMBER, "order_cancelled", lang) not in reply.says
    assert [(line.sku, line.qty) for line in d.state.order] == [("SAN-DICHT-SET", 2)]
    assert d.state.phase == "order_confirm"  # read back again
    reply = d.hear(YES[lang])
    assert reply.outcome is not None and reply.outcome.order["items"][0]["qty"] == 2


@pytest.mark.parametrize(
    ("lang", "no", "street"),
    [("de", "Nein, zum Liefern bitte.", "Bramfelder Straße 12, 22305 Hamburg"),
     ("en", "No, I'd like it delivered actually.", "Osterstraße 40, 20259 Hamburg")],
)  # fmt: skip
def test_a_no_with_delivery_at_the_order_read_back_asks_where_to_deliver(lang, no, street):
    d = _order_read_back(PLUMBER, lang, PICKUP_ORDER[lang])
    reply = d.hear(no)
    assert d.state.fulfilment == "delivery" and d.state.order
    assert reply.says[-1] == prompt(PLUMBER, "order_ask_delivery_address", lang)
    for turn in [street, YES[lang]]:
        d.hear(turn)
    reply = d.hear(YES[lang])
    assert reply.outcome is not None and reply.outcome.order["fulfilment"] == "delivery"
    assert street.split(",")[0] in reply.outcome.order["address"]


@pytest.mark.parametrize(
    ("lang", "what"), [("de", "Die Größe, 24 Zoll bitte."), ("en", "The size, the 24 inch please.")]
)
def test_a_bare_no_at_the_order_read_back_asks_what_to_change(lang, what):
    turns = {
        "de": ["Wir brauchen zwei Monitore, 27 Zoll.", "nein, das ist alles", "Am Wall 140, 28195 Bremen", "ja",
               "Stefan Ohlsen", "ja", "0421 778 8990", "ja"],
        "en": ["We need two monitors, 27 inch.", "no that's all", "Am Wall 140, 28195 Bremen", "yes",
               "Stefan Ohlsen", "yes", "0421 778 8990", "yes"],
    }[lang]  # fmt: skip
    d = _order_read_back(IT, lang, turns)
    reply = d.hear({"de": "Nein.", "en": "No."}[lang])
    assert reply.says == [prompt(IT, "what_to_change", lang)] and d.state.order
    d.hear(what)
    assert [(line.sku, line.qty, line.options) for line in d.state.order] == [("IT-MONITOR", 2, {"size": "24 Zoll"})]
    assert d.state.phase == "order_confirm"


@pytest.mark.parametrize(("lang", "cancel"), [("de", "Nein, stornieren Sie das bitte."), ("en", "No, cancel it.")])
def test_a_no_that_cancels_still_cancels_the_order(lang, cancel):
    d = _order_read_back(PLUMBER, lang, PICKUP_ORDER[lang])
    reply = d.hear(cancel)
    assert prompt(PLUMBER, "order_cancelled", lang) in reply.says and not d.state.order


MESSAGE = {
    "de": ["Ich möchte eine Nachricht für den Support hinterlassen, unser Drucker im Büro druckt nur leere Seiten.",
           "0421 3344 221", "ja", "Heike Brandt", "ja"],
    "en": ["Can I leave a message for support? Our scanner in the accounts office has stopped sending emails.",
           "0421 4433 221", "yes", "Paul Jenkins", "yes"],
}  # fmt: skip


def _message_read_back(lang: str):
    d = call(IT, lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    assert d.state.phase == "message_confirm", [t.text for t in d.state.transcript]
    return d


@pytest.mark.parametrize(("lang", "no_thanks"), [("de", "nein danke"), ("en", "No thanks.")])
def test_no_thanks_alone_to_the_message_read_back_is_no_yes(lang, no_thanks):
    d = _message_read_back(lang)
    reply = d.hear(no_thanks)
    assert reply.outcome is None and not reply.end
    assert reply.says == [prompt(IT, "what_to_change", lang)]
    addition = {"de": "Es ist der Drucker im Flur.", "en": "It's the scanner at reception."}[lang]
    d.hear(addition)
    reply = d.hear(YES[lang])
    assert reply.outcome is not None and addition.rstrip(".") in reply.outcome.message["text"]
    assert MESSAGE[lang][0].split(",")[0].split("?")[0] in reply.outcome.message["text"]  # nothing said before lost


@pytest.mark.parametrize(
    ("lang", "correction", "kept"),
    [("de", "Nein danke, es ist der Drucker im Flur, nicht im Büro.", "Flur"),
     ("en", "No thanks, it's the scanner at reception, not in accounts.", "reception")],
)  # fmt: skip
def test_a_correction_after_no_thanks_joins_the_message(lang, correction, kept):
    d = _message_read_back(lang)
    reply = d.hear(correction)
    assert reply.outcome is None and d.state.phase == "message_confirm"
    assert kept in d.state.message
    reply = d.hear(YES[lang])
    assert reply.outcome is not None and kept in reply.outcome.message["text"]


@pytest.mark.parametrize(
    ("lang", "yes_and", "added"),
    [("de", "Ja, und bitte erst nach 16 Uhr anrufen, vorher bin ich bei der Arbeit.", "nach 16 Uhr"),
     ("en", "Yes, and please only call after 4 in the afternoon, I'm at work before that.", "after 4")],
)  # fmt: skip
def test_yes_and_more_to_the_message_read_back_stores_it_with_the_addition(lang, yes_and, added):
    d = _message_read_back(lang)
    reply = d.hear(yes_and)
    assert reply.outcome is not None and added in reply.outcome.message["text"]


@pytest.mark.parametrize(
    ("lang", "booking", "day"),
    [("de", "Wir bräuchten eine Einlasskontrolle für unsere Feier am Samstag ab 18 Uhr.", "Samstag"),
     ("en", "We need a night guard for our car park on Tuesday from 10 pm.", "Tuesday")],
)  # fmt: skip
def test_the_booking_read_back_says_its_day(lang, booking, day):
    d = call(SECURITY, lang)
    turns = [YES[lang], booking, {"de": "nein", "en": "no"}[lang], "Westring 180 in Kiel", YES[lang], "Mike Sutton",
             YES[lang], "0431 5566 443"]  # fmt: skip
    for turn in turns:
        d.hear(turn)
    reply = d.hear(YES[lang])
    assert d.state.phase == "order_confirm"
    assert day in reply.says[-1]


@pytest.mark.parametrize(
    ("lang", "asking", "surname"),
    [("de", "Ich habe ein Schreiben vom Finanzamt bekommen, die Einspruchsfrist läuft morgen ab, ich brauche heute "
            "noch einen Rückruf.", "Lehmann"),
     ("en", "I'd like to leave a message for Dr Berg, it's about my tenancy agreement.", "Hartley")],
)  # fmt: skip
def test_a_surname_alone_where_the_number_is_asked_is_the_name(lang, asking, surname):
    d = call(LAW, lang)
    asked = d.hear(asking)
    assert asked.says[-1] == prompt(LAW, "ask_callback", lang)
    reply = d.hear(surname)
    assert d.state.name == surname and d.state.misunderstood == 0
    assert reply.says == [prompt(LAW, "confirm_name", lang, caller_name=surname)]


@pytest.mark.parametrize(
    ("lang", "client", "question", "price"),
    [("de", IT, "Was kostet bei Ihnen eine Tastatur?", "39 Euro"),
     ("en", IT, "How much is a monitor?", "from 189 euros"),
     ("de", PLUMBER, "Was kostet ein Duschkopf?", "19,90 Euro"),
     ("en", PLUMBER, "How much is a shower head?", "19.90 euros")],
)  # fmt: skip
def test_the_price_of_a_catalogue_item_is_its_own_in_the_callers_language(lang, client, question, price):
    d = call(client, lang)
    if load_pack(client).records_calls:
        d.hear(YES[lang])
    reply = d.hear(question)
    assert any(price in said for said in reply.says), reply.says
    assert not any("95" in said or "79" in said for said in reply.says)  # not the hourly rate


@pytest.mark.parametrize(("lang", "question"), [("de", "Was kostet der denn?"), ("en", "How much is it?")])
def test_the_price_asked_in_the_middle_of_an_order_is_the_items(lang, question):
    d = call(PLUMBER, lang)
    d.hear(YES[lang])
    d.hear({"de": "Ich bräuchte einen Duschkopf.", "en": "I need a shower head."}[lang])
    reply = d.hear(question)
    assert reply.says == [prompt(PLUMBER, "item_price", lang, item={"de": "Duschkopf", "en": "shower head"}[lang],
                                 price={"de": "19,90 Euro", "en": "19.90 euros"}[lang]),
                          prompt(PLUMBER, "order_ask_more", lang)]  # fmt: skip


def test_every_catalogue_price_is_given_in_every_language_of_its_pack():
    for client in (PLUMBER, SECURITY, IT):
        pack = load_pack(client)
        for item in pack.catalog:
            if item.price is not None:
                assert all(item.price_said(lang) for lang in pack.languages), (client, item.sku)


@pytest.mark.parametrize(
    ("lang", "yes_and"),
    [("de", "Ja, und es geht an die Schlachte 15 in Bremen."), ("en", "Yes, and it goes to Schlachte 15 in Bremen.")],
)
def test_yes_and_the_delivery_address_at_another_read_back_keeps_the_street(lang, yes_and):
    d = call(IT, lang)
    turns = {"de": ["Ich möchte drei USB-C-Kabel bestellen, einen Meter.", "nein, das ist alles", "Jörg Brüning"],
             "en": ["I'd like to order two USB-C docking stations.", "no that's it", "James Holloway"]}[lang]
    for turn in turns:
        d.hear(turn)
    assert d.state.confirming == "name"
    d.hear(yes_and)
    assert d.state.address.street == "Schlachte" and d.state.address.house_number == "15"
    assert "name" in d.state.confirmed and d.state.confirming == "address"


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [("de", "Meine Mutter heißt Erika Krause.", "Erika Krause"),
     ("en", "My mum's name is Joan Parker.", "Joan Parker")],
)  # fmt: skip
def test_a_relative_names_the_one_the_message_is_for(lang, said, name):
    d = call(PLUMBER, lang)
    d.hear(YES[lang])
    d.hear({"de": "Bei meiner Mutter tropft der Wasserhahn in der Küche, kann da jemand vorbeikommen?",
            "en": "My mother's kitchen tap is dripping, could someone come round?"}[lang])  # fmt: skip
    for turn in ["0176 5432 1098", YES[lang]]:
        d.hear(turn)
    reply = d.hear(said)
    assert d.state.name == name
    assert reply.says == [prompt(PLUMBER, "confirm_name", lang, caller_name=name)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "Wir hätten gern Revierfahrten, zweimal pro Nacht, für unser Autohaus."),
     ("en", "We'd like a mobile patrol, twice a night, for our car dealership.")],
)  # fmt: skip
def test_how_often_a_patrol_visits_is_no_count_of_patrols(lang, said):
    d = call(SECURITY, lang)
    d.hear(YES[lang])
    d.hear(said)
    assert [(line.sku, line.qty, line.options) for line in d.state.order] == [
        ("SEC-REVIER", 1, {"frequency": "zweimal pro Nacht"})
    ]
