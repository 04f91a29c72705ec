"""What the text tests of whole dialogues share: a call to a demo client that has been greeted, and a pack's
sentence as the caller would hear it."""

from __future__ import annotations

from tests.caller_families import model
from triage.brain.dialogue import Dialogue
from triage.packs.load import load_pack
from triage.packs.render import say


def call(client: str, lang: str) -> Dialogue:
    d = Dialogue(load_pack(client), model(), lang=lang)
    d.greet()
    return d


def prompt(client: str, key: str, lang: str, **variables) -> str:
    return say(load_pack(client), key, lang, **variables)
