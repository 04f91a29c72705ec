"""Issue 11, thirty-fourth set: callers who describe what they see, hear, smell or feel without naming the hazard or
their state (a socket that went bang and is black, a hiss behind the cooker and dizziness, a stink of sulphur, water
dripping onto the equipment, a reliever that does not help, tablets taken over and over, a farewell arranged and told;
no water anywhere, brown stuff coming up, officers in the flat, one call from the station), and the ordinary calls that
share their words (a loose socket, a leak stopped at the valve, a product for someone ill in bed, a will brought to the
law firm, water coming down from a ceiling that is not itself coming down, "in floods of tears").

The sentences are other wordings of the set's families, not its rows. Each family holds in German and English, run
through the real analyser (rules + the shipped classifier); explicit hazards are found by rules, never by the model.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

# --- danger described, not named: P0 by a rule ------------------------------------------------------------------------

DESCRIBED_P0 = [
    # the electrics: a socket or switch gone bang or scorched black, water onto equipment, a tingle whenever touched
    ("Der Lichtschalter hat gezischt und jetzt ist er ganz schwarz.", "sanitaer-notdienst"),
    ("die steckdosenleiste hinterm fernseher ist jetzt total verkohlt", "sanitaer-notdienst"),
    ("Im Technikraum tropft es von oben auf unsere Server.", "it-service-hansa"),
    ("Immer wenn ich die Spüle anfasse, kribbelt es an den Fingern.", "sanitaer-notdienst"),
    ("The light switch went pop and now it's scorched.", "sanitaer-notdienst"),
    ("the plug socket by the bed is all black and melted", "sanitaer-notdienst"),
    ("There's water leaking from the floor above onto the computers in the back office.", "it-service-hansa"),
    # gas: a hiss at the boiler or the meter with a headache or a stink, a smell of sulphur
    ("Hinter der Therme zischt es und ich hab so Kopfweh.", "sanitaer-notdienst"),
    ("Im Flur riecht es ganz stark nach Schwefel.", "sanitaer-notdienst"),
    ("The boiler is hissing and we've all got headaches.", "sanitaer-notdienst"),
    ("There's a sulphur smell all through the hallway.", "sanitaer-notdienst"),
    # breath that will not come, a reliever that does not help, tablets taken over and over
    ("Sein Asthmaspray hilft nicht, er ringt die ganze Zeit.", "apotheke-am-markt"),
    ("Mein Opa hat seine Tabletten zweimal genommen und ist jetzt ganz verwirrt.", "apotheke-am-markt"),
    ("She can't get any air and her puffer isn't helping at all.", "apotheke-am-markt"),
    ("Grandad has taken his pills twice and he's very drowsy now.", "apotheke-am-markt"),
]


@pytest.mark.parametrize(("text", "client"), DESCRIBED_P0)
def test_a_danger_described_without_its_name_is_p0_by_a_rule(text, client):
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)
    assert any(e.startswith("rule ") for e in result.evidence), why(text, result)


# --- a farewell arranged and told ------------------------------------------------------------------------------------

FAREWELLS = [
    ("Ich hab alles erledigt, der Kater ist bei meiner Schwester, ich wollte nur, dass jemand Bescheid weiß.",
     "kanzlei-berg"),
    ("Everything is in order, the dog is staying with my neighbour, I just want somebody to know.", "kanzlei-berg"),
    ("i don't want to be a burden to my family any more", "it-service-hansa"),
]


@pytest.mark.parametrize(("text", "client"), FAREWELLS)
def test_a_farewell_arranged_and_told_is_p0_and_acute(text, client):
    result = decide(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


def test_a_holiday_arranged_is_no_farewell():
    for text in ("Wir fahren in Urlaub, die Katze ist bei der Nachbarin, der Schlüssel liegt im Briefkasten.",
                 "We're off on holiday, the cat's with next door and the keys are in the letterbox."):
        result = decide(text, "sicherheitsdienst-nord")
        assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


# --- the client's emergency described: P1 ---------------------------------------------------------------------------

DESCRIBED_P1 = [
    # no water anywhere
    ("Wenn ich den Wasserhahn aufdrehe, kommt gar nichts, auch nicht im Bad.", "sanitaer-notdienst"),
    ("Ich dreh den Hahn auf und es kommt nichts, in der ganzen Wohnung nirgends.", "sanitaer-notdienst"),
    ("I turn on the kitchen tap and nothing comes out, not even in the bathroom.", "sanitaer-notdienst"),
    ("when i turn on any tap nothing comes out at all not even the shower", "sanitaer-notdienst"),
    # sewage coming up
    ("Aus dem Gully im Keller blubbert braunes Wasser hoch.", "sanitaer-notdienst"),
    ("Aus dem Abfluss in der Dusche drückt braunes Zeug hoch, es stinkt.", "sanitaer-notdienst"),
    ("Dirty water is bubbling up out of the toilet and the floor drain.", "sanitaer-notdienst"),
    ("Brown muck is coming up out of the plughole in the bath and it smells awful.", "sanitaer-notdienst"),
    # a search or an arrest
    ("Zwei Polizisten sind bei mir und durchwühlen alles.", "kanzlei-berg"),
    ("Die halten mich auf der Wache fest und ich darf nur einmal telefonieren.", "kanzlei-berg"),
    ("Some officers are in our office going through the filing cabinets.", "kanzlei-berg"),
    ("They're holding me at the station and letting me make one phone call.", "kanzlei-berg"),
    # the medicine named by what it is for
    ("Die Tabletten gegen die Krampfanfälle von meinem Mann sind leer.", "apotheke-am-markt"),
    ("My son's epilepsy drops have run out and he needs them tonight.", "apotheke-am-markt"),
]


@pytest.mark.parametrize(("text", "client"), DESCRIBED_P1)
def test_the_clients_emergency_described_is_p1_by_a_rule(text, client):
    result = decide(text, client)
    assert result.urgency == "P1", why(text, result)
    assert any(e.startswith("rule ") for e in result.evidence), why(text, result)


# --- the ordinary look-alikes: no emergency --------------------------------------------------------------------------

LOOK_ALIKES = [
    # a loose fitting
    ("Der Lichtschalter im Flur ist ganz locker.", "sanitaer-notdienst"),
    ("Die Steckdose in der Küche wackelt, wenn ich was einstecke.", "sanitaer-notdienst"),
    ("The socket in the kitchen is loose and wobbles when I plug something in.", "sanitaer-notdienst"),
    # a leak stopped at the valve
    ("Da war Wasser unter der Spüle, ich hab das Eckventil zugedreht und jetzt kommt nichts mehr.",
     "sanitaer-notdienst"),
    ("There was water coming from under the sink, I've turned the valve off and it's stopped.", "sanitaer-notdienst"),
    # whether it is normal, the ordinary cause named, a thing that happens now and then
    ("Ab und zu flackert die Deckenlampe im Bad, wenn der Föhn an ist.", "sanitaer-notdienst"),
    ("the water in the toilet bowl goes down and then comes back up a bit is that normal", "sanitaer-notdienst"),
    ("there's water running down the inside of the windows every morning, that's condensation isn't it",
     "sanitaer-notdienst"),
    # a product for someone ill in bed
    ("Meine Mutter liegt mit Fieber im Bett und ist ganz schlapp, ich bräuchte Zäpfchen.", "apotheke-am-markt"),
    ("My husband's in bed with flu and he's really weak, I need some paracetamol for him.", "apotheke-am-markt"),
    # a will brought to the law firm
    ("Ich hab mein Testament geschrieben und Briefe an alle Kinder, ich möchte es bei Ihnen hinterlegen.",
     "kanzlei-berg"),
    ("I've finished my will and written letters to my children, I'd like to leave it with you.", "kanzlei-berg"),
    # tears, not water
    ("I'm in floods of tears, I'd like to order my blood pressure tablets for Friday.", "apotheke-am-markt"),
]


@pytest.mark.parametrize(("text", "client"), LOOK_ALIKES)
def test_an_ordinary_look_alike_is_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


def test_water_coming_down_from_a_ceiling_is_no_collapse():
    for text in ("Aus der Decke in der Küche kommt Wasser runter, immer mehr.",
                 "die decke im flur da kommt wasser runter immer mehr"):
        result = decide(text, "sanitaer-notdienst")
        assert result.urgency == "P1" and not any("collapse" in e for e in result.evidence), why(text, result)


def test_a_loose_socket_that_sparks_is_still_p0():
    for text in ("Die Steckdose ist locker und funkt.", "The socket is loose and it's sparking."):
        result = decide(text, "sanitaer-notdienst")
        assert result.urgency == "P0", why(text, result)


def test_a_persons_body_asked_about_as_normal_stays_an_emergency():
    # the "is that normal" of the look-alikes never lowers a danger to a person (a guard, found in the twenty-ninth set)
    for text, client in (
        ("Mein Sohn pfeift beim Atmen und seine Lippen sind ein bisschen blau, ist das normal?", "apotheke-am-markt"),
        ("my son is wheezing when he breathes and his lips look a bit blue is that normal", "apotheke-am-markt"),
    ):
        result = decide(text, client)
        assert result.urgency == "P0", why(text, result)
