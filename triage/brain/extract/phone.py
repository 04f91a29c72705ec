"""Callback numbers as speech recognition writes them: digits, groups, words, "plus", "null"."""

from __future__ import annotations

import re

from .common import _ABBREVIATION_DOT, _prepare, _without_fillers

_PLUS = re.compile(r"\bplus\s*(?=\d)")
_DIGIT_GROUP = re.compile(r"\+?\d+")
# What may stand between the digit groups of one number: "040/123456-7", "(030) 1234 567", "0171, 23",
# and the full stop speech recognition puts at a pause: "0176. 555. 1234."
_GAP = re.compile(r"[ \t]*(?:[/\-()][ \t]*){0,3}|[,.][ \t]+")
_PHONE_CUE = re.compile(
    r"telefon|handy|mobil|festnetz|rückruf|rueckruf|erreichbar|erreichen|anrufen|zurückrufen"
    r"|ruf(?:en sie)? mich"
    r"|(?<!haus)(?<!kunden)(?<!bestell)(?<!auftrags)(?<!rechnungs)(?<!vertrags)nummer\b"
    r"|phone|mobile|cell|call me|reach me|call back|callback|ring me"
    r"|(?<!house )(?<!order )(?<!customer )(?<!account )(?<!invoice )(?<!reference )number"
)
_NOT_PHONE = re.compile(
    r"(?:hausnummer|hausnr|postleitzahl|plz|kundennummer|bestellnummer|auftragsnummer|rechnungsnummer"
    r"|vertragsnummer|vorgangsnummer|ticketnummer|seriennummer|aktenzeichen|house number|zip code|zip|postcode"
    r"|postal code|order number|customer number|account number|invoice number|reference number|ticket number"
    r"|case number|serial number"
    # "Rechnung 2024-117", "Auftrag Nr. 4711", "invoice no 117": the number of a paper, not of a phone
    r"|\b(?:rechnung|auftrag|bestellung|vorgang|ticket|invoice|order|case)(?:\W*(?:nr|no|nummer|number)\b\.?)?)"
    r"\W*(?:ist|is|lautet|wäre|war|was)?\W*$"
)
_TRUNK_ZERO = re.compile(r"^\+(49|43|41|44)0")  # "+49 0171 ..." dials as "+49 171 ..."


def _phone_text(text: str, lang: str) -> str:
    """The turn with its number words as digits: in the call's language, or, when that finds no digit,
    in the other one (an English caller who dictates "null eins sieben null" as they learned it)."""
    prepared = _one_phone_text(text, lang)
    if _DIGIT_GROUP.search(prepared):
        return prepared
    other = _one_phone_text(text, "de" if lang == "en" else "en")
    return other if _DIGIT_GROUP.search(other) else prepared


# Whisper writes a dictated number as a figure on the phone line: "0-4217,766,551", "0.4212,233,445." (heard by
# `triage eval-calls --spoken`): thousands separators between its groups, and "zero point" for the leading zero
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_ZERO_POINT = re.compile(r"(?<![\d.,])0\.(?=\d{6})")
# ... and in groups of any length after a leading zero, which no amount is written with: "01765,5443,322.",
# "0.4217,7665,544.", "0157 8,8990011" (the caller's "0176 5544 3322", "0421 7766 5544", "0157 8899 0011")
_ZERO_LED_GROUPS = re.compile(r"(?<![\d.,])0[.,-]?\d+(?:(?:[ \t]+|-)?\d+)*(?:,\d+(?:(?:[ \t]+|-)?\d+)*)+")
# "0 4 2 1, double 5, 6 7": a repeated digit Whisper wrote as a figure after the word
_REPEATED_FIGURE = re.compile(r"\b(double|doppel|doppelt|triple|tripel)[ \t-]*(\d)\b", re.IGNORECASE)
_REPEATS = {"double": 2, "doppel": 2, "doppelt": 2, "triple": 3, "tripel": 3}


# "four" inside a dictated number written "for": "045,540 for 3,322" ("zero four zero, five five four four, three
# three two two"); only between the groups of a number led by its zero that is not whole before it, and that
# its digits end ("2 for 10 euros", "call 0421 556677 for 10 minutes" stay)
_FOR_FOUR = re.compile(r"(?<![\d.,])(0[\d.,-]*\d)[ \t]+for[ \t]+(?=\d[\d \t.,-]*(?:[.!?]?\s*$))")


def _four_for(m: re.Match[str]) -> str:
    return f"{m.group(1)} 4 " if sum(ch.isdigit() for ch in m.group(1)) <= 7 else m.group()


def _one_phone_text(text: str, lang: str) -> str:
    prepared = _FOR_FOUR.sub(_four_for, _prepare(text, lang).text)
    prepared = _ZERO_LED_GROUPS.sub(lambda m: re.sub(r"(?<=^0)[.,-]|,", "", m.group()), prepared)
    prepared = _ZERO_POINT.sub("0 ", _THOUSANDS.sub("", prepared))
    prepared = _REPEATED_FIGURE.sub(lambda m: m.group(2) * _REPEATS[m.group(1).lower()], prepared)
    return _corrected_groups(_PLUS.sub("+", _without_fillers(_ABBREVIATION_DOT.sub(r"\1", prepared), lang)))


# "040, 123, nein, 132, 4567": a correction inside a number, followed by the digits that replace some
# ("0176 12 34 56 78, sorry, the end is 56 87": the words that say which part comes again may follow)
_GROUP_CORRECTION = re.compile(
    r"[ \t]*[,.]?[ \t]*\b(?:no sorry|nein moment|nein|nee|no|sorry|entschuldigung|verzeihung|pardon|ich meine|i mean"
    r"|korrektur|correction)\b"
    r"(?:[ \t]*[,.]?[ \t]*(?:the end is|it ends (?:in|with)|the last (?:\w+ )?(?:digits )?(?:are|is)"
    r"|am ende|hinten|am schluss|die letzten (?:\w+ )?(?:ziffern )?sind|(?:sie |es )?endet (?:auf|mit)))?"
    r"[ \t]*[,.:]?[ \t]*(?=\d)"
)


def _corrected_groups(text: str) -> str:
    """A number corrected in the middle ("040, 123, nein, 132, 4567") as the caller meant it ("040, 132,
    4567"): the group corrected (the last one before the correction as long as the first group after it,
    else the last one; the group the correction starts with, when the caller says it again) and the
    correction words go; the area code stays. A correction that starts again
    with 0 or + is a whole number said anew and is left as it is (the last number wins)."""
    pos = 0
    while m := _GROUP_CORRECTION.search(text, pos):
        runs = _digit_runs(text[: m.start()])
        after = _DIGIT_GROUP.match(text, m.end())
        pos = m.end()
        if not runs or not after or after.group()[0] in "+0" or runs[-1][-1].end() != m.start():
            continue
        run = runs[-1]
        if len(run) == 1 and (fixed := _tail_corrected(text, run[0], m.end())) is not None:
            # "017612345678, sorry, the end is 5687": a number written as one figure, its end said again
            text, pos = fixed, run[0].start()
            continue
        if len(run) < 2 or run[0].group()[0] not in "+0":
            continue
        # "0170, 98 76, no sorry, 98 67": the caller says again from a group they already said
        again = [k for k in range(1, len(run)) if run[k].group() == after.group()]
        same = [k for k in range(1, len(run)) if len(run[k].group()) == len(after.group())]
        k = again[-1] if again else same[-1] if same else len(run) - 1
        text = text[: run[k].start()] + text[m.end() :]
        pos = run[k].start()
    return text


def _tail_corrected(text: str, whole: re.Match[str], at: int) -> str | None:
    """`text` with the end of the number `whole` (one figure, as speech recognition writes a number said
    without pauses) replaced by the digits said again at `at`; None when they are no shorter end of it (the
    area code and the first digits stay)."""
    number = whole.group()
    again = _digit_runs(text[at:])
    if number[0] not in "+0" or not again or again[0][0].start() != 0:
        return None
    said = "".join(g.group() for g in again[0])
    if not 2 <= len(said) <= len(number) - 5:
        return None
    return text[: whole.start()] + number[: len(number) - len(said)] + said + text[at + again[0][-1].end() :]


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
    return begin, _with_trunk_zero(number)


# A German subscriber number without its area code has at most 8 digits; 9 to 11 digits not led by "0" or "+"
# are a national number whose trunk zero was lost: said "oh one five one …", which Whisper writes "1-5-1-…"
# (the leading "oh" dropped: `triage eval-calls --spoken`, README).
_LOST_TRUNK_ZERO = re.compile(r"^[1-9]\d{8,10}$")


# The leading "oh" heard as "one": "oh one seven oh, four four four, …" written "1170-444-5555", "oh one seven five,
# …" as "1175-222-3334" (`triage eval-calls --spoken`). No German number goes on "011", so a mobile number with
# a 1 where its trunk zero belongs is that mobile number.
_OH_AS_ONE = re.compile(r"^1(?=1[5-7]\d{8,9}$)")


def _with_trunk_zero(number: str) -> str:
    number = _OH_AS_ONE.sub("0", number)
    return "0" + number if _LOST_TRUNK_ZERO.match(number) else number


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


_MOBILE = re.compile(r"^(?:01[5-7]|\+491[5-7])")


def phone_digits(text: str, lang: str) -> str | None:
    """The digits of the last group of digits in a turn, as said ("0176.", "1, 2, 3, 4", "null eins
    sieben"): a piece of a number when a pause cut the caller's turn. None when no digit was said."""
    prepared = _phone_text(text, lang)
    runs = _digit_runs(prepared)
    if not runs or _NOT_PHONE.search(prepared[: runs[-1][0].start()]):
        return None  # "the invoice number is 2024-117": no piece of a phone number
    return "".join(group.group() for group in runs[-1])


# Words that may follow a piece of a number said in parts ("040 und dann 123", "0171 - nein, 0172")
_AFTER_NUMBER_PIECE = frozenset("und dann oder nein moment bitte ja and then or no sorry wait please yes".split())


def counts_something(text: str, lang: str) -> bool:
    """The last number in the turn counts something ("about 100 guests", "etwa 50 Personen"): a word
    other than a connector follows it, so it is no piece of a phone number."""
    prepared = _phone_text(text, lang)
    groups = list(_DIGIT_GROUP.finditer(prepared))
    if not groups:
        return False
    after = re.findall(r"[^\W\d_]+", prepared[groups[-1].end() :])
    return bool(after) and after[0] not in _AFTER_NUMBER_PIECE


def normalise_phone(number: str) -> str:
    """ "0049 171 ..." and "+49 0171 ..." as "+49171..."; a national number that lost its trunk zero gets it."""
    if number.startswith("00"):
        number = "+" + number[2:]
    return _with_trunk_zero(_TRUNK_ZERO.sub(r"+\1", number))


def plausible_phone(number: str) -> bool:
    """Long enough to be a whole callback number, not the start of one: a German mobile number has
    at least 10 digits, a number with its area code at least 8, one with a country code at least 10,
    a local number without area code at least 6. At most 15 digits (E.164)."""
    digits = len(number.lstrip("+"))
    if digits > 15:
        return False
    if _MOBILE.match(number) or number.startswith("+"):
        return digits >= 10
    return digits >= (8 if number.startswith("0") else 6)


# "die Nummer war falsch, sie endet auf 47", "the number I gave you was wrong, it ends 47", "die letzten zwei Ziffern
# sind 47": the callback number's ending said anew, a few turns after the number was confirmed
_NUMBER_NAMED = re.compile(r"\b(?:telefon|handy|rückruf|rueckruf)?nummer\b|\bnumber\b")
_ENDING = re.compile(
    r"\b(?:endet|enden|ende|ends|end|ending|letzten (?:zwei |drei |vier |beiden )?(?:ziffern|stellen|zahlen)"
    r"|last (?:two |three |four )?(?:digits?|numbers))\b"
)
# what the ending replaces, said after it: "auf 47, nicht auf 57", "it ends 47, not 12"
_NOT_THAT = re.compile(r"\b(?:nicht|not|statt|instead of|rather than)\b")


def corrected_ending(text: str, lang: str, number: str) -> str | None:
    """The callback number with the ending the caller now says instead ("... sie endet auf 47, nicht auf 57"): the
    last digits replaced by as many said. None when the turn says no such thing, or the same number."""
    lowered = text.lower()
    named, ending = _NUMBER_NAMED.search(lowered), _ENDING.search(lowered)
    if named is None or ending is None:
        return None
    tail = lowered[ending.end() :]
    other = _NOT_THAT.search(tail)
    digits = phone_digits(tail[: other.start()] if other else tail, lang)
    if digits is None or not 1 <= len(digits) <= 4 or len(digits) >= len(number):
        return None
    fixed = number[: -len(digits)] + digits
    return fixed if fixed != number else None
