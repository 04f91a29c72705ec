"""Issue 11, twenty-eighth set: distress said plainly, shyly or in broken English, and the ordinary calls beside it.

Self-harm said as the whole intent ("I'm going to jump", "so that you don't wake up", a farewell ending "I won't be
here", all of someone's tablets and whether that would be enough), an attack on a named person now, the state of the
hurt told after "there was an accident"; and beside them the look-alikes: a thief still not caught after a past
break-in, an emergency at home reported while the caller is on holiday (still one), tears as a habit of grief or of
laughter (not acute), drills and alarm tests, a game or a TV series, a medicine with weeks left, a gas smell that is
"fixed now", a flood mopped up. Each family holds in German and English. Run through the real analyser (rules + the
shipped classifier), with the client the caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

# --- self-harm said as the whole intent, or as a farewell ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Entschuldigung, ich weiß, Sie sind eine Kanzlei. Ich werde springen. Ich wollte nur, dass es jemand weiß.",
         "kanzlei-berg"),
        ("Ich wollte nur danke für alles sagen und auf Wiedersehen. Den Laptop brauche ich nicht mehr, ich bin dann "
         "nicht mehr da.", "it-service-hansa"),
        ("Wenn ich das ganze Morphium von meiner Mutter nehme, würde das reichen? Ich bin so müde von allem.",
         "apotheke-am-markt"),
        ("I'm sorry, I know you're a law firm. I'm going to jump. I just wanted someone to know.", "kanzlei-berg"),
        ("How many of the paracetamol would it take so that you don't wake up in the morning?", "apotheke-am-markt"),
        ("I just wanted to say thank you for everything and goodbye. I won't need the laptop fixed anymore, I won't be "
         "here.", "it-service-hansa"),
        ("If I took all of my mum's morphine, would that be enough? I'm so tired of everything.", "apotheke-am-markt"),
    ],
)
def test_self_harm_said_plainly_or_as_a_farewell_is_p0_and_acute(text, client):
    result = decide(text, client)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Ich spring mal schnell rüber zur Apotheke.",
        "Danke für alles, ich gehe in Rente, ab nächsten Monat bin ich nicht mehr da.",
        "Thanks for everything, goodbye, I'm retiring, I won't be here from next month.",
        "How do I set the baby monitor so that the beeping doesn't wake up the baby?",
    ],
)
def test_jumps_and_farewells_of_everyday_life_are_not_self_harm(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


# --- an attack on a named person, now ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ein Kunde würgt unsere Mitarbeiterin am Empfang.",
        "A customer is attacking our receptionist in the front office, he's punching her, please send help.",
        "A customer is punching our cashier right now, please send help.",
    ],
)
def test_an_attack_on_a_named_person_now_is_p0(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Mein Kollege schlägt vor, dass wir einen Termin machen.",
        "We're attacking the problem from a new angle, can you update the server?",
    ],
)
def test_suggestions_and_attacking_a_problem_are_no_violence(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- "there was an accident" and the hurt person's state now ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Es gab einen Unfall auf der Straße, ein Mann wurde vor meinem Haus angefahren, er blutet stark.",
        "There was an accident in the street, a man was hit by a car in front of my house, he is bleeding a lot.",
    ],
)
def test_an_accident_with_someone_bleeding_now_is_p0(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


def test_an_accident_last_year_stays_in_the_past():
    text = "There was an accident last year, he is fine now, I need the invoice."
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a past break-in whose thief is still not caught (P3: nothing is happening now) ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wir hatten im März einen Einbruch und der Einbrecher ist immer noch nicht gefasst. Können Sie mir ein Angebot "
        "für Kameras machen?",
        "Vor drei Wochen wurde bei uns eingebrochen, der Täter ist noch immer nicht gefasst, ich möchte eine "
        "Alarmanlage.",
        "Der Einbruch war im Sommer, ich brauche Ihren Bericht.",
        "We had a break-in in March and the burglar is still not caught. Could you give me a quote for cameras?",
        "Three weeks ago someone broke into our shed and the police say the thief is still not caught.",
        "the break in was in the summer the insurance needs your report",
    ],
)
def test_a_past_break_in_with_the_thief_at_large_is_routine(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P3", why(text, result)


def test_a_burglar_still_in_the_house_is_still_an_emergency():
    text = "The burglar is still in the house, I can hear him downstairs."
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency in EMERGENCY, why(text, result)


# --- an emergency at home reported while the caller is on holiday ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Wir sind gerade im Urlaub, aber der Nachbar hat angerufen, bei uns läuft Wasser unter der Haustür raus.",
         "sanitaer-notdienst"),
        ("i'm on holiday and my neighbour just rang me she says our front door is open and the glass is smashed",
         "sicherheitsdienst-nord"),
        ("We are on holiday in Spain and the alarm app shows movement in our living room right now.",
         "sicherheitsdienst-nord"),
    ],
)
def test_an_emergency_at_home_reported_while_away_is_still_one(text, client):
    result = decide(text, client)
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Wir sind nächste Woche im Urlaub, können Sie die Heizung warten, solange wir weg sind?",
         "sanitaer-notdienst"),
        ("We are on holiday next week, can you service the boiler while we're away?", "sanitaer-notdienst"),
    ],
)
def test_a_holiday_on_a_routine_call_stays_routine(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- tears as a habit of grief (elevated) or of laughter (none) -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ich weine jeden Abend seit der Scheidung, haben Sie etwas Pflanzliches zum Schlafen?",
        "Seit mein Mann gestorben ist, weine ich jede Nacht. Haben Sie Baldrian?",
        "I've been crying every night since my husband died, what do you have for sleep?",
    ],
)
def test_crying_as_a_habit_of_grief_is_elevated_not_acute(text):
    result = decide(text, "apotheke-am-markt")
    assert result.distress == "elevated", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Entschuldigung, ich weine vor Lachen, mein Sohn hat das Thermometer in den Kühlschrank gelegt. Ich brauche "
        "ein neues.",
        "Sorry, I'm crying with laughter, my son put the thermometer in the fridge. I need a new one.",
    ],
)
def test_tears_of_laughter_are_no_distress(text):
    result = decide(text, "apotheke-am-markt")
    assert result.distress == "none", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Ich weine jeden Abend, aber gerade kann ich nicht aufhören, ich kann nicht mehr.",
        "I cry every night, and right now I'm crying so hard I can't breathe.",
    ],
)
def test_crying_now_stays_acute_whatever_the_habit(text):
    result = decide(text, "apotheke-am-markt")
    assert result.distress == "acute", why(text, result)


# --- drills and alarm tests announced -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Das ist nur eine Übung, der Feueralarm geht gleich los, bitte keinen Wagen schicken.",
        "this is just a drill we're testing the fire alarm at ten tomorrow please don't send anyone",
        "We're having a fire drill at eleven, so the fire alarm will go off, just so you know.",
    ],
)
def test_a_drill_or_an_alarm_test_is_no_emergency(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Der Feueralarm geht los und es brennt, das ist keine Übung!",
        "The fire alarm is going off and there is smoke, this is not a drill!",
    ],
)
def test_not_a_drill_is_an_emergency(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P0", why(text, result)


# --- a game, a TV series, a film where it happens --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Im Spiel von meinen Kindern gibt es eine Ransomware-Mission, aber im Ernst, unser Router ist langsam.",
         "it-service-hansa"),
        ("Mein Sohn guckt einen Film, wo das ganze Haus überflutet wird, wo ist eigentlich mein Haupthahn?",
         "sanitaer-notdienst"),
        ("In der Fernsehserie gestern sind die Einbrecher durchs Kellerfenster gekommen. Können Sie unsere "
         "Kellerfenster prüfen?", "sicherheitsdienst-nord"),
        ("In the game my kids play there's a ransomware mission, haha, but seriously, our router is slow, can you "
         "check it?", "it-service-hansa"),
        ("my son's watching a film where the whole house floods and it made me think where is my stopcock actually",
         "sanitaer-notdienst"),
        ("In the TV series last night the burglars came in through the cellar window. Can you check our cellar "
         "windows?", "sicherheitsdienst-nord"),
    ],
)
def test_a_game_or_a_tv_series_is_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a vital medicine with weeks left is an order --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mein Asthmaspray ist fast leer, es reicht noch etwa eine Woche, kann ich ein neues reservieren?",
        "my inhaler is nearly empty i have maybe one week left can i reserve a new one",
    ],
)
def test_a_vital_medicine_with_weeks_left_is_routine(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P3", why(text, result)


def test_a_vital_medicine_gone_today_stays_p1():
    text = "My son's inhaler is empty and he has asthma, we need a new one today please."
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P1", why(text, result)


# --- fixed now, mopped up --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Kinder haben beim Spielen das Bad überschwemmt, wir haben alles aufgewischt, jetzt ist eine Fliese "
        "locker.",
        "the kids flooded the bathroom playing with the shower we mopped it all up but now a floor tile is loose",
        "i smelled gas last night but the gas company came it was the cooker and it's fixed now i'd like the cooker "
        "checked properly",
    ],
)
def test_a_hazard_fixed_now_or_mopped_up_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a child who ate some of a grown-up's tablets (the rule, not the model; German had it) ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Entschuldigung, mein Enkel hat einige von meinen Herztabletten gegessen, ich habe die Packung offen gefunden, "
        "es fehlen vielleicht fünf.",
        "Excuse me, my grandson ate some of my heart tablets, I found the packet open, maybe five are missing.",
    ],
)
def test_a_child_who_ate_some_of_a_grown_ups_tablets_is_p0_by_rule(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P0" and any(e.startswith("rule medical") for e in result.evidence), why(text, result)


# --- taking a medicine, not swallowing one by mistake ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mein Opa ist neunzig und stur, er will seine Tabletten nicht schlucken. Gibt es die als Saft?",
        "My grandad won't swallow his tablets. Do you have them as a liquid?",
        "hi i'm calling for my grandma, she wants to know if her tablets are ready to pick up",
    ],
)
def test_taking_a_medicine_is_routine_and_calm(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "My son can't swallow, his throat is swelling up after the peanut.",
        "My little boy swallowed some of my sleeping tablets, he is very drowsy.",
    ],
)
def test_a_throat_swelling_or_a_child_poisoned_stays_p0(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P0", why(text, result)


# --- what the person cannot do is a symptom, not a denial ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mein Sohn kann nicht schlucken, sein Hals schwillt zu nach der Erdnuss.",
        "My son can not swallow, his throat is swelling up after the peanut.",
    ],
)
def test_an_inability_said_before_the_hazard_does_not_deny_it(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Es riecht nicht nach Gas, ich kann nur schlecht schlafen wegen der lauten Heizung.",
        "I don't see any flames and there's no smoke, I just want a smoke detector fitted.",
    ],
)
def test_a_denial_beside_an_inability_still_denies(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a claim heard from someone, asked about -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ein Bekannter sagt, die Polizei darf ohne Durchsuchungsbeschluss in die Wohnung, stimmt das?",
        "a friend of mine says the police can search your house without a warrant is that true",
    ],
)
def test_a_claim_heard_and_asked_about_is_no_emergency(text):
    result = decide(text, "kanzlei-berg")
    assert result.urgency not in EMERGENCY, why(text, result)


def test_an_arrest_now_with_a_question_stays_p1():
    text = "My husband was arrested an hour ago, a friend says they can hold him for 48 hours, is that true?"
    result = decide(text, "kanzlei-berg")
    assert result.urgency == "P1", why(text, result)


# --- water spreading into a room (German had it) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Der Warmwasserspeicher leckt ganz stark und das Wasser läuft in den Flur, ich finde das Ventil nicht.",
        "Der Boiler ist undicht und das Wasser fließt schon ins Wohnzimmer, ich finde den Hahn nicht.",
        "The hot water tank is leaking very fast and the water runs into the hall, I can not find the valve.",
    ],
)
def test_water_spreading_into_a_room_is_p1(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Das Wasser fließt jedes Mal in den Flur, wenn es regnet, kann nächste Woche jemand die Rinne ansehen?",
        "The water runs into the hall every time it rains, can someone check the gutter next week?",
    ],
)
def test_water_that_comes_in_whenever_it_rains_is_not_p1(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)
