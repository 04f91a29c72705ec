"""Issue 11, thirty-sixth set: a stranger forcing a door or window now, however many words stand between the attempt and
its verb, and a caller shut in or hiding from someone in the house; self-harm said around the word (dark thoughts,
thinking how to end it, the means at hand and the hour set, nothing left to live for, ending it on a condition);
hopelessness as being worth nothing to anyone; and a danger the caller says is over ("the sparks have stopped").

The sentences are other wordings of the set's families, not its rows. Each family holds in German and English. The
dangers to life are checked with no model at all: they are explicit and must never depend on it.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, rules_only, why

# --- a forced entry tried now, or the caller hiding from someone inside: violence, by a rule --------------------------

FORCED_ENTRY = [
    ("Zwei Männer versuchen schon seit einer Weile hinten im Hof unser Rolltor aufzuhebeln.", "sicherheitsdienst-nord"),
    ("da versucht grad einer mit nem brecheisen bei uns im erdgeschoss das küchenfenster aufzustemmen", "kanzlei-berg"),
    (
        "Wir haben uns im Lagerbüro verbarrikadiert, draußen sind zwei Fremde, die gegen die Tür treten.",
        "it-service-hansa",
    ),
    ("ich hab mich mit meiner tochter im keller versteckt oben läuft jemand rum", "sicherheitsdienst-nord"),
    ("A couple of strangers have been trying to lever the garage door up for five minutes.", "sicherheitsdienst-nord"),
    ("some bloke is trying to smash the kitchen window round the back right now", "kanzlei-berg"),
    ("We've barricaded ourselves in the office, two men are outside kicking the door.", "it-service-hansa"),
    ("im hiding under the bed with my son someone is walking about downstairs", "sicherheitsdienst-nord"),
]


@pytest.mark.parametrize(("text", "client"), FORCED_ENTRY)
def test_a_forced_entry_now_or_hiding_from_someone_is_p0_without_the_model(text, client):
    result = rules_only(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)
    assert any(e.startswith("rule violence") for e in result.evidence), why(text, result)


ORDINARY_DOORS = [
    (
        "Ich hab mich im Bad eingeschlossen und jetzt klemmt das Schloss, können Sie einen Schlüsseldienst schicken?",
        "sicherheitsdienst-nord",
    ),
    (
        "Der Schlüsseldienst versucht gerade, unsere Bürotür aufzubrechen, wir haben den Schlüssel verloren.",
        "it-service-hansa",
    ),
    (
        "Wir versuchen seit einer Stunde, das klemmende Kellerfenster aufzuhebeln, haben Sie Werkzeug?",
        "sanitaer-notdienst",
    ),
    (
        "I've locked myself in the bathroom by accident and the lock is jammed, can someone come?",
        "sicherheitsdienst-nord",
    ),
    ("The locksmith is trying to force the front door for us, we lost the keys.", "sicherheitsdienst-nord"),
    (
        "Somebody tried to break the gate lock last night, could you send a patrol this evening?",
        "sicherheitsdienst-nord",
    ),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_DOORS)
def test_a_stuck_lock_a_locksmith_or_last_night_is_no_violence_now(text, client):
    result = decide(text, client)
    assert not any(e.startswith("rule violence") for e in result.evidence), why(text, result)
    assert result.urgency != "P0", why(text, result)


# --- self-harm said around the word: P0 with acute distress, by a rule ------------------------------------------------

SELF_HARM_AROUND_THE_WORD = [
    ("Seit Wochen hab ich nur noch schwarze Gedanken, es wird immer schlimmer.", "kanzlei-berg"),
    ("ich überleg die ganze zeit wie ich das alles beenden könnte", "kanzlei-berg"),
    ("Das Messer liegt schon auf dem Tisch, heute Nacht mach ich es.", "sanitaer-notdienst"),
    ("Ich hab keinen Grund mehr zu leben, seit die Firma pleite ist.", "it-service-hansa"),
    ("Falls die Bank mir morgen das Haus nimmt, dann mach ich Schluss.", "kanzlei-berg"),
    ("Lately I keep getting these black thoughts and they won't go away.", "kanzlei-berg"),
    ("i keep wondering how i could end my life without anyone noticing", "kanzlei-berg"),
    ("The tablets are in front of me, tonight is the night.", "sanitaer-notdienst"),
    ("there's no reason left to live since the business went under", "it-service-hansa"),
    ("Once the court rules against me, I'm ending it all.", "kanzlei-berg"),
]


@pytest.mark.parametrize(("text", "client"), SELF_HARM_AROUND_THE_WORD)
def test_self_harm_said_around_the_word_is_p0_and_acute_without_the_model(text, client):
    result = rules_only(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)
    assert any(e.startswith("rule self_harm") for e in result.evidence), why(text, result)


ORDINARY_ENDINGS = [
    ("Wenn der Techniker bis fünf nicht da ist, mach ich Schluss für heute und fahre heim.", "it-service-hansa"),
    ("Falls Sie das nicht reparieren, mach ich Schluss mit Ihrer Firma und kündige.", "sanitaer-notdienst"),
    ("Meine Tabletten sind fertig? Dann hole ich sie heute ab.", "apotheke-am-markt"),
    ("If the supplier misses another delivery I'm ending the contract.", "it-service-hansa"),
    ("My tablets, it's time to pick them up, is the prescription ready?", "sanitaer-notdienst"),
    ("That crime novel was full of dark thoughts, do you have the sequel?", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_ENDINGS)
def test_a_working_day_a_contract_or_a_pickup_ended_is_no_self_harm(text, client):
    result = decide(text, client)
    assert not any(e.startswith("rule self_harm") for e in result.evidence), why(text, result)


# --- hopelessness as being worth nothing to anyone: acute distress, by a rule -----------------------------------------

WORTH_NOTHING = [
    ("Ich ruf nur an, weil mich eh niemand mehr vermisst, wenn ich nicht anrufe.", "apotheke-am-markt"),
    ("ich bin doch nur noch ein klotz am bein für alle", "kanzlei-berg"),
    ("Mich braucht doch keiner mehr, seit die Kinder ausgezogen sind.", "sanitaer-notdienst"),
    ("No one cares about me, I'm only a burden on my family.", "kanzlei-berg"),
    ("honestly nobody would miss me, i'm a waste of space", "apotheke-am-markt"),
]


@pytest.mark.parametrize(("text", "client"), WORTH_NOTHING)
def test_being_worth_nothing_to_anyone_is_acute_distress_without_the_model(text, client):
    result = rules_only(text, client)
    assert result.distress == "acute", why(text, result)


ORDINARY_NOBODY = [
    ("Diese alten Faxgeräte braucht doch keiner mehr, können Sie es entsorgen?", "it-service-hansa"),
    ("Nobody needs me to sign anything for the delivery, right?", "apotheke-am-markt"),
    ("I'm useless with computers, can someone set up the new printer?", "it-service-hansa"),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_NOBODY)
def test_a_device_nobody_needs_or_a_signature_is_no_acute_distress(text, client):
    result = decide(text, client)
    assert result.distress != "acute", why(text, result)


# --- a danger said to be over: no emergency; a person who stopped breathing, or gas aired away, stays one -------------

DANGER_OVER = [
    ("Nur zur Info, die Funken an der Dunstabzugshaube sind weg, der Elektriker war da.", "sanitaer-notdienst"),
    ("das knistern im sicherungskasten ist weg der elektriker hat alles neu gemacht", "sanitaer-notdienst"),
    ("Just so you know, the sparks from the cooker hood have stopped, the electrician has been.", "sanitaer-notdienst"),
    ("the flickering and the sparks in the hall light have stopped since the electrician came", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), DANGER_OVER)
def test_a_danger_said_to_be_over_is_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


STILL_A_DANGER = [
    ("Er hat aufgehört zu atmen, die Funken sind weg, aber er bewegt sich nicht!", "sanitaer-notdienst"),
    ("The flames have stopped but there's still smoke pouring out of the socket.", "sanitaer-notdienst"),
    ("the sparking has stopped but my dad has stopped breathing", "sanitaer-notdienst"),
    ("Der Gasgeruch ist weg, seit wir alle Fenster aufgerissen haben.", "sanitaer-notdienst"),
    ("the smell of gas has gone since we opened every window", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), STILL_A_DANGER)
def test_a_person_who_stopped_breathing_smoke_still_coming_or_gas_aired_away_stays_p0(text, client):
    result = rules_only(text, client)
    assert result.urgency == "P0", why(text, result)


# --- someone at the door threatening or not going away, blows said in the present, a threat to kill "if I leave" ------

THREAT_NOW = [
    ("Vor unserer Wohnungstür steht seit zehn Minuten ein fremder Kerl und brüllt, dass er reinwill.", "kanzlei-berg"),
    ("ich hab angst mein freund steht unten an der haustür und droht die ganze zeit", "sicherheitsdienst-nord"),
    ("My boyfriend punches me when he drinks and he's drinking right now.", "kanzlei-berg"),
    ("She told me she would stab me if I go to the police.", "kanzlei-berg"),
    ("a guy keeps hanging around by our back door shouting he'll get us", "sicherheitsdienst-nord"),
]


@pytest.mark.parametrize(("text", "client"), THREAT_NOW)
def test_a_threat_at_the_door_or_blows_now_are_violence_without_the_model(text, client):
    result = rules_only(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)
    assert any(e.startswith("rule violence") for e in result.evidence), why(text, result)


ORDINARY_THREATS = [
    ("Der Paketbote steht vor der Tür und schreit, dass keiner aufmacht.", "sicherheitsdienst-nord"),
    ("Mein Vermieter droht mir, die Kaution einzubehalten, was kann ich tun?", "kanzlei-berg"),
    ("My brother beats me at cards every Sunday, can I book a lawyer about the will?", "kanzlei-berg"),
    ("My boss will kill me if I leave early again, can you come before nine?", "sanitaer-notdienst"),
    ("The delivery driver is at the door shouting because nobody signed.", "apotheke-am-markt"),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_THREATS)
def test_a_courier_a_landlord_or_a_game_is_no_violence(text, client):
    result = decide(text, client)
    assert not any(e.startswith("rule violence") for e in result.evidence), why(text, result)


# --- wishing to be gone: better off without me, sleep and never wake, no way out -------------------------------------

WISH_TO_BE_GONE = [
    ("Für alle wäre es besser, wenn ich tot wäre.", "kanzlei-berg"),
    ("ich möchte mich einfach hinlegen und nie wieder aufwachen", "apotheke-am-markt"),
    ("Everyone would be better off if I was no longer around.", "kanzlei-berg"),
    ("i just want to lie down and never wake up", "apotheke-am-markt"),
    ("Since the divorce I can see no way out.", "kanzlei-berg"),
]


@pytest.mark.parametrize(("text", "client"), WISH_TO_BE_GONE)
def test_wishing_to_be_gone_is_self_harm_without_the_model(text, client):
    result = rules_only(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


ORDINARY_ABSENCE = [
    ("Wäre es besser, wenn ich weg bin, wenn der Monteur kommt?", "sanitaer-notdienst"),
    ("Would it be better if I wasn't here when the engineer comes?", "sanitaer-notdienst"),
    ("There's no way out of the car park, the barrier is stuck, can you send someone?", "sicherheitsdienst-nord"),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_ABSENCE)
def test_being_out_for_a_visit_or_a_stuck_barrier_is_no_self_harm(text, client):
    result = decide(text, client)
    assert not any(e.startswith("rule self_harm") for e in result.evidence), why(text, result)


# --- breaking down, no strength left, a plea with no idea what to do: acute distress ----------------------------------

BREAKING_DOWN = [
    ("Ich klappe hier gleich zusammen, das Wasser steht schon im Flur.", "sanitaer-notdienst"),
    ("ich hab keine kraft mehr die ganze wohnung ist nass", "sanitaer-notdienst"),
    ("Oh Gott, helfen Sie mir, ich weiß nicht, was ich jetzt tun soll, überall Wasser!", "sanitaer-notdienst"),
    ("I'm cracking up, the water is all through the hall.", "sanitaer-notdienst"),
    ("ive got no strength left the whole flat is soaked", "sanitaer-notdienst"),
    ("Please, I don't know what to do, it's coming through everywhere, hurry!", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), BREAKING_DOWN)
def test_breaking_down_or_a_plea_with_no_idea_what_to_do_is_acute_without_the_model(text, client):
    result = rules_only(text, client)
    assert result.distress == "acute", why(text, result)


ORDINARY_HELPLESS = [
    ("Bitte helfen Sie mir, ich weiß nicht, was ich mit dem Drucker machen soll.", "it-service-hansa"),
    ("Please, I don't know what to do with this form, can you help?", "it-service-hansa"),
    ("My car keeps breaking down, can you recommend a garage?", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_HELPLESS)
def test_a_printer_a_form_or_a_car_is_no_acute_distress(text, client):
    result = decide(text, client)
    assert result.distress != "acute", why(text, result)


# --- a device that smokes or melts, a shock said as "einen Schlag", CO misnamed or felt by everyone: P0 by a rule -----

DEVICE_HAZARDS = [
    ("Der Trockner im Keller raucht und ist total heiß.", "sanitaer-notdienst"),
    ("die steckerleiste unterm schreibtisch schmort", "it-service-hansa"),
    ("Mein Sohn hat am Lichtschalter im Bad einen ordentlichen Schlag bekommen.", "sanitaer-notdienst"),
    ("Der CO2-Warner im Heizungsraum geht die ganze Zeit.", "sanitaer-notdienst"),
    ("seit die gasheizung läuft haben wir alle kopfweh und sind schläfrig", "sanitaer-notdienst"),
    ("The tumble dryer in the utility room is smoking.", "sanitaer-notdienst"),
    ("the power supply under my desk is melting", "it-service-hansa"),
    ("My husband got a nasty jolt off the shower and his arm is numb.", "sanitaer-notdienst"),
    ("The CO2 detector by the boiler keeps beeping.", "sanitaer-notdienst"),
    ("since we lit the log burner we've all got headaches and feel woozy", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), DEVICE_HAZARDS)
def test_a_smoking_device_a_shock_or_co_felt_by_everyone_is_p0_without_the_model(text, client):
    result = rules_only(text, client)
    assert result.urgency == "P0", why(text, result)


ORDINARY_DEVICES = [
    ("Die Lampe im Flur glüht noch nach, wenn ich sie ausschalte, ist das normal?", "sanitaer-notdienst"),
    ("Mein Nachbar raucht ständig im Treppenhaus, können Sie mich zurückrufen?", "kanzlei-berg"),
    ("The boiler's broken and the kids are both sick with flu, can someone come tomorrow?", "sanitaer-notdienst"),
    ("Everyone is sick of waiting for the heater to be fixed, when can you come?", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), ORDINARY_DEVICES)
def test_an_afterglow_a_smoker_or_flu_is_no_device_hazard(text, client):
    result = decide(text, client)
    assert not any(e.startswith(("rule fire", "rule carbon_monoxide")) for e in result.evidence), why(text, result)
