"""Turns that carry no request: fillers, greetings, yes/no, numbers, a name or an address, and shouting."""

from __future__ import annotations

import re

from ..text import Folded, fold

# nothing but fillers and "hello, is anyone there?"
NO_CONTENT_WORDS = frozenset(
    fold(w)
    for w in "äh ähm ehm hm hmm mhm öhm uh uhm um umm er erm ah oh so also ja naja na like you know "
    "hallo hello hi hey moin "
    "ist da jemand is there anyone anybody someone can you hear me hören sie mich können hoeren koennen sie "
    "test testing eins zwei one two wer hört hoert hör nix nichts anybody home hellooo halloo".split()
)
# ... of which these carry no caller at all (P4: silence, a line test); a greeting, a "ja" or "wer ist da"
# is a real caller who has not said what they need yet (P3 `other`: asked what they need)
FILLER_WORDS = frozenset(
    fold(w)
    for w in "äh ähm ehm hm hmm mhm öhm uh uhm um umm er erm ah oh so also naja na like you know "
    "test testing eins zwei one two".split()
)
# never an emergency, never distress, whatever a model makes of them
EVERYDAY_WORDS = frozenset(
    fold(w)
    for w in (
        # greetings, goodbyes, fillers
        "hallo hello hi hey moin servus grüß gott guten tag morgen abend mittag good morning afternoon evening day "
        "tschüss tschüs ciao bye goodbye auf wiederhören wiedersehen bis dann später later see you "
        # taking a request back: "never mind, goodbye", "ach, vergessen Sie's, tschüss", "schon gut, macht nichts"
        "never mind forget vergessen vergiss s schon macht nichts "
        "äh ähm ehm hm hmm mhm öhm uh uhm um umm er erm ah oh so also na naja well like you know i mean "
        # thanks, yes, no, politeness
        "danke dankeschön schön vielen dank thanks thank you so much very bitte please sorry entschuldigung "
        "ja jawohl jo jep yes yeah yep yup sure genau richtig korrekt stimmt right correct exactly "
        "nein nee nö no nope nicht not falsch wrong das ist alles that s all it all war s was noch mal "
        "okay ok alles klar klar natürlich of course selbstverständlich gern gerne fine passt schon egal mir "
        "i don t mind ist sind es is it that this das der die den dem ein eine einen and und oder or a an the "
        "moment augenblick sekunde second minute hold on wait warten sie mal wie bitte pardon again "
        # numbers, spelled or as digits
        "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend "
        "zero oh one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand double "
        "nummer number telefonnummer phone handy mobile meine my mein is ist lautet heiße heisse name "
        # addresses
        "in im am an der straße strasse str weg platz allee gasse ring damm ufer street st road rd lane avenue "
        "ave way close drive flat apartment wohnung stock etage floor hausnummer postleitzahl postcode zip"
    ).split()
)
_EVERYDAY_UNKNOWN_MAX = 2
# a call for help is never an everyday turn, however short ("Hilfe, Einbrecher!")
_NOT_EVERYDAY = frozenset(fold(w) for w in "hilfe help notfall emergency sos feuer fire polizei police".split())
# a name or a city may follow "mein Name ist", "my number is", a street word
_NAME_CUES = frozenset(fold(w) for w in "name heiße heisse spricht ist is this straße strasse street road weg".split())


def only_everyday_words(text: str, folded: Folded) -> str | None:
    """The words, if a turn is only greetings, fillers, thanks, yes/no, numbers, a name or an address.

    Such a turn answers a question or opens the call; no model may read an emergency or distress
    into it ("Guten Tag!", "Ist mir egal.", "Klaus Weber", "Goethestraße 14").
    """
    tokens = folded.text.split()
    if not tokens or any(t in _NOT_EVERYDAY for t in tokens):
        return None
    unknown = [
        t for t in tokens
        if t not in EVERYDAY_WORDS and not t.isdigit() and not re.fullmatch(r"\d+\w?|\w+(strasse|str|weg|platz)", t)
    ]
    if not unknown:
        return folded.text
    if len(unknown) > _EVERYDAY_UNKNOWN_MAX:
        return None
    raw_words = text.split()
    title_case = len(raw_words) <= 3 and all(w[:1].isupper() for w in raw_words if w[:1].isalpha())
    cued = any(t in _NAME_CUES for t in tokens) or any(t.isdigit() for t in tokens)
    return folded.text if title_case or cued else None


# a filler and a scrap no recogniser turns into a word ("hmm qwe", "äh xyz"): at most this many words, the scraps
# at most this many letters (issue 11, seventeenth pass: a retrained model read "hmm qwe" as a report)
_MUMBLE_MAX_WORDS = 3
_SCRAP_MAX_LETTERS = 3
# ... and never a short danger word ("äh gas"), which the rules and the model read
_SHORT_DANGER = frozenset("gas gaz co sos axt".split())
# a transcript's note of a sound, not a word anyone said ("*Rauschen*", "[static]"; issue 11, twentieth set)
_SOUND_NOTES = frozenset(
    fold(w) for w in "rauschen knistern knacken unverständlich static crackle crackling hiss inaudible".split()
)


def mumble(folded: Folded) -> str | None:
    """The words, if a turn is a filler and scraps that are no word of an everyday answer ("hmm qwe").

    Such a turn says nothing to act on; the caller is asked again (P4 `other`). A rule that sees anything in
    it (a danger word, a request) comes first: the caller decides that, not this check.
    """
    tokens = folded.text.split()
    if tokens and len(tokens) <= _MUMBLE_MAX_WORDS and all(t in _SOUND_NOTES or t in FILLER_WORDS for t in tokens):
        return folded.text  # "*Rauschen*", "hm *static*": nothing but the sound of the line
    if not tokens or len(tokens) > _MUMBLE_MAX_WORDS or not any(t in FILLER_WORDS for t in tokens):
        return None
    scraps = [t for t in tokens if t not in FILLER_WORDS]
    if scraps and all(
        t.isalpha() and len(t) <= _SCRAP_MAX_LETTERS and t not in EVERYDAY_WORDS and t not in _NOT_EVERYDAY
        and t not in _SHORT_DANGER
        for t in scraps
    ):
        return folded.text
    return None


_SHOUTED = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")
_SHOUTED_WORDS = frozenset("NOW SOFORT JETZT HILFE HELP SCHNELL QUICK".split())


def shouting(text: str) -> str | None:
    """Words in capitals the recogniser or the typist kept: 'get me a person NOW', 'HILFE'.

    One capitalised urgent word, or three capitalised words, is shouting; acronyms (IT, VPN, WLAN)
    alone are not.
    """
    found = _SHOUTED.findall(text)
    if any(w in _SHOUTED_WORDS for w in found) or len(found) >= 3:
        return " ".join(found)
    return None
