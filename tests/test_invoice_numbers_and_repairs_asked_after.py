"""Two things callers say about their own business with the client, found by calling as a new user.

A message about an invoice: at the number question the caller said "the invoice number is 2024-117 and I think
you charged me twice", which was read back as the callback number "2 0 2 4 1 1 7" and lost from the message.
The number of an invoice, an order, a case or a ticket is never a piece of a callback number; the words are
more of the message, kept as a sentence of their own.

"Können Sie mir sagen, ob mein Laptop schon repariert ist?" to the IT service was taken for an order of the
catalogue's notebook ("Welche Ausführung möchten Sie bei Notebook?"): the model heard a question, and a
catalogue item in a question becomes an order. A device of the caller's asked after ("has it been fixed?",
"wie weit sind Sie mit meinem Rechner") is a status question, which the IT service hands to its team.
Both languages, the real `Dialogue` and extractors with the shipped packs and classifier.
"""

from __future__ import annotations

import pytest

from tests.caller_families import decide
from tests.dialogue_calls import call, prompt
from triage.brain.extract.phone import extract_phone, phone_digits

PLUMBER = "sanitaer-notdienst"
IT = "it-service-hansa"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "the invoice number is 2024-117 and I think you charged me twice"),
        ("en", "it's about order no. 5531"),
        ("de", "Auftragsnummer 4711"),
        ("de", "es geht um die Rechnung 2024-117, die ist doppelt"),
        ("de", "das Aktenzeichen ist 12 34 56"),
    ],
)
def test_the_number_of_a_paper_is_no_callback_number(lang, said):
    assert extract_phone(said, lang, expecting=True) is None
    assert phone_digits(said, lang) is None


@pytest.mark.parametrize(
    ("lang", "said", "number"),
    [
        ("en", "invoice 117, and my number is 0171 2345678", "01712345678"),
        ("de", "Rufnummer 0421 998877", "0421998877"),
        ("de", "0176.", None),
    ],
)
def test_a_callback_number_is_still_one(lang, said, number):
    assert extract_phone(said, lang, expecting=True) == number


@pytest.mark.parametrize(
    ("lang", "opening", "about_it"),
    [
        (
            "en",
            "hello, I'd like to leave a message for the boss please, it's about the invoice you sent me",
            "the invoice number is 2024-117 and I think you charged me twice for the call-out",
        ),
        (
            "de",
            "Guten Tag, ich möchte eine Nachricht für den Chef hinterlassen, es geht um Ihre Rechnung",
            "die Rechnungsnummer ist 2024-117 und Sie haben die Anfahrt zweimal berechnet",
        ),
    ],
)
def test_the_invoice_said_at_the_number_question_is_more_of_the_message(lang, opening, about_it):
    d = call(PLUMBER, lang)
    d.hear("yes" if lang == "en" else "ja")
    assert d.hear(opening).says == [prompt(PLUMBER, "ask_callback", lang)]
    reply = d.hear(about_it)
    assert d.state.phone is None and d.state.phone_fragment is None
    assert reply.says == [prompt(PLUMBER, "ask_callback", lang)]
    assert d.state.message.endswith(f". {about_it}")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Hallo, können Sie mir sagen, ob mein Laptop schon repariert ist? Ich hab ihn letzte Woche abgegeben"),
        ("de", "wie weit sind Sie mit meinem Rechner, der ist seit Montag bei Ihnen"),
        ("en", "I'm calling about the laptop I brought in, has it been fixed?"),
        ("en", "any news on the repair of my PC?"),
    ],
)
def test_a_repair_asked_after_is_no_order(lang, said):
    assert decide(said, IT).intent == "order_status"
    d = call(IT, lang)
    d.hear(said)
    assert not d.state.order
    assert d.state.phase not in ("order", "order_option")


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "Was kostet bei Ihnen ein Laptop?"), ("en", "do you sell docking stations? I need one for my laptop")],
)
def test_catalogue_questions_are_not_status_questions(lang, said):
    assert decide(said, IT).intent != "order_status"
