"""Details a caller gives in passing: name, callback number, address, when, and what they order.

Text comes from speech recognition: lower case, little punctuation, fillers ("ähm", "uh"),
numbers as words. Every extractor is a small set of patterns over that text, tuned to miss
rather than to invent: a wrong callback number or address read back to a stressed caller costs
more than asking once more. `expecting` says what the bot has just asked for; only then is a
bare answer ("müller", "vierzehn") taken for that detail. Patterns compile at import; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from difflib import SequenceMatcher
from functools import lru_cache

from ..packs.schema import CatalogItem
from .numbers import Span, apply_spans, number_spans, ordinal_spans, parse_quantity, words_to_digits
from .types import Address, Entities, OrderLine

__all__ = [
    "catalog_from_rows",
    "extract_address",
    "extract_entities",
    "extract_name",
    "extract_phone",
    "extract_when",
    "match_order",
    "parse_quantity",
    "words_to_digits",
]

# ---------------------------------------------------------------------------------------------------
# Shared vocabulary and the prepared text
# ---------------------------------------------------------------------------------------------------


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
    collection deliver delivery reserve cancel operator
    """
)
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
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


# ---------------------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------------------

_PLUS = re.compile(r"\bplus\s*(?=\d)")
_DIGIT_GROUP = re.compile(r"\+?\d+")
# What may stand between the digit groups of one number: "040/123456-7", "(030) 1234 567", "0171, 23".
_GAP = re.compile(r"[ \t]*(?:[/\-()][ \t]*){0,3}|,[ \t]+")
_PHONE_CUE = re.compile(
    r"telefon|handy|mobil|festnetz|rückruf|rueckruf|erreichbar|erreichen|anrufen|zurückrufen"
    r"|ruf(?:en sie)? mich"
    r"|(?<!haus)(?<!kunden)(?<!bestell)(?<!auftrags)(?<!rechnungs)(?<!vertrags)nummer\b"
    r"|phone|mobile|cell|call me|reach me|call back|callback|ring me"
    r"|(?<!house )(?<!order )(?<!customer )(?<!account )(?<!invoice )(?<!reference )number"
)
_NOT_PHONE = re.compile(
    r"(?:hausnummer|hausnr|postleitzahl|plz|kundennummer|bestellnummer|auftragsnummer|rechnungsnummer"
    r"|vertragsnummer|house number|zip code|zip|postcode|postal code|order number|customer number"
    r"|account number|invoice number|reference number)\W*(?:ist|is|lautet|wäre)?\W*$"
)
_TRUNK_ZERO = re.compile(r"^\+(49|43|41|44)0")  # "+49 0171 ..." dials as "+49 171 ..."


def _phone_text(text: str, lang: str) -> str:
    prepared = _prepare(text, lang).text
    return _PLUS.sub("+", _without_fillers(_ABBREVIATION_DOT.sub(r"\1", prepared), lang))


def _digit_runs(text: str) -> list[list[re.Match[str]]]:
    """Digit groups that belong together: only separators a written number uses lie between them."""
    runs: list[list[re.Match[str]]] = []
    for group in _DIGIT_GROUP.finditer(text):
        joined = (
            runs
            and not group.group().startswith("+")
            and _GAP.fullmatch(text[runs[-1][-1].end() : group.start()]) is not None
        )
        if joined:
            runs[-1].append(group)
        else:
            runs.append([group])
    return runs


def _run_number(text: str, run: list[re.Match[str]], expecting: bool) -> tuple[int, str] | None:
    """The phone number a run of digit groups spells, with where it starts, or None.

    A number starts at a group with "+" or "0"; anything before it (a house number) is not part of
    it. Without such a start only a long run, a run after "nummer"/"number" or an expected answer
    counts: a postcode, a quantity or a year never does.
    """
    start = next((k for k, g in enumerate(run) if g.group()[0] in "+0" and len(g.group()) > 1), None)
    digits_in_run = sum(len(g.group()) for g in run)
    if start is None:
        cue = _PHONE_CUE.search(text[max(0, run[0].start() - 60) : run[0].start()])
        if not (expecting or cue or digits_in_run >= 10):
            return None
        start = 0
    begin = run[start].start()
    if _NOT_PHONE.search(text[:begin]):
        return None
    number = ""
    for k, group in enumerate(run[start:]):
        enclosed = text[group.start() - 1 : group.start()] == "(" and text[group.end() : group.end() + 1] == ")"
        if k == 1 and group.group() == "0" and enclosed and number.startswith("+"):
            continue  # "+49 (0) 40 ..."
        number += group.group()
    if number.startswith("00"):
        number = "+" + number[2:]
    number = _TRUNK_ZERO.sub(r"+\1", number)
    if not 6 <= len(number.lstrip("+")) <= 15:
        return None
    return begin, number


def _find_phone(text: str, expecting: bool) -> tuple[int, int, str] | None:
    """The last phone number in prepared text (callers correct themselves), with its span."""
    found = None
    for run in _digit_runs(text):
        number = _run_number(text, run, expecting)
        if number:
            found = (number[0], run[-1].end(), number[1])
    return found


def extract_phone(text: str, lang: str, *, expecting: bool = False) -> str | None:
    """A callback number: "+49..." with the plus, national numbers as digits from the leading 0.

    `expecting` (the bot asked for the number) also accepts a local number without area code.
    """
    found = _find_phone(_phone_text(text, lang), expecting)
    return found[2] if found else None


# ---------------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------------

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


def extract_name(text: str, lang: str, expecting: bool = False) -> str | None:
    """The caller's name from "mein name ist ...", "hier ist ...", "my name is ...", "this is ...".

    With `expecting` (the bot asked for the name) a bare answer ("ähm anna schmidt", "müller mit
    ü") is the name too, unless it reads like anything else: digits, "ich weiß nicht", "wait".
    """
    t = _name_text(text)
    found = None
    for cue in _NAME_CUE.finditer(t):
        found = _format_name(_name_words(t[cue.end() :], lang)[0], opening=False) or found
    if found:
        return found
    lead = _after_lead(t)
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


# ---------------------------------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------------------------------

_STREET_STRONG = r"stra(?:ß|ss)e|str\.?|allee|gasse|chaussee"
_STREET_WEAK = r"weg|platz|ring|damm|ufer|steig|stieg|pfad"
_NOT_STREETS = _wordset(
    "parkplatz arbeitsplatz sitzplatz stellplatz spielplatz umweg ausweg rückweg heimweg hinweg abweg "
    "fußweg radweg gehweg feldweg"
)
# Said after a number, these make it a quantity, time or measure, not a house number.
_NOT_HOUSE = (
    r"(?!\s*(?:uhr|stück|stk|packung|packungen|mal|euro|eur|€|cm|zentimeter|meter|m\b|grad|%|tag|tage|tagen"
    r"|woche|wochen|minuten|stunden|jahr|jahre|jahren|liter|kilo|kg|personen|leute|x\b|o'clock"
    r"|days|weeks|hours|minutes|years|pieces|packs|people))"
)
_HOUSE_NUMBER = rf"(?P<num>\d{{1,4}}(?:\s?[a-h](?![{_LETTERS}\d]))?(?:\s?[-/]\s?\d{{1,4}})?)(?!\d){_NOT_HOUSE}"
_HOUSE_AFTER = re.compile(rf"\s*,?\s*(?:(?:hausnummer|nummer|nr|number|no)\.?\s*)?{_HOUSE_NUMBER}")
_COMPOUND_STREET = re.compile(
    rf"\b(?P<street>[{_LETTERS}]{{3,}}(?:-[{_LETTERS}]+)*-?(?P<suffix>{_STREET_STRONG}|{_STREET_WEAK}))"
    rf"(?![{_LETTERS}])"
)
_TWO_WORD_STREET = re.compile(
    rf"\b(?P<first>[{_LETTERS}]+(?:-[{_LETTERS}]+)*)\s+(?P<suffix>{_STREET_STRONG}|{_STREET_WEAK}|markt)"
    rf"(?![{_LETTERS}])"
)
_PREPOSITION_STREET = re.compile(
    r"\b(?P<prep>am|an der|an den|auf der|auf dem|in der|in den|zum|zur|unter den|hinter der|hinter dem)"
    rf"\s+(?P<name>[{_LETTERS}]{{3,}})(?![{_LETTERS}])"
)
_EN_STREET_TYPES = {
    "street": "Street", "road": "Road", "rd": "Road", "avenue": "Avenue", "ave": "Avenue", "lane": "Lane",
    "ln": "Lane", "drive": "Drive", "dr": "Drive", "boulevard": "Boulevard", "blvd": "Boulevard",
    "crescent": "Crescent", "terrace": "Terrace", "close": "Close", "court": "Court", "place": "Place",
    "square": "Square", "way": "Way", "grove": "Grove", "gardens": "Gardens", "row": "Row", "st": "Street",
}  # fmt: skip
# Everyday words too: these name a street only with a house number in front.
_EN_WEAK_TYPES = _wordset("close court place square way grove gardens row drive dr st")
_EN_STREET = re.compile(
    r"(?:\b(?P<num>\d{1,5}[a-z]?)\s+)?(?P<name>(?:[a-z][a-z'-]*\s+){1,3}?)"
    r"(?P<type>" + "|".join(_EN_STREET_TYPES) + r")\b\.?"
)
_CITY = (
    rf"(?P<city>(?:(?:bad|sankt|st|new|san|los|las|le|la)\s+)?[{_LETTERS}]{{3,}}(?:-[{_LETTERS}]+)*"
    r"(?:\s+(?:am main|an der oder|an der ruhr|im breisgau|upon thames|upon tyne))?)"
)
_CITY_SUFFIX = re.compile(r"\s+(?:am|an der|im|upon)\s.*$")
_POSTCODE = re.compile(rf"(?<![\d+])\b(?P<plz>\d{{5}})\b(?!\d)(?:\s*,?\s*{_CITY})?")
_POSTCODE_CUE = re.compile(r"(?:\bin|plz|postleitzahl|zip|zip code|postcode|post code|postal code)\W*$")
_CITY_AFTER = re.compile(rf"\s*,?\s*(?:in\s+)?{_CITY}")
_IN_CITY = re.compile(rf"\bin\s+{_CITY}")
_HOUSE_ONLY = re.compile(rf"\b(?:hausnummer|hausnr|house number)\s*(?:ist|is|wäre|lautet)?\s*{_HOUSE_NUMBER}")
_BARE_HOUSE = re.compile(rf"(?:(?:die |the )?(?:nummer|number|nr)\s*(?:ist|is)?\s*)?{_HOUSE_NUMBER}\W*")
_NOT_PLACE = _wordset(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday "
    "saturday sunday januar februar märz april mai juni juli august september oktober november dezember "
    "january february march june july october december morgen abend mittag vormittag nachmittag nacht "
    "morning afternoon evening night ende anfang moment telefon apparat stück euro uhr packungen packung "
    "keller dach boden bad küche garten flur hof wohnung haus erdgeschoss obergeschoss etage stock erster "
    "zweiter dritter vierter hinterhaus vorderhaus links rechts oben unten klingel floor flat apartment"
)
_LOWER_IN_NAMES = _wordset("der die den dem des am an im in upon on of von zu")


def _placename_ok(city: str) -> bool:
    """ "Frankfurt am Main" is a city, "Bitte" and "Montag" are not."""
    core = _CITY_SUFFIX.sub("", city)
    return all(w not in _NOT_NAME and w not in _NOT_PLACE for w in core.split())


def _street_case(words: str) -> str:
    """ "an der alster" -> "An der Alster", "berliner straße" -> "Berliner Straße"."""
    parts = words.split()
    return " ".join(p if i and p in _LOWER_IN_NAMES else _capitalise(p) for i, p in enumerate(parts))


def _expand_str(street: str) -> str:
    return re.sub(r"(?i)str\.?$", "straße", street)


def _house(match: re.Match[str] | None) -> str | None:
    return re.sub(r"\s+", "", match.group("num")) if match else None


@dataclass
class _Found:
    street: str
    end: int  # where the street (and its house number) ends in the text
    number: str | None = None


def _street_at(t: str, street: str, m: re.Match[str]) -> tuple[_Found, bool]:
    """The street with the house number said right after it, and whether there was one."""
    house = _HOUSE_AFTER.match(t, m.end())
    return _Found(_street_case(street), house.end() if house else m.end(), _house(house)), house is not None


def _german_street(t: str, expecting: bool) -> _Found | None:
    """ "goethestraße 14", "berliner straße 5a", "am markt 3"; streets ending in an everyday word
    ("weg", "platz", "markt", "am ...") only with a house number."""
    for m in _COMPOUND_STREET.finditer(t):
        found, numbered = _street_at(t, _expand_str(m.group("street")), m)
        weak = re.fullmatch(_STREET_WEAK, m.group("suffix")) is not None
        if m.group("street") not in _NOT_STREETS and (numbered or not weak):
            return found
    for m in _TWO_WORD_STREET.finditer(t):
        found, numbered = _street_at(t, f"{m.group('first')} {_expand_str(m.group('suffix'))}", m)
        strong = re.fullmatch(_STREET_STRONG, m.group("suffix")) is not None
        if m.group("first") not in _NOT_NAME and (numbered or strong):
            return found
    for m in _PREPOSITION_STREET.finditer(t):
        found, numbered = _street_at(t, f"{m.group('prep')} {m.group('name')}", m)
        name = m.group("name")
        if name not in _NOT_NAME and name not in _NOT_PLACE and (numbered or expecting):
            return found
    return None


def _english_street(t: str) -> _Found | None:
    """ "12 baker street", "on abbey road"; words before the name that cannot be part of it are cut."""
    for m in _EN_STREET.finditer(t):
        words = m.group("name").split()
        stop = max((i for i, w in enumerate(words) if w in _NOT_NAME), default=-1)
        kept = words[stop + 1 :]
        number = m.group("num") if stop < 0 else None
        kind = m.group("type")
        if not kept or (kind in _EN_WEAK_TYPES and not number):
            continue
        street = " ".join(_capitalise(w) for w in kept) + " " + _EN_STREET_TYPES[kind]
        house = _HOUSE_AFTER.match(t, m.end()) if not number else None
        return _Found(street, house.end() if house else m.end(), number or _house(house))
    return None


def _postcode(t: str, street: _Found | None, expecting: bool) -> tuple[str | None, str | None]:
    for m in _POSTCODE.finditer(t):
        city = m.group("city") if m.group("city") and _placename_ok(m.group("city")) else None
        cued = _POSTCODE_CUE.search(t[max(0, m.start() - 20) : m.start()]) is not None
        if street or cued or expecting or city:
            return m.group("plz"), _street_case(city) if city else None
    return None, None


def _city(t: str, street: _Found | None, expecting: bool) -> str | None:
    if street:
        m = _CITY_AFTER.match(t, street.end)
        if m and _placename_ok(m.group("city")):
            return _street_case(m.group("city"))
    if street or expecting:
        for m in _IN_CITY.finditer(t):
            if _placename_ok(m.group("city")) and (street is None or m.start() >= street.end):
                return _street_case(m.group("city"))
    return None


def _address_text(text: str, lang: str) -> str:
    t = _PLUS.sub("+", _without_fillers(_prepare(text, lang).text, lang))
    phone = _find_phone(t, expecting=False)
    if phone:
        t = t[: phone[0]] + " " + t[phone[1] :]
    return t


def _bare_address(t: str) -> Address:
    rest = t[_after_lead(t, frozenset({"es", "ist", "is", "it's", "die", "the"})) :]
    house = _BARE_HOUSE.fullmatch(rest)
    if house:
        return Address(house_number=_house(house))
    postcode = _POSTCODE.fullmatch(rest.rstrip(" .!"))
    if postcode:
        city = postcode.group("city")
        return Address(postcode=postcode.group("plz"), city=_street_case(city) if city else None)
    return Address()


def extract_address(text: str, lang: str, expecting: bool = False) -> Address:
    """Street, house number, postcode and city, as far as the caller said them.

    A house number alone counts when the caller says "hausnummer"/"house number" or when the bot
    asked for the address (a correction such as "nein, vierzehn"); a city alone ("in hamburg") only
    when asked.
    """
    t = _address_text(text, lang)
    street = _german_street(t, expecting) or _english_street(t)
    postcode, city = _postcode(t, street, expecting)
    city = city or _city(t, street, expecting)
    if street:
        return Address(street.street, street.number, postcode, city)
    house = _HOUSE_ONLY.search(t)
    if house:
        return Address(house_number=_house(house), postcode=postcode, city=city)
    if postcode or city:
        return Address(postcode=postcode, city=city)
    return _bare_address(t) if expecting else Address()


# ---------------------------------------------------------------------------------------------------
# Dates and times
# ---------------------------------------------------------------------------------------------------

_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "december": 12,
}  # fmt: skip
_PARTS_OF_DAY = {
    "früh": "morning", "frueh": "morning", "morgen": "morning", "morgens": "morning", "vormittag": "forenoon",
    "vormittags": "forenoon", "mittag": "noon", "mittags": "noon", "nachmittag": "afternoon",
    "nachmittags": "afternoon", "abend": "evening", "abends": "evening", "nacht": "night", "nachts": "night",
    "morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
    "lunchtime": "noon", "tonight": "evening",
}  # fmt: skip
_RELATIVE_DAYS = {
    "heute": 0, "morgen": 1, "übermorgen": 2, "uebermorgen": 2, "gestern": -1, "vorgestern": -2,
    "today": 0, "tonight": 0, "tomorrow": 1, "the day after tomorrow": 2, "day after tomorrow": 2,
    "yesterday": -1, "the day before yesterday": -2, "day before yesterday": -2, "this": 0,
}  # fmt: skip


def _alternatives(words: object) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_WD = _alternatives(_WEEKDAYS)
_MON = _alternatives(_MONTHS)
_DE_POD = r"früh|frueh|morgen|vormittag|mittag|nachmittag|abend|nacht"
_EN_POD = r"morning|afternoon|evening|night"
_NOT_CLOCK = (
    r"(?!\s*(?:tage|tagen|wochen|monate|monaten|jahre|jahren|stück|packungen|packung|euro|mal|x\b|%|prozent"
    r"|minuten|stunden|personen|leute|days|weeks|months|years|hours|minutes|times|people|pieces|packs|percent))"
)
_HM = r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?"

_DE_RULES: list[tuple[str, str]] = [
    ("relative", rf"(?<!guten )(?<!schönen )\b(?P<rel>übermorgen|uebermorgen|vorgestern|gestern|heute|morgen)"
                 rf"(?:\s+(?P<pod>{_DE_POD})s?)?\b"),
    ("weekday", rf"\b(?:am\s+)?(?:(?P<mod>nächsten|nächste|naechsten|kommenden|kommende|diesen|diese|letzten"
                rf"|vergangenen)\s+)?(?:(?P<nw1>nächste|naechste|kommende) woche\s+)?(?P<wd>{_WD})"
                rf"(?P<pod>{_DE_POD})?s?\b"
                r"(?P<nw2>\s+(?:in der )?(?:nächsten|nächste|naechste|kommende) woche)?"
                rf"(?:\s+(?P<pod2>{_DE_POD})s?\b)?"),
    ("month_day", rf"\b(?:(?:am|den|dem|vom|zum)\s+)?(?P<d>\d{{1,2}})\.?\s*(?P<mon>{_MON})\b"
                  r"(?:\s+(?P<y>\d{4}))?"),
    ("numeric", r"\b(?:(?:am|den|dem|vom|zum)\s+)?(?P<d>\d{1,2})\.\s?(?P<mo>\d{1,2})\."
                r"(?:\s?(?P<y>\d{4}|\d{2})\b)?"),
    ("day_only", r"\b(?:am|den|zum)\s+(?P<d>\d{1,2})\.(?!\s?\d)(?!\s*mal\b)"),
    ("in_days", r"\bin\s+(?P<n>\d{1,2}|einer|einem|eine|ein)\s+(?P<unit>tag|tagen|woche|wochen)\b"),
    ("pod", r"(?<!guten )(?<!schönen )\b(?:(?:am|in der|gegen)\s+)?(?P<pod>morgens|vormittags?|mittags?"
            r"|nachmittags?|abends?|nachts?|(?<=in der )früh)\b"),
    ("pod", r"\b(?:am|gegen)\s+(?P<pod>morgen)\b"),
    ("range", r"\b(?:zwischen|von)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?:uhr\s*)?(?:und|bis)\s+"
              r"(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?(?:\s*uhr)?\b"),
    ("half", r"\b(?:(?:um|gegen|ab|bis)\s+)?halb\s+(?P<h>\d{1,2})\b"),
    ("quarter", r"\b(?:(?:um|gegen|ab|bis)\s+)?(?P<q>viertel nach|viertel vor|dreiviertel)"
                r"\s+(?P<h>\d{1,2})\b"),
    ("minutes", r"\b(?:(?:um|gegen|ab|bis)\s+)?(?P<mm>\d{1,2})\s+(?:minuten\s+)?(?P<dir>nach|vor)\s+"
                rf"(?P<h>\d{{1,2}})\b{_NOT_CLOCK}"),
    ("clock", rf"\b(?:um|gegen|ab|bis|circa|ca|etwa)\s+(?:(?:circa|ca|etwa|gegen|um)\s+)?{_HM}"
              rf"(?:\s*uhr(?:\s*(?P<m2>\d{{1,2}})(?!\d))?)?\b{_NOT_CLOCK}"),
    ("clock", rf"\b{_HM}\s*uhr(?:\s*(?P<m2>\d{{1,2}})(?!\d))?{_NOT_CLOCK}"),
]  # fmt: skip
_EN_RULES: list[tuple[str, str]] = [
    ("relative", r"\b(?P<rel>the day after tomorrow|day after tomorrow|the day before yesterday"
                 r"|day before yesterday|today|tomorrow|yesterday|tonight)\b"
                 rf"(?:\s+(?:in the\s+)?(?P<pod>{_EN_POD}))?"),
    ("relative", rf"\b(?P<rel>this)\s+(?P<pod>{_EN_POD})\b"),
    ("weekday", rf"\b(?:on\s+)?(?P<mod>(?:(?:next|this|coming|last)\s+){{1,2}})?(?P<wd>{_WD})s?\b"
                rf"(?P<nw2>\s+next week)?(?:\s+(?:in the\s+)?(?P<pod2>{_EN_POD}))?"),
    ("month_day", rf"\b(?:on\s+)?(?P<mon>{_MON})\s+(?:the\s+)?(?P<d>\d{{1,2}})\.?(?!\d)"
                  r"(?:,?\s+(?P<y>\d{4}))?"),
    ("month_day", rf"\b(?:on\s+)?(?:the\s+)?(?P<d>\d{{1,2}})\.?\s+(?:of\s+)?(?P<mon>{_MON})\b"
                  r"(?:,?\s+(?P<y>\d{4}))?"),
    ("day_only", r"\bon\s+the\s+(?P<d>\d{1,2})\.(?!\s?\d)"),
    ("in_days", r"\bin\s+(?P<n>\d{1,2}|a|an|one)\s+(?P<unit>days?|weeks?)\b"),
    ("pod", rf"(?<!good )\b(?:in the\s+)?(?P<pod>{_EN_POD}|lunchtime)\b"),
    ("noon", r"\b(?:at\s+|around\s+)?(?P<word>noon|midday|midnight)\b"),
    ("range", r"\b(?:between|from)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>am|pm)?"
              r"\s+(?:and|to|till|until)\s+(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s*(?P<ap2>a\.?m\.?|p\.?m\.?)?"),
    ("half_past", r"\b(?:(?:at|around|about|by)\s+)?half past\s+(?P<h>\d{1,2})\b"),
    ("quarter", r"\b(?:(?:at|around|about|by)\s+)?(?P<q>quarter past|quarter to)\s+(?P<h>\d{1,2})\b"),
    ("clock", rf"\b{_HM}(?:\s+(?P<m2>[0-5]\d)(?!\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?|o'?clock)(?![a-z])"),
    ("clock", rf"\b(?:at|around|about|by|after|before|until|till|from)\s+(?:(?:around|about)\s+)?{_HM}"
              r"(?:\s+(?P<m2>[0-5]\d)(?!\d))?"
              r"(?=\s*(?:$|[,.!?;]|on\b|tomorrow\b|today\b|tonight\b|in\b|please\b|and\b|or\b|then\b|this\b"
              r"|next\b))"),
]  # fmt: skip
_NEUTRAL_RULES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b"),
    ("clock", r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b"),
]
_WHEN_RULES = {
    lang: [(kind, re.compile(pattern)) for kind, pattern in rules + _NEUTRAL_RULES]
    for lang, rules in (("de", _DE_RULES), ("en", _EN_RULES))
}
_BARE_HOUR = re.compile(r"(?:so\s+|um\s+|at\s+)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?:\s*(?:uhr|o'?clock))?\W*")


@dataclass(frozen=True)
class _Piece:
    """One thing a date/time rule found: a day, a part of day, or a clock time."""

    day: date | None = None
    part: str | None = None  # "morning", "forenoon", "noon", "afternoon", "evening", "night"
    clock: tuple[int, int, bool] | None = None  # hour, minute, whether am/pm or 24 h made it unambiguous


def _weekday_date(today: date, weekday: int, mod: str, next_week: bool) -> date:
    """ "am montag" on a Monday means the Monday after; "diesen"/"this" allows today."""
    if next_week:
        return today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)
    if any(w in mod for w in ("letzten", "vergangenen", "last")):
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not any(w in mod.split() for w in ("diesen", "diese", "this")):
        ahead = 7
    return today + timedelta(days=ahead)


def _nearest(today: date, candidates: list[date]) -> date | None:
    """The date a caller most likely means: the nearest one, a future one twice as likely as a past
    one, so "am 3. januar" in November is next January and "die rechnung vom 12. oktober" is past."""
    return min(candidates, key=lambda d: (d - today).days if d >= today else 2 * (today - d).days, default=None)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_date(today: date, day: int, month: int, year: str | None) -> date | None:
    if year:
        return _valid_date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    found = [_valid_date(today.year + k, month, day) for k in (-1, 0, 1)]
    return _nearest(today, [d for d in found if d])


def _day_only_date(today: date, day: int) -> date | None:
    """ "am dritten": the 3rd of last, this or next month, whichever is nearest."""
    months = [today.year * 12 + today.month - 1 + k for k in (-1, 0, 1)]
    found = [_valid_date(m // 12, m % 12 + 1, day) for m in months]
    return _nearest(today, [d for d in found if d])


def _clock(hour: str, minute: str | None, ampm: str | None = None) -> _Piece | None:
    """A clock time as said; None for what no clock shows ("25 uhr")."""
    h, m = int(hour), int(minute or 0)
    ampm = (ampm or "").replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 24 or m > 59:
        return None
    return _Piece(clock=(h % 24, m, bool(ampm) or h == 0 or h > 12))


def _day_pieces(kind: str, m: re.Match[str], today: date) -> list[_Piece]:
    g = m.groupdict()
    found: date | None = None
    if kind == "relative":
        found = today + timedelta(days=_RELATIVE_DAYS[g["rel"]])
    elif kind == "weekday":
        next_week = bool(g.get("nw1") or g.get("nw2"))
        found = _weekday_date(today, _WEEKDAYS[g["wd"]], g.get("mod") or "", next_week)
    elif kind == "month_day":
        found = _month_date(today, int(g["d"]), _MONTHS[g["mon"]], g.get("y"))
    elif kind in ("numeric", "iso"):
        found = _month_date(today, int(g["d"]), int(g["mo"]), g.get("y")) if 1 <= int(g["mo"]) <= 12 else None
    elif kind == "day_only":
        found = _day_only_date(today, int(g["d"]))
    elif kind == "in_days":
        n = int(g["n"]) if g["n"].isdigit() else 1
        found = today + timedelta(days=n * (7 if g["unit"].startswith(("woche", "week")) else 1))
    pieces = [_Piece(day=found)] if found else []
    if g.get("rel") == "tonight":
        pieces.append(_Piece(part="evening"))
    pieces += [_Piece(part=_PARTS_OF_DAY[g[key]]) for key in ("pod", "pod2") if g.get(key)]
    return pieces


_TIME_KINDS = frozenset({"pod", "noon", "range", "half", "half_past", "quarter", "minutes", "clock"})


def _time_pieces(kind: str, m: re.Match[str]) -> list[_Piece | None]:
    g = m.groupdict()
    if kind == "pod":
        return [_Piece(part=_PARTS_OF_DAY[g["pod"]])]
    if kind == "noon":
        return [_Piece(clock=(0, 0, True) if g["word"] == "midnight" else (12, 0, True))]
    if kind == "range":
        return [_clock(g["h"], g["m"], g.get("ap") or g.get("ap2")), _clock(g["h2"], g["m2"], g.get("ap2"))]
    hour = int(g["h"])
    if kind == "half":  # "halb drei" is 2:30
        return [_clock(str(hour - 1), "30") if hour else None]
    if kind == "half_past":
        return [_clock(g["h"], "30")]
    if kind == "quarter":
        forward = g["q"] in ("viertel nach", "quarter past")
        return [_clock(g["h"], "15") if forward else _clock(str(hour - 1), "45")]
    if kind == "minutes":
        minutes = int(g["mm"])
        if minutes >= 60:
            return []
        return [_clock(g["h"], str(minutes)) if g["dir"] == "nach" else _clock(str(hour - 1), str(60 - minutes))]
    return [_clock(g["h"], g.get("m") or g.get("m2"), g.get("ap") if g.get("ap") != "o'clock" else None)]


def _when_matches(t: str, lang: str, today: date) -> list[tuple[int, int, list[_Piece]]]:
    """Every rule's matches; where they overlap, the longest wins."""
    candidates = []
    for kind, pattern in _WHEN_RULES[_lang(lang)]:
        for m in pattern.finditer(t):
            pieces = [p for p in _time_pieces(kind, m) if p] if kind in _TIME_KINDS else _day_pieces(kind, m, today)
            candidates.append((m.start(), m.end(), pieces))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen: list[tuple[int, int, list[_Piece]]] = []
    for cand in candidates:
        if not chosen or cand[0] >= chosen[-1][1]:
            chosen.append(cand)
    return [c for c in chosen if c[2]]  # an impossible "31. februar" still hides the "am 31." in it


def _clock_text(clock: tuple[int, int, bool], parts_of_day: set[str]) -> str:
    """Business hours decide what a caller means by "um halb drei" unless they said the part of day."""
    h, m, explicit = clock
    if not explicit and h < 12 and _after_noon(h, parts_of_day):
        h += 12
    return f"{h:02d}:{m:02d}"


def _after_noon(hour: int, parts_of_day: set[str]) -> bool:
    if parts_of_day & {"afternoon", "evening"} or ("night" in parts_of_day and hour >= 6):
        return True
    return not parts_of_day & {"morning", "forenoon", "night"} and 1 <= hour <= 6


_GLUE = re.compile(r"[\s,]*(?:und|and|so|at|um)?[\s,]*")


def _said_pieces(prepared: _Text, spans: list[tuple[int, int]]) -> str | None:
    """The words as said, neighbouring pieces ("morgen" + "um 10 uhr") kept as one phrase."""
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and _GLUE.fullmatch(prepared.text[merged[-1][1] : start]):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    said = [prepared.said(s, e) for s, e in merged]
    return ", ".join(s for s in said if s) or None


def extract_when(
    text: str, lang: str, now: datetime, *, expecting: bool = False
) -> tuple[list[str], list[str], str | None]:
    """Dates (ISO), times ("14:30" or a part of day: morning, forenoon, noon, afternoon, evening,
    night) and the words they came from, relative to `now`. With `expecting` a bare hour
    ("zehn") is a time."""
    prepared = _prepare(text, lang, ordinals=True)
    matches = _when_matches(prepared.text, lang, now.date())
    if not matches and expecting:
        t = prepared.text
        bare = _BARE_HOUR.fullmatch(t, _after_lead(t))
        clock = _clock(bare.group("h"), bare.group("m")) if bare else None
        if bare and clock:
            matches = [(bare.start(), bare.end(), [clock])]
    pieces = [p for _, _, found in matches for p in found]
    parts_of_day = {p.part for p in pieces if p.part}
    dates = [p.day.isoformat() for p in pieces if p.day]
    times = [_clock_text(p.clock, parts_of_day) if p.clock else p.part for p in pieces if p.clock or p.part]
    said = _said_pieces(prepared, [(s, e) for s, e, _ in matches])
    return list(dict.fromkeys(dates)), list(dict.fromkeys(t for t in times if t)), said


# ---------------------------------------------------------------------------------------------------
# Orders
# ---------------------------------------------------------------------------------------------------

_ORDER_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_INFLECTIONS = ("e", "en", "n", "s", "er", "es", "ern", "nen", "ns")
_UNITS = _wordset(
    "packung packungen packs pack päckchen schachtel schachteln flasche flaschen dose dosen tube tuben "
    "stück stk tabletten beutel box boxes bottle bottles piece pieces cup cups tasse tassen glas glass "
    "mal x times of von"
)
_ARTICLES = _wordset("der die das den dem des the")
_NEGATIONS = _wordset(
    "kein keine keinen keiner keines nicht no not without ohne statt anstatt instead nichts never don't dont"
)
# "kein ibuprofen sondern paracetamol": what follows these is wanted again.
_CONTRAST = _wordset("sondern aber lieber stattdessen but rather just only nur")
_MAX_QTY = 1000
# Words run together or split apart must match closely: "paar pflaster" is not "pflaster".
_JOINED_MIN = 0.9


@dataclass(frozen=True)
class _Phrase:
    tokens: tuple[str, ...]
    joined: str


@dataclass
class _Hit:
    start: int
    end: int
    index: int  # position of the item in the catalogue
    score: float


@lru_cache(maxsize=4096)
def _phrase(text: str, lang: str) -> _Phrase:
    tokens = tuple(_ORDER_TOKEN.findall(words_to_digits(text.lower(), lang, split_values=True)))
    return _Phrase(tokens, "".join(tokens))


@lru_cache(maxsize=16384)
def _inflected(word: str, base: str) -> bool:
    """ "ibuprofens", "packungen", "lattes", "batteries": one word, another grammatical form."""
    if len(base) >= 3 and word.startswith(base) and word[len(base) :] in _INFLECTIONS:
        return True
    if len(word) >= 3 and base.startswith(word) and base[len(word) :] in _INFLECTIONS:
        return True
    return word.endswith("ies") and base.endswith("y") and word[:-3] == base[:-1]


def _similarity(word: str, base: str) -> float:
    """How surely `word` (as heard) is `base` (as listed): exact, inflected, misheard, or 0."""
    if word == base:
        return 1.0
    if word.isdigit() or base.isdigit():
        return 0.0
    if _inflected(word, base):
        return 0.95
    if min(len(word), len(base)) < 5 or word[0] != base[0]:
        return 0.0
    needed = 0.8 if len(base) >= 8 else 0.92
    if 2 * min(len(word), len(base)) / (len(word) + len(base)) < needed:  # the best ratio the lengths allow
        return 0.0
    ratio = SequenceMatcher(None, word, base).ratio()
    return ratio if ratio >= needed else 0.0


def _compound(word: str, base: str) -> float:
    """ "kopfschmerztabletten" is a kind of "tabletten"; "ibuprofentabletten" is ibuprofen."""
    if len(base) >= 5 and len(word) >= len(base) + 3 and (word.endswith(base) or word.startswith(base)):
        return 0.9
    return 0.0


@lru_cache(maxsize=16384)
def _token_score(word: str, base: str) -> float:
    return _similarity(word, base) or _compound(word, base)


def _phrase_score(tokens: list[str], i: int, phrase: _Phrase) -> tuple[int, float]:
    """Best match of `phrase` starting at tokens[i]: (tokens covered, score), (0, 0) if none."""
    n = len(phrase.tokens)
    if i + n <= len(tokens):
        total = 0.0
        for k in range(n):
            score = _token_score(tokens[i + k], phrase.tokens[k])
            if not score:
                break
            total += score
        else:
            return n, total / n
    if not tokens[i].startswith(phrase.joined[:3]):
        return 0, 0.0
    for k in (n - 1, n + 1):  # "oat milk" said "oatmilk", "nasenspray" said "nasen spray"
        joined = "".join(tokens[i : i + k])
        if 1 <= k <= len(tokens) - i and abs(len(joined) - len(phrase.joined)) <= 3:
            score = _similarity(joined, phrase.joined)
            if score >= _JOINED_MIN:
                return k, score
    return 0, 0.0


def _item_phrases(item: CatalogItem, lang: str) -> list[_Phrase]:
    """Every name and alias of the item, in any language: contract catalogues name things once."""
    texts = list(item.name.values()) + [a for aliases in item.aliases.values() for a in aliases]
    return list({_phrase(t, lang) for t in texts if _phrase(t, lang).tokens})


def _best_hits(tokens: list[str], catalog: list[CatalogItem], lang: str) -> list[_Hit]:
    """Catalogue mentions, longest first, none sharing a word with another."""
    hits: list[_Hit] = []
    for index, item in enumerate(catalog):
        for phrase in _item_phrases(item, lang):
            for i in range(len(tokens)):
                covered, score = _phrase_score(tokens, i, phrase)
                if covered:
                    hits.append(_Hit(i, i + covered, index, score))
    hits.sort(key=lambda h: (-sum(len(t) for t in tokens[h.start : h.end]), -h.score, h.start))
    chosen: list[_Hit] = []
    for hit in hits:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


@dataclass
class _Mention:
    start: int
    end: int
    owners: list[tuple[int, str, str]]  # (catalogue index, option group, value)


def _option_phrases(item: CatalogItem, lang: str) -> list[tuple[_Phrase, str, str]]:
    """Each way of saying each option value: the value, its aliases, and "20er" for "20 Stück"."""
    out = []
    for group, values in item.options.items():
        for value in values:
            texts = [value, *item.option_aliases.get(value, [])]
            count = re.match(r"(\d+)\s+\w+", value)
            if count:
                texts.append(f"{count.group(1)}er")
            out += [(_phrase(t, lang), group, value) for t in texts if _phrase(t, lang).tokens]
    return out


def _before_item(tokens: list[str], end: int, hits: list[_Hit]) -> bool:
    """Whether tokens[end:] reach an item over unit words only: "5 ffp2 masken" says how many,
    even if "5" is also the alias of the 5-pack."""
    following = next((h.start for h in hits if h.start >= end), None)
    return following is not None and all(t in _UNITS or t in _ARTICLES for t in tokens[end:following])


def _option_mentions(tokens: list[str], hits: list[_Hit], catalog: list[CatalogItem], lang: str) -> list[_Mention]:
    """Option values said anywhere, with every matched item that offers them."""
    by_phrase: dict[_Phrase, list[tuple[int, str, str]]] = {}
    for index in sorted({h.index for h in hits}):
        for phrase, group, value in _option_phrases(catalog[index], lang):
            by_phrase.setdefault(phrase, []).append((index, group, value))
    found: list[_Mention] = []
    for phrase, owners in by_phrase.items():
        n = len(phrase.tokens)
        for i in range(len(tokens) - n + 1):
            said = all(tokens[i + k] == t or _inflected(tokens[i + k], t) for k, t in enumerate(phrase.tokens))
            if said and not (phrase.joined.isdigit() and _before_item(tokens, i + n, hits)):
                found.append(_Mention(i, i + n, owners))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    chosen: list[_Mention] = []
    for mention in found:
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return chosen


def _drop_option_words(hits: list[_Hit], mentions: list[_Mention]) -> tuple[list[_Hit], list[_Mention]]:
    """ "latte with oat milk": "milk" is the latte's option, not a second item, when the option says more."""
    kept_hits = []
    for hit in hits:
        inside = any(
            m.start <= hit.start
            and hit.end <= m.end
            and (m.end - m.start) > (hit.end - hit.start)
            and hit.index not in {o[0] for o in m.owners}
            for m in mentions
        )
        if not inside:
            kept_hits.append(hit)
    kept_mentions = [m for m in mentions if all(m.end <= h.start or m.start >= h.end for h in kept_hits)]
    return kept_hits, kept_mentions


def _distance(mention: _Mention, hit: _Hit, tokens: list[str]) -> float:
    """Token distance; a value right before the next item ("a double espresso") beats a value after
    the previous one unless "with"/"mit" ties it back ("latte with oat milk")."""
    if mention.end <= hit.start:
        return hit.start - mention.end
    gap = mention.start - hit.end
    linked = any(t in ("with", "mit", "als", "in") for t in tokens[hit.end : mention.start])
    return gap - (0.5 if linked else -0.5)


def _assign_options(hits: list[_Hit], mentions: list[_Mention], tokens: list[str]) -> list[dict[str, str]]:
    options: list[dict[str, str]] = [{} for _ in hits]
    closest: list[dict[str, float]] = [{} for _ in hits]
    for mention in mentions:
        candidates = [
            (_distance(mention, hit, tokens), k, group, value)
            for k, hit in enumerate(hits)
            for index, group, value in mention.owners
            if index == hit.index
        ]
        if not candidates:
            continue
        dist, k, group, value = min(candidates)
        if dist < closest[k].get(group, float("inf")):
            closest[k][group] = dist
            options[k][group] = value
    return options


def _negated(tokens: list[str], start: int, end: int, lang: str) -> bool:
    """ "kein ibuprofen", "i don't want the espresso"; but "no, two lattes" is an order."""
    for token in reversed(tokens[start:end]):
        if token in _NEGATIONS:
            return True
        if token in _CONTRAST or token.isdigit() or (parse_quantity(token, lang) or 0) > 1:
            return False
    return False


def _quantity_before(
    tokens: list[str], hit: _Hit, floor: int, mentions: list[_Mention], lang: str
) -> tuple[int | None, bool]:
    """The quantity said right before an item, and whether the item was negated ("kein", "no")."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    j = hit.start
    while j > floor and (tokens[j - 1] in _UNITS or tokens[j - 1] in _ARTICLES or j - 1 in covered):
        j -= 1
    if _negated(tokens, max(floor, j - 3), j, lang):
        return None, True
    for size in (3, 2, 1):
        if j - size >= floor:
            qty = parse_quantity(" ".join(tokens[j - size : j]), lang)
            if qty is not None:
                return qty, False
    return None, False


_NX = re.compile(r"\d+x")


def _quantity_after(tokens: list[str], hit: _Hit, ceiling: int, lang: str) -> int | None:
    """ "ibuprofen dreimal", "latte 2 mal", "latte x 2"."""
    for size in (2, 1):
        if hit.end + size <= ceiling:
            words = tokens[hit.end : hit.end + size]
            if words[0] == "x" or words[-1] in ("x", "times") or words[-1].endswith("mal") or _NX.fullmatch(words[-1]):
                qty = parse_quantity(" ".join(words), lang)
                if qty is not None:
                    return qty
    return None


def match_order(text: str, lang: str, catalog: list[CatalogItem]) -> list[OrderLine]:
    """Order lines for the catalogue items the caller names, with quantity and options.

    Names and aliases of every language match, tolerant of inflection, compounds and small
    misspellings; the longest mention wins. A quantity is what is said right before the item
    ("zwei", "a couple of", "dreimal") or "x mal" right after; default 1. Options are values said
    nearest the item that offers them. Negated items ("kein ibuprofen", "no milk") are left out.
    """
    if not catalog:
        return []
    tokens = _ORDER_TOKEN.findall(_without_fillers(_prepare(text, lang).text, lang))
    hits = _best_hits(tokens, catalog, lang)
    mentions = _option_mentions(tokens, hits, catalog, lang)
    hits, mentions = _drop_option_words(hits, mentions)
    options = _assign_options(hits, mentions, tokens)
    lines: list[OrderLine] = []
    for k, hit in enumerate(hits):
        floor = hits[k - 1].end if k else 0
        ceiling = hits[k + 1].start if k + 1 < len(hits) else len(tokens)
        qty, negated = _quantity_before(tokens, hit, floor, mentions, lang)
        qty = qty if qty is not None else _quantity_after(tokens, hit, ceiling, lang)
        if negated or qty == 0 or (qty or 0) > _MAX_QTY:
            continue
        item = catalog[hit.index]
        name = item.name.get(lang) or next(iter(item.name.values()))
        line = OrderLine(item.sku, name, qty or 1, options[k])
        same = next((x for x in lines if x.sku == line.sku and x.options == line.options), None)
        if same:
            same.qty = max(same.qty, line.qty)  # "zwei latte ... ja die zwei latte": said again, not more
        else:
            lines.append(line)
    return lines


def catalog_from_rows(rows: list[dict]) -> list[CatalogItem]:
    """The analyze contract's catalogue (`[{"sku", "name", "aliases"?, "options"?}]`) as catalogue items.

    The contract names an item once, so that name and the aliases count in every language.
    A row that is no object with "sku" and "name" raises TypeError, a field of the wrong type
    pydantic's ValidationError: both name the row, and the CLI reports them as one bad row.
    """
    items = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not row.get("sku") or not row.get("name"):
            raise TypeError(f"catalog[{i}]: every item must be an object with a 'sku' and a 'name'")
        name, aliases = row["name"], row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        items.append(
            CatalogItem(
                sku=str(row["sku"]),
                name=name if isinstance(name, dict) else {"de": str(name), "en": str(name)},
                aliases=aliases if isinstance(aliases, dict) else {"de": list(aliases), "en": list(aliases)},
                options=row.get("options") or {},
            )
        )
    return items


# ---------------------------------------------------------------------------------------------------
# Everything at once
# ---------------------------------------------------------------------------------------------------


def extract_entities(text: str, lang: str, *, now: datetime, expecting: frozenset[str] = frozenset()) -> Entities:
    """All details of one utterance; `expecting` ("name", "phone", "address", "when") names what the
    bot just asked for, so a bare answer counts as that detail."""
    dates, times, when_text = extract_when(text, lang, now, expecting="when" in expecting)
    return Entities(
        name=extract_name(text, lang, expecting="name" in expecting),
        phone=extract_phone(text, lang, expecting="phone" in expecting),
        address=extract_address(text, lang, expecting="address" in expecting),
        dates=dates,
        times=times,
        when_text=when_text,
    )
