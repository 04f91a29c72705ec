"""Fifth round of callers' words as Whisper base writes them after the 8 kHz phone line (`triage eval-calls
--spoken`, README "Whole text calls, spoken"): the callback number. Whisper marks a pause inside a number with "..."
or "?", writes the whole number (or its area code) twice, writes "two" as "to", and hears a digit or a group twice
or loses one, so the digits it wrote make no number of the caller's country. The sentences are written the way
Whisper writes such numbers, not copied from a run; the German ones are the same thing as Whisper writes it in
German (and as a caller says it). Look-alikes that must stay as they were sit beside them.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import prompt
from tests.test_spoken_families import dated_call
from triage.brain.extract.phone import extract_phone, plausible_phone


def _prompt(key: str, lang: str, **variables: str) -> str:
    return prompt("kanzlei-berg", key, lang, **variables)


# --- a pause inside the number written "...", "…", "?" or "!" ----------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "number"),
    [
        ("en", "0171... 234... 5678.", "01712345678"),
        ("en", "Oh one seven one... two three four... five six seven eight.", "01712345678"),
        ("en", "It's 0160? 2211, 3344.", "016022113344"),
        ("en", "0421… 4455667", "04214455667"),
        ("de", "0171... 234... 5678.", "01712345678"),
        ("de", "Null eins sieben eins... zwei drei vier... fünf sechs sieben acht.", "01712345678"),
        ("de", "Das ist die 040? 8877 6655.", "04088776655"),
    ],
)
def test_a_pause_written_inside_a_number_keeps_it_one_number(lang, heard, number):
    assert extract_phone(heard, lang, expecting=True) == number


# --- the whole number, or its area code, written twice -----------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "number"),
    [
        ("en", "0157 3456 7890. 0157 3456 7890.", "015734567890"),
        ("en", "01712345678 01712345678", "01712345678"),
        ("en", "zero one seven one, zero one seven one, two three four, five six seven eight", "01712345678"),
        ("en", "It's 040, 040 8877 6655.", "04088776655"),
        ("de", "0157 3456 7890. 0157 3456 7890.", "015734567890"),
        ("de", "null eins sieben eins, null eins sieben eins, zwei drei vier, fünf sechs sieben acht", "01712345678"),
        ("de", "Die Nummer ist 040, 040 8877 6655.", "04088776655"),
    ],
)
def test_a_number_written_twice_is_the_number_once(lang, heard, number):
    assert extract_phone(heard, lang, expecting=True) == number


@pytest.mark.parametrize(
    ("lang", "said", "number"),
    [
        ("en", "0176 9090 8080", "017690908080"),  # groups that repeat in a number that has them
        ("de", "0176 90 90 80 80", "017690908080"),
        ("en", "0421 777 888", "0421777888"),
        ("de", "040 123 123", "040123123"),
    ],
)
def test_a_number_whose_groups_repeat_stays(lang, said, number):
    assert extract_phone(said, lang, expecting=True) == number


# --- "two" written "to"; "zweimal die Sieben" -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "number"),
    [
        ("en", "zero one seven one to three four, five six seven eight", "01712345678"),
        ("en", "0160 too 2113344", "016022113344"),
        ("de", "0171 zweimal die Sieben 34567", "01717734567"),
        ("de", "Null eins sieben eins, dreimal die Acht, eins zwei drei vier", "01718881234"),
        ("de", "0171 2 mal die 7 34567", "01717734567"),
    ],
)
def test_a_digit_written_as_its_homophone_or_said_n_times(lang, heard, number):
    assert extract_phone(heard, lang, expecting=True) == number


@pytest.mark.parametrize(
    ("lang", "said", "number"),
    [
        ("en", "I want to call 0171 2345678", "01712345678"),
        ("en", "call me on 0421 556677 to 10 pm", "0421556677"),
        ("de", "Wir brauchen das zweimal die Woche, meine Nummer ist 0171 2345678", "01712345678"),
    ],
)
def test_to_and_zweimal_outside_a_number_stay_words(lang, said, number):
    assert extract_phone(said, lang, expecting=True) == number


# --- a number its country has not: asked again, in groups ---------------------------------------------------------
@pytest.mark.parametrize(
    "number",
    ["0176554043322", "015734567800199", "0112112233", "+4917612345678901", "+44 20 7946 09581".replace(" ", "")],
)
def test_no_number_of_its_country_is_no_callback_number(number):
    assert not plausible_phone(number)


@pytest.mark.parametrize("number", ["01712345678", "015734567890", "040223344", "0421777888", "+442079460958"])
def test_numbers_of_their_country_stay_plausible(number):
    assert plausible_phone(number)


_MESSAGE = {
    "en": "Hi, I'd like to leave a message for Mr. Berg about my employment contract. Please call me back.",
    "de": "Hallo, ich möchte eine Nachricht für Herrn Berg hinterlassen, wegen meines Arbeitsvertrags. Bitte rufen "
    "Sie mich zurück.",
}


@pytest.mark.parametrize(
    ("lang", "heard", "groups", "number"),
    [
        # a group heard twice, a stray digit: 13 and 15 digits
        ("en", "017-655-40-433-22.", ["0176", "55 44", "33 22"], "017655443322"),
        ("en", "0157-3456-7800-199", ["oh one five seven", "three four five six", "seven eight nine zero"],
         "015734567890"),
        # the leading "oh" lost and "seven" with it: a start no callback number has
        ("en", "112-112-233", ["0172", "112", "233"], "0172112233"),
        ("de", "0176 55 40 433 22.", ["null eins sieben sechs", "55 44", "33 22"], "017655443322"),
        ("de", "0157 3456 7800 199", ["0157", "3456", "7890"], "015734567890"),
        ("de", "112-112-233", ["null eins sieben zwei", "eins eins zwei", "zwei drei drei"], "0172112233"),
    ],
)
def test_a_number_its_country_has_not_is_asked_again_in_groups(lang, heard, groups, number):
    """The call read back "0 1 7 6 5 5 4 0 4 3 3 2 2" (or "0 1 1 2 …") and stored it when the caller said yes."""
    d = dated_call("kanzlei-berg", lang)
    d.hear(_MESSAGE[lang])
    reply = d.hear(heard)
    assert reply.says == [_prompt("ask_callback_groups", lang)]
    assert d.state.phone is None
    for group in groups[:-1]:
        assert d.hear(group).says[0].startswith(_prompt("phone_continue", lang, phone="0").split("0")[0])
    d.hear(groups[-1])
    assert d.state.phone == number
    assert d.state.confirming == "phone"


@pytest.mark.parametrize(
    ("lang", "heard", "yes"),
    [("en", "0176 98980", "Yes."), ("en", "017698980", "That's it."), ("de", "0176 98980", "Ja."),
     ("de", "null eins sieben sechs neun acht neun acht null", "Das war's.")],
)
def test_a_mobile_number_too_short_is_not_taken_on_a_yes(lang, heard, yes):
    """ "I have 0 1 7 6 9 8 9 8 0 so far. How does the number go on?" - "Yes.": the nine digits were read back as the
    callback number and stored; no mobile number is so short."""
    d = dated_call("kanzlei-berg", lang)
    d.hear(_MESSAGE[lang])
    d.hear(heard)
    assert d.state.phone_fragment is not None
    reply = d.hear(yes)
    assert reply.says == [_prompt("ask_callback_groups", lang)]
    assert d.state.phone is None and d.state.phone_fragment is None
    d.hear("0176 9090 8080")
    assert d.state.phone == "017690908080"


@pytest.mark.parametrize(
    ("lang", "short", "yes"), [("en", "040 1234567", "Yes."), ("de", "2345678", "Ja, das war's.")]
)
def test_a_landline_or_local_number_is_still_taken_on_a_yes(lang, short, yes):
    d = dated_call("kanzlei-berg", lang)
    d.hear(_MESSAGE[lang])
    d.hear(short)
    assert d.state.phone == short.replace(" ", "") or d.state.phone_fragment is not None
    if d.state.phone_fragment is not None:
        d.hear(yes)
    assert d.state.phone == short.replace(" ", "")


@pytest.mark.parametrize(
    ("lang", "number", "no", "again"),
    [("en", "0171 2345687", "No.", "0171... 234... 5678."), ("en", "0171 2345687", "No, that's wrong.", "0171"),
     ("de", "0171 2345687", "Nein.", "null eins sieben eins... zwei drei vier... fünf sechs sieben acht."),
     ("de", "0171 2345687", "Nein, das stimmt nicht.", "0171")],
)
def test_a_number_denied_at_its_read_back_is_asked_again_in_groups(lang, number, no, again):
    d = dated_call("kanzlei-berg", lang)
    d.hear(_MESSAGE[lang])
    d.hear(number)
    assert d.state.confirming == "phone"
    reply = d.hear(no)
    assert reply.says == [_prompt("ask_callback_groups", lang)]
    assert d.state.phone is None
    d.hear(again)
    if again == "0171":
        for group in ("234", "5678"):
            d.hear(group)
    assert d.state.phone == "01712345678"
    assert d.state.confirming == "phone"
