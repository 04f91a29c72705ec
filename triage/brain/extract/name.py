"""The caller's name: after a cue ("mein name ist", "this is"), or bare when the bot asked for it."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..numbers import words_to_digits
from ..text import fold
from .common import (
    _ABBREVIATION_DOT,
    _FILLERS,
    _LETTERS,
    _NOT_NAME,
    _TITLES,
    SURNAME_WORDS,
    _after_lead,
    _capitalise,
    _lang,
    _lower,
    _without_fillers,
)

_NAME_CUE = re.compile(
    r"\b(?:mein name ist|mein name lautet|meine name ist|mein name|der name ist|name ist|ich hei(?:ß|ss)e"
    r"|hier spricht|am apparat ist|sie sprechen mit|my name is|my name's|the name is|name's|name is"
    r"|i am called|i'm called|you're speaking (?:with|to)|you are speaking (?:with|to)"
    # a relative handed the phone names the one it is for: "meine Mutter heißt Erika Krause", "sie heißt ..."
    r"|(?:meine (?:mutter|frau|tochter|oma|großmutter|grossmutter|schwester|chefin)|mein (?:vater|mann|sohn|opa"
    r"|großvater|grossvater|bruder|chef)|sie|er) hei(?:ß|ss)t"
    r"|(?:his|her|my (?:mum|mom|mother|dad|father|wife|husband|son|daughter)'?s?) name is"
    # an order or a booking under someone else's name: "auf den Namen der Patientin bitte, Hildegard Vogt", "put it
    # under her name please, Margaret Olsen", "it's for Mrs Dorothy Hill", "das ist für Frau Vogt"
    r"|auf (?:den|dem) namen(?: (?:der|des|von|meiner|meines|meinem|unserer|unseres|ihrer|seiner) \w+)?(?: bitte)?"
    r"|(?:under|in) (?:the|her|his|their|my|our) (?:\w+'?s )?name(?: of)?(?: please)?"
    r"|(?:it's|it is|that's|that is|is|ist|das ist|sind|es ist) für (?=(?:frau|herrn?|dr)\b)"
    r"|(?:it's|it is|that's|that is|is|are) for (?=(?:mrs|mr|ms|miss|dr)\b))\b"
)
# These introduce a name only at the start of a turn ("hier ist alles nass" is no introduction),
# and only when the name is followed by the end or by words that go on naturally after a name.
_OPENING_CUE = {
    "de": re.compile(r"(?:hier ist|ich bin(?= (?:herr|frau|dr)\b)|this is|i'm|i am|it's)\s"),
    "en": re.compile(r"(?:this is|i'm|im|i am|it's|its|it is|here is|hier ist)\s"),  # "im": "i'm" misheard
}
# Asked for the name, "ich bin Oliver Schulz" (and "ich bin der Oliver") introduces it as "ich heiße" does.
_EXPECTED_OPENING = re.compile(r"(?:(?:ja|yes|also|so)\s*,?\s*)?(?:ich bin|das ist)(?:\s+(?:der|die))?\s")
_AFTER_OPENING_NAME = re.compile(
    r"\s*(?:$|[,.;:!?]|(?:from|von|aus|here|hier|calling|speaking|again|and|und|i|ich|my|mein|meine|with|bei"
    r"|at|am|vom|von der)\b)"
)
# "Schmidt hier", "Thomas Brandt, der Name", "Mark Davies, that's my name": the name, then words that say it was one
_NAME_THEN_CUE = re.compile(
    rf"(?P<name>[{_LETTERS}]+(?:[ -][{_LETTERS}]+){{0,2}}?)(?:\s+(?:hier|am apparat|speaking|here)\b"
    r"|\s*,?\s*(?:(?:das (?:ist|war) |ist )?(?:der|mein) name|(?:that'?s|that is|that was|is) (?:my|the) name)"
    r"(?=\s*(?:$|[,.;!?]|und\b|and\b)))"
)
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+|[^\w\s]")
# "Klaus von Bülow", "Jan de Vries", "Ursula von der Leyen": words inside a surname, written small
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "ten", "ter", "da", "di", "del", "du", "le", "la"})
# The particles of a surname and its last word, ending the name: "von der Leyen." (not "von der Firma Müller")
_PARTICLE_RUN = re.compile(
    rf"(?:\s+(?:{'|'.join(sorted(_PARTICLES))})){{1,2}}\s+[{_LETTERS}]+(?:['-][{_LETTERS}]+)*\s*(?:$|[,.;!?]|(?:und|and)\b)"
)


def _name_words(after: str, lang: str) -> tuple[list[str], int]:
    """The words of a name at the start of `after`, up to the first word that cannot be one, and
    where they end in `after`."""
    words: list[str] = []
    end = 0
    fillers = _FILLERS[_lang(lang)]
    for m in _NAME_TOKEN.finditer(after):
        token = m.group()
        if (token in fillers or token in ",:") and not words:  # "mein name ist, äh, Anna"
            continue
        run = len(words) == 1 and _PARTICLE_RUN.match(after, m.start() - 1)
        if token in _PARTICLES and (run or (len(words) == 2 and words[-1] in _PARTICLES)):
            words.append(token)  # "jan de vries": the particle belongs to the surname that ends the name
            end = m.end()
            continue
        is_number_word = words_to_digits(token, lang) != token
        surname = bool(words) and token in SURNAME_WORDS and re.match(r"\s*(?:$|[,.;!?])", after[m.end() :]) is not None
        if not token[0].isalpha() or (token in _NOT_NAME and not surname) or is_number_word or token.endswith("'s"):
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
    names: list[str] = []
    for w in words[titles:]:
        names.append(w)
        if sum(1 for n in names if n not in _PARTICLES) == 3:
            break
    if not names or any(len(w) < 2 for w in names):
        return None
    if opening and names[0].endswith("ing") and len(names[0]) > 5:  # "i'm calling", "it's leaking"
        return None
    said = [w if 0 < i < len(names) - 1 and w in _PARTICLES else _capitalise(w) for i, w in enumerate(names)]
    return " ".join([_TITLES[w] for w in words[:titles]] + said)


# "hier ist die Jana", "hier spricht der Tom": spoken German puts an article before a first name. Only before one
# or two words that end the introduction, and never a word for an office, a role or a family member that
# `_NOT_NAME` lacks ("hier ist die Polizei", "hier ist der Hausmeister", "hier ist die Oma von Lena").
_ARTICLE_BEFORE_NAME = re.compile(r"(?:der|die)\s+")
_NOT_AFTER_ARTICLE = re.compile(
    r"(?:ung|ei|schaft|heit|keit|tion|tät|wehr|amt|dienst|stelle|meister|meisterin|leitung|zentrale|kasse|bank|post"
    r"|schule|kita|oma|opa|mama|papa|mami|papi|tante|onkel|cousine|cousin|kleine|kleiner|nächste|andere|erste)$"
    # "hier ist der Teufel los", "da ist der Wurm drin": an idiom's last word
    r"|^(?:los|drin|dran|raus|rein|hin|weg|da|dabei|futsch|hinüber|alle|aus)$"
)


def _name_after_article(after: str, lang: str) -> str | None:
    """The first name after "der"/"die" that follows a German introduction, or None."""
    article = _ARTICLE_BEFORE_NAME.match(after)
    if article is None:
        return None
    words, _ = _name_words(after[article.end() :], lang)
    if not 1 <= len(words) <= 2 or any(_NOT_AFTER_ARTICLE.search(w) for w in words):
        return None
    return _opening_name(after[article.end() :], lang)


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
# "Oh, fine, it's Paul Turner", "Na gut, ich bin Frau Berger": a grudging yes before the name leads into it too
_LEAD_WORDS = frozenset(
    "actually sorry eigentlich entschuldigung korrektur correction pardon fine alright okay ok gut na".split()
)
_RAW_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# "Ich bin die Tochter, Sabine Krause", "this is her son, Peter Brand": who the caller is to the person the
# call is about, said beside the name (no part of it)
_RELATION = re.compile(
    r"(?:^|(?<=[,.;!?]))\s*(?:(?:ich bin|hier (?:ist|spricht)|das ist|this is|i'm|i am|it's)\s+)?"
    r"(?:die|der|ihre|ihr|seine|sein|meine|mein|his|her|their|the|your)\s+"
    r"(?:tochter|sohn|enkelin|enkel|nachbarin|nachbar|schwester|bruder|mutter|vater|frau|mann|nichte|neffe"
    r"|daughter|son|granddaughter|grandson|neighbour|neighbor|sister|brother|mother|father|wife|husband|niece"
    r"|nephew)\s*(?=[,.;!?]|$)"
)


def without_relation(text: str) -> str:
    """The turn without who the caller is to the one the call is about ("Renate Schulz, ich bin die Mutter"):
    what is left of it for a name."""
    return _RELATION.sub(" ", _name_text(text))


# A filler between commas inside a name is a hesitation, and Whisper's commas around it no pause between a
# surname and a first name ("Kemal, äh, Yilmaz" was read back "Yilmaz Kemal")
_HESITATION = {
    lang: re.compile(r"\s*[,.]\s*\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b\s*[,.]")
    for lang, words in _FILLERS.items()
}


def extract_name(text: str, lang: str, expecting: bool = False) -> str | None:
    """The caller's name from "mein name ist ...", "hier ist ...", "my name is ...", "this is ...".

    With `expecting` (the bot asked for the name) a bare answer ("ähm anna schmidt", "müller mit
    ü") is the name too, unless it reads like anything else: digits, "ich weiß nicht", "wait".
    A correction in the same turn wins ("Weber, nein, Wéber"); a name said twice is taken in its
    longer form ("Schmidt, Anna Schmidt"); the caller's own spelling of a name with capitals inside
    is kept ("O'Connor", "McDonald"); a name spelled out ("M-I-L-L-E-R", "S wie Samuel ...") wins
    over the word speech recognition made of it, and is the name when nothing else is.
    """
    t = _HESITATION[_lang(lang)].sub(" ", _RELATION.sub(" ", _name_text(text)))  # "Kemal, äh, Yilmaz": one name
    t = _without_fillers(t, lang)  # "äh, ich heiße, ähm, Anna Schmidt"
    hints, t = _letter_hints(t)
    spelled, t = _spelled(t)
    found = None
    for m in reversed(list(_CORRECTION.finditer(t))):
        if m.end() < len(t):
            found = _name_in(t[m.end() :], lang, expecting)
            if found:  # "Anna Schmitt, nein, Schmidt": one word corrects the name said before it
                head = _name_in(t[: m.start()], lang, expecting)
                found = corrected_name(head, found) if head else found
                break
    found = _with_part(found or _name_in(t, lang, expecting) or _greeted_name(text), t, lang)
    if spelled:
        found = with_spelled(found, spelled) if found else (spelled if expecting else None)
    if found is None:
        return None
    found = with_letter_hints(found, hints)
    as_written = {w.lower().replace("’", "'"): w.replace("’", "'") for w in _RAW_WORD.findall(text)}
    return " ".join(_as_spelled(w, as_written) for w in found.split())


# issue 11, eighth call set: a part of the name said on its own in the turn ("Meier hier ..., und mein Vorname ist
# Jens", "this is Tom from Baker and Co ..., and the surname's Baker"): it completes the other part, first name first
_NAME_PART = re.compile(
    r"\b(?:(?P<first>vorname|rufname|first name|christian name|given name)|(?P<last>nachname|familienname|zuname"
    r"|surname|last name|family name))(?:'s|s)?(?:\s+(?:ist|lautet|wäre|is|was))?\s*[,:]?\s+"
)


def _with_part(found: str | None, t: str, lang: str) -> str | None:
    """The name with the parts of it the caller named as first name or surname; `found` when none was."""
    parts: dict[str, str] = {}
    for m in _NAME_PART.finditer(t):
        said = _format_name(_name_words(t[m.end() :], lang)[0][:1], opening=False)
        if said:
            parts["first" if m.group("first") else "last"] = said
    if "first" in parts and "last" in parts:
        return f"{parts['first']} {parts['last']}"
    if not parts:
        return found
    which, part = next(iter(parts.items()))
    words = (found or "").split()
    if not words:
        return part
    if part in words:
        return found
    if len(words) == 1:
        return f"{part} {found}" if which == "first" else f"{found} {part}"
    return f"{part} {words[-1]}" if which == "first" else f"{' '.join(words[:-1])} {part}"


def _as_spelled(word: str, spelled: dict[str, str]) -> str:
    own = spelled.get(word.lower())
    if own and own != own.upper() and any(c.isupper() for c in own[1:]):
        return own
    return word


# "Guten Tag, Thomas Richter, meine Nummer ist ...", "Hello, Jane Cooper, I'm calling about ...": a greeting, then
# a first name and a surname as written (both capitalised, so "Hallo, Heizung kaputt" is none), then a comma
_GREETED_NAME = re.compile(
    r"^(?:guten (?:tag|morgen|abend)|hallo|moin|hello|hi|good (?:morning|afternoon|evening))[,!.]?\s+"
    r"(?P<name>(?-i:[A-ZÄÖÜ][a-zäöüß'’-]+ [A-ZÄÖÜ][a-zäöüß'’-]+))\s*,",
    re.IGNORECASE,
)


def _greeted_name(text: str) -> str | None:
    """The name a caller gives right after their greeting, unasked and without "mein Name ist" (`_GREETED_NAME`);
    None when the two words are no name ("Guten Tag, Frau Meier" keeps its title elsewhere)."""
    m = _GREETED_NAME.match(text.strip())
    if m is None:
        return None
    words = m.group("name").split()
    if any(w.lower() in _TITLES or w.lower() in _NOT_NAME for w in words):
        return None
    return m.group("name")


# words that make a name a business's: the firm a caller says before their own name is not theirs
_FIRM = re.compile(
    r"\b(?:firma|gmbh|ag|kg|ug|ohg|gbr|logistik|bau|service|services|ltd|limited|inc|plc|llc|company|corp|group"
    r"|gruppe|holding|bäckerei|praxis|kanzlei|autohaus|hausverwaltung|immobilien|transporte|spedition|handel"
    r"|elektro|sanitär|consulting|solutions|systems|and co|und co|& co|partner|partners|söhne|sons)\b"
)


def _name_in(t: str, lang: str, expecting: bool) -> str | None:
    found = _name_at(t, lang, expecting) or _person_after_firm(t, lang)
    if not expecting and found and "," in t:
        # "it's Dave, Dave O'Neill": a name introduced, then said again in full right after it
        head, _, rest = t.partition(",")
        again = _name_at(rest.split(",")[0], lang, True) if _name_at(head, lang, False) == found else None
        if again and set(found.split()) < set(again.split()) and len(again.split()) <= 3:
            return again
        return found
    parts = [part for part in re.split(r"[,.;]", t) if part.strip()]
    if not expecting or len(parts) < 2:
        return found
    # "Schröder Logistik, Kai Schröder", "Bäckerei Lange, hier ist Frau Lange": the firm said first, then the person
    firms = [part for part in parts if _FIRM.search(part)]
    people = [n for n in (_name_at(part, lang, True) for part in parts if part not in firms) if n]
    if firms and len(people) == 1:
        return people[0]
    # "Schmidt, Anna Schmidt", "Yilmaz. Kemal Yilmaz.": the fuller form; "Müller, Hans": surname first
    names = [n for n in (_name_at(part, lang, True) for part in parts) if n]
    if len(names) < 2:
        return found
    first, second = names[0].split(), names[1].split()
    if set(first) <= set(second):
        return names[1]
    if set(second) <= set(first):
        return names[0]
    if len(first) == len(second) == 1 and "," in t:
        return f"{names[1]} {names[0]}"
    if len(first) == len(second) == 1 and len(names) == 2:
        return f"{names[0]} {names[1]}"  # "Petra. Nowak.": Whisper's full stop at a pause inside the name
    return found


def _person_after_firm(t: str, lang: str) -> str | None:
    """ "Becker GmbH, Tom Becker am Apparat", "Fox Events Ltd, this is Andrew Fox": unasked, the firm said first and
    then the person introduced in a cue of their own; the person is the caller (the firm stays in their words)."""
    firm, comma, rest = t.partition(",")
    if not comma or not _FIRM.search(firm):
        return None
    return _name_at(rest.split(",")[0].strip(), lang, False)


def _name_at(t: str, lang: str, expecting: bool) -> str | None:
    found = None
    for cue in _NAME_CUE.finditer(t):
        after = t[cue.end() :]
        found = (
            _format_name(_name_words(after, lang)[0], opening=False)
            or _name_after_article(after.lstrip(), lang)
            or found
        )
    if found:
        return found
    lead = _after_lead(t, _LEAD_WORDS)
    opening = _OPENING_CUE[_lang(lang)].match(t, lead)
    if opening:
        return _opening_name(t[opening.end() :], lang) or _name_after_article(t[opening.end() :], lang)
    expected_opening = _EXPECTED_OPENING.match(t, lead) if expecting else None
    if expected_opening:
        return _opening_name(t[expected_opening.end() :], lang)
    name_first = _NAME_THEN_CUE.match(t, lead)
    if name_first:  # "schmidt hier": every word before "hier" must be a name
        words, end = _name_words(name_first.group("name"), lang)
        if end == len(name_first.group("name")):
            return _format_name(words, opening=False)
    if expecting and not re.search(r"\d", t):
        return _format_name(_name_words(t[lead:], lang)[0], opening=False)
    return None


# A name spelled out as speech recognition writes it: "M-I-L-L-E-R", "M I L L E R", "m, i, l, l, e, r",
# "S wie Samuel, C wie Cäsar ..." (the German spelling alphabet), "doppel-L" / "double L". At least three
# letters, so "I" and "a" in a sentence are never taken for spelling.
# The spelling alphabets' words (NATO's, and DIN 5009's names and towns): said after "as in"/"wie", the word
# tells the letter even where Whisper wrote the letter itself otherwise. On the phone line "S as in Sierra"
# comes out "S's in Sierra", "A as in Alpha" as "I's in Alpha", "N as in November" as "and as in November"
# (`triage eval-calls --spoken`); "Es wie Samuel", "Em wie Martha" is the German letter written as its name.
_ALPHABET_WORDS = (
    "alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike november oscar "
    "papa quebec romeo sierra tango uniform victor whiskey whisky x-ray xray yankee zulu "
    "anton ärger berta cäsar charlotte dora emil friedrich gustav heinrich ida julius kaufmann ludwig martha "
    "nordpol otto ökonom paula quelle richard samuel siegfried schule eszett theodor ulrich übermut viktor "
    "wilhelm xanthippe ypsilon zacharias zeppelin aachen berlin chemnitz düsseldorf essen frankfurt goslar "
    "hamburg ingelheim jena köln leipzig münchen nürnberg offenbach potsdam quickborn rostock salzwedel "
    "tübingen unna umlaut völklingen wuppertal xanten zwickau"
)
_CODE_WORD = "|".join(sorted(_ALPHABET_WORDS.split(), key=len, reverse=True))
# the letter as Whisper writes it before its code word: itself, with "'s", or the letter's name as a word
_SAID_LETTER = r"(?:[a-zäöüß](?:'s)?|[a-zäöü]{2,4})"
_LETTER_UNIT = (
    r"(?:(?:doppel-?\s?|double\s|zwei\s)?"
    rf"(?:{_SAID_LETTER}\s+(?:wie|for|as\s+in|is\s+in|in)\s+(?:{_CODE_WORD})(?![\w'’-])"
    r"|[a-zäöüß](?:\s+(?:wie|for|as\s+in)\s+[a-zäöüß]+)?))"
)
_SPELLED = re.compile(rf"(?<![\w'’]){_LETTER_UNIT}(?:[-.,\s]+{_LETTER_UNIT}){{2,}}(?![\w'’-])")
_UNIT = re.compile(_LETTER_UNIT)
_CODED = re.compile(rf"\s(?:{_CODE_WORD})$")
# the code words whose letter is not their first: "Sch wie Schule", "Eszett", "Ypsilon"
_CODE_LETTER = {"schule": "sch", "eszett": "ß", "ypsilon": "y", "umlaut": ""}
# "Pötter mit Ö", "Meier mit e i", "Kelly with a y": a hint on how the name is written, said before the
# caller spells it ("P wie Paula ..."); its letters belong to no spelled run.
_SPELLING_HINT = re.compile(
    r"\b(?:mit|with(?:\s+an?)?)(?:\s+(?:doppel-?\s?|double\s|zwei\s)?[a-zäöüß](?![\w'’-]))+(?!\s+(?:wie|for|as\s+in)\b)"
)
# "Marc with a C", "Meier mit a i", "Schmidt mit Doppel-T", "Stefan mit ph": how a word of the name is written,
# where the word said sounds the same either way, so speech recognition writes its commonest form ("Mark with the
# C", `triage eval-calls --spoken`). The letters said, then the sounds they may stand for in the word as written.
_HINT_CLUSTER = r"ai|ei|ay|ey|ie|ph|th|dt|tt|ck|ch|tz|ae|oe|ue|ks"
_HINT_NAMES = {"ypsilon": "y", "zett": "z", "zet": "z", "ka": "k", "see": "c", "sea": "c", "cee": "c", "kay": "k"}
_LETTER_HINT = re.compile(
    r"\b(?:mit(?:\s+(?:einem|dem))?|with(?:\s+(?:an?|the))?)\s+"
    rf"(?P<hint>(?:doppel-?\s?|double\s|zwei\s|two\s)[a-z](?:'?s\b)?|{_HINT_CLUSTER}|[a-zäöüß](?:[\s-][a-z])?"
    rf"|{'|'.join(_HINT_NAMES)})(?![\w'’-])(?=\s*(?:$|[,.;!?]|\b(?:and|und|not|nicht|instead|statt)\b))"
)
_HINTED_WORD = re.compile(rf"\b(?P<word>[{_LETTERS}][{_LETTERS}'-]*)\s*,?\s+(?:(?:aber|but|only|nur)\s+)?$")
# sounds written in more than one way; a hint's letters replace another member of a group found in the word
_SOUND_GROUPS = (
    ("k", "c", "ck", "ch", "q"), ("i", "y", "ie"), ("f", "v", "ph"), ("w", "v"), ("ai", "ei", "ay", "ey"),
    ("t", "th", "tt", "dt", "d"), ("s", "ss", "ß"), ("z", "tz"), ("s", "z"), ("ä", "ae", "e"), ("ö", "oe", "o"),
    ("ü", "ue", "u"), ("x", "ks", "chs", "cks"),
)


def _hint_letters(hint: str) -> str:
    if hint in _HINT_NAMES:
        return _HINT_NAMES[hint]
    double = re.match(r"(?:doppel-?\s?|double\s|zwei\s|two\s)([a-z])", hint)
    return double.group(1) * 2 if double else re.sub(r"[\s-]", "", hint)


def _written_with(word: str, letters: str) -> str | None:
    """`word` written with the `letters` the caller said it has, in place of letters that sound the same
    ("Mark" with "c" -> "Marc", "Meier" with "ai" -> "Maier", "Philip" with "ll" -> "Phillip"); None when it
    has them already or nothing in it sounds like them."""
    low = word.lower()
    if letters in low:
        return None
    groups = [g for g in _SOUND_GROUPS if letters in g]
    if len(letters) == 2 and letters[0] == letters[1]:
        groups.append((letters[0], letters))
    for group in groups:
        for other in sorted((g for g in group if g != letters), key=len, reverse=True):
            at = low.rfind(other) if "y" in group else low.find(other)
            if at >= 0 and not (len(other) == 1 and low[at : at + len(letters)] == letters):
                new = low[:at] + letters + low[at + len(other) :]
                return _capitalise(new) if word[:1].isupper() else new
    return None


def _letter_hints(t: str) -> tuple[list[tuple[str | None, str]], str]:
    """The hints on how a word of a name is written in lower-cased `t` (the word said before the hint or None,
    the letters; "mark with the c" -> [("mark", "c")]), and `t` without them."""
    if "mit" not in t and "with" not in t:
        return [], t
    hints: list[tuple[str | None, str]] = []
    for m in reversed(list(_LETTER_HINT.finditer(t))):
        before = _HINTED_WORD.search(t, 0, m.start())
        hints.insert(0, (before.group("word") if before else None, _hint_letters(m.group("hint"))))
        t = f"{t[: before.end('word') if before else m.start()]},{t[m.end() :]}"
    return hints, t


def letter_hints(text: str) -> list[tuple[str | None, str]]:
    """The hints on how a word of a name is written in `text`: "Mark with the C" -> [("mark", "c")]."""
    return _letter_hints(_name_text(text))[0]


def with_letter_hints(name: str, hints: list[tuple[str | None, str]]) -> str:
    """`name` with each hint applied to the word it was said after, or else to the one word of the name
    (the last, when more could) that sounds like it could be written so."""
    words = name.split()
    for before, letters in hints:
        at = [i for i, w in enumerate(words) if before and w.lower() == before]
        if not at:
            at = [i for i, w in enumerate(words) if _written_with(w, letters)]
        if at and (new := _written_with(words[at[-1]], letters)):
            words[at[-1]] = new
    return " ".join(words)


# Two letters at the very end of a turn: the caller is spelling and may not be done ("S, A, R" - a breath).
_SPELLING_AT_END = re.compile(rf"(?<![\w'’]){_LETTER_UNIT}(?:[-.,\s]+{_LETTER_UNIT})+[-.,\s]*$")


def ends_spelling(text: str) -> bool:
    """The words end on a name spelled letter by letter (at least two letters), which may go on."""
    return bool(_SPELLING_AT_END.search(text.lower()))


def spells_name(text: str) -> bool:
    """The caller spells a word letter by letter ("S as in Sierra, I as in India, ...", "M-I-L-L-E-R")."""
    return _spelled(_name_text(text))[0] is not None


def unspelled(text: str) -> str:
    """The words of `text` (lower-cased) without the letters of a name spelled out and hints such as "mit Ö":
    "Siobhan Kelly, S as in Sierra, I as in India, ..." is two words of a name, however long the spelling."""
    return _spelled(_name_text(text))[1]


def _spelled(t: str) -> tuple[str | None, str]:
    """The last spelled-out word of lower-cased `t` (capitalised) and `t` without any spelling, so the
    letters are never read as the words of a name."""
    t = _SPELLING_HINT.sub(",", t)
    runs = list(_SPELLED.finditer(t))
    if not runs:
        return None, t
    letters = []
    for unit in _UNIT.finditer(runs[-1].group()):
        u = unit.group()
        said = re.sub(r"^(?:doppel-?\s?|double\s|zwei\s)", "", u)
        coded = _CODED.search(said)
        letter = _CODE_LETTER.get(coded.group().strip(), coded.group().strip()[0]) if coded else said[0]
        letters.append(letter * (2 if said != u else 1))
    rest = t
    for run in reversed(runs):
        rest = f"{rest[: run.start()]},{rest[run.end() :]}"
    return _capitalise("".join(letters)), rest


def with_spelled(name: str, spelled: str) -> str:
    """The caller's spelling wins over the words speech recognition made of the name: it replaces the
    word of `name` it is most like ("John Moher" spelled "Miller" -> "John Miller")."""
    return replace_word(name, spelled)


def replace_word(name: str, word: str) -> str:
    """`name` with the one word `word` corrects: the most similar of its words, the surname when none
    is alike ("Anna Schmitt" + "Schmidt" -> "Anna Schmidt"; "John Moher" + "Miller" -> "John Miller")."""
    words = name.split()
    if word in words:
        return name
    likeness = [_likeness(w, word) for w in words]
    by_letters = [SequenceMatcher(None, w.lower(), word.lower()).ratio() for w in words]
    if max(by_letters) >= 0.7:  # "Marc" corrects "Mark" in "Mark Meier", though "Meier" has its consonants
        likeness = by_letters
    best = max(range(len(words)), key=lambda i: (likeness[i], i))
    if likeness[best] < 0.3:  # "Chivon" is "Siobhan" as Whisper wrote it (0.33); "John" is nothing like "Miller"
        best = len(words) - 1
    words[best] = word
    return " ".join(words)


def _skeleton(word: str) -> str:
    """The consonants of a word as heard, doubles merged: "Moher" and "Miller" -> "mr", "mlr"."""
    out = ""
    for ch in re.sub(r"[aeiouyäöüh]", "", word.lower()):
        if not out.endswith(ch):
            out += ch
    return out


def _likeness(a: str, b: str) -> float:
    """How alike two words sound, in [0, 1]: by letters or by their consonants ("Terry" and "Sarah")."""
    by_letters = SequenceMatcher(None, a.lower(), b.lower()).ratio()
    return max(by_letters, SequenceMatcher(None, _skeleton(a), _skeleton(b)).ratio())


def within_name(heard: str | None, kept: str | None) -> bool:
    """The name heard is the one kept, or a part of it: "Tom Becker am Apparat" or "this is Sarah" to a call that
    has "Sarah Cole" says that name again (a confirmation), it does not shorten it."""
    if not heard or not kept:
        return False
    said = set(fold(heard).split())
    return bool(said) and said <= set(fold(kept).split())


def corrected_name(read_back: str | None, said: str) -> str:
    """The name after the caller corrected its read-back: a whole name replaces it, one word replaces
    the word of the read-back name it corrects ("nein, Schmidt" to "Anna Schmitt" -> "Anna Schmidt")."""
    if not read_back or len(said.split()) > 1 or len(read_back.split()) < 2:
        return said
    if said.lower() in (w.lower() for w in read_back.split()):
        return read_back  # "no, Miller" to "John Miller": only a word said again
    return replace_word(read_back, said)


# "Yilmaz, Ayse Yilmaz, und die Nummer ist ...": the number named after the words before it
_NUMBER_NAMED_NEXT = re.compile(
    r"[,;.]?\s*(?:und |and )?(?:die |meine |the |my )?(?:telefon|handy|rückruf|festnetz|phone |mobile )?"
    r"(?:nummer|number)\b",
    re.IGNORECASE,
)


_KIND_OF_NUMBER = frozenset(
    "mobil handy festnetz privat büro dienstlich geschäftlich zuhause mobile cell landline home work office".split()
)
# "Müller, 0171 2345678", "Kerstin Vogel, 0421 ...": the name, a comma, then the number's digits in one breath
_NUMBER_AFTER_COMMA = re.compile(r"\s*[,;]\s*(?:und |and )?(?=\+?\d)")


def name_before_number(text: str, lang: str) -> str | None:
    """The caller's name said first where the callback number or the name was asked, before "und die Nummer ist ..."
    / "and the number is ..." or before the number's digits after a comma ("Müller, 0171 2345678"). Only words
    written as a name is (capitalised) count: "ich bin erreichbar unter der Nummer" names nobody."""
    cue = _NUMBER_NAMED_NEXT.search(text) or _NUMBER_AFTER_COMMA.search(text)
    if cue is None or re.search(r"\d", text[: cue.start()]):
        return None
    before = text[: cue.start()]
    name = extract_name(before, lang, expecting=True)
    if name is None or not all(re.search(rf"\b{re.escape(word)}\b", before) for word in name.split()):
        return None
    if name.lower() in _KIND_OF_NUMBER:  # "Mobil, 0171 ...": which number, not whose
        return None
    return name
