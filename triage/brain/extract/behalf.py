"""Who a call is for, when the caller is not the person concerned ("ich rufe für meinen Vater an", "I work for Mr
Walsh", "die Assistentin von Herrn Dr. Albers", "for one of my clients"), and whose number a callback number is when
it is not the caller's ("Herr Jansen ist unter 0160 ... erreichbar", "call Mr Walsh directly, his mobile is ...").

The agent reads both in the summary: whom they call back, and whom the call is about. Pure: text in, the words as the
caller said them out.
"""

from __future__ import annotations

import re

_PERSON_DE = (
    r"(?:(?:meine[nmr]?|unsere[nmr]?|seine[nmr]?|ihre[nmr]?|eine[nmr]?|den|die|der|dem) (?:\w+ )?"
    r"(?:mutter|vater|mama|papa|oma|opa|großmutter|großvater|tochter|sohn|mann|frau|eltern|schwester|bruder"
    r"|schwiegermutter|schwiegervater|nachbarn?|nachbarin|chef|chefin|kolleg\w*|patient\w*|bewohner\w*"
    r"|klient\w*|mieter\w*|tante|onkel|enkel\w*)\b"
    r"|(?:herrn?|frau) (?:dr\.? |doktor )?(?-i:[A-ZÄÖÜ])[\wäöüß-]+)"
)
_PERSON_EN = (
    r"(?:(?:my|our|his|her|their|a|an|the|one of my|one of our) (?:\w+ )?"
    r"(?:mum|mom|mother|dad|father|parents|gran|grandma|grandmother|grandad|grandfather|daughter|son|husband|wife"
    r"|sister|brother|neighbou?rs?|boss|manager|colleague|patients?|clients?|residents?|tenants?|aunt|uncle"
    r"|grandson|granddaughter|in-laws)\b"
    r"|(?:mr|mrs|ms|miss|dr)\.? (?-i:[A-Z])[\w'-]+)"
)
# "ich rufe für meinen Vater an", "im Auftrag von Herrn Jansen", "die Assistentin von Herrn Dr. Albers", "Mitarbeiter
# von Herrn Jansen", "für eine Patientin", "bei meiner Mutter ist ...", "calling for my mum", "on behalf of Mr
# Patel", "I work for Mr Walsh", "from Mr Patel's office", "for one of my clients", "my mother's heating"
_FOR_WHOM = re.compile(
    rf"\b(?P<de>(?:für|im auftrag (?:von )?|assistentin von|assistent von|sekretärin von|mitarbeiter(?:in)? von"
    rf"|kolleg(?:e|in) von|bei) {_PERSON_DE})"
    rf"|\b(?P<en>(?:calling for|ringing for|phoning for|on behalf of|i work for|we work for|assistant to|for"
    rf"|from) {_PERSON_EN}(?:'s)?|{_PERSON_EN}'s|(?:my|our) neighbou?rs')"
    # who the caller is to the one concerned: "hier ist die Tochter", "I'm her daughter"
    r"|\b(?P<relation>(?:ich bin|hier ist|hier spricht) (?:die|der|ihre|seine) (?:tochter|sohn|nachbarin|nachbar"
    r"|schwester|bruder|enkelin|enkel|pflegerin|pfleger|betreuerin|betreuer)"
    r"|(?:i'm|i am|this is) (?:her|his|their|the) (?:daughter|son|neighbou?r|sister|brother|granddaughter|grandson"
    r"|carer))\b",
    re.IGNORECASE,
)
# the named one, or the one a pronoun stands for, whose number it is: "Herr Jansen ist unter", "call Mr Walsh
# directly", "Mr Patel's direct line is", "his mobile is", "er ist unter", "seine Nummer ist"
_NAMED = re.compile(r"\b(?:herrn?|frau|mr|mrs|ms|miss|dr)\.? (?:dr\.? )?(?-i:[A-ZÄÖÜ])[\wäöüß'-]+", re.IGNORECASE)
_THIRD_PERSON_NUMBER = re.compile(
    r"\b(?:his|her|he's on|she's on|he is on|she is on|seine|ihre|er ist (?:unter|erreichbar)"
    r"|sie ist (?:unter|erreichbar))\b",
    re.IGNORECASE,
)
_OWN_NUMBER = re.compile(r"\b(?:mich|mir|meine nummer|me|my number|my mobile|my phone|my own)\b", re.IGNORECASE)
# words that open a request to the business, never a person the call is for ("für den Kundendienst", "for support")
_NOT_A_PERSON = re.compile(r"\b(?:the|den|die) (?:\w+ )?(?:team|support|office|büro|kundendienst)\b", re.IGNORECASE)


def for_whom(text: str) -> str | None:
    """The person the call is for, as the caller said it ("für meinen Vater", "I work for Mr Walsh", "my mother's");
    None when the caller names nobody else."""
    for m in _FOR_WHOM.finditer(text):
        said = m.group(0).strip()
        if _NOT_A_PERSON.search(said):
            continue
        return said[:-2] if said.endswith("'s") else said.rstrip("'")
    return None


def number_of(text: str, concerned: str | None = None) -> str | None:
    """Whose callback number the turn gives, when it is not the caller's own: the person named beside it ("Herr
    Jansen ist unter ...", "call Mr Walsh directly"), or the one the call is for (`concerned`, said before) where a
    pronoun stands for them ("his mobile is", "he's on ..."). None for the caller's own number."""
    if _OWN_NUMBER.search(text):
        return None
    named = _NAMED.search(text)
    if named:
        person = named.group(0)
        return person[:-2] if person.endswith("'s") else person
    if not _THIRD_PERSON_NUMBER.search(text):
        return None
    before = _NAMED.search(concerned) if concerned else None
    return before.group(0) if before else None
