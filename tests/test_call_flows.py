"""Whole calls in text through `triage simulate`: every flow of PRODUCT.md, in German and English.

These run the real command with the shipped packs and classifier and a real SQLite database.
"""

from __future__ import annotations

import json

import pytest

from triage.packs.load import load_pack
from triage.packs.render import say
from triage.settings import get_settings
from triage.store.repo import open_store


def said(call: dict) -> str:
    return " ".join(t["text"] for t in call["transcript"] if t["role"] == "bot")


def last_bot(call: dict) -> str:
    return [t["text"] for t in call["transcript"] if t["role"] == "bot"][-1]


# --- P0: public number in one sentence, then a human -------------------------------------------
def test_gas_smell_gets_the_emergency_number_and_a_human_at_once(simulate):
    call = simulate("sanitaer-notdienst", ["ja", "ähm es riecht total nach gas im keller"])
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["at_turn"]) == ("handoff", "P0", 2)
    assert out["handoff_reason"] == "p0"
    assert "1 1 2" in last_bot(call) and "Gebäude" in last_bot(call)
    assert "gas" in out["summary"]["urgency_reason"].lower()


def test_smoke_in_english_gets_the_fire_brigade(simulate):
    call = simulate("it-service-hansa", ["there is smoke coming out of the server room"])
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["at_turn"]) == ("handoff", "P0", 1)
    assert "fire brigade" in last_bot(call) and "1 1 2" in last_bot(call)


def test_urgency_rising_mid_order_switches_to_life_safety(simulate):
    call = simulate("apotheke-am-markt", ["ich möchte ibuprofen bestellen", "moment meine mutter bekommt keine luft"])
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["at_turn"]) == ("handoff", "P0", 2)
    assert "Rettungsdienst" in last_bot(call)


# --- P1: advice, address, callback number, name, each read back ---------------------------------
def test_burst_pipe_caller_gets_advice_and_on_call_handoff_with_confirmed_details(simulate):
    call = simulate(
        "sanitaer-notdienst",
        [
            "ja",
            "bei uns ist ein rohr geplatzt das wasser läuft überall",
            "goethestraße 14 in 20095 hamburg",
            "nein hausnummer 16",
            "ja",
            "null eins sieben eins zwei drei vier fünf sechs sieben acht",
            "ja",
            "anna schmidt",
            "ja",
        ],
    )
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["intent"], out["at_turn"]) == ("handoff", "P1", "report_problem", 9)
    summary = out["summary"]
    assert summary["address"] == "Goethestraße 16, 20095 Hamburg"
    assert summary["callback_number"] == "01712345678"
    assert summary["caller_name"] == "Anna Schmidt"
    assert set(summary["confirmed"]) == {"address", "phone", "name"}
    assert "Hauptwasserhahn" in said(call)
    assert "Goethestraße 14" in said(call) and "Goethestraße 16" in said(call)  # read back, corrected, read again
    assert "Rohrbruch" in summary["urgency_reason"]
    assert summary["recommended_action"] and summary["text"].startswith("P1")
    assert summary["transcript"][-1]["role"] == "caller"


def test_english_caller_giving_everything_at_once_only_confirms(simulate):
    call = simulate(
        "sanitaer-notdienst",
        [
            "yes",
            "there's a burst pipe in my kitchen water everywhere i'm at hauptstrasse 5 in 20095 hamburg "
            "my name is peter miller and my number is 040 1234567",
            "yes",
            "yes",
            "yes",
        ],
    )
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["at_turn"]) == ("handoff", "P1", 5)
    assert "stopcock" in said(call)
    assert out["summary"]["caller_name"] == "Peter Miller"
    assert out["summary"]["callback_number"] == "0401234567"
    assert "Is that correct?" in said(call)  # the caller's language, not the pack's first


def test_new_detail_after_a_read_back_counts_as_yes(simulate):
    call = simulate(
        "sanitaer-notdienst",
        [
            "nein",
            "die heizung ist komplett ausgefallen und es ist eiskalt",
            "lindenallee 3 22089 hamburg",
            "meine nummer ist 0176 55512345",  # implicit yes to the address
            "ja",
            "hier ist karl becker",
            "ja",
        ],
    )
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["at_turn"]) == ("handoff", "P1", 7)
    assert out["summary"]["address"].startswith("Lindenallee 3")
    assert {"address", "phone", "name"} <= set(out["summary"]["confirmed"])


def test_law_firm_arrest_is_an_emergency_without_asking_an_address(simulate):
    call = simulate(
        "kanzlei-berg",
        ["hello my husband was arrested this morning", "0171 2345678", "yes", "my name is john smith", "yes"],
    )
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["at_turn"]) == ("handoff", "P1", 5)
    assert "address" not in said(call).lower()


def test_caller_hanging_up_during_an_emergency_becomes_a_callback(simulate):
    call = simulate("sanitaer-notdienst", ["ja", "wasserrohrbruch im keller", "lindenallee 3 in hamburg"])
    out = call["outcome"]
    assert (out["type"], out["urgency"], out["handoff_reason"]) == ("handoff", "P1", "hangup")


# --- distress and requests for a human ---------------------------------------------------------
def test_acute_distress_goes_to_a_human_now_and_the_call_is_not_ended(simulate):
    call = simulate("sicherheitsdienst-nord", ["ich kann nicht mehr ich weiß nicht mehr weiter", "hallo?"])
    out = call["outcome"]
    assert (out["type"], out["distress"], out["at_turn"]) == ("handoff", "acute", 1)
    assert "Menschen" in last_bot(call)
    assert "Wiederhören" not in said(call)


def test_elevated_distress_is_acknowledged_with_the_offer_of_a_human(simulate):
    call = simulate("it-service-hansa", ["ich bin echt sauer mein drucker geht schon wieder nicht"])
    assert "verbinde ich Sie auch mit einem Mitarbeiter" in said(call)


def test_asking_for_a_human_in_the_middle_of_a_flow(simulate):
    call = simulate("apotheke-am-markt", ["ich möchte paracetamol bestellen", "ich will mit einem menschen sprechen"])
    out = call["outcome"]
    assert (out["type"], out["handoff_reason"], out["at_turn"]) == ("handoff", "requested", 2)


def test_english_request_for_a_real_person(simulate):
    call = simulate("it-service-hansa", ["can i talk to a real person please"])
    out = call["outcome"]
    assert (out["type"], out["intent"], out["handoff_reason"]) == ("handoff", "request_human", "requested")
    assert "put you through" in last_bot(call)


def test_keypad_zero_reaches_a_human(simulate):
    call = simulate("kanzlei-berg", [{"dtmf": "0"}])
    assert call["outcome"]["handoff_reason"] == "requested"


def test_silence_is_reprompted_once_then_handed_over(simulate):
    call = simulate("kanzlei-berg", ["", ""])
    out = call["outcome"]
    assert (out["type"], out["handoff_reason"], out["at_turn"]) == ("handoff", "silence", 2)
    assert "Sind Sie noch da?" in said(call)


def test_three_misunderstandings_hand_over(simulate):
    call = simulate("it-service-hansa", ["blabla", "xyz", "hmm qwe", "noch was"])
    out = call["outcome"]
    assert (out["type"], out["handoff_reason"], out["at_turn"]) == ("handoff", "failures", 3)


# --- orders -------------------------------------------------------------------------------------
def test_pharmacy_order_with_option_pickup_read_back_and_storage(simulate, data_dir):
    call = simulate(
        "apotheke-am-markt",
        [
            "ich möchte zwei packungen ibuprofen 400 reservieren",
            "die mit 20 stück",
            "nein das wars",
            "abholen",
            "müller",
            "ja",
            "null eins fünf eins eins zwei drei vier fünf sechs sieben",
            "ja",
            "ja",
            "nein danke",
        ],
    )
    out = call["outcome"]
    assert (out["type"], out["intent"], out["at_turn"]) == ("order", "place_order", 9)
    assert (out["order"]["name"], out["order"]["phone"]) == ("Müller", "01511234567")
    assert out["summary"]["collected"]["order"][0]["sku"] == "APO-IBU400"  # every outcome carries a summary
    assert out["summary"]["handoff_reason"] is None and "Bestellung aufgenommen" in out["summary"]["text"]
    [line] = out["order"]["items"]
    assert (line["sku"], line["qty"], line["options"]) == ("APO-IBU400", 2, {"pack": "20 Stück"})
    assert out["order"]["fulfilment"] == "pickup"
    assert "Ich fasse zusammen: 2 Ibuprofen" in said(call)
    orders = open_store(get_settings().db_url()).orders("apotheke-am-markt", test=True)  # simulate is a test call
    assert [o.items[0]["sku"] for o in orders] == ["APO-IBU400"]


def test_english_hardware_order_with_delivery(simulate):
    call = simulate(
        "it-service-hansa",
        [
            "i'd like to order two headsets and a docking station",
            "wireless please",
            "no that's all",
            "please deliver it",
            "hafenstrasse 12 20457 hamburg",
            "yes",
            "my name is lisa wong",
            "yes",
            "0170 5556667",
            "yes",
            "yes",
        ],
    )
    out = call["outcome"]
    assert out["type"] == "order", said(call)
    skus = {i["sku"]: i["qty"] for i in out["order"]["items"]}
    assert len(skus) == 2 and 2 in skus.values()
    assert out["order"]["fulfilment"] == "delivery" and "Hafenstrasse 12" in out["order"]["address"]


def test_rejected_read_back_starts_the_order_again(simulate):
    # a bare "nein" to the read-back is asked what to change (the tenth call set: it is rarely "nothing at all"); a
    # second "nein" to that drops the order and starts it again
    call = simulate(
        "apotheke-am-markt",
        [
            "ich hätte gern nasenspray",
            "für kinder",
            "nein",
            "abholen",
            "schmidt",
            "ja",
            "0151 2233445",
            "ja",
            "nein",
            "nein",
            "zwei hustensaft",
            "zum schleimlösen",
            "nein das wars",
            "ja",
        ],
    )
    assert "verworfen" in said(call)
    [line] = call["outcome"]["order"]["items"]
    assert (line["sku"], line["qty"]) == ("APO-HUSTENSAFT", 2)


# --- messages, appointments, information ----------------------------------------------------------
def test_law_firm_message_is_taken_read_back_and_stored(simulate):
    call = simulate(
        "kanzlei-berg",
        [
            "ich möchte eine nachricht für herrn berg hinterlassen",
            "bitte rufen sie mich wegen meines mietvertrags zurück",
            "meine nummer ist 040 123456",
            "ja",
            "peter meier",
            "ja",
            "ja",
            "nein danke das wars",
        ],
    )
    out = call["outcome"]
    assert (out["type"], out["intent"], out["at_turn"]) == ("message", "leave_message", 7)
    assert "mietvertrags" in out["message"]["text"]
    assert (out["message"]["phone"], out["message"]["name"]) == ("040123456", "Peter Meier")
    messages = open_store(get_settings().db_url()).messages("kanzlei-berg", test=True)  # simulate is a test call
    assert len(messages) == 1 and "mietvertrags" in messages[0].text


def test_guard_booking_is_a_booking_request_from_the_catalogue(simulate):
    # issue 11, twenty-first set: guarding is a catalogue service the control room confirms, not an appointment
    call = simulate(
        "sicherheitsdienst-nord",
        [
            "yes",
            "i'd like to book a guard for our warehouse next friday night",
            "one night",
            "no that is all",
            "this is tom baker",
            "0151 22334455",
            "yes",
            "yes",
        ],
    )
    out = call["outcome"]
    assert (out["type"], out["intent"]) == ("order", "place_order")
    items = [(i["sku"], i["options"]) for i in out["order"]["items"]]
    assert items == [("SEC-OBJEKT-NACHT", {"duration": "eine Nacht"})]


def test_information_is_answered_from_the_pack(simulate):
    call = simulate("sanitaer-notdienst", ["ja", "wann haben sie geöffnet", "nein danke"])
    assert "rund um die Uhr" in said(call)
    assert call["outcome"]["type"] == "ended"


def test_sales_call_is_ended_politely(simulate):
    call = simulate("it-service-hansa", ["guten tag wir bieten ihnen einen günstigeren stromanbieter an"])
    out = call["outcome"]
    assert (out["type"], out["urgency"]) == ("ended", "P4")


def test_routine_fault_becomes_a_ticket_with_callback(simulate):
    call = simulate(
        "sanitaer-notdienst",
        ["ja", "bei uns tropft der wasserhahn in der küche", "0151 9876543", "ja", "erika mustermann", "ja", "ja"],
    )
    out = call["outcome"]
    assert (out["type"], out["urgency"]) == ("message", "P3")


# --- the call is kept --------------------------------------------------------------------------
def test_call_transcript_and_handoff_are_stored(simulate):
    call = simulate("sanitaer-notdienst", ["ja", "es brennt in der küche"])
    store = open_store(get_settings().db_url())
    stored = store.call(call["call_id"])
    assert stored["ended"] and stored["urgency"] == "P0" and stored["outcome_type"] == "handoff"
    assert [t["text"] for t in stored["transcript"]] == [t["text"] for t in call["transcript"]]
    [handoff] = store.waiting_handoffs("sanitaer-notdienst", status="test")  # simulate: a test call (issue 13)
    assert handoff.urgency == "P0" and handoff.summary["handoff_reason"] == "p0"


# --- bad input ----------------------------------------------------------------------------------
def test_unknown_client_is_refused_with_the_known_ones(cli, tmp_path):
    script = tmp_path / "s.json"
    script.write_text(json.dumps({"turns": ["hallo"]}))
    result = cli("simulate", "--client", "no-such-client", "--script", str(script))
    assert result.exit_code != 0
    assert "sanitaer-notdienst" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"client": "kanzlei-berg"}', '"turns" must be a list'),
        ('{"client": "kanzlei-berg", "turns": [1]}', "turns[0] must be a string"),
        ('["hallo"]', "must be a JSON object"),
    ],
)
def test_invalid_scripts_get_a_clear_message(cli, tmp_path, content, message):
    script = tmp_path / "s.json"
    script.write_text(content)
    result = cli("simulate", "--script", str(script))
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize(
    ("lang", "turns", "asked", "read_back"),
    [
        ("de", ["ja", "ich brauche ein dichtungsset für den wasserhahn", "den halben zoll bitte", "nein das wars",
                "ich hole es ab", "Anna Schmidt", "ja", "0171 2345678", "ja", "ja", "nein danke"],
         "Zur Wahl stehen halber Zoll oder dreiviertel Zoll.",
         "1 Dichtungsset für Wasserhähne halber Zoll, zur Abholung"),
        ("en", ["yes", "i need a tap washer set", "the half inch one please", "no thats all", "i will pick it up",
                "Anna Schmidt", "yes", "0171 2345678", "yes", "yes", "no thanks"],
         "You can choose half inch or three-quarter inch.", "1 tap washer set half inch, for pickup"),
    ],
)  # fmt: skip
def test_option_values_are_said_in_the_callers_language_and_stored_as_the_packs_value(
    simulate, lang, turns, asked, read_back
):
    """The plumber's catalogue names its sizes in German: an English caller hears them in English (the pack's
    `option_names`) and may answer in their words, a German one in another grammatical form ("den halben
    Zoll"); the order stores the pack's value, as agents read it."""
    call = simulate("sanitaer-notdienst", turns, lang=lang)
    bot = said(call)
    assert asked in bot and read_back in bot, bot
    calm = say(load_pack("sanitaer-notdienst"), "distress_elevated", lang)
    assert calm not in bot  # "ich hole es ab", "I will pick it up": an errand, no sign of distress
    out = call["outcome"]
    assert out["type"] == "order", bot
    [line] = out["order"]["items"]
    assert (line["sku"], line["options"]) == ("SAN-DICHT-SET", {"size": "halber Zoll"})
    assert out["order"]["fulfilment"] == "pickup"


# --- `triage eval-calls`: whole calls checked against what they should end with ------------------
def test_eval_calls_counts_the_calls_that_end_right_and_names_what_broke(cli, tmp_path):
    gas = {"id": "gas", "client": "sanitaer-notdienst", "turns": ["ja", "es riecht nach gas"],
           "expect": {"outcome": "handoff", "urgency": "P0"}}
    quote = {"id": "quote", "client": "kanzlei-berg",
             "turns": ["i'd like to leave a message, please call me back about my lease", "0171 2345678", "yes",
                       "Anna Smith", "yes", "yes"],
             "expect": {"outcome": "message", "name": "Anna Smith", "phone": "+491712345678",
                        "message_contains": ["lease", "invoice"]}}
    calls = tmp_path / "calls.jsonl"
    calls.write_text("\n".join(json.dumps(c) for c in (gas, quote)) + "\n", encoding="utf-8")
    result = cli("eval-calls", str(calls))
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "1 of 2 calls end right"
    assert lines[0] == "FAIL quote (kanzlei-berg):"
    assert lines[1].startswith("  - message: wanted ['lease', 'invoice']")
    assert len(lines) == 3  # the name and the number (+49 as a leading 0) were stored as expected


def test_eval_calls_says_which_line_is_bad(cli, tmp_path):
    calls = tmp_path / "calls.jsonl"
    calls.write_text('{"id": "x", "client": "kanzlei-berg", "turns": ["hallo"], "expect": {"outcom": "ended"}}\n')
    result = cli("eval-calls", str(calls))
    assert result.exit_code == 2
    assert f"{calls}:1" in result.output
