"""The firm a caller calls from ("Müller GmbH, Schmidt hier", "this is Jane from Acme Ltd", "Schneider & Partner",
"von der Firma Brandt"): the agent reads it beside the caller's name, and the stored message keeps it, so the client
knows whom to call back. Pure: text in, the firm's name as the caller said it out.

Only a name with a legal form (GmbH, AG, Ltd, Inc ...), a partnership ("& Partner", "& Söhne", "& Co") or the word
"Firma"/"company" before it counts: "Müller hier" is a person, "bei uns im Büro" no firm.
"""

from __future__ import annotations

import re

_WORD = r"[A-ZÄÖÜ][\w.'-]*"
_LEGAL_FORM = (
    r"GmbH(?:\s*(?:&|und)\s*Co\.?\s*KG)?|gGmbH|AG|KG|OHG|GbR|UG|mbB|e\.\s?K\.|e\.\s?V\.|Ltd\.?|Limited|Inc\.?|LLC"
    r"|plc|PLC|Corp\.?|LLP"
)
_FIRMS = (
    # "Schneider & Partner", "Lange und Söhne", "Smith & Sons", "Becker & Co"
    re.compile(
        rf"(?P<firm>(?:{_WORD}\s+){{0,2}}{_WORD}\s*(?:&|und|and)\s*(?:Partner\w*|Söhne|Sons|Co\b\.?)"
        rf"(?:\s+(?-i:{_LEGAL_FORM}))?)"
    ),
    # "Müller GmbH", "Bauer Logistik GmbH", "Acme Ltd"
    re.compile(rf"(?P<firm>(?:{_WORD}\s+){{0,3}}{_WORD}\s+(?-i:{_LEGAL_FORM}))(?![\w])"),
    # "von der Firma Brandt", "Firma Hansen Bau", "from the company Northwind"
    re.compile(rf"\b(?:[Ff]irma|[Cc]ompany)\s+(?P<firm>{_WORD}(?:\s+{_WORD}){{0,2}})"),
)
# capitalised words that open a sentence or a greeting, never the start of a firm's name
_NOT_FIRM = frozenset(
    "guten tag hallo hello hi moin morgen good morning this is hier ich wir von from die der das the bei für for"
    " ja yes also so ok okay ach oh na grüß gott servus entschuldigung sorry".split()
)


def firm_of(text: str) -> str | None:
    """The firm named in the turn, as said; None when the turn names none."""
    for pattern in _FIRMS:
        for m in pattern.finditer(text):
            words = m.group("firm").split()
            while words and words[0].lower().strip(".,") in _NOT_FIRM:
                words = words[1:]
            firm = " ".join(words).rstrip(",")
            if not re.search(rf"(?:{_LEGAL_FORM}|Co\.)$", firm):
                firm = firm.rstrip(".")  # the sentence's full stop, not an abbreviation's
            if len(words) >= 2 or (firm and pattern is _FIRMS[2]):
                return firm
    return None
