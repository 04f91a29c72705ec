"""Issue 11, twenty-fifth set: emergencies told by a bystander or a relative, in idiom, and their look-alikes.

Each family holds in English and German and comes with look-alikes: the same people telling of something over, a
general question, a routine request in dramatic words. Run through the real analyser (rules + the shipped
classifier), with the client the caller rang. The sentences are new, not rows of the development set.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why


def assert_p0(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)


def assert_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and not result.urgency_unsure, why(text, result)
    assert result.distress != "acute", why(text, result)


# --- an oath that it is true is no denial ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("no kidding there's smoke pouring out of the garage next door", "sanitaer-notdienst"),
        ("i kid you not, flames out of the back of the shop", "sicherheitsdienst-nord"),
        ("kein scherz flammen im keller", "sanitaer-notdienst"),
        ("ohne witz rauch kommt aus der wohnung unter uns", "sanitaer-notdienst"),
    ],
)
def test_an_oath_before_a_hazard_does_not_deny_it(text, client):
    assert_p0(text, client)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("I'm not joking, there's no gas smell at all, I just want a quote for a new hob", "sanitaer-notdienst"),
        ("kein Witz, es riecht nicht nach Gas, ich möchte nur ein Angebot für einen neuen Herd", "sanitaer-notdienst"),
    ],
)
def test_an_oath_does_not_undo_a_real_denial(text, client):
    assert_routine(text, client)


# --- what the caller has already done is no errand -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("I've come over all faint and the whole kitchen smells like the gas is on", "sanitaer-notdienst"),
        ("I've come in to do her lunch and my client is lying on the lounge floor, she won't open her eyes",
         "apotheke-am-markt"),
        ("ich bin eben rüber zu meiner oma und sie liegt im flur und ich krieg sie nicht wach", "apotheke-am-markt"),
    ],
)
def test_arriving_and_finding_someone_is_an_emergency(text, client):
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("I'll pop round tomorrow and pick up my nan's tablets", "apotheke-am-markt"),
        ("ich komme morgen vorbei und hole die tabletten für meine oma ab", "apotheke-am-markt"),
    ],
)
def test_an_errand_is_still_routine(text, client):
    assert_routine(text, client)


# --- a bystander's hazards: a person hit by a vehicle, pulled out of water, a heart pain, anaphylaxis, a shooting ----

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("a cyclist has just been knocked down by a van outside the chemist", "apotheke-am-markt"),
        ("vor dem laden wurde eine frau von einem lieferwagen erfasst", "apotheke-am-markt"),
        ("we've fished a lad out of the river by the bridge and he's blue", "sicherheitsdienst-nord"),
        ("wir haben gerade einen jungen aus dem teich gezogen er ist ganz kalt", "sicherheitsdienst-nord"),
        ("my dad's got a crushing pain across his chest and it's spreading into his left arm", "apotheke-am-markt"),
        ("mein mann hat schmerzen über der ganzen brust und es strahlt in den linken arm", "apotheke-am-markt"),
        ("our cleaner's gone into ana phylactic shock from something she ate", "it-service-hansa"),
        ("mein sohn hat einen ana phylaktischen schock", "apotheke-am-markt"),
        ("there's been a shooting outside the station", "sicherheitsdienst-nord"),
        ("vor der halle wurde eben geschossen", "sicherheitsdienst-nord"),
    ],
)
def test_a_bystanders_hazard_is_p0(text, client):
    assert_p0(text, client)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("my mum was knocked down by a car last year and we want to claim compensation", "kanzlei-berg"),
        ("meine mutter wurde letztes jahr von einem auto angefahren wir wollen schmerzensgeld", "kanzlei-berg"),
        ("my back pain goes down into my leg, have you got a gel for it", "apotheke-am-markt"),
        ("we're doing a photo shoot in the warehouse on saturday, can a guard be there", "sicherheitsdienst-nord"),
        ("wir haben beim firmenfest fotos geschossen, kann ich die rechnung für den wachdienst haben",
         "sicherheitsdienst-nord"),
        ("my son plays a shooter game all night, is the wifi fast enough", "it-service-hansa"),
    ],
)
def test_a_bystanders_hazard_look_alike_is_routine(text, client):
    assert_routine(text, client)


# --- a relative's farewell as someone close tells it -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("my brother keeps telling us we'd be better off without him", "kanzlei-berg"),
        ("meine schwester sagt immer wieder wir wären ohne sie besser dran", "kanzlei-berg"),
        ("my flatmate texted the group chat love you all and now her phone is off", "it-service-hansa"),
        ("mein kollege hat uns eine nachricht geschickt es tut mir leid und jetzt ist er nicht erreichbar",
         "it-service-hansa"),
        ("my grandad handed me his watch and said he won't be needing it", "apotheke-am-markt"),
        ("mein opa hat mir seine uhr gegeben und gesagt er braucht sie nicht mehr", "apotheke-am-markt"),
    ],
)
def test_a_relatives_farewell_is_p0(text, client):
    assert_p0(text, client)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("our manager is useless, honestly we'd all be better off without him, can I make a complaint",
         "it-service-hansa"),
        ("my dad gave me his old laptop because he won't need it now he has a new one, can you wipe it",
         "it-service-hansa"),
        ("mein vater hat mir seinen alten laptop gegeben er braucht ihn nicht mehr weil er einen neuen hat",
         "it-service-hansa"),
    ],
)
def test_a_farewell_look_alike_is_routine(text, client):
    assert_routine(text, client)


# --- an old matter: a record that still shows it, a trouble counted over the week -------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("my son was arrested years ago, would it still be on his record", "kanzlei-berg"),
        ("mein sohn wurde vor jahren festgenommen steht das noch immer im führungszeugnis", "kanzlei-berg"),
        ("the shop alarm has gone off three times this week, can someone check the sensors", "sicherheitsdienst-nord"),
        ("die alarmanlage im laden ist diese woche schon dreimal losgegangen, können sie die melder prüfen",
         "sicherheitsdienst-nord"),
    ],
)
def test_an_old_or_counted_matter_is_routine(text, client):
    assert_routine(text, client)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("the alarm went off twice this week and it's going off again right now with the back door open",
         "sicherheitsdienst-nord"),
        ("my son has been arrested this morning and he needs a lawyer", "kanzlei-berg"),
    ],
)
def test_the_same_matter_now_is_an_emergency(text, client):
    result = decide(text, client)
    assert result.urgency in EMERGENCY, why(text, result)


# --- a general question, a programme's topic --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("is it true you can get a shock from a wet light switch, my son wants to know", "sanitaer-notdienst"),
        ("stimmt es dass man von einem nassen lichtschalter einen stromschlag bekommen kann", "sanitaer-notdienst"),
        ("my wife saw a programme about carbon monoxide, could you fit a detector", "sanitaer-notdienst"),
        ("meine frau hat eine sendung über kohlenmonoxid gesehen, können sie einen melder einbauen",
         "sanitaer-notdienst"),
    ],
)
def test_a_general_question_or_a_topic_is_routine(text, client):
    assert_routine(text, client)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("we watched a documentary last night and now the carbon monoxide alarm is screaming", "sanitaer-notdienst"),
        ("wir haben gestern eine doku über gas gesehen und jetzt riecht es in der küche nach gas",
         "sanitaer-notdienst"),
    ],
)
def test_a_hazard_after_a_programme_is_still_one(text, client):
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)


# --- a threat of annoyance, everyday troubles, a recurring nuisance ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("my wife is going to kill me if I don't get the printer working before her meeting", "it-service-hansa"),
        ("meine frau bringt mich um wenn ich den drucker nicht bis morgen repariert habe", "it-service-hansa"),
        ("this cough is killing me, can I get a bottle of the cough syrup for pick up", "apotheke-am-markt"),
        ("dieser husten bringt mich noch um, haben sie einen hustensaft zum abholen", "apotheke-am-markt"),
        ("the man next door yells at his dog every night, it's driving us mad, who do we complain to", "kanzlei-berg"),
        ("der nachbar brüllt jeden abend seinen hund an, wo kann ich mich beschweren", "kanzlei-berg"),
    ],
)
def test_dramatic_everyday_words_are_routine(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("he's going to kill me, he's at the door with a knife", "kanzlei-berg"),
        ("er bringt mich um, er steht mit einem messer vor der tür", "kanzlei-berg"),
    ],
)
def test_a_threat_of_violence_stays_p0(text, client):
    assert_p0(text, client)


# --- tears told of a time gone by -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("i was in tears when the boiler burst last winter but your engineer was lovely, can i book him again",
         "sanitaer-notdienst"),
        ("ich war den tränen nahe als letzten winter die leitung geplatzt ist, kann ich ihren monteur wieder buchen",
         "sanitaer-notdienst"),
    ],
)
def test_tears_in_the_past_are_no_acute_distress(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("the pipe burst last week and I'm in tears, the flat is ruined and I have no money left",
         "sanitaer-notdienst"),
        ("das rohr ist letzte woche geplatzt und ich bin in tränen, alles ist kaputt", "sanitaer-notdienst"),
    ],
)
def test_tears_now_about_the_past_stay_acute(text, client):
    result = decide(text, client)
    assert result.distress == "acute", why(text, result)
