"""An order from the client's catalogue: items, their options, "anything else?", pickup or delivery,
the details for it, then a read-back the caller confirms before it is stored."""

from __future__ import annotations

import re
from typing import Any, Literal

from ...packs.schema import CatalogItem
from .. import answers
from ..extract.heard_figures import heard_figures
from ..extract.order import chosen_option, count_alone, relative_option, said_values, taken_back
from ..extract.when import is_clock
from ..numbers import parse_quantity
from ..state import Reply, Slot
from ..text import fold
from ..types import Analysis, OrderLine
from . import collect, message
from .context import Context


def start(c: Context, a: Analysis, text: str) -> Reply:
    s = c.state
    s.phase, s.intent = "order", "place_order"
    _take_fulfilment(c, text)
    if not a.order:
        return Reply([c.say("order_ask_items")])
    add_lines(c, a.order)
    return Reply(next_step(c))


def _take_fulfilment(c: Context, text: str) -> None:
    """ "Zum Abholen", "please deliver it": said with the order, so not asked again."""
    said = answers.fulfilment(text)
    if said in c.pack.order.fulfilment:
        c.state.fulfilment = said


def add_lines(c: Context, lines: list[OrderLine], amend: bool = False) -> None:
    """Lines said now join the order; an item said again with its options, or (`amend`: "doch lieber vier
    Monitore", "make that four monitors") without them, corrects the count of the line already there."""
    s = c.state
    for line in lines:
        existing = next((x for x in s.order if x.sku == line.sku and x.options == line.options), None)
        if existing is None and amend:
            existing = next(
                (x for x in s.order if x.sku == line.sku and line.options.items() <= x.options.items()), None
            )
        if existing:
            existing.qty = line.qty  # the caller restating a quantity corrects it
        else:
            s.order.append(line)
    for i, line in enumerate(s.order):
        item = _item(c, line.sku)
        for group in item.options if item else {}:
            if group not in line.options and (i, group) not in s.option_queue:
                s.option_queue.append((i, group))


def _item(c: Context, sku: str) -> CatalogItem | None:
    return next((item for item in c.pack.catalog if item.sku == sku), None)


def next_step(c: Context) -> list[str]:
    """Options still open, then 'anything else?', fulfilment, name, then the read-back."""
    s = c.state
    _take_overnight(c)
    if s.option_queue:
        i, group = s.option_queue[0]
        item = _item(c, s.order[i].sku)
        s.phase = "order_option"
        return [
            c.say(
                "order_ask_option",
                item=s.order[i].name,
                option_group=group,
                option_values=[item.option_said(v, s.lang) for v in item.options[group]] if item else [],
            )
        ]
    if not s.asked_more:
        s.asked_more, s.phase = True, "order"
        return [c.say("order_ask_more")]
    choices = c.pack.order.fulfilment
    if s.fulfilment is None and len(choices) == 1:
        s.fulfilment = choices[0]
    if s.fulfilment is None and choices:
        s.phase = "order_fulfilment"
        return [c.say("order_ask_fulfilment")]
    needs: list[Slot] = (["address"] if _needs_address(c) else []) + ["name", "phone"]  # type: ignore[assignment]
    if not set(needs) <= s.confirmed | s.declined:
        s.phase, s.after_collect, s.needs = "collect", "order", needs
        return collect.next_detail(c).says
    return readback(c)


def _take_overnight(c: Context) -> None:
    """A guard "on Saturday the 19th from 10 pm to 6 am": hours across midnight on one day are the value the item
    gives such a span (`overnight`, one night), so its question is not asked; a value said wins over it."""
    s = c.state
    clocks = [t for t in s.when if is_clock(t)]
    days = [d for d in s.when if not is_clock(d)]
    if len(clocks) != 2 or clocks[1] >= clocks[0] or len(days) > 1:
        return
    head = s.option_queue[:1]
    for i, group in list(s.option_queue):
        item = _item(c, s.order[i].sku)
        value = item.overnight.get(group) if item else None
        if value is not None:
            s.order[i].options[group] = value
            s.option_queue.remove((i, group))
    if s.option_queue[:1] != head:
        s.option_unanswered = 0  # another question heads the queue now


def _needs_address(c: Context) -> bool:
    """A delivery goes to an address; a booking for a place (a guard for a site) is for one."""
    return c.state.fulfilment == "delivery" or c.pack.order.site_address


def readback(c: Context) -> list[str]:
    s = c.state
    s.phase = "order_confirm"
    # the day and time of a booking as the caller said them ("am Samstag ab 18 Uhr"): what the request is stored with
    dated = any(re.match(r"\d{4}-\d{2}-\d{2}$|\d{4}-W\d", w) for w in s.when)  # a day, not "pro Nacht" alone
    when = (s.when_text or "").strip(" .,;") if dated else ""
    return [c.say("order_readback", items=_items_text(c), fulfilment=s.fulfilment, when=when)]


def _items_text(c: Context) -> str:
    parts = []
    for line in c.state.order:
        item = _item(c, line.sku)
        options = " ".join(item.option_said(v, c.state.lang) if item else v for v in line.options.values())
        name = item.named(line.qty, c.state.lang) if item else line.name
        parts.append(" ".join(p for p in (str(line.qty), name, options) if p))
    return ", ".join(parts)


def _take_back(c: Context, a: Analysis, text: str) -> Reply | None:
    """ "Ach nee, das Nasenspray doch nicht, nur das Paracetamol", "forget the mouse": items taken out of
    the order at any step of it, the questions still open for the others kept; None when nothing was."""
    s = c.state
    removed, only = taken_back(text, s.lang, c.pack.catalog)
    ordered = {line.sku for line in s.order}
    drop = removed & ordered
    if only & ordered:
        drop |= ordered - only
    if not drop:
        return None
    kept = [i for i, line in enumerate(s.order) if line.sku not in drop]
    moved = {old: new for new, old in enumerate(kept)}
    head = s.option_queue[:1]
    s.option_queue = [(moved[i], group) for i, group in s.option_queue if i in moved]
    if s.option_queue[:1] != [(moved[i], g) for i, g in head if i in moved]:
        s.option_unanswered = 0  # another question heads the queue now
    s.order = [s.order[i] for i in kept]
    add_lines(c, [line for line in a.order if line.sku not in drop | ordered])  # and something new instead
    if _AMENDS.search(fold(text)):  # "forget the mice, but make it three laptops": a kept line's new count
        add_lines(c, [line for line in a.order if line.sku in ordered - drop and line.qty > 1], amend=True)
    if not s.order:
        s.phase, s.asked_more = "order", False
        return Reply([c.say("order_ask_items")])
    if s.phase == "order_confirm":
        return Reply(readback(c))
    return Reply(next_step(c))


def _count_or_fulfilment_instead(c: Context, line: int, text: str) -> bool:
    """Asked which kind, the caller says how many ("zwei Packungen bitte", "three of them") or how it reaches
    them ("zum Abholen"): that answer is taken for the line or the order, and the kind is still to ask."""
    count = count_alone(text, c.state.lang)
    if count is not None and 0 < count <= c.pack.order.max_qty:
        c.state.order[line].qty = count
        return True
    if answers.fulfilment(text) in c.pack.order.fulfilment:
        _take_fulfilment(c, text)
        return True
    return False


def turn(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    s = c.state
    if not a.order and answers.rather_message(text):
        return _message_instead(c, text)
    taken = _take_back(c, a, text)
    if taken is not None:
        return taken
    amend = bool(_AMENDS.search(fold(text)))
    if s.phase == "order_option":
        i, group = s.option_queue[0]
        item = _item(c, s.order[i].sku)
        value = chosen_option(item, group, text, s.lang) if item else None
        if value is None and a.order and a.order[0].sku == s.order[i].sku:
            value = a.order[0].options.get(group)
        if value is None and item:
            value = relative_option(item, group, text)  # "not sure, the smaller one I guess"
        if value is None and _count_or_fulfilment_instead(c, i, text):
            return Reply(next_step(c))  # "zwei Packungen bitte", "können Sie den liefern?": taken; this question stands
        if item and answers.asks_question(text) and (value is None or len(said_values(item, group, text)) > 1):
            # "was ist denn besser, die Brause oder die Kapseln?", "what's the difference?": no choice yet
            return question_back(c, [c.say("order_option_advice")])
        if value is None and (answers.unsure(text) or answers.is_done(text)):
            # "weiß ich nicht, der alte war so normal", "no that's it": left open for the team to check
            _leave_option_open(c)
            return Reply(next_step(c))
        if value is None and (changed or collect.detail_instead(c, text)):
            return Reply(next_step(c))  # "It's at Werftstraße 15 in Kiel": kept for its question; this one stands
        if value is None:
            s.option_unanswered += 1
            if s.option_unanswered < _OPTION_ASKS:
                return c.misunderstood(next_step(c))
            # "the one my colleague has", twice: the caller cannot say it, the team finds out when it checks the order
            _leave_option_open(c)
            return Reply(next_step(c))
        s.order[i].options[group] = value
        _leave_option_open(c)
        _take_fulfilment(c, text)
        return Reply(next_step(c))
    if s.phase == "order":
        _take_fulfilment(c, text)
        if a.order:
            add_lines(c, a.order, amend)
            s.asked_more = False if s.option_queue else s.asked_more
            return Reply(next_step(c))
        if s.order and _amend(c, text):  # "actually make that the 1.60 one": the item said last, changed
            return Reply(next_step(c))
        if s.order and (answers.is_done(text) or answers.yes_no(c.pack, text, s.lang) is False):
            return Reply(next_step(c))
        if s.order and (count := answers.takes_it(text)) is not None:
            # "Gut, den nehme ich.", "OK, I'll take that one." to "anything else?": the item just named, nothing more
            if count > 1 and count <= c.pack.order.max_qty:
                s.order[-1].qty = count
            return Reply(next_step(c))
        if s.order and answers.unsure(text) and len(text.split()) <= 6:
            return Reply(next_step(c))  # "weiß ich nicht" to "anything else?": nothing more named, so on
        said_fulfilment = answers.fulfilment(text) in c.pack.order.fulfilment
        if s.order and (said_fulfilment or changed or collect.detail_instead(c, text)):
            # "zum Abholen", "Anna Schmidt", a number: the answer to a question still to come is a "no more"
            return Reply(next_step(c))
        if s.order and answers.yes_no(c.pack, text, s.lang) is True and len(text.split()) <= 3:
            return Reply([c.say("order_ask_items")])  # "ja": something else, not yet said what
        named = None if s.order else _what_is_named(c, text)  # (a.order was taken above)
        if named == "nothing":
            s.phase, s.asked_more = "anything_else", False  # "nein danke, doch nicht" before any item: no order
            return Reply([c.say("anything_else")])
        if named == "something":
            s.unknown_items.append(text.strip())
            if len(s.unknown_items) >= _UNKNOWN_ASKS:
                return _as_message(c)
        if not s.order:
            return c.misunderstood([c.say("order_item_unknown")])
        return c.misunderstood([c.say("order_ask_more")])
    if s.phase == "order_fulfilment":
        if a.order:  # "und noch ein Nasenspray für Kinder": the order goes on, the question comes again
            add_lines(c, a.order, amend)
            return Reply(next_step(c))
        s.fulfilment = answers.fulfilment(text, asked=True)
        if s.fulfilment not in c.pack.order.fulfilment:
            s.fulfilment = None
            if answers.is_done(text):  # "No, that's really everything now.": nothing more, but the way is still open
                return Reply([c.say("order_fulfilment_needed")])
            if changed or collect.detail_instead(c, text):  # "Dave O'Neill": kept; the question stands
                return Reply([c.say("order_ask_fulfilment")])
            return c.misunderstood([c.say("order_ask_fulfilment")])
        return Reply(next_step(c))
    return _confirm(c, a, text)


# How often an option question is asked before an answer the bot cannot take leaves it open for the team
_OPTION_ASKS = 2
# How many answers name no catalogue item before the order goes to the team as a message (_as_message)
_UNKNOWN_ASKS = 2


def _what_is_named(c: Context, text: str) -> Literal["nothing", "something", "yes"]:
    """Asked what to order, with no item found: "nothing" when the caller orders nothing after all ("nein danke,
    doch nicht", "never mind"), "something" for an answer that may describe what they want, "yes" for a bare yes
    (or silence)."""
    said = answers.yes_no(c.pack, text, c.state.lang)
    if said is False or answers.is_done(text) or _CANCELS.search(fold(text)):
        return "nothing"
    return "something" if said is None and text.strip() else "yes"


def _as_message(c: Context) -> Reply:
    """"mein Rezept für Ramipril" - "5 Milligramm" - "das nehme ich immer": what the catalogue does not have, the
    team can still order or advise on. After the second answer that names no item, the caller's words are taken as
    a message for the team (read back and stored), instead of a third "not found" that hands them over for
    misunderstanding."""
    s = c.state
    said: str | None = None
    for words in [s.problem or "", *s.unknown_items]:
        said = collect.as_next_sentence(said, words) if words else said
    reply = message.start(c, said or "", "message")
    return Reply([c.say("order_as_message"), *reply.says])


def _message_instead(c: Context, text: str) -> Reply:
    """ "Ach nein, eigentlich möchte ich nur eine Nachricht hinterlassen ...", "actually, forget the order, I'd rather
    leave a message": the order is dropped (nothing of it is stored) and the caller's words become the message, or
    the message is asked for when they only announced one."""
    s = c.state
    s.order, s.option_queue, s.option_unanswered, s.unknown_items = [], [], 0, []
    s.fulfilment, s.asked_more = None, False
    s.intent, s.problem = "leave_message", text.strip()
    return message.start(c, text, "message")


def question_back(c: Context, says: list[str]) -> Reply:
    """The option question answered with a question (after `says`: the pack's answer to it, or who advises): the
    option question again, no misunderstanding; it counts as unanswered, so a second question back leaves the
    option for the team rather than asking it for ever."""
    s = c.state
    s.option_unanswered += 1
    if s.option_unanswered >= _OPTION_ASKS:
        _leave_option_open(c)
    return Reply([*says, *next_step(c)])


def _leave_option_open(c: Context) -> None:
    """The option question at the head of the queue is done with (answered or left to the team): the next one
    starts with no unanswered time."""
    c.state.option_queue.pop(0)
    c.state.option_unanswered = 0


# "make that", "doch lieber", "actually": the caller changes what they just ordered
_AMENDS = re.compile(
    r"\b(make (that|it)|change (that|it)|actually|rather|instead|sorry|i meant|doch( lieber)?|lieber|stattdessen"
    r"|nee warte|nein warte|ich meine|ich meinte|besser)\b"
)


def _amend(c: Context, text: str) -> bool:
    """A change to what was ordered, said to "anything else?" without naming the item again: an option
    value of an item in the order ("actually make that the 1.60 one", "doch lieber die kleine Packung"),
    and a count for that item, else the item said last ("nein, doch lieber drei", "make that three",
    "machen Sie lieber vier draus, und doch die 27 Zoll"). Whether one was made."""
    s = c.state
    text = heard_figures(text, c.pack.catalog)  # "make that the 1.601": the pronoun "one" is no figure
    folded = fold(text)
    if not _AMENDS.search(folded):
        return False
    optioned, folded = _option_changed(c, text, folded)
    changed, target = optioned is not None, optioned or s.order[-1]
    counts = [n for n in (parse_quantity(w, s.lang) for w in folded.split()) if n is not None]
    if changed:
        counts = [n for n in counts if n > 1]  # "the 1.60 one": the pronoun is no count
    if len(counts) == 1 and 0 < counts[0] <= c.pack.order.max_qty and counts[0] != target.qty:
        target.qty = counts[0]
        return True
    return changed


def _option_changed(c: Context, text: str, folded: str) -> tuple[OrderLine | None, str]:
    """An option value said for a line of the order, the last line first ("doch lieber die 27 Zoll", "no, the 14
    inch"): set on that line, which is returned with the words that named it taken out of `folded` ("27 Zoll" is no
    count); (None, folded) when no line's option changed."""
    for line in reversed(c.state.order):
        item = _item(c, line.sku)
        changed = False
        for group in item.options if item else {}:
            value = chosen_option(item, group, text, c.state.lang)  # type: ignore[arg-type]
            if value is not None and value != line.options.get(group):
                line.options[group] = value
                changed = True
                folded = _without_option(item, value, folded)  # type: ignore[arg-type]
        if changed:
            return line, folded
    return None, folded


def _without_option(item: CatalogItem, value: str, folded: str) -> str:
    """The caller's words without those that named the option value ("die 27 Zoll", "the 1.60 one")."""
    words = sorted({fold(w) for w in [value, *item.option_aliases.get(value, [])]} - {""}, key=len, reverse=True)
    for said in words:
        folded = re.sub(rf"(?<!\w){re.escape(said)}(?!\w)", " ", folded)
    return folded


def _confirm(c: Context, a: Analysis, text: str) -> Reply:
    s = c.state
    answer = answers.yes_no(c.pack, text, s.lang)
    fixing, s.fixing = s.fixing, False
    if a.order:  # "nein, drei Packungen": a correction, read back again
        add_lines(c, a.order, amend=answer is False or fixing or bool(_AMENDS.search(fold(text))))
        return Reply(next_step(c))
    # "nein danke" alone confirms the order as before (the first call set's callers say it to mean "nothing more")
    says_no = answer is False and not answers.no_thanks_alone(text)
    if answer is not True and (says_no or fixing or answers.after_no(text)) and _corrected(c, text):
        # "Nein, zwei, nicht drei", "nein, zum Liefern", "no, the 14 inch": that part changed, the rest kept
        return Reply(next_step(c))
    if fixing and answer is True and len(text.split()) <= 3:
        return Reply(readback(c))  # "Was soll ich ändern?" - "ja": the order as it stands, read back again
    if answer is True or answers.closes(text, set()):
        s.outcome = c.outcome("order", order=_order_dict(c))
        # "Yes, that's right, thanks, bye": a yes that takes leave wants no "anything else?"
        return c.saved_then_more(["order_saved"], closing=answer is not True or answers.says_goodbye(text))
    if says_no and not fixing and not _CANCELS.search(fold(text)):
        # a bare "nein" / "nein danke": something is wrong, not that the caller wants nothing; asked what
        s.fixing = True
        return Reply([c.say("what_to_change")])
    if says_no:  # "nein, stornieren Sie das", or no again to what to change: the order goes
        s.order, s.option_queue, s.asked_more, s.option_unanswered = [], [], False, 0
        s.phase = "order"
        return Reply([c.say("order_cancelled"), c.say("order_ask_items")])
    if fixing:
        s.fixing = True
        return c.misunderstood([c.say("what_to_change")])
    return c.misunderstood(next_step(c))


# "stornieren", "vergessen Sie es", "cancel it", "forget the whole thing": the caller wants no order at all
_CANCELS = re.compile(
    r"\b(storn\w*|verwerf\w*|abbrechen|vergessen sie (es|das|s)|doch nichts|gar nichts|nichts bestellen|cancel\w*"
    r"|forget (it|about it|the whole)|never ?mind|don t want (it|anything)|nothing at all)\b"
)
# what the caller says the order is not ("zwei, nicht drei", "three, not four", "statt der 27 Zoll"): no part of
# the correction
_NOT_THAT = re.compile(
    r"\b(?:nicht|not|statt|anstatt|instead of|rather than)\s+(?:(?:the|die|der|das|den|dem)\s+)?[\w.,]+"
    r"(?:\s+(?:zoll|inch|inches|meter|metre|metres|meters|stück|stueck))?",
    re.IGNORECASE,
)


def _corrected(c: Context, text: str) -> bool:
    """The part of the order a "no" to its read-back corrects, changed: how it reaches the caller ("nein, zum
    Liefern"), an option value ("no, the 14 inch"), a count ("zwei, nicht drei") of the line whose option changed or
    of the only line. Whether anything changed."""
    s = c.state
    said = _NOT_THAT.sub(" ", text)
    changed = False
    way = answers.fulfilment(said)
    if way in c.pack.order.fulfilment and way != s.fulfilment:
        s.fulfilment, changed = way, True
    said = heard_figures(said, c.pack.catalog)
    folded = fold(said)
    target, folded = _option_changed(c, said, folded)
    changed = changed or target is not None
    counts = [n for n in (parse_quantity(w, s.lang) for w in folded.split()) if n is not None]
    if target is not None:
        counts = [n for n in counts if n > 1]  # "the 14 inch one": the pronoun is no count
    counted = target or (s.order[0] if len(s.order) == 1 else None)
    if counted is not None and len(counts) == 1 and 0 < counts[0] <= c.pack.order.max_qty and counts[0] != counted.qty:
        counted.qty, changed = counts[0], True
    return changed


def _order_dict(c: Context) -> dict[str, Any]:
    s = c.state
    out: dict[str, Any] = {"items": [line.as_dict() for line in s.order], "name": s.name}
    if c.pack.order.fulfilment:  # a guard booking is neither picked up nor delivered
        out["fulfilment"] = s.fulfilment
    if s.phone:
        out["phone"] = s.phone
    if _needs_address(c):
        out["address"] = s.address.spoken()
    if s.when:  # a guard booked for Saturday from 8 pm: the booking keeps the day and time
        out["when"] = s.when
    if s.when_text:
        out["when_text"] = s.when_text
    return out
