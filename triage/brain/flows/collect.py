"""Details for a human, an order or a message: address, callback number, name, each read back.

The flow asks for what is missing and reads back what is unconfirmed, one detail at a time.
New information after a read-back is an implicit yes; a "nein" clears the detail and asks again, and
a correction in the same turn ("nein, Schmidt, S-C-H-M-I-D-T", "no, zero one seven six ...") is read
back in its place: a one-word correction of a name amends the word it corrects.
When everything needed is confirmed the flow that asked for the details goes on (`after_collect`).
"""

from __future__ import annotations

from dataclasses import replace

from .. import answers
from ..extract import normalise_phone, phone_digits, plausible_phone
from ..extract.address import bare_town, extract_address
from ..extract.name import corrected_name, extract_name, spells_name, unspelled
from ..extract.phone import counts_something
from ..state import Reply, Slot
from ..types import Address, Analysis
from . import message, order
from .context import Context

ASK = {"address": "ask_address", "phone": "ask_callback", "name": "ask_name"}
CONFIRM = {"address": "confirm_address", "phone": "confirm_callback", "name": "confirm_name"}
# emergencies handled where the caller is: the on-call human needs an address
_ON_SITE_KINDS = ("water", "heating", "no_water", "toilet", "hot_water", "security", "fault")
# details a caller may keep to themselves: "nein, danke" to the name question is an answer
OPTIONAL: frozenset[Slot] = frozenset({"name"})
# answers to the name question that can be no name before the call goes on without it
NAME_ASKS = 2


def start(c: Context, a: Analysis, reason: str) -> Reply:
    """Collect details for a human: advice for a P1 first, then address (if help comes to the
    caller), callback number and name."""
    s = c.state
    s.phase, s.handoff_reason, s.after_collect = "collect", reason, "handoff"
    s.intent = "report_problem" if a.intent in ("other", "information", "place_order") else a.intent
    s.needs = (["address"] if _on_site(c, a) else []) + ["phone", "name"]  # type: ignore[assignment]
    says = []
    emergency = c.pack.emergency(s.emergency_id)
    if reason == "p1" and emergency and emergency.advice:
        says.append(c.localized(emergency.advice))
    says += c.acknowledge(a)
    return next_detail(c, says)


def _on_site(c: Context, a: Analysis) -> bool:
    """Does help come to the caller (so the on-call human needs an address)?"""
    emergency = c.pack.emergency(c.state.emergency_id)
    if emergency is not None:
        return emergency.needs_address
    # a danger no rule named (the model's call) gets an address asked: better one question too many
    return a.rule_kind is None or a.rule_kind in _ON_SITE_KINDS


def next_detail(c: Context, prefix: list[str] | None = None) -> Reply:
    """Read back what is unconfirmed, or ask for what is missing, or finish."""
    s = c.state
    says = list(prefix or [])
    for slot in s.needs:
        if slot in s.confirmed or slot in s.declined:
            continue
        if c.value(slot):
            return _read_back(c, slot, says)
        if slot == "phone" and not s.line_number_offered and (line := c.line_number()):
            # the number the caller rings from, offered once: a yes spares them dictating it; a no (or
            # another number said instead) goes on as any read-back does
            s.phone, s.phone_fragment, s.line_number_offered, s.confirming = line, None, True, "phone"
            return Reply([*says, c.say("confirm_line_number")])
        s.confirming = None
        return Reply([*says, _ask(c, slot)])
    s.confirming = None
    if s.after_collect == "message":
        return Reply([*says, *message.readback(c)])
    if s.after_collect == "order":
        return Reply([*says, *order.readback(c)])
    return _hand_over(c, says)


def _hand_over(c: Context, says: list[str] | None = None) -> Reply:
    """The details collected for a human go to one now (after `says`)."""
    s = c.state
    reply = c.handoff(s.handoff_reason or "p1", "handoff_p1" if s.handoff_reason == "p1" else "handoff_now")
    reply.says[:0] = says or []
    return reply


def asks_phone(c: Context) -> bool:
    """The callback number is what the bot just asked for or read back."""
    s = c.state
    if s.phase != "collect":
        return False
    return s.confirming == "phone" or (s.confirming is None and c.missing() == "phone")


def phone_pieces(c: Context, a: Analysis, text: str) -> Analysis:
    """A number across the turns of one answer. Speech recognition ends a turn at a pause, so
    "0176." and "555 1234" may come as two turns: digits too few for a whole number are kept
    (`phone_fragment`) and the next digits added; a number read back too early is completed by
    the digits said right after it. Only a plausible whole number becomes the callback number."""
    s = c.state
    digits = phone_digits(text, s.lang)
    if digits is None:
        return a
    base = s.phone_fragment or ""
    read_back_early = s.confirming == "phone" and s.phone and digits[0] not in "0+"
    if not base and read_back_early and answers.yes_no(c.pack, text, s.lang) is None:
        base = s.phone  # type: ignore[assignment]  # the rest of a number that was read back too early
    if digits.startswith("+") or (digits.startswith("0") and plausible_phone(normalise_phone(digits))):
        base = ""  # a whole number said again
    number = normalise_phone(base + digits)
    if plausible_phone(number):
        s.phone_fragment = None
        return replace(a, entities=replace(a.entities, phone=number))
    if counts_something(text, s.lang):  # "about 100 guests" while the number is asked: no piece of it
        return a
    s.phone_fragment = number
    return replace(a, entities=replace(a.entities, phone=None))


def turn(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    s = c.state
    if not changed and answers.says_goodbye(text) and message.can_keep(c):
        return message.keep_on_goodbye(c)  # "Gut, danke, tschüss" before the name: the message is kept
    if not changed and answers.says_goodbye(text) and s.after_collect == "handoff":
        return _hand_over(c)  # "ich muss Schluss machen, tschüss" mid-emergency: a human has what is known
    if s.after_collect == "order" and (way := _fulfilment_changed(c, text)):
        return way  # "ach, ich hole es doch selbst ab" while the delivery address is asked
    if s.phone_fragment and "phone" not in changed:
        if answers.is_done(text) or answers.yes_no(c.pack, text, s.lang) is True:
            if len(s.phone_fragment.lstrip("+")) >= 6:  # "das war's": a short number after all
                s.phone, s.phone_fragment = s.phone_fragment, None
                s.confirmed.discard("phone")
                return next_detail(c)
        elif phone_digits(text, s.lang) is not None:
            return Reply([c.say("phone_continue", phone=s.phone_fragment)])
    slot = s.confirming
    if slot is not None:
        answer = answers.yes_no(c.pack, text, s.lang)
        if slot in changed:  # a correction ("nein, Hausnummer 14", "no, Miller, M-I-L-L-E-R"): read it back
            if slot == "name" and s.name:
                s.name = corrected_name(s.name_read_back, s.name)
        elif answer is None and (town := _town_added(c, slot, text)):
            s.address = replace(s.address, city=town)  # "I have: Harbour Road 16." - "Hamburg.": read it back
        elif answer is False:
            offered = slot == "phone" and s.phone == c.line_number()  # "no, call my mobile": no apology
            clear(c, slot)
            s.confirming = None  # the detail is asked for afresh: a "yes" now is no answer to it
            return Reply([*([] if offered else [c.say("confirm_retry")]), _ask(c, slot)])
        elif answer is True or changed:
            s.confirmed.add(slot)  # new information after a read-back is an implicit yes
        elif name := _name_instead(c, slot, text):
            s.name = name  # "Goethestraße 14, Hamburg?" - "Anna Schmidt": a yes, and the name given early
            s.confirmed.add(slot)
        else:
            return c.misunderstood([c.say(CONFIRM[slot])])
    elif (other := _other_detail(c, changed)) is not None:
        _pass_over_site(c)
        return _read_back(c, other)  # "What is the address?" - "0151 234 5678": that one read back first
    elif changed == {"when"}:
        # "my hearing is on Monday, sorry, Tuesday, ..." while the number is asked: more of the message; "Dienstag
        # vormittag" alone is kept as the time, and the question stands
        more = _more_message(c, c.missing(), text)
        if more is not None:
            return more
    elif not changed:
        missing = c.missing()
        if missing and _optional(c, missing) and _declines(c, text):
            s.declined.add(missing)
            return next_detail(c)
        tail_of_done = answers.is_done(text) and not answers.remembered(text)
        if missing and s.after_collect in ("order", "message") and tail_of_done:
            # "nein, das ist alles": the tail of the answer to "anything else?" (or to "what is your message?"),
            # heard after the next question: no part of the message
            return Reply([_ask(c, missing)])
        if (more := _more_message(c, missing, text)) is not None:
            return more
        if missing and (given := detail_instead(c, text)):
            _pass_over_site(c)
            return _read_back(c, given)
        if missing == "address" and not _site(c) and (heard := _street_as_heard(c, text)):
            s.address = heard
            return _read_back(c, "address")
        if missing:
            return _not_answered(c, missing)
    return next_detail(c)


def _not_answered(c: Context, slot: Slot) -> Reply:
    """The turn gave nothing the question asked for: asked again. The name asked again and still not answered
    is passed over: on the phone line a name can come out beyond reading ("Ahmed Khan" as "at VidCon", "Niamh de
    Burgh" as "Now I'm the bird": `triage eval-calls --spoken`), and asking a third time only ended the call in a
    handover; the callback number is what the team needs."""
    if _name_passed_over(c, slot):
        return next_detail(c)
    return c.misunderstood([_ask(c, slot)])


def _name_passed_over(c: Context, slot: Slot) -> bool:
    """The name question got another answer that can be no name (`_not_answered`): whether the call now goes on
    without the name."""
    s = c.state
    if slot not in OPTIONAL:
        return False
    s.name_unanswered += 1
    if s.name_unanswered < NAME_ASKS:
        return False
    s.declined.add(slot)
    return True


def _site(c: Context) -> bool:
    """The address asked is the place a booking is for (a guard's site), not where an order goes."""
    s = c.state
    return s.after_collect == "order" and c.pack.order.site_address and s.fulfilment != "delivery"


def _optional(c: Context, slot: Slot | None) -> bool:
    """A detail the caller may keep to themselves: the name, and a booking's site (the planning team confirms the
    booking by phone and settles the place then)."""
    return slot in OPTIONAL or (slot == "address" and _site(c))


def _pass_over_site(c: Context) -> None:
    """A booking's site asked, and the caller gave another detail instead (their name, their number): the site is
    asked once, not pressed; the planning team settles it when it confirms the booking."""
    if c.missing() == "address" and _site(c):
        c.state.declined.add("address")


def _more_message(c: Context, missing: Slot | None, text: str) -> Reply | None:
    """More of the message, said while we asked for a detail: kept, the question asked again (a name spelled
    out is no message: it is read back instead). None when the turn is no such thing."""
    s = c.state
    if not missing or s.after_collect != "message" or len(text.split()) <= 2 or spells_name(text):
        return None
    s.message = f"{s.message} {text.strip()}" if s.message else text.strip()
    if _name_passed_over(c, missing):
        return next_detail(c)
    return Reply([_ask(c, missing)])


def _fulfilment_changed(c: Context, text: str) -> Reply | None:
    """Pickup said while the delivery address is asked or read back ("ach, ich hole es doch selbst ab",
    "actually I'll pick it up"): the order is for pickup and needs no address; None when it is not that."""
    s = c.state
    waiting = next((n for n in s.needs if n not in s.confirmed and n not in s.declined), None)
    asked = s.confirming in (None, "address") and waiting == "address"
    if not asked or s.fulfilment != "delivery" or "pickup" not in c.pack.order.fulfilment:
        return None
    if answers.fulfilment(text) != "pickup":
        return None
    s.fulfilment = "pickup"
    s.needs = [slot for slot in s.needs if slot != "address"]
    clear(c, "address")
    s.confirmed.discard("address")
    s.confirming = None
    return next_detail(c)


def _ask(c: Context, slot: Slot) -> str:
    """The question for a detail, the same each time it is asked: an order's address is where to deliver, or the
    place a booking is for."""
    if slot == "address" and c.state.after_collect == "order":
        return c.say("order_ask_site_address" if _site(c) else "order_ask_delivery_address")
    return c.say(ASK[slot])


def _other_detail(c: Context, changed: set[str]) -> Slot | None:
    """A detail the caller gave instead of the one asked for, which is still missing."""
    missing = c.missing()
    if missing is None or missing in changed:
        return None
    return next((slot for slot in c.state.needs if slot in changed and c.value(slot)), None)


def _read_back(c: Context, slot: Slot, says: list[str] | None = None) -> Reply:
    """Read a detail back for the caller to confirm (after `says`), remembering the name as read."""
    s = c.state
    s.confirming = slot
    if slot == "name":
        s.name_read_back = s.name
    return Reply([*(says or []), c.say(CONFIRM[slot])])


def detail_instead(c: Context, text: str) -> Slot | None:
    """A whole callback number, or the caller's name, said when the bot asked something else (another
    detail, "anything else?", "when would suit you?"): kept, unconfirmed, so it is not asked for again.
    Which one it was, or None."""
    s = c.state
    if answers.yes_no(c.pack, text, s.lang) is not None or answers.is_done(text):
        return None
    digits = phone_digits(text, s.lang)
    if digits is not None:
        number = normalise_phone(digits)
        if not plausible_phone(number):
            return None
        s.phone, s.phone_fragment = number, None
        s.confirmed.discard("phone")
        return "phone"
    if s.name or len(unspelled(text).split()) > 4:  # a name, however long its spelling, is a few words
        return None
    if not extract_address(text, s.lang).is_empty() or bare_town(text, s.lang):
        return None
    if s.confirming is None and c.missing() == "address" and _street_misheard(text, s.lang):
        return None
    name = extract_name(text, s.lang, expecting=True)
    if name is None:
        return None
    s.name = name
    s.confirmed.discard("name")
    return "name"


def _town_added(c: Context, slot: Slot | None, text: str) -> str | None:
    """The town said on its own after the read-back of an address that has none."""
    if slot != "address" or c.state.address.city or c.state.address.postcode:
        return None
    return bare_town(text, c.state.lang)


def _street_misheard(text: str, lang: str) -> bool:
    """Words and then a town after a comma, said where the address was asked: a street Whisper misheard on the
    phone line ("Überseetor 14, Bremen" as "Euber Cedar Forting, Bremen.": `triage eval-calls --spoken`),
    never a name."""
    return "," in text and bare_town(text.rsplit(",", 1)[1], lang) is not None


def _street_as_heard(c: Context, text: str) -> Address | None:
    """A street Whisper misheard beyond reading, and the town after it ("Überseetor 14, Bremen" as "Euber Cedar
    Forting, Bremen."), said to the address question: read back as it was heard, so the caller can correct it;
    asked again as not understood, the caller's "yes" to it looped to a handover (`triage eval-calls --spoken`)."""
    s = c.state
    if not _street_misheard(text, s.lang):
        return None
    head, town = (part.strip(" .,!?") for part in text.rsplit(",", 1))
    words = head.split()
    if not 1 <= len(words) <= 4 or any(not w.replace("-", "").isalpha() for w in words):
        return None
    if answers.yes_no(c.pack, head, s.lang) is not None or answers.is_done(head):
        return None  # "Yes, Bremen.": an answer and a town, no street
    return Address(street=head, city=bare_town(town, s.lang))


def _name_instead(c: Context, slot: Slot, text: str) -> str | None:
    """The caller's name, said instead of "ja" to the read-back of another detail while the name is still
    to come (the turn's words were not expected to be a name, so extraction left them)."""
    s = c.state
    if slot == "name" or s.name or "name" not in s.needs or not extract_address(text, s.lang).is_empty():
        return None
    if slot == "address" and bare_town(text, s.lang):  # "Altona." after the address: a place, not a name
        return None
    if slot == "address" and _street_misheard(text, s.lang):
        return None
    return extract_name(text, s.lang, expecting=True)


def _declines(c: Context, text: str) -> bool:
    """ "Nein, danke", "lieber nicht", "no thanks": the caller does not want to give this detail."""
    return answers.yes_no(c.pack, text, c.state.lang) is False or answers.is_done(text)


def clear(c: Context, slot: Slot) -> None:
    s = c.state
    if slot == "address":
        s.address = Address()
    elif slot == "phone":
        s.phone, s.phone_fragment = None, None
    else:
        s.name = None
