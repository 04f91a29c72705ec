"""Issue 11, thirty-first set: acute distress with no hazard word, about ordinary matters (an eviction, debts, a dead
pet, a lawyer's letter, a lost parcel), said as people say it on the phone, and the calls that share its words.

Crying said in the caller's own words ("ich krieg mich nicht mehr ein", "I can't pull myself together"), an apology
for not being able to speak, hopelessness plain or in passing ("es hat doch alles keinen Sinn mehr", "I just want it
all to stop"), nobody else to ring, fear that takes sleep and food; indirect self-harm (not being missed if gone, a
sorry passed on to the children, affairs put in order). Beside them: impatience ("am Ende mit meiner Geduld"), a wrong
toner, a child's tears over a hamster, a film, a book's plot, a will, a pet hit by a car, a bank that froze the
caller's account (no scam). Each family holds in German and English; run through the real analyser (rules + the
shipped classifier).
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

# --- acute distress in the caller's own words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        # crying said, not shown
        ("Entschuldigung, ich krieg mich gerade gar nicht mehr ein, es geht um die Mahnung.", "it-service-hansa"),
        ("Ich hab den ganzen Tag geheult, der Vermieter will uns raushaben.", "kanzlei-berg"),
        ("ich heul seit stunden wegen dem brief vom amt", "kanzlei-berg"),
        ("Sorry, I can't seem to get myself together, it's about the final demand.", "it-service-hansa"),
        ("i ve been bawling since the letter came about the flat", "kanzlei-berg"),
        # an apology for not being able to speak
        ("sorry ich kann jetzt nicht sorry wegen der lieferung", "apotheke-am-markt"),
        ("Tut mir leid, dass ich so aufgelöst bin, es geht um den Termin.", "sanitaer-notdienst"),
        ("sorry i cant talk right now sorry it was about the delivery", "apotheke-am-markt"),
        ("I'm in such a state, it's about the repair.", "sanitaer-notdienst"),
        # hopelessness, plain or in passing
        ("Das hat doch alles keinen Zweck mehr mit den Schulden.", "kanzlei-berg"),
        ("Ich will einfach, dass das alles aufhört, die Briefe, das Inkasso.", "kanzlei-berg"),
        ("Es lohnt sich eh nicht mehr für mich, die Therme zu richten.", "sanitaer-notdienst"),
        ("Ich weiß nicht mehr, wie es weitergehen soll, seit der Kündigung.", "kanzlei-berg"),
        ("None of it matters anymore, the flat, the debts.", "kanzlei-berg"),
        ("I just want this all to be over, the letters and the calls.", "kanzlei-berg"),
        ("I don't know how to go on since they took the flat.", "kanzlei-berg"),
        ("Honestly I don't know why I bother getting up, with these debts.", "kanzlei-berg"),
        ("Ich kann echt nicht mehr, erst die Wohnung und jetzt das.", "kanzlei-berg"),
        ("I just can't any more, first the flat and now this.", "kanzlei-berg"),
        # nobody else, fear that takes sleep and food, losing one's mind
        ("Ich ruf an, weil ich sonst niemanden mehr habe, die Bank hat alles gesperrt.", "kanzlei-berg"),
        ("Please don't hang up, there's nobody else I can talk to.", "kanzlei-berg"),
        ("Ich kann nicht schlafen, ich kann nicht essen, seit der Brief vom Gericht kam.", "kanzlei-berg"),
        ("I can't sleep, I can't eat, since the court letter came.", "kanzlei-berg"),
        ("Mir ist richtig schlecht vor Angst wegen der Räumung.", "kanzlei-berg"),
        ("I'm sick with fear about the hearing.", "kanzlei-berg"),
        ("I'm losing my mind with these debt collectors.", "kanzlei-berg"),
    ],
)
def test_distress_said_in_the_callers_own_words_is_acute(text, client):
    result = decide(text, client)
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Ich bin am Ende mit meiner Geduld, das ist die vierte Mahnung.", "it-service-hansa"),
        ("I'm at the end of my tether with your reminders, I paid in May.", "it-service-hansa"),
        ("Ich heul gleich, schon wieder die falschen Patronen geliefert.", "it-service-hansa"),
        ("I'm desperate, I can't find my customer number anywhere.", "it-service-hansa"),
        ("Ich bin echt verzweifelt, ich finde die Kundennummer nicht.", "it-service-hansa"),
        ("My daughter was in tears because her goldfish died, can I order the vitamins?", "apotheke-am-markt"),
        ("We watched a film on Sunday where the horse dies, I was in tears. Anyway, the boiler service?",
         "sanitaer-notdienst"),
        ("Ich hab echt keinen Bock mehr auf euren Service, kündigen Sie den Vertrag.", "it-service-hansa"),
        ("Ich bin fertig mit dem Antrag, wohin schick ich den?", "kanzlei-berg"),
        ("I just want this dripping to stop, the tap in the bathroom.", "sanitaer-notdienst"),
        ("Es hat doch keinen Sinn, den alten Drucker zu reparieren.", "it-service-hansa"),
        ("Ich kann grad nicht, ich bin im Auto, rufen Sie mich später an?", "sanitaer-notdienst"),
    ],
)
def test_impatience_slips_others_tears_and_stories_are_not_acute(text, client):
    result = decide(text, client)
    assert result.distress != "acute" and result.urgency not in EMERGENCY, why(text, result)


# --- indirect self-harm said about an ordinary matter ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Mich würde doch keiner vermissen, wenn ich weg wäre. Es geht um die Rechnung.", "sanitaer-notdienst"),
        ("Wenn ich nicht mehr da wäre, würde es eh keiner merken.", "kanzlei-berg"),
        ("Können Sie meinem Sohn ausrichten, dass es mir leidtut? Ich kann das mit der Firma nicht mehr.",
         "kanzlei-berg"),
        ("Ich hab schon geregelt, wer was bekommt, ich wollte nur noch die Rechnung zahlen.", "it-service-hansa"),
        ("Nobody would notice if I was gone, I'm only ringing about the bill.", "sanitaer-notdienst"),
        ("Please tell my daughter I'm sorry, I can't do any of this any more.", "kanzlei-berg"),
        ("I've put down who gets what, I just wanted to pay what I owe you.", "it-service-hansa"),
    ],
)
def test_indirect_self_harm_is_p0_and_acute(text, client):
    result = decide(text, client)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Ich möchte ein Testament machen, ich hab schon aufgeschrieben, wer was bekommt.", "kanzlei-berg"),
        ("For the will, I've written down who gets what, when can I come in?", "kanzlei-berg"),
        ("Ich lese gerade einen Roman, wo der Held alles verliert und nicht mehr leben will. Haben Sie Baldrian?",
         "apotheke-am-markt"),
        ("I'm reading a novel where the man loses his farm and doesn't want to live any more. Do you sell melatonin?",
         "apotheke-am-markt"),
        ("In that episode last night a woman said nobody would miss her. Anyway, is my order ready?",
         "apotheke-am-markt"),
    ],
)
def test_a_will_and_a_storys_plot_are_no_self_harm(text, client):
    result = decide(text, client)
    assert result.urgency != "P0", why(text, result)


# --- a pet hit by a car; a bank that froze the caller's own account --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Unsere Katze ist heute früh überfahren worden, ich wollte den Termin absagen.",
        "Our cat got hit by a car this morning, I need to cancel the appointment.",
    ],
)
def test_a_pet_hit_by_a_car_is_no_medical_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Vor dem Haus ist gerade ein Radfahrer angefahren worden, er liegt auf der Straße.",
        "A cyclist has just been hit by a car outside, he's lying in the road.",
    ],
)
def test_a_person_hit_by_a_car_is_still_p0(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)


def test_a_bank_that_froze_the_callers_account_is_no_spam():
    text = "Die Bank hat mein Konto gesperrt und übermorgen ist die Miete fällig, ich weiß nicht weiter."
    result = decide(text, "kanzlei-berg")
    assert result.urgency != "P4", why(text, result)


def test_a_scam_about_a_blocked_account_is_still_spam():
    text = "Guten Tag, Ihr Konto wurde gesperrt, drücken Sie die Eins für den Kundendienst."
    result = decide(text, "kanzlei-berg")
    assert result.urgency == "P4", why(text, result)


# --- a cold flat with the heating off, a vital medicine with one dose left ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a death last year talks the model's guess down; the rule hears the heating that is off now
        "Mein Mann ist letztes Jahr gestorben, und jetzt geht die Heizung nicht, es ist so kalt hier.",
        "My wife died last year and now the heating won't come on, it's so cold in here.",
    ],
)
def test_a_heating_off_said_verb_first_or_as_wont_come_on_is_p1(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Im Bad geht die Heizung nicht richtig, das hat Zeit bis nächste Woche.",
        "The heating won't come on in the bathroom, the rest of the flat is warm.",
    ],
)
def test_one_room_or_a_weak_heating_is_no_p1(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Die Epilepsie-Tabletten meiner Tochter sind nicht gekommen, ich hab nur noch eine Tablette für heute.",
        "My daughter's epilepsy tablets have gone missing in the post, I've only got one left.",
    ],
)
def test_a_vital_medicine_with_one_dose_left_is_p1(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P1", why(text, result)


# --- a relative's number; fear in a clause of its own; another's tears ------------------------------------------------


def test_a_relatives_number_not_found_is_no_missing_child():
    text = "I can't find my son's number, could you ring him about the boiler service?"
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Ich geh hier nicht weg, ich hab solche Angst, die wollen mich aus der Wohnung holen.",
        "No, I'm shaking, they want me out of the flat by Friday.",
    ],
)
def test_fear_in_its_own_clause_is_not_denied_by_the_clause_before(text):
    result = decide(text, "kanzlei-berg")
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Keine Panik, ich wollte nur den Termin verschieben.",
        "I'm not panicking, I only wanted to move the appointment.",
    ],
)
def test_calm_said_as_no_panic_stays_calm(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.distress != "acute", why(text, result)


def test_a_childs_tears_told_as_past_are_not_the_callers_distress():
    text = "My little boy was in tears because his rabbit died, but I'm ringing about some plasters."
    result = decide(text, "apotheke-am-markt")
    assert result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Ich halt das nicht mehr aus, die Kinder haben geweint, der Vermieter war wieder da.",
        "I can't take any more, the kids were crying, the landlord came round again.",
    ],
)
def test_the_callers_own_words_beside_anothers_tears_stay_acute(text):
    result = decide(text, "kanzlei-berg")
    assert result.distress == "acute", why(text, result)
