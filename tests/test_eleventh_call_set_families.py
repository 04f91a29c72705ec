"""Issue 11 section 5, the eleventh set of whole calls (`data/dev/calls_eleventh.jsonl`): calls where the caller is
not the person concerned or the phone changes hands, and ordinary follow-ups, each family in German and English
with the real `Dialogue`, the shipped packs and classifier (sentences other than the set's own):

- the phone handed over ("ich reich Sie mal an meinen Sohn weiter", "I'll hand you over to my son"): the new speaker
  is greeted (the pack's `handed_over`: who answers, an AI) and hears the question that stood; it used to be "not
  understood", and at the law firm the handing-over words got the plumber's danger question;
- "ja, bitte" / "yes please" to "if you like, I can also put you through" while the address is asked puts the caller
  through; it was "not understood";
- "Okay, das nehme ich." / "Alright, I'll take it." to an order's "anything else?" takes the item and goes on;
- a surname alone at an option question ("Krämer.", "Fletcher.") is the caller's name, and the option is asked
  again without "not understood";
- "abholen" where the client only delivers gets the pack's `order_delivery_only`, then the address question;
- a name given for someone else ("Auf den Namen meines Vaters bitte, Ernst Lange", "put it under my mum's name, Joan
  Reid") or with who the caller is to them ("Gerda Lange, ich bin die Tochter" where the number is asked) is the name;
- the agent's summary says who called for whom ("für meine Oma", "on behalf of my grandad") and whose number the
  callback number is when the caller gives someone else's ("Herrn Kaya ... erreichbar", "call Mrs Reid").
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt

PLUMBER, LAW, PHARMACY, IT = "sanitaer-notdienst", "kanzlei-berg", "apotheke-am-markt", "it-service-hansa"
CONSENT = {"de": "ja", "en": "yes, that's fine"}


def _heard(d) -> list[str]:
    return [t.text for t in d.state.transcript]


BURST = {
    "de": "Unter der Spüle ist ein Rohr geplatzt und das Wasser läuft über den Boden.",
    "en": "A pipe has burst under the sink and water is running across the floor.",
}


@pytest.mark.parametrize(
    ("lang", "handing", "address", "street"),
    [
        ("de", "Moment, ich reich Sie mal an meinen Sohn weiter.", "Gartenweg 5 in Hildesheim", "Gartenweg"),
        ("en", "Hold on, I'll hand you over to my son.", "Gartenweg 5 in Hildesheim", "Gartenweg"),
    ],
)
def test_the_phone_handed_over_greets_the_new_speaker_and_asks_again(lang, handing, address, street):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear(BURST[lang])
    assert d.state.phase == "collect" and d.missing() == "address", _heard(d)
    before = d.state.misunderstood
    reply = d.hear(handing)
    assert reply.says[0] == prompt(PLUMBER, "handed_over", lang)
    assert reply.says[-1] == prompt(PLUMBER, "ask_address", lang)
    assert prompt(PLUMBER, "not_understood", lang) not in reply.says
    assert d.state.misunderstood == before
    again = d.hear("Hallo?" if lang == "de" else "Hello?")  # the new speaker's hello: the question, no apology
    assert again.says == [prompt(PLUMBER, "ask_address", lang)]
    d.hear(address)
    assert street in (d.state.address.spoken() or "")


@pytest.mark.parametrize(
    ("lang", "first"),
    [
        ("de", "Es geht um einen Brief vom Gericht, Moment, mein Sohn erklärt Ihnen das."),
        ("en", "It's about a letter from the court, hang on, my daughter will explain."),
    ],
)
def test_the_handing_over_words_get_a_greeting_not_a_danger_question(lang, first):
    d = call(LAW, lang)
    reply = d.hear(first)
    assert prompt(LAW, "ask_danger", lang) not in reply.says
    assert prompt(LAW, "handed_over", lang) in reply.says
    assert d.state.phase != "danger_check"


UPSET_BURST = {
    "de": "Bei mir ist ein Rohr geplatzt, das Wasser läuft überall, ich bin total gestresst.",
    "en": "A pipe has burst and water is everywhere, I'm so stressed.",
}


@pytest.mark.parametrize(("lang", "yes"), [("de", "Ja, bitte."), ("en", "yes please")])
def test_a_yes_to_the_offer_of_a_person_while_the_address_is_asked_puts_the_caller_through(lang, yes):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    reply = d.hear(UPSET_BURST[lang])
    assert prompt(PLUMBER, "distress_elevated", lang) in reply.says, _heard(d)
    assert reply.says[-1] == prompt(PLUMBER, "ask_address", lang)
    reply = d.hear(yes)
    assert reply.outcome is not None and reply.outcome.type == "handoff"
    assert reply.outcome.handoff_reason == "requested"


CALM_HEATING = {
    "de": "Die Heizung ist komplett ausgefallen, es ist eiskalt in der Wohnung.",
    "en": "Our heating has stopped working.",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_yes_at_the_address_without_an_offer_puts_nobody_through(lang):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    reply = d.hear(CALM_HEATING[lang])
    assert prompt(PLUMBER, "distress_elevated", lang) not in reply.says
    reply = d.hear("ja" if lang == "de" else "yes")
    assert reply.outcome is None and d.state.phase == "collect"


@pytest.mark.parametrize(
    ("lang", "asks", "takes"),
    [
        ("de", "Haben Sie ein Reparaturset für den Spülkasten?", "Okay, das nehme ich."),
        ("en", "Do you have a cistern repair kit?", "Alright, I'll take it."),
    ],
)
def test_taking_the_item_at_the_orders_anything_else_goes_on(lang, asks, takes):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear(asks)
    assert d.state.phase == "order" and [line.sku for line in d.state.order] == ["SAN-WC-REPSET"], _heard(d)
    reply = d.hear(takes)
    assert prompt(PLUMBER, "not_understood", lang) not in reply.says
    assert d.state.phase == "order_fulfilment"
    assert [(line.sku, line.qty) for line in d.state.order] == [("SAN-WC-REPSET", 1)]


@pytest.mark.parametrize(
    ("client", "lang", "item", "surname", "option", "group", "value"),
    [
        (PHARMACY, "de", "Ich hätte gern Magnesium.", "Krämer.", "Brausetabletten", "form", "Brausetabletten"),
        (IT, "en", "I'd like a USB-C cable please.", "Fletcher.", "two metres", "length", "2 Meter"),
    ],
)
def test_a_surname_alone_at_an_option_question_is_the_name(client, lang, item, surname, option, group, value):
    d = call(client, lang)
    d.hear(item)
    assert d.state.phase == "order_option", _heard(d)
    question = d.state.last_question
    reply = d.hear(surname)
    assert prompt(client, "not_understood", lang) not in reply.says
    assert reply.says[-1] == question
    assert d.state.name == surname.rstrip(".")
    d.hear(option)
    assert d.state.order[0].options.get(group) == value


@pytest.mark.parametrize(
    ("lang", "item", "pickup"),
    [("de", "Ich brauche einen Monitor, 24 Zoll.", "Ich hole ihn lieber selbst ab."),
     ("en", "I need a monitor, the 24 inch.", "I'd rather pick it up myself.")],
)  # fmt: skip
def test_pickup_where_the_client_only_delivers_is_answered(lang, item, pickup):
    d = call(IT, lang)
    d.hear(item)
    d.hear("nein, das ist alles" if lang == "de" else "no, that's all")
    assert d.missing() == "address", _heard(d)
    reply = d.hear(pickup)
    assert reply.says == [prompt(IT, "order_delivery_only", lang), prompt(IT, "order_ask_delivery_address", lang)]
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "item", "name_for", "name"),
    [
        ("de", "Ich möchte ein Fieberthermometer reservieren.", "Auf den Namen meines Vaters bitte, Ernst Lange.",
         "Ernst Lange"),
        ("en", "I'd like to order a shower head.", "Please put it under my mum's name, Joan Reid.", "Joan Reid"),
    ],
)  # fmt: skip
def test_a_name_given_for_someone_else_is_the_name(lang, item, name_for, name):
    client = PHARMACY if lang == "de" else PLUMBER
    d = call(client, lang)
    if client == PLUMBER:
        d.hear(CONSENT[lang])
    d.hear(item)
    d.hear("nein, das ist alles" if lang == "de" else "no, that's all")
    d.hear("abholen" if lang == "de" else "I'll pick it up")
    assert d.missing() == "name", _heard(d)
    reply = d.hear(name_for)
    assert prompt(client, "not_understood", lang) not in reply.says
    assert d.state.name == name


@pytest.mark.parametrize(
    ("lang", "first", "said"),
    [
        ("de", "Mein Vater wurde heute festgenommen, er braucht einen Anwalt.", "Gerda Lange, ich bin die Tochter."),
        ("en", "My brother was arrested this morning, he needs a lawyer.", "Paul Reid, I'm his brother."),
    ],
)
def test_a_name_with_who_the_caller_is_where_the_number_is_asked_is_the_name(lang, first, said):
    d = call(LAW, lang)
    d.hear(first)
    assert d.missing() == "phone", _heard(d)
    reply = d.hear(said)
    assert prompt(LAW, "not_understood", lang) not in reply.says
    assert d.state.name == said.split(",")[0]


@pytest.mark.parametrize(
    ("lang", "first", "number", "for_whom", "whose"),
    [
        ("de", "Ich rufe für meine Oma an, bei ihr ist die Heizung komplett ausgefallen und es ist eiskalt.",
         "Rufen Sie bitte Herrn Kaya an, der ist unter 0176 1122 3344 erreichbar.", "für meine Oma", "(Herrn Kaya)"),
        ("en", "I'm ringing on behalf of my grandad, his heating has completely failed and it's freezing.",
         "Best to call Mrs Reid, her number is 0176 1122 3344.", "on behalf of my grandad", "(Mrs Reid)"),
    ],
)  # fmt: skip
def test_the_summary_says_who_called_for_whom_and_whose_number_it_is(lang, first, number, for_whom, whose):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear(first)
    assert d.state.urgency == "P1" and d.missing() == "address", _heard(d)
    for turn in ["Lindenallee 3 in Celle", "ja" if lang == "de" else "yes", number, "ja" if lang == "de" else "yes",
                 "Deniz Kaya", "ja" if lang == "de" else "yes"]:  # fmt: skip
        reply = d.hear(turn)
    assert reply.outcome is not None and reply.outcome.type == "handoff", _heard(d)
    text = reply.outcome.summary["text"]
    assert for_whom in text and whose in text
    assert reply.outcome.summary["collected"]["phone"] == "017611223344"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_danger_question_says_the_clients_own_damage(lang):
    """The law firm's and the IT firm's danger question asked about running water (the plumber's words in the
    defaults); each client's question now fits it, the plumber's still asks about water."""
    water = {"de": "Wasser", "en": "water"}[lang]
    assert water in prompt(PLUMBER, "ask_danger", lang)
    for client in (LAW, IT, "sicherheitsdienst-nord"):
        assert water not in prompt(client, "ask_danger", lang)
