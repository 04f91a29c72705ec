"""Shared vocabulary of the extractors and the prepared text (numbers as digits, offsets back to the words as said)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import Span, apply_spans, number_spans, ordinal_spans


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FILLERS_BOTH = _wordset("äh ähm ähmm ääh ehm öhm hm hmm mhm uh uhm umm erm ah")
# "um" and "er" are fillers in English but words in German ("um 10 uhr", "er kommt").
_FILLERS = {"de": _FILLERS_BOTH, "en": _FILLERS_BOTH | {"um", "er"}}
_GREETINGS = _wordset(
    "hallo hello hi hey hallöchen guten gute tag morgen abend good morning afternoon evening grüß gruess "
    "grüss gott moin servus schönen yes ja jo jawohl yeah yep yup okay ok also so well na nun ach oh und and "
    "genau richtig korrekt nein nee ne doch no nope right correct exactly sure gut klar"
)
_LETTERS = "a-zäöüß"

# Words that are never (part of) a name, so "ich bin krank" or "this is urgent" yield no name.
_NOT_NAME = _wordset(
    """
    ich du er sie es wir ihr mich mir dich dir uns euch ihnen sich man mein meine meinen meinem meiner dein
    deine sein seine ihre unser unsere der die das den dem des ein eine einen einem einer eines kein keine
    keinen nicht nichts auch noch schon nur mal bitte danke dann denn aber oder und weil dass wenn ob als
    wie was wer wo wann warum wieso weshalb welche welcher welches hier da dort jetzt gerade heute morgen
    gestern sofort schnell bei mit von vom zu zum zur in im an am auf aus für über unter nach vor hinter
    neben um gegen ohne bis seit durch so sehr ganz gar etwas alles alle viel mehr weniger immer wieder
    leider eigentlich vielleicht halt eben einfach bin ist sind war waren bist habe hab hat haben hatte
    möchte moechte will wollte würde wuerde könnte koennte kann können muss müssen soll sollte brauche
    brauchen weiß weiss wissen glaube denke sage sagen rufe rufen anrufen angerufen warte warten komme
    kommen gehe geht gehen läuft laeuft tropft brennt riecht steht gibt wohne wohnt weg kaputt dringend
    notfall hilfe problem frage moment sekunde augenblick sorry entschuldigung verzeihung ahnung egal gut
    schlecht okay ok genau richtig falsch stimmt wasser gas feuer rauch strom heizung keller wohnung haus
    bad küche toilette rohr rohrbruch leitung bestellung termin rechnung anruf name namen nummer telefon
    adresse straße firma praxis apotheke kanzlei notdienst mitarbeiter mensch jemand niemand mutter vater
    sohn tochter mann ehemann ehefrau nachbar nachbarin mieter mieterin vermieter hausmeister chef kunde
    kundin verzweifelt krank allein unterwegs zuhause hause daheim fertig müde sicher besorgt panik angst
    ja nein jein hallo tschüss null eins zwei drei vier fünf sechs sieben acht neun zehn
    i me my mine you your he him his she her it its we us our they them their a an the this that these
    those is am are was were be been being have has had do does did don't dont not no yes yeah okay
    please thanks thank sorry hello hi hey just really very so and or but because if when what who where
    why how which here there now today tomorrow yesterday calling call about from with for at on in of
    to by up down out over wait hold hang sec second moment minute know sure think need want would like
    could can will gonna going trying looking still also urgent emergency help problem issue fine good
    bad home back water gas fire smoke leak leaking flooding flood burst pipe heating boiler order
    appointment invoice number name address street anyone someone somebody nobody person human agent
    afraid worried scared confused sick ill alone stuck locked late ready done happy glad speaking well
    right correct exactly what's that's there's i'm it's other same one two three four five six seven
    eight nine ten new old upset angry annoyed frustrated tired terrified frightened desperate
    pregnant elderly disabled outside inside upstairs downstairs unsure lost trapped injured hurt
    bleeding dying freezing cold hot wet broken everywhere gone coming dripping dangerous serious worse
    better off blocked clogged empty full dead early ridiculous terrible awful unacceptable crazy
    important impossible customer tenant landlord neighbour neighbor wife husband mother father son
    daughter friend neu alt froh sauer wütend enttäuscht schwanger verletzt alleine überschwemmung
    wasserschaden stromausfall kurzschluss brand einbruch überflutung verstopfung heizungsausfall
    leck undicht nass kalt warm heiß überall total komplett ganze abholen abholung liefern lieferung
    bestellen reservieren vorbeikommen zurückrufen wars passt korrekt stornieren abbrechen pickup collect
    collection deliver delivery reserve cancel operator super perfekt prima exakt wunderbar bestens
    absolutely perfect great lovely cool alright yup yep actually eigentlich korrektur correction
    i'll i've i'd we'll we're we've you're you'll they're it'll that'll let's can't won't didn't isn't
    wasn't doesn't he's she's pick get fetch
    """
)
# Words above that are also common surnames: after a first name, at the end of the answer or before a
# comma, they are the surname ("Marion Keller", "Thomas Mann"), not the word that ends the name.
SURNAME_WORDS = _wordset("keller mann haus brand sohn kunde")
_TITLES = {
    "herr": "Herr", "herrn": "Herr", "frau": "Frau", "dr": "Dr.", "doktor": "Dr.", "doctor": "Dr.",
    "prof": "Prof.", "professor": "Prof.", "mr": "Mr", "mister": "Mr", "mrs": "Mrs", "ms": "Ms",
    "miss": "Miss",
}  # fmt: skip
_ABBREVIATION_DOT = re.compile(r"\b(dr|prof|mr|mrs|ms|str|nr)\.")


@dataclass(frozen=True)
class _Text:
    """The caller's words lower case with numbers as digits, and the way back to the words as said."""

    raw: str
    text: str
    spans: tuple[Span, ...]

    def _back(self, pos: int, is_end: bool) -> int:
        offset = 0
        for start, end, replacement in self.spans:
            new_start = start + offset
            new_end = new_start + len(replacement)
            if pos < new_start or (pos == new_start and is_end):
                break
            if pos < new_end or (pos == new_end and is_end):
                return end if is_end else start
            offset += len(replacement) - (end - start)
        return pos - offset

    def said(self, start: int, end: int) -> str:
        """The caller's own words behind text[start:end]."""
        return self.raw[self._back(start, False) : self._back(end, True)].strip(" ,;:!?")


def _lower(text: str) -> str:
    """Lower case that keeps every offset (a few characters grow when lowered, e.g. "İ")."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] or c for c in text)


@lru_cache(maxsize=256)
def _prepare(text: str, lang: str, ordinals: bool = False) -> _Text:
    """Cached: `extract_entities` asks every extractor about the same utterance."""
    raw = text.replace("’", "'")
    low = _lower(raw)
    spans = ordinal_spans(low, lang) if ordinals else []
    masked = apply_spans(low, [(s, e, "\0" * (e - s)) for s, e, _ in spans])
    spans += number_spans(masked, lang, split_values=True, skip=_FILLERS[_lang(lang)])
    spans.sort()
    return _Text(raw, apply_spans(low, spans), tuple(spans))


def _lang(lang: str) -> str:
    return "de" if lang == "de" else "en"


def _filler_pattern(lang: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(_FILLERS[lang], key=len, reverse=True)) + r")\b[,.]?")


_FILLER_RE = {lang: _filler_pattern(lang) for lang in _FILLERS}


def _without_fillers(text: str, lang: str) -> str:
    return " ".join(_FILLER_RE[_lang(lang)].sub(" ", text).split())


_LEAD_TOKEN = re.compile(r"\s*(?:([^\W\d_]+(?:'[^\W\d_]+)?)|[^\w\s])")


def _after_lead(text: str, extra: frozenset[str] = frozenset()) -> int:
    """Where the message starts after greetings, fillers, yes/no and punctuation."""
    pos = 0
    skip = _GREETINGS | _FILLERS["en"] | extra
    while m := _LEAD_TOKEN.match(text, pos):
        if m.group(1) is not None and m.group(1) not in skip:
            break
        pos = m.end()
    return len(text) - len(text[pos:].lstrip())


def _capitalise(word: str) -> str:
    """ "anna-lena" -> "Anna-Lena", "o'connor" -> "O'Connor" (a one-letter prefix before the apostrophe)."""
    parts = []
    for part in word.split("-"):
        head, apostrophe, tail = part.partition("'")
        if apostrophe and len(head) == 1 and tail:
            parts.append(f"{head.upper()}'{tail[:1].upper()}{tail[1:]}")
        else:
            parts.append(part[:1].upper() + part[1:])
    return "-".join(parts)
