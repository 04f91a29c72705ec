"""One call as a state machine driven by the client pack: text in, what the bot says out.

No I/O here. The caller of `hear` (a pipecat processor, `triage simulate`, `triage chat`) must
store `Reply.outcome` before it lets the caller hear `Reply.says`: the words "Ihre Bestellung ist
gespeichert" may only be spoken once it is.

Rules that hold in every phase, checked before the phase's own handling:
danger to life -> public number and a human; acute distress -> a human now; a request for a
human -> a human; a P1 emergency -> safety advice and details for the on-call human.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from ..packs.render import render, say
from ..packs.schema import Pack
from . import answers, hours
from .analyze import analyze
from .model import TextModel
from .state import CallState, Outcome, Reply, Slot, Turn
from .summary import build_summary
from .types import DISTRESSES, Address, Analysis, Lang, OrderLine, more_urgent

MAX_MISUNDERSTOOD = 3
# phases where the caller says what they want, in their own words: the model's judgement applies
_OPEN_PHASES = ("need", "anything_else", "consent")
MAX_SILENCES = 2
_ASK = {"address": "ask_address", "phone": "ask_callback", "name": "ask_name"}
_CONFIRM = {"address": "confirm_address", "phone": "confirm_callback", "name": "confirm_name"}
_WAITING_PROMPTS = {
    "hold": "handoff_hold",
    "connecting": "handoff_connecting",
    "agent_unavailable": "handoff_agent_unavailable",
    "escalated": "handoff_escalated",
    "callback": "handoff_callback",
    "resolved": "goodbye",
}
# emergencies handled where the caller is: the on-call human needs an address
_ON_SITE_KINDS = ("water", "heating", "no_water", "toilet", "hot_water", "security", "fault")


class Dialogue:
    def __init__(
        self,
        pack: Pack,
        model: TextModel | None = None,
        *,
        lang: Lang | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.pack = pack
        self.model = model
        self.now = now
        self.state = CallState(client_id=pack.id, lang=lang or pack.languages[0])
        self.caller_number: str | None = None  # operator hook (issue 13): the line's caller ID, set by CallSession

    # --- what the outside world calls -----------------------------------------------------------
    def greet(self) -> Reply:
        says = [self._say("greeting")]
        # operator hook (issue 13): out of hours, the pack's words after the greeting (triage/brain/hours.py)
        says += hours.closed_words(self.pack, self.now(), self.state.lang)
        if hours.route_request(self.pack, self.now(), "other") == "handoff":  # out_of_hours.mode: on_call
            reply = self._handoff("after_hours", "handoff_now")
            return self._bot(Reply([*says, *reply.says], outcome=reply.outcome, end=True))
        if self.pack.records_calls:
            self.state.phase = "consent"
            says.append(self._say("recording_consent"))
        else:
            says.append(self._say("ask_need"))
        return self._bot(Reply(says))

    def hear(self, text: str, *, confidence: float | None = None) -> Reply:
        """The caller finished a turn (an empty string is silence). `confidence`: speech recognition's
        for the turn in [0, 1], None for typed text (accepted here; the dialogue branch acts on it)."""
        s = self.state
        if s.ended:
            return Reply(end=True)
        s.caller_turns += 1
        s.transcript.append(Turn("caller", text))
        if not text.strip():
            return self._bot(self._silence())
        s.silences = 0
        a = analyze(
            text,
            pack=self.pack,
            model=self.model,
            default_lang=s.lang,
            now=self.now(),
            expecting=self._expecting(),
        )
        s.lang = a.language
        # a bare "ja"/"nein" answers a question; it says nothing about urgency or intent
        bare_answer = len(text.split()) <= 3 and answers.yes_no(self.pack, text, s.lang) is not None
        if s.phase not in _OPEN_PHASES or bare_answer:
            a = self._rules_only(a)
        changed = self._absorb(a, triage=not bare_answer)
        return self._bot(self._decide(a, text, changed, bare_answer))

    def dtmf(self, digit: str) -> Reply:
        """Keypad: 0 asks for a human at any point, as callers learned from every hotline."""
        if digit == "0" and not self.state.ended:
            self.state.caller_turns += 1
            self.state.transcript.append(Turn("caller", "[DTMF 0]"))
            return self._bot(self._handoff("requested", "handoff_requested"))
        return Reply()

    def fail(self, error: str) -> Reply:
        """An engine failed inside this call: hand the caller to a human with what is known."""
        self.state.evidence.append(f"internal error: {error}")
        return self._bot(self._handoff("error", "handoff_error"))

    def waiting(self, event: str) -> Reply:
        """What a caller on hold hears when something happens to their handoff: `hold` (still
        waiting, or they spoke), `connecting` (an agent took the call), `agent_unavailable` (the
        agent did not answer; back in the queue), `escalated` (P0/P1: the on-call chain is alerted),
        `callback` (nobody was free: a call back is promised, and the call ends), `resolved` (an
        agent closed the handoff while the caller still waited: goodbye)."""
        key = _WAITING_PROMPTS.get(event)
        if key is None:
            raise ValueError(f"unknown waiting event {event!r}; one of {', '.join(_WAITING_PROMPTS)}")
        if key == "handoff_callback" and not (self.state.phone or self.caller_number):  # operator hook: no number
            key = "handoff_callback_no_number"
        return self._bot(Reply([self._say(key)], end=event in ("callback", "resolved")))

    def hangup(self) -> Outcome | None:
        """The caller is gone. Anything urgent becomes a callback for a human; nothing is lost."""
        s = self.state
        if s.ended:
            return s.outcome
        s.ended = True
        if s.outcome is None:
            urgent = s.urgency in ("P0", "P1", "P2") or s.distress == "acute"
            if urgent or s.confirming or (s.phone and s.phase not in ("need", "anything_else")):
                s.outcome = self._outcome("handoff", reason="hangup")
            else:
                s.outcome = self._outcome("ended")
        return s.outcome

    # --- decisions ------------------------------------------------------------------------------
    def _rules_only(self, a: Analysis) -> Analysis:
        """An answer to "what is your number?" is not what the model learned from: only rules may
        raise urgency or distress there ("Moment, meine Mutter bekommt keine Luft" still does)."""
        s = self.state
        urgency = a.urgency if a.by_rule else s.urgency
        distress = a.distress if a.acute_by_rule or a.distress != "acute" else s.distress
        return replace(a, urgency=urgency, distress=distress, intent=a.intent if a.by_rule else s.intent)

    def _decide(self, a: Analysis, text: str, changed: set[str], bare_answer: bool) -> Reply:
        s = self.state
        if a.distress == "acute" and a.hazard is None:
            return self._handoff("distress", "distress_acute")
        if a.urgency == "P0":
            return self._p0(a)
        # the words "Mitarbeiter", "real person" hand over anywhere; the model's guess only as a first request
        model_asks_human = a.intent == "request_human" and s.phase in ("need", "anything_else") and not bare_answer
        if a.wants_human or model_asks_human:
            if s.intent in ("other", "information"):
                s.intent = "request_human"
            return self._handoff("requested", "handoff_requested")
        if a.urgency == "P1" and not (s.phase == "collect" and s.handoff_reason == "p1"):
            return self._start_collect(a, "p1")
        prefix = self._acknowledge(a)
        reply = self._phase(a, text, changed)
        reply.says[:0] = prefix
        return reply

    def _phase(self, a: Analysis, text: str, changed: set[str]) -> Reply:
        s = self.state
        if s.phase == "consent":
            return self._consent(a, text)
        if s.phase == "collect":
            return self._collect_turn(text, changed)
        if s.phase.startswith("order"):
            return self._order_turn(a, text)
        if s.phase == "message":
            return self._message_text(text)
        if s.phase == "appointment":
            return self._appointment_turn(text)
        if s.phase in ("message_confirm",):
            return self._message_confirm(text, changed)
        if s.phase == "anything_else":
            yes = answers.yes_no(self.pack, text, s.lang)
            if answers.is_done(text) or (yes is False and len(text.split()) <= 3):
                return self._goodbye()
            if yes is True and len(text.split()) <= 2:
                s.phase = "need"
                return Reply([self._say("ask_need")])
        return self._need(a, text)

    def _need(self, a: Analysis, text: str) -> Reply:
        """The caller's request: route it to the flow that serves it."""
        s = self.state
        s.phase = "need"
        s.intent = a.intent
        if a.urgency == "P2":
            return self._start_collect(a, "p2")
        closed = hours.route_request(self.pack, self.now(), a.intent)  # operator hook (issue 13): out of hours
        if closed == "message":
            return self._start_message(text, "message")
        if closed == "closed":
            ended = self._end_no_action()  # the outcome "ended", with the pack's out-of-hours goodbye instead
            return Reply(hours.closed_goodbye(self.pack, self.state.lang), ended.outcome, end=True)
        if a.urgency == "P4" and _said_no_business(a):
            return self._end_no_action()
        if a.intent == "place_order" and self.pack.catalog:
            return self._start_order(a)
        if a.intent == "order_status":
            return self._handoff("order_status", "handoff_generic")
        if a.intent == "information":
            return self._information(text)
        if a.intent == "appointment":
            return self._start_appointment(a, text)
        if a.intent in ("leave_message", "complaint") or (a.intent == "report_problem" and a.urgency == "P3"):
            kind = {"leave_message": "message", "complaint": "complaint"}.get(a.intent, "problem")
            return self._start_message(text, kind)
        return self._misunderstood([self._say("ask_need")])

    # --- P0, handoffs, endings ------------------------------------------------------------------
    def _p0(self, a: Analysis) -> Reply:
        """The public number for the danger named, in one sentence; a danger no rule named gets the
        general emergency sentence."""
        hazard = a.hazard or self.state.hazard
        if hazard is None:
            return self._handoff("p0", "handoff_p0", number=self.pack.public_numbers.medical)
        self.state.hazard = hazard
        number = getattr(self.pack.public_numbers, hazard if hazard != "electric" else "fire")
        return self._handoff("p0", f"p0_{hazard}", number=number)

    def _handoff(self, reason: str, key: str, **variables: Any) -> Reply:
        s = self.state
        s.phase, s.ended = "done", True
        s.outcome = self._outcome("handoff", reason=reason)
        return Reply([self._say(key, **variables)], outcome=s.outcome, end=True)

    def _goodbye(self) -> Reply:
        s = self.state
        s.phase, s.ended = "done", True
        if s.outcome is None:
            s.outcome = self._outcome("ended")
            return Reply([self._say("goodbye")], outcome=s.outcome, end=True)
        return Reply([self._say("goodbye")], end=True)

    def _end_no_action(self) -> Reply:
        s = self.state
        s.phase, s.ended = "done", True
        s.outcome = self._outcome("ended")
        return Reply([self._say("no_action")], outcome=s.outcome, end=True)

    def _silence(self) -> Reply:
        s = self.state
        s.silences += 1
        if s.silences >= MAX_SILENCES:
            return self._handoff("silence", "handoff_generic")
        return Reply([self._say("silence_reprompt")])

    def _misunderstood(self, again: list[str], lead: str = "not_understood") -> Reply:
        s = self.state
        s.misunderstood += 1
        if s.misunderstood >= MAX_MISUNDERSTOOD:
            return self._handoff("failures", "handoff_failures")
        return Reply([self._say(lead), *again])

    def _acknowledge(self, a: Analysis) -> list[str]:
        """Elevated distress is acknowledged once, with the offer of a human."""
        s = self.state
        if a.distress == "elevated" and not s.acknowledged_distress:
            s.acknowledged_distress = True
            return [self._say("distress_elevated")]
        return []

    def _consent(self, a: Analysis, text: str) -> Reply:
        s = self.state
        answer = answers.yes_no(self.pack, text, s.lang)
        s.recording_consent = answer is True
        if answer is not None and len(text.split()) <= 4:
            s.phase = "need"
            first = [] if answer else [self._say("consent_declined")]
            return Reply([*first, self._say("ask_need")])
        # the caller went straight to their need: no consent given, so nothing is recorded
        return self._need(a, text)

    # --- details: address, callback number, name, each read back --------------------------------
    def _start_collect(self, a: Analysis, reason: str) -> Reply:
        s = self.state
        s.phase, s.handoff_reason, s.after_collect = "collect", reason, "handoff"
        s.intent = "report_problem" if a.intent in ("other", "information", "place_order") else a.intent
        s.needs = (["address"] if self._on_site(a) else []) + ["phone", "name"]
        says = []
        emergency = self.pack.emergency(s.emergency_id)
        if reason == "p1" and emergency and emergency.advice:
            says.append(self._localized(emergency.advice))
        says += self._acknowledge(a)
        return self._next_detail(says)

    def _on_site(self, a: Analysis) -> bool:
        """Does help come to the caller (so the on-call human needs an address)?"""
        emergency = self.pack.emergency(self.state.emergency_id)
        if emergency is not None:
            return emergency.needs_address
        # a danger no rule named (the model's call) gets an address asked: better one question too many
        return a.rule_kind is None or a.rule_kind in _ON_SITE_KINDS

    def _next_detail(self, prefix: list[str] | None = None) -> Reply:
        """Read back what is unconfirmed, or ask for what is missing, or finish."""
        s = self.state
        says = list(prefix or [])
        for slot in s.needs:
            if slot in s.confirmed:
                continue
            if self._value(slot):
                s.confirming = slot
                return Reply([*says, self._say(_CONFIRM[slot])])
            s.confirming = None
            ask = "order_ask_delivery_address" if slot == "address" and s.after_collect == "order" else _ASK[slot]
            return Reply([*says, self._say(ask)])
        s.confirming = None
        if s.after_collect == "message":
            s.phase = "message_confirm"
            return Reply([*says, self._say("message_readback", message=self._message_spoken())])
        if s.after_collect == "order":
            return Reply([*says, *self._order_readback()])
        reply = self._handoff(s.handoff_reason, "handoff_p1" if s.handoff_reason == "p1" else "handoff_now")
        reply.says[:0] = says
        return reply

    def _collect_turn(self, text: str, changed: set[str]) -> Reply:
        s = self.state
        slot = s.confirming
        if slot is not None:
            answer = answers.yes_no(self.pack, text, s.lang)
            if slot in changed:
                pass  # a correction ("nein, Hausnummer 14"): read the new value back
            elif answer is False:
                self._clear(slot)
                return Reply([self._say("confirm_retry"), self._say(_ASK[slot])])
            elif answer is True or changed:
                s.confirmed.add(slot)  # new information after a read-back is an implicit yes
            else:
                return self._misunderstood([self._say(_CONFIRM[slot])])
        elif not changed:
            missing = next((n for n in s.needs if not self._value(n)), None)
            if missing and s.after_collect == "message" and len(text.split()) > 3:
                # more of the message, said while we asked for a detail: keep it, ask again
                s.message = f"{s.message} {text.strip()}" if s.message else text.strip()
                return Reply([self._say(_ASK[missing])])
            if missing:
                return self._misunderstood([self._say(_ASK[missing])])
        return self._next_detail()

    def _value(self, slot: Slot) -> object:
        s = self.state
        return {"address": s.address.street or s.address.postcode, "phone": s.phone, "name": s.name}[slot]

    def _clear(self, slot: Slot) -> None:
        s = self.state
        if slot == "address":
            s.address = Address()
        elif slot == "phone":
            s.phone = None
        else:
            s.name = None

    # --- orders ---------------------------------------------------------------------------------
    def _start_order(self, a: Analysis) -> Reply:
        s = self.state
        s.phase, s.intent = "order", "place_order"
        if not a.order:
            return Reply([self._say("order_ask_items")])
        self._add_lines(a.order)
        return Reply(self._order_next())

    def _add_lines(self, lines: list[OrderLine]) -> None:
        s = self.state
        for line in lines:
            existing = next((x for x in s.order if x.sku == line.sku and x.options == line.options), None)
            if existing:
                existing.qty = line.qty  # the caller restating a quantity corrects it
            else:
                s.order.append(line)
        for i, line in enumerate(s.order):
            item = self._item(line.sku)
            for group in item.options if item else {}:
                if group not in line.options and (i, group) not in s.option_queue:
                    s.option_queue.append((i, group))

    def _item(self, sku: str):
        return next((c for c in self.pack.catalog if c.sku == sku), None)

    def _order_next(self) -> list[str]:
        """Options still open, then 'anything else?', fulfilment, name, then the read-back."""
        s = self.state
        if s.option_queue:
            i, group = s.option_queue[0]
            item = self._item(s.order[i].sku)
            s.phase = "order_option"
            return [
                self._say(
                    "order_ask_option",
                    item=s.order[i].name,
                    option_group=group,
                    option_values=item.options[group] if item else [],
                )
            ]
        if not s.asked_more:
            s.asked_more, s.phase = True, "order"
            return [self._say("order_ask_more")]
        choices = self.pack.order.fulfilment
        if s.fulfilment is None and len(choices) == 1:
            s.fulfilment = choices[0]
        if s.fulfilment is None:
            s.phase = "order_fulfilment"
            return [self._say("order_ask_fulfilment")]
        needs: list[Slot] = (["address"] if s.fulfilment == "delivery" else []) + ["name", "phone"]
        if not set(needs) <= s.confirmed:
            s.phase, s.after_collect, s.needs = "collect", "order", needs
            return self._next_detail().says
        return self._order_readback()

    def _order_readback(self) -> list[str]:
        s = self.state
        s.phase = "order_confirm"
        return [self._say("order_readback", items=self._items_text(), fulfilment=s.fulfilment)]

    def _items_text(self) -> str:
        parts = []
        for line in self.state.order:
            options = " ".join(line.options.values())
            parts.append(" ".join(p for p in (str(line.qty), line.name, options) if p))
        return ", ".join(parts)

    def _order_turn(self, a: Analysis, text: str) -> Reply:
        s = self.state
        if s.phase == "order_option":
            i, group = s.option_queue[0]
            item = self._item(s.order[i].sku)
            value = answers.option_value(item, group, text) if item else None
            if value is None and a.order and a.order[0].sku == s.order[i].sku:
                value = a.order[0].options.get(group)
            if value is None:
                return self._misunderstood(self._order_next())
            s.order[i].options[group] = value
            s.option_queue.pop(0)
            return Reply(self._order_next())
        if s.phase == "order":
            if a.order:
                self._add_lines(a.order)
                s.asked_more = False if s.option_queue else s.asked_more
                return Reply(self._order_next())
            if s.order and (answers.is_done(text) or answers.yes_no(self.pack, text, s.lang) is False):
                return Reply(self._order_next())
            if not s.order:
                return self._misunderstood([self._say("order_item_unknown")])
            return self._misunderstood([self._say("order_ask_more")])
        if s.phase == "order_fulfilment":
            s.fulfilment = answers.fulfilment(text)
            if s.fulfilment not in self.pack.order.fulfilment:
                s.fulfilment = None
                return self._misunderstood([self._say("order_ask_fulfilment")])
            return Reply(self._order_next())
        return self._order_confirm(a, text)

    def _order_confirm(self, a: Analysis, text: str) -> Reply:
        s = self.state
        answer = answers.yes_no(self.pack, text, s.lang)
        if a.order:  # "nein, drei Packungen": a correction, read back again
            self._add_lines(a.order)
            return Reply(self._order_next())
        if answer is True:
            s.outcome = self._outcome("order", order=self._order_dict())
            s.phase = "anything_else"
            return Reply([self._say("order_saved"), self._say("anything_else")], outcome=s.outcome)
        if answer is False:
            s.order, s.option_queue, s.asked_more = [], [], False
            s.phase = "order"
            return Reply([self._say("order_cancelled"), self._say("order_ask_items")])
        return self._misunderstood(self._order_next())

    def _order_dict(self) -> dict[str, Any]:
        s = self.state
        out: dict[str, Any] = {
            "items": [line.as_dict() for line in s.order],
            "fulfilment": s.fulfilment,
            "name": s.name,
        }
        if s.phone:
            out["phone"] = s.phone
        if s.fulfilment == "delivery":
            out["address"] = s.address.spoken()
        return out

    # --- messages and appointments ------------------------------------------------------------
    def _start_message(self, text: str, kind: str) -> Reply:
        s = self.state
        s.message_kind = kind  # type: ignore[assignment]
        if kind == "message" and answers.announces_message(text):
            s.phase = "message"
            return Reply([self._say("message_ask")])
        s.message = text.strip()
        return self._collect_for_message()

    def _message_text(self, text: str) -> Reply:
        self.state.message = text.strip()
        return self._collect_for_message()

    def _collect_for_message(self) -> Reply:
        s = self.state
        s.phase, s.after_collect, s.needs = "collect", "message", ["phone", "name"]
        return self._next_detail()

    def _start_appointment(self, a: Analysis, text: str) -> Reply:
        s = self.state
        s.message_kind, s.message = "appointment", text.strip()
        if not s.when:
            s.phase = "appointment"
            return Reply([self._say("appointment_ask")])
        return self._collect_for_message()

    def _appointment_turn(self, text: str) -> Reply:
        s = self.state
        s.message = f"{s.message} / {text.strip()}" if s.message else text.strip()
        return self._collect_for_message()

    def _message_confirm(self, text: str, changed: set[str]) -> Reply:
        s = self.state
        answer = answers.yes_no(self.pack, text, s.lang)
        if answer is True:
            s.outcome = self._outcome("message", message=self._message_dict())
            s.phase = "anything_else"
            return Reply([self._say("message_saved"), self._say("anything_else")], outcome=s.outcome)
        if answer is False and not changed:
            s.phase = "message"
            return Reply([self._say("message_ask")])
        if changed:
            s.confirmed -= changed
            return self._collect_for_message()
        return self._misunderstood([self._say("message_readback", message=self._message_spoken())])

    def _message_spoken(self) -> str:
        """The message as read back: the prompt ends the sentence, so the caller's own full stop goes."""
        return (self.state.message or "").rstrip(" .!?")

    def _message_dict(self) -> dict[str, Any]:
        s = self.state
        out: dict[str, Any] = {"kind": s.message_kind, "text": s.message, "name": s.name, "phone": s.phone}
        if s.when:
            out["when"] = s.when
        if s.when_text:
            out["when_text"] = s.when_text
        return out

    # --- information ----------------------------------------------------------------------------
    def _information(self, text: str) -> Reply:
        s = self.state
        found = answers.info_answer(self.pack, text)
        if found is None:
            return self._misunderstood([], lead="info_unknown")
        s.phase = "anything_else"
        return Reply([self._localized(found.answer), self._say("anything_else")])

    # --- bookkeeping ----------------------------------------------------------------------------
    def _absorb(self, a: Analysis, triage: bool = True) -> set[str]:
        """Take everything the utterance says into the call state; return which details changed."""
        s = self.state
        if triage and a.urgency != s.urgency and more_urgent(a.urgency, s.urgency) == a.urgency:
            s.urgency = a.urgency
            s.reason = a.reason or s.reason
            s.hazard = a.hazard or s.hazard
            s.emergency_id = a.emergency_id or s.emergency_id
            if a.urgency in ("P0", "P1", "P2"):
                s.intent = "report_problem"
        if s.emergency_id is None and a.emergency_id:
            s.emergency_id = a.emergency_id
        if DISTRESSES.index(a.distress) > DISTRESSES.index(s.distress):
            s.distress = a.distress
        if triage and s.problem is None and a.intent not in ("other", "request_human"):
            s.problem = s.transcript[-1].text
        s.evidence += [e for e in a.evidence if not e.startswith("model:")]

        changed: set[str] = set()
        e = a.entities
        if e.name and e.name != s.name:
            s.name, changed = e.name, changed | {"name"}
        if e.phone and e.phone != s.phone:
            s.phone, changed = e.phone, changed | {"phone"}
        if not e.address.is_empty():
            merged = s.address.merged(e.address)
            if merged != s.address:
                s.address, changed = merged, changed | {"address"}
        if e.dates or e.times:
            s.when = [*e.dates, *e.times]
            s.when_text = e.when_text
        s.confirmed -= changed
        return changed

    @property
    def expecting(self) -> frozenset[str]:
        return self._expecting()

    def _expecting(self) -> frozenset[str]:
        s = self.state
        if s.phase == "collect" and s.confirming is None:
            missing = next((n for n in s.needs if not self._value(n)), None)
            return frozenset({missing}) if missing else frozenset()
        if s.phase == "collect" and s.confirming:
            return frozenset({s.confirming})
        if s.phase == "appointment":
            return frozenset({"when"})
        return frozenset()

    def _outcome(self, type_: str, *, reason: str | None = None, **kw: Any) -> Outcome:
        """The call's result with a summary for the agent; a handoff names its reason."""
        s = self.state
        return Outcome(
            type=type_,  # type: ignore[arg-type]
            urgency=s.urgency,
            intent=s.intent,
            distress=s.distress,
            at_turn=s.caller_turns,
            summary=build_summary(s, self.pack, reason or type_),
            handoff_reason=reason,
            **kw,
        )

    def _variables(self) -> dict[str, Any]:
        s = self.state
        return {
            "caller_name": s.name,
            "address": s.address.spoken(),
            "phone": s.phone,
            "time_of_day": hours.time_of_day(self.pack, self.now()),  # operator hook: on the client's clock
        }

    def _say(self, key: str, **variables: Any) -> str:
        return say(self.pack, key, self.state.lang, **{**self._variables(), **variables})

    def _localized(self, texts: dict[str, str]) -> str:
        text = texts.get(self.state.lang) or texts.get(self.pack.languages[0]) or next(iter(texts.values()))
        return render(text, client_name=self.pack.name, **self._variables())

    def _bot(self, reply: Reply) -> Reply:
        for text in reply.says:
            self.state.transcript.append(Turn("bot", text))
        return reply


def _said_no_business(a: Analysis) -> bool:
    """Wrong number, sales or a prank, recognised by a rule (not a guess): the call can end."""
    return any(e.startswith(("rule wrong_number", "rule sales_spam", "rule prank")) for e in a.evidence)
