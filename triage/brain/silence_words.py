"""What Whisper writes when nobody speaks: the credits and sign-offs of the subtitled videos it learned
from ("Untertitel im Auftrag des ZDF", "Untertitel der Amara.org-Community", "Thanks for watching!",
"you"). On a phone line they come while the caller is silent, thinking or looking for a number.

Taken as words they did harm: "Untertitel im Auftrag des ZDF" is a sales call by its words ("im Auftrag
des") and ended the call, and "Untertitel der Amara" was read back as the caller's name. They are
silence, and the dialogue treats them as silence (its question again, then a human).
"""

from __future__ import annotations

import re

from .text import fold

# Credits that no caller says, wherever in a turn they stand (Whisper may put one after real words).
_CREDITS = re.compile(
    r"\b(untertitel(ung)?( \w+){0,3} (im auftrag (des|der|von) \w+|der amara( org)?( community)?|des zdf|von \w+ \w+)"
    r"|amara org community|im auftrag des zdf"
    r"|subtitles by( the)? amara( org)?( community)?|copyright (wdr|swr|zdf|ard|ndr|br)( \d{4})?"
    r"|(thanks|thank you) for watching|please subscribe|like and subscribe|vielen dank fuers zuschauen"
    r"|danke fuers zuschauen|abonniert (den|meinen) kanal)\b( \d{4})?"
)
# Whole turns Whisper makes of silence that a caller would not say alone to a hotline.
_ALONE = re.compile(
    r"^(you|musik|music|applaus|applause|upbeat music|bis zum naechsten mal|tschuess und bis zum naechsten mal"
    r"|das war s fuer heute|swr \d{4}|zdf \d{4}|ard \d{4})$"
)
# "Vielen Dank.", "Thank you.": a caller may say them, but alone, while a question stands unanswered, they
# are Whisper's most frequent words on silence.
_THANKS_ALONE = re.compile(r"^(vielen dank|danke|danke schoen|dankeschoen|thank you|thanks|thank you very much)$")


def without_credits(text: str) -> tuple[str, str]:
    """The turn without Whisper's silence words, and the words taken out ("" when none were). Credits
    close a video, so what stands after them is theirs too ("..., 2017")."""
    folded = fold(text)
    if not folded or _ALONE.match(folded):  # "...", "♪": no word at all
        return "", text.strip()
    found = _CREDITS.search(folded)
    if found is None:
        return text, ""
    kept = _cut_before(text, len(folded[: found.start()].split()))
    return kept, text[len(kept) :].strip(" ,.")


def _cut_before(text: str, words: int) -> str:
    """The start of `text` that holds its first `words` folded words, as the caller's words were written."""
    if not words:
        return ""
    seen = 0
    for match in re.finditer(r"[^\W_]+", text):
        seen += len(fold(match.group()).split())
        if seen >= words:
            return text[: match.end()]
    return text


def only_thanks(text: str) -> bool:
    """ "Vielen Dank.", "Thank you." and nothing else."""
    return bool(_THANKS_ALONE.match(fold(text)))
