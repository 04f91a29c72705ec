"""Issue 11 section 5: an order as a caller says it. A count stays the count when a word of description stands
between it and the item ("three new laptops", "zwei weitere Mäuse", "two more shower heads"): it was one laptop.
The read-back says the plural the pack gives for more than one ("3 laptops", "2 Mäuse"), never "3 laptop". Both
languages, with the shipped packs' catalogues and the real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call
from triage.brain.extract.order import match_order
from triage.packs.load import load_pack

IT = "it-service-hansa"
PLUMBER = "sanitaer-notdienst"


@pytest.mark.parametrize(
    ("client", "lang", "said", "sku", "qty"),
    [
        (IT, "en", "I'd like to order three new laptops for our office", "IT-NOTEBOOK", 3),
        (IT, "en", "we need two more monitors", "IT-MONITOR", 2),
        (IT, "en", "four additional keyboards please", "IT-TASTATUR", 4),
        (IT, "de", "Ich möchte drei neue Laptops bestellen", "IT-NOTEBOOK", 3),
        (IT, "de", "wir brauchen zwei weitere Monitore", "IT-MONITOR", 2),
        (PLUMBER, "de", "Ich bräuchte zwei neue Duschköpfe", None, 2),
        (PLUMBER, "en", "I need two new shower heads", None, 2),
    ],
)
def test_a_word_of_description_between_count_and_item_keeps_the_count(client, lang, said, sku, qty):
    lines = match_order(said, lang, load_pack(client).catalog)
    assert len(lines) == 1, lines
    assert lines[0].qty == qty
    if sku:
        assert lines[0].sku == sku


@pytest.mark.parametrize(
    ("lang", "order", "expected"),
    [
        ("en", "three laptops, the 14 inch ones, and two wired mice", ["3 laptops 14 inch", "2 mice"]),
        ("de", "Ich möchte drei Notebooks mit 14 Zoll und zwei Mäuse mit Kabel", ["3 Notebooks 14 Zoll", "2 Mäuse"]),
        ("en", "one laptop, 16 inch, please", ["1 laptop 16 inch"]),
        ("de", "ein Notebook mit 16 Zoll bitte", ["1 Notebook 16 Zoll"]),
    ],
)
def test_the_read_back_says_the_plural_for_more_than_one(lang, order, expected):
    d = call(IT, lang)
    d.hear(order)
    d.hear("nein danke" if lang == "de" else "no thanks")
    d.hear("Konsul-Smidt-Straße 8, 28217 Bremen")
    d.hear("ja" if lang == "de" else "yes")
    d.hear("Mark Jensen")
    d.hear("ja" if lang == "de" else "yes")
    reply = d.hear("0421 4567891")
    reply = d.hear("ja" if lang == "de" else "yes")
    read_back = " ".join(reply.says)
    for part in expected:
        assert part in read_back, read_back
    assert "3 laptop " not in read_back and "2 mouse" not in read_back


def test_a_plural_is_checked_like_every_name_of_the_pack():
    item = load_pack(IT).catalog[0]
    assert item.named(1, "en") == "laptop" and item.named(2, "en") == "laptops" and item.named(2, "de") == "Notebooks"
    cable = next(i for i in load_pack(IT).catalog if i.sku == "IT-USBC-KABEL")
    assert cable.named(3, "de") == "USB-C-Kabel"  # no German plural given: the name serves


# --- asked which kind, the caller says how many or how it reaches them ------------------------------------------------
@pytest.mark.parametrize(
    ("client", "lang", "order", "count", "kind", "qty"),
    [
        ("apotheke-am-markt", "de", "Kann ich Paracetamol reservieren?", "zwei Packungen bitte", "20 Stück", 2),
        (IT, "de", "Ich möchte ein Notebook bestellen", "drei Stück", "14 Zoll", 3),
        (IT, "en", "I'd like to order a laptop", "two of them please", "14 inch", 2),
        (IT, "en", "can I order a monitor", "three", "24 inch", 3),
    ],
)
def test_a_count_said_to_the_question_of_kind_is_taken_and_the_question_stands(client, lang, order, count, kind, qty):
    d = call(client, lang)
    asked = d.hear(order)
    again = d.hear(count)
    assert d.state.misunderstood == 0, again.says
    assert again.says == asked.says  # the question of kind, asked again without "I didn't understand"
    assert d.state.order[0].qty == qty
    d.hear(kind)
    assert d.state.order[0].qty == qty and d.state.order[0].options


@pytest.mark.parametrize(
    ("lang", "order", "way", "fulfilment"),
    [
        ("de", "Ich bräuchte einen Siphon", "zum Abholen bitte", "pickup"),
        ("de", "Ich bräuchte einen Siphon", "können Sie den liefern?", "delivery"),
        ("en", "I need a sink trap", "I'll pick it up", "pickup"),
        ("en", "I need a sink trap", "please deliver it", "delivery"),
    ],
)
def test_pickup_or_delivery_said_to_the_question_of_kind_is_not_asked_again(lang, order, way, fulfilment):
    d = call(PLUMBER, lang)
    d.hear("ja" if lang == "de" else "yes")  # the recording consent
    asked = d.hear(order)
    again = d.hear(way)
    assert d.state.misunderstood == 0 and again.says == asked.says
    assert d.state.fulfilment == fulfilment
    d.hear("Waschbecken" if lang == "de" else "the bathroom basin one")
    later = d.hear("nein danke" if lang == "de" else "no thanks")
    assert d.state.phase != "order_fulfilment", later.says
