"""How a caller is looked up: a phone number in any usual spelling, or a name.

Pure functions: the same number written `+49 176 1234567`, `0049 176 1234567`, `0176/1234567` or
`01761234567` has one key, so an erasure request finds it however it was stored or spoken back.
"""

from __future__ import annotations

import re

# A run of digits that may be broken by spaces, dashes, slashes, dots or brackets, as numbers are
# written and read back ("0 1 7 1 2 3", "0176-123 45").
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s\-/.()]*\d)*")
MIN_DIGITS = 6  # shorter is not a phone number anyone could be found by


def phone_key(number: str, country: str = "49") -> str | None:
    """The number as international digits without `+` (e.g. `491761234567`), or None when it has
    too few digits. A national number (leading 0) is taken to be in `country`."""
    raw = number.strip()
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        key = digits
    elif digits.startswith("00"):
        key = digits[2:]
    elif digits.startswith("0"):
        key = country + digits[1:]
    else:
        key = digits
    return key if len(key) >= MIN_DIGITS else None


def phone_keys_in(text: str, country: str = "49") -> set[str]:
    """The keys of every number written in `text` in digits."""
    return {key for m in _DIGIT_RUN.finditer(text) if (key := phone_key(m.group(), country))}


def name_key(name: str) -> str:
    """Case and spacing do not matter: `anna  Schmidt` is `Anna Schmidt`."""
    return " ".join(name.casefold().split())


def name_in(text: str, key: str) -> bool:
    """The name appears in `text` as whole words."""
    if not key:
        return False
    return re.search(r"(?<!\w)" + re.escape(key).replace(r"\ ", r"\s+") + r"(?!\w)", text.casefold()) is not None
