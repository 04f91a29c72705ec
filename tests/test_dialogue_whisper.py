"""Callers as Whisper base transcribes them on an 8 kHz line, in German and English: its words on silence
("Untertitel im Auftrag des ZDF", "Thanks for watching!", "Thank you."), loose yes and no ("jo", "jep",
"mhm", "nö", "yup", "uh-huh"), "o" for zero in a dictated number, a filler between commas inside a name,
a count in a sentence of its own after the item ("I need two").

The families come from `data/dev/calls_fifth.jsonl` (see data/dev/README.md); each test drives the real
`Dialogue` with the shipped packs and classifier, or the extractor the family lives in.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain import answers
from triage.brain.extract.address import extract_address
from triage.brain.extract.name import extract_name
from triage.brain.extract.order import match_order
from triage.brain.extract.phone import extract_phone
from triage.brain.turns import turn_hold
from triage.packs.load import load_pack

YES = {"de": "ja", "en": "yes"}
MESSAGE = {
    "de": ["Ich möchte eine Nachricht hinterlassen.", "Bitte rufen Sie mich wegen der Akte Schulz zurück."],
    "en": ["I'd like to leave a message.", "Please call me back about the Schulz file."],
}


# --- Whisper's words on silence ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "credits"),
    [
        ("de", "Untertitel im Auftrag des ZDF für funk, 2017"),
        ("de", "Untertitel der Amara.org-Community"),
        ("en", "Thanks for watching!"),
        ("en", "Subtitles by the Amara.org community"),
    ],
)
def test_credits_at_the_consent_question_are_silence_and_the_call_goes_on(lang, credits):
    """They ended the call as a sales call ("im Auftrag des"): now the question comes again."""
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(credits)
    assert not reply.end and d.state.outcome is None
    assert reply.says == [prompt("sanitaer-notdienst", "silence_question", lang),
                          prompt("sanitaer-notdienst", "recording_consent", lang)]
    d.hear(YES[lang])
    assert d.state.recording_consent is True


@pytest.mark.parametrize(
    ("lang", "credits"),
    [("de", "Untertitel im Auftrag des ZDF, 2018"), ("en", "you"), ("en", "Thank you for watching.")],
)
def test_credits_before_any_request_are_silence(lang, credits):
    d = call("kanzlei-berg", lang)
    reply = d.hear(credits)
    assert reply.says == [prompt("kanzlei-berg", "silence_reprompt", lang)] and d.state.outcome is None


@pytest.mark.parametrize(
    ("lang", "noise"),
    [
        ("de", "Untertitel der Amara.org-Community"),
        ("de", "Vielen Dank."),
        ("en", "Thank you."),
        ("en", "Thanks for watching!"),
    ],
)
def test_words_on_silence_at_the_name_question_are_no_name(lang, noise):
    """ "Untertitel der Amara" was read back as the caller's name; "Thank you." was "not understood"."""
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678", YES[lang]]:
        d.hear(turn)
    assert d.missing() == "name"
    reply = d.hear(noise)
    assert d.state.name is None
    assert reply.says == [prompt("kanzlei-berg", "silence_question", lang),
                          prompt("kanzlei-berg", "ask_name", lang)]
    d.hear("Anna Schmidt")
    assert d.state.name == "Anna Schmidt"


@pytest.mark.parametrize(
    ("lang", "turn"),
    [
        ("de", "Anna Schmidt. Untertitel im Auftrag des ZDF, 2020"),
        ("en", "Anna Schmidt. Thanks for watching!"),
    ],
)
def test_credits_after_real_words_leave_the_words(lang, turn):
    d = call("kanzlei-berg", lang)
    for said in [*MESSAGE[lang], "0171 2345678", YES[lang]]:
        d.hear(said)
    reply = d.hear(turn)
    assert d.state.name == "Anna Schmidt"
    assert reply.says == [prompt("kanzlei-berg", "confirm_name", lang, caller_name="Anna Schmidt")]


@pytest.mark.parametrize(
    ("lang", "turn"),
    [
        ("de", "Ich rufe im Auftrag meiner Mutter an, sie möchte einen Termin für die Wartung."),
        ("en", "Thank you, I'd like to leave a message."),
    ],
)
def test_a_callers_own_words_like_the_credits_are_kept(lang, turn):
    d = call("kanzlei-berg", lang)
    reply = d.hear(turn)
    assert reply.says != [prompt("kanzlei-berg", "silence_reprompt", lang)]
    assert d.state.silences == 0


@pytest.mark.parametrize(("lang", "thanks"), [("de", "Vielen Dank."), ("en", "Thank you.")])
def test_thanks_after_a_result_is_still_the_callers_own(lang, thanks):
    """At "anything else?" thanks are the caller's goodbye (they were "not understood"), never silence."""
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678", YES[lang], "Anna Schmidt", YES[lang], YES[lang]]:
        d.hear(turn)
    assert d.state.outcome is not None and d.state.phase == "anything_else"
    reply = d.hear(thanks)
    assert reply.says == [prompt("kanzlei-berg", "goodbye", lang, caller_name="Anna Schmidt")] and reply.end


# --- loose yes and no ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "answer", "recorded"),
    [
        ("de", "jo", True), ("de", "Jep.", True), ("de", "Mhm.", True), ("de", "Nö.", False), ("de", "Ne.", False),
        ("en", "yup", True), ("en", "Mm-hmm.", True), ("en", "Uh-huh.", True), ("en", "nah", False),
        # a "mhm" on the 8 kHz line, as Whisper base wrote it (`triage eval-calls --spoken`)
        ("de", "M&M.", True), ("en", "M&M.", True),
    ],
)
def test_loose_yes_and_no_answer_the_consent_question(lang, answer, recorded):
    d = call("sanitaer-notdienst", lang)
    reply = d.hear(answer)
    assert d.state.recording_consent is recorded
    assert prompt("sanitaer-notdienst", "not_understood", lang) not in reply.says
    assert reply.says[-1] == prompt("sanitaer-notdienst", "ask_need", lang)


@pytest.mark.parametrize(
    ("lang", "yes"),
    [("de", "Jep"), ("de", "Jo."), ("de", "Mhm."), ("de", "M&M."), ("en", "Yup."), ("en", "Uh-huh."), ("en", "M&M.")],
)
def test_a_loose_yes_to_the_name_read_back_is_no_surname(lang, yes):
    """ "Björn Hansen?" - "Jep" was read back as "Björn Jep"."""
    d = call("kanzlei-berg", lang)
    for turn in [*MESSAGE[lang], "0171 2345678", YES[lang], "Björn Hansen"]:
        d.hear(turn)
    assert d.state.confirming == "name"
    reply = d.hear(yes)
    assert d.state.name == "Björn Hansen" and "name" in d.state.confirmed
    assert d.state.phase == "message_confirm"
    assert prompt("kanzlei-berg", "not_understood", lang) not in reply.says


def test_a_lone_ne_is_no_but_ne_inside_a_sentence_is_not():
    pack = load_pack("sanitaer-notdienst")
    assert answers.yes_no(pack, "Ne.", "de") is False
    assert answers.yes_no(pack, "Ja, genau, ne?", "de") is True
    assert answers.yes_no(pack, "ne Maus noch", "de") is None


@pytest.mark.parametrize(
    ("lang", "done"),
    [("de", "Ne, danke."), ("de", "Nee, passt so."), ("de", "Passt schon, danke."), ("en", "nah I'm good"),
     ("en", "nope, thanks"), ("en", "I'm good, thanks")],
)
def test_a_loose_no_more_ends_the_items(lang, done):
    d = call("sanitaer-notdienst", lang)
    d.hear(YES[lang])
    d.hear("Ich hätte gern einen Duschkopf." if lang == "de" else "I'd like a shower head, please.")
    assert d.state.phase == "order"
    reply = d.hear(done)
    assert reply.says == [prompt("sanitaer-notdienst", "order_ask_fulfilment", lang)]


def test_not_enough_is_no_end():
    assert not answers.is_done("Das reicht nicht, ich brauche noch mehr.")
    assert answers.is_done("Das reicht, danke.")


# --- "o" for zero --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("o one seven six, two three four, five six seven eight nine", "017623456789"),
        ("o one six o, one two three, four five six seven", "01601234567"),
        ("o four three one, seven seven, eight eight, nine nine", "0431778899"),
        ("o one five two, three four, five six seven, eight nine o", "015234567890"),
        ("zero one seven one, double o, four five six seven eight", "01710045678"),
        ("Oh, one, seven, six, two, three, four, five, six, seven, eight.", "01762345678"),
    ],
)
def test_o_for_zero_in_a_dictated_number(said, number):
    assert extract_phone(said, "en", expecting=True) == number


@pytest.mark.parametrize("said", ["call me after six o'clock", "my name's Sarah O'Neil", "O'Connor"])
def test_o_with_an_apostrophe_is_no_zero(said):
    assert extract_phone(said, "en", expecting=True) is None


@pytest.mark.parametrize(("lang", "heard"), [("en", "1-5-2-333-4444"), ("de", "1 5 2 333 4444")])
def test_a_number_whose_leading_oh_whisper_dropped_is_read_back_with_its_zero(lang, heard):
    """ "oh one five two, …" on the phone line is written "1-5-2-333-4444" (`triage eval-calls --spoken`): a
    German number of ten digits without its trunk zero is read back, and kept, with it."""
    d = call("kanzlei-berg", lang)
    for turn in MESSAGE[lang]:
        d.hear(turn)
    assert "phone" in d.expecting
    reply = d.hear(heard)
    assert d.state.phone == "01523334444"
    assert reply.says == [prompt("kanzlei-berg", "confirm_callback", lang, phone="01523334444")]


# --- a filler inside a name ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [
        ("de", "Mein Name ist Kemal, äh, Yilmaz.", "Kemal Yilmaz"),
        ("de", "Kemal, ähm, Yilmaz", "Kemal Yilmaz"),
        ("en", "my name is, um, John, er, Smith", "John Smith"),
        ("en", "Priya, uh, Sharma", "Priya Sharma"),
        # Whisper's full stop at a pause inside the name
        ("de", "Petra. Nowak.", "Petra Nowak"),
        ("de", "Petra... Nowak.", "Petra Nowak"),
        ("en", "Tom. Baker.", "Tom Baker"),
        # no filler: a comma still puts the surname first; a word that is no name is left
        ("de", "Müller, Hans", "Hans Müller"),
        ("de", "Petra. Danke.", "Petra"),
    ],
)
def test_a_filler_between_commas_inside_a_name_is_a_hesitation(lang, said, name):
    assert extract_name(said, lang, expecting=True) == name


# --- "I need two" ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "qty"),
    [
        ("en", "hi, um, do you sell thermostat heads for the radiator? I need two", 2),
        ("en", "have you got radiator thermostats? we'd need three of them please", 3),
        ("de", "Haben Sie Thermostatköpfe? Ich bräuchte zwei.", 2),
        ("de", "Verkaufen Sie auch Thermostatköpfe? Dann nehme ich drei bitte", 3),
        # no count after the verb: one
        ("en", "do you sell thermostat heads? I need one for the bathroom", 1),
        ("de", "Haben Sie Thermostatköpfe? Ich brauche den für das Bad", 1),
    ],
)
def test_a_count_in_its_own_sentence_after_the_item(lang, said, qty):
    lines = match_order(said, lang, load_pack("sanitaer-notdienst").catalog)
    assert [(line.sku, line.qty) for line in lines] == [("SAN-THERMOSTAT", qty)]


def test_the_count_before_the_next_item_stays_that_items():
    catalog = load_pack("sanitaer-notdienst").catalog
    lines = match_order("a thermostat head and I need two bleed keys", "en", catalog)
    assert sorted((line.sku, line.qty) for line in lines) == [("SAN-ENTLUEFT", 2), ("SAN-THERMOSTAT", 1)]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("noise", ["...", "♪"])
def test_a_turn_without_a_word_is_silence(lang, noise):
    d = call("kanzlei-berg", lang)
    reply = d.hear(noise)
    assert reply.says == [prompt("kanzlei-berg", "silence_reprompt", lang)]


# --- a sentence cut by a pause -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "start", "rest"),
    [
        ("de", "Ich möchte", "eine Nachricht hinterlassen."),
        ("de", "Ähm, ja, wir bräuchten", "eine Nachricht an Frau Berg, sie möge mich zurückrufen."),
        ("en", "I'd like to", "leave a message for Dr Berg."),
        ("en", "um, I was wondering if", "I could leave a message."),
    ],
)
def test_a_request_cut_by_a_pause_is_waited_for_and_joined(lang, start, rest):
    """ "Ich möchte" was "not understood", and counted towards a handover."""
    d = call("kanzlei-berg", lang)
    first = d.hear(start)
    assert first.says == [] and d.state.misunderstood == 0
    d.hear(rest)
    assert d.state.intent == "leave_message" and d.state.misunderstood == 0


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Ich möchte eine Nachricht hinterlassen."),
        ("en", "I'd like to leave a message."),
        ("de", "Ich möchte nicht"),
        ("en", "I want to speak to someone"),
    ],
)
def test_a_whole_request_is_not_waited_for(lang, said):
    d = call("kanzlei-berg", lang)
    assert d.hear(said).says != []


# --- a date in the past is no time for the appointment --------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "when"),
    [
        ("de", "Ich hätte gern einen Termin, mein Chef hat mir gestern gekündigt.", "Donnerstag vormittag"),
        ("en", "hi, I'd like an appointment, my employer fired me, I got the letter yesterday",
         "maybe Thursday morning?"),
    ],
)
def test_a_past_date_in_an_appointment_request_is_no_time_for_it(lang, said, when):
    d = call("kanzlei-berg", lang)
    reply = d.hear(said)
    assert reply.says[-1] == prompt("kanzlei-berg", "appointment_ask_when", lang)
    d.hear(when)
    assert when.rstrip("?") in (d.state.message or "")


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "Ich hätte gern einen Termin nächste Woche Dienstag wegen meiner Kündigung."),
     ("en", "I'd like an appointment next Tuesday about my dismissal")],
)
def test_a_future_date_in_an_appointment_request_is_its_time(lang, said):
    d = call("kanzlei-berg", lang)
    reply = d.hear(said)
    assert reply.says[-1] == prompt("kanzlei-berg", "ask_callback", lang)


# --- a postcode in two groups ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "street", "postcode", "city"),
    [
        ("de", "Ja, das ist die Bramfelder Chaussee 12, 22 177 Hamburg.", "Bramfelder Chaussee", "22177", "Hamburg"),
        ("de", "Eilbeker Weg 33a, 22 089 Hamburg", "Eilbeker Weg", "22089", "Hamburg"),
        ("en", "It's Grindelallee 80, 20 146 Hamburg.", "Grindelallee", "20146", "Hamburg"),
        ("en", "14 Station Road, 21 335 Lüneburg", "Station Road", "21335", "Lüneburg"),
    ],
)
def test_a_postcode_written_in_two_groups_is_one(lang, said, street, postcode, city):
    address = extract_address(said, lang, expecting=True)
    assert (address.street, address.postcode, address.city) == (street, postcode, city)


def test_two_numbers_after_a_street_are_no_postcode_without_a_town():
    address = extract_address("Goethestraße 14, 20 100 Stück", "de")
    assert address.postcode is None and address.city is None


# --- a hyphenated street written apart ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "said", "street"),
    [
        ("de", "Konsul Smidt Straße 8, Bremen", "Konsul Smidt Straße"),
        ("de", "das ist die Max Brauer Allee 20 in Hamburg", "Max Brauer Allee"),
        ("en", "It's Karl Marx Straße 12, Kiel", "Karl Marx Straße"),
        ("en", "Graf Zeppelin Straße 3, Hamburg", "Graf Zeppelin Straße"),
        # the adjective of a place, or a street of one word and its type, stay as they were
        ("de", "ich wohne in der Berliner Straße 5", "Berliner Straße"),
        ("de", "Schwachhauser Heerstraße 3, Bremen", "Schwachhauser Heerstraße"),
        ("en", "I live on Goethe Straße 14", "Goethe Straße"),
    ],
)
def test_a_hyphenated_street_written_apart_keeps_its_first_words(lang, said, street):
    assert extract_address(said, lang, expecting=True).street == street


# --- turn-taking: hold a request that has only begun; a loose yes ends the turn at once ----------------
@pytest.mark.parametrize("said", ["Ich möchte", "Hallo, wir bräuchten", "I was wondering if", "um, I'd like"])
def test_turn_taking_waits_for_a_request_that_has_only_begun(said):
    hold = turn_hold(said)
    assert hold.seconds > 0 and not hold.ends_now


@pytest.mark.parametrize("said", ["Ich möchte eine Nachricht hinterlassen.", "I'd like a shower head, please."])
def test_turn_taking_leaves_a_whole_request_to_the_detector(said):
    assert turn_hold(said).seconds == 0


@pytest.mark.parametrize("said", ["Jep.", "Joa.", "Nö.", "Nah."])
def test_a_loose_yes_or_no_ends_the_turn_at_once(said):
    assert turn_hold(said, frozenset({"yes_no"})).ends_now
