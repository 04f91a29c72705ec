"""Issue 11 section 5, the thirteenth set of whole calls (`data/dev/calls_thirteenth.jsonl`): a dialogue that follows
ordinary people, each family in German and English with the real `Dialogue`, the shipped packs and classifier
(sentences other than the set's own):

- "Wie bitte?", "what?", "what should I do?" right after the safety advice hear the advice again, then the question;
  they heard the address question only;
- "Langsamer bitte", "slower please" at a read-back hear the detail read back again slowly (the pack's
  `confirm_slowly`, a number in small groups); "Slower please." at the number's read-back became the name "Slower";
- a caller from a firm ("Becker GmbH, Krause hier", "this is Tom from Northwind Ltd") has the firm in the agent's
  summary and in the stored message; "Schneider & Partner, Hansen hier" lost the name;
- "ach nein, eigentlich möchte ich eine Nachricht hinterlassen", "actually, forget the order, I'd rather leave a
  message" in the middle of an order drop the order and take the message; the words were "not understood" and the
  call went to a human for misunderstanding;
- "no, that's all" to an order's address read-back (the answer to the "anything else?" asked before it) keeps the
  address and asks the read-back again; it threw the address away (calls_eleventh's husband).
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain.extract.firm import firm_of
from triage.brain.flows.message import stored_text
from triage.packs.load import load_pack

PLUMBER, LAW, IT, SECURITY = "sanitaer-notdienst", "kanzlei-berg", "it-service-hansa", "sicherheitsdienst-nord"
YES = {"de": "ja", "en": "yes"}


def _heard(d) -> list[str]:
    return [t.text for t in d.state.transcript]


def _advice(client: str, emergency: str, lang: str) -> str:
    return load_pack(client).emergency(emergency).advice[lang].strip()


@pytest.mark.parametrize(
    ("client", "emergency", "lang", "first", "asks"),
    [
        (
            PLUMBER,
            "heizungsausfall",
            "de",
            "Unsere Heizung ist komplett ausgefallen, alle Heizkörper sind kalt.",
            "Wie bitte?",
        ),
        (
            PLUMBER,
            "heizungsausfall",
            "en",
            "The boiler has broken down and all the radiators are cold.",
            "Sorry, what?",
        ),
        (
            SECURITY,
            "einbruch",
            "de",
            "Bei uns wurde eingebrochen, die Tür zum Büro ist aufgebrochen.",
            "Was soll ich jetzt machen?",
        ),
        (
            SECURITY,
            "einbruch",
            "en",
            "Somebody broke into our office, the door has been forced open.",
            "What should I do now?",
        ),
    ],
)
def test_a_request_to_repeat_right_after_the_advice_hears_the_advice_again(client, emergency, lang, first, asks):
    d = call(client, lang)
    d.hear(YES[lang])  # both record calls: consent
    d.hear(first)
    advice = _advice(client, emergency, lang)
    assert advice in _heard(d), _heard(d)
    reply = d.hear(asks)
    assert reply.says == [advice, prompt(client, "ask_address", lang)], _heard(d)
    assert d.state.misunderstood == 0


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_request_to_repeat_later_hears_only_the_question(lang):
    d = call(PLUMBER, lang)
    d.hear(YES[lang])
    d.hear("Unsere Heizung ist komplett ausgefallen." if lang == "de" else "Our heating has failed completely.")
    d.hear("Ahornweg 3 in Hamburg")
    d.hear(YES[lang])
    reply = d.hear("Wie bitte?" if lang == "de" else "Pardon?")
    assert reply.says == [prompt(PLUMBER, "ask_callback", lang)], _heard(d)


def _at_the_number_read_back(lang: str):
    d = call(PLUMBER, lang)
    d.hear(YES[lang])
    d.hear("Im Bad ist ein Rohr geplatzt, überall Wasser." if lang == "de" else "A pipe burst in the bathroom.")
    d.hear("Ulmenweg 9 in Hamburg")
    d.hear(YES[lang])
    d.hear("040 3456 7890")
    assert d.state.confirming == "phone", _heard(d)
    return d


@pytest.mark.parametrize(
    ("lang", "asks"),
    [
        ("de", "Langsamer bitte."),
        ("de", "Nicht so schnell, ich komme nicht mit."),
        ("en", "Slower please."),
        ("en", "Could you say that more slowly? I can't keep up."),
    ],
)
def test_slower_please_at_the_number_read_back_reads_it_in_small_groups(lang, asks):
    d = _at_the_number_read_back(lang)
    reply = d.hear(asks)
    assert reply.says == [prompt(PLUMBER, "confirm_slowly", lang, detail="phone", phone="04034567890")], _heard(d)
    assert "0 4 0, 3 4 5, 6 7 8, 9 0" in reply.says[0]
    assert d.state.name is None and d.state.misunderstood == 0  # "Slower" is no name
    d.hear(YES[lang])
    assert "phone" in d.state.confirmed and d.missing() == "name", _heard(d)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_slower_please_at_the_address_read_back_reads_the_address_again(lang):
    d = call(PLUMBER, lang)
    d.hear(YES[lang])
    d.hear("Unsere Heizung ist komplett ausgefallen." if lang == "de" else "Our heating has failed completely.")
    d.hear("Kastanienallee 21 in Hamburg")
    reply = d.hear("Langsamer bitte, ich komm nicht mit." if lang == "de" else "Slower please, I didn't follow.")
    assert len(reply.says) == 1 and "Kastanienallee 21" in reply.says[0], _heard(d)
    assert reply.says[0] == prompt(
        PLUMBER, "confirm_slowly", lang, detail="address", address="Kastanienallee 21, Hamburg"
    )
    d.hear(YES[lang])
    assert "address" in d.state.confirmed and d.state.name is None, _heard(d)


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Becker GmbH, Krause hier, ich hätte eine Frage.", "Becker GmbH"),
        ("Guten Tag, hier ist Frau Lenz von der Firma Lenz Haustechnik.", "Lenz Haustechnik"),
        ("Hallo, Schröder & Söhne, es geht um unsere Rechnung.", "Schröder & Söhne"),
        ("Hi, this is Tom from Northwind Ltd, we have a question.", "Northwind Ltd"),
        ("Good morning, Patel & Partners here.", "Patel & Partners"),
        ("Bei uns im Büro ist der Drucker kaputt.", None),
        ("Hello, this is Mary Jones, my heating has stopped.", None),
    ],
)
def test_the_firm_a_caller_calls_from(text, firm):
    assert firm_of(text) == firm


@pytest.mark.parametrize(
    ("lang", "first", "name", "firm", "then"),
    [
        (
            "de",
            "Becker GmbH, Krause hier. Bitte rufen Sie mich wegen unserer Steuererklärung zurück.",
            "Krause",
            "Becker GmbH",
            [],
        ),
        (
            "en",
            "Hi, this is Tom Reed from Northwind Ltd, could someone call me back about our lease?",
            "Tom Reed",
            "Northwind Ltd",
            [],
        ),
    ],
)
def test_the_firm_reaches_the_stored_message_and_the_summary(lang, first, name, firm, then):
    d = call(LAW, lang)
    d.hear(first)
    d.hear("040 5678 1234")
    d.hear(YES[lang])
    for said in [*then, YES[lang], YES[lang]]:
        reply = d.hear(said)
        if reply.outcome is not None:
            break
    outcome = d.state.outcome
    assert outcome is not None and outcome.type == "message", _heard(d)
    assert outcome.message["name"] == name and outcome.message["firm"] == firm
    assert stored_text(outcome.message).startswith(firm) or firm in outcome.message["text"]
    assert f"{name} ({firm})" in outcome.summary["text"]
    assert outcome.summary["collected"]["firm"] == firm


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_firm_reaches_an_emergency_handoff_and_the_person_after_a_partnership_is_the_name(lang):
    d = call(IT, lang)
    first = {
        "de": "Schneider & Partner, Hansen hier, bei uns ist das ganze Netzwerk ausgefallen, keiner kann arbeiten.",
        "en": "Schneider & Partner, Hansen here, our whole network is down and nobody can work.",
    }[lang]
    d.hear(first)
    assert d.state.name == "Hansen" and d.state.firm == "Schneider & Partner", _heard(d)
    d.hear("Am Wall 12 in Bremen")
    d.hear(YES[lang])
    d.hear("0421 7654 321")
    d.hear(YES[lang])
    d.hear(YES[lang])  # the name said early, read back
    outcome = d.state.outcome
    assert outcome is not None and outcome.type == "handoff" and outcome.urgency == "P1", _heard(d)
    assert "Hansen (Schneider & Partner)" in outcome.summary["text"]


def test_the_stored_text_names_the_firm_once():
    assert stored_text({"text": "Rückruf wegen der Rechnung.", "firm": "Becker GmbH"}) == (
        "Becker GmbH: Rückruf wegen der Rechnung."
    )
    assert (
        stored_text({"text": "Becker GmbH bittet um Rückruf.", "firm": "Becker GmbH"})
        == "Becker GmbH bittet um Rückruf."
    )
    assert stored_text({"text": "Call me back.", "firm": None}) == "Call me back."


@pytest.mark.parametrize(
    ("lang", "order", "instead", "word"),
    [
        (
            "de",
            "Ich möchte eine Maus bestellen.",
            "Ach nein, eigentlich möchte ich lieber eine Nachricht hinterlassen, jemand soll mich wegen "
            "unserer Lizenzen zurückrufen.",
            "Lizenzen",
        ),
        (
            "en",
            "I'd like to order a mouse.",
            "Actually, forget the order, I'd rather leave a message, could somebody call me back about our licences?",
            "licences",
        ),
    ],
)
def test_an_order_turned_into_a_message_is_stored_as_the_message(lang, order, instead, word):
    d = call(IT, lang)
    d.hear(order)
    assert d.state.phase.startswith("order"), _heard(d)
    d.hear(instead)
    assert d.state.order == [] and d.state.phase == "collect" and d.state.after_collect == "message", _heard(d)
    d.hear("Lena Wolf")
    d.hear(YES[lang])
    d.hear("0421 2345 678")
    d.hear(YES[lang])
    reply = d.hear(YES[lang])
    outcome = d.state.outcome
    assert outcome is not None and outcome.type == "message", _heard(d)
    assert word in outcome.message["text"] and outcome.order is None
    assert prompt(IT, "not_understood", lang) not in _heard(d)
    assert reply.says


@pytest.mark.parametrize(
    ("lang", "item", "done"),
    [
        ("de", "Wir brauchen einen Ordnerdienst für unser Sommerfest am Samstag ab 18 Uhr.", "nein, das ist alles"),
        ("en", "We need door staff for our summer party on Saturday from 6 pm.", "no, that's all"),
    ],
)
def test_that_is_all_at_an_order_address_read_back_keeps_the_address(lang, item, done):
    d = call(SECURITY, lang)
    d.hear(YES[lang])
    d.hear(item)
    for _ in range(3):  # the questions the booking asks until the site is asked for
        if d.state.phase == "collect" and d.missing() == "address":
            break
        d.hear(done)
    assert d.state.phase == "collect" and d.missing() == "address", _heard(d)
    d.hear("Hafenstraße 4 in Kiel")
    assert d.state.confirming == "address", _heard(d)
    reply = d.hear(done)
    assert d.state.address.street and d.state.confirming == "address", _heard(d)
    assert reply.says == [prompt(SECURITY, "confirm_address", lang, address=d.state.address.spoken())]


@pytest.mark.parametrize(
    ("lang", "first", "name"),
    [
        (
            "de",
            "Guten Tag, Sabine Krüger, ich möchte Frau Dr. Berg bitten, mich wegen meiner Kündigung zurückzurufen.",
            "Sabine Krüger",
        ),
        ("en", "Hello, Peter Walsh, could Dr Berg call me back about my tenancy, please?", "Peter Walsh"),
    ],
)
def test_a_name_said_right_after_the_greeting_is_not_asked_for_again(lang, first, name):
    d = call(LAW, lang)
    d.hear(first)
    assert d.state.name == name, _heard(d)
    d.hear("040 2233 4455")
    d.hear(YES[lang])
    assert prompt(LAW, "ask_name", lang) not in _heard(d), _heard(d)


@pytest.mark.parametrize("text", ["Hallo, Heizung kaputt, bitte schnell.", "Hi, Good Morning, is anyone there?"])
def test_a_greeting_before_other_capitalised_words_gives_no_name(text):
    d = call(LAW, "de")
    d.hear(text)
    assert d.state.name is None, _heard(d)


@pytest.mark.parametrize(
    ("lang", "first", "fuller"),
    [
        (
            "de",
            "Hallo, hier ist Lena von der Firma Lenz Haustechnik, bitte rufen Sie mich wegen eines Angebots zurück.",
            "Lena Kramer",
        ),
        ("en", "Hi, this is Lena from Northwind Ltd, could someone call me back about a quote?", "Lena Kramer"),
    ],
)
def test_the_fuller_name_said_where_the_number_is_asked_replaces_the_first_name(lang, first, fuller):
    d = call(LAW, lang)
    d.hear(first)
    assert d.state.name == "Lena" and d.missing() == "phone", _heard(d)
    d.hear(fuller)
    assert d.state.name == fuller and d.state.misunderstood == 0, _heard(d)
