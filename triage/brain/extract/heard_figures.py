"""Measures as Whisper writes them on the phone line, read back against the measures the catalogue offers.

A caller says "two 24 inch monitors", "the fourteen inch ones", "the two metre one", "the 1.60 one"; Whisper
base (8 kHz, `triage eval-calls --spoken`) writes "224-inch monitors", "40-inch", "the two-meter one",
"the 1.601". Each loses the order's count or option, and the option question then comes again and again. A
German caller's "zwei 24-Zoll-Monitore" and "vierzehn Zoll" meet the same: the count runs into the figure, a
teen is heard as its tens ("vierzig"). Only figures that name no offered measure are read again, and only as
one the catalogue offers, so a measure said as listed, a phone number or a postcode stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ...packs.schema import CatalogItem

# a teen and its tens sound alike on the phone: "fourteen"/"forty", "vierzehn"/"vierzig"
_TEEN_TENS = {str(teen): str((teen - 10) * 10) for teen in range(13, 20)}
_TWIN = {**_TEEN_TENS, **{tens: teen for teen, tens in _TEEN_TENS.items()}}
_MEASURE = re.compile(r"(\d+(?:[.,/]\d+)?)(?:\s+([^\W\d_]+))?")
_FIGURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?![\w.,]?\d)(?:\s+([^\W\d_]+))?")
_HYPHENED = re.compile(r"(?<=[^\W_])-(?=([^\W\d_]+))")


def _unit(word: str) -> str:
    """One spelling of a unit: "metres", "meters", "Meter" -> "meter"; "inches" -> "inch"."""
    word = word.lower()
    word = re.sub(r"(?<=ch)es$|(?<=[^s])s$", "", word)
    return word[:-2] + "er" if word.endswith("re") else word


@lru_cache(maxsize=256)
def _offered(spellings: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(figures, units) of the catalogue's option spellings: "1.60 metres" gives "1.60" and "meter"."""
    figures, units = set(), set()
    for spelling in spellings:
        m = _MEASURE.fullmatch(spelling.strip().lower())
        if m:
            figures.add(m.group(1).replace(",", "."))
            if m.group(2):
                units.add(_unit(m.group(2)))
    return frozenset(figures), frozenset(units)


def _spellings(items: Iterable[CatalogItem]) -> tuple[str, ...]:
    return tuple(
        s for item in items for values in item.options.values() for v in values for s in item.option_spellings(v)
    )


def heard_figures(text: str, items: Iterable[CatalogItem]) -> str:
    """`text` with each misheard measure as the caller said it: "224-inch" -> "2 24 inch" (a count run into
    the measure), "40-inch" -> "14 inch" (a teen heard as its tens), "the two-meter one" -> "the two meter
    one", "the 1.601" -> "the 1.60" (the pronoun "one" run into the figure). Unchanged when no item offers a
    measure, and for every figure that is one of the offered measures or is no measure at all."""
    figures, units = _offered(_spellings(items))
    if not units:
        return text
    text = _HYPHENED.sub(lambda m: " " if _unit(m.group(1)) in units else "-", text)

    def read(m: re.Match[str]) -> str:
        figure, word = m.group(1), m.group(2)
        plain = figure.replace(",", ".")
        if plain in figures:
            return m.group()
        after = m.group()[len(figure) :]
        if "." in plain and plain.endswith("1") and plain[:-1] in figures:
            return f"{figure[:-1]}{after}"
        if word is None or _unit(word) not in units or not figure.isdigit():
            return m.group()
        if _TWIN.get(figure) in figures:
            return f"{_TWIN[figure]}{after}"
        if len(figure) >= 3 and figure[0] in "23456789" and figure[1] != "0" and figure[1:] in figures:
            return f"{figure[0]} {figure[1:]}{after}"
        return m.group()

    return _FIGURE.sub(read, text)
