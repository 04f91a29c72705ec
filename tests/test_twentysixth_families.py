"""Issue 11, twenty-sixth set: each client's own emergencies as its callers say them, and their look-alikes.

An IT intruder at work or data being wiped now, a heating that is "dead", an alarm panel that shows a zone, strangers
over the fence on the camera, a door just tried with the man still outside; and beside them the ordinary calls with
the same words (a remote-support request, "dead expensive", a zone fault, children climbing the fence, "so that the
alarm doesn't go off", a missed dose, e-mail alone down). Each family holds in German and English. Run through the real
analyser (rules + the shipped classifier), with the client the caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

# --- an intruder in the systems now, or data being wiped (IT provider) ----------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Da steuert gerade jemand meinen Rechner, der Mauszeiger fährt über den Desktop und öffnet Programme.",
         "it-service-hansa"),
        ("der mauszeiger bewegt sich von selbst und klickt unsere buchhaltung auf", "it-service-hansa"),
        ("Ein Fremder hat sich in unser Administrator-Konto eingeloggt und sperrt gerade die Benutzer.",
         "it-service-hansa"),
        ("bei uns löschen sich gerade die ordner auf dem server einer nach dem anderen", "it-service-hansa"),
        ("Somebody is controlling my computer, the cursor is opening our banking software.", "it-service-hansa"),
        ("the pointer keeps moving by itself and clicking on things", "it-service-hansa"),
        ("A hacker has got into our admin account and is resetting the passwords.", None),
        ("something is wiping the backups on the nas as we speak", "it-service-hansa"),
    ],
)
def test_an_intruder_in_the_systems_or_data_being_wiped_is_p1(text, client):
    result = decide(text, client)
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Können Sie sich per Fernwartung auf meinen Rechner schalten? Outlook startet nicht.",
        "Wie lösche ich alte Dateien vom Netzlaufwerk?",
        "Ich hab mein Passwort für das Admin-Konto vergessen.",
        "Could you remote in and take over my screen, Excel keeps freezing?",
        "we're deleting old user accounts next week, can you help with that",
        "I need to reset the passwords for two new starters.",
    ],
)
def test_remote_support_and_account_housekeeping_are_routine(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


# --- the heating is "dead" in the cold -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Unsere Heizung ist tot, es hat minus sechs Grad und mein Vater ist neunzig.",
        "Eigentlich ruf ich wegen der Rechnung an, aber die Heizung ist seit gestern tot und es friert, Mutter ist 90.",
        "The central heating's dead and it's snowing, my mum's in her eighties.",
        "I was ringing about a bill really, but the heating's been dead since last night and it's minus three.",
        "sorry i meant to ask about the invoice but our boiler's dead and it's freezing and we've got a newborn",
    ],
)
def test_a_dead_heating_in_the_cold_is_p1(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Die Heizung war im Januar mal tot, seitdem läuft sie wieder, ich hätte gern die Wartung.",
        "That boiler you fitted was dead expensive, can I pay the invoice in instalments?",
        "the heating was dead last winter so can you service it before it gets cold",
    ],
)
def test_a_dead_heating_in_the_past_or_dead_expensive_is_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- the alarm panel or app shows an alarm in a zone (security company) ----------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Die Alarmanlage meldet Bewegung in der Werkstatt, wir sind im Urlaub.",
        "meine alarm app zeigt alarm im erdgeschoss ich bin im urlaub",
        "the security alarm app is showing an alarm in the warehouse and we're on holiday",
        "our house alarm is reporting a zone in the kitchen and we're on holiday in spain",
    ],
)
def test_an_alarm_panel_showing_an_alarm_is_p1(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Die Alarmanlage zeigt eine Zonenstörung an, kann da mal ein Techniker kommen?",
        "Our intruder alarm needs a new battery, when can someone come?",
        "the intruder alarm is showing a zone fault can you book an engineer",
        "I'd like a quote for an intruder alarm system for the shop.",
    ],
)
def test_an_intruder_alarm_as_a_device_is_routine(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


# --- strangers over the fence now, on the camera ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Auf dem Video sehe ich gerade drei Männer, die über unsere Mauer am Hof steigen.",
        "ich seh auf der überwachung wie zwei über das tor am bauhof klettern",
        "On the CCTV there are three lads climbing over our wall at the depot.",
        "there's someone scaling the gate at the yard right now",
    ],
)
def test_strangers_over_the_fence_now_are_an_emergency(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Die Nachbarskinder klettern immer wieder über den Zaun, wir hätten gern ein Angebot für eine Kamera.",
        "Kids keep climbing over our fence at weekends, could we get a quote for cameras?",
    ],
)
def test_children_who_keep_climbing_the_fence_are_routine(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a door just tried, the man still there --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Gerade hat einer versucht, unsere Kellertür aufzubrechen, er steht noch im Hof.",
        "a man just tried to jemmy our back door and he's still out in the yard",
        "Somebody's just tried to force the shop door, he's still hanging about outside.",
    ],
)
def test_a_door_just_tried_with_the_man_still_there_is_p0(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P0", why(text, result)


# --- a clause after "geht nicht" / "doesn't work" is not denied; a denial still is ----------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Die Kasse geht nicht, alle Rechner sind aus, der Laden ist voll.", "it-service-hansa"),
        ("das licht im flur funktioniert nicht wasser läuft aus der decke", "sanitaer-notdienst"),
        ("The card machine doesn't work, the whole system is down and we've got a queue.", "it-service-hansa"),
    ],
)
def test_a_clause_after_a_broken_device_is_not_denied(text, client):
    result = decide(text, client)
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Es geht nicht um einen Rohrbruch, ich möchte nur ein Angebot.", "sanitaer-notdienst"),
        ("It's not about a burst pipe, I only want a quote.", "sanitaer-notdienst"),
        ("Es riecht nicht nach Gas, der Herd zündet nur schlecht.", "sanitaer-notdienst"),
        ("Nicht alle Rechner sind aus, nur der Drucker geht nicht.", "it-service-hansa"),
    ],
)
def test_a_real_denial_still_denies(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- what the caller wants to prevent is not happening ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Wir haben heute Inventur bis Mitternacht, nicht dass die Alarmanlage losgeht.",
        "nur zur info wir sind heute nacht im lager nicht dass der alarm ausgelöst wird",
        "We're stocktaking till midnight, I'm ringing to avoid the alarm going off.",
        "just a heads up so the alarm doesn't go off, the cleaners are in late tonight",
    ],
)
def test_an_alarm_the_caller_wants_to_prevent_is_routine(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Die Alarmanlage im Lager geht los und es ist keiner da.",
        "The alarm at the warehouse is going off and nobody's in.",
    ],
)
def test_an_alarm_going_off_is_still_p1(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P1", why(text, result)


# --- e-mail alone down is one service: urgent, not a total outage ----------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Unsere E-Mails sind seit heute früh down, wir kriegen keine Bestellungen rein.",
        "email's been down all morning and customers can't reach us",
    ],
)
def test_email_alone_down_is_not_a_total_outage(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Internet und E-Mail sind komplett ausgefallen, keiner kann arbeiten.",
        "The internet and email are down, nobody can work.",
    ],
)
def test_the_whole_office_down_is_still_p1(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency == "P1", why(text, result)


# --- a missed dose asked about is no overdose (pharmacy) -------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Ich hab heute früh meine Schilddrüsentablette vergessen, kann ich die jetzt noch nehmen?",
        "ich hab gestern abend meine schlaftablette vergessen soll ich die jetzt noch nehmen",
        "hab meine tablette vergessen soll ich jetzt zwei nehmen",
        "I forgot my blood pressure pill this morning, can I take it now?",
        "I missed a dose of my antidepressant, should I take it now?",
        "my dad missed his evening dose, should he take two tomorrow",
    ],
)
def test_a_missed_dose_question_is_routine_and_calm(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Ich hab vergessen, dass ich meine Tabletten schon genommen hatte, und alle nochmal genommen, jetzt ist mir"
        " ganz schwindelig.",
        "My little girl has swallowed a handful of my tablets.",
    ],
)
def test_too_many_tablets_taken_is_still_p0(text):
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == "P0", why(text, result)
