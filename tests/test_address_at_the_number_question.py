"""Issue 11 section 5, details given before they are asked: a caller who says their address while the callback
number is asked ("Hauptstraße 5, 21073 Hamburg") had its house number and postcode read back as the callback number
("5 2 1 0 7 3"). The address is kept and the number asked again; a number said beside an address is still the
number. Both languages, the real `Dialogue` with the shipped plumber pack and classifier.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt

PLUMBER = "sanitaer-notdienst"
PROBLEM = {"de": "Guten Tag, mein Abfluss in der Küche ist verstopft", "en": "hi, my kitchen sink is blocked"}
YES = {"de": "ja", "en": "yes"}


def _asked_for_the_number(lang):
    d = call(PLUMBER, lang)
    d.hear(YES[lang])  # the recording consent
    asked = d.hear(PROBLEM[lang])
    assert asked.says == [prompt(PLUMBER, "ask_callback", lang)]
    return d


@pytest.mark.parametrize(
    ("lang", "said", "street", "postcode"),
    [
        ("de", "Hauptstraße 5, 21073 Hamburg", "Hauptstraße", "21073"),
        ("de", "Wir wohnen in der Goethestraße 14 in 22087 Hamburg", "Goethestraße", "22087"),
        ("en", "14 Elm Road, 22087 Hamburg", "Elm Road", "22087"),
        ("en", "it's Flat 2, 7 Harbour Street, 20457 Hamburg", "Harbour Street", "20457"),
    ],
)
def test_an_address_said_while_the_number_is_asked_is_no_number(lang, said, street, postcode):
    d = _asked_for_the_number(lang)
    reply = d.hear(said)
    assert d.state.phone is None and d.state.phone_fragment is None, reply.says
    assert (d.state.address.street, d.state.address.postcode) == (street, postcode)
    assert reply.says[-1] == prompt(PLUMBER, "ask_callback", lang)


@pytest.mark.parametrize(
    ("lang", "said", "number"),
    [
        ("de", "Hauptstraße 5 in Hamburg, und meine Nummer ist 040 5551234", "0405551234"),
        ("en", "14 Elm Road, Hamburg, and my number is 0151 23456789", "015123456789"),
        ("de", "040 5551234", "0405551234"),
    ],
)
def test_a_number_beside_an_address_is_still_the_number(lang, said, number):
    d = _asked_for_the_number(lang)
    d.hear(said)
    assert d.state.phone == number
