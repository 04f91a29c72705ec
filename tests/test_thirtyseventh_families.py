"""Issue 11, thirty-seventh set: callers who say a danger in their own words rather than the rules' ones: a CO alarm
that "piepst", "pfeift" or "keeps bleeping" (or whose verb comes first); gas that "schmöckt" or "niffs"; a person who
"isch umgkeit" and "schnuufet nüm"; a caller being followed; troubles listed as absences ("keine Heizung, kein
Warmwasser"); an arrest, insulin or a heating failure said in dialect or slang. And the look-alikes that must stay
routine: a visit that found nothing, a caller who says nothing is wrong, and a failure word that is only the start of a
longer word ("Gastherme ausmachen", "out of date").

The sentences are other wordings of the set's families, not its rows. Each family holds in German and English. The
dangers are checked with no model at all: they are explicit and must never depend on it.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, rules_only, why

# --- a CO alarm sounding, in the verbs callers use, or with the verb first -------------------------------------------

CO_ALARM_SOUNDING = [
    "Unser Kohlenmonoxidmelder im Flur piepst seit einer Viertelstunde.",
    "der co warner pfeift wie verrückt",
    "ich wollt eigentlich nur nen termin und jetzt schrillt grad der kohlen monoxid melder",
    "The CO alarm in the hallway keeps bleeping.",
    "our carbon monoxide detector is shrieking and won't stop",
    "sorry i only wanted a quote but there's constant beeping from the co alarm upstairs",
]


@pytest.mark.parametrize("text", CO_ALARM_SOUNDING)
def test_a_co_alarm_sounding_in_any_verb_is_p0_without_the_model(text):
    result = rules_only(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)
    assert any(e.startswith("rule carbon_monoxide") for e in result.evidence), why(text, result)


CO_ALARM_ROUTINE = [
    "Der Kohlenmonoxidmelder piepst kurz einmal pro Minute, ich glaub, die Batterie ist leer.",
    "the co alarm bleeps once a minute, i think it's just the battery",
    "der co melder piepst nicht, ist der kaputt?",
    "the co alarm isn't bleeping at all when I press test, is it broken?",
]


@pytest.mark.parametrize("text", CO_ALARM_ROUTINE)
def test_a_co_alarm_chirping_for_its_battery_or_silent_stays_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- gas smelt, in dialect or slang ----------------------------------------------------------------------------------

GAS_IN_DIALECT = [
    "Grüezi, jetzt schmöckt's im Chäller ganz komisch nach Gas.",
    "bei uns im treppenhaus schmeckts so nach gas",
    "in der waschküche mieft es nach gas",
    "the kitchen niffs of gas",
    "there's a right pong of gas on the landing",
    "it's honking of gas by the meter",
]


@pytest.mark.parametrize("text", GAS_IN_DIALECT)
def test_gas_smelt_in_dialect_or_slang_is_p0_without_the_model(text):
    result = rules_only(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)
    assert any(e.startswith("rule gas_smell") for e in result.evidence), why(text, result)


SMELLS_NOT_GAS = [
    "Der neue Teppich mieft nach Chemie, kann man da was machen?",
    "the drain niffs a bit, can someone look at it next week",
]


@pytest.mark.parametrize("text", SMELLS_NOT_GAS)
def test_a_bad_smell_that_is_not_gas_stays_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- collapsed and breathing badly, in Swiss and Bavarian German ------------------------------------------------------

COLLAPSE_IN_DIALECT = [
    "dr chef isch grad umgkeit und git kei antwort",
    "d'Mueter isch zämegheit und schnuufet nüm",
    "de vadda is im gartn zammklappt",
    "mis grosi schnuufet ganz komisch",
    # the English counterparts, which the standard rules already hear
    "my boss keeled over and he's breathing funny",
    "me nan's gone over in the kitchen and she ain't breathing proper",
]


@pytest.mark.parametrize("text", COLLAPSE_IN_DIALECT)
def test_a_collapse_said_in_dialect_is_p0_and_acute_without_the_model(text):
    result = rules_only(text, "it-service-hansa")
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)


THINGS_FALLEN_OVER = [
    "d Vase isch umgheit, händ ihr so eini im Sortiment?",
    "mei Radl is umgfalln und der Spiegel is hi",
]


@pytest.mark.parametrize("text", THINGS_FALLEN_OVER)
def test_a_thing_fallen_over_in_dialect_is_no_emergency(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a caller being followed now --------------------------------------------------------------------------------------

FOLLOWED = [
    "da läuft mir seit der bus haltestelle einer hinterher ich hab angst",
    "der Typ geht mir schon die ganze Zeit nach",
    "Ich werde verfolgt, seit ich aus der Bahn gestiegen bin.",
    "zwei typen sind schon seit dem bahnhof hinter mir her",
    "i think i'm being followed",
    "this guy's been on my tail since i left the pub",
    "a man has been walking behind me since the station",
]


@pytest.mark.parametrize("text", FOLLOWED)
def test_being_followed_now_is_p0_and_acute_without_the_model(text):
    result = rules_only(text, "sicherheitsdienst-nord")
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)
    assert any(e.startswith("rule violence") for e in result.evidence), why(text, result)


FOLLOWED_OTHERWISE = [
    ("Mein Hund läuft mir immer hinterher, auch ins Bad.", "sicherheitsdienst-nord"),
    ("Das Gespräch mit dem Vermieter geht mir seit gestern nach.", "kanzlei-berg"),
    ("Ich werde strafrechtlich verfolgt und brauche einen Termin bei Herrn Berg.", "kanzlei-berg"),
    ("I'm being followed on Instagram by a weird account, can you block it?", "it-service-hansa"),
    ("Ich werde nicht verfolgt, was kostet ein Wachmann für den Heimweg?", "sicherheitsdienst-nord"),
]


@pytest.mark.parametrize(("text", "client"), FOLLOWED_OTHERWISE)
def test_a_dog_a_thought_a_prosecution_or_a_page_followed_is_no_danger_now(text, client):
    result = decide(text, client)
    assert result.urgency != "P0", why(text, result)


# --- troubles listed as absences: each "kein"/"no" starts the next item, it denies nothing ----------------------------

ABSENCES_LISTED = [
    "keine heizung kein warmwasser gar nix und das baby ist drei wochen alt",
    "Kein Warmwasser, keine Heizung, nichts, und draußen sind minus zehn Grad.",
    "no hot water no heating no nothing and the baby is three weeks old",
    "No heating, not even hot water, and it's minus five outside.",
]


@pytest.mark.parametrize("text", ABSENCES_LISTED)
def test_a_heating_failure_in_a_list_of_absences_is_p1_without_the_model(text):
    result = rules_only(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)
    assert any(e.startswith("rule heating_failure") for e in result.evidence), why(text, result)


DENIALS_LISTED = [
    "Kein Gasgeruch, kein Rauch, nichts, ich wollte nur ein Angebot für eine neue Therme.",
    "there is no gas leak, no smoke, nothing, I only want a quote",
]


@pytest.mark.parametrize("text", DENIALS_LISTED)
def test_dangers_denied_in_a_list_stay_denied(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- someone came and found nothing -----------------------------------------------------------------------------------

CHECKED_AND_NOTHING = [
    "Der Nachbar hat gestern Gas gerochen, aber die Stadtwerke waren schon da und alles is in Ordnung, ich will nur "
    "die Therme warten lassen.",
    "bei uns hats gestern nach gas gerochen die feuerwehr war da und hat nix gefunden können sie trotzdem mal schauen",
    "My neighbour smelled gas yesterday but the gas board came and it was nothing, I just want my boiler looked at.",
    "we smelled gas last night, the engineer came out and found nothing, can you service the boiler anyway",
]


@pytest.mark.parametrize("text", CHECKED_AND_NOTHING)
def test_a_smell_checked_by_someone_who_found_nothing_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


CHECKED_BUT_BACK = [
    "die feuerwehr war schon da und hat nix gefunden aber jetzt riecht es wieder nach gas",
    "the gas man came out and it was nothing but now it smells of gas again",
]


@pytest.mark.parametrize("text", CHECKED_BUT_BACK)
def test_a_smell_back_after_the_all_clear_is_p0(text):
    result = rules_only(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)


# --- the caller says nothing is wrong ---------------------------------------------------------------------------------

NOTHING_WRONG = [
    "Mein Vater ist 92 und etwas verwirrt, er ruft dauernd bei Ihnen an, es ist nichts passiert, bitte ignorieren Sie "
    "seine Anrufe.",
    "My dad is 92 and a bit confused, he keeps ringing you, sorry, there is nothing wrong, please ignore his messages.",
    "my mum is 90 and a bit confused, she keeps calling you, nothing has happened, please ignore her messages",
]


@pytest.mark.parametrize("text", NOTHING_WRONG)
def test_a_caller_who_says_nothing_is_wrong_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- an arrest said in dialect or slang -------------------------------------------------------------------------------

ARREST_IN_SLANG = [
    "Mei Bua is grad festgnomma worn, wos soll ma jetzt doa?",
    "d'Polizei hod mein Mo mitgnomma",
    "die Bullen haben meinen Bruder eingesackt",
    "my lad's been nicked by the police",
    "the cops have lifted my son",
    "the coppers have hauled in my husband",
]


@pytest.mark.parametrize("text", ARREST_IN_SLANG)
def test_an_arrest_said_in_dialect_or_slang_is_p1_for_the_law_firm_without_the_model(text):
    result = rules_only(text, "kanzlei-berg")
    assert result.urgency == "P1", why(text, result)


THINGS_TAKEN = [
    "my son's bike got nicked from outside school, can you help with the insurance letter",
    "Mei Radl is gstoin worn, könnt's ihr mir an Brief für d'Versicherung schreiben?",
]


@pytest.mark.parametrize("text", THINGS_TAKEN)
def test_a_thing_stolen_is_no_arrest(text):
    result = decide(text, "kanzlei-berg")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- insulin misheard, or needed "today" in dialect -------------------------------------------------------------------

INSULIN_TODAY = [
    "mei mutter braucht ihr insolin heid no",
    "mini Mueter bruucht ihres Insulin hüt no",
    "my gran needs her insolin today, she's run right out",
    "she needs her insulin the day, the chemist is shut",
]


@pytest.mark.parametrize("text", INSULIN_TODAY)
def test_insulin_needed_today_in_dialect_or_misheard_is_p1_without_the_model(text):
    result = rules_only(text, "apotheke-am-markt")
    assert result.urgency == "P1", why(text, result)


# --- a failure word that is only the start of a longer word -----------------------------------------------------------

FAILURE_WORD_INSIDE_ANOTHER = [
    "Ich möchte einen Termin für die Wartung der Therme ausmachen.",
    "Die Therme ist außen an der Hauswand, können Sie die trotzdem warten?",
    "The heating system is out of date and we'd like a quote for a new one.",
    "our heating is out of warranty, how much would a service be",
]


@pytest.mark.parametrize("text", FAILURE_WORD_INSIDE_ANOTHER)
def test_aus_or_out_inside_a_longer_word_is_no_heating_failure(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- the heating off, said in dialect or slang ------------------------------------------------------------------------

HEATING_OFF_IN_DIALECT = [
    "d'Heizig im ganze Huus isch us und es isch iischalt",
    "d'Hoazung is hi und es is saukoid",
    "d'heizig goht nöd und es isch chalt",
    "the heatin's aff and it's baltic",
    "the heating's conked out and it's minus three",
    "our central heating's knackered and it's freezing in here",
]


@pytest.mark.parametrize("text", HEATING_OFF_IN_DIALECT)
def test_the_heating_off_in_dialect_or_slang_is_p1_without_the_model(text):
    result = rules_only(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)
    assert any(e.startswith("rule heating_failure") for e in result.evidence), why(text, result)


HEATING_WORKING = [
    "d'heizig goht nöd rächt warm im bad, de rest isch guet",
    "we're getting quotes, our boiler is knackered but still working",
    "d'Heizig isch nöd kaputt, nur lut",
    "the heating's not knackered, it's just noisy",
]


@pytest.mark.parametrize("text", HEATING_WORKING)
def test_a_worn_weak_or_noisy_heating_that_still_works_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)
