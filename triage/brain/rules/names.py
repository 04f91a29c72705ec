"""A caller's name is no hazard: "hier ist Brand", "Frau Feuer", "my name is Helen Brand", "this is Gary Smoke".

Surnames such as Brand, Feuer, Rauch, Fire or Smoke are words the fire rule listens for. A caller who introduces
themselves says the name where a name goes: after a title, after "mein Name ist" / "this is", after a greeting's
"hier ist", before "speaking" / "am Apparat", or after a first name before "hier" / "here"; the same word later in
the turn without an article is that name again ("hier ist Brand, Sabine Brand"). Those spans are taken out of what
the rules match. A word followed by where or how it burns is the situation, not a name ("hier ist Rauch im Flur",
"this is smoke coming from the boiler"), and "Hilfe, hier ist Feuer" has no greeting before it, so it stays a fire.
"""

from __future__ import annotations

import re

from ..text import Folded, fold_pattern


def _words(text: str) -> frozenset[str]:
    return frozenset(fold_pattern(text).split())


_TITLES = _words("frau herr familie doktor dr mr mrs ms miss mister")
_GREETINGS = _words(
    "hallo hello hi hey moin servus tag morgen abend grüß gott guten good morning afternoon evening ja yes"
)
# words that are never a name: articles, pronouns, fillers, the words of a situation ("hier ist alles voller Rauch")
_NOT_A_NAME = _words(
    "ein eine einen einem einer der die das dem den des kein keine es er sie wir ich alles überall etwas was nichts "
    "hier dort noch schon so ganz total sehr voller voll gerade jetzt mal nur bei im in am an auf aus von vom "
    "a the my our your his her their it its there here all everything something nothing full on at from of to very "
    "just now really still not no and or but is was are were has been getting going coming mein meine unser unsere "
    "notfall emergency hilfe help polizei police äh ähm ehm hm uh um er erm also okay ok"
)
_HAZARD_SURNAMES = _words("feuer brand rauch fire smoke blaze flame")
_ARTICLES = _words(
    "ein einen einem einer eine der den dem des die das kein keinen keinem a an the any no some this that"
)
# what follows a word that is the situation, not a name: where it is, that it spreads
_SITUATION_AFTER = re.compile(fold_pattern(
    r"^\s*(im|in|überall|everywhere|coming|kommt|all|alles|upstairs|downstairs|oben|unten|is|ist|s|breitet|quillt"
    r"|pouring|spreading|und|and|hilfe|help)\b"
))
_STRONG_INTRO = re.compile(fold_pattern(
    r"\b(mein name ist|mein name|name ist|ich heiße|ich heisse|hier spricht|my name is|my name s|this is)\s+"
))
_HIER_IST = re.compile(fold_pattern(r"\bhier ist\s+"))
_AFTER_NAME = re.compile(fold_pattern(r"\s+(speaking|am apparat|mein name|here|hier)\b"))


def _could_be_name(word: str) -> bool:
    return word not in _NOT_A_NAME and word not in _GREETINGS and not word.isdigit()


class _Words:
    """The folded text's words with their offsets."""

    def __init__(self, text: str) -> None:
        self.items = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", text)]

    def index_at(self, offset: int) -> int | None:
        return next((i for i, (_, s, _e) in enumerate(self.items) if s == offset), None)


def name_spans(folded: Folded) -> list[tuple[int, int]]:
    """Where in the folded text a name stands whose word a fire rule would hear, as (start, end) offsets."""
    text = folded.text
    words = _Words(text)
    found: set[int] = set()  # indexes of words that are a name

    def situation_after(i: int) -> bool:
        return bool(_SITUATION_AFTER.match(text[words.items[i][2]:]))

    def name_after(i: int) -> None:
        """An introduction ends before word i: a first name and a surname, or a surname alone."""
        if i >= len(words.items):
            return
        first = words.items[i][0]
        if first in _HAZARD_SURNAMES:
            if not situation_after(i):
                found.add(i)
            return
        if first in _TITLES and i + 1 < len(words.items):
            found.add(i + 1)
            return
        if _could_be_name(first) and i + 1 < len(words.items) and words.items[i + 1][0] in _HAZARD_SURNAMES:
            found.add(i + 1)  # "Helen Brand", "Gary Smoke"

    for i, (word, _s, _e) in enumerate(words.items):
        if word in _TITLES and i + 1 < len(words.items):
            found.add(i + 1)  # "Frau Feuer", "Mr Brand"
    for m in _STRONG_INTRO.finditer(text):
        index = words.index_at(m.end())
        if index is not None:
            name_after(index)
    for m in _HIER_IST.finditer(text):
        index = words.index_at(m.end())
        before = text[: m.start()].split()
        if index is not None and before and before[-1] in _GREETINGS:
            name_after(index)  # "hallo, hier ist Brand"; "Hilfe, hier ist Feuer" and a bare "hier ist Rauch" are a fire
    for m in _AFTER_NAME.finditer(text):
        index = words.index_at(m.start() + 1)
        if index is None or index == 0:
            continue
        surname = index - 1
        if words.items[surname][0] not in _HAZARD_SURNAMES:
            continue
        previous = words.items[surname - 1][0] if surname > 0 else ""
        strong = words.items[index][0] not in ("hier", "here")
        # "Brand am Apparat"; "Sabine Brand hier", "Herr Brand hier" (a bare "Feuer hier!" is a fire)
        if strong or previous in _TITLES or (previous and _could_be_name(previous)):
            found.add(surname)
    names = {words.items[i][0] for i in found if words.items[i][0] in _HAZARD_SURNAMES}
    for i, (word, _s, _e) in enumerate(words.items):
        # the same surname again, without an article and not where or how it burns: "hier ist Brand, Sabine Brand"
        if word in names and (i == 0 or words.items[i - 1][0] not in _ARTICLES) and not situation_after(i):
            found.add(i)
    return [(words.items[i][1], words.items[i][2]) for i in sorted(found) if words.items[i][0] in _HAZARD_SURNAMES]


def in_a_name(spans: list[tuple[int, int]], start: int) -> bool:
    """A match that begins with a name's word: "smoke from" in "this is Gary Smoke from number twelve"."""
    return any(s <= start < e for s, e in spans)
