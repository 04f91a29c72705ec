"""The caller's request in their own words: consent to recording first (if the client records),
then what they need, routed to the flow that serves it; and "anything else?" after a result."""

from __future__ import annotations

from dataclasses import replace

from .. import answers, hours, silence_words
from .. import consent as recording
from ..analyze import analyze
from ..extract.order import chosen_option
from ..state import Reply
from ..types import Analysis
from . import appointment, collect, info, message, order
from .context import Context


def consent(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    s = c.state
    s.lang = answers.answer_language(c.pack, text) or s.lang  # "yes, that's fine": go on in the caller's language
    refused = answers.refuses_recording(text)  # "nein, ich möchte nicht aufgezeichnet werden"
    agreed = answers.agrees_to_recording(c.pack, text)  # "meinetwegen, kein Problem", "I don't mind at all"
    answer = False if refused else True if agreed else answers.yes_no(c.pack, text, s.lang)
    recording.decided(s, answer is True, c.now())
    short = agreed or len(text.split()) <= 4 or answers.only_greets(text, s.name)
    short = short or answers.only_about_recording(c.pack, text)
    if refused or (answer is not None and short):
        s.phase = "need"
        first = [] if answer else [c.say("consent_declined")]
        return Reply([*first, c.say("ask_need")])
    # the caller went straight to their need: no consent given, so nothing is recorded
    return need(c, a, text, changed)


def need(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    """The caller's request: route it to the flow that serves it."""
    s = c.state
    s.phase = "need"
    if count := _orders_the_one_asked(c, a, text):
        # "Was kostet ein Wachmann für eine Hochzeit?" answered, then "gut, dann möchte ich einen buchen": that one
        ordered = [replace(line, qty=count, options={**line.options, **_options_said(c, line.sku, text)})
                   for line in s.asked_about]  # "dann hätte ich gern zwei, mit deutschem Layout": the option too
        a = replace(a, order=ordered, intent="place_order", urgency="P3")
    if answers.is_done(text) and len(text.split()) <= 6 and not a.order:
        return c.goodbye()  # "nein danke, tschüss" after a question the pack could not answer
    if a.intent == "other" and (rest := answers.after_thanks(text)):
        # "thanks, and do you have parking?", "Danke. Und was kostet die Anfahrt?": the model may hear the thanks and
        # not what follows it (the retrained heads of model23 did); what follows is the caller's request
        again = analyze(rest, pack=c.pack, model=c.model, default_lang=s.lang, now=c.local_now())
        if again.intent != "other":
            a = again
    s.intent = a.intent
    if a.urgency == "P2":
        return collect.start(c, a, "p2")
    closed = hours.route_request(c.pack, c.now(), a.intent)  # out of hours: the pack's out_of_hours mode
    if closed == "message":
        return message.start(c, text, "message")
    if closed == "closed":
        ended = c.end_no_action()  # the outcome "ended", with the pack's out-of-hours goodbye instead
        return Reply(hours.closed_goodbye(c.pack, c.state.lang), ended.outcome, end=True)
    if a.urgency == "P4" and _said_no_business(a):
        return c.end_no_action()
    beside = _request_beside_question(c, a, text, changed)
    if beside is not None:
        return beside
    if a.intent == "leave_message" and answers.asks_appointment(text):
        # "I wanted to book an appointment, we need a quote for a new bathroom": the quote is what it is about
        s.intent = "appointment"
        return appointment.start(c, a, text)
    booked = a.intent == "appointment" and a.order and c.pack.catalog
    if booked and not answers.asks_visit(text, _item_words(c, a)) and not answers.wants_callback_or_quote(text):
        # "eine Bewachung übers Wochenende, ab Freitag, den 18.": the catalogue's service booked for a time is an
        # order of it (the pack's booking request), not a visit to arrange; a site visit stays an appointment
        s.intent = "place_order"
        return order.start(c, a, text)
    if a.intent == "place_order" and not a.order and answers.wants_callback_or_quote(text):
        # "a quote for a new bathroom, please call me back" names nothing from the catalogue: a message
        s.intent = "leave_message"
        return message.start(c, text, "message")
    if a.intent == "place_order" and c.pack.catalog:
        return order.start(c, a, text)
    if a.intent == "order_status":
        return c.handoff("order_status", "handoff_generic")
    # "Was würde ein neues Bad kosten? Rufen Sie mich bitte zurück": the price list is no answer to a
    # caller who asks to be called back; their words become a message below
    answered = answers.info_answer(c.pack, text) and not answers.asks_callback(text)
    if a.intent == "information" and a.order and c.pack.catalog and not answered:
        # "Brauche Wachmann für eine Nacht. Geht das?", "do you sell shower heads? I need one": a catalogue
        # item asked about, and nothing in the pack answers the question, is a request for it
        s.intent = "place_order"
        return order.start(c, a, text)
    if a.intent == "information" and (answered or not answers.wants_callback_or_quote(text)):
        s.asked_about = list(a.order)
        return info.answer(c, text)
    if a.intent == "appointment":
        return appointment.start(c, a, text)
    if a.intent in ("leave_message", "complaint") or (a.intent == "report_problem" and a.urgency == "P3"):
        kind = {"leave_message": "message", "complaint": "complaint"}.get(a.intent, "problem")
        return message.start(c, text, kind)
    if answers.wants_callback_or_quote(text):
        # "nur ein Angebot für ein neues Bad, bitte rufen Sie mich zurück": a message with the request
        s.intent = "leave_message"
        return message.start(c, text, "message")
    if answers.is_done(text):
        return c.goodbye()
    if a.intent == "other" and answers.asks_question(text) and answers.info_answer(c.pack, text):
        return info.answer(c, text)  # "where is the office?": the pack answers it, whatever the model was unsure of
    return c.misunderstood([c.say("ask_need")])


def anything_else(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    s = c.state
    yes = answers.yes_no(c.pack, text, s.lang)
    if answers.is_done(text) or (yes is False and len(text.split()) <= 3) or silence_words.only_thanks(text):
        return c.goodbye()  # "Vielen Dank." after a result: the caller's thanks on leaving
    if not changed and answers.takes_leave(text):
        return c.goodbye()  # "Danke, schönes Wochenende!", "great, thanks a lot, have a nice day"
    if yes is True and len(text.split()) <= 2:
        s.phase = "need"
        return Reply([c.say("ask_need")])
    return need(c, a, text, changed)


def _request_beside_question(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply | None:
    """ "Can I get someone out the week after next? And how much is your call-out fee?", "How much is a night
    guard? And can we book one for Saturday?": the question the pack answers is answered, and the request beside
    it taken as if said alone (an item named only in the question still counts: "book one"). None when the turn
    holds no such pair; a quote or a callback asked for is no question to answer from the price list, and a
    request said as a question ("können Sie mir das bis Samstag zurücklegen?") no question to answer at all."""
    if a.urgency != "P3" or answers.wants_callback_or_quote(text):
        return None
    for found, question, rest in answers.questions_beside(c.pack, text):
        request = analyze(rest, pack=c.pack, model=c.model, default_lang=c.state.lang, now=c.local_now())
        if request.urgency != "P3" or request.intent not in ("appointment", "place_order"):
            continue
        asked = analyze(question, pack=c.pack, model=c.model, default_lang=c.state.lang, now=c.local_now())
        if asked.intent != "information":  # "Können Sie mir das bis Samstag zurücklegen?" asks for the request
            continue
        reply = need(c, replace(request, order=request.order or a.order), rest, changed)
        reply.says.insert(0, c.localized(found.answer))
        return reply
    return None


def _orders_the_one_asked(c: Context, a: Analysis, text: str) -> int | None:
    """How many the caller orders by a pronoun ("then I'll book one", "I'll take two") of the catalogue items named
    in the question answered before, or None; the model may call so short a turn anything routine ("Dann buche ich
    einen." is P4 to it), a rule no."""
    routine = a.urgency == "P3" or (a.urgency == "P4" and a.noise_rule is None)
    if a.order or not c.state.asked_about or not routine:
        return None
    return answers.orders_the_one_asked(text)


def _options_said(c: Context, sku: str, text: str) -> dict[str, str]:
    """The option values of a catalogue item said in a turn that orders it by a pronoun ("then one 24 inch")."""
    item = next((i for i in c.pack.catalog if i.sku == sku), None)
    said = {group: chosen_option(item, group, text, c.state.lang) for group in item.options} if item else {}
    return {group: value for group, value in said.items() if value is not None}


def _item_words(c: Context, a: Analysis) -> list[str]:
    """The names of the catalogue items the caller named, in every language ("patrol visit", "Revierfahrt")."""
    skus = {line.sku for line in a.order}
    return [
        word
        for item in c.pack.catalog if item.sku in skus
        for table in (item.name, item.aliases)
        for said in table.values()
        for word in ([said] if isinstance(said, str) else said)
    ]


def _said_no_business(a: Analysis) -> bool:
    """Wrong number, sales or a prank, recognised by a rule (not a guess): the call can end."""
    return a.noise_rule is not None
