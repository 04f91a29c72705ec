"""A street said after its house number, as English callers say it ("3 Kiellinie in Kiel"), is an address.

Found by `eval-calls data/dev/calls_eleventh.jsonl` (t11-sec-en-husband-takes-over): "door staff for our party on
Saturday from 7 pm, at the rowing club, 3 Kiellinie in Kiel" gave no address, because a street with no word that
marks it as one ("Kiellinie", "Schlachte", "Colonnaden") was read only before its number. Unasked, the number-first
street counts only where a place is being named ("at …") and a town or postcode ends the turn, so an order or a time
("2 Ibuprofen, 3 Aspirin in Hamburg", "at 7 tonight in Kiel") names no street.
"""

from __future__ import annotations

import pytest

from triage.brain.extract.address import extract_address


@pytest.mark.parametrize(
    ("text", "expecting", "street", "number", "town"),
    [
        ("door staff for our party on Saturday from 7 pm, at the rowing club, 3 Kiellinie in Kiel.", False,
         "Kiellinie", "3", "Kiel"),
        ("at 5 Colonnaden in Hamburg", False, "Colonnaden", "5", "Hamburg"),
        ("3 Kiellinie in Kiel", True, "Kiellinie", "3", "Kiel"),
        ("it's 12 Schlachte, 28195 Bremen", True, "Schlachte", "12", None),
        # the German order keeps working
        ("Kiellinie 3, Kiel", True, "Kiellinie", "3", "Kiel"),
    ],
)  # fmt: skip
def test_a_street_after_its_house_number_is_read(text, expecting, street, number, town):
    address = extract_address(text, "en", expecting=expecting)
    assert (address.street, address.house_number) == (street, number), address
    if town:
        assert address.city == town, address


@pytest.mark.parametrize(
    "text", ["we need it at 7 tonight in Kiel", "order 2 Ibuprofen, 3 Aspirin in Hamburg", "for 20 guests in Kiel"]
)
def test_a_count_or_a_time_before_a_town_is_no_street(text):
    assert extract_address(text, "en").street is None
