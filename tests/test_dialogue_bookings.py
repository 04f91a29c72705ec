"""Callers who want appointments, quotes and bookings, with dates said the way people say them, in German and
English: "Freitag, den 18." / "Friday the 18th" (the 18th, not the next Friday), "zwischen dem 14. und dem 16." /
"between the 3rd and the 5th of January", "nach Ostern" / "after Easter"; a guard for the weekend booked from the
security company's catalogue; an appointment asked for beside a quote; a question beside a request (both are
served); and a German caller's one-word "Yeah." / "Yes." / "Okay." that does not turn the call to English.

The families come from `data/dev/calls_seventh.jsonl` (see data/dev/README.md); each test drives the real
`Dialogue` with the shipped packs and classifier, or the extractor or answer the family lives in.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.caller_families import model
from tests.dialogue_calls import call, prompt
from triage.brain import answers
from triage.brain.dialogue import Dialogue
from triage.brain.extract.when import extract_when
from triage.packs.load import load_pack

SUNDAY = datetime(2026, 12, 6, 10, 0)  # Friday the 11th comes before Friday the 18th


def dated_call(client: str, lang: str, now: datetime = SUNDAY) -> Dialogue:
    d = Dialogue(load_pack(client), model(), lang=lang, now=lambda: now)
    d.greet()
    return d


def items(d: Dialogue) -> list[tuple[str, int, dict[str, str]]]:
    return sorted((line.sku, line.qty, dict(line.options)) for line in d.state.order)


# --- one word of yes keeps the call's language ---------------------------------------------------------------
@pytest.mark.parametrize("answer", ["Yeah.", "Yes.", "Okay.", "yep"])
def test_a_german_callers_one_word_yes_at_the_consent_question_keeps_the_call_german(answer):
    """Whisper writes a German "Ja" as "Yeah." or "Yes.": the call went on in English ("How can I help you?")."""
    d = call("sicherheitsdienst-nord", "de")
    reply = d.hear(answer)
    assert d.state.lang == "de"
    assert reply.says == [prompt("sicherheitsdienst-nord", "ask_need", "de")]
    assert d.state.recording_consent is True


@pytest.mark.parametrize(("started", "answer"), [("en", "Ja."), ("en", "Jep.")])
def test_an_english_callers_one_word_ja_keeps_the_call_english(started, answer):
    d = call("sanitaer-notdienst", started)
    d.hear(answer)
    assert d.state.lang == started


@pytest.mark.parametrize(("started", "answer", "moved"), [("de", "No.", "en"), ("en", "Nein.", "de")])
def test_a_lone_no_to_the_recording_still_tells_the_language(started, answer, moved):
    """ "Nein" does not sound like "No" as "Ja" sounds like "Yeah": a caller who refuses the recording in one word
    hears the answer in their language."""
    d = call("sanitaer-notdienst", started)
    reply = d.hear(answer)
    assert d.state.lang == moved and d.state.recording_consent is False
    assert reply.says[0] == prompt("sanitaer-notdienst", "consent_declined", moved)


@pytest.mark.parametrize(
    ("answer", "lang"),
    [("Yes, that's fine.", "en"), ("yeah ok", "en"), ("Ja, gerne.", "de"), ("Yeah.", None), ("No.", "en")],
)
def test_only_more_than_one_word_of_yes_tells_the_language(answer, lang):
    assert answers.answer_language(load_pack("sanitaer-notdienst"), answer) == lang


# --- a weekday with the day of the month -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "dates"),
    [
        ("de", "am besten Freitag, den 18., vormittags", ["2026-12-18"]),
        ("de", "Freitag den 18.", ["2026-12-18"]),
        ("de", "geht Montag, 14. Dezember?", ["2026-12-14"]),
        ("en", "Could you do Friday the 18th, in the morning?", ["2026-12-18"]),
        ("en", "on Monday the 14th", ["2026-12-14"]),
        ("en", "Friday, December 18", ["2026-12-18"]),
        # the day of the month wins over a weekday that does not fit it: what was read off a calendar
        ("en", "Thursday the 18th", ["2026-12-18"]),
    ],
)
def test_a_weekday_with_its_day_of_the_month_is_that_day(lang, said, dates):
    assert extract_when(said, lang, SUNDAY)[0] == dates


@pytest.mark.parametrize(
    ("lang", "said", "dates"),
    [
        ("de", "ab dem 18. bitte", ["2026-12-18"]),
        ("en", "could we book it for the 18th", ["2026-12-18"]),
        ("de", "mit dem 3. Kind", []),
        ("en", "we're on the 3rd floor", []),
    ],
)
def test_the_day_of_the_month_after_a_preposition_is_a_date(lang, said, dates):
    assert extract_when(said, lang, SUNDAY)[0] == dates


# --- a range of days ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "dates"),
    [
        ("de", "am liebsten zwischen dem 14. und dem 16.", ["2026-12-14", "2026-12-16"]),
        ("de", "zwischen dem 4. und dem 8. Januar", ["2027-01-04", "2027-01-08"]),
        ("de", "vom 30. bis 2. Januar", ["2026-12-30", "2027-01-02"]),
        ("en", "Could it be between the 14th and the 16th?", ["2026-12-14", "2026-12-16"]),
        ("en", "delivered between the 3rd and the 5th of January please", ["2027-01-03", "2027-01-05"]),
        ("en", "from the 21st to the 23rd", ["2026-12-21", "2026-12-23"]),
    ],
)
def test_a_range_of_days_keeps_its_first_and_last_day(lang, said, dates):
    assert extract_when(said, lang, SUNDAY)[0] == dates


@pytest.mark.parametrize(("lang", "said"), [("de", "zwischen 14 und 16 Uhr"), ("en", "between 2 and 4 pm")])
def test_a_range_of_hours_is_still_no_range_of_days(lang, said):
    dates, times, _ = extract_when(said, lang, SUNDAY)
    assert (dates, times) == ([], ["14:00", "16:00"])


# --- feasts --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "dates"),
    [
        ("de", "Nach Ostern wäre gut, vorher sind wir im Urlaub.", ["2027-W13"]),  # Easter 2027: 28 March
        ("en", "not before Easter, sometime after Easter would be great", ["2027-W13"]),
        ("de", "über Weihnachten", ["2026-12-25"]),
        ("en", "over Christmas", ["2026-12-25"]),
        ("de", "am Karfreitag", ["2027-03-26"]),
        ("en", "on Good Friday", ["2027-03-26"]),
    ],
)
def test_a_feast_is_a_time(lang, said, dates):
    assert extract_when(said, lang, SUNDAY)[0] == dates


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Frohe Ostern!"),
        ("de", "unsere Weihnachtsfeier im Hotel"),
        ("en", "our company Christmas party on the 19th"),
        ("en", "for the Christmas party"),
    ],
)
def test_a_feast_named_without_a_time_is_none(lang, said):
    assert not [d for d in extract_when(said, lang, SUNDAY)[0] if d != "2026-12-19"]


# --- an appointment asked for beside a quote ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Hallo, ich wollte einen Termin ausmachen, äh, wir brauchen ein Angebot für ein neues Bad."),
        ("en", "Hi, I wanted to book an appointment, um, we need a quote for a new bathroom."),
        ("en", "Hello, I'd like to make an appointment, we want a quote for a new boiler."),
    ],
)
def test_an_appointment_asked_for_beside_a_quote_is_an_appointment(lang, said):
    d = call("sanitaer-notdienst", lang)
    d.hear("Ja." if lang == "de" else "Yes, that's fine.")
    reply = d.hear(said)
    assert d.state.intent == "appointment"
    assert reply.says == [prompt("sanitaer-notdienst", "appointment_ask_when", lang)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Ich muss meinen Termin am Dienstag absagen, bitte rufen Sie mich zurück."),
        ("en", "I need to cancel my appointment on Tuesday, please call me back."),
        ("de", "Ich habe morgen einen Termin bei Frau Dr. Berg, bitte sagen Sie ihr, dass ich später komme."),
        ("en", "I have an appointment with Dr Berg tomorrow, please tell her I'll be late."),
    ],
)
def test_a_message_about_an_appointment_already_made_stays_a_message(lang, said):
    assert not answers.asks_appointment(said)


# --- the catalogue's service booked for a time --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "duration"),
    [
        ("de", "Moin, wir brauchen für unsere Baustelle eine Bewachung übers Wochenende, also von Freitag, den 18., "
               "abends bis Montag früh.", "ein Wochenende"),
        ("en", "Hi, we need a security guard for our building site over the weekend, from Friday the 18th in the "
               "evening until Monday morning.", "ein Wochenende"),
    ],
)
def test_a_guard_for_a_weekend_from_a_date_is_a_booking_of_the_catalogue(lang, said, duration):
    d = dated_call("sicherheitsdienst-nord", lang)
    d.hear("Ja." if lang == "de" else "Yes, that's fine.")
    reply = d.hear(said)
    assert items(d) == [("SEC-OBJEKT-NACHT", 1, {"duration": duration})]
    assert reply.says == [prompt("sicherheitsdienst-nord", "order_ask_more", lang)]
    assert "2026-12-18" in d.state.when


@pytest.mark.parametrize(
    ("lang", "said", "line"),
    [
        ("de", "Wir sind zwischen dem 21. und dem 23. nicht im Haus. Können Sie da eine Kontrollfahrt machen, "
               "einmal pro Nacht?", ("SEC-REVIER", 1, {"frequency": "einmal pro Nacht"})),
        ("en", "We're away between the 21st and the 23rd. Could you do a patrol visit then, twice a night?",
         ("SEC-REVIER", 1, {"frequency": "zweimal pro Nacht"})),
    ],
)
def test_patrols_for_days_said_are_a_booking_of_the_catalogue(lang, said, line):
    d = dated_call("sicherheitsdienst-nord", lang)
    d.hear("Ja." if lang == "de" else "Yes, that's fine.")
    d.hear(said)
    assert d.state.phase != "message" and items(d) == [line]
    assert d.state.when[:2] == ["2026-12-21", "2026-12-23"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Wir überlegen, unsere Alarmanlage aufschalten zu lassen. Kann jemand am Montag, den 14., zur "
               "Besichtigung vorbeikommen?"),
        ("en", "Hi, we're thinking about alarm monitoring for our shop. Could someone come for the free site visit "
               "on Monday the 14th?"),
    ],
)
def test_a_site_visit_for_a_catalogue_service_stays_an_appointment(lang, said):
    d = dated_call("sicherheitsdienst-nord", lang)
    d.hear("Ja." if lang == "de" else "Yes, that's fine.")
    d.hear(said)
    assert d.state.order == [] and d.state.intent == "appointment"
    assert d.state.when == ["2026-12-14"]


# --- a question beside a request ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "topic"),
    [
        ("de", "Kann übernächste Woche jemand vorbeikommen und sich unseren tropfenden Wasserhahn ansehen? Und was "
               "kostet bei Ihnen die Anfahrt?", "preise"),
        ("en", "Can I get someone out to look at a dripping tap in the bathroom, the week after next? And how much "
               "is your call-out fee?", "preise"),
    ],
)
def test_a_question_beside_an_appointment_is_answered_and_the_appointment_taken(lang, said, topic):
    d = dated_call("sanitaer-notdienst", lang)
    d.hear("Ja." if lang == "de" else "Yes, that's fine.")
    reply = d.hear(said)
    pack = load_pack("sanitaer-notdienst")
    answer = next(i for i in pack.info if i.id == topic).answer[lang]
    assert reply.says == [" ".join(answer.split()), prompt("sanitaer-notdienst", "ask_callback", lang)]
    assert d.state.intent == "appointment" and d.state.when == ["2026-W51"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Was kostet bei Ihnen ein Wachmann pro Stunde? Und können wir einen für Samstagnacht buchen, für unser "
               "Lager?"),
        ("en", "How much is a night guard per hour? And can we book one for next Saturday night, for our warehouse?"),
    ],
)
def test_a_price_asked_beside_a_booking_is_answered_and_the_booking_taken(lang, said):
    d = dated_call("sicherheitsdienst-nord", lang)
    d.hear("Ja." if lang == "de" else "Yes, that's fine.")
    reply = d.hear(said)
    assert items(d) == [("SEC-OBJEKT-NACHT", 1, {"duration": "eine Nacht"})]
    assert reply.says[-1] == prompt("sicherheitsdienst-nord", "order_ask_more", lang)
    assert len(reply.says) == 2  # the price first


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Was würde ein neues Bad kosten? Rufen Sie mich bitte zurück."),
        ("en", "What are your opening hours? I was just wondering."),
    ],
)
def test_a_question_with_no_request_beside_it_is_not_split(lang, said):
    d = dated_call("sanitaer-notdienst", lang)
    d.hear("Ja." if lang == "de" else "Yes, that's fine.")
    d.hear(said)
    assert d.state.intent != "appointment" and d.state.order == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Hallo, ich bräuchte ein Nasenspray für Erwachsene. Können Sie mir das bis Samstag früh zurücklegen? "
               "Ich hole es dann ab."),
    ],
)
def test_a_request_said_as_a_question_is_no_question_for_the_pack(lang, said):
    """ "bis Samstag" holds an opening-hours word: the hours were read out before the reservation went on."""
    d = dated_call("apotheke-am-markt", lang, now=datetime(2026, 12, 7, 10, 0))
    reply = d.hear(said)
    assert reply.says == [prompt("apotheke-am-markt", "order_ask_more", lang)]
    assert items(d) == [("APO-NASENSPRAY", 1, {"dose": "für Erwachsene"})]


@pytest.mark.parametrize(
    ("lang", "said", "message"),
    [
        ("de", "Was kostet eine Erstberatung? Und ich hätte gern einen Termin nächste Woche Dienstag, wegen meiner "
               "Mieterhöhung.", "ich hätte gern einen Termin"),
        ("en", "Hi, what are your office hours on Fridays? And I'd like to come in for an initial consultation next "
               "Friday afternoon.", "I'd like to come in"),
    ],
)
def test_the_question_answered_is_no_part_of_the_appointment_taken(lang, said, message):
    d = dated_call("kanzlei-berg", lang, now=datetime(2026, 12, 7, 10, 0))
    reply = d.hear(said)
    assert len(reply.says) == 2 and reply.says[-1] == prompt("kanzlei-berg", "ask_callback", lang)
    assert d.state.message is not None and d.state.message.startswith(message)
