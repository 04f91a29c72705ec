"""Short answers inside a flow: yes or no, pickup or delivery, which option, which info topic."""

from __future__ import annotations

import re
from functools import lru_cache

from ..packs.schema import CatalogItem, InfoAnswer, Pack
from .text import fold

_DONE = re.compile(
    r"\b(das wars|das war s|das ist alles|das waere alles|sonst nichts|nichts mehr|nein danke|tschuess|auf wiederhoeren"
    r"|wiederhoeren|that s all|that s it|nothing else|no thanks|no thank you|bye|goodbye)\b"
)
# "Ich möchte eine Nachricht für Herrn Berg hinterlassen": announces a message without giving it
_ANNOUNCE = re.compile(
    r"\b(nachricht|botschaft|message)\w* (\w+ ){0,4}(hinterlassen|hinterlegen|aufnehmen|aufsprechen|leave|take)\b"
    r"|\b(leave|take) (a |an )?message\b|\b(etwas|was) ausrichten\b"
)
_PICKUP = re.compile(r"\b(abhol\w*|hol\w* (es |das |die )?ab|selbst|vorbei|pick\w* up|pickup|collect\w*)\b")
_DELIVERY = re.compile(r"\b(liefer\w*|bringen|schicken|zustell\w*|nach hause|deliver\w*|send it|bring it)\b")


@lru_cache(maxsize=256)
def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    spellings = sorted({fold(w) for w in words if fold(w)}, key=len, reverse=True)  # longest phrase first
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in spellings) + r")\b")


def yes_no(pack: Pack, text: str, lang: str) -> bool | None:
    """True for yes, False for no, None when the words say neither or both.

    "Nicht richtig" holds "richtig": the no-phrases are taken out before yes is looked for.
    """
    folded = fold(text)
    yes_words = tuple(w for words in pack.prompts.yes_words.values() for w in words)
    no_words = tuple(w for words in pack.prompts.no_words.values() for w in words)
    said_no = False
    if no_words:
        folded, count = _phrases(no_words).subn(" ", folded)
        said_no = count > 0
    said_yes = bool(yes_words) and bool(_phrases(yes_words).search(folded))
    if said_yes == said_no:
        return None
    return said_yes


def is_done(text: str) -> bool:
    """The caller has nothing more ("nein danke, das wars")."""
    return bool(_DONE.search(fold(text)))


def announces_message(text: str) -> bool:
    """The caller only said they want to leave a message; the message itself comes next."""
    folded = fold(text)
    found = _ANNOUNCE.search(folded)
    if not found:
        return False
    rest = (folded[: found.start()] + " " + folded[found.end() :]).split()
    return len(rest) <= 8


def fulfilment(text: str) -> str | None:
    folded = fold(text)
    if _DELIVERY.search(folded):
        return "delivery"
    if _PICKUP.search(folded):
        return "pickup"
    return None


def option_value(item: CatalogItem, group: str, text: str) -> str | None:
    """Which value of an option group the caller chose, by its words or an alias."""
    folded = f" {fold(text)} "
    for value in item.options.get(group, []):
        spellings = [value, *item.option_aliases.get(value, [])]
        if any(f" {fold(s)} " in folded for s in spellings if fold(s)):
            return value
    return None


def info_answer(pack: Pack, text: str) -> InfoAnswer | None:
    """The pack answer whose keywords the caller used most."""
    folded = f" {fold(text)} "
    best, best_score = None, 0
    for answer in pack.info:
        score = sum(1 for words in answer.keywords.values() for w in words if fold(w) and f" {fold(w)}" in folded)
        if score > best_score:
            best, best_score = answer, score
    return best
