"""Issue 11, thirtieth set: charged words in ordinary calls, and the emergencies said in the same words.

A surname that is a hazard word given without "mein Name ist" (twice around the first name, spelled out, before "ist
mein Nachname", after a first name, in a double-barrelled name); idioms ("mein Handy-Akku raucht gleich ab", "in Rauch
aufgegangen", "bleeding us dry", a heart attack at a price); someone else's burst pipe asked about for one's own home;
"Feuerlöscher" and "fire extinguisher" split by the recogniser; a visit asked for on someone's behalf that the encoder
puts beside a collapse. Beside them: a drill that turned into a real fire, and names said beside a real emergency.
Each family holds in German and English; run through the real analyser (rules + the shipped classifier), with the
client the caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

SANITAER = "sanitaer-notdienst"

# --- a surname that is a hazard word, given without an introduction -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rauch, Petra Rauch.",
        "rauch petra rauch",
        "Feuer, Klaus Feuer.",
        "Schmidt-Brand.",
        "Brand-Meyer hier, wegen dem Termin.",
        "Sabine Brand, ich rufe wegen der Wartung an.",
        "petra rauch feuerstein ich hatte wegen der heizungswartung angerufen",
        "Brand, B-R-A-N-D.",
        "brand b r a n d wie der brand",
        "Rauch ist mein Nachname.",
        "notarzt ist mein nachname doktor peter notarzt ich hole das rezept für meine frau ab",
        "smoke s m o k e like the smoke",
        "Smoke is my surname, Dave Smoke.",
        "surname's smoke, first name dave",
        "Harry Smoke, calling about the quote.",
        "Jane Smith-Smoke, about the boiler service.",
    ],
)
def test_a_hazard_word_given_as_a_name_is_no_emergency(text):
    result = decide(text, SANITAER)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Hier ist Rauch, Petra Rauch, bei uns brennt es in der Küche, alles voller Qualm!",
        "schmidt brand hier es riecht total nach gas im hausflur",
        "Peter, Feuer!",
        "Rauch! Küche, Rauch!",
        "Keller Brand",
        "Petra, Rauch im Flur!",
        "Burns here, my kitchen is on fire!",
        "Surname's Smoke, and there's smoke coming out of the fuse box.",
        "Harry, the kitchen's on fire!",
        # the model's emergency, with no rule: it holds once the name is taken out
        "Herr Brand hier, bei uns brennt der Dachstuhl!",
        "Gary Smoke here, the roof of our barn has gone up!",
        "black smoke",
    ],
)
def test_a_name_beside_a_fire_or_a_shout_stays_an_emergency(text):
    result = decide(text, SANITAER)
    assert result.urgency == "P0", why(text, result)


# --- idioms of smoke, blood and the heart ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mein Handy-Akku raucht gleich ab, also ganz schnell: der Termin am Dienstag geht klar.",
        "Unsere Pläne sind in Rauch aufgegangen, wir brauchen den Termin nicht mehr.",
        "Der Vermieter lässt uns ganz schön bluten mit den Nebenkosten.",
        "Bei dem Angebot krieg ich ja einen Herzinfarkt, das ist doch Wucher.",
        "Bei der Rechnung krieg ich gleich einen Herzinfarkt.",
        "My landlord is bleeding us dry with these charges, can Mr Berg look at my tenancy?",
        "At that price I'll have a heart attack.",
    ],
)
def test_an_idiom_of_smoke_blood_or_the_heart_is_no_emergency(text):
    result = decide(text, SANITAER)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Mein Handy-Akku raucht, es stinkt!",
        "Der Akku raucht und zischt!",
        "Mein Vater blutet stark am Kopf, der Vermieter lässt uns sowieso bluten.",
        "He's bleeding, he hit his head, the landlord is bleeding us dry anyway.",
        "Mein Mann hat bei der Rechnung einen Herzinfarkt bekommen, er liegt am Boden.",
        "My husband's having a heart attack, he's clutching his chest.",
    ],
)
def test_the_same_words_said_of_a_real_danger_stay_p0(text):
    result = decide(text, SANITAER)
    assert result.urgency == "P0", why(text, result)


# --- a drill that turns real ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollten eigentlich eine Brandschutzübung machen, aber jetzt brennt es wirklich, im Serverraum!",
        "Eigentlich ist heute Probealarm, aber es brennt echt im Keller!",
        "We were meant to be doing a fire drill but there's a real fire in the server room!",
        "This was supposed to be an evacuation drill but the fire is real, the stairwell is full of smoke.",
    ],
)
def test_a_drill_turned_real_is_p0(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Wir machen nächste Woche eine Brandschutzübung im Büro, können Sie die Server vorher sichern?",
        "Morgen ist Brandschutzübung, bitte nicht wundern, wenn der Feueralarm losgeht.",
        "We've got a fire drill tomorrow at ten, so please ignore the fire alarm.",
    ],
)
def test_a_drill_announced_stays_routine(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- someone else's hazard, asked about one's own home --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bei der Schwester meines Nachbarn in Köln ist ein Rohr geplatzt, kann das bei uns auch passieren?",
        "Bei meinem Bruder ist ein Rohr geplatzt, wo ist bei mir der Haupthahn, nur vorsichtshalber?",
        "My neighbour's sister in Bristol had a burst pipe, how do I find my stopcock just in case?",
        "My friend's flat had a gas leak, could that happen to us too?",
    ],
)
def test_someone_elses_hazard_asked_about_ours_is_routine(text):
    result = decide(text, SANITAER)
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Bei meinem Nachbarn ist ein Rohr geplatzt und jetzt läuft das Wasser bei mir durch die Decke.",
        "My neighbour had a burst pipe and now water is pouring through my ceiling.",
    ],
)
def test_someone_elses_hazard_that_reaches_the_caller_stays_an_emergency(text):
    result = decide(text, SANITAER)
    assert result.urgency in EMERGENCY, why(text, result)


# --- the fire extinguisher as the recogniser splits it ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "wann kommt denn ihr techniker zur feuer löscherwartung das war für donnerstag ausgemacht",
        "wir brauchen zwei neue feuer löscher für die werkstatt",
        "i'm after a fire extinguish her service for our office can someone come next week",
        "i need a fire extinguish a for the kitchen",
    ],
)
def test_a_split_fire_extinguisher_is_no_fire(text):
    result = decide(text, SANITAER)
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Feuer! Wo ist der Feuer Löscher?",
        "there's a fire in the kitchen, where's the fire extinguisher",
    ],
)
def test_a_fire_beside_the_extinguisher_stays_p0(text):
    result = decide(text, SANITAER)
    assert result.urgency == "P0", why(text, result)


# --- a visit asked for on someone's behalf --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my dads asking if you can come and look at his shower its lost pressure",
        "mein papa fragt ob sie mal nach seiner dusche schauen können die hat keinen druck mehr",
    ],
)
def test_a_visit_asked_on_someones_behalf_is_no_model_only_emergency(text):
    result = decide(text, SANITAER)
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "my dads asking if you can come quickly he collapsed in the shower and isnt breathing",
        "mein papa fragt ob sie kommen können, er ist in der dusche zusammengebrochen und atmet nicht",
    ],
)
def test_a_collapse_told_on_someones_behalf_stays_p0(text):
    result = decide(text, SANITAER)
    assert result.urgency == "P0", why(text, result)
