"""`triage eval-calls FILE`: whole text calls, played through `triage simulate`'s own code, checked
against what PRODUCT.md says the call should end with.

Each line of FILE is `{"id", "client", "turns": [...], "expect": {...}}`. The expectations a line
may state (all optional):

- `outcome`: handoff / order / message / ended; `urgency`; `distress`; `not_distress` (true: the
  call never went acute and was not handed over for distress);
- `recorded`: whether the caller's recording consent stands at the end;
- `items`: the order's items as `[{"sku", "qty", "options"?}]` (any order); `fulfilment`;
- `name`, `phone` (digits; +49 counts as a leading 0), `address_contains`: what was stored;
- `message_contains`: words the stored message (or the handoff's summary) must contain;
- `intent`: the outcome's intent; `language`: the call's language at its end ("de"/"en");
- `when_day` (day of the month), `when_weekday` ("mon" … "sun"), `when_weeks_ahead` (the ISO week that
  many weeks after the call's): a date (or week) the call stored for the appointment or booking must
  match; `when_text_contains`: words the stored time as said must contain. Day and weekday keep a
  line true on any day the set is run ("Freitag, den 18." is the 18th whatever today is);
- `bot_says`: words the caller must have heard from the bot somewhere in the call (a price asked for, the day
  of a booking in its read-back), as the client packs' own `tests` say them;
- `bot_says_again`: words the caller must have heard at least twice (advice said again after "Wie bitte?",
  a read-back repeated after "langsamer bitte").

Why here and not in pytest: these calls are a measurement (how many end right), not a gate; the
families they reveal each get a text test in tests/test_dialogue_people.py.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from .brain.flows.message import stored_text


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: str | None = None
    urgency: str | None = None
    distress: str | None = None
    not_distress: bool | None = None
    recorded: bool | None = None
    items: list[dict[str, Any]] | None = None
    fulfilment: str | None = None
    name: str | None = None
    phone: str | None = None
    address_contains: str | None = None
    message_contains: list[str] | None = None
    intent: str | None = None
    language: str | None = None
    when_day: int | None = None
    when_weekday: str | None = None
    when_weeks_ahead: int | None = None
    when_text_contains: list[str] | None = None
    bot_says: list[str] | None = None
    bot_says_again: list[str] | None = None


class CallCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    client: str
    turns: list[str]
    lang: str | None = None
    expect: Expect


def read_cases(path: Path) -> list[CallCase]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                cases.append(CallCase.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return cases


def _digits(number: str | None) -> str:
    digits = re.sub(r"\D", "", number or "")
    return "0" + digits[2:] if digits.startswith("49") else digits


def _stored(outcome: dict[str, Any]) -> dict[str, Any]:
    """What the call stored about the caller, wherever the outcome keeps it."""
    found: dict[str, Any] = {}
    for part in (outcome.get("summary"), outcome.get("message"), outcome.get("order")):
        if not isinstance(part, dict):
            continue
        collected = part.get("collected")
        for source in (collected if isinstance(collected, dict) else {}, part):
            for key, aliases in {
                "name": ("name", "caller_name"),
                "phone": ("phone", "callback_number"),
                "address": ("address",),
                "fulfilment": ("fulfilment",),
                "message": ("message", "text"),
            }.items():
                for alias in aliases:
                    value = source.get(alias)
                    if isinstance(value, str) and value and key not in found:
                        found[key] = value
    if isinstance(outcome.get("message"), dict):  # the message as stored: with the firm the caller called from
        found["message"] = stored_text(outcome["message"])
    return found


def _when(outcome: dict[str, Any]) -> tuple[list[str], str]:
    """The dates, weeks and times the call stored for an appointment or booking, and the words they came
    from, wherever the outcome keeps them."""
    found: list[str] = []
    text = ""
    for part in (outcome.get("message"), outcome.get("order"), (outcome.get("summary") or {}).get("collected")):
        if isinstance(part, dict):
            found += [w for w in part.get("when") or [] if isinstance(w, str)]
            said = part.get("when_text")
            text = text or (said if isinstance(said, str) else "")
    return found, text


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _dates(when: list[str]) -> list[date]:
    out = []
    for value in when:
        try:
            out.append(date.fromisoformat(value[:10]))
        except ValueError:
            continue
    return out


def _weeks(when: list[str]) -> set[tuple[int, int]]:
    """ISO (year, week) of every stored date and week ("2026-W50")."""
    weeks = {(d.isocalendar()[0], d.isocalendar()[1]) for d in _dates(when)}
    for value in when:
        match = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
        if match:
            weeks.add((int(match[1]), int(match[2])))
    return weeks


def _items(outcome: dict[str, Any]) -> list[dict[str, Any]]:
    order = outcome.get("order")
    if isinstance(order, dict) and isinstance(order.get("items"), list):
        return order["items"]
    collected = (outcome.get("summary") or {}).get("collected") or {}
    return collected.get("order") or []


def _same_items(want: list[dict[str, Any]], got: list[dict[str, Any]]) -> bool:
    def key(item: dict[str, Any]) -> tuple:
        return item.get("sku"), int(item.get("qty", 1)), tuple(sorted((item.get("options") or {}).items()))

    return sorted(map(key, want)) == sorted(map(key, got))


def check(expect: Expect, outcome: dict[str, Any] | None, recorded: bool | None,
          language: str | None = None, said: str | None = None) -> list[str]:
    """The expectations this call's end breaks, each as one line a person can read."""
    if outcome is None:
        return ["no outcome at all"]
    failed: list[str] = []
    stored = _stored(outcome)

    def want(what: str, wanted: Any, got: Any) -> None:
        failed.append(f"{what}: wanted {wanted!r}, got {got!r}")

    if expect.outcome and outcome.get("type") != expect.outcome:
        want("outcome", expect.outcome, f"{outcome.get('type')} ({outcome.get('handoff_reason')})")
    if expect.urgency and outcome.get("urgency") != expect.urgency:
        want("urgency", expect.urgency, outcome.get("urgency"))
    if expect.distress and outcome.get("distress") != expect.distress:
        want("distress", expect.distress, outcome.get("distress"))
    if expect.not_distress and (outcome.get("distress") == "acute" or outcome.get("handoff_reason") == "distress"):
        want("distress", "not acute", outcome.get("distress"))
    if expect.recorded is not None and bool(recorded) != expect.recorded:
        want("recording consent", expect.recorded, recorded)
    if expect.items is not None and not _same_items(expect.items, _items(outcome)):
        want("items", expect.items, _items(outcome))
    if expect.fulfilment and stored.get("fulfilment") != expect.fulfilment:
        want("fulfilment", expect.fulfilment, stored.get("fulfilment"))
    if expect.name and stored.get("name") != expect.name:
        want("name", expect.name, stored.get("name"))
    if expect.phone and _digits(stored.get("phone")) != _digits(expect.phone):
        want("phone", expect.phone, stored.get("phone"))
    if expect.address_contains and expect.address_contains.lower() not in (stored.get("address") or "").lower():
        want("address", expect.address_contains, stored.get("address"))
    if expect.message_contains:
        text = (stored.get("message") or "").lower()
        missing = [word for word in expect.message_contains if word.lower() not in text]
        if missing:
            want("message", expect.message_contains, stored.get("message"))
    if expect.intent and outcome.get("intent") != expect.intent:
        want("intent", expect.intent, outcome.get("intent"))
    if expect.language and language != expect.language:
        want("language", expect.language, language)
    _check_when(expect, outcome, want)
    if expect.bot_says:
        heard = (said or "").lower()
        unsaid = [w for w in expect.bot_says if w.lower() not in heard]
        if unsaid:
            want("bot said", expect.bot_says, f"never {unsaid}")
    if expect.bot_says_again:
        heard = (said or "").lower()
        once = [w for w in expect.bot_says_again if heard.count(w.lower()) < 2]
        if once:
            want("bot said again", expect.bot_says_again, f"at most once {once}")
    return failed


def _check_when(expect: Expect, outcome: dict[str, Any], want: Any) -> None:
    when, text = _when(outcome)
    dates = _dates(when)
    if expect.when_day is not None and expect.when_day not in {d.day for d in dates}:
        want("date's day", expect.when_day, when)
    if expect.when_weekday and expect.when_weekday not in {_WEEKDAYS[d.weekday()] for d in dates}:
        want("date's weekday", expect.when_weekday, when)
    if expect.when_weeks_ahead is not None:
        today = datetime.now(ZoneInfo("Europe/Berlin")).date()
        target = (today + timedelta(weeks=expect.when_weeks_ahead)).isocalendar()
        if (target[0], target[1]) not in _weeks(when):
            want("week", f"{target[0]}-W{target[1]:02d}", when)
    if expect.when_text_contains:
        missing = [w for w in expect.when_text_contains if w.lower() not in text.lower()]
        if missing:
            want("time as said", expect.when_text_contains, text)


# what `check` names a wrong name, callback number or address by: the details a recogniser can write differently
# while the call itself went right (`triage eval-calls --spoken` counts those apart from the flow)
DETAILS = ("name", "phone", "address")


def only_details(failed: list[str]) -> bool:
    """Whether every expectation a call broke is a detail (`DETAILS`), none of the flow."""
    return bool(failed) and all(reason.split(":", 1)[0] in DETAILS for reason in failed)


def report(results: list[tuple[CallCase, list[str], list[dict[str, str]]]], verbose: bool = False) -> str:
    """How many calls ended right, then per failing call what broke (and with -v its transcript)."""
    lines = []
    for case, failed, transcript in results:
        if not failed:
            continue
        lines.append(f"FAIL {case.id} ({case.client}):")
        lines.extend(f"  - {reason}" for reason in failed)
        if verbose:
            lines.extend(f"    {t['role']}: {t['text']}" for t in transcript)
    right = sum(1 for _, failed, _ in results if not failed)
    lines.append(f"{right} of {len(results)} calls end right")
    return "\n".join(lines)


def as_json(case: CallCase, failed: list[str]) -> str:
    return json.dumps({"id": case.id, "ok": not failed, "failed": failed}, ensure_ascii=False)
