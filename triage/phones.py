"""A phone number as an agent reads it at a glance, grouped the way its own country writes it.

The one place numbers are grouped for agents (the handoff summary, the REST API, the webhook and the
agent console, which shows what the server sends): libphonenumber (`phonenumbers`) knows every
country's area codes, so Bremen's 0421 998877 is "0421 998877" and Berlin's 030 12345678 is
"030 12345678", never an area code of three digits guessed for all.

A number is never changed, only spaced: whatever is shown has exactly the caller's digits (and their
"+"). A number phonenumbers cannot parse or finds invalid, or one its formats would change, is shown as
the caller's digits in plain groups. Pure: no I/O (the metadata comes with the package).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import phonenumbers
from phonenumbers import PhoneNumberFormat

if TYPE_CHECKING:
    from .packs.schema import Pack

DEFAULT_REGION = "DE"  # the call centres this front-end serves are German

_PHONE_LIKE = re.compile(r"\+?[\d\s\-/().]{5,}")
_SEPARATORS = re.compile(r"[\s\-/().]+")
_SHORT = 6  # digits: a number this short (an extension, a fragment) is one group

# Where a pack's own numbers do not say its country, its timezone does.
_TIMEZONE_REGIONS = {
    "Europe/Berlin": "DE",
    "Europe/Busingen": "DE",
    "Europe/Vienna": "AT",
    "Europe/Zurich": "CH",
    "Europe/Vaduz": "LI",
    "Europe/Luxembourg": "LU",
    "Europe/London": "GB",
    "Europe/Dublin": "IE",
}


def pack_region(pack: Pack | None) -> str:
    """The country whose national numbers a client's callers give: that of the client's own numbers
    (`phone_numbers`, "+49 421 …" → DE), else of its timezone, else German."""
    if pack is None:
        return DEFAULT_REGION
    for number in pack.phone_numbers:
        try:
            parsed = phonenumbers.parse(number, DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            continue
        region = phonenumbers.region_code_for_number(parsed)
        if region and region != phonenumbers.UNKNOWN_REGION and region != "001":
            return region
    return _TIMEZONE_REGIONS.get(pack.timezone, DEFAULT_REGION)


def _key(text: str) -> str:
    """What must not change when a number is spaced: its digits and a leading "+"."""
    return ("+" if text.lstrip().startswith("+") else "") + re.sub(r"\D", "", text)


def plain_groups(number: str) -> str:
    """The digits as written, in plain groups: the writer's own groups where they spaced the number,
    else blocks of four from the end ("+49 0421 9988"); a short number stays whole."""
    raw = number.strip()
    plus = "+" if raw.startswith("+") else ""
    given = [g for g in _SEPARATORS.split(raw.lstrip("+")) if g]
    if len(given) > 1:
        return plus + " ".join(given)
    digits = re.sub(r"\D", "", raw)
    if len(digits) <= _SHORT:
        return plus + digits
    groups = [digits[max(0, end - 4) : end] for end in range(len(digits), 0, -4)][::-1]
    if len(groups[0]) == 1:
        groups[:2] = [groups[0] + groups[1]]
    return plus + " ".join(groups)


def phone_text(number: str | None, region: str = DEFAULT_REGION) -> str | None:
    """`number` as an agent reads it: a national number in its national form ("0421 998877",
    "0171 2345678"), one with "+" in international form by its own country ("+44 20 7946 0958",
    "+1 212-555-0123"), one dialled with "00" as dialled ("0044 20 7946 0958").
    Invalid or unparsable numbers: the caller's digits in plain groups. sip: addresses and text are
    returned unchanged; None and "" as they are."""
    if not number:
        return number
    raw = number.strip()
    if not _PHONE_LIKE.fullmatch(raw):
        return number
    key = _key(raw)
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return plain_groups(raw)
    if phonenumbers.is_valid_number(parsed):
        international = phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)
        if key.startswith("+"):
            candidates = [international]
        else:  # as dialled: nationally, or abroad with "00" (Europe) or the region's own prefix ("011")
            candidates = [
                phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL),
                "00" + international[1:],
                phonenumbers.format_out_of_country_calling_number(parsed, region),
            ]
        for shown in candidates:
            if _key(shown) == key:  # spaced, never changed: no digit dropped or added
                return shown
    return plain_groups(raw)
