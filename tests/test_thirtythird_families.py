"""Issue 11, thirty-third set: acute distress in the forms section 4 lists (a farewell said indirectly, panic with only
cries, a symptom said through cries or a broken-off start, the caller dying now, someone found cold, violence that goes
on), and the calls that share its words (handing the phone over, a film being made, a story read, a wound already
dressed, "don't panic", a relative said to be calm, a law firm's "cell" inside "cellar").

Each family holds in German and English, run through the real analyser (rules + the shipped classifier); a caller in
one of the acute families reaches a human at once, whatever was being done in the call.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why
from tests.dialogue_calls import call
from triage.brain.analyze import analyze
from triage.packs.load import load_pack

# --- a farewell said indirectly ---------------------------------------------------------------------------------------

FAREWELLS = [
    # no longer anyone's problem after tonight
    ("Ab morgen bin ich für keinen mehr eine Last, versprochen.", "kanzlei-berg"),
    ("nach heute nacht bin ich für euch alle kein problem mehr ich bin für niemanden mehr ein problem", "kanzlei-berg"),
    ("From tomorrow I won't be a burden to anyone, I promise.", "kanzlei-berg"),
    ("after tonight i won't be a problem for anybody else", "it-service-hansa"),
    # found in the morning
    ("Irgendwann findet mich dann schon jemand, die Nachbarn oder so.", "sanitaer-notdienst"),
    ("die nachbarn werden mich morgen früh schon finden", "apotheke-am-markt"),
    ("My son will find me in the morning, I've left the door unlocked.", "sanitaer-notdienst"),
    ("somebody ll find me tomorrow anyway", "apotheke-am-markt"),
    # it was not their fault
    ("Richten Sie bitte meinem Mann aus, dass es nicht seine Schuld war.", "kanzlei-berg"),
    ("Please tell my daughter it was never her fault.", "kanzlei-berg"),
    # the letter left where it will be found
    ("Der Brief für meine Kinder liegt auf dem Küchentisch, den hab ich heute geschrieben.", "kanzlei-berg"),
    ("The letter for my kids is on the kitchen table, I wrote it this afternoon.", "kanzlei-berg"),
    # a voice once more, a last call so that someone knows
    ("Das ist mein letzter Anruf, ich wollte nur, dass irgendwer es weiß.", "it-service-hansa"),
    ("I just wanted to hear a friendly voice once more before it's done.", "kanzlei-berg"),
    # gas turned on behind shut windows
    ("Ich hab den Gashahn aufgedreht und alle Fenster zugemacht.", "sanitaer-notdienst"),
    ("I've put the oven on without lighting it and sealed the windows and the door.", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), FAREWELLS)
def test_a_farewell_said_indirectly_is_p0_and_acute(text, client):
    result = decide(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


# --- panic with only cries ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["oh mein gott oh mein gott oh mein gott", "Oh Gott, oh Gott, oh Gott, bitte!", "oh my god oh my god oh my god",
     "Oh God, oh God, oh God, please!", "oh no oh no oh no oh no"],
)
def test_a_turn_of_only_cries_is_p0_and_acute(text):
    result = decide(text, "sanitaer-notdienst")
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


# --- a symptom said through cries or a broken-off start ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nein nein nein sie atmet nicht",
        "NEIN NEIN er bewegt sich nicht!",
        "no no no she's not breathing",
        "NO NO he's not waking up!",
        "she's not brea she's not breathing",
        "he's not respo he's not responding",
    ],
)
def test_a_symptom_said_through_cries_or_a_restart_is_not_denied(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


# --- the caller dying now, someone found cold, not knowing the day with dizziness, violence that goes on -------------
# explicit hazards: rules hear them without the model (issue 11: what must never depend on a model stays in the rules)

PLAIN_DANGER = [
    ("Mein Herz, mein Herz … ich glaub, ich sterbe!", "apotheke-am-markt"),
    ("ich sterbe hilfe ich sterbe", "apotheke-am-markt"),
    ("My chest … I can't … I think I'm dying!", "apotheke-am-markt"),
    ("i m dying i m dying help", "apotheke-am-markt"),
    ("Ich hab eben meine Mutter gefunden, sie ist ganz kalt.", "kanzlei-berg"),
    ("I just found my dad on the kitchen floor, he's stone cold.", "kanzlei-berg"),
    ("Mir ist so schwindlig, ich weiß nicht mehr, wo ich bin.", "apotheke-am-markt"),
    ("i don't know where i am and i'm really dizzy", "apotheke-am-markt"),
    ("Da ist eine Prügelei direkt vor unserem Geschäft, einer liegt schon am Boden.", "sicherheitsdienst-nord"),
    ("there's a fight right outside our office one of them is on the ground already", "sicherheitsdienst-nord"),
    ("Ich hab ja gesagt, es geht um den Mietvertrag, aber er ist gerade wieder reingekommen, hat abgeschlossen und "
     "meinen Laptop kaputt gemacht, und ich hab Angst, was er jetzt macht.", "kanzlei-berg"),
    ("we've had problems before, he's just come back in, locked the door and broke my son's phone and I'm frightened "
     "of what he'll do next", "kanzlei-berg"),
]


@pytest.mark.parametrize(("text", "client"), PLAIN_DANGER)
def test_a_life_at_risk_said_plainly_is_p0_and_acute(text, client):
    result = decide(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


@pytest.mark.parametrize(("text", "client"), PLAIN_DANGER)
def test_a_life_at_risk_said_plainly_is_heard_by_the_rules_alone(text, client):
    result = analyze(text, pack=load_pack(client))
    assert result.urgency == "P0" and result.by_rule, why(text, result)


# --- look-alikes ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        # handing the phone over
        ("Moment, ich gebe Sie an meine Frau weiter, die weiß das besser.", "apotheke-am-markt"),
        ("Ich hol Ihnen mal schnell meinen Sohn ans Telefon.", "it-service-hansa"),
        ("Let me pass you over to my wife, she does all this.", "apotheke-am-markt"),
        ("i'll get my granddaughter she's better on the phone", "it-service-hansa"),
        # a film being made, a story read, a story named after its plot
        ("Wir schreiben ein Theaterstück, in einer Szene sagt einer, er will sich umbringen. Dürfen wir Sie zitieren?",
         "kanzlei-berg"),
        ("We're writing a play and in one scene a man says he wants to kill himself. May we quote your firm?",
         "kanzlei-berg"),
        ("Ich lese gerade einen Thriller, da liegt einer bewusstlos im Keller. Egal, wann kommt der Techniker?",
         "it-service-hansa"),
        ("A woman got attacked with a knife on that drama last night, do you sell door chains?",
         "sicherheitsdienst-nord"),
        # a wound already dressed, someone fine again
        ("Mein Sohn hat sich am Knie verletzt, ist schon verarztet, ich brauch nur Wundsalbe.", "apotheke-am-markt"),
        ("My son grazed his knee, it's already bandaged, I just need some antiseptic cream.", "apotheke-am-markt"),
        ("The paramedics came earlier and my mum is fine again, I just wanted to cancel the visit.",
         "sanitaer-notdienst"),
    ],
)
def test_what_only_shares_the_words_is_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("don't panic nothing happened i just want to know your saturday hours", "apotheke-am-markt"),
        ("Meine Frau hat mich gebeten anzurufen, sie ist ganz ruhig, ihre Tabletten sind erst nächste Woche alle.",
         "apotheke-am-markt"),
        ("Mein Mann ist ganz entspannt, seine Herztabletten gehen nur nächste Woche zu Ende.", "apotheke-am-markt"),
        ("my husband asked me to call, he's perfectly calm, it's just his tablets run out next week",
         "apotheke-am-markt"),
    ],
)
def test_calm_said_is_no_acute_distress(text, client):
    result = decide(text, client)
    assert result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    ["I'm reading a novel where a body lies in a cellar, anyway, did my documents arrive?",
     "we keep the old files in a cellar, can you collect them"],
)
def test_a_cellar_is_no_police_cell_at_the_law_firm(text):
    result = decide(text, "kanzlei-berg")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- the dialogue: a human at once --------------------------------------------------------------------------------

ORDER = {"de": ["ja", "ich möchte einen Perlator bestellen"], "en": ["yes", "I'd like to order a tap aerator"]}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", "nach heute nacht bin ich für niemanden mehr eine last"),
        ("de", "oh gott oh gott oh gott"),
        ("de", "nein nein nein er atmet nicht"),
        ("en", "someone will find me in the morning anyway"),
        ("en", "oh god oh god oh god"),
        ("en", "no no no he's not breathing"),
    ],
)
def test_the_acute_families_go_to_a_human_at_once_in_an_order(lang, words):
    d = call("sanitaer-notdienst", lang)
    for turn in ORDER[lang]:
        d.hear(turn)
    assert d.state.phase.startswith("order")
    reply = d.hear(words)
    assert reply.end and d.state.outcome.type == "handoff" and d.state.distress == "acute"
