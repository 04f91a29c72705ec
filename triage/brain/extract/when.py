"""Dates and times as said ("morgen früh", "next tuesday at half past three"), resolved against now."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .common import _after_lead, _lang, _prepare, _Text

# an hour of the day as `extract_when` writes it ("18:00"); a day is an ISO date ("2026-12-08") or week ("2026-W50")
_CLOCK = re.compile(r"\d\d:\d\d")


def is_clock(value: str) -> bool:
    """Whether a value of `extract_when` is an hour of the day rather than a day."""
    return bool(_CLOCK.fullmatch(value))


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


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WD = _alternatives(_WEEKDAYS)
_MON = _alternatives(_MONTHS)
# Feasts callers time things by ("nach Ostern", "over Christmas"), as days from Easter Sunday (movable) or as
# (month, day) (fixed). A feast's name alone is often no time ("Weihnachtsfeier", "a Christmas party"): the
# feasts of several days count only after a preposition, the single days (Karfreitag, Boxing Day) also alone.
_FEASTS: dict[str, int | tuple[int, int]] = {
    "ostern": 0, "easter": 0, "pfingsten": 49, "whitsun": 49, "pentecost": 49,
    "weihnachten": (12, 25), "christmas": (12, 25),
}  # fmt: skip
_FEAST_DAYS_BY_LANGUAGE: dict[str, dict[str, int | tuple[int, int]]] = {
    "de": {
        "gründonnerstag": -3, "gruendonnerstag": -3, "karfreitag": -2, "karsamstag": -1, "ostersonntag": 0,
        "ostermontag": 1, "pfingstsonntag": 49, "pfingstmontag": 50, "christi himmelfahrt": 39, "himmelfahrt": 39,
        "heiligabend": (12, 24), "heiligen abend": (12, 24), "silvester": (12, 31), "neujahr": (1, 1),
    },
    "en": {
        "maundy thursday": -3, "good friday": -2, "easter sunday": 0, "easter monday": 1, "whit monday": 50,
        "ascension day": 39, "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
        "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1), "new years day": (1, 1),
    },
}  # fmt: skip
_FEAST_DAYS = {**_FEAST_DAYS_BY_LANGUAGE["de"], **_FEAST_DAYS_BY_LANGUAGE["en"]}
_DE_FEASTS = _alternatives(["ostern", "pfingsten", "weihnachten"])
_EN_FEASTS = _alternatives(["easter", "whitsun", "pentecost", "christmas"])
_DE_FEAST_DAYS = _alternatives(_FEAST_DAYS_BY_LANGUAGE["de"])
_EN_FEAST_DAYS = _alternatives(_FEAST_DAYS_BY_LANGUAGE["en"])
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
    ("day_only", r"\b(?:am|den|zum|(?:ab|bis|vor|nach|seit)\s+dem)\s+(?P<d>\d{1,2})\.(?!\s?\d)(?!\s*mal\b)"),
    ("weekday_day", rf"\b(?:am\s+)?(?P<wd>{_WD}),?\s+(?:(?:den|dem)\s+)?(?P<d>\d{{1,2}})\.(?!\s?\d)"
                    rf"(?:\s*(?P<mon>{_MON})\b(?:\s+(?P<y>\d{{4}}))?)?"),
    ("day_range", rf"\b(?:zwischen|vom|von)\s+(?:(?:dem|den)\s+)?(?P<d>\d{{1,2}})\.(?!\s?\d)(?:\s*(?P<mon1>{_MON})\b)?"
                  rf"\s+(?:und|bis)\s+(?:(?:zum|dem|den)\s+)?(?P<d2>\d{{1,2}})\.(?!\s?\d)"
                  rf"(?:\s*(?P<mon>{_MON})\b(?:\s+(?P<y>\d{{4}}))?)?"),
    ("holiday", rf"\b(?:(?P<rel>vor|nach|über|ueber|an|zu|bis|ab|um)\s+)?(?P<hol>{_DE_FEAST_DAYS})\b"),
    ("holiday", rf"\b(?P<rel>vor|nach|über|ueber|an|zu|bis|ab|um)\s+(?P<hol>{_DE_FEASTS})\b"),
    ("in_days", r"\bin\s+(?P<n>\d{1,2}|einer|einem|eine|ein)\s+(?P<unit>tag|tagen|woche|wochen)\b"),
    ("week", r"\b(?:in\s+)?(?:der\s+)?(?P<wk>übernächsten?|uebernaechsten?|nächsten?|naechsten?|kommenden?|diese[rn]?)"
             r"\s+woche\b"),
    ("pod", r"(?<!guten )(?<!schönen )\b(?:(?:am|in der|gegen)\s+)?(?P<pod>morgens|vormittags?|mittags?"
            r"|nachmittags?|abends?|nachts?|(?<=in der )früh)\b"),
    ("pod", r"\b(?:am|gegen)\s+(?P<pod>morgen)\b"),
    ("range", r"\b(?:zwischen|von)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?:uhr\s*)?(?:und|bis)\s+"
              r"(?:(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?(?:\s*uhr)?|(?P<word2>mitternacht))\b"),
    ("noon", r"\b(?:(?:um|gegen|bis|ab)\s+)?(?P<word>mitternacht)\b"),
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
    ("day_only", r"\b(?:on|for|by|until|till|from|after|before)\s+the\s+(?P<d>\d{1,2})\.(?!\s?\d)"
                 r"(?!\s*(?:floor|storey|story|level|row|page|line|time|try|attempt)\b)"),
    ("weekday_day", rf"\b(?:on\s+)?(?P<wd>{_WD}),?\s+(?:the\s+)?(?P<d>\d{{1,2}})\.(?!\s?\d)"
                    rf"(?:\s+(?:of\s+)?(?P<mon>{_MON})\b(?:,?\s+(?P<y>\d{{4}}))?)?"),
    ("weekday_day", rf"\b(?:on\s+)?(?P<wd>{_WD}),?\s+(?P<mon>{_MON})\s+(?:the\s+)?(?P<d>\d{{1,2}})\.?(?!\d)"
                    r"(?:,?\s+(?P<y>\d{4}))?"),
    ("day_range", rf"\b(?:between|from)\s+(?:the\s+)?(?P<d>\d{{1,2}})\.(?!\s?\d)(?:\s+(?:of\s+)?(?P<mon1>{_MON})\b)?"
                  rf"\s+(?:and|to|till|until)\s+(?:the\s+)?(?P<d2>\d{{1,2}})\.(?!\s?\d)"
                  rf"(?:\s+(?:of\s+)?(?P<mon>{_MON})\b(?:,?\s+(?P<y>\d{{4}}))?)?"),
    ("holiday", rf"\b(?:(?P<rel>before|after|over|at|for|on|until|till|by|from)\s+)?(?P<hol>{_EN_FEAST_DAYS})\b"),
    ("holiday", rf"\b(?P<rel>before|after|over|at|for|until|till|by|from)\s+(?P<hol>{_EN_FEASTS})\b"
                r"(?!\s+(?:party|parties|dinner|lunch|do|market|tree|card|cards|shopping|present|presents|bonus))"),
    ("in_days", r"\bin\s+(?P<n>\d{1,2}|a|an|one)\s+(?P<unit>days?|weeks?)\b"),
    ("week", r"\b(?:sometime\s+)?(?:(?P<wk>next|this|the coming|coming)\s+week|(?P<wk2>the week after next))\b"),
    ("pod", rf"(?<!good )\b(?:in the\s+)?(?P<pod>{_EN_POD}|lunchtime)\b"),
    ("noon", r"\b(?:at\s+|around\s+)?(?P<word>noon|midday|midnight)\b"),
    ("range", r"\b(?:between|from)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>am|pm)?"
              r"\s+(?:and|to|till|until|til)\s+(?:(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s*(?P<ap2>a\.?m\.?|p\.?m\.?)?"
              r"|(?P<word2>midnight)\b)"),
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
    week: date | None = None  # the Monday of a week said as a whole ("nächste Woche")
    part: str | None = None  # "morning", "forenoon", "noon", "afternoon", "evening", "night"
    clock: tuple[int, int, bool] | None = None  # hour, minute, whether am/pm or 24 h made it unambiguous


# A week said as a whole, by its first word: this week, next week (the default), the week after next.
_WEEKS_AHEAD = {
    "diese": 0, "dieser": 0, "diesen": 0, "this": 0,
    "übernächste": 2, "übernächsten": 2, "uebernaechste": 2, "uebernaechsten": 2,
}  # fmt: skip


def _iso_week(monday: date | None) -> str:
    """ "2026-W50": a week as ISO 8601 writes it, for a caller who names a week and no day in it."""
    year, week, _ = monday.isocalendar() if monday else (0, 0, 0)
    return f"{year}-W{week:02d}"


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


def _weekday_day_date(today: date, weekday: int, day: int) -> date | None:
    """ "Freitag, den 18.", "Friday the 18th": the 18th of last, this or next month in which it is that weekday,
    else the nearest 18th (the day of the month is what the caller reads off a calendar; the weekday confirms it)."""
    months = [today.year * 12 + today.month - 1 + k for k in (-1, 0, 1)]
    found = [_valid_date(m // 12, m % 12 + 1, day) for m in months]
    fitting = [d for d in found if d and d.weekday() == weekday]
    return _nearest(today, fitting) or _day_only_date(today, day)


def _day_range(today: date, g: dict[str, str | None]) -> list[date]:
    """ "zwischen dem 14. und dem 16.", "between the 3rd and the 5th of January": the first and the last day;
    a first day above the last lies in the month before the last's ("vom 30. bis 2. Januar")."""
    first, last = int(g["d"] or 0), int(g["d2"] or 0)
    if g.get("mon"):
        end = _month_date(today, last, _MONTHS[g["mon"] or ""], g.get("y"))
    else:
        start = _day_only_date(today, first)
        if start is None:
            return []
        month = start.year * 12 + start.month - 1 + (1 if last < first else 0)
        end = _valid_date(month // 12, month % 12 + 1, last)
    if end is None:
        return []
    if g.get("mon1"):
        month = _MONTHS[g["mon1"] or ""]
        begin = _valid_date(end.year - (1 if month > end.month else 0), month, first)
    else:
        month = end.year * 12 + end.month - 1 - (1 if first > last else 0)
        begin = _valid_date(month // 12, month % 12 + 1, first)
    return [d for d in (begin, end) if d]


def _easter(year: int) -> date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the computus' own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _feast_pieces(today: date, name: str, rel: str | None) -> list[_Piece]:
    """The next time of the feast; "nach Ostern" / "after Easter" is the week after it, "vor Ostern" /
    "before Easter" the week before it."""
    rule = {**_FEASTS, **_FEAST_DAYS}[name]
    days = []
    for year in (today.year, today.year + 1):
        days.append(date(year, *rule) if isinstance(rule, tuple) else _easter(year) + timedelta(days=rule))
    day = next(d for d in days if d >= today)
    if rel in ("nach", "after"):
        return [_Piece(week=day - timedelta(days=day.weekday()) + timedelta(days=7))]
    if rel in ("vor", "before"):
        return [_Piece(week=day - timedelta(days=day.weekday()) - timedelta(days=7 if day.weekday() < 6 else 0))]
    return [_Piece(day=day)]


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
    elif kind == "weekday_day":
        if g.get("mon"):
            found = _month_date(today, int(g["d"]), _MONTHS[g["mon"]], g.get("y"))
        else:
            found = _weekday_day_date(today, _WEEKDAYS[g["wd"]], int(g["d"]))
    elif kind == "day_range":
        return [_Piece(day=d) for d in _day_range(today, g)]
    elif kind == "holiday":
        return _feast_pieces(today, g["hol"], g.get("rel"))
    elif kind == "in_days":
        n = int(g["n"]) if g["n"].isdigit() else 1
        found = today + timedelta(days=n * (7 if g["unit"].startswith(("woche", "week")) else 1))
    elif kind == "week":
        ahead = 2 if g.get("wk2") else _WEEKS_AHEAD.get(g["wk"].split()[0], 1)
        return [_Piece(week=today - timedelta(days=today.weekday()) + timedelta(days=7 * ahead))]
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
        return [_Piece(clock=(0, 0, True) if g["word"] in _MIDNIGHT else (12, 0, True))]
    if kind == "range":
        return _range_pieces(g)
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


_MIDNIGHT = frozenset({"midnight", "mitternacht"})


def _range_pieces(g: dict[str, str | None]) -> list[_Piece | None]:
    """A span of hours, start and end. One that ends at midnight ("from seven till midnight") starts in the evening;
    an end below a start said as evening hours ("von 22 bis 6 Uhr") is the morning after, not 18:00."""
    start = _clock(g["h"] or "", g["m"], g.get("ap") or g.get("ap2"))
    if g.get("word2"):
        if start and start.clock and not start.clock[2] and 0 < start.clock[0] < 12:
            start = _Piece(clock=(start.clock[0] + 12, start.clock[1], True))
        return [start, _Piece(clock=(0, 0, True))]
    end = _clock(g["h2"] or "", g["m2"], g.get("ap2"))
    if not (start and start.clock and end and end.clock):
        return [start, end]
    (h, _, said), (h2, m2, said2) = start.clock, end.clock
    if said and h >= 12 and not said2 and h2 < h - 12:
        end = _Piece(clock=(h2, m2, True))
    return [start, end]


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


# "nächsten Dienstag, nein, Mittwoch", "Friday from 10 pm, actually, make that Saturday", "Montag geht nicht,
# Dienstag": a day or time said after these replaces the one said before them
_WHEN_CORRECTION = re.compile(
    r"\b(?:nein|nee|no|nicht|not|sorry|actually|make that|make it|lieber|doch|warte|wait|rather|instead"
    r"|stattdessen|i mean|ich meine|besser)\b"
)
_NEGATED_BEFORE = re.compile(r"\b(?:nicht|not)\s+(?:am\s+|on\s+)?$")
# "seit Montag", "since this morning": when a fault began, never when the caller wants someone (a weekday
# after "since" would otherwise be next week's)
_SINCE_BEFORE = re.compile(r"\b(?:seit|since)\s+(?:dem\s+|the\s+|about\s+|etwa\s+|ca\s+)?$")
_SINCE_START = re.compile(r"(?:seit|since)\b")


def _kinds(pieces: list[_Piece]) -> set[str]:
    return {"day" if p.day or p.week else "time" for p in pieces}


def _as_meant(t: str, matches: list[tuple[int, int, list[_Piece]]], today: date) -> list[tuple[int, int, list[_Piece]]]:
    """The days and times the caller means: one said after "seit" / "since" goes (when a fault began), one
    said with "nicht" before it ("nicht Montag, Dienstag") or
    corrected by a later one of its kind goes, and so does a past day beside one to come ("we had your door
    staff last Saturday ... again next Saturday": the past one tells what happened, not when)."""
    kept: list[tuple[int, int, list[_Piece]]] = []
    for k, match in enumerate(matches):
        if _SINCE_BEFORE.search(t[max(0, match[0] - 14) : match[0]]) or _SINCE_START.match(t, match[0]):
            continue
        if _NEGATED_BEFORE.search(t[max(0, match[0] - 12) : match[0]]):
            kept = [m for m in kept if m[2] != match[2]]  # "auf Montag verlegt, nein, nicht Montag": neither
            continue
        if k and _WHEN_CORRECTION.search(t[matches[k - 1][1] : match[0]]):
            kinds = _kinds(match[2])
            kept = [m for m in kept if not _kinds(m[2]) <= kinds]
        kept.append(match)
    days = [p.day for _, _, pieces in kept for p in pieces if p.day]
    if any(day >= today for day in days):
        kept = [m for m in kept if not all(p.day and p.day < today for p in m[2])]
    return kept


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
    matches = _as_meant(prepared.text, matches, now.date())
    pieces = [p for _, _, found in matches for p in found]
    parts_of_day = {p.part for p in pieces if p.part}
    dates = [p.day.isoformat() if p.day else _iso_week(p.week) for p in pieces if p.day or p.week]
    times = [_clock_text(p.clock, parts_of_day) if p.clock else p.part for p in pieces if p.clock or p.part]
    said = _said_pieces(prepared, [(s, e) for s, e, _ in matches])
    return list(dict.fromkeys(dates)), list(dict.fromkeys(t for t in times if t)), said


def only_past(dates: list[str], today: date) -> bool:
    """Every date said lies before today ("I got the letter yesterday"): it tells when something happened,
    not when an appointment would suit. ISO dates and ISO weeks ("2026-W50") as `extract_when` gives them."""
    if not dates:
        return False
    this_week = _iso_week(today - timedelta(days=today.weekday()))
    return all(d < this_week if "-W" in d else d < today.isoformat() for d in dates)
