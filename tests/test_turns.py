"""When a caller's turn ends, decided from their words so far (brain/turns.py), in text.

The fragments are the ones real Whisper wrote for real pauses (issue 10): a dictated number cut at
its commas, an address before its house number, and the short answers that must end at once.
"""

from __future__ import annotations

import pytest

from triage.brain.turns import (
    DICTATION_SECS,
    END_OF_TURN_MIN_SILENCE_SECS,
    SURE_END_MIN_SILENCE_SECS,
    SURE_END_PROBABILITY,
    turn_hold,
)

PHONE = frozenset({"phone"})
ADDRESS = frozenset({"address"})
YES_NO = frozenset({"yes_no"})


@pytest.mark.parametrize(
    "so_far",
    [
        "You can reach me on 0176.",
        "You can reach me on 0176. 5555",
        "You can reach me on zero one seven six,",
        "Meine Nummer ist null eins sieben sechs",
        "Meine Nummer lautet",
        "0176-555",
    ],
)
def test_a_phone_number_with_too_few_digits_waits_for_the_rest(so_far: str) -> None:
    hold = turn_hold(so_far, PHONE)
    assert hold.seconds >= DICTATION_SECS and not hold.ends_now


def test_a_whole_phone_number_ends_soon_and_a_sentence_after_it_at_once() -> None:
    grouped = turn_hold("You can reach me on 0176. 5555 1, 2, 3, 4.", PHONE)
    assert 0 < grouped.seconds < DICTATION_SECS  # eleven digits, but callers add an extension
    assert turn_hold("0176 5551234, that's my mobile.", PHONE).seconds == 0


@pytest.mark.parametrize("so_far", ["Ich wohne in der Hauptstraße", "It's on Baker Street,", "Hauptstraße"])
def test_an_address_without_a_house_number_waits(so_far: str) -> None:
    assert turn_hold(so_far, ADDRESS).seconds >= DICTATION_SECS


def test_an_address_ending_on_its_number_may_go_on_with_the_town() -> None:
    hold = turn_hold("Hauptstraße 12,", ADDRESS)
    assert 0 < hold.seconds < DICTATION_SECS
    assert turn_hold("Hauptstraße 12 in Berlin.", ADDRESS).seconds == 0


@pytest.mark.parametrize("so_far", ["16 Harbour Road", "No, it's 16 Harbor Road.", "Twelve Baker Street."])
def test_a_street_and_number_without_the_town_may_go_on(so_far: str) -> None:
    """Whisper drops the comma of "Sixteen Harbour Road, Hamburg": the pause before the town must not end
    the turn (it did in the voice suite, and the bot read back the address without its town)."""
    assert 0 < turn_hold(so_far, ADDRESS).seconds < DICTATION_SECS
    assert turn_hold(f"{so_far.rstrip('.')} Hamburg", ADDRESS).seconds == 0


@pytest.mark.parametrize(
    "answer", ["Yes.", "Ja.", "Ja, gerne.", "No.", "Nein.", "Yes, that's it.", "Genau, das ist es."]
)
@pytest.mark.parametrize("expecting", [YES_NO, PHONE, ADDRESS, frozenset()])
def test_a_short_answer_ends_at_once_whatever_is_awaited(answer: str, expecting: frozenset[str]) -> None:
    hold = turn_hold(answer, expecting)
    assert hold.ends_now and hold.seconds == 0 and hold.end_silence == 0


@pytest.mark.parametrize(
    "so_far",
    # where real speakers paused inside one sentence and Smart Turn said "done" (tests/measure_pause_cap.py)
    ["das wichtigste Mittel im Umgang mit Menschen.", "Das Thailand eines Benutzerkontos", "My heating is broken."],
)
def test_a_turn_that_is_not_a_short_answer_waits_out_a_pause_smart_turn_ends(so_far: str) -> None:
    assert turn_hold(so_far, frozenset()).end_silence == END_OF_TURN_MIN_SILENCE_SECS
    assert turn_hold("Bei mir läuft Wasser und", frozenset()).end_silence > END_OF_TURN_MIN_SILENCE_SECS


@pytest.mark.parametrize("so_far", ["My heating is broken.", "Bei mir ist die Heizung ausgefallen."])
def test_a_whole_sentence_smart_turn_is_sure_of_ends_after_a_shorter_silence(so_far: str) -> None:
    hold = turn_hold(so_far, frozenset())
    assert hold.end_silence_after(SURE_END_PROBABILITY) == SURE_END_MIN_SILENCE_SECS < END_OF_TURN_MIN_SILENCE_SECS
    assert hold.end_silence_after(SURE_END_PROBABILITY - 0.01) == END_OF_TURN_MIN_SILENCE_SECS
    assert hold.end_silence_after(None) == END_OF_TURN_MIN_SILENCE_SECS


@pytest.mark.parametrize(("so_far", "expecting"), [("Bei mir läuft Wasser und", frozenset()),
                                                   ("zero one seven six", PHONE), ("Goethestraße", ADDRESS)])
def test_words_that_are_not_done_wait_however_sure_smart_turn_is(so_far: str, expecting: frozenset[str]) -> None:
    hold = turn_hold(so_far, expecting)
    assert hold.end_silence_after(0.999) == hold.end_silence > END_OF_TURN_MIN_SILENCE_SECS


def test_a_sentence_cut_on_a_joining_word_waits_even_when_nothing_is_awaited() -> None:
    assert turn_hold("Bei mir läuft Wasser und", frozenset()).seconds > 0
    assert turn_hold("My heating is broken,", frozenset()).seconds > 0
    assert turn_hold("My heating is broken.", frozenset()).seconds == 0


def test_nothing_heard_leaves_the_turn_to_the_detector() -> None:
    assert turn_hold("", PHONE).seconds == 0
    assert turn_hold("ähm", PHONE).seconds == 0


@pytest.mark.parametrize(
    ("words", "still_dictating"),
    [
        ("You can reach me on 0176 55555", True),  # "five five five" heard as five fives: 9 digits, not done
        ("Meine Nummer ist 030 1234567", False),  # ten digits with the area code: may end after a short pause
        ("+49 176 5551234", False),
    ],
)
def test_a_number_dialled_with_its_area_code_needs_ten_digits_before_the_turn_may_end(words, still_dictating):
    hold = turn_hold(words, frozenset({"phone"}))
    assert (hold.seconds == DICTATION_SECS) is still_dictating, hold


NAME_READ_BACK = frozenset({"yes_no", "name"})


@pytest.mark.parametrize(
    "so_far",
    [
        "No. Sir Jones S. A. R.",  # what Whisper wrote in the voice suite before the caller's breath (run B)
        "No, Sarah Jones, S, A, R",
        "Nein, Schmidt, S-C-H",
        "Müller, M wie Martha, Ü wie Übermut",
    ],
)
def test_a_name_being_spelled_waits_for_the_rest_of_its_letters(so_far: str) -> None:
    hold = turn_hold(so_far, NAME_READ_BACK)
    assert hold.seconds >= DICTATION_SECS and not hold.ends_now


def test_a_spelled_name_still_ends_and_words_after_it_end_at_once() -> None:
    """The caller's last letter is followed by silence: the turn ends after it, as a number's does; a
    single capital ("plan B") is no spelling."""
    assert turn_hold("No, Sarah Jones, S, A, R, A, H. That's it.", NAME_READ_BACK).seconds == 0
    assert turn_hold("I need plan B", frozenset()).seconds == 0
    assert turn_hold("Sarah Jones.", NAME_READ_BACK).seconds == 0
