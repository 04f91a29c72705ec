"""Issue 11 section 5: a caller who asks about something first and then orders it by a pronoun. "What are your
prices for a guard at a wedding on the 12th of June?" answered, then "ok, then I'd like to book one" was not
understood (English) or taken as a message (German: "gut, dann möchte ich einen buchen"); now it books what was
asked about, and keeps the day said in the question beside the hours said after it. Both languages, the real
`Dialogue` with the shipped security and IT packs and classifier.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call
from triage.brain import answers

SECURITY = "sicherheitsdienst-nord"
IT = "it-service-hansa"
ASK = {
    "en": "Hi, what are your prices for a guard at a wedding on the 12th of June?",
    "de": "Was kostet bei Ihnen ein Wachmann für eine Hochzeit am 12. Juni?",
}


@pytest.mark.parametrize(
    ("lang", "book"),
    [
        ("en", "ok, then I'd like to book one"),
        ("en", "great, can I book one from 6pm to 2am?"),
        ("de", "gut, dann möchte ich einen buchen, von 18 bis 2 Uhr"),
        ("de", "Dann buche ich einen."),
    ],
)
def test_book_one_after_asking_the_price_books_what_was_asked_about(lang, book):
    d = call(SECURITY, lang)
    d.hear("yes" if lang == "en" else "ja")
    d.hear(ASK[lang])
    assert d.state.phase == "anything_else"  # the question answered from the pack
    d.hear(book)
    assert d.state.misunderstood == 0
    assert d.state.intent == "place_order" and [line.sku for line in d.state.order] == ["SEC-OBJEKT-NACHT"]
    assert d.state.after_collect != "message" and not d.state.message


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_day_of_the_question_stays_beside_the_hours_of_the_booking(lang):
    d = call(SECURITY, lang)
    d.hear("yes" if lang == "en" else "ja")
    d.hear(ASK[lang])
    book = {"en": "ok, then I'd like to book one from 6pm to 2am", "de": "gut, dann buche ich einen, von 18 bis 2 Uhr"}
    d.hear(book[lang])
    assert d.state.when[1:] == ["18:00", "02:00"] and d.state.when[0].endswith("-06-12")
    assert d.state.order[0].options  # across midnight on one day: the item's one night


@pytest.mark.parametrize(
    ("lang", "question", "order"),
    [
        ("en", "how much is a monitor?", "ok, I'll take two"),
        ("de", "Was kostet bei Ihnen ein Monitor?", "dann nehme ich zwei"),
    ],
)
def test_taking_some_of_an_item_asked_about(lang, question, order):
    d = call(IT, lang)
    d.hear(question)
    assert d.state.phase == "anything_else" and not d.state.order  # answered from the pack, nothing ordered yet
    d.hear(order)
    assert [(line.sku, line.qty) for line in d.state.order] == [("IT-MONITOR", 2)]


@pytest.mark.parametrize(
    "said",
    [
        "I have one more question",
        "can I have one of your brochures",
        "I'll order it online then",
        "dann nehme ich das mal so hin",
        "haben Sie einen Moment",
        "ich nehme das Angebot nicht an",
    ],
)
def test_words_of_taking_that_order_nothing(said):
    assert answers.orders_the_one_asked(said) is None
