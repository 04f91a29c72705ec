"""A whole request Smart Turn keeps open ends after a shorter silence, never while a detail is
dictated (brain/turn_cap.py)."""

from __future__ import annotations

import pytest

from triage.brain.turn_cap import SENTENCE_SILENCE_SECS, WHOLE_REQUEST_SILENCE_SECS, silence_cap, whole_request


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        ("We must find a new home in the stars.", SENTENCE_SILENCE_SECS),  # a sentence Whisper closed
        ("Bei mir läuft Wasser aus der Decke.", SENTENCE_SILENCE_SECS),
        ("Können Sie heute noch kommen?", SENTENCE_SILENCE_SECS),
        ("My heating is broken", WHOLE_REQUEST_SILENCE_SECS),  # whole words, no full stop: longer
        ("And so my fellow Americans asked not", WHOLE_REQUEST_SILENCE_SECS),  # where JFK paused 1.1 s
        ("Meine Lieblingszahl ist die Sieben...", WHOLE_REQUEST_SILENCE_SECS),  # trailing off
    ],
)
def test_a_whole_request_gets_a_shorter_cap_when_no_detail_is_collected(text: str, cap: float) -> None:
    assert whole_request(text)
    assert silence_cap(text) == cap < WHOLE_REQUEST_SILENCE_SECS + 0.01
    assert silence_cap(text, frozenset({"yes_no"})) == cap
    assert SENTENCE_SILENCE_SECS < WHOLE_REQUEST_SILENCE_SECS


@pytest.mark.parametrize("expecting", ["phone", "address", "name", "when"])
def test_no_shorter_cap_while_a_detail_is_dictated(expecting: str) -> None:
    if expecting != "phone":  # a callback number is dictated only once a digit of it is said (below)
        assert silence_cap("We must find a new home in the stars.", frozenset({expecting})) is None
    assert silence_cap("Meine Nummer ist null eins sieben sechs", frozenset({expecting})) is None
    assert silence_cap("You can reach me on 0176 555", frozenset({expecting})) is None


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        ("We must find a new home in the stars.", SENTENCE_SILENCE_SECS),  # the bench's answer to it
        ("Moment, ich muss kurz nachschauen.", SENTENCE_SILENCE_SECS),
        ("I have to look it up", WHOLE_REQUEST_SILENCE_SECS),
        ("Also ich habe eine Handynummer", None),  # the digits come after a breath
        ("You can reach me on my mobile number", None),
        ("Die Nummer ist null eins sieben eins", None),
    ],
)
def test_asked_for_a_number_whole_words_without_a_digit_get_the_shorter_cap(text: str, cap: float | None) -> None:
    assert silence_cap(text, frozenset({"phone"})) == cap


@pytest.mark.parametrize(
    "text",
    [
        "Hallo",  # a start, not a request
        "Guten Tag, ich",  # ends on a subject waiting for its verb
        "The heating in my flat has",
        "Bei mir läuft Wasser aus der Decke und",  # ends on a joining word
        "My address is 16 Harbour Road,",  # ends on a comma
        "Yes, that's it.",  # a short answer ends at once anyway
        "",
    ],
)
def test_unfinished_words_and_short_answers_get_no_shorter_cap(text: str) -> None:
    assert silence_cap(text) is None
