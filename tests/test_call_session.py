"""A call around the pure dialogue: the promise is stored before it is spoken, and failures reach a human."""

from __future__ import annotations

from sqlalchemy import text

from triage.brain.dialogue import Dialogue
from triage.brain.model import TextModel, default_model_dir
from triage.calls.session import CallSession
from triage.packs.load import load_pack
from triage.store.db import engine_for
from triage.store.repo import open_store

ORDER = [
    "ich hätte gern zwei hustensaft",
    "zum schleimlösen",
    "nein das wars",
    "abholen",
    "schmidt",
    "ja",
    "0151 2233445",
    "ja",
]


def session(tmp_path, name: str) -> tuple[CallSession, str]:
    url = f"sqlite:///{tmp_path / name}"
    model = TextModel.load(default_model_dir())
    return CallSession(Dialogue(load_pack("apotheke-am-markt"), model), open_store(url)), url


def test_the_order_is_in_the_database_when_the_caller_hears_it_is_taken(tmp_path):
    call, url = session(tmp_path, "ok.db")
    call.greet()
    for turn in ORDER:
        call.hear(turn)
    reply = call.hear("ja")
    assert "Bestellung ist aufgenommen" in reply.text
    with engine_for(url).connect() as db:
        assert db.execute(text("select count(*) from orders")).scalar() == 1


def test_when_storing_fails_the_caller_is_not_told_it_worked_but_goes_to_a_human(tmp_path):
    call, url = session(tmp_path, "broken.db")
    call.greet()
    for turn in ORDER:
        call.hear(turn)
    with engine_for(url).begin() as db:
        db.execute(text("drop table orders"))  # the database loses the table mid-call
    reply = call.hear("ja")
    assert "Bestellung ist aufgenommen" not in reply.text
    assert "technisches Problem" in reply.text and "Mitarbeiter" in reply.text
    assert reply.end and call.dialogue.state.outcome.type == "handoff"


def test_a_crash_inside_the_dialogue_hands_the_caller_over(tmp_path, monkeypatch):
    call, _ = session(tmp_path, "crash.db")
    call.greet()

    def broken(*args, **kwargs):
        raise RuntimeError("engine failure")

    monkeypatch.setattr(call.dialogue, "_decide", broken)  # a bug anywhere in the brain
    reply = call.hear("ich hätte gern nasenspray")
    assert "technisches Problem" in reply.text
    assert call.dialogue.state.outcome.handoff_reason == "error"


def test_words_heard_after_the_caller_pressed_0_do_not_end_the_call(tmp_path):
    """A DTMF key reaches the brain at once; a spoken turn only after speech recognition. When the
    caller talks and then presses 0, the key can win: the turn that arrives afterwards must not end
    a call that now waits for a human (it did: the console's "take call" then found no caller)."""
    call, url = session(tmp_path, "race.db")
    call.greet()
    handed_over = call.dtmf("0")
    assert handed_over.outcome.type == "handoff" and handed_over.end
    late = call.hear("ich hätte gern nasenspray")
    assert late.says == [] and not late.end and late.outcome is None
    with engine_for(url).connect() as db:
        assert db.execute(text("select count(*) from handoffs")).scalar() == 1



def test_the_call_row_keeps_the_language_the_call_switched_to(tmp_path):
    """A call starts in the pack's first language (German) and follows an English caller: the stored call
    says English, as the agent and the reports need it."""
    url = f"sqlite:///{tmp_path / 'switch.db'}"
    call = CallSession(Dialogue(load_pack("kanzlei-berg"), TextModel.load(default_model_dir())), open_store(url))
    call.greet()
    assert call.dialogue.state.lang == "de"
    call.hear("Hello, I would like to leave a message for Mr Berg please")
    assert call.dialogue.state.lang == "en"
    call.hangup()
    with engine_for(url).connect() as db:
        assert db.execute(text("select language from calls")).scalar() == "en"
