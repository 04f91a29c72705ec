"""Issue 11, thirty-sixth set: a stranger forcing a door or window now, however many words stand between the attempt and
its verb, and a caller shut in or hiding from someone in the house; self-harm said around the word (dark thoughts,
thinking how to end it, the means at hand and the hour set, nothing left to live for, ending it on a condition);
hopelessness as being worth nothing to anyone; and a danger the caller says is over ("the sparks have stopped").

The sentences are other wordings of the set's families, not its rows. Each family holds in German and English. The
dangers to life are checked with no model at all: they are explicit and must never depend on it.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why
from triage.brain.analyze import analyze
from triage.packs.load import load_pack


def rules_only(text: str, client: str):
    return analyze(text, pack=load_pack(client), model=None)


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
