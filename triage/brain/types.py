"""The vocabulary of the brain: labels of PRODUCT.md and what one analysed utterance yields."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal, get_args

Urgency = Literal["P0", "P1", "P2", "P3", "P4"]
Intent = Literal[
    "report_problem",
    "place_order",
    "order_status",
    "appointment",
    "leave_message",
    "information",
    "complaint",
    "request_human",
    "other",
]
Distress = Literal["none", "elevated", "acute"]
Lang = Literal["de", "en"]
Hazard = Literal["fire", "gas", "medical", "police", "electric"]

# Label orders, most urgent first: the model's heads and every report use these.
URGENCIES: tuple[Urgency, ...] = get_args(Urgency)
INTENTS: tuple[Intent, ...] = get_args(Intent)
DISTRESSES: tuple[Distress, ...] = get_args(Distress)


def more_urgent(a: Urgency, b: Urgency) -> Urgency:
    return a if URGENCIES.index(a) <= URGENCIES.index(b) else b


@dataclass
class Address:
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    city: str | None = None

    def is_empty(self) -> bool:
        return not any((self.street, self.house_number, self.postcode, self.city))

    def merged(self, newer: Address) -> Address:
        """The caller corrects or completes an address piece by piece; newer pieces win."""
        return Address(
            street=newer.street or self.street,
            house_number=newer.house_number or self.house_number,
            postcode=newer.postcode or self.postcode,
            city=newer.city or self.city,
        )

    def spoken(self) -> str:
        first = " ".join(p for p in (self.street, self.house_number) if p)
        second = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (first, second) if p)


@dataclass
class OrderLine:
    sku: str
    name: str
    qty: int = 1
    options: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        out = {"sku": self.sku, "name": self.name, "qty": self.qty}
        if self.options:
            out["options"] = dict(self.options)
        return out


@dataclass
class Entities:
    name: str | None = None
    phone: str | None = None
    address: Address = field(default_factory=Address)
    dates: list[str] = field(default_factory=list)  # ISO dates ("2026-12-08") or weeks ("2026-W50")
    times: list[str] = field(default_factory=list)
    when_text: str | None = None  # the words the date/time came from, as said

    def as_dict(self) -> dict:
        out: dict = {}
        if self.name:
            out["name"] = self.name
        if self.phone:
            out["phone"] = self.phone
        if not self.address.is_empty():
            out["address"] = {k: v for k, v in asdict(self.address).items() if v}
        if self.dates:
            out["dates"] = list(self.dates)
        if self.times:
            out["times"] = list(self.times)
        if self.when_text:
            out["when_text"] = self.when_text
        return out


@dataclass
class Analysis:
    """What one caller utterance means. `evidence` says which words or rules decided it."""

    urgency: Urgency
    intent: Intent
    distress: Distress
    language: Lang
    entities: Entities = field(default_factory=Entities)
    order: list[OrderLine] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    hazard: Hazard | None = None
    emergency_id: str | None = None
    reason: str | None = None  # one line for the agent: "Rohrbruch (Wasser läuft)"
    wants_human: bool = False
    # a rule decided the urgency and distress (True), or the learned model's guess did (False)
    by_rule: bool = False
    rule_kind: str | None = None  # the kind of situation the deciding rule names ("water", "legal", …)
    acute_by_rule: bool = False
    # a P0/P1 only the learned model saw, with no rule and no close training example: not reported as
    # P0/P1; the dialogue asks the pack's `ask_danger` question instead of acting on a guess
    urgency_unsure: bool = False
    # a rule recognised no business at all ("wrong_number", "sales_spam", "prank"): the call may end
    noise_rule: str | None = None

    def as_row(self) -> dict:
        return {
            "urgency": self.urgency,
            "intent": self.intent,
            "distress": self.distress,
            "language": self.language,
            "entities": self.entities.as_dict(),
            "order": {"items": [line.as_dict() for line in self.order]},
            "evidence": list(self.evidence),
        }
