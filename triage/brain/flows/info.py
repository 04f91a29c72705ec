"""Questions the client's pack answers (opening hours, services): the answer, then "anything else?"."""

from __future__ import annotations

from .. import answers
from ..state import Reply
from ..types import OrderLine
from .context import Context


def answer(c: Context, text: str) -> Reply:
    s = c.state
    priced = item_prices(c, s.asked_about) if answers.asks_price(text) else []
    found = answers.info_answer(c.pack, text)
    if found is None and not priced:
        return c.misunderstood([], lead="info_unknown")
    s.phase, s.served = "anything_else", True
    return Reply([*(priced or [c.localized(found.answer)]), c.say("anything_else")])  # type: ignore[union-attr]


def item_prices(c: Context, lines: list[OrderLine]) -> list[str]:
    """ "Was kostet ein Monitor?": each catalogue item asked about with its own price in the caller's language, from
    the pack (not the price list of the client's services); empty when none of them has a price in that language."""
    says, seen = [], set()
    for line in lines:
        item = next((i for i in c.pack.catalog if i.sku == line.sku), None)
        price = item.price_said(c.state.lang) if item else None
        if item is None or price is None or item.sku in seen:
            continue
        seen.add(item.sku)
        says.append(c.say("item_price", item=item.named(1, c.state.lang), price=price))
    return says
