"""Details for a human, an order or a message: address, callback number, name, each read back.

The flow asks for what is missing and reads back what is unconfirmed, one detail at a time.
New information after a read-back is an implicit yes; a "nein" clears the detail and asks again, and
a correction in the same turn ("nein, Schmidt, S-C-H-M-I-D-T", "no, zero one seven six ...") is read
back in its place: a one-word correction of a name amends the word it corrects.
When everything needed is confirmed the flow that asked for the details goes on (`after_collect`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import answers
from ..extract import impossible_phone, normalise_phone, of_the_address, phone_digits, plausible_phone
from ..extract.address import bare_town, corrected_house_number, extract_address
from ..extract.name import (
    corrected_name,
    extract_name,
    letter_hints,
    name_before_number,
    spells_name,
    unspelled,
    with_letter_hints,
    within_name,
    without_relation,
)
from ..extract.phone import corrected_ending, counts_something
from ..state import Reply, Slot
from ..text import fold
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
    if not c.pack.comes_to_callers:
        return False  # a law firm's callers are called back, never visited: their address is no help
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
    if digits is None or corrected_house_number(text, s.lang, None):  # "die Hausnummer ist 21": no piece of it
        return a
    if of_the_address(digits, a.entities.address):
        return a  # "Hauptstraße 5, 21073 Hamburg": the house number and postcode are no piece of a phone number
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
    if impossible_phone(number):
        # "0157-3456-7800-199", "112-112-233": more digits than a number has, or a start none has (Whisper heard a
        # digit or a group twice, or lost the "oh"): no number is stored, the caller is asked again in groups
        s.phone_fragment, s.phone_regroup = None, True
        return replace(a, entities=replace(a.entities, phone=None))
    if counts_something(text, s.lang):  # "about 100 guests" while the number is asked: no piece of it
        return a
    s.phone_fragment = number
    return replace(a, entities=replace(a.entities, phone=None))


# "rufen Sie mich nach 17 Uhr an", "you can reach me after 6 pm", "call me tomorrow before ten": when to call back
_CALL_ME = re.compile(
    r"\b(rufen sie (\w+ ){0,3}(mich|uns)|ruf (\w+ ){0,3}mich|anrufen|zurueckruf\w*|erreich\w*|melden sie sich"
    r"|call (\w+ ){0,2}(me|us)|ring (me|us)|reach (me|us)|phone (me|us)|get (hold of )?(me|us)|call back)\b"
)
# the number and the words that lead to it ("unter", "on", "auf der Nummer"): no part of when to call back
_THE_NUMBER = re.compile(
    r"[,;]?\s*(\b(unter|auf|an|on|at)\s+)?(\b(der|die|meiner|the|my)\s+)?(\b(nummer|number)\s+)?\+?\d(?:[\s/.-]*\d){5,}\W*",
    re.IGNORECASE,
)


def callback_time(c: Context, a: Analysis, text: str) -> Analysis:
    """ "Rufen Sie mich am besten nach 17 Uhr an, unter 040 ...", "you can reach me after 6 pm on 0162 ...": the time
    said with the callback number is when to call back, not the appointment's time. A message keeps it in the
    caller's words (without the number); the turn's time is taken out of the analysis so it replaces no date said
    for the appointment."""
    s = c.state
    e = a.entities
    if not e.phone or not (e.dates or e.times) or not _CALL_ME.search(fold(text)):
        return a
    if s.after_collect == "message":
        note = _THE_NUMBER.sub(" ", text).strip(" ,.;")
        s.message = f"{s.message} / {note}" if s.message else note
    return replace(a, entities=replace(e, dates=[], times=[], when_text=None))


def detail_corrected(c: Context, text: str, changed: set[str]) -> Reply | None:
    """A detail given and confirmed earlier, corrected in part turns later (the number's ending, the house number):
    the read-back of the corrected detail, or None."""
    return _phone_ending_corrected(c, text, changed) or _house_number_corrected(c, text, changed)


def _phone_ending_corrected(c: Context, text: str, changed: set[str]) -> Reply | None:
    """ "Ach, und die Nummer, die ich Ihnen gegeben habe, war falsch, sie endet auf 47", "oh wait, the number was
    wrong, it ends 47", said turns after the number was confirmed (at another read-back, at the order's or the
    message's read-back): the number's ending replaced and read back; then the call goes on where it was (the read-
    back the caller interrupted comes again). A "ja" before it still confirms what was being read back. None when
    the turn corrects no number."""
    s = c.state
    if "phone" in changed or not s.phone or s.phase not in ("collect", "order_confirm", "message_confirm"):
        return None
    fixed = corrected_ending(text, s.lang, s.phone)
    if fixed is None:
        return None
    said_first = re.split(r"(?i)nummer|number", text, maxsplit=1)[0]
    confirms = answers.yes_no(c.pack, said_first, s.lang) is True
    if s.phase == "collect" and s.confirming not in (None, "phone") and confirms:
        s.confirmed.add(s.confirming)
    s.phone, s.phone_fragment, s.phase = fixed, None, "collect"
    s.confirmed.discard("phone")
    return _read_back(c, "phone")


def _house_number_corrected(c: Context, text: str, changed: set[str]) -> Reply | None:
    """ "Moment, die Hausnummer war falsch, es ist die 21, nicht die 12", "the house number I gave you was wrong,
    it's 21, not 12", said while another detail is asked or read back: the address with that house number, read
    back; then the call goes on where it was. None when the turn corrects no house number."""
    s = c.state
    if "address" in changed or not s.address.street or s.phase not in ("collect", "order_confirm", "message_confirm"):
        return None
    fixed = corrected_house_number(text, s.lang, s.address.house_number)
    if fixed is None:
        return None
    s.address, s.phase, s.phone_fragment = replace(s.address, house_number=fixed), "collect", None
    s.confirmed.discard("address")
    return _read_back(c, "address")


def turn(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    s = c.state
    s.declined -= changed  # a detail passed over (a booking's site) and given after all is read back
    if "phone" in changed and "name" in s.needs and not s.name and (name := name_before_number(text, s.lang)):
        # "Yilmaz, Ayse Yilmaz, und die Nummer ist ...": the name said first where the number was asked, kept too
        s.name = name
        changed = changed | {"name"}
    if not changed and answers.says_goodbye(text) and message.can_keep(c):
        return message.keep_on_goodbye(c)  # "Gut, danke, tschüss" before the name: the message is kept
    if not changed and answers.says_goodbye(text) and s.after_collect == "handoff":
        return _hand_over(c)  # "ich muss Schluss machen, tschüss" mid-emergency: a human has what is known
    if s.after_collect == "order" and (way := _fulfilment_changed(c, text)):
        return way  # "ach, ich hole es doch selbst ab" while the delivery address is asked
    if s.phone_regroup and "phone" not in changed:
        return _ask_in_groups(c)
    if s.after_collect == "order" and not changed and (only := _delivery_only(c, text)):
        return only  # "abholen" where the client only delivers: said so, and the address asked again
    if s.phone_fragment and "phone" not in changed:
        if answers.is_done(text) or answers.yes_no(c.pack, text, s.lang) is True:
            if plausible_phone(s.phone_fragment):  # "das war's": a short number after all
                s.phone, s.phone_fragment = s.phone_fragment, None
                s.confirmed.discard("phone")
                return next_detail(c)
            # "I have 0176 98980 so far" - "yes": no mobile number is so short; a digit was lost, asked again in groups
            return _ask_in_groups(c)
        elif phone_digits(text, s.lang) is not None:
            return Reply([c.say("phone_continue", phone=s.phone_fragment)])
    slot = s.confirming
    if slot == "name" and "name" not in changed and s.name and (hints := letter_hints(text)):
        fixed = with_letter_hints(s.name, hints)
        if fixed != s.name:  # "Mark Becker?" - "no, with a C": the word that can be so written, read back
            s.name = fixed
            s.confirmed.discard("name")
            return _read_back(c, "name")
    if slot is not None:
        answer = answers.yes_no(c.pack, text, s.lang)
        if slot != "address" and answer is True and (where := _address_after_yes(c, text)) is not None:
            s.address = where  # "Ja, und es geht an die Schlachte 15 in Bremen": a yes, and the address, whole
            changed = changed | {"address"}
        if slot in changed:  # a correction ("nein, Hausnummer 14", "no, Miller, M-I-L-L-E-R"): read it back
            if slot == "name" and s.name:
                s.name = corrected_name(s.name_read_back, s.name)
        elif answer is None and (town := _town_added(c, slot, text)):
            s.address = replace(s.address, city=town)  # "I have: Harbour Road 16." - "Hamburg.": read it back
        elif answer is False and s.after_collect in ("order", "message") and answers.is_done(text):
            # "no, that's all" to "I have: Kiellinie 3, Kiel. Is that correct?": the answer to "anything else?" asked
            # before it, no word on the detail; the read-back again, nothing dropped
            return Reply([c.say(CONFIRM[slot])])
        elif answer is False:
            offered = slot == "phone" and s.phone == c.line_number()  # "no, call my mobile": no apology
            clear(c, slot)
            s.confirming = None  # the detail is asked for afresh: a "yes" now is no answer to it
            if slot == "phone" and not offered:
                # the number heard wrong: said the same way it is heard the same way; asked again in small groups
                return Reply([c.say("ask_callback_groups")])
            return Reply([*([] if offered else [c.say("confirm_retry")]), _ask(c, slot)])
        elif answer is True or changed:
            s.confirmed.add(slot)  # new information after a read-back is an implicit yes
        elif slot == "name" and within_name(a.entities.name, s.name):
            s.confirmed.add(slot)  # "Ihr Name ist Tom Becker?" - "ich bin Tom Becker": the name said again is a yes
        elif name := _name_instead(c, slot, text):
            s.name = name  # "Goethestraße 14, Hamburg?" - "Anna Schmidt": a yes, and the name given early
            s.confirmed.add(slot)
        else:
            return c.misunderstood([c.say(CONFIRM[slot])])
    elif (other := _other_detail(c, changed)) is not None:
        _pass_over_site(c, other)
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
        if missing and within_name(a.entities.name, s.name):
            return Reply([_ask(c, missing)])  # "Becker GmbH, Tom Becker am Apparat" to the address: known, asked on
        tail_of_done = answers.is_done(text) and not answers.remembered(text)
        if missing and s.after_collect in ("order", "message") and tail_of_done:
            # "nein, das ist alles": the tail of the answer to "anything else?" (or to "what is your message?"),
            # heard after the next question: no part of the message
            return Reply([_ask(c, missing)])
        if (more := _more_message(c, missing, text)) is not None:
            return more
        if missing and (given := detail_instead(c, text)):
            _pass_over_site(c, given)
            return _read_back(c, given)
        if missing == "address" and not _site(c) and (heard := _street_as_heard(c, text)):
            s.address = heard
            return _read_back(c, "address")
        if missing:
            return _not_answered(c, missing)
    return next_detail(c)


def _ask_in_groups(c: Context) -> Reply:
    """The digits heard make no number of the caller's country (too many, too few for a mobile number, a start no
    number has): nothing is stored; the caller is asked to say the number again slowly, in small groups, each group
    read back as it comes (`phone_continue`). Asked so too often, the call goes to a human as any misunderstanding."""
    s = c.state
    s.phone_regroup, s.phone_fragment, s.phone = False, None, None
    s.confirmed.discard("phone")
    s.confirming = None
    return c.misunderstood([], lead="ask_callback_groups")


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


def _pass_over_site(c: Context, given: Slot) -> None:
    """A booking's site asked, and the caller gave another detail instead: that detail is read back first. A caller
    who answers "where?" with their name is introducing themselves, not passing the question over: the site is asked
    once more after the name's read-back (the ninth call set's bookings went without a site). A number said there,
    or another detail said the second time, moves on to the call back: the site is not pressed, the planning team
    settles it when it confirms the booking."""
    s = c.state
    if c.missing() != "address" or not _site(c):
        return
    if given == "name" and not s.site_asked_again:
        s.site_asked_again = True
    else:
        s.declined.add("address")


def as_next_sentence(message: str | None, more: str) -> str:
    """More words of a message as a sentence of their own, so the read-back and the agent read two sentences:
    "… the invoice you sent me. the invoice number is 2024-117 …", not one run-on."""
    if not message:
        return more
    stop = "" if message.rstrip()[-1:] in ".!?" else "."
    return f"{message.rstrip()}{stop} {more}"


def _more_message(c: Context, missing: Slot | None, text: str) -> Reply | None:
    """More of the message, said while we asked for a detail: kept, the question asked again (a name spelled
    out is no message: it is read back instead). None when the turn is no such thing."""
    s = c.state
    if not missing or s.after_collect != "message" or len(text.split()) <= 2 or spells_name(text):
        return None
    if not s.name and _only_a_name(text, s.lang):
        return None  # "Lehmann, Julia Lehmann" while the number is asked: the name, given early
    s.message = as_next_sentence(s.message, text.strip())
    if _name_passed_over(c, missing):
        return next_detail(c)
    return Reply([_ask(c, missing)])


# the words a caller puts around their name: "my name is", "hier ist", "Lehmann am Apparat"
_NAME_CUES = frozenset(
    "my name is it's its this i'm im i am name mein name ist ich heiße heisse bin hier am apparat here speaking".split()
)


def _only_a_name(text: str, lang: str) -> bool:
    """The turn is a name and the words a caller puts around it ("Lehmann, Julia Lehmann", "my name is Julia
    Lehmann"), nothing else."""
    name = extract_name(text, lang, expecting=True)
    if name is None:
        return False
    words = {w for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())}
    return not words - {w.lower() for w in re.findall(r"[^\W\d_]+", name)} - _NAME_CUES


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


def _delivery_only(c: Context, text: str) -> Reply | None:
    """Pickup said where the client only delivers (`order: fulfilment: [delivery]`) while the delivery address is
    asked ("abholen", "I'll pick it up"): the caller hears that orders are delivered, and the address question again,
    not "not understood"; None when it is not that."""
    s = c.state
    if "pickup" in c.pack.order.fulfilment or _site(c) or c.missing() != "address" or s.confirming is not None:
        return None
    if answers.fulfilment(text) != "pickup":
        return None
    return Reply([c.say("order_delivery_only"), _ask(c, "address")])


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
        if c.missing() == "address" and digits[0] not in "+0" and counts_something(text, s.lang):
            return None  # "Halt Y-17, 2259, Hamburg.": a house number and a postcode with the town after them
        s.phone, s.phone_fragment = number, None
        s.confirmed.discard("phone")
        return "phone"
    # a name, however long its spelling, is a few words (who the caller is to the one the call is about aside:
    # "Renate Schulz, ich bin die Mutter")
    if len(unspelled(without_relation(text)).split()) > 4:
        return None
    if not extract_address(text, s.lang).is_empty():
        return None
    if bare_town(text, s.lang) and _address_pending(c) and s.phase not in ("order", "order_option"):
        # "Altona." may be the town of the address still to come; a word alone is no name then. To an option question
        # or "anything else?" in an order ("Hofmann.", "Turner.") no town is asked: a word alone is the name
        return None
    if s.confirming is None and c.missing() == "address" and _street_misheard(text, s.lang):
        return None
    name = extract_name(text, s.lang, expecting=True)
    if name is None or (s.name and (name == s.name or not within_name(s.name, name))):
        return None  # a name is known: only its fuller form ("this is Jane ..." - "Jane Cooper") replaces it
    s.name = name
    s.confirmed.discard("name")
    return "name"


def _address_after_yes(c: Context, text: str) -> Address | None:
    """The address a caller adds after the yes to another read-back ("Yes, and it goes to Schlachte 15 in Bremen"),
    read as an answer to the address question (a street with no word that marks it as one, after "an die", "to");
    None when the call wants no address now or the words after the yes hold no street and house number."""
    rest = answers.after_yes(text)
    if rest is None or not _address_pending(c) or "address" in c.state.confirmed:
        return None
    found = extract_address(rest, c.state.lang, expecting=True)
    return found if found.street and found.house_number else None


def _address_pending(c: Context) -> bool:
    """An address this call still wants (asked, or to be asked, or its read-back open): a word alone may be its town.
    Without one ("Lehmann" where the callback number is asked, in a message), such a word is the caller's name."""
    s = c.state
    return s.phase != "collect" or ("address" in s.needs and "address" not in s.confirmed | s.declined)


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
