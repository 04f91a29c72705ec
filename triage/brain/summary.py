"""The handoff summary: what an agent reads in five seconds before saying hello.

Written in German and in English (`words`), whatever language the caller spoke: each agent reads it in
their own account's language (`for_reader`); the top-level fields are in the pack's `agent_language`
for webhooks and older readers.
"""

from __future__ import annotations

import re
from typing import Any

from ..packs.schema import Pack
from ..phones import pack_region, phone_text
from .state import CallState

_URGENCY_WORDS = {
    "de": {"P0": "Lebensgefahr", "P1": "Notfall", "P2": "dringend", "P3": "Routine", "P4": "keine Aktion"},
    "en": {"P0": "danger to life", "P1": "emergency", "P2": "urgent", "P3": "routine", "P4": "no action"},
}
_DISTRESS_WORDS = {
    "de": {"none": "ruhig", "elevated": "aufgewühlt", "acute": "in akuter Not"},
    "en": {"none": "calm", "elevated": "upset", "acute": "in acute distress"},
}
_REASONS = {
    "de": {
        "p0": "Gefahr für Menschen",
        "p1": "Notfall",
        "p2": "dringendes Anliegen",
        "distress": "Anrufer in akuter Not",
        "requested": "Anrufer wollte einen Menschen sprechen",
        "failures": "der Assistent hat den Anrufer wiederholt nicht verstanden",
        "silence": "der Anrufer hat nicht geantwortet",
        "error": "technischer Fehler im Assistenten",
        "hangup": "der Anrufer hat aufgelegt, bevor alles aufgenommen war",
        "order_status": "Frage zum Stand einer Bestellung",
        "routine": "Anliegen für einen Mitarbeiter",
        "order": "Bestellung aufgenommen",
        "message": "Nachricht aufgenommen",
        "ended": "Anruf ohne Auftrag beendet",
        "after_hours": "Anruf außerhalb der Geschäftszeiten",
    },
    "en": {
        "p0": "danger to people",
        "p1": "emergency",
        "p2": "urgent request",
        "distress": "caller in acute distress",
        "requested": "caller asked for a human",
        "failures": "the assistant repeatedly did not understand the caller",
        "silence": "the caller did not answer",
        "error": "technical failure in the assistant",
        "hangup": "the caller hung up before everything was taken",
        "order_status": "question about an order's status",
        "routine": "request for an agent",
        "order": "order taken",
        "message": "message taken",
        "ended": "call ended without a request",
        "after_hours": "call outside business hours",
    },
}
_ACTIONS = {
    "de": {
        "p0": "Sofort übernehmen: Anrufer wurde an die {number} verwiesen; prüfen, ob der Notruf gewählt ist, "
        "und bis dahin in der Leitung bleiben.",
        "p1": "Bereitschaft sofort zur Adresse schicken und den Anrufer zurückrufen.",
        "p2": "Heute zurückrufen und einen Termin vereinbaren.",
        "distress": "Ruhig sprechen, zuhören, den Anrufer nicht allein lassen; bei Gefahr 112 einschalten.",
        "requested": "Anrufer übernehmen und das Anliegen klären.",
        "failures": "Anrufer übernehmen; das Anliegen ist noch unklar.",
        "silence": "Zurückrufen, falls eine Nummer vorliegt; der Anrufer hat nicht gesprochen.",
        "error": "Anrufer übernehmen; das Anliegen steht im Verlauf.",
        "hangup": "Zurückrufen: der Anruf brach ab, bevor alles aufgenommen war.",
        "order_status": "Bestellung heraussuchen und den Stand mitteilen.",
        "routine": "Anrufer übernehmen und das Anliegen klären.",
        "order": "Bestellung prüfen, bereitstellen und den Kunden informieren.",
        "message": "Anrufer zurückrufen.",
        "ended": "Nichts zu tun.",
        "after_hours": "Bereitschaft: Anrufer übernehmen oder zurückrufen; außerhalb der Geschäftszeiten.",
    },
    "en": {
        "p0": "Take over now: the caller was told to call {number}; check the emergency call is made and stay on "
        "the line until then.",
        "p1": "Send the on-call technician to the address now and call the caller back.",
        "p2": "Call back today and arrange a visit.",
        "distress": "Speak calmly, listen, do not leave the caller alone; involve 112 if anyone is in danger.",
        "requested": "Take the caller and clarify the request.",
        "failures": "Take the caller; the request is still unclear.",
        "silence": "Call back if a number is known; the caller did not speak.",
        "error": "Take the caller; the request is in the transcript.",
        "hangup": "Call back: the call dropped before everything was taken.",
        "order_status": "Look up the order and tell the caller its status.",
        "routine": "Take the caller and clarify the request.",
        "order": "Check the order, prepare it and tell the customer.",
        "message": "Call the caller back.",
        "ended": "Nothing to do.",
        "after_hours": "On call: take the caller or call back; outside business hours.",
    },
}


_INTENT_WORDS = {
    "de": {
        "report_problem": "Störung gemeldet",
        "place_order": "Bestellung",
        "order_status": "Frage zu einer Bestellung",
        "appointment": "Terminwunsch",
        "leave_message": "Nachricht",
        "information": "Auskunft",
        "complaint": "Beschwerde",
        "request_human": "möchte einen Mitarbeiter sprechen",
        "other": "Anliegen",
    },
    "en": {
        "report_problem": "problem reported",
        "place_order": "order",
        "order_status": "question about an order",
        "appointment": "wants an appointment",
        "leave_message": "message",
        "information": "information",
        "complaint": "complaint",
        "request_human": "wants to speak to someone",
        "other": "request",
    },
}
_NO_NUMBER = {"de": "keine Rückrufnummer genannt", "en": "no callback number given"}
_CALLBACK = {"de": "Rückruf an {number}", "en": "call back on {number}"}
_FOR_WHOM = {"de": "„{said}“", "en": '"{said}"'}
_UNKNOWN_CALLER = {"de": "unbekannter Anrufer", "en": "unknown caller"}
_WANTED = {"de": "gewünscht", "en": "wanted"}
HEADLINE_WORDS = 8  # of the caller's own words in a routine headline: read in a glance, not a transcript
SUMMARY_LANGS = ("de", "en")
_GREETING = re.compile(
    r"^(\W*(guten (tag|morgen|abend)|hallo|moin|ja|hi|hello|good (morning|afternoon|evening)|yes)\b)+\W*", re.I
)

# outcomes the front-end completed itself: the summary describes them, nobody was handed over
_NOT_HANDOFFS = ("order", "message", "ended")


def recommended_action(state: CallState, pack: Pack, reason: str, lang: str) -> str:
    emergency = pack.emergency(state.emergency_id)
    if reason in ("p1", "p2") and emergency and emergency.next_action:
        return emergency.next_action.get(lang) or next(iter(emergency.next_action.values()))  # type: ignore[call-overload]
    number = getattr(pack.public_numbers, state.hazard or "medical", "112")
    return _ACTIONS[lang][reason].format(number=number)


def headline(state: CallState, pack: Pack, lang: str) -> str:
    """Why the caller called, in a few words of `lang`: the pack's name for the emergency, the
    classifier's reason (written in the pack's agent_language), or the intent and the caller's first
    words, cut short (never the whole first utterance)."""
    emergency = pack.emergency(state.emergency_id)
    if state.reason and (lang == pack.agent_language or emergency is None):
        return state.reason
    if emergency is not None:
        return emergency.label.get(lang) or next(iter(emergency.label.values()))  # type: ignore[call-overload]
    intent = _INTENT_WORDS[lang].get(state.intent or "other", _INTENT_WORDS[lang]["other"])
    if not state.problem:
        return intent
    words = _GREETING.sub("", state.problem).split() or state.problem.split()
    quote = " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")
    return f"{intent}: „{quote}“" if lang == "de" else f'{intent}: "{quote}"'


def _text(state: CallState, reason: str, lang: str, why: str, address: str | None, number: str | None) -> str:
    """The two sentences; `number` is the callback number as the agent reads it (`phone_text`)."""
    who = state.name or _UNKNOWN_CALLER[lang]
    if state.firm:  # "Schmidt (Müller GmbH)": the firm the caller calls from
        who = f"{who} ({state.firm})"
    if state.for_whom:  # "Anja Meier („für meinen Vater“)": who called for whom, in the caller's words
        who = f"{who} ({_FOR_WHOM[lang].format(said=state.for_whom)})"
    callback = _CALLBACK[lang].format(number=number) if number else _NO_NUMBER[lang]
    if number and state.callback_of:  # the number is someone else's: whom the agent reaches on it
        callback = f"{callback} ({state.callback_of})"
    where = f", {address}" if address else ""
    if state.when_text:  # "Wachmann für Samstag, den 12., ab 20 Uhr": the day asked for, as the caller said it
        why = f"{why} ({_WANTED[lang]}: {state.when_text.rstrip(' .')})"
    urgency_word = _URGENCY_WORDS[lang][state.urgency]
    handed_over = reason not in _NOT_HANDOFFS
    if lang == "de":
        result = f"übergeben weil {_REASONS[lang][reason]}" if handed_over else _REASONS[lang][reason]
        return (
            f"{state.urgency} {urgency_word}: {why}. {who}{where}; {callback}; "
            f"Anrufer {_DISTRESS_WORDS[lang][state.distress]}, {result}."
        )
    result = f"handed over because {_REASONS[lang][reason]}" if handed_over else _REASONS[lang][reason]
    return (
        f"{state.urgency} {urgency_word}: {why}. {who}{where}; {callback}; "
        f"caller {_DISTRESS_WORDS[lang][state.distress]}, {result}."
    )


def for_reader(summary: dict[str, Any], lang: str | None) -> dict[str, Any]:
    """The summary as an agent reading in `lang` sees it: the headline, recommended action and text in
    their language when the summary carries it (summaries stored before `words` stay as they are)."""
    words = (summary.get("words") or {}).get(lang or "")
    return {**summary, **words} if words else summary


def build_summary(state: CallState, pack: Pack, reason: str) -> dict[str, Any]:
    """Everything known about the call, plus two sentences an agent can take in at a glance, in every
    language an agent may read (`words`); the top level in the pack's agent_language."""
    lang = pack.agent_language
    address = state.address.spoken() or None
    handed_over = reason not in _NOT_HANDOFFS
    number = phone_text(state.phone, pack_region(pack))  # grouped once, here, for every reader
    words = {}
    for each in SUMMARY_LANGS:
        why = headline(state, pack, each)
        words[each] = {
            "urgency_reason": why,
            "recommended_action": recommended_action(state, pack, reason, each),
            "text": _text(state, reason, each, why, address, number),
        }
    collected: dict[str, Any] = {}
    if state.name:
        collected["name"] = state.name
    if state.phone:
        collected["phone"] = state.phone
    if address:
        collected["address"] = address
    if state.order:
        collected["order"] = [line.as_dict() for line in state.order]
    if state.firm:
        collected["firm"] = state.firm
    if state.message:
        collected["message"] = state.message
    if state.when:
        collected["when"] = state.when
    return {
        "client": pack.id,
        "caller_name": state.name,
        "callback_number": state.phone,
        "callback_number_text": number,  # as agents read it: "0421 998877"; the console shows this
        "address": address,
        "urgency": state.urgency,
        "urgency_reason": words[lang]["urgency_reason"],
        "evidence": list(dict.fromkeys(state.evidence)),
        "intent": state.intent,
        "distress": state.distress,
        "caller_language": state.lang,
        "handoff_reason": reason if handed_over else None,
        "collected": collected,
        "confirmed": sorted(state.confirmed),
        "recommended_action": words[lang]["recommended_action"],
        "text": words[lang]["text"],
        "words": words,
        "transcript": [{"role": t.role, "text": t.text} for t in state.transcript],
    }
