"""A caller's name is no hazard: "hier ist Brand", "Frau Feuer", "my name is Helen Brand", "this is Gary Smoke".

Surnames such as Brand, Feuer, Rauch, Fire or Smoke are words the fire rule listens for. A caller who introduces
themselves says the name where a name goes: after a title, after "mein Name ist" / "this is", after a greeting's
"hier ist", before "speaking" / "am Apparat", or after a first name before "hier" / "here"; the same word later in
the turn without an article is that name again ("hier ist Brand, Sabine Brand"). Those spans are taken out of what
the rules match. A word followed by where or how it burns is the situation, not a name ("hier ist Rauch im Flur",
"this is smoke coming from the boiler"), and "Hilfe, hier ist Feuer" has no greeting before it, so it stays a fire.

Issue 11, thirtieth set: a name also stands where a caller gives it without an introduction: twice around a first
name ("Rauch, Petra Rauch"), spelled out after it ("Brand, B-R-A-N-D"), before "ist mein Nachname" / "is my
surname" or after "surname's", after a common first name ("Sabine Brand, ich rufe wegen der Wartung an"), or beside
a common surname in a double-barrelled name ("Schmidt-Brand", "Brand-Meyer"; speech recognition drops the hyphen, so
it is not needed). The lists leave out names that are also words of a situation ("Keller Brand", "schwarz Rauch").
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
# issue 11, thirty-second set: Flood (an Irish and English surname) and Flut, which the water rules hear
_HAZARD_SURNAMES = _words("feuer brand rauch fire smoke blaze flame notarzt blut blood poison flood flut")
# common first names; not those that are words of a situation or of everyday speech (Heide, Ernst, Will, Rose, Grace)
_FIRST_NAMES = _words(
    "anna petra sabine helga klaus jens peter hans jürgen johann stefan thomas michael andreas markus martin uwe "
    "karl heinz dieter günter gerd horst monika ursula renate karin brigitte gabriele susanne andrea claudia "
    "katrin kathrin julia laura lena lisa sarah sara maria marie sophie hannah leonie lukas jonas leon paul felix "
    "tobias florian sebastian christian daniel alexander tim nico kevin dennis sven jörg ralf rolf bernd "
    "harry dave david john james jane kate emma emily olivia amelia jack oliver george charlie "
    "william lucy ashley amanda jessica rebecca rachel helen susan margaret linda karen sandra gary "
    "steve steven mike chris tony richard robert jim tom terry lily ellie chloe megan"
)
# common surnames, for a double-barrelled name; not those that are words too (Keller, Koch, Hahn, Schwarz, Wood, Hill)
_COMMON_SURNAMES = _words(
    "müller mueller schmidt schmitt schneider fischer weber meyer meier mayer wagner becker schulz schulze hoffmann "
    "schäfer schaefer richter schröder neumann zimmermann krüger hartmann werner lehmann krause köhler kaiser "
    "peters scholz möller schubert friedrich günther berger winkler lorenz ludwig smith jones taylor williams "
    "davies evans wilson johnson roberts robinson thompson wright walker hughes edwards harris lewis jackson "
    "clarke clark scott cooper morris moore watson harrison morgan patel allen mitchell"
)
# words a caller shouts to raise the alarm: a name only where nothing else could be meant
_SHOUTED = _words("feuer fire flame flammen blaze")
# "Rauch ist mein Nachname", "Smoke is my surname": the name before what it is
_NAME_IS_MINE_AFTER = re.compile(fold_pattern(
    r"^\s*(ist|is) (mein|my|our|unser) (nach|familien|vor|sur|family |last |first )?name\b"
))
_ARTICLES = _words(
    "ein einen einem einer eine der den dem des die das kein keinen keinem a an the any no some this that"
)
# what follows a word that is the situation, not a name: where it is, that it spreads
_SITUATION_AFTER = re.compile(fold_pattern(
    r"^\s*(im|in|überall|everywhere|coming|kommt|all|alles|upstairs|downstairs|oben|unten|is|ist|s|breitet|quillt"
    r"|pouring|spreading|und|and|hilfe|help)\b"
))
_STRONG_INTRO = re.compile(fold_pattern(
    r"\b(mein name ist|mein name|name ist|ich heiße|ich heisse|hier spricht|my name is|my name s|this is"
    r"|nachname ist|nachname|familienname ist|surname is|surname s|surname|last name is|last name s|name s|name is)\s+"
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
    found |= _names_without_introduction(text, words, situation_after)
    names = {words.items[i][0] for i in found if words.items[i][0] in _HAZARD_SURNAMES}
    for i, (word, _s, _e) in enumerate(words.items):
        # the same surname again, without an article and not where or how it burns: "hier ist Brand, Sabine Brand"
        if word in names and (i == 0 or words.items[i - 1][0] not in _ARTICLES) and not situation_after(i):
            found.add(i)
    return [(words.items[i][1], words.items[i][2]) for i in sorted(found) if words.items[i][0] in _HAZARD_SURNAMES]


def _names_without_introduction(text: str, words: _Words, situation_after: Callable[[int], bool]) -> set[int]:
    """Names given without "mein Name ist": said twice around a first name, spelled out, before "ist mein Nachname",
    after a common first name, or beside a common surname (issue 11, thirtieth set). A word that is shouted ("Feuer",
    "fire") is a name only said twice around a first name, spelled or called one: "Peter, Feuer!" stays a fire."""
    items = [w for w, _s, _e in words.items]
    found: set[int] = set()
    for i, word in enumerate(items):
        if word not in _HAZARD_SURNAMES:
            continue
        if _NAME_IS_MINE_AFTER.match(text[words.items[i][2]:]):
            found.add(i)  # "Rauch ist mein Nachname" ("ist" would otherwise say where it is)
            continue
        letters = items[i + 1 : i + 1 + len(word)]
        if "".join(letters) == word and all(len(w) == 1 for w in letters):
            found.add(i)  # "Brand, B-R-A-N-D" (its "s" is no "smoke's")
            continue
        if situation_after(i):
            continue
        explained = i >= 2 and items[i - 2] in ("wie", "like", "as") and items[i - 1] in _ARTICLES | {"in"}
        if explained and any(items[j] == word for j in found):
            found.add(i)  # "Brand, B-R-A-N-D, wie der Brand", "Smoke, as in smoke": the name explained by the word
        before = items[i - 1] if i > 0 else ""
        after = items[i + 1] if i + 1 < len(items) else ""
        if i >= 2 and items[i - 2] == word and before in _FIRST_NAMES:
            found.update((i - 2, i))  # "Rauch, Petra Rauch"
        if after in _FIRST_NAMES and word in items[i + 2 : i + 3]:
            found.add(i)  # "Feuer, Klaus Feuer" read from the first
        if word not in _SHOUTED and (before in _FIRST_NAMES or before in _COMMON_SURNAMES or after in _COMMON_SURNAMES):
            found.add(i)  # "Petra Rauch", "Schmidt-Brand", "Brand-Meyer"
    return found


def in_a_name(spans: list[tuple[int, int]], start: int) -> bool:
    """A match that begins with a name's word: "smoke from" in "this is Gary Smoke from number twelve"."""
    return any(s <= start < e for s, e in spans)
