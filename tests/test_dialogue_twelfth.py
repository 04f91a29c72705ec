"""Issue 11 section 5, the twelfth set of whole calls (`data/dev/calls_twelfth.jsonl`): callers who do not follow the
script, each family in German and English with the real `Dialogue`, the shipped packs and classifier (sentences other
than the set's own):

- a request to repeat said with why or as a wish for a slower pace ("Können Sie etwas lauter sprechen? Ich bin ein
  bisschen schwerhörig.", "Could you say that a bit slower? You're talking too fast.") hears the question again; it
  was "not understood" and counted towards a handover;
- the name and the number in one breath ("Schulze, 0172 9876543", "Anna Berger, 040 ...") keep both; the name was lost
  and asked again;
- "Okay, fine, it's Helen Ward" where the number is asked is the name;
- leave-taking at "anything else?" ("Nein, das war alles, vielen Dank.", "Thanks a lot, have a good weekend.") ends the
  call with goodbye; it was "not understood"; a yes at a read-back that says goodbye gets no "anything else?";
- "Warum brauchen Sie meine Adresse?", "why do you need my name?" hear why (the pack's `why_detail`), then the question;
  the German one got the firm's own address;
- a measure corrected in the first turn ("den mit 1,25 Meter, nein warte, den 1,60") keeps the last one said;
- a first turn whose English words are few but for its count word ("We need three 27 inch monitors.") is answered in
  English;
- one radiator "in my bedroom" / "in meiner Küche" is routine (P3), no emergency;
- "Moment, ich hol mal eben meine Brille, die Nummer steht auf einem Zettel" is a wait, no part of the message.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain import answers

PLUMBER, LAW, PHARMACY, IT = "sanitaer-notdienst", "kanzlei-berg", "apotheke-am-markt", "it-service-hansa"
CONSENT = {"de": "ja", "en": "yes, that's fine"}
BURST = {
    "de": "Im Keller ist ein Rohr geplatzt, das Wasser spritzt überall hin.",
    "en": "A pipe has burst in the cellar and water is spraying everywhere.",
}


def _heard(d) -> list[str]:
    return [t.text for t in d.state.transcript]


def _at_the_number_question(lang: str):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear(BURST[lang])
    d.hear("Lindenallee 7 in Hamburg")
    d.hear(CONSENT[lang].split(",")[0])
    assert d.missing() == "phone" and d.state.confirming is None, _heard(d)
    return d


@pytest.mark.parametrize(
    ("lang", "asks"),
    [
        ("de", "Können Sie etwas lauter sprechen? Ich bin ein bisschen schwerhörig."),
        ("de", "Langsamer bitte, Sie sprechen mir zu schnell."),
        ("de", "Entschuldigung, die Leitung ist so schlecht, was haben Sie gesagt?"),
        ("en", "Speak up please, I'm a bit hard of hearing."),
        ("en", "Could you say that a bit slower? You're talking too fast."),
        ("en", "Sorry, the connection is really bad, what did you say?"),
    ],
)
def test_a_request_to_repeat_with_why_hears_the_question_again(lang, asks):
    d = _at_the_number_question(lang)
    before = d.state.misunderstood
    reply = d.hear(asks)
    assert reply.says == [prompt(PLUMBER, "ask_callback", lang)], _heard(d)
    assert d.state.misunderstood == before
    d.hear("040 7654 3210")
    assert d.state.phone == "04076543210"


@pytest.mark.parametrize(
    "text",
    [
        "Die Heizung geht immer zu schnell aus.",
        "Mein Mann ist schwerhörig und braucht neue Batterien.",
        "Das ging mir zu schnell, ich wollte eigentlich zwei bestellen.",
        "The alarm is too loud, can you turn it down?",
        "The line is bad, the printer keeps dropping off the network and nobody can print.",
    ],
)
def test_what_only_looks_like_a_request_to_repeat_is_none(text):
    assert not answers.asks_repeat(text)


@pytest.mark.parametrize(
    ("lang", "said", "name", "phone"),
    [
        ("de", "Schulze, 0172 9876543", "Schulze", "01729876543"),
        ("en", "Fletcher, 07700 900 456", "Fletcher", "07700900456"),
    ],
)
def test_name_and_number_in_one_breath_at_the_name_question(lang, said, name, phone):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear("Ich hätte gern einen Duschkopf." if lang == "de" else "I'd like a shower head, please.")
    d.hear("nein, das ist alles" if lang == "de" else "no, that's all")
    d.hear("abholen" if lang == "de" else "pick up")
    assert d.missing() == "name", _heard(d)
    d.hear(said)
    assert (d.state.name, d.state.phone) == (name, phone), _heard(d)
    yes = "ja" if lang == "de" else "yes"
    d.hear(yes)
    reply = d.hear(yes)
    assert prompt(PLUMBER, "ask_name", lang) not in _heard(d)[-6:]
    assert prompt(PLUMBER, "not_understood", lang) not in _heard(d)
    assert reply.says[-1].startswith(prompt(PLUMBER, "order_readback", lang, items="x").split(" ")[0])


@pytest.mark.parametrize(
    ("lang", "said", "name", "phone"),
    [
        ("de", "Anna Berger, 040 1234 5678", "Anna Berger", "04012345678"),
        ("en", "Helen Ward, 07700 900 789", "Helen Ward", "07700900789"),
    ],
)
def test_name_and_number_in_one_breath_at_the_number_question(lang, said, name, phone):
    d = _at_the_number_question(lang)
    d.hear(said)
    assert (d.state.name, d.state.phone) == (name, phone), _heard(d)


@pytest.mark.parametrize("said", ["Mobil, 0171 2345678", "Handy, 0171 2345678"])
def test_which_number_before_it_is_no_name(said):
    d = _at_the_number_question("de")
    d.hear(said)
    assert d.state.phone == "01712345678" and d.state.name is None


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [("de", "Na gut, ich bin Frau Berger.", "Frau Berger"), ("en", "Okay, fine, it's Helen Ward.", "Helen Ward")],
)
def test_a_grudging_lead_before_the_name_is_no_part_of_it(lang, said, name):
    d = _at_the_number_question(lang)
    reply = d.hear(said)
    assert d.state.name == name, _heard(d)
    assert reply.says == [prompt(PLUMBER, "confirm_name", lang, caller_name=name)]


def _after_a_saved_order(lang: str):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    yes = "ja" if lang == "de" else "yes"
    for turn in (
        ["Ich hätte gern einen Duschkopf.", "nein, das ist alles", "abholen", "Jutta Bremer", yes, "040 2233 4466", yes]
        if lang == "de"
        else ["I'd like a shower head, please.", "no, that's all", "pick up", "Jane Porter", yes, "040 2233 4466", yes]
    ):
        d.hear(turn)
    return d


@pytest.mark.parametrize(
    ("lang", "leaving"),
    [
        ("de", "Nein, das war alles, vielen Dank."),
        ("de", "Danke, schönen Abend noch!"),
        ("de", "Super, danke, bis dann."),
        ("en", "Thanks a lot, have a good weekend."),
        ("en", "Lovely, thank you, take care."),
    ],
)
def test_leave_taking_at_anything_else_ends_the_call(lang, leaving):
    d = _after_a_saved_order(lang)
    d.hear("ja" if lang == "de" else "yes")
    assert d.state.phase == "anything_else", _heard(d)
    reply = d.hear(leaving)
    assert reply.end and reply.says[-1].startswith(prompt(PLUMBER, "goodbye", lang)[:12]), _heard(d)
    assert prompt(PLUMBER, "not_understood", lang) not in reply.says


@pytest.mark.parametrize(
    ("lang", "more"), [("de", "Danke, ich hätte noch eine Frage."), ("en", "Thanks, and I also need a shower hose.")]
)
def test_thanks_with_more_to_ask_is_no_goodbye(lang, more):
    d = _after_a_saved_order(lang)
    d.hear("ja" if lang == "de" else "yes")
    assert not d.hear(more).end


@pytest.mark.parametrize(
    ("lang", "yes"), [("de", "Ja, passt so. Danke, tschüss."), ("en", "Yes, that's right, cheers, bye.")]
)
def test_a_yes_that_says_goodbye_at_the_read_back_ends_the_call(lang, yes):
    d = _after_a_saved_order(lang)
    reply = d.hear(yes)
    assert reply.outcome is not None and reply.end, _heard(d)
    assert prompt(PLUMBER, "anything_else", lang) not in reply.says


@pytest.mark.parametrize(
    ("lang", "why"), [("de", "Warum brauchen Sie meine Adresse?"), ("en", "Why do you need my address?")]
)
def test_why_the_address_is_needed_is_answered_then_asked_again(lang, why):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear(BURST[lang])
    assert d.missing() == "address"
    reply = d.hear(why)
    assert reply.says[0] == prompt(PLUMBER, "why_detail", lang, detail="address"), _heard(d)
    assert reply.says[-1] == prompt(PLUMBER, "ask_address", lang)
    assert "Wandsbeker" not in " ".join(reply.says)


@pytest.mark.parametrize(
    ("lang", "why"), [("de", "Wozu brauchen Sie denn meinen Namen?"), ("en", "What do you need my name for?")]
)
def test_why_the_name_is_needed_while_the_number_is_asked(lang, why):
    d = _at_the_number_question(lang)
    reply = d.hear(why)
    assert reply.says == [prompt(PLUMBER, "why_detail", lang, detail="name"), prompt(PLUMBER, "ask_callback", lang)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Ich brauche einen Duschschlauch, den mit 1,25 Meter, nein warte, den 1,60."),
        ("en", "I need a shower hose, the 1.25 metre one, no hang on, the 1.60 one."),
    ],
)
def test_a_measure_corrected_in_the_first_turn_keeps_the_last_said(lang, said):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear(said)
    assert [line.options for line in d.state.order] == [{"length": "1,60 Meter"}], _heard(d)


def test_a_count_word_tells_the_first_turn_s_language():
    d = call(IT, "de")
    reply = d.hear("We need three 27 inch monitors.")
    assert d.state.lang == "en" and reply.says == [prompt(IT, "order_ask_more", "en")]
    assert [(line.sku, line.qty) for line in d.state.order] == [("IT-MONITOR", 3)]
    d = call(IT, "de")
    d.hear("Wir brauchen zwei Monitore mit 24 Zoll.")
    assert d.state.lang == "de"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Ich bin schon 80, der Heizkörper in meiner Küche bleibt kalt, kann mal jemand vorbeischauen?"),
        ("en", "I'm 79 and the radiator in my living room is cold, could someone pop round and look at it?"),
    ],
)
def test_one_radiator_in_a_room_is_routine(lang, said):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    reply = d.hear(said)
    assert d.state.urgency == "P3", _heard(d)
    assert prompt(PLUMBER, "ask_address", lang) not in reply.says


@pytest.mark.parametrize(
    ("lang", "problem", "waits"),
    [
        (
            "de",
            "Die Spülung in meinem Klo läuft ständig nach, kann mich jemand zurückrufen?",
            "Moment, ich hol mal eben meine Brille, die Nummer steht auf einem Zettel.",
        ),
        (
            "en",
            "My toilet cistern keeps running all the time, could someone call me back?",
            "Hang on, let me get my glasses, the number is written on a note somewhere.",
        ),
    ],
)
def test_a_wait_for_where_the_number_is_written_is_no_part_of_the_message(lang, problem, waits):
    d = call(PLUMBER, lang)
    d.hear(CONSENT[lang])
    d.hear(problem)
    assert d.missing() == "phone", _heard(d)
    reply = d.hear(waits)
    assert reply.says == [], _heard(d)
    d.hear("040 5566 7788")
    assert d.state.phone == "04055667788"
    assert "Brille" not in (d.state.message or "") and "glasses" not in (d.state.message or "")
