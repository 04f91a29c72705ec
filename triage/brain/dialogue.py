"""One call as a state machine driven by the client pack: text in, what the bot says out.

No I/O here. The caller of `hear` (a pipecat processor, `triage simulate`, `triage chat`) must
store `Reply.outcome` before it lets the caller hear `Reply.says`: the words "Ihre Bestellung ist
gespeichert" may only be spoken once it is.

This module holds the rules that hold in every phase, checked before the phase's own handling
(`_decide`): danger to life -> public number and a human; acute distress -> a human now; a request
for a human -> a human; a P1 emergency -> safety advice and details for the on-call human. Then
`FLOWS` routes the turn to the flow of the call's phase (brain/flows/).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from ..packs.schema import Pack
from . import answers, consent, hours, language, silence_words
from .analyze import analyze
from .extract.behalf import for_whom, number_of
from .extract.firm import firm_of
from .extract.name import extract_name, within_name
from .extract.when import is_clock
from .flows import appointment, collect, info, message, need, order
from .flows.context import Context
from .language import follow_heard_language
from .model import TextModel
from .state import CallState, Outcome, Phase, Reply, Turn
from .types import DISTRESSES, Analysis, Entities, Lang, more_urgent

# phases where the caller says what they want, in their own words: the model's judgement applies
_OPEN_PHASES = ("need", "anything_else", "consent")
_OPEN_QUESTIONS = {"need": "ask_need", "anything_else": "anything_else", "consent": "recording_consent"}
# phases where the bot waits for one answer (an item, a detail, a yes): a question the pack answers is
# answered there, and the bot's question asked again
_ANSWERING_PHASES = (
    "collect", "order", "order_option", "order_fulfilment", "order_confirm", "message_confirm", "appointment",
)
# phases where "wie lange muss ich warten?" is answered with the pack's `wait_time`, then the question again (not while
# the caller dictates a message, whose words are the message, nor at the consent question)
_WAIT_PHASES = (*_ANSWERING_PHASES, "need", "anything_else")
MAX_SILENCES = 2
# below this recognition confidence the words of a turn are not acted on (asked again instead). Whisper
# itself treats an average log-probability under -1.0 (exp: 0.37) as a failed decode; on the 8 kHz line
# real names and a plain "Yes." come out between 0.3 and 0.5, so the line is drawn below that.
LOW_CONFIDENCE = 0.3
_WAITING_PROMPTS = {
    "hold": "handoff_hold",
    "connecting": "handoff_connecting",
    "agent_unavailable": "handoff_agent_unavailable",
    "escalated": "handoff_escalated",
    "callback": "handoff_callback",
    "resolved": "goodbye",
}
FlowTurn = Callable[[Context, Analysis, str, set[str]], Reply]
# the one table from a call's phase to the flow that handles the caller's turn in it
FLOWS: dict[Phase, FlowTurn] = {
    "consent": need.consent,
    "need": need.need,
    "anything_else": need.anything_else,
    "collect": collect.turn,
    "order": order.turn,
    "order_option": order.turn,
    "order_fulfilment": order.turn,
    "order_confirm": order.turn,
    "message": message.text_turn,
    "message_confirm": message.confirm,
    "appointment": appointment.turn,
    # "danger_check" is answered in Dialogue._decide: its answer can lead anywhere
}


class Dialogue(Context):
    def __init__(
        self,
        pack: Pack,
        model: TextModel | None = None,
        *,
        lang: Lang | None = None,
        # aware UTC, as every time the store keeps (the consent record's); hours.local gives the client's clock
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.pack = pack
        self.model = model
        self.now = now
        self.state = CallState(client_id=pack.id, lang=lang or pack.languages[0])
        self.caller_number: str | None = None  # the line's caller ID, set by CallSession
        self._keep_question = False  # a reply that says nothing new keeps the question the caller must answer

    # --- what the outside world calls -----------------------------------------------------------
    def greet(self) -> Reply:
        says = [self.say("greeting")]
        # out of hours, the pack's words after the greeting (brain/hours.py)
        says += hours.closed_words(self.pack, self.now(), self.state.lang)
        if hours.route_request(self.pack, self.now(), "other") == "handoff":  # out_of_hours.mode: on_call
            reply = self.handoff("after_hours", "handoff_now")
            return self._bot(Reply([*says, *reply.says], outcome=reply.outcome, end=True))
        if self.pack.records_calls:
            self.state.phase = "consent"
            says.append(self.say("recording_consent"))
            consent.asked(self.state, says[-1])
        else:
            says.append(self.say("ask_need"))
        return self._bot(Reply(says))

    def tentative(self) -> Dialogue:
        """A copy to decide a turn on that may be taken back (brain/eager.py): its state is its own, the
        pack and the model are shared (read only)."""
        other = copy.copy(self)
        other.state = copy.deepcopy(self.state)
        return other

    def adopt(self, decided: Dialogue) -> None:
        """The turn decided on a `tentative()` copy stands: this dialogue goes on from the copy's state."""
        self.state = decided.state
        self._keep_question = decided._keep_question

    def hear(self, text: str, *, confidence: float | None = None, language: str | None = None) -> Reply:
        """The caller finished a turn (an empty string is silence). `confidence` is speech
        recognition's confidence in the words, in [0, 1] (None for typed text): below
        `LOW_CONFIDENCE` the bot asks again rather than act on a guess, except that a possible
        danger goes to a human. `language` is the one speech recognition decoded the turn in (None
        for typed text): the sound's evidence for the call's language (brain/language.py)."""
        s = self.state
        if s.ended:
            return Reply(end=True)
        s.caller_turns += 1
        s.transcript.append(Turn("caller", text))
        text, credits = silence_words.without_credits(text)
        if credits:  # "Untertitel im Auftrag des ZDF": what Whisper writes while nobody speaks
            s.evidence.append(f"speech recognition's words on silence, not the caller's: {credits}")
        if not text.strip() or self._thanks_to_a_question(text):
            return self._bot(self._silence())
        s.silences = 0
        if s.unfinished:  # "Ich möchte" / "eine Nachricht hinterlassen": one request
            text, s.unfinished = f"{s.unfinished} {text}", None
        elif s.phase in ("need", "anything_else") and answers.unfinished(text):
            s.unfinished = text  # the caller paused inside the sentence: the bot waits, its question stands
            self._keep_question = True
            return self._bot(Reply())
        s.lang = follow_heard_language(text, tuple(self.pack.languages), s.lang, language)  # type: ignore[assignment]
        # "bitte nicht mehr aufzeichnen" at any point: nothing is recorded from now on (brain/consent.py)
        withdrawn = consent.withdraw(s, text, self.now())
        if withdrawn and consent.only_withdraws(text):
            again = [s.last_question] if s.last_question else [self.say("ask_need")]
            return self._bot(Reply([self.say("consent_withdrawn"), *again]))
        rest = consent.besides_refusal(text) if s.phase == "consent" else None
        if rest:  # "nein, nicht aufnehmen bitte, bei uns tropft der Wasserhahn": refused, and the need said
            consent.decided(s, False, self.now())
            s.phase = "need"
            reply = self._understand(rest, confidence)
            if not (s.urgency in ("P0", "P1") or s.distress == "acute"):  # an emergency's words come first
                reply.says[:0] = [self.say("consent_declined")]
            return self._bot(reply)
        reply = self._understand(text, confidence)
        if withdrawn:
            reply.says[:0] = [self.say("consent_withdrawn")]
        return self._bot(reply)

    def _understand(self, text: str, confidence: float | None) -> Reply:
        """The caller's words in this turn, understood in the call's phase: the reply to them."""
        s = self.state
        a = analyze(
            text,
            pack=self.pack,
            model=self.model,
            default_lang=s.lang,
            now=self.local_now(),
            expecting=self.expecting,
        )
        a = self._name_is_no_hazard(a, text)
        handed = answers.hands_over(text)
        if handed:
            consent.handed_over(s, self.now())  # the next speaker never agreed to be recorded
        if handed and not a.by_rule:
            # "ich geb Ihnen mal meine Tochter": the words that hand the phone over are no emergency and no distress
            # of the model's; the next speaker says what is wrong (a rule's danger said beside them still counts)
            distress = a.distress if a.acute_by_rule else s.distress
            urgency = "P2" if a.urgency in ("P0", "P1") else a.urgency  # no danger question to the one leaving
            a = replace(a, urgency=urgency, urgency_unsure=False, distress=distress)
        # "Jep" to "Ihr Name ist Björn Hansen?", "Slower please." to the number's read-back: no name in them
        if a.entities.name and (answers.only_yes_no(self.pack, text) or answers.asks_repeat(text)):
            a = replace(a, entities=replace(a.entities, name=None))
        s.lang = a.language
        asked = language.asked_for(text)
        if asked in self.pack.languages:  # "können Sie auch Englisch?", "auf Deutsch bitte": the call follows at once
            s.lang = asked
        # a bare "ja"/"nein", a greeting or an answer to the consent question says nothing about
        # urgency or intent
        bare_answer = (
            (len(text.split()) <= 3 and answers.yes_no(self.pack, text, s.lang) is not None)
            or answers.only_greets(text, a.entities.name)
            or answers.asks_who(text)
            or (answers.is_done(text) and len(text.split()) <= 6)
            or (s.phase == "consent" and answers.refuses_recording(text))
            or (asked is not None and language.only_asks_for(text, asked))
        )
        # a detail given while one is being collected is read back anyway: the caller confirms it. A bare name
        # ("Priya Shah") reads as a greeting's name alone, yet to the name question it is the answer: on the phone
        # line a real name comes out at a confidence of 0.3 or less, and asking again only looped to a handover
        # (`triage eval-calls --spoken`)
        gives_detail = not bare_answer or a.entities.name is not None
        read_back_follows = s.phase == "collect" and s.confirming is None and gives_detail
        if confidence is not None and confidence < LOW_CONFIDENCE and not read_back_follows:
            unsure = self._unsure_words(a, bare_answer)
            if unsure is not None:
                return unsure
        if s.phase not in _OPEN_PHASES or bare_answer:
            a = self._rules_only(a)
        if bare_answer and not a.acute_by_rule:
            a = replace(a, distress=s.distress)  # "nein, bitte nicht aufzeichnen" is no sign of distress
        if collect.asks_phone(self):
            a = collect.callback_time(self, collect.phone_pieces(self, a, text), text)
        # the classifier reports a model-only emergency it cannot back with a rule or a close example as
        # P2 with `urgency_unsure`: the caller is asked before anyone acts on the guess
        if a.urgency_unsure and not a.by_rule and s.phase in _OPEN_PHASES:
            return self._ask_danger(a, text)
        changed = self._absorb(a, triage=not bare_answer)
        before = s.misunderstood
        reply = self._decide(a, text, changed, bare_answer, asked)
        return self._new_speaker(reply, text, a, handed, before)

    def _new_speaker(self, reply: Reply, text: str, a: Analysis, handed: bool, misunderstood: int) -> Reply:
        """The phone changes hands ("ich geb Ihnen mal meine Tochter", "I'll pass you to my daughter"): the new
        speaker is greeted (who answers: an AI) and hears the question that stands, or the reply to what the turn
        said besides; the handing over is no misunderstanding. Their "Hallo?" after it is the question again."""
        s = self.state
        if s.ended or reply.end:
            return reply
        if handed:
            if s.misunderstood > misunderstood or not reply.says:  # nothing else said: the question that stood
                s.misunderstood = misunderstood
                return Reply([self.say("handed_over"), *self._asked_again(reply)])
            return Reply([self.say("handed_over"), *reply.says], outcome=reply.outcome, end=reply.end)
        callers = [t.text for t in s.transcript if t.role == "caller"]
        after_handover = len(callers) >= 2 and answers.hands_over(callers[-2])
        if after_handover and answers.only_greets(text, a.entities.name):
            s.misunderstood = min(s.misunderstood, misunderstood)
            return Reply([s.last_question or self.say("ask_need")])
        return reply

    def _asked_again(self, reply: Reply) -> list[str]:
        """The question a "not understood" reply asks again, in the call's language now (without the apology)."""
        lead = self.say("not_understood")
        again = reply.says[1:] if reply.says[:1] == [lead] else []
        if not again and self.state.phase in ("need", "anything_else"):
            return [self.say("ask_need")]
        return again or [self.state.last_question or self.say("ask_need")]

    def dtmf(self, digit: str) -> Reply:
        """Keypad: 0 asks for a human at any point, as callers learned from every hotline."""
        if digit == "0" and not self.state.ended:
            self.state.caller_turns += 1
            self.state.transcript.append(Turn("caller", "[DTMF 0]"))
            return self._bot(self.handoff("requested", "handoff_requested"))
        return Reply()

    def fail(self, error: str) -> Reply:
        """An engine failed inside this call: hand the caller to a human with what is known."""
        self.state.evidence.append(f"internal error: {error}")
        return self._bot(self.handoff("error", "handoff_error"))

    def waiting(self, event: str) -> Reply:
        """What a caller on hold hears when something happens to their handoff: `hold` (still
        waiting, or they spoke), `connecting` (an agent took the call), `agent_unavailable` (the
        agent did not answer; back in the queue), `escalated` (P0/P1: the on-call chain is alerted),
        `callback` (nobody was free: a call back is promised, and the call ends), `resolved` (an
        agent closed the handoff while the caller still waited: goodbye)."""
        key = _WAITING_PROMPTS.get(event)
        if key is None:
            raise ValueError(f"unknown waiting event {event!r}; one of {', '.join(_WAITING_PROMPTS)}")
        if key == "handoff_callback" and not (self.state.phone or self.caller_number):  # no number to call
            key = "handoff_callback_no_number"
        return self._bot(Reply([self.say(key)], end=event in ("callback", "resolved")))

    def hangup(self) -> Outcome | None:
        """The caller is gone. A call never ends with nobody responsible for it: unless the caller
        was served (an information answered, and nothing asked for since) or said nothing at all (a
        goodbye, spam or a wrong number ended the call with its outcome already) or left a message
        whose callback number they confirmed, what is known goes to a human as a callback. A
        question answered first does not close a call whose emergency or order came after it."""
        s = self.state
        if s.ended:
            return s.outcome
        s.ended = True
        if s.outcome is None:
            spoke = any(t.role == "caller" and t.text.strip() for t in s.transcript)
            served = s.served and s.phase in ("anything_else", "need") and s.urgency not in ("P0", "P1", "P2")
            if served or not spoke:
                s.outcome = self.outcome("ended")
            elif message.can_keep(self):  # the words and a confirmed number: a message, not a lost call
                message.keep(self)
            else:
                s.outcome = self.outcome("handoff", reason="hangup")
        return s.outcome

    def _name_is_no_hazard(self, a: Analysis, text: str) -> Analysis:
        """ "Peter Brand", "mein Name ist Sabine Brand" to the name question (or to another detail's question):
        the surname is no fire. When a rule's emergency is gone once the name's words are taken out, the
        turn is understood without them (the name kept); an emergency said beside the name still counts."""
        name = a.entities.name
        # "Frank Schmidt-Brand" said while the number or the address is asked: a name given early, no fire
        asked = "name" in self.expecting or self.state.phase == "collect"
        if not asked or not (a.by_rule and a.urgency in ("P0", "P1")):
            return a
        name = name or extract_name(text, self.state.lang, expecting=True)
        if not name or len(name.split()) < 2:  # "Gasgeruch im Keller" is no name with a hazard: a full name is
            return a
        rest = text
        for word in name.split():
            rest = re.sub(rf"(?i)\b{re.escape(word)}\b", " ", rest)
        without = analyze(rest, pack=self.pack, model=self.model, default_lang=self.state.lang, now=self.local_now())
        if without.by_rule and without.urgency in ("P0", "P1"):
            return a
        return replace(without, entities=replace(a.entities, name=name), language=a.language)

    # --- decisions that hold in every phase ------------------------------------------------------
    def _rules_only(self, a: Analysis) -> Analysis:
        """An answer to "what is your number?" is not what the model learned from: only rules may
        raise urgency or distress there ("Moment, meine Mutter bekommt keine Luft" still does)."""
        s = self.state
        urgency = a.urgency if a.by_rule else s.urgency
        distress = a.distress if a.acute_by_rule or a.distress != "acute" else s.distress
        return replace(a, urgency=urgency, distress=distress, intent=a.intent if a.by_rule else s.intent)

    def _decide(self, a: Analysis, text: str, changed: set[str], bare_answer: bool, asked: Lang | None) -> Reply:
        """The reply to an understood turn; `asked` is the language the caller asked for in words (`_understand`
        found it once)."""
        s = self.state
        if a.distress == "acute" and a.hazard is None:
            reply = self.handoff("distress", "distress_acute")
            emergency = self.pack.emergency(s.emergency_id) if s.urgency == "P1" else None
            if emergency is not None and emergency.advice:  # the client's first advice helps while they wait
                reply.says.insert(0, self.localized(emergency.advice))
            return reply
        if a.urgency == "P0":
            return self._p0(a)
        # the words "Mitarbeiter", "real person" hand over anywhere; the model's guess only as a first request,
        # and not when the caller asks to be called back ("Dr Berg should call me back"): that is a message
        model_asks_human = (
            a.intent == "request_human" and s.phase in ("need", "anything_else") and not bare_answer
            and not answers.asks_callback(text) and not answers.checks_place(text) and not answers.asks_wait_time(text)
        )
        if a.wants_human or model_asks_human:
            if s.intent in ("other", "information"):
                s.intent = "request_human"
            return self.handoff("requested", "handoff_requested")
        if a.urgency == "P1" and s.handoff_reason != "p1":
            reply = collect.start(self, a, "p1")  # in any phase: an order or a message waits
            if answers.asks_wait_time_within(text):  # "water's pouring from the ceiling, how long until someone comes?"
                reply.says.insert(len(reply.says) - 1, self.say("wait_time", emergency=True))  # then the detail asked
            return reply
        if not changed and self._takes_the_offer(text):
            return self.handoff("requested", "handoff_requested")
        if s.phase == "danger_check":
            return self._danger_answer(text)
        if (fixed := collect.detail_corrected(self, text, changed)) is not None:
            return fixed  # "die Nummer endet auf 47", "the house number was wrong, it's 21": read back, then on
        if not changed and s.last_question and (answers.asks_repeat(text) or answers.only_filler(text)):
            return Reply(self._said_again(text))  # "wie bitte?", "hm": said again, no misunderstanding
        waits = answers.asks_to_wait(text) and not answers.asks_who(text)  # "hang on, is this automated?" asks
        if not changed and waits and answers.yes_no(self.pack, text, s.lang) is None:
            self._keep_question = True  # "einen Moment bitte": the bot waits quietly; its question stands
            return Reply()
        # "Bin ich richtig bei der Kanzlei Berg?" before any request: who answers, then what they need
        first_words = s.problem in (None, text)  # nothing asked for before this turn
        checks_place = answers.checks_place(text) and not a.order and a.urgency in ("P3", "P4") and first_words
        if checks_place and s.phase in _OPEN_PHASES:
            s.problem = None  # where they called is no request
        if s.phase in _OPEN_PHASES and (answers.asks_who(text) or checks_place):
            again = "recording_consent" if s.phase == "consent" else "ask_need"
            return Reply([self.say("who_is_this"), self.say(again)])
        if asked is not None and language.only_asks_for(text, asked):
            if asked not in self.pack.languages:
                # "Do you speak English?" to a client that speaks German only: told so in its language, the
                # question that stood again, the call goes on
                return Reply([self.say("language_not_offered"), s.last_question or self.say("ask_need")])
            if s.phase in _OPEN_PHASES:
                return Reply([self.say(_OPEN_QUESTIONS[s.phase])])  # the question again, in the language asked for
        if s.phase in _ANSWERING_PHASES and not changed and s.last_question and answers.asks_who(text):
            return Reply([self.say("who_is_this"), s.last_question])  # "are you a robot?" while a detail is asked
        greets = s.phase in _OPEN_PHASES and answers.only_greets(text, a.entities.name)
        # "ja, hier ist Peter Schulz" to the consent question: an answer with a greeting, not a greeting only
        if greets and not (s.phase == "consent" and answers.yes_no(self.pack, text, s.lang) is not None):
            if s.problem is None:  # "hello?" before any request: the caller's language from the greeting
                s.lang = answers.answer_language(self.pack, text) or s.lang
            if s.phase == "consent":
                return Reply([self.say("recording_consent")])
            s.phase = "need"
            return Reply([self.say("ask_need")])  # "Hallo?": asked what they need, not "not understood"
        if s.phase in _WAIT_PHASES and not changed - {"when"} and answers.asks_wait_time(text):
            return self._wait_time()  # "wie lange muss ich warten?", "when will the plumber be here?"
        if s.phase == "collect" and not changed and s.last_question and (why := self._why_asked(text)):
            return Reply([self.say("why_detail", detail=why), s.last_question])  # "wozu brauchen Sie die Adresse?"
        if s.phase in _ANSWERING_PHASES and not changed - {"when"} and (priced := self._prices_asked(a, text)):
            # "Was kostet der denn?", "how much is a monitor?" in the middle of an order: the item's own price from the
            # catalogue (not the price list of services), then the question that stood; asking orders nothing
            if s.phase == "order_option":
                return order.question_back(self, priced)
            return Reply([*priced, s.last_question or self.say("ask_need")])
        if s.phase in _ANSWERING_PHASES and not a.order and not changed - {"when"} and answers.asks_question(text):
            found = answers.info_answer(self.pack, text)
            if found is not None and s.phase == "order_option":  # "was kostet eine Kontrolle?" to "which version?"
                return order.question_back(self, [self.localized(found.answer)])
            if found is not None:  # "was kostet das eigentlich?" in the middle of an order: answered, then on
                return Reply([self.localized(found.answer), s.last_question or self.say("ask_need")])
        if not changed and s.phase == "collect" and s.last_question and answers.asks_about_detail(text):
            return Reply([s.last_question])  # "brauchen Sie meine Nummer?": yes, that is what the question asks
        prefix = self.acknowledge(a)
        reply = FLOWS.get(s.phase, need.need)(self, a, text, changed)
        reply.says[:0] = prefix
        return reply

    def _said_again(self, text: str) -> list[str]:
        """What a request to repeat ("wie bitte?", "langsamer bitte", "what should I do?") or a bare "hm" hears: at a
        read-back asked for slower, the detail read back again slowly (a number in small groups); right after the safety
        advice, the advice again before the question, as the caller missed what to do now; else the question."""
        s = self.state
        if s.phase == "collect" and s.confirming is not None and answers.asks_slower(text):
            return [self.say("confirm_slowly", detail=s.confirming)]
        emergency = self.pack.emergency(s.emergency_id) if s.emergency_id else None
        advice = self.localized(emergency.advice) if emergency is not None and emergency.advice else None
        just_said = advice in self._said_since_last_turn() and advice != s.last_question
        if advice and just_said and answers.asks_repeat(text):  # "hm" thinks aloud: the question only
            return [advice, s.last_question or self.say("ask_need")]
        return [s.last_question or self.say("ask_need")]

    def _said_since_last_turn(self) -> list[str]:
        """What the bot said between the caller's turn before this one and this one."""
        said = []
        for turn in reversed(self.state.transcript[:-1]):
            if turn.role == "caller":
                break
            said.append(turn.text)
        return said

    def _takes_the_offer(self, text: str) -> bool:
        """ "Ja, gut." / "yes, fine" right after "if you like, I can also put you through" and a question no yes
        answers (the address, the name, what they need, the message): the caller takes the offer of a person. Not at
        the number's question: "Yes." there says they may be called back ("What phone number can we call you back
        on?", `calls_sixth.jsonl`), and the number follows."""
        s = self.state
        asked = self.missing() if s.phase == "collect" and s.confirming is None else None
        open_question = asked in ("address", "name") or s.phase in ("need", "message")
        if not open_question or len(text.split()) > 4 or answers.asks_to_wait(text):  # "ja, Moment": it waits
            return False
        if answers.yes_no(self.pack, text, s.lang) is not True:
            return False
        return self.say("distress_elevated") in self._said_since_last_turn()

    def _wait_time(self) -> Reply:
        """What the client can honestly promise a caller who asks how long until someone comes or calls (the pack's
        words: who is told and who gets back to them, never an invented time), then the question that stood."""
        s = self.state
        if s.phase in _OPEN_PHASES and s.problem == s.transcript[-1].text:
            s.problem = None  # asking about the wait is no request of its own
        said = self.say("wait_time", emergency=s.urgency == "P1")  # the on-call human is told at once
        return Reply([said, s.last_question or self.say("ask_need")])

    def _why_asked(self, text: str) -> str | None:
        """The detail the caller asks why it is wanted while details are collected: the one named ("why do you need
        my name?" while the number is asked is about the name), else the one asked for or read back."""
        why = answers.asks_why(text)
        if why is None:
            return None
        return why or self.state.confirming or self.missing()

    def _prices_asked(self, a: Analysis, text: str) -> list[str]:
        """The prices of the catalogue items a price question names, or (named none: "was kostet der denn?") of the
        item being ordered; empty when the turn asks no price or no such item has one in the caller's language."""
        s = self.state
        if not answers.asks_price(text) or not answers.asks_question(text):
            return []
        if a.order:
            return info.item_prices(self, a.order)
        if not answers.asks_price_of_it(text):
            return []  # "how much is the call-out fee?": the pack's price list answers that
        lines = [s.order[s.option_queue[0][0]]] if s.phase == "order_option" and s.option_queue else s.order[-1:]
        return info.item_prices(self, lines)

    def _unsure_words(self, a: Analysis, bare_answer: bool) -> Reply | None:
        """Speech recognition was not sure of the words. A hazard a rule found, acute distress or
        a request for a human still count (None: go on as usual); a danger only the model sees in
        unsure words goes to a human (fail safe); anything else is asked again, nothing taken in."""
        s = self.state
        if (a.by_rule and a.urgency in ("P0", "P1")) or a.acute_by_rule or a.wants_human:
            return None
        if a.urgency_unsure:  # the model's unbacked emergency: for the agent, as urgent as it may be
            a = replace(a, urgency="P1")
        possible_danger = a.urgency in ("P0", "P1") or a.distress == "acute"
        if s.phase in _OPEN_PHASES and possible_danger and not bare_answer:
            # the agent sees the guess as the call's urgency, so the call is taken first
            self._absorb(a)
            s.evidence.append(f"unsure words, possible {a.urgency}: {s.transcript[-1].text}")
            return self.handoff("distress" if a.distress == "acute" else a.urgency.lower(), "handoff_generic")
        return self.misunderstood([s.last_question] if s.last_question else [self.say("ask_need")])

    def _ask_danger(self, a: Analysis, text: str) -> Reply:
        """Only the learned model thinks this urgent, with no rule and no close example: ask."""
        s = self.state
        s.pending, s.pending_text, s.phase = a, text, "danger_check"
        self._absorb(replace(a, urgency=s.urgency, distress=s.distress), triage=False)
        return Reply([self.say("ask_danger")])

    def _danger_answer(self, text: str) -> Reply:
        s = self.state
        pending, said = s.pending, s.pending_text or ""
        answer = answers.yes_no(self.pack, text, s.lang)
        if answer is None and answers.unsure(text):
            answer = True  # "weiß ich nicht" whether anyone is in danger: a human decides (fail safe)
        if pending is None or answer is None:
            return self.misunderstood([self.say("ask_danger")])
        s.pending, s.pending_text = None, None
        if answer:
            s.evidence.append(f"caller confirmed danger: {text}")
            # the classifier reported the unbacked guess as P2: confirmed, it is at least an emergency
            s.urgency = pending.urgency if pending.urgency in ("P0", "P1") else "P1"
            s.reason = pending.reason or s.reason
            pending = replace(pending, urgency=s.urgency, urgency_unsure=False)
            s.intent, s.problem = "report_problem", s.problem or said
            return self._p0(pending) if pending.urgency == "P0" else collect.start(self, pending, "p1")
        s.phase = "need"
        calm = replace(pending, urgency="P3", urgency_unsure=False, distress="none")
        self._absorb(calm)
        return need.need(self, calm, said, set())

    def _p0(self, a: Analysis) -> Reply:
        """The public number for the danger named, in one sentence; a danger no rule named gets the
        general emergency sentence."""
        hazard = a.hazard or self.state.hazard
        if hazard is None:
            return self.handoff("p0", "handoff_p0", number=self.pack.public_numbers.medical)
        self.state.hazard = hazard
        number = getattr(self.pack.public_numbers, hazard if hazard != "electric" else "fire")
        return self.handoff("p0", f"p0_{hazard}", number=number)

    def _thanks_to_a_question(self, text: str) -> bool:
        """ "Thank you." alone where the bot asked something thanks cannot answer (a name, a number, what
        they need): Whisper's most frequent words on silence, so silence. After a result or an answer
        ("anything else?") it is the caller's own thanks and goes on as such."""
        s = self.state
        open_question = s.phase not in ("anything_else",) and not s.served and s.outcome is None
        return open_question and silence_words.only_thanks(text)

    def _silence(self) -> Reply:
        """Silence is asked about once, then handed over. While the bot waits for the answer to its
        question (a number, a yes, after "einen Moment bitte") the question comes again, not "tell me
        what it's about"."""
        s = self.state
        s.silences += 1
        if s.silences >= MAX_SILENCES:
            return self.handoff("silence", "handoff_generic")
        if s.phase not in ("need", "anything_else") and s.last_question:
            return Reply([self.say("silence_question"), s.last_question])
        return Reply([self.say("silence_reprompt")])

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
        # a question the pack answered ("what are your opening hours?") is not what the agent should read once the
        # caller goes on to a request ("can I book an appointment for Thursday?"): the request becomes the problem
        answered = s.served and s.phase == "anything_else" and s.outcome is None and a.intent != "information"
        if triage and (s.problem is None or answered) and a.intent not in ("other", "request_human"):
            s.problem = s.transcript[-1].text
        s.evidence += [e for e in a.evidence if not e.startswith("model:")]

        changed: set[str] = set()
        e = a.entities
        if e.name and e.name != s.name and not within_name(e.name, s.name):  # "this is Sarah" keeps "Sarah Cole"
            s.name, changed = e.name, changed | {"name"}
        said = s.transcript[-1].text if s.transcript else ""
        if triage and s.for_whom is None:
            s.for_whom = for_whom(said)  # "ich rufe für meinen Vater an": the agent reads whom the call is about
        if s.firm is None:
            s.firm = firm_of(said)  # "Müller GmbH, Schmidt hier": the agent and the message keep the firm
        if e.phone and e.phone != s.phone:
            s.phone, changed = e.phone, changed | {"phone"}
            s.callback_of = number_of(said, s.for_whom)  # "Herr Jansen ist unter ...": whose number it is
        if not e.address.is_empty():
            merged = s.address.merged(e.address)
            if merged != s.address:
                s.address, changed = merged, changed | {"address"}
        when, when_text = _when_with(s.when, s.when_text, e)
        if when != s.when:
            s.when, s.when_text = when, when_text
            changed.add("when")  # "Dienstag vormittag" while we ask for a number: kept, not misunderstood
        s.confirmed -= changed
        return changed

    @property
    def expecting(self) -> frozenset[str]:
        """The details the dialogue waits for: a subset of {"phone", "address", "name", "when",
        "yes_no"}. Extraction takes a bare answer for these; turn-taking waits for them to finish.
        During a read-back a missing name counts too: a caller who gives it instead of "ja" has
        said yes. (Digits are not taken that way: "Goethestraße 14, 20095" is no phone number.)"""
        s = self.state
        if s.phase == "collect":
            missing = self.missing()
            if s.confirming is None:
                return frozenset({missing} if missing else ())
            # a detail still to come may be said instead of "ja": the name, or the address ("Kiellinie 210 in Kiel"
            # at the name's read-back is read only where an address is expected)
            still = {"name"} if missing == "name" else set()
            if "address" in s.needs and not self.value("address") and s.confirming != "address":
                still.add("address")
            return frozenset({"yes_no", s.confirming} | still)
        if s.phase == "appointment":
            return frozenset({"when"})
        if s.phase in ("consent", "order_confirm", "message_confirm", "anything_else", "danger_check"):
            return frozenset({"yes_no"})
        return frozenset()

    def _bot(self, reply: Reply) -> Reply:
        for text in reply.says:
            self.state.transcript.append(Turn("bot", text))
        if reply.says and not reply.end and not self._keep_question:
            self.state.last_question = reply.says[-1]
        self._keep_question = False
        return reply


def _when_with(when: list[str], when_text: str | None, e: Entities) -> tuple[list[str], str | None]:
    """The day and time known after this turn. A turn with only hours keeps the day said before it ("a guard for a
    wedding on the 12th of June?" ... "from 6 pm to 2 am"), one with only a day keeps the hours; anything else said
    replaces what was known (a correction)."""
    if not (e.dates or e.times):
        return when, when_text
    days = [w for w in when if not is_clock(w)]
    hours = [w for w in when if is_clock(w)]
    if days and not hours and not e.dates:
        return [*days, *e.times], f"{when_text}, {e.when_text}" if when_text and e.when_text else when_text
    if hours and not days and not e.times:
        return [*e.dates, *hours], f"{e.when_text}, {when_text}" if when_text and e.when_text else when_text
    return [*e.dates, *e.times], e.when_text
