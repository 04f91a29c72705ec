"""A whole request Smart Turn keeps open ends after a shorter silence, never while a detail is
dictated (brain/turn_cap.py)."""

from __future__ import annotations

import pytest

from triage.brain.turn_cap import WHOLE_REQUEST_SILENCE_SECS, silence_cap, whole_request


@pytest.mark.parametrize(
    "text",
    ["We must find a new home in the stars.", "Bei mir läuft Wasser aus der Decke.", "My heating is broken"],
)
def test_a_whole_request_gets_the_shorter_cap_when_no_detail_is_collected(text: str) -> None:
    assert whole_request(text)
    assert silence_cap(text) == WHOLE_REQUEST_SILENCE_SECS
    assert silence_cap(text, frozenset({"yes_no"})) == WHOLE_REQUEST_SILENCE_SECS


@pytest.mark.parametrize("expecting", ["phone", "address", "name", "when"])
def test_no_shorter_cap_while_a_detail_is_dictated(expecting: str) -> None:
    if expecting != "phone":  # a callback number is dictated only once a digit of it is said (below)
        assert silence_cap("We must find a new home in the stars.", frozenset({expecting})) is None
    assert silence_cap("Meine Nummer ist null eins sieben sechs", frozenset({expecting})) is None
    assert silence_cap("You can reach me on 0176 555", frozenset({expecting})) is None


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        ("We must find a new home in the stars.", WHOLE_REQUEST_SILENCE_SECS),  # the bench's answer to it
        ("Moment, ich muss kurz nachschauen.", WHOLE_REQUEST_SILENCE_SECS),
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
