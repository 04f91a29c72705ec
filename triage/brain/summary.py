"""The handoff summary: what an agent reads in five seconds before saying hello.

Written in the agent's language (the pack's `agent_language`), whatever language the caller spoke.
"""

from __future__ import annotations

from typing import Any

from ..packs.schema import Pack
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
    },
}


# outcomes the front-end completed itself: the summary describes them, nobody was handed over
_NOT_HANDOFFS = ("order", "message", "ended")


def recommended_action(state: CallState, pack: Pack, reason: str, lang: str) -> str:
    emergency = pack.emergency(state.emergency_id)
    if reason in ("p1", "p2") and emergency and emergency.next_action:
        return emergency.next_action.get(lang) or next(iter(emergency.next_action.values()))
    number = getattr(pack.public_numbers, state.hazard or "medical", "112")
    return _ACTIONS[lang][reason].format(number=number)


def build_summary(state: CallState, pack: Pack, reason: str) -> dict[str, Any]:
    """Everything known about the call, plus two sentences an agent can take in at a glance."""
    lang = pack.agent_language
    address = state.address.spoken() or None
    urgency_word = _URGENCY_WORDS[lang][state.urgency]
    why = state.reason or state.problem or _REASONS[lang].get(reason, reason)
    who = state.name or ("unbekannter Anrufer" if lang == "de" else "unknown caller")
    callback = state.phone or ("keine Rückrufnummer" if lang == "de" else "no callback number")
    where = f", {address}" if address else ""
    handed_over = reason not in _NOT_HANDOFFS
    if lang == "de":
        result = f"übergeben weil {_REASONS[lang][reason]}" if handed_over else _REASONS[lang][reason]
        text = (
            f"{state.urgency} {urgency_word}: {why}. {who}{where}, Rückruf {callback}; "
            f"Anrufer {_DISTRESS_WORDS[lang][state.distress]}, {result}."
        )
    else:
        result = f"handed over because {_REASONS[lang][reason]}" if handed_over else _REASONS[lang][reason]
        text = (
            f"{state.urgency} {urgency_word}: {why}. {who}{where}, callback {callback}; "
            f"caller {_DISTRESS_WORDS[lang][state.distress]}, {result}."
        )
    collected: dict[str, Any] = {}
    if state.name:
        collected["name"] = state.name
    if state.phone:
        collected["phone"] = state.phone
    if address:
        collected["address"] = address
    if state.order:
        collected["order"] = [line.as_dict() for line in state.order]
    if state.message:
        collected["message"] = state.message
    if state.when:
        collected["when"] = state.when
    return {
        "client": pack.id,
        "caller_name": state.name,
        "callback_number": state.phone,
        "address": address,
        "urgency": state.urgency,
        "urgency_reason": why,
        "evidence": list(dict.fromkeys(state.evidence)),
        "intent": state.intent,
        "distress": state.distress,
        "caller_language": state.lang,
        "handoff_reason": reason if handed_over else None,
        "collected": collected,
        "confirmed": sorted(state.confirmed),
        "recommended_action": recommended_action(state, pack, reason, lang),
        "text": text,
        "transcript": [{"role": t.role, "text": t.text} for t in state.transcript],
    }
