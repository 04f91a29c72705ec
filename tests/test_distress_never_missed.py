"""Issue 11, twenty-seventh set ("distress is never missed"): acute distress and danger to life as callers say them on a
phone line, and the ordinary calls that use the same words.

A child who swallowed a battery, magnets or a dishwasher tablet; panic that only begs someone to come; an attacker
still there, a caller hiding from people in the house, a stabbing, a caller trapped under a shelf; a farewell; heavy
bleeding with the blood said first; a remedy that does not help. Beside them: nobody hurt, a little bleeding from a
shaving cut, a danger the caller took a noise for, a game or a film "where" people are shot, a heart attack at the sight
of a bill, a pain "zum Sterben", a what-if "nur damit ich das weiß", a fright that is over. And "im so scared" is
English. Each family holds in German and English, through the real analyser (rules + the shipped classifier).
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why
from triage.brain.language import detect_language


def _acute_danger(text: str, client: str | None = None) -> None:
    result = decide(text, client)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


def _ordinary(text: str, client: str | None = None) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


# --- a child who swallowed a battery, magnets or a dishwasher tablet --------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "toddler swallowed a battery",
        "my little boy has swallowed one of those coin batteries from the car key",
        "my daughter ate two magnets off the fridge",
        "the baby bit into a dishwasher tab and now he's drooling",
        "unser enkel hat eine knopfzelle runtergeschluckt",
        "die kleine hat zwei magnete geschluckt von der tafel",
        "mein sohn hat ein spülmaschinen tab in den mund gesteckt und hustet",
    ],
)
def test_a_child_who_swallowed_a_battery_magnets_or_a_tablet_is_p0(text):
    _acute_danger(text, "apotheke-am-markt")


@pytest.mark.parametrize(
    "text",
    [
        "my son had two batteries in his toy, can you order new ones",
        "what should i do if my toddler swallows a button battery, just so i know",
        "falls mein sohn mal magnete verschluckt was muss ich dann tun nur damit ich das weiß",
        "wenn meine tochter mal eine knopfzelle verschluckt was mach ich dann",
    ],
)
def test_batteries_named_in_an_order_or_a_what_if_are_routine(text):
    _ordinary(text, "apotheke-am-markt")


# --- panic that begs someone to come, with no words for what happened -------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "oh god oh god please someone come",
        "oh my god please send someone quick",
        "oh gott oh gott bitte schicken sie jemanden",
        "bitte bitte kommen sie sofort oh gott",
    ],
)
def test_panic_that_begs_someone_to_come_is_p0_acute(text):
    _acute_danger(text, "sanitaer-notdienst")


def test_panic_beside_a_flood_stays_the_flood():
    text = "oh gott oh gott bitte kommen sie schnell das wasser läuft überall"
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P1" and result.distress == "acute", why(text, result)


# --- an attacker still there, hiding from people in the house, a stabbing ---------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "my hands are shaking he's still here",
        "i'm hiding in the bathroom, i'm whispering, he's in the hallway",
        "he slashed the doorman and he's gone round the back",
        "ich zitter so er ist noch da draußen",
        "ich flüster die sind im wohnzimmer",
        "i'm whispering he's downstairs",
        "da hat einer auf den kassierer eingestochen",
    ],
)
def test_an_attacker_still_there_or_a_stabbing_is_p0(text):
    _acute_danger(text, "sicherheitsdienst-nord")


@pytest.mark.parametrize(
    "text",
    [
        "i'm scared of the price, is the engineer still there",
        "ich hab angst vor der rechnung, ist der monteur noch da",
    ],
)
def test_fear_of_a_price_with_someone_still_there_is_routine(text):
    _ordinary(text)


# --- the caller trapped, heavy bleeding said with the blood first, a remedy that does not help ------------------------

@pytest.mark.parametrize(
    "text",
    [
        "i'm trapped, the shelving fell on me",
        "ich bin eingeklemmt unter dem auto",
        "the blood is pumping out of his arm",
        "das blut spritzt aus der hand",
        "her inhaler isn't helping she can't breathe",
        "das notfallspray wirkt nicht sie kriegt keine luft",
    ],
)
def test_trapped_heavy_bleeding_and_a_failing_remedy_are_p0(text):
    _acute_danger(text)


# --- farewells and "not here tomorrow" with the time after the verb ---------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "ich bin übermorgen eh nicht mehr da, dann ist das auch egal mit der rechnung",
        "ich wollte mich nur verabschieden, danke für alles",
        "i'm not going to be around tomorrow anyway so forget the invoice",
        "i only rang to say goodbye, thank you for everything",
    ],
)
def test_a_farewell_is_p0_acute(text):
    result = decide(text, "kanzlei-berg")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "ich wollte mich verabschieden, ich gehe in rente, danke für alles",
        "i just wanted to say goodbye, it's my last day at work, thank you for everything",
        "ich bin morgen nicht mehr da, ich bin im urlaub",
    ],
)
def test_a_farewell_at_retirement_or_a_holiday_is_routine(text):
    _ordinary(text, "kanzlei-berg")


# --- nobody hurt, a little bleeding, a shaving cut --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "niemand ist verletzt, aber die scheibe ist gesprungen",
        "nobody was injured, the radiator just leaks a bit",
        "i nicked myself shaving and it's bleeding a bit, which plasters do you have",
        "mein finger blutet ein bisschen vom papier, haben sie pflaster",
    ],
)
def test_nobody_hurt_and_a_little_bleeding_are_routine(text):
    _ordinary(text)


# --- a danger mistaken, a story "where", a heart attack at a bill, a pain "zum Sterben", a fright that is over --------

@pytest.mark.parametrize(
    "text",
    [
        "ich dachte zuerst es brennt, aber es war nur der nebel vom nachbarn",
        "we thought someone was in the garden but it was only a fox, can the sensor be less sensitive",
        "mein neffe spielt ein ballerspiel wo alle erstochen werden, der laptop ist jetzt langsam",
        "my daughter watched a film where they break into a house and now she wants an alarm, what do they cost",
        "jedesmal wenn ich die nebenkosten sehe krieg ich einen herzinfarkt",
        "every time i open your invoice i have a heart attack",
        "ich hab zahnweh zum sterben, haben sie was dagegen",
        "i've got a splitting headache, do you have paracetamol",
        "er war nur ein schreck, jetzt geht es ihm wieder gut, ich bräuchte noch kühlpacks",
        "she's fine now it was just a scare, could i get some plasters",
    ],
)
def test_mistaken_danger_stories_figures_of_speech_and_frights_are_routine(text):
    _ordinary(text)


# --- the language of "im so scared" -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("im so scared", "en"),
        ("im really frightened dont hang up", "en"),
        ("im keller brennt es", "de"),
        ("im moment nicht", "de"),
    ],
)
def test_im_without_apostrophe_is_english_before_an_english_word(text, lang):
    assert detect_language(text) == lang


# --- a cry over an everyday slip or nuisance on a routine call is upset, not panic ------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("oh nein oh nein ich hab meine versichertenkarte verlegt kann ich trotzdem abholen", "apotheke-am-markt"),
        ("hilfe hilfe ich hab aus versehen die präsentation überschrieben", "it-service-hansa"),
        ("ich dreh gleich durch der drucker zieht dauernd zwei blätter ein", "it-service-hansa"),
        ("oh god oh god i've missed my appointment, can we move it", "kanzlei-berg"),
        ("oh no oh no i deleted the invoices folder by accident", "it-service-hansa"),
        ("i'm freaking out, the printer keeps jamming", "it-service-hansa"),
    ],
)
def test_a_cry_over_an_everyday_slip_is_elevated_not_acute(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress == "elevated", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "hilfe hilfe ich hab mein kind verloren im kaufhaus",
        "oh god oh god i can't find my son anywhere at the pool",
    ],
)
def test_a_cry_about_a_lost_child_stays_acute(text):
    result = decide(text)
    assert result.distress == "acute", why(text, result)


# --- a small child up on a window sill or a balcony railing -----------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "mein kleiner steht auf dem fensterbrett und das fenster ist auf",
        "mein kleiner sitzt auf dem balkongeländer im dritten stock",
        "unsere tochter klettert auf dem fensterbrett rum und das fenster ist auf",
        "the toddler is standing on the window sill and the window is open",
        "my little girl is climbing over the balcony railing",
    ],
)
def test_a_small_child_up_on_a_sill_or_railing_is_p0(text):
    _acute_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "die katze sitzt auf der fensterbank und miaut, haben sie ein mittel gegen flöhe",
        "the cat is sitting on the window sill, do you have flea drops",
    ],
)
def test_a_cat_on_the_window_sill_is_no_child_in_danger(text):
    result = decide(text, "apotheke-am-markt")
    assert not any(e.startswith("rule child_missing") for e in result.evidence), why(text, result)


# --- an alarm counted over last night ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "die anlage ist gestern nacht zweimal losgegangen ohne dass was war, bitte schauen sie sich das an",
        "the alarm went off three times last night for nothing, can someone look at it",
    ],
)
def test_an_alarm_counted_over_last_night_is_routine(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "bei uns wurde letzte nacht eingebrochen, die tür ist aufgehebelt",
        "the alarm is going off right now, it went off twice last night too",
    ],
)
def test_a_break_in_found_or_an_alarm_going_now_stays_p1(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    ("text", "client", "urgency"),
    [
        # "läuft" was listed unfolded among the verbs of working and never matched the folded text: the denial of the
        # pump's running reached on to the gas and the outage
        ("die Pumpe läuft nicht, es riecht nach Gas", "sanitaer-notdienst", "P0"),
        ("der Server läuft nicht, alle Rechner sind aus", "it-service-hansa", "P1"),
        ("the pump isn't running, I can smell gas", "sanitaer-notdienst", "P0"),
    ],
)
def test_a_machine_that_does_not_run_denies_only_its_running(text, client, urgency):
    assert decide(text, client).urgency == urgency, why(text, decide(text, client))
