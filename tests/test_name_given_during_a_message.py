"""Issue 11 section 5, details given before they are asked: a caller leaving a message who says their name while
the bot asks for the number ("Lehmann, Julia Lehmann", "my name is Julia Lehmann") has it read back as the name.
It was kept as more of the message, and the name asked again later. More words of the message stay the message.
Both languages, the real `Dialogue` with the shipped law firm pack and classifier.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt

LAW = "kanzlei-berg"
MESSAGE = {
    "en": "Hi, I need to speak to Mr Berg about my divorce, can he call me back?",
    "de": "Guten Tag, eine Nachricht für Herrn Berg, er soll mich wegen der Scheidung zurückrufen",
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    "said", ["Lehmann, Julia Lehmann", "Julia Lehmann here", "my name is Julia Lehmann", "mein Name ist Julia Lehmann"]
)
def test_a_name_said_while_the_number_is_asked_is_read_back_as_the_name(lang, said):
    d = call(LAW, lang)
    asked = d.hear(MESSAGE[lang])
    assert asked.says == [prompt(LAW, "ask_callback", lang)]
    reply = d.hear(said)
    assert d.state.name == "Julia Lehmann"
    assert reply.says == [prompt(LAW, "confirm_name", lang, caller_name="Julia Lehmann")]
    assert "Lehmann" not in d.state.message
    d.hear("yes" if lang == "en" else "ja")
    assert d.hear("0151 4455667").says == [prompt(LAW, "confirm_callback", lang, phone="01514455667")]


@pytest.mark.parametrize(
    ("lang", "more"),
    [
        ("en", "and please tell him it's urgent, the hearing is soon"),
        ("de", "Ich möchte noch sagen, dass es dringend ist"),
    ],
)
def test_more_words_of_the_message_stay_the_message(lang, more):
    d = call(LAW, lang)
    d.hear(MESSAGE[lang])
    reply = d.hear(more)
    assert d.state.name is None and more in d.state.message
    # the number is asked next ("it's urgent" may first be acknowledged with the offer of a person)
    assert reply.says[-1] == prompt(LAW, "ask_callback", lang)
    assert prompt(LAW, "not_understood", lang) not in reply.says
