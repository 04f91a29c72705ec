"""Text as speech recognition hands it over, made comparable: case, punctuation, umlaut spellings.

Rules are written with real German spelling ("läuft", "Straße"), but recognisers and people type
"laeuft", "strasse" or "lauft". Folding both the rules and the text to one spelling makes a
single pattern match all of them; `Folded.words_at` maps a match back to the words as said, so
evidence shown to an agent reads like the caller.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "à": "a"})
_NON_WORD = re.compile(r"[^\w+]+", re.UNICODE)
_FILLERS = frozenset("äh ähm ehm hm hmm mhm öhm uh uhm um umm er erm ah oh".split())

# English contractions typed or recognised without their apostrophe ("my dad isnt breathing", "i dont want to live"):
# folded as the apostrophe's form is ("isn't" -> "isn t"), so a rule written once matches both. Only words that are
# nothing else in English or German: "im" (German "in dem"), "ill", "its", "well", "were", "hell", "shell", "id" are
# real words and stay as they are.
_CONTRACTIONS = {
    # the apostrophe stood before the last letter ("isn't", "can't", "he's") or the last two ("I've", "you're")
    **{w: f"{w[:-1]} {w[-1]}" for w in (
        "isnt doesnt didnt wasnt arent werent hasnt havent hadnt couldnt wouldnt shouldnt mustnt neednt dont cant wont"
        " aint hes shes thats whats theres"
    ).split()},
    **{w: f"{w[:-2]} {w[-2:]}" for w in (
        "ive youve weve theyve youre theyre youll theyll wouldve couldve shouldve"
    ).split()},
}
# in a pattern's source: the word on its own, or right after a "\b"
_CONTRACTION_IN_PATTERN = re.compile(r"(?<![a-z])(\\b)?(" + "|".join(_CONTRACTIONS) + r")(?![a-z]|\\w)")


def fold(text: str) -> str:
    """Lower case, umlauts spelled out, no punctuation: the one spelling every rule is written in."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    return " ".join(_NON_WORD.sub(" ", text).split())


def fold_pattern(pattern: str) -> str:
    """A rule's regular expression in the folded spelling, so it matches what `fold` produces: an apostrophe is a
    space there ("doesn't" -> "doesn t", as a client pack writes its phrases), and a contraction written without its
    apostrophe matches it with one as well (`Folded` spells it that way)."""
    folded = unicodedata.normalize("NFKC", pattern).lower().translate(_FOLD).replace("'", " ").replace("\u2019", " ")
    return _CONTRACTION_IN_PATTERN.sub(
        lambda m: f"{m.group(1) or ''}(?:{m.group(2)}|{_CONTRACTIONS[m.group(2)]})", folded
    )


def spelled_out(word: str) -> str:
    """A folded word with a lost apostrophe given back as a space ("isnt" -> "isn t"); other words as they are."""
    return _CONTRACTIONS.get(word, word)


def words(text: str) -> list[str]:
    """The caller's words, lower case, punctuation gone, umlauts kept."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _NON_WORD.sub(" ", text).split()


def without_fillers(text: str) -> str:
    return " ".join(w for w in words(text) if w not in _FILLERS)


@dataclass(frozen=True)
class Folded:
    """Folded text plus where each folded word came from."""

    text: str
    original: tuple[str, ...]
    starts: tuple[int, ...]  # start offset of each word in `text`

    @classmethod
    def of(cls, raw: str) -> Folded:
        original = tuple(words(raw))
        folded_words = [spelled_out(fold(w)) or w for w in original]
        starts, pos = [], 0
        for w in folded_words:
            starts.append(pos)
            pos += len(w) + 1
        return cls(" ".join(folded_words), original, tuple(starts))

    def word_index(self, offset: int) -> int:
        index = 0
        for i, start in enumerate(self.starts):
            if start <= offset:
                index = i
            else:
                break
        return index

    def words_at(self, start: int, end: int) -> str:
        """The original words covering folded span [start, end)."""
        if not self.original:
            return ""
        first, last = self.word_index(start), self.word_index(max(start, end - 1))
        return " ".join(self.original[first : last + 1])
