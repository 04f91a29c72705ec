"""Which language a call is in: it starts in the pack's first and follows the caller only on clear evidence.

Two kinds of evidence, both required before a call changes language:
- the sound: Whisper's language probability for the turn, restricted to the client's languages. It
  is unreliable on short turns: real German "Lauter." is heard as English with p 0.81 and "Ja" as
  English with p 0.36-0.67, so speech recognition decodes a turn in another language only when
  Whisper is sure over enough audio (`decode_language`), and only asks when the turn is implausible
  in the call's language (`needs_recheck`: low recognition confidence);
- the words: the function words of the transcript (`detect_language`), over enough of them. One
  short answer ("Ja.", "Yes, that's it.", "Okay") never moves a call; a sentence does.

A character n-gram model would need data we cannot download; the callers' function words are a
much stronger signal on short utterances anyway ("ja bitte", "yes please").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import fold
from .types import Lang

# Function words of each language, and its count words, which tell the language as surely ("We need two 24 inch
# monitors." has three English words: "we", "need", "two")
_DE = frozenset(
    """
    ich du er sie es wir ihr mich mir dich dir uns euch mein meine meinen meiner mein unser unsere
    ist bin sind war hat habe haben hatte wird werden kann können möchte moechte will würde wuerde
    der die das den dem des ein eine einen einem einer kein keine keinen nicht nichts auch noch schon
    und oder aber doch denn weil wenn dass dann also ja nein nee jetzt hier da dort bitte danke
    mit von zu zum zur bei im in am auf für fuer aus nach über ueber unter vor wie was wer wo wann
    warum gibt geht läuft laeuft kommt riecht brennt guten tag hallo moin servus herr frau
    sehr mal gern gerne sofort heute morgen gestern woche uhr wasser heizung bestellen termin
    zwei drei vier fünf sechs sieben acht neun zehn zwölf
    """.split()
)
_EN = frozenset(
    """
    i you he she it we they me my mine our your his her their us them is am are was were be been
    have has had do does did can could would will should may might want wanna need
    the a an no not nothing also still already and or but because if that then so yes yeah yep
    nope now here there please thanks thank with of to for at on by from about into how what who
    where when why there's it's i'm i've don't can't won't hello hi good morning afternoon evening
    this just some any water heating order appointment today tomorrow week like um uh
    dont cant wont ive isnt doesnt didnt wasnt arent youre hes shes theyre thats whats theres
    scared afraid frightened terrified sorry help someone somebody anyone really very
    two three four five six seven eight nine ten twelve
    """.split()
)
# A turn that opens with one of these and is at most SHORT_ANSWER_WORDS long answers a question.
_ANSWER_OPENERS = frozenset(
    "ja jo jawohl nein nee genau richtig stimmt okay ok danke bitte yes yeah yep no nope sure right correct thanks"
    " please".split()
)
SHORT_ANSWER_WORDS = 4
_DE_FOLDED = frozenset(fold(w) for w in _DE)
_EN_FOLDED = frozenset(fold(w) for w in _EN)
_EN_ONLY = _EN_FOLDED - _DE_FOLDED

# A call changes language on a turn of at least this many words, with at least this many more
# function words of the new language than of the old one.
SWITCH_MIN_WORDS = 3
SWITCH_MARGIN = 3
# Speech recognition re-checks a turn's language when its confidence in the call's language is
# below this (speech/engines.py Transcript.confidence: English sentences forced into German scored
# 0.15-0.52, the same decoded in English 0.71-0.95). A re-check costs one more encoder pass.
RECHECK_BELOW = 0.6
# ... and decodes it in another of the client's languages only when Whisper gives that language at
# least this probability over at least this much audio.
DECODE_OTHER_MIN_PROBABILITY = 0.9
DECODE_OTHER_MIN_SECONDS = 1.0
# ... or, over a sentence, at least this share of the client's languages' probability: on the phone line
# Whisper spreads English speech over many languages (the bench's 2.9 s English sentence: English 0.83 of
# all 99, 0.9998 of English and German), and decoding it in German too doubled the first turn's decode.
# The 59 German clips through the phone line (`python tests/measure_language_shares.py`): an English share
# of at most 0.91 from 2.0 s up (0.98-0.9995 only in clips under 1 s); the 5 English ones 0.997-1.0.
DECODE_OTHER_MIN_SHARE = 0.99
DECODE_OTHER_BY_SHARE_MIN_SECONDS = 2.0


# A letter spelled with a word, "S as in Sierra", "P wie Paula": the words of the spelling alphabet, not the
# caller's language ("in" is a German word too: seven letters spelled in English turned a call to German).
# On the phone line Whisper base writes "S as in Sierra" as "S's in Sierra" (`triage eval-calls --spoken`).
_SPELLED_LETTER = re.compile(
    r"(?<![^\W\d_])[^\W\d_](?:\s+as|['’]s)?\s+(?:in|for|wie|für)\s+[^\W\d_]+", re.IGNORECASE
)


def _counts(text: str) -> tuple[int, int, int]:
    """(German evidence, English evidence, words); a short answer counts as no words, a spelled letter none."""
    text = _SPELLED_LETTER.sub(" ", text)
    lowered = text.lower()
    tokens = fold(text).split()
    # "im so scared": the recogniser writes "I'm" as "im" with no apostrophe; before an English-only word it is not the
    # German "im" ("im Keller")
    english_im = sum(
        t == "im" and i + 1 < len(tokens) and tokens[i + 1] in _EN_ONLY for i, t in enumerate(tokens)
    )
    de = sum(t in _DE_FOLDED for t in tokens) + sum(any(ch in "äöüß" for ch in w) for w in lowered.split()) - english_im
    en = sum(t in _EN_FOLDED for t in tokens) + english_im
    if tokens and tokens[0] in _ANSWER_OPENERS and len(tokens) <= SHORT_ANSWER_WORDS:
        return de, en, 0
    return de, en, len(tokens)


def detect_language(text: str, allowed: tuple[str, ...] = ("de", "en"), default: str | None = None) -> str:
    """The language the caller speaks, among the client's languages, from their words.

    Without a `default` (the call's language so far) the words simply decide, ties going to the
    client's first language. With one, the call keeps it unless the turn has SWITCH_MIN_WORDS words,
    is no short answer, and has clearly more of another language's function words: "Yes, that's it."
    or "Ja, gerne" never moves a call.
    """
    fallback = default if default in allowed else allowed[0]
    if len(allowed) == 1:
        return allowed[0]
    de, en, words = _counts(text)
    margin = 1 if default not in allowed else SWITCH_MARGIN
    if default in allowed and words < SWITCH_MIN_WORDS:
        return fallback
    if de - en >= margin and "de" in allowed:
        return "de"
    if en - de >= margin and "en" in allowed:
        return "en"
    return fallback


def follow_heard_language(text: str, allowed: tuple[str, ...], current: str, heard: str | None) -> str:
    """The call's language after a turn speech recognition decoded in `heard`: that language when it
    is another of the client's, the turn is a sentence (SWITCH_MIN_WORDS, no short answer) and its
    words have more of that language's function words than of the call's. Speech recognition decodes
    a turn in another language only when the call's gave implausible words or Whisper was sure of the
    sound (speech/engines.py), so the words need no SWITCH_MARGIN: "She had a dark suit in greasy
    washwater all year." (English 3, German 1) kept an English caller in German for the whole call."""
    if heard is None or heard == current or heard not in allowed or current not in allowed:
        return current
    de, en, words = _counts(text)
    counts = {"de": de, "en": en}
    if words >= SWITCH_MIN_WORDS and counts.get(heard, 0) > counts.get(current, 0):
        return heard
    return current


def needs_recheck(confidence: float) -> bool:
    """Was this turn implausible in the call's language, so that its language is worth re-checking?"""
    return confidence < RECHECK_BELOW


def decode_language(current: str, probabilities: Iterable[tuple[str, float]], audio_seconds: float) -> str:
    """The language to decode a turn in first: another of the client's languages only when Whisper is
    sure of it over enough audio (`probabilities` of the client's languages, as Whisper gives them);
    otherwise the call's language."""
    probabilities = list(probabilities)
    best, p = max(probabilities, key=lambda lp: lp[1], default=(current, 0.0))
    if best == current:
        return current
    if p >= DECODE_OTHER_MIN_PROBABILITY and audio_seconds >= DECODE_OTHER_MIN_SECONDS:
        return best
    total = sum(q for _, q in probabilities)
    if total > 0 and p / total >= DECODE_OTHER_MIN_SHARE and audio_seconds >= DECODE_OTHER_BY_SHARE_MIN_SECONDS:
        return best
    return current


# The caller asks for a language in words: "können Sie auch Englisch?", "my German is not so good", "auf Deutsch
# bitte", "I don't speak German". Stronger than any count of function words: the call follows at once.
_ASKS_FOR: dict[Lang, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(koennen|sprechen|spricht|versteh\w*) (sie |du |jemand |man )?(auch |hier |da )?englisch"
        r"|\b(geht|ginge|gehts|geht s|koennen wir)( das| es)?( auch| bitte)? (auf )?englisch"
        r"|\b(lieber |bitte |gern |gerne )?auf englisch( bitte| weiter| sprechen| reden)?\b"
        r"|\b(do|can|could) (you|we|someone|anybody|anyone) (speak|talk|do this|continue) (in )?english"
        r"|\b(in )?english,? please\b|\bin english\b|\b(anyone|someone|somebody) (there )?who speaks english"
        r"|\bjemand,? der (auch )?englisch spricht"
        r"|\b(my|mein) (german|deutsch) (is|isn t|ist)( not| nicht)?( so| very| sehr)? (good|gut|bad|schlecht)"
        r"|\bi (don t|do not|can t|cannot) (speak|understand) (much |any |good )?german\b"
        r"|\bkein (gutes )?deutsch\b|\bnicht (so )?gut deutsch\b|\bno (german|deutsch)\b"
    ),
    "de": re.compile(
        r"\b(koennen|sprechen|spricht) (sie |du |wir |jemand )?(auch |hier |da )?deutsch"
        r"|\b(geht|ginge|gehts|geht s)( das| es)?( auch| bitte)? (auf )?deutsch"
        r"|\b(lieber |bitte |gern |gerne )?auf deutsch( bitte| weiter| sprechen| reden)?\b"
        r"|\b(do|can|could) (you|we|someone|anybody|anyone) (speak|talk|do this|continue) (in )?german"
        r"|\b(in )?german,? please\b|\bin german\b|\b(anyone|someone|somebody) (there )?who speaks german"
        r"|\bjemand,? der (auch )?deutsch spricht"
        r"|\b(my|mein) (english|englisch) (is|isn t|ist)( not| nicht)?( so| very| sehr)? (good|gut|bad|schlecht)"
        r"|\bich (spreche|kann|verstehe) (kein|nicht so gut|nicht gut|nur wenig|wenig) englisch"
        r"|\bkein (gutes )?englisch\b|\bnicht (so )?gut englisch\b"
    ),
}
_AROUND_THE_ASK = frozenset(
    "hallo hello hi hey sorry entschuldigung entschuldigen sie excuse me bitte please ja yes oh aeh aehm uh um "
    "also well ok okay und and but aber so is it possible ist das moeglich".split()
)


def asked_for(text: str) -> Lang | None:
    """The one language the caller asks for in words, if exactly one (None when none or both). Whether the client
    offers it is the dialogue's matter: one it does not offer is answered, never switched to."""
    folded = fold(text)
    wanted = [lang for lang, pattern in _ASKS_FOR.items() if pattern.search(folded)]
    return wanted[0] if len(wanted) == 1 else None


def only_asks_for(text: str, lang: Lang) -> bool:
    """The turn asks for the language and nothing else ("Hallo, können Sie auch Englisch? Sorry, my German is not
    so good"): the bot's question comes again, in that language."""
    rest = _ASKS_FOR[lang].sub(" ", fold(text))
    for pattern in _ASKS_FOR.values():
        rest = pattern.sub(" ", rest)
    return len([w for w in rest.split() if w not in _AROUND_THE_ASK]) <= 2
