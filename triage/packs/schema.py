"""The schema of a client pack: everything a caller can hear and every business rule of one client.

A pack is data an admin edits, so every model forbids unknown keys: a typo in a YAML key must be
an error that names the field, not a setting that silently does nothing.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .patterns import pattern_problem

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")
Urgency = Literal["P0", "P1", "P2", "P3", "P4"]
Channel = Literal["webhook", "sms", "phone"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
# The situations the product recognises for every client (triage/brain/rules/). A pack emergency
# that `covers` one gives its advice and agent instructions whenever that situation is recognised.
GlobalSituation = Literal[
    "burst_pipe",
    "sewage",
    "heating_failure",
    "no_water",
    "break_in",
    "alarm",
    "arrest_search",
    "it_outage",
    "vital_medication",
    "toilet_blocked",
    "no_hot_water",
    "leak",
    "deadline",
]

_HOURS = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$")
E164 = re.compile(r"^\+[1-9]\d{6,14}$")

# Every problem the schema's own checks find is a PydanticCustomError with a `type` and its facts in
# `ctx`, so the editor can say it in the admin's language (triage/admin/messages.py) from the type,
# the location and the facts; the English template is what logs and `triage` commands show.


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A sentence in every language the pack offers: {"de": "...", "en": "..."}.
Localized = dict[Lang, str]
LocalizedList = dict[Lang, list[str]]


def _safe_patterns(value: dict[str, list[str]], what: str) -> dict[str, list[str]]:
    """Each pattern compiles and cannot hold a brain thread on a caller's turn (packs/patterns.py)."""
    for lang, patterns in value.items():
        for pattern in patterns:
            if (problem := pattern_problem(pattern)) is not None:
                raise PydanticCustomError(
                    "phrase_pattern",
                    "{what} '{phrase}' ({lang}) is not a valid pattern: {error}",
                    {"what": what, "phrase": pattern, "lang": lang, "error": problem},
                )
    return value


class Emergency(Strict):
    """Something this business treats as urgent, with what the caller should do until help comes."""

    id: str
    urgency: Literal["P1", "P2"] = "P1"
    label: Localized = Field(description="Short name shown to agents, e.g. 'Rohrbruch'.")
    phrases: LocalizedList = Field(
        description="Words or regular expressions (lower case, as speech recognition writes) that mean this."
    )
    advice: Localized | None = Field(default=None, description="Calming safety advice read to the caller.")
    next_action: Localized | None = Field(default=None, description="What the agent should do.")
    needs_address: bool = Field(default=True, description="Help comes to the caller, so ask for the address.")
    covers: list[GlobalSituation] = Field(
        default_factory=list, description="Situations recognised for every client that this emergency answers."
    )

    @field_validator("phrases")
    @classmethod
    def _phrases_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _safe_patterns(value, "phrase")


class CatalogItem(Strict):
    sku: str
    name: Localized
    aliases: LocalizedList = Field(default_factory=dict)
    options: dict[str, list[str]] = Field(
        default_factory=dict, description="Option groups, e.g. {'size': ['small', 'large']}."
    )
    option_aliases: dict[str, list[str]] = Field(
        default_factory=dict, description="Other words for an option value: {'large': ['groß', 'big']}."
    )
    option_names: dict[str, Localized] = Field(
        default_factory=dict,
        description="How the caller hears an option value in each language: {'groß': {'de': 'groß', 'en': 'large'}}."
        " The value itself is what agents read and the order stores.",
    )
    overnight: dict[str, str] = Field(
        default_factory=dict,
        description="The value of an option group that a booking by hours across midnight ('from 10 pm to 6 am') is,"
        " when the caller names none: {'duration': 'one night'}.",
    )
    plural: Localized = Field(
        default_factory=dict,
        description="The name for more than one, where it differs: {'de': 'Notebooks', 'en': 'laptops'}; the"
        " read-back says '3 laptops', not '3 laptop'.",
    )
    price: Localized | str | None = Field(
        default=None,
        description="What the item costs, as the caller hears it in each language: {'de': 'ab 189 Euro', 'en': 'from"
        " 189 euros'}. A plain string is the price in the item's first language only.",
    )

    @model_validator(mode="after")
    def _aliases_name_known_options(self) -> CatalogItem:
        values = {v for group in self.options.values() for v in group}
        unknown = sorted((set(self.option_aliases) | set(self.option_names)) - values)
        unknown += sorted(f"{g}: {v}" for g, v in self.overnight.items() if v not in self.options.get(g, []))
        if unknown:
            raise PydanticCustomError(
                "option_alias_unknown",
                "option_aliases, option_names or overnight name values that no option group has: {values}",
                {"values": ", ".join(unknown)},
            )
        return self

    def named(self, qty: int, lang: str) -> str:
        """What the caller hears for `qty` of this item in their language: the plural where the pack gives one,
        else the name (in the pack's first language where it names the item in no other)."""
        if qty != 1 and lang in self.plural:
            return self.plural[lang]  # type: ignore[index]
        return self.name.get(lang) or next(iter(self.name.values()))  # type: ignore[call-overload]

    def price_said(self, lang: str) -> str | None:
        """The price in the caller's language, or None where the pack gives none in it (never another language's)."""
        if isinstance(self.price, str):
            return self.price if lang == next(iter(self.name), None) else None
        return (self.price or {}).get(lang)  # type: ignore[call-overload]

    def option_said(self, value: str, lang: str) -> str:
        """An option value in the caller's language (the value itself where the pack names it in no other)."""
        names: dict[str, str] = dict(self.option_names.get(value, {}))
        return names.get(lang, value)

    def option_spellings(self, value: str) -> list[str]:
        """Every way a caller may say an option value: the value, its names in each language, its aliases."""
        return [value, *self.option_names.get(value, {}).values(), *self.option_aliases.get(value, [])]


class InfoAnswer(Strict):
    """An answer the front-end may give itself, matched by keywords."""

    id: str
    keywords: LocalizedList = Field(
        description="Words, or patterns such as 'wann (haben|sind) sie', that ask for this answer."
    )
    answer: Localized

    @field_validator("keywords")
    @classmethod
    def _keywords_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _safe_patterns(value, "keyword")


class Contact(Strict):
    name: str
    channel: Channel
    phone: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _channel_has_address(self) -> Contact:
        facts = {"name": self.name, "channel": self.channel}
        if self.channel in ("sms", "phone") and not self.phone:
            raise PydanticCustomError(
                "contact_needs_phone", "contact '{name}' uses channel '{channel}' but has no phone", facts
            )
        if self.channel == "webhook" and not self.url:
            raise PydanticCustomError(
                "contact_needs_url", "contact '{name}' uses channel 'webhook' but has no url", facts
            )
        return self


class Escalation(Strict):
    accept_timeout_s: int = Field(
        default=60, ge=5, description="Seconds a handoff may wait for an agent before escalation or a callback promise."
    )
    secondary_after_min: float = Field(
        default=5, gt=0, description="Minutes after one on-call contact was alerted before the next one is."
    )
    on_call: list[Contact] = Field(default_factory=list)
    transfer_number: str | None = Field(
        default=None, description="Number or sip: address that takes handoffs straight away (see transfer_directly)."
    )
    transfer_directly: list[Urgency] = Field(
        default_factory=list,
        description="Urgencies whose phone callers are transferred to transfer_number at once, not queued.",
    )


class Webhook(Strict):
    """Where this client's handoff events are POSTed, signed with HMAC-SHA256."""

    url: str = Field(pattern=r"^https?://", description="http(s) URL of the receiver.")
    secret_env: str | None = Field(
        default=None,
        pattern=r"^[A-Z_][A-Z0-9_]*$",
        description="Environment variable with this client's signing secret; unset: TRIAGE_WEBHOOK_SECRET.",
    )


class PublicNumbers(Strict):
    fire: str = "112"
    medical: str = "112"
    police: str = "110"
    gas: str = "112"


class OrderSettings(Strict):
    # How an order reaches the caller; none (`[]`) for a service that comes to them (a guard, a patrol): then the way is
    # neither asked nor stored
    fulfilment: list[Literal["pickup", "delivery"]] = Field(default_factory=lambda: ["pickup"])
    max_qty: int = Field(default=20, ge=1)
    # A booking for a place the caller names (a guard for a building site, a patrol for a house): the place's address is
    # asked (`order_ask_site_address`), read back and stored with the booking, whatever the fulfilment
    site_address: bool = False


class ReplyWait(Strict):
    """How long a caller may wait in silence for the reply to their turn (brain/reply_wait.py)."""

    hold_after_s: float = Field(
        default=0.8, ge=0.3, le=5, description="Seconds after the caller's last word before the reply_wait sentence."
    )
    hand_over_after_s: float = Field(
        default=10, ge=2, le=60, description="Seconds after the caller's last word before a human takes over."
    )

    @model_validator(mode="after")
    def _hold_first(self) -> ReplyWait:
        if self.hold_after_s >= self.hand_over_after_s:
            raise ValueError("reply_wait: hold_after_s must be shorter than hand_over_after_s")
        return self


class Retention(Strict):
    """How long this client's callers' data is kept, counted from the call's start. Older data is
    deleted or anonymised by the server's purge (and `triage privacy purge`); what a call was
    (client, time, language, urgency, intent, outcome type) stays for statistics. A handoff under
    legal hold keeps everything."""

    transcripts_days: int = Field(
        default=90, ge=1, le=3650, description="Transcripts and the caller's words quoted in summaries."
    )
    caller_details_days: int = Field(
        default=90,
        ge=1,
        le=3650,
        description="Name, number, address, orders' and messages' details, summaries and webhook bodies.",
    )
    notes_days: int = Field(default=90, ge=1, le=3650, description="Agents' notes and the details of handoff events.")
    audio_days: int = Field(default=90, ge=1, le=3650, description="Call recordings (the encrypted audio files).")


class Prompts(Strict):
    """Every fixed sentence of a call. Values are Jinja2 templates with the call's variables."""

    greeting: Localized
    recording_consent: Localized
    ask_need: Localized
    anything_else: Localized
    goodbye: Localized
    not_understood: Localized
    silence_reprompt: Localized
    handoff_failures: Localized
    handoff_requested: Localized
    handoff_now: Localized
    handoff_p0: Localized
    handoff_p1: Localized
    handoff_generic: Localized
    number_not_in_service: Localized  # operator (issue 13): a Twilio number no pack claims
    handoff_error: Localized
    handoff_hold: Localized
    handoff_connecting: Localized
    handoff_agent_unavailable: Localized
    handoff_escalated: Localized
    handoff_callback: Localized
    handoff_callback_no_number: Localized  # operator (issue 13): never promise a callback without a number
    p0_fire: Localized
    p0_gas: Localized
    p0_medical: Localized
    p0_police: Localized
    p0_electric: Localized
    distress_acute: Localized
    distress_elevated: Localized
    ask_address: Localized
    ask_callback: Localized
    ask_name: Localized
    confirm_address: Localized
    confirm_callback: Localized
    confirm_line_number: Localized  # the number the caller rings from, offered as the callback number
    confirm_name: Localized
    confirm_retry: Localized
    order_ask_items: Localized
    order_item_unknown: Localized
    order_as_message: Localized
    order_ask_option: Localized
    order_ask_more: Localized
    order_ask_fulfilment: Localized
    order_fulfilment_needed: Localized  # "that's really everything" to pickup-or-delivery: what is still needed
    order_ask_delivery_address: Localized
    order_ask_site_address: Localized
    order_readback: Localized
    order_saved: Localized
    order_cancelled: Localized
    message_ask: Localized
    message_readback: Localized
    message_saved: Localized
    appointment_ask: Localized
    info_unknown: Localized
    no_action: Localized
    consent_declined: Localized
    # added with a default so a client folder written before them still loads
    ask_danger: Localized = Field(default_factory=dict)
    who_is_this: Localized = Field(default_factory=dict)
    consent_withdrawn: Localized = Field(default_factory=dict)
    phone_continue: Localized = Field(default_factory=dict)
    ask_callback_groups: Localized = Field(default_factory=dict)  # the digits heard make no number: again, in groups
    reply_wait: Localized = Field(default_factory=dict)  # bench (issue 15): the reply is not ready yet
    appointment_ask_when: Localized = Field(default_factory=dict)  # the caller already said what it is about
    appointment_time_agreed: Localized = Field(default_factory=dict)  # "wann hätten Sie frei?": who agrees the time
    silence_question: Localized = Field(default_factory=dict)  # silence while a question stands: it comes again
    # "nein" / "nein danke" to a read-back with nothing said about what is wrong: what to change, not a cancel
    what_to_change: Localized = Field(default_factory=dict)
    # "was kostet ein Monitor?": the catalogue item's own price, in the caller's language
    item_price: Localized = Field(default_factory=dict)
    # "what's the difference?" to an option question the pack cannot answer: who advises, then the question again
    order_option_advice: Localized = Field(default_factory=dict)
    # "ich geb Ihnen mal meine Tochter": the new speaker greeted (an AI answers), then the question that stands
    handed_over: Localized = Field(default_factory=dict)
    # "Do you speak English?" to a client with German only: that it speaks only its own, then the question again
    language_not_offered: Localized = Field(default_factory=dict)
    # "abholen" where the client only delivers: said before the delivery address is asked again
    order_delivery_only: Localized = Field(default_factory=dict)
    # "wozu brauchen Sie die Adresse?": why the detail asked for is needed (`detail`), then the question again
    why_detail: Localized = Field(default_factory=dict)
    confirm_slowly: Localized = Field(default_factory=dict)  # "langsamer bitte" at a read-back: again, slowly
    # "wie lange muss ich warten?", "when will the plumber be here?": what the client can promise, never a made-up time
    wait_time: Localized = Field(default_factory=dict)
    yes_words: LocalizedList
    no_words: LocalizedList


class Unreachable(NamedTuple):
    """One part of a pack no call can reach: its kind, the field to fix, the English text, the facts."""

    kind: str
    field: str
    text: str
    facts: dict[str, str]


class OutOfHours(Strict):
    """What a call outside `hours` gets (operator, issue 13; applied by triage/brain/hours.py). Emergencies
    and callers asking for a human are always handed over, whatever the mode."""

    mode: Literal["open", "notice", "message_only", "emergencies_only", "on_call", "forward"] = Field(
        default="open",
        description="open: served as in opening hours; notice: the words, then served as usual; message_only: "
        "routine requests leave a message; emergencies_only: routine callers are told to call again; "
        "on_call: every caller goes to the on-call human; forward: phone calls are put through to forward_to "
        "(callers hear `say`), calls that cannot be put through hear `call_instead` and leave a message",
    )
    say: Localized = Field(
        default_factory=dict,
        description="Said after the greeting when closed, e.g. who helps now ({{ forward_to | digits }}); "
        "forward: said before the phone call is put through ('I am connecting you to …').",
    )
    forward_to: str | None = Field(
        default=None, description="A number the words may name (forward_to); forward: the number calls go to (E.164)."
    )
    call_instead: Localized = Field(
        default_factory=dict,
        description="forward: said on a call that cannot be put through (browser, text), with the number to call "
        "({{ forward_to | digits }}); the caller can then leave a message.",
    )
    goodbye: Localized = Field(
        default_factory=dict, description="emergencies_only: said to a routine caller before the call ends."
    )

    @model_validator(mode="after")
    def _forward_number_dialable(self) -> OutOfHours:
        """A number Twilio can dial, whatever the caller's country: +<country code><number>."""
        if self.mode == "forward" and self.forward_to and not E164.match(self.forward_to):
            raise PydanticCustomError(
                "forward_number",
                "forward_to '{number}' is not a number in international form like +4930123456",
                {"number": self.forward_to},
            )
        return self

    @field_validator("say", "goodbye", "call_instead")
    @classmethod
    def _templates_compile(cls, value: dict[str, str]) -> dict[str, str]:
        """A broken template would fail the greeting of every call out of hours: refuse it here."""
        from jinja2 import TemplateSyntaxError
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        for lang, text in value.items():
            try:
                ImmutableSandboxedEnvironment().parse(text)
            except TemplateSyntaxError as exc:
                raise PydanticCustomError(
                    "template_syntax", "{lang}: {error}", {"lang": lang, "error": exc.message or ""}
                ) from exc
        return value


class PackTest(Strict):
    """A check an admin attaches to a pack: what must come out for a caller's words."""

    name: str
    turns: list[str]
    lang: Lang | None = None
    expect_urgency: Urgency | None = None
    expect_intent: str | None = None
    expect_outcome: Literal["handoff", "order", "message", "ended"] | None = None
    bot_says: list[str] = Field(default_factory=list)
    bot_never_says: list[str] = Field(default_factory=list)


class Pack(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    business: Localized
    languages: list[Lang] = Field(min_length=1)
    agent_language: Lang = "de"
    records_calls: bool = False
    timezone: str = "Europe/Berlin"
    hours: dict[Weekday, list[str]] = Field(default_factory=dict)
    out_of_hours: OutOfHours = Field(default_factory=OutOfHours)
    phone_numbers: list[str] = Field(default_factory=list)
    address: str | None = None
    comes_to_callers: bool = Field(
        default=True,
        description="Someone of this business goes to the caller (plumber, technician, guard): a handoff that no"
        " emergency of the pack names asks for the caller's address. False for a law firm or an office that"
        " only calls back.",
    )
    public_numbers: PublicNumbers = Field(default_factory=PublicNumbers)
    emergencies: list[Emergency] = Field(default_factory=list)
    catalog: list[CatalogItem] = Field(default_factory=list)
    order: OrderSettings = Field(default_factory=OrderSettings)
    info: list[InfoAnswer] = Field(default_factory=list)
    escalation: Escalation = Field(default_factory=Escalation)
    webhook: Webhook | None = None
    retention: Retention = Field(default_factory=Retention)
    reply_wait: ReplyWait = Field(default_factory=ReplyWait)
    prompts: Prompts
    tests: list[PackTest] = Field(default_factory=list)

    @field_validator("hours")
    @classmethod
    def _hours_are_ranges(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for day, ranges in value.items():
            for r in ranges:
                if not _HOURS.match(r):
                    raise PydanticCustomError(
                        "hours_range",
                        "{day}: '{range}' is not a time range like '08:00-17:30'",
                        {"day": day, "range": r},
                    )
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone_exists(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PydanticCustomError(
                "timezone_unknown",
                "unknown timezone '{timezone}' (use an IANA name like 'Europe/Berlin')",
                {"timezone": value},
            ) from exc
        return value

    @model_validator(mode="after")
    def _every_language_translated(self) -> Pack:
        """A client that offers a language must have every sentence in it: a caller never hears a gap."""
        missing: list[str] = []
        langs = set(self.languages)
        for name, value in self.prompts:
            for lang in langs - set(value):
                missing.append(f"prompts.{name}.{lang}")
        for kind, items in (
            ("emergencies", self.emergencies),
            ("info", self.info),
            ("catalog", self.catalog),
        ):
            for i, item in enumerate(items):
                for field in ("label", "advice", "answer", "name"):
                    value = getattr(item, field, None)
                    if isinstance(value, dict):
                        missing += [f"{kind}[{i}].{field}.{lang}" for lang in langs - set(value)]
        if missing:
            shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
            raise PydanticCustomError(
                "missing_translation",
                "missing translation for a language the client offers: {shown}",
                {"shown": shown, "fields": missing},
            )
        unreachable = self._unreachable()
        if unreachable:
            raise PydanticCustomError(
                "pack_unreachable", "{text}", {"text": "; ".join(p.text for p in unreachable), "problems": unreachable}
            )
        skus = [c.sku for c in self.catalog]
        dupes = sorted({s for s in skus if skus.count(s) > 1})
        if dupes:
            raise PydanticCustomError(
                "duplicate_sku", "catalog has duplicate sku: {skus}", {"skus": ", ".join(dupes), "at": "catalog"}
            )
        return self

    def _unreachable(self) -> list[Unreachable]:
        """Parts no call can ever reach: they would look configured and silently never work."""
        langs = set(self.languages)
        offered = ", ".join(sorted(langs))
        problems = []
        for i, e in enumerate(self.emergencies):
            if not any(e.phrases.get(lang) for lang in langs):
                problems.append(
                    Unreachable(
                        "emergency_no_phrases",
                        f"emergencies[{i}].phrases",
                        f"emergencies[{i}] ({e.id}): no phrases in {offered}, so no caller can reach it",
                        {"id": e.id, "langs": offered},
                    )
                )
        for i, answer in enumerate(self.info):
            if not any(answer.keywords.get(lang) for lang in langs):
                problems.append(
                    Unreachable(
                        "info_no_keywords",
                        f"info[{i}].keywords",
                        f"info[{i}] ({answer.id}): no keywords in {offered}, so it is never answered",
                        {"id": answer.id, "langs": offered},
                    )
                )
        for i, item in enumerate(self.catalog):
            blank = ", ".join(sorted(lang for lang in langs if not (item.name.get(lang) or "").strip()))
            if blank:
                problems.append(
                    Unreachable(
                        "catalog_name_empty",
                        f"catalog[{i}].name",
                        f"catalog[{i}] ({item.sku}): name is empty in {blank}",
                        {"id": item.sku, "langs": blank},
                    )
                )
        closed = self.out_of_hours
        if closed.mode != "open":
            if not self.hours:
                problems.append(
                    Unreachable(
                        "closed_needs_hours",
                        "out_of_hours.mode",
                        f"out_of_hours.mode {closed.mode} needs hours: when is the client open?",
                        {"mode": closed.mode},
                    )
                )
            fields = ["say"]
            if closed.mode == "emergencies_only":
                fields.append("goodbye")
            if closed.mode == "forward":
                fields.append("call_instead")
            for field in fields:
                blank = ", ".join(
                    sorted(lang for lang in langs if not (getattr(closed, field).get(lang) or "").strip())
                )
                if blank:
                    problems.append(
                        Unreachable(
                            "closed_words_empty",
                            f"out_of_hours.{field}",
                            f"out_of_hours.{field} is empty in {blank}: what do callers hear?",
                            {"langs": blank},
                        )
                    )
            if closed.mode == "forward" and not closed.forward_to:
                problems.append(
                    Unreachable(
                        "forward_needs_number",
                        "out_of_hours.forward_to",
                        "out_of_hours.mode forward needs out_of_hours.forward_to: which number takes the calls?",
                        {},
                    )
                )
        if self.escalation.transfer_directly and not self.escalation.transfer_number:
            problems.append(
                Unreachable(
                    "transfer_needs_number",
                    "escalation.transfer_number",
                    "escalation.transfer_directly needs escalation.transfer_number: where should the calls go?",
                    {},
                )
            )
        return problems

    def emergency(self, emergency_id: str | None) -> Emergency | None:
        return next((e for e in self.emergencies if e.id == emergency_id), None)

    def emergency_covering(self, situation: str) -> Emergency | None:
        return next((e for e in self.emergencies if situation in e.covers), None)
