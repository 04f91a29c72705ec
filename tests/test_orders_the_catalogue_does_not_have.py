"""Found by calling as a new user (sixteenth session): an order of something the catalogue does not have.

A pharmacy caller asking for their prescription medicine ("mein Rezept für Ramipril") was told twice that the
item is not in the range and then handed over for misunderstanding, with nothing of what they wanted written down.
Now the second answer that names no catalogue item takes the caller's words as a message for the team (the pack's
`order_as_message`), with the callback number and name, read back and stored. And "nein danke, doch nicht" to
"what would you like to order?" is no misunderstanding: nothing is ordered, and the bot asks whether there is
anything else. Both languages, the real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt

PHARMACY = "apotheke-am-markt"
PLUMBER = "sanitaer-notdienst"


def _asked_to_order(client: str, lang: str):
    d = call(client, lang)
    if d.state.phase == "consent":
        d.hear("ja" if lang == "de" else "yes")
    reply = d.hear("Ich möchte etwas bestellen." if lang == "de" else "I'd like to order something.")
    assert reply.says[-1] == prompt(client, "order_ask_items", lang)
    return d


@pytest.mark.parametrize(
    ("client", "lang", "first", "second"),
    [
        (PHARMACY, "de", "Candesartan acht Milligramm", "das nehme ich seit Jahren, das ist auf Rezept"),
        (PLUMBER, "de", "einen Messingflansch für eine alte Armatur", "die ist von Kludi, aus den Neunzigern"),
        (PLUMBER, "en", "a brass flange for an old mixer", "it's from Kludi, a nineties model"),
    ],
)
def test_twice_nothing_of_the_catalogue_goes_to_the_team_as_a_message(client, lang, first, second):
    d = _asked_to_order(client, lang)
    reply = d.hear(first)
    assert reply.says[-1] == prompt(client, "order_item_unknown", lang)
    reply = d.hear(second)
    assert reply.says[0] == prompt(client, "order_as_message", lang)
    assert prompt(client, "not_understood", lang) not in reply.says
    assert d.state.phase == "collect" and d.state.after_collect == "message"
    assert first in (d.state.message or "") and second in (d.state.message or "")
    assert d.state.handoff_reason != "failures"


@pytest.mark.parametrize(
    ("client", "lang", "said"),
    [
        (PLUMBER, "de", "nein danke, doch nicht"),
        (PHARMACY, "de", "ach, vergessen Sie es"),
        (PLUMBER, "en", "never mind, nothing"),
        (PLUMBER, "en", "no thanks, that's all"),
    ],
)
def test_nothing_ordered_after_all_is_no_misunderstanding(client, lang, said):
    d = _asked_to_order(client, lang)
    reply = d.hear(said)
    assert reply.says == [prompt(client, "anything_else", lang)]
    assert d.state.phase == "anything_else" and not d.state.order
