"""A caller who asks for a language the client does not offer is told so, in its language, and the call goes on.

Found by the sixteenth session: "Do you speak English?" to the pharmacy (German only) got "Das kann ich Ihnen leider
nicht sicher beantworten" (info unknown), and the agent's summary quoted the question as the caller's order. The pack's
`language_not_offered` answers it, then the question that stood comes again; the call keeps its language and the ask is
no request. The same for "Sprechen Sie Deutsch?" to a client with English only. The real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.caller_families import model
from triage.brain.dialogue import Dialogue
from triage.packs.load import load_pack
from triage.packs.render import say


def _one_language(client: str, lang: str) -> Dialogue:
    pack = load_pack(client)
    pack = pack.model_copy(update={"languages": [lang]})
    d = Dialogue(pack, model(), lang=lang)
    d.greet()
    return d


@pytest.mark.parametrize(
    ("client", "lang", "said"),
    [
        ("apotheke-am-markt", "de", "Do you speak English?"),
        ("apotheke-am-markt", "de", "Hello, is there someone who speaks English?"),
        ("kanzlei-berg", "en", "Sprechen Sie Deutsch?"),
        ("kanzlei-berg", "en", "Hallo, auf Deutsch bitte"),
    ],
)
def test_a_language_not_offered_is_answered_and_the_question_comes_again(client, lang, said):
    d = _one_language(client, lang)
    if d.state.phase == "consent":
        d.hear("ja" if lang == "de" else "yes")
    asked = d.state.last_question
    reply = d.hear(said)
    pack = load_pack(client)
    assert reply.says == [say(pack, "language_not_offered", lang), asked]
    assert d.state.lang == lang
    assert d.state.problem is None  # asking for a language is no request
    assert not reply.end


def test_at_the_consent_question_it_is_answered_and_consent_asked_again():
    d = _one_language("sanitaer-notdienst", "de")
    assert d.state.phase == "consent"
    reply = d.hear("Do you speak English?")
    pack = load_pack("sanitaer-notdienst")
    assert reply.says == [say(pack, "language_not_offered", "de"), say(pack, "recording_consent", "de")]
    assert d.state.recording_consent is None


def test_the_call_goes_on_after_it():
    d = _one_language("apotheke-am-markt", "de")
    d.hear("Do you speak English?")
    d.hear("Ich brauche Ibuprofen 400")
    assert d.state.intent == "place_order"
