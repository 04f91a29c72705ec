"""Street, house number, postcode and city, as far as the caller said them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers import words_to_digits
from ..types import Address
from .common import _LETTERS, _NOT_NAME, _after_lead, _capitalise, _prepare, _without_fillers, _wordset
from .phone import _PLUS, _find_phone

# "stras", "strase", "strahse": how speech recognition often writes "Straße"
_STREET_STRONG = r"stra(?:ß|ss)e|stra(?:s|se|hse)|str\.?|allee|gasse|chaussee"
# the north's own: "Mühlenkamp", "Lange Twiete", "Elbdeich", "Hummelsbütteler Redder", "Osterbrook"
_STREET_WEAK = r"weg|platz|ring|damm|ufer|steig|stieg|pfad|kamp|twiete|deich|redder|brook|koppel|" + (
    # "Straße" said on the phone line and written in English ("Osterstress 45", "Auburn Strais 2", "Langenstraice
    # 30", "Hathenstray's 30": `triage eval-calls --spoken`): a street only with its house number ("under stress"
    # is none)
    r"stress|strais|straice|stray's|strays"
)
# "Osterstray 45", "a gross Elbstrace 145": written so only as the end of one word ("went stray 45 times" is none)
_STREET_JOINED = r"strace|stray"
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
    rf"\b(?P<street>[{_LETTERS}]{{3,}}(?:-[{_LETTERS}]+)*-?(?P<suffix>{_STREET_STRONG}|{_STREET_WEAK}|{_STREET_JOINED}))"
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
# "Werftstraße 15 in Kiel" said by an English voice is written "Worst Race 15 and Keel": after the house number,
# "and" and one word that ends the turn are "in" and the town (`triage eval-calls --spoken`)
_CITY_AFTER = re.compile(rf"\s*,?\s*(?:in\s+|and\s+(?=[{_LETTERS}]{{3,}}\s*[.!]?\s*$))?{_CITY}")
_IN_CITY = re.compile(rf"\bin\s+{_CITY}")
_HOUSE_ONLY = re.compile(rf"\b(?:hausnummer|hausnr|house number)\s*(?:ist|is|wäre|lautet)?\s*{_HOUSE_NUMBER}")
# "number 16, Baker Street": the number named as such, before or after the street
_NAMED_HOUSE = re.compile(rf"\b(?:hausnummer|hausnr|house number|nummer|number|nr)\.?\s*(?:ist|is)?\s*{_HOUSE_NUMBER}")
_BARE_HOUSE = re.compile(rf"(?:(?:die |the )?(?:nummer|number|nr)\s*(?:ist|is)?\s*)?{_HOUSE_NUMBER}\W*")
_NOT_PLACE = _wordset(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday "
    "saturday sunday januar februar märz april mai juni juli august september oktober november dezember "
    "january february march june july october december morgen abend mittag vormittag nachmittag nacht "
    "morning afternoon evening night ende anfang moment telefon apparat stück euro euros dollars pounds uhr "
    "packungen packung "
    # "am liebsten morgen", "am besten nach 17 Uhr", "am Wochenende": said where the address is asked, no street
    "liebsten besten schnellsten ehesten meisten frühesten spätesten einfachsten günstigsten wochenende "
    "feierabend "
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
    return re.sub(
        r"(?i)(?:str\.?|stras|strase|strahse|stress|strais|straice|strace|stray's|strays|stray)$", "straße", street
    )


def _house(match: re.Match[str] | None) -> str | None:
    return re.sub(r"\s+", "", match.group("num")) if match else None


@dataclass
class _Found:
    street: str
    end: int  # where the street (and its house number) ends in the text
    number: str | None = None


# "24 Mühlenkamp", "12 Dänische Straße": the house number first, as English callers say it
_HOUSE_BEFORE = re.compile(r"(?:^|[\s,])(?P<num>\d{1,4}[a-h]?)\s*,?\s*$")


def _street_at(t: str, street: str, m: re.Match[str]) -> tuple[_Found, bool]:
    """The street with the house number said right after it (or, failing that, right before it), and
    whether there was one."""
    house = _HOUSE_AFTER.match(t, m.end())
    if house is None and (before := _HOUSE_BEFORE.search(t, 0, m.start())):
        return _Found(_street_case(street), m.end(), before.group("num")), True
    return _Found(_street_case(street), house.end() if house else m.end(), _house(house)), house is not None


# Compound streets many towns have, told apart by a place's adjective before them: "Schwachhauser
# Heerstraße", "Lübecker Landstraße", "Osterholzer Dorfstraße"
_GENERIC_STREET = re.compile(r"(?:heer|land|haupt|dorf|bahnhof|kirch|schul|post|mühlen|muehlen)")
_PLACE_ADJECTIVE = re.compile(rf"(?P<adjective>[{_LETTERS}]{{3,}}er)\s+$")


# "Große Elbstraße", "in der Kleinen Johannisstraße", "Alte Königstraße": an adjective that is part of
# the street's name (said in the dative after "in der", named in the nominative)
_NAME_ADJECTIVE = re.compile(
    r"(?<![\w])(?P<adjective>(?:gro(?:ß|ss)|klein|alt|neu|hoh|lang|kurz|breit|schmal|ober|unter|mittler|vorder"
    r"|hinter)e|gro(?:ß|ss)(?=\s))n?\s+$"
)
# "Große" as the phone line writes it when said by an English voice ("a gross Elbstrace 145") or typed without ß


def _with_adjective(t: str, m: re.Match[str], street: str) -> str:
    """The street with the place adjective said before a generic compound ("Schwachhauser Heerstraße"),
    or with the adjective that is part of its name ("Große Elbstraße")."""
    before = _PLACE_ADJECTIVE.search(t, 0, m.start())
    if before and _GENERIC_STREET.match(street) and before.group("adjective") not in _NOT_NAME:
        return f"{before.group('adjective')} {street}"
    if named := _NAME_ADJECTIVE.search(t, 0, m.start()):
        adjective = named.group("adjective")
        return f"{'große' if adjective.startswith('gro') else adjective} {street}"
    return street


_WORD_BEFORE = re.compile(rf"(?P<word>[{_LETTERS}]{{3,}})\s+$")
_BOUNDARY_BEFORE = re.compile(rf"(?:^|[,.;:!?]|(?<![{_LETTERS}'])[{_LETTERS}']+)\s*$")


def _names_before(t: str, start: int) -> str:
    """ "Max Brauer Allee", "Konsul Smidt Straße": Whisper writes a hyphenated street apart, and the words
    of its name before the last one belong to it (up to two, and only when a word that is no name, a
    comma or the start of the turn comes before them)."""
    starts: list[int] = []
    end = start
    while len(starts) < 2 and (m := _WORD_BEFORE.search(t, 0, end)):
        word = m.group("word")
        if word in _NOT_NAME or word in _NOT_PLACE or word in _LOWER_IN_NAMES:
            break
        starts.append(m.start())
        end = m.start()
    for begin in reversed(starts):  # the most words whose start is a boundary
        before = _BOUNDARY_BEFORE.search(t, 0, begin)
        word = before.group().strip(" ,.;:!?") if before else None
        if word is not None and (not word or word in _NOT_NAME or word in _LOWER_IN_NAMES):
            return t[begin:start]
    return ""


def _german_street(t: str, expecting: bool) -> _Found | None:
    """ "goethestraße 14", "berliner straße 5a", "am markt 3"; streets ending in an everyday word
    ("weg", "platz", "markt", "am ...") only with a house number."""
    for m in _COMPOUND_STREET.finditer(t):
        found, numbered = _street_at(t, _with_adjective(t, m, _expand_str(m.group("street"))), m)
        weak = re.fullmatch(_STREET_WEAK, m.group("suffix")) is not None
        if m.group("street") not in _NOT_STREETS and (numbered or not weak):
            return found
    for m in _TWO_WORD_STREET.finditer(t):
        first = _names_before(t, m.start()) + m.group("first")
        found, numbered = _street_at(t, f"{first} {_expand_str(m.group('suffix'))}", m)
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


# "Bramfelder Chaussee 12, 22 177 Hamburg": Whisper writes a postcode said as "zweiundzwanzig
# hundertsiebenundsiebzig" in two groups; after the street's comma and before a town it is one postcode
_SPLIT_POSTCODE = re.compile(
    rf"(?<=\w,\s)(\d{{2}})[\s,.](\d{{3}})(?=\s*,?\s*(?:in\s+)?(?P<town>[{_LETTERS}]{{3,}}))"
)


def _joined_postcode(m: re.Match[str]) -> str:
    """ "22 177 Hamburg" as "22177 Hamburg", and "22,177 Hamburg" as Whisper writes a spoken postcode with a
    thousands separator (`triage eval-calls --spoken`); "22 100 people" stays (no town follows)."""
    return m.group(1) + m.group(2) if _placename_ok(m.group("town")) else m.group()



# A house number said on the phone line comes out as a Roman numeral after a street ("Obernstraße 2, Bremen" as
# "Auburn Strais II, Bremen.", "Hafenstraße 3" as "Hathenstress III", "Langenstraße 10" as "Langenstress X":
# `triage eval-calls --spoken`): after a word and before a comma, a postcode, the town or the end it is the number. "I"
# alone is the pronoun, never a number.
_ROMAN = {"i": 1, "v": 5, "x": 10}
_ROMAN_HOUSE = re.compile(
    rf"(?<=[{_LETTERS}]{{3}})\s+(?P<roman>x{{0,2}}(?:ix|iv|vi{{0,3}}|i{{2,3}})|x{{1,2}}i{{0,3}}|x{{1,2}}v|v)"
    r"(?=\s*(?:[,.;!?]|$|\d{5}\b|(?:in|aus)\s))"
)


def _roman(m: re.Match[str]) -> str:
    """ "ii" -> " 2", "xiv" -> " 14"."""
    values = [_ROMAN[c] for c in m.group("roman")]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return f" {total}"


# A postcode said anew comes in two groups as well, with no town after it ("the postcode is 24 105", "die
# Postleitzahl ist 24,105"; "the post got us 24,105, not 24,103" where Whisper lost the word): after the word
# postcode, or as the one said instead of another ("X, not Y"), it is one postcode, and so is the one it is not.
_NAMED_SPLIT_POSTCODE = re.compile(
    r"(?P<lead>\b(?:postcode|post code|postal code|zip code|zip|postleitzahl|plz)\s+(?:is\s+|ist\s+|lautet\s+)?"
    r"|(?<![\d,.])(?=\d{2}[\s,.]\d{3}\s*,?\s*(?:not|nicht)\s+\d{2}[\s,.]?\d{3}(?!\d))"
    r"|\b(?:not|nicht)\s+)(?P<a>\d{2})[\s,.](?P<b>\d{3})(?![\d])"
)


_WORD_HYPHEN_NUMBER = re.compile(rf"(?<=[{_LETTERS}])-(?=\d{{1,4}}(?!\d))")


def _address_text(text: str, lang: str) -> str:
    t = _PLUS.sub("+", _without_fillers(_ROMAN_HOUSE.sub(_roman, _prepare(text, lang).text), lang))
    t = _WORD_HYPHEN_NUMBER.sub(" ", t)  # "Ethan Strais-30 in Bremen", "Halt Y-17, 2259, Hamburg"
    t = _NAMED_SPLIT_POSTCODE.sub(lambda m: f"{m.group('lead')}{m.group('a')}{m.group('b')}", t)
    phone = _find_phone(t, expecting=False)
    if phone:
        t = t[: phone[0]] + " " + t[phone[1] :]
    return _SPLIT_POSTCODE.sub(_joined_postcode, t)


def _bare_address(t: str) -> Address:
    rest = t[_after_lead(t, frozenset({"es", "ist", "is", "it's", "die", "the", "moment", "warte", "wait", "sorry"})) :]
    house = _BARE_HOUSE.fullmatch(rest)
    if house:
        return Address(house_number=_house(house))
    postcode = _POSTCODE.fullmatch(rest.rstrip(" .!"))
    if postcode:
        city = postcode.group("city")
        return Address(postcode=postcode.group("plz"), city=_street_case(city) if city else None)
    return Address()


_BARE_TOWN = re.compile(rf"(?:in\s+)?{_CITY}")


def bare_town(text: str, lang: str) -> str | None:
    """ "Hamburg." on its own: the town a caller adds after a pause, when the bot already read back the
    street and house number (on the phone the turn may end at the comma before the town). None for
    anything else; the caller decides whether it is an answer to the read-back."""
    return _town_alone(_address_text(text, lang))


def _town_alone(t: str) -> str | None:
    """The town, if `t` is nothing but a town's name (perhaps after "in"), as it is written."""
    m = _BARE_TOWN.fullmatch(t.strip(" .,!?"))
    if m and len(m.group("city").split()) <= 3 and _placename_ok(m.group("city")):
        return _street_case(m.group("city"))
    return None


# "Goethestraße 14, nein Moment, 16": what follows the last correction replaces what it names. An
# interjection before it ("ach nein", "oh no") belongs to the correction, never to the address ("Ach").
_CORRECTION = re.compile(
    r"(?:^|[,.;!?]|\s)\s*(?:(?:ach|oh|äh|ah)\s+)?(?:nein|no|sorry|ich meine|i mean|korrektur|correction|oder besser)\b"
)


_IN_TOWN = re.compile(r"\s+(?:in|aus)\s+\S.*$")
# "nein, nicht Bahnhofstraße, Bahnhofsallee 12", "the postcode is 24105, not 24103": what the caller says it
# is not is no part of the address (it was read as the town, or hid the postcode)
_NEGATED_PART = re.compile(
    r"(?:(?<=^)|(?<=[\s,.;]))(?:nicht|not)\s+(?:[^\s,.;!?]+\s+){0,4}?[^\s,.;!?]+(?=\s*(?:[,.;!?]|$|\s(?:sondern|but)\b))"
    r"(?:\s*,?\s*(?:sondern|but)\b)?"
)


def extract_address(text: str, lang: str, expecting: bool = False) -> Address:
    """Street, house number, postcode and city, as far as the caller said them.

    A house number alone counts when the caller says "hausnummer"/"house number" or when the bot
    asked for the address (a correction such as "nein, vierzehn"); a city alone ("in hamburg") only
    when asked. A correction inside the turn wins over what it corrects.
    """
    t = _NEGATED_PART.sub(" ", _address_text(text, lang))
    whole = _address_in(t, expecting)
    for m in reversed(list(_CORRECTION.finditer(t))):
        head = _address_in(t[: m.start()], expecting)
        if head.is_empty():
            continue
        tail = _address_in(t[m.end() :], True)
        if not (tail.street or tail.house_number):  # "14, nein, 16, in Hamburg": the number before the town
            # "14, nein Moment, 16 in Hamburg": the town said after the corrected number is not part of it
            pieces = (_address_in(_IN_TOWN.sub("", piece), True) for piece in t[m.end() :].split(","))
            first = next((p for p in pieces if p.house_number and not p.street), None)
            if first:
                tail = Address(house_number=first.house_number).merged(tail)
        if tail.street or tail.house_number:
            if not tail.city:
                tail = tail.merged(Address(city=_town_after_number(t[m.end() :])))
            return head.merged(tail)
    return whole


def _town_after_number(t: str) -> str | None:
    """ "…, oh no wait, 16, London": the town in the last comma-separated piece after a corrected house
    number, said bare as callers add it (an address read out in full has its town after the street)."""
    *before, last = t.split(",")
    if not any(ch.isdigit() for piece in before for ch in piece):
        return None
    return _town_alone(last)


# A postcode that lost a digit on the line ("Eppendorfer Weg 12, 20259 Hamburg" as "Epinor for Wake 12, 2259
# Hamburg.") is broken too: four digits before a town.
# "Schlachte 3, 28195 Bremen", "Colonnaden 21 in Hamburg", "Lange Reihe 5, Hamburg": asked for the address,
# the words right before a house number that a postcode or a town follows are the street, whatever they end in
# (also after "es geht an die", "it goes to": where an order goes).
# A postcode may come broken up as Whisper writes a spoken one on the phone line ("two two oh eight five" as
# "22,85": `triage eval-calls --spoken`): with a town after it, the street before it still counts.
_BROKEN_POSTCODE = r"(?:(?:\d{1,3}[,. ]\s?){1,2}\d{1,3}\s+|\d{4}\s*,?\s+)"
_NAMED_STREET = re.compile(
    r"(?:^|[.!?]\s*|\b(?:at|in|ist|is|it's|its|im|on|address|an|to|nach)\s+|,\s*)"
    rf"(?P<street>[{_LETTERS}]{{3,}}(?:[ -][{_LETTERS}]{{3,}}){{0,2}})"
    rf"\s+{_HOUSE_NUMBER}\s*(?:,\s*|\s+)(?:in\s+|and\s+(?=[{_LETTERS}]{{3,}}\s*[.!]?\s*$))?"
    rf"(?=\d{{5}}(?!\d)|{_BROKEN_POSTCODE}[{_LETTERS}]{{3,}}\s*[.!]?\s*$|[{_LETTERS}]{{3,}}\s*[.!]?\s*$)"
)
_TOWN_AFTER_BROKEN_POSTCODE = re.compile(rf"^\s*,?\s*{_BROKEN_POSTCODE}(?P<town>[{_LETTERS}]{{3,}})\s*[.!]?\s*$")


def _named_street(t: str) -> _Found | None:
    """A street with no word that marks it as one, said where an address was asked for."""
    for m in _NAMED_STREET.finditer(t):
        broken = _TOWN_AFTER_BROKEN_POSTCODE.match(t[m.end("num") :])
        if broken and not _placename_ok(broken.group("town")):
            continue  # "Paket 21, 22,85 Euro": a price, no town
        words = m.group("street").split(" ")
        # "das ist Schlachte 3", "it's Überseetor 20": words that lead into the street are no part of it
        for i in range(len(words)):
            if all(w not in _NOT_NAME and w not in _NOT_PLACE for w in " ".join(words[i:]).replace("-", " ").split()):
                return _Found(_street_case(" ".join(words[i:])), m.end("num"), _house(m))
    return None


# "3 Kiellinie in Kiel", "at 12 Schlachte, 28195 Bremen": the house number first, as English callers say it, before a
# street with no word that marks it as one; a town ("in Kiel", ", Kiel") or a postcode must end the turn after it.
# Unasked, only where a place is being named ("at 3 Kiellinie", "at the rowing club, 3 Kiellinie"), so "2 Ibuprofen,
# 3 Aspirin in Hamburg" or "from 7 tonight in Kiel" name no street.
_NUMBER_FIRST_LEAD = r"\b(?:at|address is|address|to|nach|an)\s+|\bat\s+(?:[a-z']+\s+){0,3}[a-z']+\s*,\s*"
_NUMBER_FIRST_TAIL = (
    rf"{_HOUSE_NUMBER}\s+(?P<street>[{_LETTERS}]{{3,}}(?:[ -][{_LETTERS}]{{3,}}){{0,2}}?)"
    rf"(?:\s*,\s*(?:in\s+)?|\s+in\s+)(?=\d{{5}}(?!\d)|(?P<town>[{_LETTERS}]{{3,}})\s*[.!]?\s*$)"
)
_NUMBER_FIRST_STREET = {
    False: re.compile(rf"(?:{_NUMBER_FIRST_LEAD}){_NUMBER_FIRST_TAIL}"),
    True: re.compile(rf"(?:^|[,.!?]\s*|\b(?:is|it's|its)\s+|{_NUMBER_FIRST_LEAD}){_NUMBER_FIRST_TAIL}"),
}
_NOT_STREET_AFTER_NUMBER = _wordset("tonight oclock sharp latest")


def _number_first_street(t: str, expecting: bool) -> _Found | None:
    """A street said after its house number, with nothing that marks it as a street but the town after it."""
    for m in _NUMBER_FIRST_STREET[expecting].finditer(t):
        words = m.group("street").replace("-", " ").split()
        town = m.group("town")
        said = (w in _NOT_NAME or w in _NOT_PLACE or w in _NOT_STREET_AFTER_NUMBER for w in words)
        if any(said) or (town and not _placename_ok(town)):
            continue
        return _Found(_street_case(m.group("street")), m.end("street"), _house(m))
    return None


def _address_in(t: str, expecting: bool) -> Address:
    street = (
        _german_street(t, expecting)
        or _english_street(t)
        or (_named_street(t) if expecting else None)
        or _number_first_street(t, expecting)
    )
    postcode, city = _postcode(t, street, expecting)
    city = city or _city(t, street, expecting)
    if street and not (postcode or city):
        broken = _TOWN_AFTER_BROKEN_POSTCODE.match(t[street.end :])
        city = _town_alone(broken.group("town")) if broken else None
    if street:
        number = street.number or _house(_NAMED_HOUSE.search(t))
        return Address(street.street, number, postcode, city)
    house = _HOUSE_ONLY.search(t)
    if house:
        return Address(house_number=_house(house), postcode=postcode, city=city)
    if postcode or city:
        return Address(postcode=postcode, city=city)
    return _bare_address(t) if expecting else Address()


# "die Hausnummer war falsch, es ist die 21, nicht die 12", "the house number I gave you was wrong, it's 21, not 12":
# the house number said anew, turns after the address was confirmed
_HOUSE_NUMBER_NAMED = re.compile(r"\b(?:hausnummer|hausnr|house number|door number)\b", re.IGNORECASE)
_HOUSE_NUMBER_SAID = re.compile(r"\b\d{1,4}(?: ?[a-z])?\b", re.IGNORECASE)
_NOT_THAT = re.compile(r"\b(?:nicht|not|statt|instead of|rather than)\b", re.IGNORECASE)


def corrected_house_number(text: str, lang: str, current: str | None) -> str | None:
    """The house number the caller now says instead of the one they gave (the one said before "nicht" / "not"),
    in digits; None when the turn names no house number, or the same one."""
    named = _HOUSE_NUMBER_NAMED.search(text)
    if named is None:
        return None
    tail = words_to_digits(text[named.end() :], lang)
    other = _NOT_THAT.search(tail)
    said = _HOUSE_NUMBER_SAID.findall(tail[: other.start()] if other else tail)
    if not said:
        return None
    number = said[-1].replace(" ", "").lower()
    return number if number != (current or "").replace(" ", "").lower() else None
