"""One utterance in, one Analysis out: language, triage labels, details and order lines."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ..packs.schema import CatalogItem, Pack
from . import rules as R
from .classify import Decision, classify
from .extract import extract_entities, match_order
from .hours import local
from .language import detect_language
from .model import TextModel
from .text import fold, fold_pattern
from .types import Analysis, Lang

_NEEDS = re.compile(
    r"\b(brauche|brauchen|bräuchte|bräuchten|braeuchte|braeuchten|benötige|benötigen|benötigte|benötigten)\b"
    r"|\b(need|d need|would need) (a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+|some|a few"
    r"|a couple of)\b",
    re.IGNORECASE,
)
# words of scheduling: a visit asked for with one of them is an appointment, not a fault report
_SCHEDULING = re.compile(
    fold_pattern(r"\b(termin\w*|wann|appointment\w*|book\w*|when|schedule\w*|slot|zeitfenster|uhrzeit)\b")
)


def _needs_named_item(text: str, items: list[CatalogItem], skus: set[str]) -> bool:
    """ "I need to shower hose the 2 meter 1": "need" right before a catalogue item's name, an article between misheard
    as "to" as speech recognition writes it ("need a shower hose"); "I need to fix my shower hose" is not."""
    folded = fold(text)
    for item in items:
        if item.sku not in skus:
            continue
        for table in (item.name, item.aliases):
            for said in table.values():
                for name in [said] if isinstance(said, str) else said:
                    if re.search(r"\b(need|needs) (to |a |an |the )?" + re.escape(fold(name)) + r"\b", folded):
                        return True
    return False


def pack_rules(pack: Pack | None) -> tuple[R.Rule, ...]:
    """The client's own emergencies as rules, matched in every language it offers.

    A pack emergency that covers a global situation behaves like it (same modifiers: a burst pipe
    contained by the stopcock is P2 for this client too).
    """
    if pack is None:
        return ()
    out = []
    for emergency in pack.emergencies:
        patterns = R.Patterns(de=tuple(emergency.phrases.get("de", ())), en=tuple(emergency.phrases.get("en", ())))
        label = R.Label(de=emergency.label.get("de", emergency.id), en=emergency.label.get("en", emergency.id))
        kind: R.Kind = next((R.RULE_KINDS[c] for c in emergency.covers if c in R.RULE_KINDS), "pack")
        out.append(R.pack_rule(f"{pack.id}:{emergency.id}", emergency.urgency, patterns, label, kind))
    return tuple(out)


def prepare(pack: Pack | None = None, model: TextModel | None = None) -> None:
    """Compile every rule (the pack's too) and run the model once, so the first caller waits for nothing."""
    for text in ("guten tag ich hätte gern zwei packungen und meine nummer ist 0171 2345678", "hello my name is"):
        analyze(text, pack=pack, model=model)


def _clients_now(pack: Pack | None) -> datetime:
    """Now on the client's clock when there is a client ("morgen" at 00:30 in Hamburg is the Hamburg tomorrow), else on
    this machine's."""
    return local(pack, datetime.now(UTC)) if pack is not None else datetime.now()


def emergency_for(pack: Pack | None, decision: Decision) -> str | None:
    """The pack emergency whose advice fits: the one that matched, or the one covering the global rule."""
    if pack is None or decision.rule_id is None:
        return None
    if ":" in decision.rule_id:
        return decision.rule_id.split(":", 1)[1]
    covering = pack.emergency_covering(decision.rule_id)
    return covering.id if covering else None


def reason_text(decision: Decision, lang: str) -> str | None:
    if not decision.reason_label:
        return None
    label = decision.reason_label.de if lang == "de" else decision.reason_label.en
    return f"{label} („{decision.reason_words}“)" if lang == "de" else f'{label} ("{decision.reason_words}")'


def analyze(
    text: str,
    *,
    pack: Pack | None = None,
    catalog: list[CatalogItem] | None = None,
    model: TextModel | None = None,
    lang: Lang | None = None,
    default_lang: Lang | None = None,
    now: datetime | None = None,
    expecting: frozenset[str] = frozenset(),
) -> Analysis:
    """Everything the brain reads from one caller utterance.

    `lang` forces the language; otherwise it is detected among the pack's languages, keeping
    `default_lang` (the call's language so far) when the words do not tell.
    """
    allowed = tuple(pack.languages) if pack else ("de", "en")
    language: Lang = lang or detect_language(text, allowed, default_lang)  # type: ignore[assignment]
    decision = classify(text, model=model, pack_rules=pack_rules(pack))
    entities = extract_entities(text, language, now=now or _clients_now(pack), expecting=expecting)
    items = catalog if catalog is not None else (pack.catalog if pack else [])
    order = match_order(text, language, items) if items else []
    intent = decision.intent
    # catalogue items plus "can I get", or items and nothing else to go by: an order
    ordering = "order" in decision.intent_cues
    # "we need door staff for our party": the guards, stewards and patrols a security company is booked for
    hires = "guard_order" in decision.intent_cues
    booking = "appointment" in decision.intent_cues
    needs = _NEEDS.search(text) is not None or (bool(order) and _needs_named_item(text, items, {o.sku for o in order}))
    no_business = decision.noise_rule is not None
    urgency = decision.urgency
    if (
        order and decision.urgency_unsure and decision.rule_id is None and urgency == "P2"
        and (needs or ordering or hires) and decision.distress != "acute" and not no_business
    ):
        # "Meier hier, meine Nummer ist …, wir brauchen zwei Monitore mit 27 Zoll und eine Dockingstation, bitte an …
        # liefern": a long one-breath order the model alone, with no close example, hears as an emergency. The
        # catalogue items needed and no rule's hazard say what the call is about; asking "is anyone in danger?" lost
        # the order (retrained heads, model23)
        decision.evidence.append("model-only emergency in a turn that orders catalogue items, no hazard named: routine")
        urgency = "P3"
    routine = urgency in ("P3", "P4")
    # catalogue items the caller needs, which the model calls an appointment with no word of one
    # ("wir brauchen zwei Packungen Ibuprofen"); with a date or time it is a booking of the service for then
    # ("wir brauchen für Samstag zwei Wachleute"), an appointment as the label contract has it
    dated = bool(entities.dates or entities.times or entities.when_text)
    guessed = (
        intent == "other"
        # "wir bräuchten zwei Monitore, 27 Zoll": items needed are no question after an order, whatever the model
        # guesses, unless the caller's words ask after one (retrained heads, model23)
        or (intent == "order_status" and needs and "order_status" not in decision.intent_cues)
        or (intent == "appointment" and not booking and not dated and needs)
        # ... or a report with no rule behind it ("I need a shower hose, the two metre one": tenth pass, the retrained
        # model's guess); a fault a rule names ("I need a washer, the tap drips") stays a report. Guards hired in one
        # breath with the name, number, place and time ("we need door staff for our company party on Saturday …") are
        # the same: the retrained heads of model23 heard a report in so long a turn
        or (intent == "report_problem" and decision.rule_id is None and (needs or hires))
    )
    # a fault a rule names and a visit asked for, with no time and no word of booking ("my kitchen tap is dripping, can
    # someone come round"): a report, whose flow takes the number; "when could you come out", "einen Termin" is an
    # appointment (issue 11, twentieth set: the retrained model leant on the second for the first)
    if intent == "appointment" and decision.rule_kind == "fault" and not dated and not _SCHEDULING.search(fold(text)):
        intent = "report_problem"
    asked_order = ordering and intent not in ("order_status", "request_human")
    if order and routine and not no_business and (guessed or asked_order):
        intent = "place_order"
    urgency = "P3" if order and urgency == "P4" and not no_business else urgency
    return Analysis(
        urgency=urgency,
        intent=intent,
        distress=decision.distress,
        language=language,
        entities=entities,
        order=order,
        evidence=decision.evidence,
        hazard=decision.hazard,
        emergency_id=emergency_for(pack, decision),
        reason=reason_text(decision, pack.agent_language if pack else language),
        wants_human=decision.wants_human,
        by_rule=decision.rule_id is not None,
        rule_kind=decision.rule_kind,
        acute_by_rule=decision.acute_by_rule,
        urgency_unsure=decision.urgency_unsure and urgency == decision.urgency,
        noise_rule=decision.noise_rule,
    )
