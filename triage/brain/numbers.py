"""Spoken numbers as speech recognition writes them: "null eins sieben", "zweiundvierzig", "double five".

Callers dictate phone numbers digit by digit, in pairs ("dreiundzwanzig") or with "double"; house
numbers, quantities, dates and times come as words too. Everything downstream matches digits,
so this module turns those words into digits and leaves every other word exactly as it was.
It reports *where* it replaced words so a caller of it can show the words as they were said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# One replacement in a text: [start, end) of the original words and the digits that stand for them.
Span = tuple[int, int, str]

_DE_DIGITS = {
    "null": 0, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5, "funf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}  # fmt: skip
# The first part of "einundzwanzig": "ein", never "eins".
_DE_STEMS = {k: v for k, v in _DE_DIGITS.items() if v and k != "eins"} | {"ein": 1}
_DE_TEENS = {
    "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}  # fmt: skip
_DE_TENS = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "fuenfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
_EN_DIGITS = {
    "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
_EN_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_REPEAT = {"de": {"doppel": 2, "doppelt": 2, "tripel": 3}, "en": {"double": 2, "triple": 3}}
_HUNDRED = {"hundert", "hundred"}
_THOUSAND = {"tausend", "thousand"}

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SPACE_ONLY = re.compile(r"[ \t]+")
# Whisper writes a number dictated digit by digit with commas: "Oh, one, seven, six."
_COMMA_GAP = re.compile(r"[ \t]*,[ \t]*")


@dataclass(frozen=True)
class _Atom:
    """One number word. kind: digit, teen, tens, value, hundred, thousand, repeat, oh, and."""

    kind: str
    value: int
    text: str


def _de_below100(word: str) -> int | None:
    for table in (_DE_TEENS, _DE_TENS, _DE_DIGITS):
        if word in table:
            return table[word]
    head, sep, tail = word.partition("und")
    if sep and head in _DE_STEMS and tail in _DE_TENS:
        return _DE_STEMS[head] + _DE_TENS[tail]
    return None


def _de_below1000(word: str) -> int | None:
    head, sep, tail = word.partition("hundert")
    if not sep:
        return _de_below100(word)
    hundreds = 1 if head in ("", "ein", "eins") else _DE_STEMS.get(head)
    if hundreds is None:
        return None
    tail = tail.removeprefix("und")
    rest = _de_below100(tail) if tail else 0
    return None if rest is None else hundreds * 100 + rest


def de_cardinal(word: str) -> int | None:
    """A German number written as one word, "zweiundvierzig" -> 42, "zweitausendsechsundzwanzig" -> 2026."""
    head, sep, tail = word.partition("tausend")
    if not sep:
        return _de_below1000(word)
    thousands = 1 if head in ("", "ein", "eins") else _de_below1000(head)
    tail = tail.removeprefix("und")
    rest = _de_below1000(tail) if tail else 0
    if thousands is None or rest is None:
        return None
    return thousands * 1000 + rest


def _de_atoms(word: str) -> list[_Atom] | None:
    if word in _DE_DIGITS:
        return [_Atom("digit", _DE_DIGITS[word], word)]
    if word in _REPEAT["de"]:
        return [_Atom("repeat", _REPEAT["de"][word], word)]
    if word.startswith("doppel") and word[6:] in _DE_DIGITS:  # "doppelnull"
        return [_Atom("repeat", 2, "doppel"), _Atom("digit", _DE_DIGITS[word[6:]], word[6:])]
    if word in _HUNDRED:
        return [_Atom("hundred", 100, word)]
    if word in _THOUSAND:
        return [_Atom("thousand", 1000, word)]
    value = de_cardinal(word)
    return None if value is None else [_Atom("value", value, word)]


def _en_atoms(word: str) -> list[_Atom] | None:
    if word in _EN_DIGITS:
        return [_Atom("digit", _EN_DIGITS[word], word)]
    if word in ("oh", "o"):  # Whisper writes the spoken "oh" of "oh one seven six" as "o" as often as "oh"
        return [_Atom("oh", 0, word)]
    if word == "and":
        return [_Atom("and", 0, word)]
    if word in _REPEAT["en"]:
        return [_Atom("repeat", _REPEAT["en"][word], word)]
    if word in _EN_TEENS:
        return [_Atom("teen", _EN_TEENS[word], word)]
    if word in _EN_TENS:
        return [_Atom("tens", _EN_TENS[word], word)]
    if word in _HUNDRED:
        return [_Atom("hundred", 100, word)]
    if word in _THOUSAND:
        return [_Atom("thousand", 1000, word)]
    return None


@lru_cache(maxsize=8192)
def _atoms(word: str, lang: str) -> tuple[_Atom, ...] | None:
    """The number words one written word stands for; hyphenated words count only if every part does."""
    found: list[_Atom] = []
    for part in word.split("-"):
        atoms = _de_atoms(part) if lang == "de" else _en_atoms(part)
        if atoms is None:
            return None
        found += atoms
    return tuple(found)


_NUMERIC = frozenset({"digit", "teen", "tens", "value", "hundred", "thousand", "repeat"})
_STARTS_BELOW_1000 = _NUMERIC - {"repeat", "thousand"}


def _below100_tail(atoms: list[_Atom], i: int) -> tuple[int, int]:
    """After "hundred": "and five", "twenty three", "dreiundzwanzig"; a bare digit starts a new number."""
    j = i + 1 if i < len(atoms) and atoms[i].kind == "and" else i
    if j >= len(atoms):
        return 0, i
    atom = atoms[j]
    if atom.kind == "tens":
        if j + 1 < len(atoms) and atoms[j + 1].kind == "digit" and atoms[j + 1].value:
            return atom.value + atoms[j + 1].value, j + 2
        return atom.value, j + 1
    if atom.kind == "teen" or (atom.kind == "value" and atom.value < 100):
        return atom.value, j + 1
    if atom.kind == "digit" and j > i:  # "one hundred and five"
        return atom.value, j + 1
    return 0, i


def _below1000(atoms: list[_Atom], i: int) -> tuple[int, bool, int]:
    """Value, whether it was one lone digit, next index."""
    atom = atoms[i]
    if atom.kind == "tens" and i + 1 < len(atoms) and atoms[i + 1].kind == "digit" and atoms[i + 1].value:
        value, i = atom.value + atoms[i + 1].value, i + 2
    elif atom.kind == "hundred":
        tail, i = _below100_tail(atoms, i + 1)
        return 100 + tail, False, i
    else:
        value, i = atom.value, i + 1
    if i < len(atoms) and atoms[i].kind == "hundred" and 0 < value < 10:
        tail, i = _below100_tail(atoms, i + 1)
        return value * 100 + tail, False, i
    return value, atom.kind == "digit", i


def _cardinal(atoms: list[_Atom], i: int) -> tuple[int, bool, int]:
    """One number starting at atoms[i], "seven hundred" or "two thousand twenty six"."""
    if atoms[i].kind == "thousand":
        value, single, i = 1, False, i
    else:
        value, single, i = _below1000(atoms, i)
    if i < len(atoms) and atoms[i].kind == "thousand" and 0 < value < 1000:
        value, single, i = value * 1000, False, i + 1
        rest = i + 1 if i < len(atoms) and atoms[i].kind == "and" else i
        if rest < len(atoms) and atoms[rest].kind in _STARTS_BELOW_1000:
            below, _, i = _below1000(atoms, rest)
            value += below
    return value, single, i


def _pieces(atoms: list[_Atom]) -> list[tuple[str, str]]:
    """A run of number words as pieces (text, kind): kind "digits" for digit-by-digit dictation
    ("null", "double five"), "value" for a number said as such ("vierzehn"), "word" for left-overs."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if atom.kind == "repeat" and nxt is not None and nxt.kind in ("digit", "oh"):  # "double o": 00
            out.append((str(nxt.value) * atom.value, "digits"))
            i += 2
        elif atom.kind == "oh":
            prev_numeric = bool(out) and out[-1][1] != "word"
            next_numeric = nxt is not None and nxt.kind in _NUMERIC | {"oh"}
            out.append(("0", "digits") if prev_numeric or next_numeric else (atom.text, "word"))
            i += 1
        elif atom.kind in ("repeat", "and"):
            out.append((atom.text, "word"))
            i += 1
        else:
            value, single, i = _cardinal(atoms, i)
            out.append((str(value), "digits" if single else "value"))
    return out


def _join(pieces: list[tuple[str, str]], split_values: bool) -> str:
    """Numbers said one after the other are one number, as in a dictated phone number. With
    `split_values` a number said as one word stays apart, so "zwölf zwei null null neun fünf"
    reads "12 20095", not "1220095"."""
    text = ""
    prev_kind = ""
    for piece, kind in pieces:
        glued = kind != "word" and prev_kind not in ("", "word")
        if split_values and "value" in (kind, prev_kind):
            glued = False
        text += piece if glued or not prev_kind else " " + piece
        prev_kind = kind
    return text


def number_spans(text: str, lang: str, *, split_values: bool = False, skip: frozenset[str] = frozenset()) -> list[Span]:
    """Where number words are in `text` and the digits that replace them, left to right.

    Words in `skip` (fillers such as "ähm") inside a run of number words are swallowed with it,
    so "null eins ähm sieben" is one number.
    """
    spans: list[Span] = []
    run: list[tuple[re.Match[str], tuple[_Atom, ...]]] = []
    last_end = 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        atoms = _atoms(word, lang)
        if word == "o" and text[match.end() : match.end() + 1] in ("'", "’"):
            atoms = None  # "O'Neil", "six o'clock": no zero
        gap = text[last_end : match.start()]
        adjacent = bool(run) and _SPACE_ONLY.fullmatch(gap) is not None
        if run and atoms and len(run) == 1 and run[0][1][0].kind == "oh" and atoms[0].kind == "digit":
            adjacent = adjacent or _COMMA_GAP.fullmatch(gap) is not None  # "Oh, one, seven, six": a zero
        if run and word in skip and adjacent:
            last_end = match.end()
            continue
        if run and (atoms is None or not adjacent):
            spans += _run_spans(run, split_values)
            run = []
        if atoms is not None:
            run.append((match, atoms))
            last_end = match.end()
    return spans + _run_spans(run, split_values)


def _run_spans(run: list[tuple[re.Match[str], tuple[_Atom, ...]]], split_values: bool) -> list[Span]:
    """One replacement for a run of number words, none if it held no number ("oh no")."""
    atoms = [atom for _, word_atoms in run for atom in word_atoms]
    pieces = _pieces(atoms)
    if all(kind == "word" for _, kind in pieces):
        return []
    return [(run[0][0].start(), run[-1][0].end(), _join(pieces, split_values))]


def apply_spans(text: str, spans: list[Span]) -> str:
    """`text` with each span replaced; spans must be sorted and must not overlap."""
    out, pos = [], 0
    for start, end, replacement in spans:
        out += [text[pos:start], replacement]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def words_to_digits(text: str, lang: str, *, split_values: bool = False) -> str:
    """Spoken numbers as digits: "null eins sieben eins" -> "0171", "oh seven double five" -> "0755".

    Number words said one after the other are one number, the way phone numbers are dictated
    ("zwei drei" -> "23"). `split_values` keeps numbers said as one word apart from their
    neighbours ("vierzehn zwei null" -> "14 20"), which house numbers and times need.
    Every other word is returned unchanged.
    """
    return apply_spans(text, number_spans(text, lang, split_values=split_values))


_QUANTITY_WORDS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eins": 1, "a": 1, "an": 1, "once": 1,
    "twice": 2, "ein paar": 2, "paar": 2, "a couple": 2, "couple": 2, "a pair": 2,
    "pair": 2, "a few": 3, "few": 3, "ein dutzend": 12, "dutzend": 12, "a dozen": 12, "dozen": 12,
    "ein halbes dutzend": 6, "halbes dutzend": 6, "half a dozen": 6,
}  # fmt: skip
_TIMES = re.compile(r"^(?P<n>.+?)\s*(?:mal|x|times)$|^x\s*(?P<m>.+)$")


def parse_quantity(token_or_phrase: str, lang: str) -> int | None:
    """How many a quantity expression means: "3", "drei", "dreimal", "3x", "ein paar" (2),
    "a couple of" (2), "a few" (3), "half a dozen" (6); None when it is not a quantity."""
    phrase = " ".join(token_or_phrase.lower().split()).removesuffix(" of").removesuffix(" von")
    if phrase in _QUANTITY_WORDS:
        return _QUANTITY_WORDS[phrase]
    if phrase.isdigit():
        return int(phrase)
    times = _TIMES.match(phrase)
    if times:
        return parse_quantity(times.group("n") or times.group("m"), lang)
    digits = words_to_digits(phrase, lang, split_values=True)
    return int(digits) if digits.isdigit() else None


# -- ordinals: "am dritten dezember", "the twenty-first" -------------------------------------------------

_ORDINAL_ENDINGS = ("e", "en", "er", "es", "em")
_DE_ORDINAL_IRREGULAR = {"eins": "erst", "drei": "dritt", "sieben": "siebt", "acht": "acht"}


def _de_ordinal_words() -> dict[str, int]:
    """ "erste" .. "einunddreißigsten" with every ending, for every spelling of the cardinal."""
    cardinals = [(w, v) for w, v in {**_DE_DIGITS, **_DE_TEENS, **_DE_TENS}.items() if 1 <= v <= 31]
    cardinals += [
        (f"{stem}und{tens}", s + t) for stem, s in _DE_STEMS.items() for tens, t in _DE_TENS.items() if s + t <= 31
    ]
    words: dict[str, int] = {}
    for word, value in cardinals:
        stem = _DE_ORDINAL_IRREGULAR.get(word) or word + ("st" if value >= 20 else "t")
        words.update({stem + ending: value for ending in _ORDINAL_ENDINGS})
    words.update({"siebent" + ending: 7 for ending in _ORDINAL_ENDINGS})
    return words


_EN_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9,
}  # fmt: skip
_EN_ORDINAL_OTHER = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip

_ORDINALS: dict[str, dict[str, int]] = {
    "de": _de_ordinal_words(),
    "en": {**_EN_ORDINAL_UNITS, **_EN_ORDINAL_OTHER},
}

_EN_COMPOUND_ORDINAL = re.compile(r"\b(twenty|thirty)[ -](" + "|".join(_EN_ORDINAL_UNITS) + r")\b", re.IGNORECASE)
_DIGIT_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_LETTER_WORD = re.compile(r"[^\W\d_]+")


def ordinal_spans(text: str, lang: str) -> list[Span]:
    """Ordinals as "N." ("dritten" -> "3.", "twenty-first" / "21st" -> "21."), the German way of
    writing them, so date patterns need one form only."""
    spans: list[Span] = []
    if lang != "de":
        for m in _EN_COMPOUND_ORDINAL.finditer(text):
            value: int | None = _EN_TENS[m.group(1).lower()] + _EN_ORDINAL_UNITS[m.group(2).lower()]
            spans.append((m.start(), m.end(), f"{value}."))
    table = _ORDINALS["de" if lang == "de" else "en"]
    for m in _LETTER_WORD.finditer(text):
        value = table.get(m.group().lower())
        if value and not any(s <= m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), f"{value}."))
    spans += [(m.start(), m.end(), f"{m.group(1)}.") for m in _DIGIT_ORDINAL.finditer(text)]
    return sorted(spans)
