"""Issue 11, thirty-second set: explicit hazards said the way ordinary people say them, and the calls that share their
words.

Very short and colloquial ("da brennt's", "Smoke!", "Stichflamme aus der Therme", "there's smoke in the hall",
"someone's set fire to the skip"), split or misheard as a recogniser writes them ("die gas leitung zischt", "carbon
mono side alarm", "koh lenmonoxid melder"), an electric arc ("the breaker panel is arcing", "die Steckdose britzelt"),
a ceiling coming down now ("die Decke kommt gleich runter"), a hazard hedged after it ("weiß nicht, ob das wichtig
ist"), told after a past matter with an aside ("while I've got you", "ach so"), an alarm whose cooking cause the caller
denies ("it's not the toast"), a vaguely named CO device with symptoms, an outage listed ("kein Server, keine Mails").
Beside them the routine calls: ordinary plumbing faults said with a negated verb ("the kitchen tap doesn't turn off
fully and drips", "die Duschtür geht nicht zu"), a backflow valve asked about, Flood and Flut as names. Each family
holds in German and English; run through the real analyser (rules + the shipped classifier).
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

S, IT = "sanitaer-notdienst", "it-service-hansa"

# --- explicit hazards, short and colloquial ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "brennt's" as people say it, a jet of flame, a fire laid by someone
        "Do brennt's im Hof, die Mülltonne.",
        "da brennt's",
        "Hier brennt's schon im Treppenhaus!",
        "Aus dem Brenner kommt eine Stichflamme.",
        "Jemand hat den Müllcontainer hinterm Haus angezündet.",
        "Smoke!",
        "smoke smoke help",
        "there's smoke in the hall",
        "theres actual smoke upstairs",
        "Someone's set fire to the skip round the back.",
        "they've torched the bins by the back door",
        # split and misheard
        "die gas leitung zischt im keller",
        "die gas flasche zischt auf dem balkon",
        "the carbon mono side alarm is going off",
        "carbon mono oxide alarm keeps going off",
        "der koh lenmonoxid melder piept",
        # an arc at the electrics
        "the breaker panel is arcing",
        "the wires behind the fuse board are arcing",
        "die Steckdose im Flur britzelt.",
        "im sicherungskasten gibt es einen lichtbogen",
        # a ceiling coming down now
        "alles unter wasser, die decke kommt gleich runter",
        "Die Decke im Bad kommt runter, das Wasser drückt von oben.",
    ],
)
def test_explicit_hazards_said_plainly_are_p0(text):
    result = decide(text, S)
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        # a hedge after the hazard is doubt, not a denial
        "im flur riecht es seit heute morgen so nach gas weiß nicht ob das wichtig ist",
        "Es qualmt ein bisschen aus der Steckdose, keine Ahnung, ob das schlimm ist.",
        "there's a smell of gas in the hall, not sure if it's important",
        # a hazard after a past matter and an aside
        "I rang last week about the radiator, and while I've got you, there's a smell of gas by the meter.",
        "Ich hab letzte Woche wegen dem Heizkörper angerufen, ach so, im Flur riecht's nach Gas.",
        "Sie waren letzten Monat wegen der Therme da, übrigens riecht es im Keller nach Gas.",
        # an alarm whose cooking cause the caller denies
        "the smoke alarms going off and its not the toast theres actual smoke in the hall",
        "the smoke alarm is going off and it wasn't the cooking",
        "Der Rauchmelder geht los und es ist nicht der Toast.",
    ],
)
def test_hazards_hedged_or_told_aside_are_still_p0(text):
    result = decide(text, S)
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry to be a pain, it's probably me being daft, but the carbon monoxide thing is going off and I've got a "
        "banging headache.",
        "the carbon monoxide gadget is beeping, I feel a bit sick",
        "das Kohlenmonoxid-Messgerät zeigt was an und mir ist übel",
        "das CO-Teil piept, ich hab Kopfweh",
    ],
)
def test_a_vaguely_named_co_device_with_symptoms_is_acute(text):
    result = decide(text, S)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Nix geht mehr, kein Server, keine Mails, kein Telefon, die ganze Firma steht.",
        "keine mails kein telefon bei uns",
        "no emails no wifi nothing's working",
        "No servers, no phones, nothing's working here.",
    ],
)
def test_an_outage_listed_is_p1(text):
    result = decide(text, IT)
    assert result.urgency in EMERGENCY, why(text, result)


# --- look-alikes: routine ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tap that does not close fully and drips
        ("the kitchen tap doesn't turn off fully and drips", "P3"),
        ("kitchen tap wont turn off all the way its dripping", "P3"),
        ("The outside tap can't be turned off properly, it keeps trickling.", "P3"),
        ("Der Küchenwasserhahn geht nicht ganz zu und tropft.", "P3"),
        ("der wasserhahn im bad lässt sich nicht richtig zudrehen und tropft", "P3"),
        # a flush that will not stop running
        ("Die Spülung hört nicht auf zu laufen, das Wasser läuft einfach nach.", "P3"),
        ("das klo hört nicht auf zu laufen", "P3"),
        # a shower door that will not shut, with or without apostrophes
        ("The tap doesn't work and the shower door won't close.", "P3"),
        ("the tap doesnt work and the shower door wont close", "P3"),
        ("Der Wasserhahn funktioniert nicht und die Duschtür geht nicht zu.", "P3"),
        ("die duschtür schließt nicht mehr richtig und der griff wackelt", "P3"),
        # a basin that drains badly, a trap that is not tight with a bowl under it
        ("The bath won't drain properly, it takes ages to go down.", "P3"),
        ("der siphon unter der spüle ist nicht dicht da steht ne schüssel drunter", "P3"),
    ],
)
def test_ordinary_faults_said_with_a_negated_verb_are_routine(text, expected):
    result = decide(text, S)
    assert result.urgency == expected, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        # ... while the same verbs with water running free stay emergencies
        "the stopcock won't turn off and water is pouring out",
        "der Haupthahn lässt sich nicht zudrehen und es läuft und läuft",
        "Das Rohr unter der Spüle ist geplatzt, das Wasser hört nicht auf zu laufen.",
    ],
)
def test_water_running_free_stays_an_emergency(text):
    result = decide(text, S)
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        # Flood and Flut as names
        "This is Mrs Flood, I'm returning your call about the appointment.",
        "Hi, Sarah Flood here, can you move my boiler service?",
        "Hier ist Flut, Petra Flut, wegen des Termins.",
        "Guten Tag, Frau Flut am Apparat, ich wollte die Wartung verschieben.",
        # a backflow valve asked about is no sewage backing up
        "Unser Keller ist letzten Winter abgesoffen, jetzt wollen wir eine Rückstauklappe. Was kostet das?",
        "Können Sie uns eine Rückstausicherung einbauen?",
        # a lit grill or fire is no fire laid
        "Ich hab den Grill angezündet, brauch aber noch Kohle, haben Sie welche?",
    ],
)
def test_names_and_prevention_are_no_emergency(text):
    result = decide(text, S)
    assert result.urgency not in EMERGENCY, why(text, result)
