"""Fourth round of callers' words as Whisper base writes them after the 8 kHz phone line (`triage eval-calls
--spoken`, README "Whole text calls, spoken"): families where a detail said in full was lost by the brain, or where
the flow lost its place though the typed call ended right. The English words are as Whisper wrote them in the run
on main (2026-12-06, 20:58-21:45 UTC); the German ones are the same thing as Whisper writes it in German (and as
a caller types it). Look-alikes that must stay as they were sit beside them.
"""

from __future__ import annotations

import pytest

from tests.test_spoken_families import dated_call
from triage.brain.extract.address import extract_address
from triage.brain.extract.name import extract_name
from triage.brain.extract.phone import extract_phone


# --- how a word of the name is written, said after it: "Marc with a C", "Meier mit a i" --------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "name"),
    [
        # "actually it's Marc with a C": "Marc" and "Mark" sound the same, Whisper writes "Mark"
        ("en", "Actually it's Mark with the C.", "Marc"),
        ("en", "Kelli with a y.", "Kelly"),
        ("en", "Philip with two Ls.", "Phillip"),
        ("de", "Nein, Mark mit C.", "Marc"),
        ("de", "Meier mit a i.", "Maier"),
        ("de", "Schmidt mit Doppel-T.", "Schmitt"),
        ("de", "Stefan mit ph.", "Stephan"),
        ("de", "Anna Meier, aber mit e y.", "Anna Meyer"),
    ],
)
def test_the_letters_said_after_a_name_word_change_how_it_is_written(lang, heard, name):
    assert extract_name(heard, lang, expecting=True) == name


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [("en", "Marc with a C.", "Marc"), ("en", "Becker with a C", "Becker"), ("de", "Müller mit ü", "Müller"),
     ("de", "Anna Schmidt", "Anna Schmidt")],
)
def test_a_name_already_written_so_stays(lang, said, name):
    assert extract_name(said, lang, expecting=True) == name


_BURST = {
    "en": ["Yes, that's fine.", "Hi, Amia, there's water coming through the ceiling, a pipe burst upstairs.",
           "It's Hofweg 24, Hamburg.", "Yes.", "0176-555-1234", "Yes."],
    "de": ["Ja.", "Hallo, bei uns kommt Wasser durch die Decke, oben ist ein Rohr geplatzt.", "Hofweg 24, Hamburg.",
           "Ja.", "0176 5551234", "Ja."],
}


@pytest.mark.parametrize(
    ("lang", "name_heard", "correction", "name"),
    [
        ("en", "Mark Becker", "Actually it's Mark with the C.", "Marc Becker"),
        ("en", "Mark Becker", "No, with a C.", "Marc Becker"),
        ("de", "Mark Meier", "Nein, Marc mit C.", "Marc Meier"),
        ("de", "Mark Meier", "Nein, mit C.", "Marc Meier"),
        ("de", "Mark Meier", "Meier mit a i.", "Mark Maier"),
    ],
)
def test_a_name_read_back_is_corrected_by_its_letters(lang, name_heard, correction, name):
    """The call read back "Mark Becker" again after "it's Mark with the C" and stored the name misspelt."""
    d = dated_call("sanitaer-notdienst", lang)
    for turn in [*_BURST[lang], name_heard]:
        d.hear(turn)
    assert d.state.confirming == "name"
    d.hear(correction)
    assert d.state.name == name
    assert d.state.confirming == "name"  # read back again for the caller to confirm


# --- the end of a number said again, after the number written as one figure --------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "number"),
    [
        ("en", "017612345678, sorry, the end is 5687.", "017612345687"),
        ("en", "017612345678, no, 5687.", "017612345687"),
        ("de", "017612345678, Entschuldigung, am Ende 5687.", "017612345687"),
        ("de", "0176 12 34 56 78, Entschuldigung, am Ende 56 87.", "017612345687"),
        ("de", "017612345678, Verzeihung, die letzten vier Ziffern sind 56 87.", "017612345687"),
    ],
)
def test_the_end_said_again_replaces_the_end_of_a_number_written_whole(lang, heard, number):
    """"I have 5 6 8 7 so far. How does the number go on?": the corrected end was taken for a new number."""
    assert extract_phone(heard, lang, expecting=True) == number


def test_a_whole_number_said_again_still_wins():
    assert extract_phone("017612345678, no sorry, 0176 12345687", "en", expecting=True) == "017612345687"


@pytest.mark.parametrize(
    ("lang", "turns"),
    [
        ("en", ["My brother was arrested this morning. They took him to the police station.",
                "017612345678, sorry, the end is 5687."]),
        ("de", ["Mein Bruder wurde heute Morgen verhaftet, sie haben ihn zur Polizei gebracht.",
                "017612345678, Entschuldigung, am Ende 5687."]),
    ],
)
def test_a_number_with_its_end_corrected_is_read_back_whole(lang, turns):
    d = dated_call("kanzlei-berg", lang)
    for turn in turns:
        d.hear(turn)
    assert d.state.phone == "017612345687"
    assert d.state.confirming == "phone"


# --- "Straße" written "stray" / "strace" at the end of a word, "Große" written "gross" ----------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "street", "number"),
    [
        ("en", "Osterstray 45, Hamburg", "Osterstraße", "45"),
        ("en", "Our office is a gross Elbstrace 145, 22,767 Hamburg.", "Große Elbstraße", "145"),
        ("de", "Grosse Elbstrasse 145, 22767 Hamburg", "Große Elbstrasse", "145"),
        ("de", "ein gross Elbstraße 145", "Große Elbstraße", "145"),
    ],
)
def test_a_street_written_as_the_line_hears_it(lang, heard, street, number):
    """"I have: 22767 Hamburg": the street, said in full, was dropped from the address read back."""
    address = extract_address(heard, lang, expecting=True)
    assert (address.street, address.house_number) == (street, number)


@pytest.mark.parametrize("said", ["The dog went stray 45 times.", "I was under a lot of stress 5 days a week."])
def test_stray_and_stress_as_words_are_no_street(said):
    assert extract_address(said, "en").street is None


# --- a postcode that lost a digit on the line, said while the address is asked --------------------------------
@pytest.mark.parametrize(
    ("lang", "turns", "street"),
    [
        ("en", ["Yes.", "Water is pouring out of a burst pipe in the kitchen. I can't stop it.",
                "Epinor for Wake 12, 2259 Hamburg."], "Wake"),
        ("de", ["Ja.", "Bei uns ist ein Rohr geplatzt, das Wasser läuft in die Küche, ich krieg's nicht zu.",
                "Eppendorfer Weg 12, 2259 Hamburg."], "Eppendorfer Weg"),
    ],
)
def test_an_address_with_a_short_postcode_is_no_callback_number(lang, turns, street):
    """"Your callback number is 1 2 2 2 5 9": the house number and postcode were read as the number, and the call
    went round the address question until it was handed over."""
    d = dated_call("sanitaer-notdienst", lang)
    for turn in turns:
        d.hear(turn)
    assert d.state.phone is None
    assert d.state.confirming == "address"
    assert (d.state.address.street, d.state.address.house_number, d.state.address.city) == (street, "12", "Hamburg")


# --- a postcode said anew in two groups, the wrong one after "not" ------------------------------------------
@pytest.mark.parametrize(
    ("lang", "turns", "street"),
    [
        ("en", ["Yes, fine.", "Someone broke into our shop last night, the backdoor has been forced.",
                "Halston Stray's 40, 24,103 keel.", "No, sorry, the post got us 24,105, not 24,103."],
         "Halston Straße"),
        ("de", ["Ja.", "Bei uns wurde letzte Nacht eingebrochen, die Hintertür ist aufgebrochen.",
                "Holstenstraße 40, 24103 Kiel.", "Nein, Entschuldigung, die Postleitzahl ist 24 105, nicht 24 103."],
         "Holstenstraße"),
    ],
)
def test_a_postcode_corrected_in_two_groups_replaces_the_one_read_back(lang, turns, street):
    """"Sorry about that. Please tell me once more": the whole address was thrown away and asked for again."""
    d = dated_call("sicherheitsdienst-nord", lang)
    for turn in turns:
        d.hear(turn)
    assert d.state.confirming == "address"
    assert (d.state.address.street, d.state.address.house_number, d.state.address.postcode) == (street, "40", "24105")


# --- "in Kiel" after the house number written "and Keel", a house number hyphened to its street -------------------
@pytest.mark.parametrize(
    ("heard", "street", "number", "town"),
    [
        ("The shop is at Denish Trace 9 and Keele.", "Denish Trace", "9", "Keele"),
        ("its canel stress 8 and keel.", "Canel Straße", "8", "Keel"),
        ("Halston Strays 12 and Teal.", "Halston Straße", "12", "Teal"),
        ("Ethan Strais-30 in Bremen.", "Ethan Straße", "30", "Bremen"),
    ],
)
def test_the_town_after_and_or_a_hyphened_house_number_is_kept(heard, street, number, town):
    """English only: a German voice's "in Kiel" is written "in Kiel". The site question went round until the call
    was handed over ("Sorry, I didn't catch that")."""
    address = extract_address(heard, "en", expecting=True)
    assert (address.street, address.house_number, address.city) == (street, number, town)


@pytest.mark.parametrize(
    "said", ["Goethestraße 14 and my number is 0171 2345678", "Hauptstraße 5 and I need it today."]
)
def test_words_after_and_are_no_town(said):
    assert extract_address(said, "en", expecting=True).city is None


@pytest.mark.parametrize(
    ("client", "turns"),
    [
        ("sicherheitsdienst-nord", ["Yes.", "We need a night guard for our warehouse on Saturday the 19th, from 10pm "
                                   "to 6am.", "No, that's it.", "The shop is at Denish Trace 9 and Keele."]),
        ("it-service-hansa", ["Hi, I need a new 14-inch laptop for our trainee. My boss will tell me if it isn't here "
                              "by Monday.", "Know that's all.", "Ethan Strais-30 in Bremen."]),
    ],
)
def test_a_site_with_its_town_after_and_is_read_back(client, turns):
    d = dated_call(client, "en")
    for turn in turns:
        d.hear(turn)
    assert d.state.confirming == "address"


# --- asked for the address, a house number and a postcode with the town after them are no callback number -----------
@pytest.mark.parametrize(
    ("lang", "turns"),
    [
        ("en", ["Yes, that's fine.", "Our heating has stopped completely and the whole house is freezing. We have a "
                "baby at home.", "Halt Y-17, 2259, Hamburg."]),
        ("de", ["Ja.", "Unsere Heizung ist komplett ausgefallen, das ganze Haus ist eiskalt, wir haben ein Baby.",
                "Hohe W 17, 2259, Hamburg."]),
    ],
)
def test_an_address_beyond_reading_is_asked_again_not_read_as_the_number(lang, turns):
    """"Your callback number is 1 7 2 2 5 9": the caller said yes, gave the real number next, and the call went round
    the address question until it was handed over."""
    d = dated_call("sanitaer-notdienst", lang)
    for turn in turns:
        d.hear(turn)
    assert d.state.phone is None
    assert d.state.confirming is None
