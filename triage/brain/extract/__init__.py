"""Details a caller gives in passing: name, callback number, address, when, and what they order.

Text comes from speech recognition: lower case, little punctuation, fillers ("ähm", "uh"),
numbers as words. Every extractor is a small set of patterns over that text, tuned to miss
rather than to invent: a wrong callback number or address read back to a stressed caller costs
more than asking once more. `expecting` says what the bot has just asked for; only then is a
bare answer ("müller", "vierzehn") taken for that detail. Patterns compile at import; no I/O.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..numbers import parse_quantity, words_to_digits
from ..types import Address, Entities
from .address import extract_address
from .name import extract_name, spells_name
from .order import catalog_from_rows, match_order
from .phone import extract_phone, impossible_phone, normalise_phone, phone_digits, plausible_phone
from .when import extract_when

__all__ = [
    "catalog_from_rows",
    "extract_address",
    "extract_entities",
    "extract_name",
    "extract_phone",
    "extract_when",
    "impossible_phone",
    "match_order",
    "normalise_phone",
    "of_the_address",
    "parse_quantity",
    "phone_digits",
    "plausible_phone",
    "words_to_digits",
]


def extract_entities(text: str, lang: str, *, now: datetime, expecting: frozenset[str] = frozenset()) -> Entities:
    """All details of one utterance; `expecting` ("name", "phone", "address", "when") names what the
    bot just asked for, so a bare answer counts as that detail."""
    dates, times, when_text = extract_when(text, lang, now, expecting="when" in expecting)
    # a name spelled out ("S as in Sierra", "P wie Paula") is no town, even where the address was asked
    address = extract_address(text, lang, expecting="address" in expecting and not spells_name(text))
    phone = extract_phone(text, lang, expecting="phone" in expecting)
    return Entities(
        name=extract_name(text, lang, expecting="name" in expecting),
        phone=None if phone and of_the_address(phone, address) else phone,
        address=address,
        dates=dates,
        times=times,
        when_text=when_text,
    )


def of_the_address(phone: str, address: Address) -> bool:
    """The "number" is the address's house number and postcode ("Hauptstraße 5, 21073 Hamburg" said while the
    callback number is asked was read back as 5 2 1 0 7 3)."""
    said = re.sub(r"\D", "", f"{address.house_number or ''}{address.postcode or ''}")
    digits = re.sub(r"\D", "", phone).lstrip("0")
    return bool(said) and bool(digits) and digits in said
