"""The caller's name: after a cue ("mein name ist", "this is"), or bare when the bot asked for it."""

from __future__ import annotations

import re

from ..numbers import words_to_digits
from .common import _ABBREVIATION_DOT, _FILLERS, _LETTERS, _NOT_NAME, _TITLES, _after_lead, _capitalise, _lang, _lower

_NAME_CUE = re.compile(
    r"\b(?:mein name ist|mein name lautet|meine name ist|mein name|der name ist|name ist|ich hei(?:ß|ss)e"
    r"|hier spricht|am apparat ist|sie sprechen mit|my name is|my name's|the name is|name's|name is"
    r"|i am called|i'm called|you're speaking (?:with|to)|you are speaking (?:with|to))\b"
)
# These introduce a name only at the start of a turn ("hier ist alles nass" is no introduction),
# and only when the name is followed by the end or by words that go on naturally after a name.
_OPENING_CUE = {
    "de": re.compile(r"(?:hier ist|ich bin(?= (?:herr|frau|dr)\b)|this is|i'm|i am|it's)\s"),
    "en": re.compile(r"(?:this is|i'm|im|i am|it's|its|it is|here is|hier ist)\s"),  # "im": "i'm" misheard
}
_AFTER_OPENING_NAME = re.compile(
    r"\s*(?:$|[,.;:!?]|(?:from|von|aus|here|hier|calling|speaking|again|and|und|i|ich|my|mein|meine|with|bei"
    r"|at|am|vom|von der)\b)"
)
_NAME_THEN_CUE = re.compile(
    rf"(?P<name>[{_LETTERS}]+(?:[ -][{_LETTERS}]+){{0,2}})\s+(?:hier|am apparat|speaking|here)\b"
)
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+|[^\w\s]")


def _name_words(after: str, lang: str) -> tuple[list[str], int]:
    """The words of a name at the start of `after`, up to the first word that cannot be one, and
    where they end in `after`."""
    words: list[str] = []
    end = 0
    fillers = _FILLERS[_lang(lang)]
    for m in _NAME_TOKEN.finditer(after):
        token = m.group()
        if token in fillers and not words:
            continue
        is_number_word = words_to_digits(token, lang) != token
        if not token[0].isalpha() or token in _NOT_NAME or is_number_word or token.endswith("'s"):
            break
        if len(token) == 1 and words:  # "schmidt s c h m i d t": spelled out
            break
        words.append(token)
        end = m.end()
        if len(words) == 4:
            break
    return words, end


def _format_name(words: list[str], opening: bool) -> str | None:
    """ "Frau Dr. Weber", "Anna Schmidt"; None when nothing but titles or single letters remain."""
    titles = 0
    while titles < min(2, len(words)) and words[titles] in _TITLES:
        titles += 1
    names = words[titles : titles + 3]
    if not names or any(len(w) < 2 for w in names):
        return None
    if opening and names[0].endswith("ing") and len(names[0]) > 5:  # "i'm calling", "it's leaking"
        return None
    return " ".join([_TITLES[w] for w in words[:titles]] + [_capitalise(w) for w in names])


def _opening_name(after: str, lang: str) -> str | None:
    words, end = _name_words(after, lang)
    if not words or not _AFTER_OPENING_NAME.match(after, end):
        return None
    return _format_name(words, opening=True)


def _name_text(text: str) -> str:
    return _ABBREVIATION_DOT.sub(r"\1", _lower(text.replace("’", "'")))


# "Weber, nein, Wéber", "Mark, sorry, Marc": what follows the last correction replaces what came before.
_CORRECTION = re.compile(
    r"(?:^|[,.;!?]|\s)\s*(?:nein|no|sorry|ich meine|i mean|korrektur|correction|actually|eigentlich)\b"
)
# Words run to the start of the turn that only lead into the name: "actually it's Marc", "sorry, it's Marc".
_LEAD_WORDS = frozenset({"actually", "sorry", "eigentlich", "entschuldigung", "korrektur", "correction", "pardon"})
_RAW_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def extract_name(text: str, lang: str, expecting: bool = False) -> str | None:
    """The caller's name from "mein name ist ...", "hier ist ...", "my name is ...", "this is ...".

    With `expecting` (the bot asked for the name) a bare answer ("ähm anna schmidt", "müller mit
    ü") is the name too, unless it reads like anything else: digits, "ich weiß nicht", "wait".
    A correction in the same turn wins ("Weber, nein, Wéber"); a name said twice is taken in its
    longer form ("Schmidt, Anna Schmidt"); the caller's own spelling of a name with capitals inside
    is kept ("O'Connor", "McDonald").
    """
    t = _name_text(text)
    found = None
    for m in reversed(list(_CORRECTION.finditer(t))):
        if m.end() < len(t):
            found = _name_in(t[m.end() :], lang, expecting)
            if found:
                break
    found = found or _name_in(t, lang, expecting)
    if found is None:
        return None
    spelled = {w.lower().replace("’", "'"): w.replace("’", "'") for w in _RAW_WORD.findall(text)}
    return " ".join(_as_spelled(w, spelled) for w in found.split())


def _as_spelled(word: str, spelled: dict[str, str]) -> str:
    own = spelled.get(word.lower())
    if own and own != own.upper() and any(c.isupper() for c in own[1:]):
        return own
    return word


def _name_in(t: str, lang: str, expecting: bool) -> str | None:
    found = _name_at(t, lang, expecting)
    if not expecting or "," not in t:
        return found
    # "Schmidt, Anna Schmidt": the fuller form; "Müller, Hans": surname first, as on a form
    names = [n for n in (_name_at(part, lang, True) for part in t.split(",")) if n]
    if len(names) < 2:
        return found
    first, second = names[0].split(), names[1].split()
    if set(first) <= set(second):
        return names[1]
    if set(second) <= set(first):
        return names[0]
    if len(first) == len(second) == 1:
        return f"{names[1]} {names[0]}"
    return found


def _name_at(t: str, lang: str, expecting: bool) -> str | None:
    found = None
    for cue in _NAME_CUE.finditer(t):
        found = _format_name(_name_words(t[cue.end() :], lang)[0], opening=False) or found
    if found:
        return found
    lead = _after_lead(t, _LEAD_WORDS)
    opening = _OPENING_CUE[_lang(lang)].match(t, lead)
    if opening:
        return _opening_name(t[opening.end() :], lang)
    name_first = _NAME_THEN_CUE.match(t, lead)
    if name_first:  # "schmidt hier": every word before "hier" must be a name
        words, end = _name_words(name_first.group("name"), lang)
        if end == len(name_first.group("name")):
            return _format_name(words, opening=False)
    if expecting and not re.search(r"\d", t):
        return _format_name(_name_words(t[lead:], lang)[0], opening=False)
    return None
