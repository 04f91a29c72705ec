"""Issue 11, twenty-first set: the boundary between emergencies and ordinary calls that sound like them.

Each family holds in German and English and comes with its look-alikes: a surname, a product or a detector's chirp
must not make an emergency, and the emergency beside those words must still be one. Run through the real analyser
(rules + the shipped classifier), with the client the caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why
from triage.brain.rules.names import name_spans
from triage.brain.text import Folded

# --- a surname is no fire --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Guten Tag, hier ist Brand, Sabine Brand, ich wollte einen Termin für die Wartung meiner Heizung ausmachen.",
         "sanitaer-notdienst"),
        ("Hier spricht Frau Feuer, ich möchte eine Nachricht für Herrn Berg hinterlassen.", "kanzlei-berg"),
        ("hallo hier ist brand aus der lindenstraße kommen sie auch sonntags", "sanitaer-notdienst"),
        ("My name is Helen Brand, I'd like to leave a message for Mr Berg about the lease.", "kanzlei-berg"),
        ("hi this is gary smoke from number twelve do you come out on saturdays", "sanitaer-notdienst"),
        ("it's Mrs Fire here, can I book a boiler service for next week", "sanitaer-notdienst"),
    ],
)
def test_a_surname_that_sounds_like_fire_is_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Herr Brand hier, bei uns brennt es im Keller!",
        "Hilfe, hier ist Feuer!",
        "hier ist rauch",
        "Mr Brand here, our roof is on fire!",
        "es gibt einen Brand im Keller, Herr Brand hier",
        "this is smoke coming from the boiler",
    ],
)
def test_a_fire_said_beside_or_instead_of_a_name_is_still_p0(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)


def test_name_spans_cover_the_surname_only():
    folded = Folded.of("Guten Tag, hier ist Brand, Sabine Brand, es gibt einen Brand im Keller")
    assert [folded.text[s:e] for s, e in name_spans(folded)] == ["brand", "brand"]
    assert name_spans(Folded.of("Hilfe, hier ist Feuer!")) == []


# --- a smoke alarm set off by cooking --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Mein Rauchmelder geht jedes Mal los, wenn ich koche, kann man den woanders hinhängen?",
        "der rauchmelder piept immer sobald wir braten",
        "my smoke alarm keeps going off when I cook",
        "the smoke detector goes off every time I make toast, can you move it",
    ],
)
def test_a_smoke_alarm_set_off_each_time_someone_cooks_is_no_emergency(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "the smoke alarm keeps going off and the hallway is full of smoke, I wasn't cooking",
        "der rauchmelder geht los wenn ich koche und jetzt brennt die pfanne",
    ],
)
def test_a_fire_beside_a_cooking_alarm_is_still_p0(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P0", why(text, result)


# --- a CO detector's low-battery chirp, or an alarm -----------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Der CO-Melder piept alle paar Minuten.",
        "Der CO-Melder zirpt alle paar Minuten.",
        "Unser Kohlenmonoxidmelder piept einmal pro Minute ganz kurz, wie wechsle ich die Batterie?",
        "Der CO-Melder im Flur zirpt alle paar Minuten, uns geht's gut, ist das die Batterie?",
        "My CO alarm beeps every few minutes, is it the battery?",
        "the carbon monoxide detector gives a short chirp once a minute",
    ],
)
def test_a_co_detector_chirping_without_symptoms_or_alarm_tone_is_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P3", why(text, result)


@pytest.mark.parametrize(
    ("text", "distress"),
    [
        ("Der CO-Melder piept alle paar Minuten und mir ist schwindelig.", "acute"),
        ("Der CO-Melder macht so einen lauten Dauerton, ganz durchgehend, uns geht es noch gut.", None),
        ("our co alarm is beeping every few minutes and my son is very drowsy", "acute"),
        ("The carbon monoxide alarm is making a loud continuous tone, we all still feel fine.", None),
        ("The CO alarm by the boiler has been beeping since this morning and my wife feels sick and has a headache.",
         "acute"),
    ],
)
def test_a_co_alarm_tone_or_symptoms_are_p0(text, distress):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)
    if distress:
        assert result.distress == distress, why(text, result)


# --- an invoice question, then an emergency in the same turn ------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Es geht um die Rechnung, und nebenbei, das Rohr unter der Spüle ist gerade geplatzt und das Wasser spritzt "
         "überall hin.", "sanitaer-notdienst"),
        ("It's about the invoice, and also the pipe under the sink has just burst and water is spraying everywhere.",
         "sanitaer-notdienst"),
        ("I was calling about the toner invoice but everything's just gone down, all the servers, there's a ransom "
         "note on every screen.", "it-service-hansa"),
        ("Wegen der Rechnung wollte ich anrufen, aber jetzt ist bei uns alles weg, die Server sind verschlüsselt.",
         "it-service-hansa"),
    ],
)
def test_an_emergency_after_an_invoice_question_is_an_emergency(text, client):
    result = decide(text, client)
    assert result.urgency == "P1", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Die Rechnung für den Rohrbruch ist noch nicht da.",
        "I have a question about the invoice for the burst pipe you fixed",
        "the invoice for the burst pipe last week is wrong",
    ],
)
def test_an_invoice_about_the_damage_stays_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P3", why(text, result)


# --- signs of a stroke --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Mein Mann redet auf einmal ganz verwaschen und sein Mundwinkel hängt, das sind doch Anzeichen für einen "
        "Schlaganfall.",
        "Meine Mutter hat Anzeichen für einen Schlaganfall, sie sitzt hier neben mir.",
        "my dad is showing signs of a stroke, he's sitting right here",
    ],
)
def test_signs_of_a_stroke_in_someone_present_are_p0(text):
    result = decide(text, "apotheke-am-markt")
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


@pytest.mark.parametrize(
    "text", ["Was sind eigentlich die Anzeichen für einen Schlaganfall?", "what are the signs of a stroke"]
)
def test_asking_what_the_signs_of_a_stroke_are_is_routine(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P3", why(text, result)


# --- intruders still there: fear, voices, a camera ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Ich zittere, die sind noch im Haus",
        "I'm shaking, they are still in the house",
        "Unsere Alarmanlage im Laden geht los, und auf der Kamera sehe ich zwei Leute drin.",
        "Our shop alarm is going off and on the camera I can see two people inside.",
    ],
)
def test_intruders_still_there_are_p0_by_rule(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P0", why(text, result)
    assert any(e.startswith("rule violence:") for e in result.evidence), why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "The cleaners are still in the building, can you delay arming the alarm?",
        "Can I see the camera footage from the shop from last night?",
    ],
)
def test_people_who_belong_there_and_camera_footage_are_no_intruder(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a police report to be filed ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "I want to file a police report online",
        "Ich möchte online eine Anzeige bei der Polizei erstatten wegen meinem geklauten Fahrrad, wie geht das?",
        "how do I report my stolen bike to the police online",
        "ich muss noch eine anzeige machen wegen dem diebstahl, brauche ich dafür einen anwalt",
    ],
)
def test_filing_a_police_report_is_no_emergency(text):
    result = decide(text, "kanzlei-berg")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- guards, stewards and patrols are ordered ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Wir bräuchten für unser Firmenfest am 14. zwei Sicherheitsleute am Eingang.", "place_order"),
        ("Ich möchte einen Wachschutz für unsere Baustelle buchen, nachts, für vier Wochen.", "place_order"),
        ("We need two security guards at the entrance for our company party.", "place_order"),
        ("I'd like to book night security for our building site, starting next week.", "place_order"),
        ("We'd like a mobile patrol to drive past our warehouse twice a night.", "place_order"),
        # ... a quote for them is a callback, a complaint about them a complaint
        ("I need a quote for two guards at our event", "leave_message"),
        ("Our guard didn't turn up last night, I want to complain.", "complaint"),
    ],
)
def test_guards_and_patrols_are_ordered_not_booked_as_appointments(text, intent):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.intent == intent, why(text, result)


# --- old damage for the insurance ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "I need confirmation of the water damage from last spring for my insurance.",
        "Ich brauche für meine Versicherung eine Bestätigung über den Wasserschaden vom letzten Frühjahr.",
    ],
)
def test_old_damage_for_the_insurance_is_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P3", why(text, result)


# --- medicine for a child: an order, or a poisoning --------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Brauche Nasenspray für Kind",
        "Brauche Nasenspray für mein Kind, das für Kleinkinder, zum Abholen heute Nachmittag.",
        "Need nasal spray for my kid, the children's one, to pick up this afternoon.",
        "My son has a cold, I'd like children's fever syrup and cough syrup, can you deliver?",
    ],
)
def test_medicine_ordered_for_a_childs_cold_is_routine(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P3", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "My toddler drank the whole bottle of children's fever syrup, it's empty now.",
        "Mein Kleiner hat die ganze Flasche Fiebersaft ausgetrunken, die ist jetzt leer.",
    ],
)
def test_a_child_who_drank_a_bottle_of_medicine_is_p0(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P0", why(text, result)


def test_a_medicine_needed_today_is_still_p2():
    result = decide("Ich brauche heute noch das Antibiotikum für meinen Sohn, das Rezept hab ich.", "apotheke-am-markt")
    assert result.urgency == "P2", result.evidence


# --- smart-home words, patience, a battery question, fire-protection products ---------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("dim the lights", "sanitaer-notdienst"),
        ("kannst du das Licht dimmen", "sanitaer-notdienst"),
        ("How do I dim the lights in the meeting room from the new panel?", "it-service-hansa"),
        ("Could you send me a quote for a fire alarm system in our warehouse?", "sicherheitsdienst-nord"),
        ("Könnten Sie mir ein Angebot für eine Brandmeldeanlage in unserem Lager machen?", "sicherheitsdienst-nord"),
    ],
)
def test_ordinary_requests_with_alarming_words_are_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Der Wasserhahn in der Küche tropft, hat keine Eile, nächste Woche reicht.",
        "Der CO-Melder im Flur zirpt alle paar Minuten, ist das die Batterie?",
    ],
)
def test_patience_and_a_battery_question_are_no_denial_and_no_wrong_number(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P3", why(text, result)


# --- a goodbye before going tonight ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Ich wollte nur noch Tschüss sagen, bevor ich heute Nacht gehe, Sie waren immer so nett zu mir.",
        "I just wanted to say goodbye before I go tonight, you've always been so kind to me.",
    ],
)
def test_a_goodbye_before_going_tonight_is_p0_acute(text):
    result = decide(text, "apotheke-am-markt")
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "I wanted to say goodbye before I leave for good, I'm retiring to Spain.",
        "Ich wollte Tschüss sagen, bevor ich heute Abend gehe, ich fahre morgen in den Urlaub.",
    ],
)
def test_a_goodbye_before_a_move_or_a_holiday_is_no_emergency(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency not in EMERGENCY, why(text, result)


def test_a_heating_appointment_to_be_arranged_is_no_heating_failure():
    result = decide("Ich wollte einen Termin für die Wartung meiner Heizung ausmachen.", "sanitaer-notdienst")
    assert result.urgency == "P3", result.evidence
    result = decide("Die Heizung ist komplett aus und draußen friert es.", "sanitaer-notdienst")
    assert result.urgency == "P1", result.evidence


# --- found after retraining with the set: expired pills returned, a tradesperson needed ------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "ich hab alle tabletten zusammengesucht die abgelaufen sind, kann ich die bei ihnen abgeben",
        "I've gathered up all my expired tablets, can I drop them off with you?",
    ],
)
def test_expired_medicines_returned_are_no_emergency(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text", ["i need a plumber, the kitchen tap keeps dripping", "ich brauche einen Klempner, der Wasserhahn tropft"]
)
def test_a_tradesperson_for_a_named_fault_is_a_report(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.intent == "report_problem", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Mein Vater braucht einen Anwalt wegen seiner Kündigung, er hört schlecht, rufen Sie bitte mich an.",
        "My dad needs a solicitor about his dismissal, he's hard of hearing, so please call me instead.",
    ],
)
def test_a_callback_for_someone_else_is_a_message_not_a_person_now(text):
    result = decide(text, "kanzlei-berg")
    assert result.intent == "leave_message", why(text, result)
