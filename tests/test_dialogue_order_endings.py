"""Issue 11 section 5: how an order ends for a caller who cooperates. "No, that's really everything now." / "Nein, das
ist wirklich alles." said to "pick up or deliver?" is no misunderstanding; an option question that the caller cannot
answer is left open for the team after its second unanswered time; a guard booked by hours across midnight is one
night; door staff booked "from seven till midnight" keep the span; a booking from a pack with no pickup or delivery
stores no fulfilment. Each family in German and English, driving the real `Dialogue` with the shipped packs and
classifier, or the extractor it lives in.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain import answers

SECURITY = "sicherheitsdienst-nord"
YES = {"de": "ja", "en": "yes"}


# --- "that's really everything" to pickup-or-delivery ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "done"),
    [
        ("en", "No, that's really everything now."),
        ("en", "that's honestly it"),
        ("en", "No, that is really all, thanks."),
        ("de", "Nein, das ist wirklich alles."),
        ("de", "Das war's jetzt wirklich."),
        ("de", "nee, das ist jetzt echt alles"),
    ],
)
def test_really_everything_to_pickup_or_delivery_asks_only_what_is_needed(lang, done):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear("Ich möchte Teflonband bestellen." if lang == "de" else "I'd like to order some teflon tape.")
    asked = d.hear("nein danke" if lang == "de" else "no thanks")
    assert asked.says == [prompt("sanitaer-notdienst", "order_ask_fulfilment", lang)]
    reply = d.hear(done)
    assert d.state.misunderstood == 0, reply.says
    assert reply.says == [prompt("sanitaer-notdienst", "order_fulfilment_needed", lang)]
    d.hear("Zum Abholen." if lang == "de" else "I'll pick it up.")
    assert d.state.fulfilment == "pickup"


@pytest.mark.parametrize(
    "said",
    ["Das ist wirklich alles kaputt.", "das ist echt alles nass", "That's really all wrong.", "that's just it broken"],
)
def test_emphasis_words_before_a_complaint_are_no_end_of_the_order(said):
    assert not answers.is_done(said)
