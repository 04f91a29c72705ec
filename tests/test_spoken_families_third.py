"""Third round of callers' words as Whisper base writes them after the 8 kHz phone line (`triage eval-calls
--spoken`, README "Whole text calls, spoken"): families where a detail that was said in full was lost by the brain,
or where the flow broke though the typed call ended right. Each test feeds Whisper's written form (the English
ones as heard in the runs; the German ones as Whisper writes the same thing in German) to the brain, with
look-alikes that must stay as they were.
"""

from __future__ import annotations

import pytest

from tests.test_spoken_families import dated_call
from triage.brain.extract.address import extract_address
from triage.brain.extract.name import extract_name, spells_name
from triage.brain.extract.phone import extract_phone


# --- a name spelled with the spelling alphabet, its letters written otherwise --------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "name"),
    [
        # "Siobhan Kelly. That's S as in Sierra, I as in India, ... A as in Alpha, N as in November."
        ("en", "Chivon Kelly, that's S's in Sierra, I's in India, O's in Oscar, B's in Bravo, H's in Hotel, I's in "
               "Alpha, and as in November.", "Siobhan Kelly"),
        ("en", "Miller, M's in Mike, I's in India, double L's in Lima, E's in Echo, R's in Romeo.", "Miller"),
        # "Meier, M wie Martha, ...": the German letters written as their names
        ("de", "Maier, Em wie Martha, E wie Emil, I wie Ida, E wie Emil, Er wie Richard.", "Meier"),
        ("de", "Schultz, Sch wie Schule, U wie Ulrich, El wie Ludwig, Zet wie Zeppelin.", "Schulz"),
    ],
)
def test_the_code_word_tells_the_spelled_letter(lang, heard, name):
    """The spelling was not read, so the name (given where the site was asked) was lost and the call handed over."""
    assert extract_name(heard, lang, expecting=True) == name


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "So wie in Hamburg, genau wie Berlin, nicht wie Essen."), ("en", "It's as in Paris, or as in Rome.")],
)
def test_places_compared_are_no_spelling(lang, said):
    assert not spells_name(said)


@pytest.mark.parametrize(
    ("lang", "turns", "site_question"),
    [
        ("en", ["Okay", "We're having a company party on the 19th and we'd like event security, door staff.",
                "No, that's it.", "Chivon Kelly, that's S's in Sierra, I's in India, O's in Oscar, B's in Bravo, "
                "H's in Hotel, I's in Alpha, and as in November."], "Siobhan Kelly"),
        ("de", ["Ja", "Wir feiern am 19. ein Firmenfest und brauchen Veranstaltungsschutz, Türsteher.",
                "Nein, das ist alles.", "Maier, Em wie Martha, E wie Emil, I wie Ida, E wie Emil, Er wie Richard."],
         "Meier"),
    ],
)
def test_a_name_spelled_as_whisper_writes_it_where_the_site_was_asked_is_read_back(lang, turns, site_question):
    d = dated_call("sicherheitsdienst-nord", lang)
    for turn in turns:
        reply = d.hear(turn)
    assert d.state.name == site_question
    assert d.state.confirming == "name"
    assert not reply.end


# --- a bare name at the phone line's confidence, said to the name question -----------------------------------
@pytest.mark.parametrize(
    ("lang", "turns", "name"),
    [
        ("en", ["I'd like to leave a message for Mr. Berg about my employment contract, please call me back.",
                "0405551234.", "Yes."], "Priya Shah"),
        ("de", ["Ich möchte eine Nachricht für Herrn Berg hinterlassen, es geht um meinen Arbeitsvertrag, bitte rufen "
                "Sie mich zurück.", "0405551234.", "Ja."], "Jürgen Großkopf"),
    ],
)
def test_a_bare_name_heard_unsure_is_read_back_not_asked_again(lang, turns, name):
    """Whisper wrote "Priya Shah" at 0.30 on the line; taken for a greeting, it was asked again and again."""
    d = dated_call("kanzlei-berg", lang)
    for turn in turns:
        d.hear(turn)
    assert d.state.confirming is None and d.state.phone
    d.hear(name, confidence=0.28)
    assert d.state.name == name and d.state.confirming == "name"
    assert d.state.misunderstood == 0


@pytest.mark.parametrize(("lang", "said"), [("en", "Hello?"), ("de", "Hallo?"), ("en", "Yes.")])
def test_a_greeting_or_a_yes_heard_unsure_to_the_name_question_is_still_asked_again(lang, said):
    d = dated_call("kanzlei-berg", lang)
    d.hear("I'd like to leave a message, please call me back." if lang == "en"
           else "Ich möchte eine Nachricht hinterlassen, bitte rufen Sie mich zurück.")
    d.hear("0405551234.")
    d.hear("Yes." if lang == "en" else "Ja.")
    d.hear(said, confidence=0.2)
    assert d.state.name is None and d.state.confirming is None


# --- a house number written as a Roman numeral; "Straße" written in English -----------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "street", "number", "town"),
    [
        ("en", "Auburn Strais II, Bremen.", "Auburn Straße", "2", "Bremen"),  # "Obernstraße 2, Bremen"
        ("en", "Langenstress X, Bremen.", "Langenstraße", "10", "Bremen"),
        ("en", "Hathenstress III, 28217 Bremen.", "Hathenstraße", "3", "Bremen"),
        ("en", "Osterstress 45, Hamburg.", "Osterstraße", "45", "Hamburg"),
        ("en", "Hathenstray's 30 in Bremen.", "Hathenstraße", "30", "Bremen"),
        ("de", "Hafenstraße II, Bremen.", "Hafenstraße", "2", "Bremen"),
        ("de", "Obernstraße XIV, 28195 Bremen.", "Obernstraße", "14", "Bremen"),
    ],
)
def test_a_house_number_as_whisper_writes_it_is_the_number(lang, heard, street, number, town):
    """No number was read, so the address was asked again and again until the call was handed over."""
    address = extract_address(heard, lang, expecting=True)
    assert (address.street, address.house_number, address.city) == (street, number, town)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "I'm under a lot of stress, 24 hours a day."),
        ("en", "Henry VIII was a king."),
        ("en", "I think I, like, live there."),
        ("de", "Ludwig XIV war ein König."),
    ],
)
def test_stress_and_roman_numerals_elsewhere_are_no_address(lang, said):
    address = extract_address(said, lang)
    assert address.street is None and address.house_number is None


@pytest.mark.parametrize(
    ("lang", "said", "street"),
    [("en", "Deliver them to Langenstress 10, Bremen.", ("Langenstraße", "10")),
     ("de", "Liefern Sie bitte an die Hafenstraße XII in Bremen.", ("Hafenstraße", "12"))],
)
def test_a_delivery_address_as_whisper_writes_it_is_read_back(lang, said, street):
    d = dated_call("it-service-hansa", lang)
    d.hear("I'd like to order a USB-C cable, the one metre one." if lang == "en"
           else "Ich möchte ein USB-C-Kabel bestellen, 1 Meter.")
    d.hear("No, that's all." if lang == "en" else "Nein, das ist alles.")
    reply = d.hear(said)
    assert (d.state.address.street, d.state.address.house_number) == street, reply.says
    assert d.state.confirming == "address"


# --- the name question answered twice with words that can be no name -------------------------------------------
_MESSAGE = {
    "en": ["I'd like to leave a message for Mr. Berg about my employment contract, please call me back.",
           "0160-987-6543", "Yes."],
    "de": ["Ich möchte eine Nachricht für Herrn Berg hinterlassen, es geht um meinen Arbeitsvertrag, bitte rufen "
           "Sie mich zurück.", "0160-987-6543", "Ja."],
}


@pytest.mark.parametrize(
    ("lang", "misheard"),
    [("en", ["at VidCon", "Yes."]), ("en", ["Now I'm the bird.", "and a becker."]),
     ("de", ["Und der Becker.", "Ja."])],
)
def test_a_name_twice_beyond_reading_is_passed_over_and_the_call_goes_on(lang, misheard):
    """"Ahmed Khan" came out "at VidCon"; the name question was asked until the call was handed over."""
    d = dated_call("kanzlei-berg", lang)
    for turn in _MESSAGE[lang]:
        d.hear(turn)
    first = d.hear(misheard[0])
    assert d.state.name is None and "name" not in d.state.declined and not first.end  # asked again
    reply = d.hear(misheard[1])
    assert "name" in d.state.declined and d.state.name is None
    assert d.state.phase == "message_confirm" and not reply.end and d.state.misunderstood <= 1


@pytest.mark.parametrize(("lang", "name"), [("en", "Ahmed Khan"), ("de", "Jürgen Großkopf")])
def test_a_name_said_at_the_second_asking_is_still_taken(lang, name):
    d = dated_call("kanzlei-berg", lang)
    for turn in _MESSAGE[lang]:
        d.hear(turn)
    d.hear("Yes." if lang == "en" else "Ja.")
    d.hear(name)
    assert d.state.name == name and d.state.confirming == "name"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_callback_number_is_never_passed_over(lang):
    d = dated_call("kanzlei-berg", lang)
    d.hear(_MESSAGE[lang][0])
    for _ in range(2):
        d.hear("Yes." if lang == "en" else "Ja.")
    assert d.state.phone is None and "phone" not in d.state.declined and d.state.misunderstood == 2


# --- the leading "oh" of a mobile number written as "1" ---------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "number"),
    [
        ("en", "1170-444-5555", "01704445555"),  # "o one seven o, four four four, five five five five"
        ("en", "1175-222-3334", "01752223334"),  # "oh one seven five, two two two, three three three four"
        ("en", "It's 1160-987-6543.", "01609876543"),
        ("de", "11752223334", "01752223334"),  # the same digits written by Whisper in German
    ],
)
def test_a_mobile_number_whose_oh_was_written_one_gets_its_zero(lang, heard, number):
    """The number was read back with twelve digits ("0 1 1 7 0 …") and the callback went nowhere."""
    assert extract_phone(heard, lang, expecting=True) == number


@pytest.mark.parametrize(
    ("lang", "said", "number"),
    [("en", "0170-444-5555", "01704445555"), ("en", "1-5-1-2233-4455", "015122334455"),
     ("en", "+1 170 444 5555", "+11704445555"), ("de", "Die 115 bitte.", None)],
)
def test_other_numbers_keep_their_digits(lang, said, number):
    assert extract_phone(said, lang, expecting=True) == number


# --- a street misheard beyond reading, and its town, said to the address question ------------------------------
@pytest.mark.parametrize(
    ("lang", "heard", "street", "town"),
    [
        ("en", "Euber Cedar Forting, Bremen.", "Euber Cedar Forting", "Bremen"),  # "Überseetor 14, Bremen"
        ("de", "Über Zeder Forte, Bremen.", "Über Zeder Forte", "Bremen"),
    ],
)
def test_a_street_beyond_reading_is_read_back_as_heard(lang, heard, street, town):
    """Asked again as not understood, the caller's next turns ("yes", the name, the number) looped to a handover."""
    d = dated_call("it-service-hansa", lang)
    d.hear("I'd like to order a USB-C cable, the one metre one." if lang == "en"
           else "Ich möchte ein USB-C-Kabel bestellen, 1 Meter.")
    d.hear("No, that's all." if lang == "en" else "Nein, das ist alles.")
    d.hear(heard)
    assert (d.state.address.street, d.state.address.city) == (street, town)
    assert d.state.confirming == "address" and d.state.misunderstood == 0
    d.hear("Yes." if lang == "en" else "Ja.")
    assert "address" in d.state.confirmed and d.state.misunderstood == 0


@pytest.mark.parametrize(("lang", "said"), [("en", "Yes, Bremen."), ("de", "Ja, Bremen."),
                                            ("en", "No, that's all, Bremen.")])
def test_an_answer_and_a_town_is_no_street(lang, said):
    d = dated_call("it-service-hansa", lang)
    d.hear("I'd like to order a USB-C cable, the one metre one." if lang == "en"
           else "Ich möchte ein USB-C-Kabel bestellen, 1 Meter.")
    d.hear("No, that's all." if lang == "en" else "Nein, das ist alles.")
    d.hear(said)
    assert d.state.address.street is None


# --- "four" inside a dictated number written "for" --------------------------------------------------------------
@pytest.mark.parametrize(
    ("heard", "number"),
    [("045,540 for 3,322", "04554043322"), ("0421 for 55 66 77.", "04214556677")],
)
def test_for_between_the_groups_of_a_number_is_four(heard, number):
    """Only the digits after "for" were kept ("I have 3 3 2 2 so far") and the number question looped."""
    assert extract_phone(heard, "en", expecting=True) == number


@pytest.mark.parametrize(
    ("said", "number"),
    [("Call 0421556677 for 10 minutes.", "0421556677"), ("I need 2 for 10 euros.", None),
     ("Call 0421 for 10 minutes.", None)],
)
def test_for_elsewhere_is_no_digit(said, number):
    assert extract_phone(said, "en", expecting=True) == number
