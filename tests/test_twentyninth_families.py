"""Issue 11, twenty-ninth set: emergencies told by someone else, said late in a long turn, or worded unusually, and the
ordinary calls that share their words.

Signs of a medical emergency said a few words away from their verb, or by a carer or a parent in the middle of an
order (a seizure that begins, slurred speech, pressure on the chest, breath got hard, a baby's pauses in breathing,
someone gone limp who does not answer); a ceiling that has come down, a battery that smokes; something broken open or
glass heard breaking with steps in the house; a blow heard through the wall, then silence; rotten eggs with nausea; a
small child locked in with the bath running; a caller on a railing or a bridge, a colleague who gives his things away
with a farewell; a gas smell "since this morning" after an earlier visit; a panic that breaks off ("ich kann nicht ich
krieg keine Luft"). Beside them: a course where CPR is practised, a ransomware plan, the news, a server "running fine
since this morning", "the office is on fire today", a vital medicine with spares at hand. Each family holds in German
and English; run through the real analyser (rules + the shipped classifier), with the client the caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

# --- medical signs said late, or by a carer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Ich bin die Betreuerin von Frau Lenz, sie hat gerade angefangen zu krampfen.", "apotheke-am-markt"),
        ("Ich wollte nur Hustensaft bestellen, und mein Vater spricht auf einmal ganz komisch verwaschen.",
         "apotheke-am-markt"),
        ("Wegen der Rechnung ruf ich an, und jetzt drückt es meiner Frau so fest auf der Brust.", "sanitaer-notdienst"),
        ("Ich bräuchte noch Fiebersaft zum Abholen, und die Kita hat angerufen, mein Sohn kriegt nach dem Mittagessen "
         "Quaddeln und schwer Luft.", "apotheke-am-markt"),
        ("Ich ruf an wegen der Windeln, die ich bestellt hab, und mein Baby hat seit einer halben Stunde Atempausen.",
         "apotheke-am-markt"),
        ("Ich wollte die Öffnungszeiten wissen, und meine Tochter ist ganz schlapp und antwortet mir nicht richtig.",
         "apotheke-am-markt"),
        ("mama antwortet nicht mama mama sie liegt da in der küche", "sanitaer-notdienst"),
        ("I'm her carer, Mrs Lane has just started fitting.", "apotheke-am-markt"),
        ("I only wanted cough syrup, and my dad's speech is all slurred since a few minutes ago.", "apotheke-am-markt"),
        ("He's gone grey and sweaty and he's clutching his left arm.", "apotheke-am-markt"),
        ("My baby keeps stopping breathing for a few seconds at a time.", "apotheke-am-markt"),
        ("I wanted your opening hours over Christmas, and my daughter's gone all floppy and isn't answering me "
         "properly.", "apotheke-am-markt"),
    ],
)
def test_medical_signs_said_late_or_by_a_carer_are_p0_and_acute(text, client):
    result = decide(text, client)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Mein Bauch fängt an zu krampfen, haben Sie Buscopan da?", "apotheke-am-markt"),
        ("Mein Mann hat nachts Atempausen beim Schnarchen, gibt es da etwas aus der Apotheke?", "apotheke-am-markt"),
        ("Die Firma antwortet nicht auf meine Mails, die Rechnung liegt immer noch hier.", "sanitaer-notdienst"),
        ("We've started fitting the new kitchen, can you deliver the taps on Monday?", "sanitaer-notdienst"),
        ("My husband snores and his breathing keeps stopping at night, is there a spray?", "apotheke-am-markt"),
    ],
)
def test_cramps_snoring_unanswered_mail_and_fitting_a_kitchen_are_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


# --- a structure that has come down, a battery that smokes ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Garagendecke ist halb runtergekracht, überall Risse.",
        "Der Akku vom Rasenmäher im Schuppen zischt und raucht.",
        "The kitchen ceiling has just half come down, there are cracks everywhere.",
        "The power bank on my desk is hissing and smoking.",
    ],
)
def test_a_structure_come_down_or_a_smoking_battery_is_p0(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Letztes Jahr ist bei uns die Kellerdecke eingestürzt, jetzt brauche ich die Rechnung für die Versicherung.",
        "The garden wall came down last year and we rebuilt it, I'd like a quote for plastering.",
    ],
)
def test_a_collapse_last_year_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- something broken open, glass heard with steps, a blow then silence ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ich wollte wegen der Rechnung fragen, und grade seh ich auf der Kamera, einer bricht unseren Automaten auf.",
        "Wir hatten ein Angebot angefragt, und gerade hör ich unten Glas klirren und Schritte im Flur.",
        "I wanted to ask about the bill, and right now someone is prising open our cash box, I can see him.",
        "We asked for a quote, and right now I can hear glass smashing downstairs and footsteps.",
    ],
)
def test_a_break_in_or_a_blow_heard_now_is_p0(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Gestern Nacht hab ich Glas klirren hören und Schritte, heute früh war das Auto aufgebrochen, ich brauche "
        "einen Bericht für die Versicherung.",
        "I heard glass breaking last night and footsteps, the shed was broken into, we'd like a quote for cameras.",
    ],
)
def test_glass_heard_last_night_is_no_emergency_now(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency != "P0", why(text, result)


# --- rotten eggs with nausea; a blow then silence; a small child locked in with the bath running ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nebenan wieder Geschrei, dann ein dumpfer Schlag, und jetzt ist es ganz still.",
        "Shouting next door again, then a thud, and now it's gone completely quiet.",
        "Im Bad stinkt es nach faulen Eiern und mir wird ganz schlecht.",
        "The kitchen reeks of rotten eggs and we're all feeling dizzy.",
        "der kleine hat sich im bad eingesperrt und das wasser in der wanne läuft er ist erst drei",
        "My toddler has locked himself in the bathroom and the bath water is running.",
    ],
)
def test_gas_with_nausea_a_blow_then_silence_and_a_child_locked_in_with_water_are_p0_and_acute(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


# --- on a railing or a bridge; a colleague's farewell told by someone else -------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("hallo ich hätte gern einen rückruf wegen dem testament aber ich sitz grad auf dem brückengeländer und ich "
         "glaub ich spring gleich", "kanzlei-berg"),
        ("Mein Bruder verschenkt alle seine Sachen und hat sich gestern von allen verabschiedet.", "kanzlei-berg"),
        ("Ein Kollege schreibt, er verschenkt gerade alles, und nach heute Abend müsstet ihr ihn nicht mehr ertragen.",
         "it-service-hansa"),
        ("I wanted a callback about the divorce, but I'm standing on the bridge and I don't think I'm going home.",
         "kanzlei-berg"),
        ("My flatmate is giving away all his things and saying goodbye to everyone.", "kanzlei-berg"),
        ("A colleague keeps messaging that we won't have to put up with him after tonight.", "it-service-hansa"),
    ],
)
def test_a_jump_from_a_height_and_a_relayed_farewell_are_p0_and_acute(text, client):
    result = decide(text, client)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Ich verschenke alle meine Sachen, weil ich nach Kanada auswandere, und wollte mich verabschieden.",
        "Ich steh gerade auf dem Dach und repariere die Antenne, können Sie mich zurückrufen?",
        "I'm giving away all my things because I'm moving to Spain, so goodbye from me.",
        "You won't have to put up with me much longer, I'm retiring in May.",
    ],
)
def test_emigrating_retiring_and_roof_work_are_no_self_harm(text):
    result = decide(text, "kanzlei-berg")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


# --- a time of now said after the hazard; a panic that breaks off ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ihre Monteure waren letzten Monat da, alles prima, im Keller riecht es nach Gas seit heute Morgen.",
        "Your lads were here last month, lovely job, there's a smell of gas in the cellar since this morning.",
        "ich kann nicht ich krieg keine luft mehr meine brust",
        "ich kann nicht ich kann nicht er atmet nicht mehr",
    ],
)
def test_a_hazard_since_this_morning_and_a_broken_off_panic_are_p0(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Letzte Woche roch es im Keller nach Gas, der Techniker hat es repariert, ich brauche die Rechnung.",
        "The gas smell last week was the cooker, it's been fixed, I need the invoice.",
        "Ich kann nicht kommen, es ist kein Notfall, der Wasserhahn tropft nur.",
    ],
)
def test_a_gas_smell_last_week_and_i_cannot_come_are_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- look-alikes: a course, a plan, the news, running fine since, a busy office ---------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Im Betrieb lernen wir nächste Woche Wiederbelebung, haben Sie einen Übungsdefi?", "apotheke-am-markt"),
        ("On the first aid day we'll practise resuscitation, do you sell training dummies?", "apotheke-am-markt"),
        ("Wir brauchen einen Ransomware-Notfallplan, können Sie uns beraten?", "it-service-hansa"),
        ("Can you write us a ransomware response plan?", "it-service-hansa"),
        ("In den Nachrichten kam, dass ein Gasleck ein Haus zerstört hat, wie oft sollte man die Leitung prüfen?",
         "sanitaer-notdienst"),
        ("It was on the news that a gas leak destroyed a house, how often should the pipes be checked?",
         "sanitaer-notdienst"),
        ("Der Server war gestern Abend down, seit heute früh läuft er einwandfrei, woran lag das?", "it-service-hansa"),
        ("The server crashed last night but it's been running fine since this morning, what caused it?",
         "it-service-hansa"),
        ("Bei uns im Büro brennt heute die Luft, können Sie den Toner bis Freitag liefern?", "it-service-hansa"),
        ("The office is on fire today, everyone wants something, can you deliver the toner by Friday?",
         "it-service-hansa"),
    ],
)
def test_a_course_a_plan_the_news_a_fixed_server_and_a_busy_office_are_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Wir sind im Erste-Hilfe-Kurs und der Trainer ist gerade umgekippt und atmet nicht.", "apotheke-am-markt"),
        ("We're on a first aid course and the trainer has just collapsed and isn't breathing.", "apotheke-am-markt"),
        ("There's a fire in the office today, smoke everywhere!", "it-service-hansa"),
        ("Ransomware hat gerade alle Rechner verschlüsselt, nichts geht mehr.", "it-service-hansa"),
    ],
)
def test_the_real_ones_beside_a_course_a_fire_and_ransomware_stay_emergencies(text, client):
    result = decide(text, client)
    assert result.urgency in EMERGENCY, why(text, result)


# --- a vital medicine with spares at hand -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mein Asthmaspray ist leer, ich hab aber noch ein zweites Spray im Auto, können Sie mir ein neues zurücklegen?",
        "Der Kühlschrank ist ausgefallen und mein Insulin lag drin, kann ich es noch nehmen? Ich hab noch zwei Pens "
        "bei meiner Schwester.",
        "My inhaler's empty, but I've got a spare inhaler in the car, could you put a new one aside?",
        "the fridge has died with my insulin in it can i still use it i've got two more pens at my mum's",
    ],
)
def test_a_vital_medicine_with_spares_at_hand_is_no_emergency(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Mein Asthmaspray ist leer und ich hab kein zweites Spray, ich brauche heute eins.",
        "My inhaler is empty and I haven't got a spare inhaler, I need one today.",
        "my son swallowed some of my heart tablets, i've got two more packs here, what do i do",
    ],
)
def test_no_spare_or_a_child_who_swallowed_tablets_stays_an_emergency(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency in EMERGENCY, why(text, result)
