"""The number an agent reads before calling back, grouped the way its own country writes it (libphonenumber):
Bremen's 0421 998877 is "0421 998877", not "042 199 8877" (every area code used to get three digits),
Berlin's 030 12345678 is "030 12345678"; a number with "+" is grouped by its own country; a number nobody can
group is shown with every digit the caller gave. The server groups once (the summary's `callback_number_text`,
the handoff's `caller_number_text`, an event's `phone_text`) and the console, REST and webhook show that.
"""

from __future__ import annotations

import re

import pytest

from triage.handoff.queue import HandoffQueue
from triage.packs.load import load_pack
from triage.phones import pack_region, phone_text
from triage.store.repo import open_store

CLIENT = "sanitaer-notdienst"

GERMAN = [
    ("0421998877", "0421 998877"),  # Bremen: a four-digit area code
    ("0421 998877", "0421 998877"),
    ("03012345678", "030 12345678"),  # Berlin: a three-digit one
    ("0891234567", "089 1234567"),  # Munich
    ("04012345678", "040 12345678"),  # Hamburg
    ("05111234567", "0511 1234567"),  # Hannover
    ("01712345678", "0171 2345678"),  # mobile
    ("017612345678", "0176 12345678"),
    # 0151 numbers are allocated in blocks 01511, 01512, ... (BNetzA): libphonenumber groups the block's prefix
    ("015123456789", "01512 3456789"),
    ("0049421998877", "0049 421 998877"),  # dialled with 00: as dialled, every digit kept
]
INTERNATIONAL = [
    ("+49421998877", "+49 421 998877"),
    ("+4917123456789", "+49 171 23456789"),
    ("+442079460958", "+44 20 7946 0958"),  # London
    ("+447911123456", "+44 7911 123456"),  # a UK mobile
    ("+12125550123", "+1 212-555-0123"),  # New York, as the US writes it
    ("+43 664 1234567", "+43 664 1234567"),
    ("0044 20 7946 0958", "0044 20 7946 0958"),
]
KEPT_WHOLE = [
    ("12345", "12345"),  # too short for any number: one group
    ("0421", "0421"),  # an area code alone
    ("112", "112"),
    ("01512345678", "015 1234 5678"),  # a digit short of a 0151 number: invalid, plain groups, nothing dropped
    ("+9991234567", "+99 9123 4567"),  # no such country code: blocks of four from the end
    ("421998877", "42199 8877"),  # the trunk zero missing: not added
    ("+4904219988", "+49 0421 9988"),  # "+49 0…": the zero kept, though it is not dialled
]


def _digits(text: str) -> str:
    return ("+" if text.startswith("+") else "") + re.sub(r"\D", "", text)


@pytest.mark.parametrize(("number", "shown"), GERMAN + INTERNATIONAL + KEPT_WHOLE)
def test_a_number_is_grouped_by_its_country_and_keeps_every_digit(number: str, shown: str) -> None:
    assert phone_text(number, "DE") == shown
    assert _digits(shown) == _digits(number)  # spaced, never changed


def test_the_old_three_digit_area_code_is_gone() -> None:
    assert phone_text("0421998877") != "042 199 8877"
    assert phone_text("03012345678") == "030 12345678"


def test_what_is_not_a_number_is_shown_as_it_is() -> None:
    assert phone_text("sip:anna@pbx.example") == "sip:anna@pbx.example"
    assert phone_text("anonymous") == "anonymous"
    assert phone_text(None) is None
    assert phone_text("") == ""


def test_national_numbers_are_read_in_the_clients_country() -> None:
    german = load_pack(CLIENT)
    assert pack_region(german) == "DE"  # its own numbers are +49 40 …
    austrian = german.model_copy(update={"phone_numbers": ["+43 1 2345678"], "timezone": "Europe/Vienna"})
    assert pack_region(austrian) == "AT"
    assert phone_text("06641234567", pack_region(austrian)) == "0664 1234567"
    london = german.model_copy(update={"phone_numbers": [], "timezone": "Europe/London"})
    assert pack_region(london) == "GB"
    assert phone_text("02079460958", "GB") == "020 7946 0958"
    nowhere = german.model_copy(update={"phone_numbers": [], "timezone": "Asia/Tokyo"})
    assert pack_region(nowhere) == "DE"  # the call centre's own country


def _burst_pipe(lang: str, number: str) -> list[str]:
    if lang == "de":
        return ["ja", "bei uns ist ein rohr geplatzt das wasser läuft überall", "goethestraße 14 in 20095 hamburg",
                "ja", number, "ja", "anna schmidt", "ja"]  # fmt: skip
    return ["yes", "a pipe burst in our kitchen and water is everywhere", "14 goethe street, 20095 hamburg",
            "yes", f"my number is {number}", "yes", "john smith", "yes"]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "said", "raw", "shown"),
    [
        ("de", "0421 998877", "0421998877", "0421 998877"),
        ("de", "030 12345678", "03012345678", "030 12345678"),
        ("en", "+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"),
    ],
)
def test_the_summary_reads_the_callback_number_grouped_in_both_agent_languages(
    simulate, lang: str, said: str, raw: str, shown: str
) -> None:
    summary = simulate(CLIENT, _burst_pipe(lang, said))["outcome"]["summary"]
    assert summary["callback_number"] == raw  # the digits, as stored and dialled
    assert summary["callback_number_text"] == shown
    assert f"Rückruf an {shown};" in summary["words"]["de"]["text"], summary["words"]["de"]["text"]
    assert f"call back on {shown};" in summary["words"]["en"]["text"], summary["words"]["en"]["text"]
    assert summary["text"] == summary["words"]["de"]["text"]  # the pack's agent_language on top (webhook)


def test_the_handoff_carries_the_lines_caller_id_and_the_numbers_of_its_events_grouped(tmp_path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'triage.db'}")
    queue = HandoffQueue(store.sessions, store.feed)
    call_id = store.start_call(CLIENT, "v1", "de", channel="twilio", caller_number="+49421998877")
    outcome = {"type": "handoff", "urgency": "P2", "intent": "other", "distress": "none", "summary": {}}
    handoff_id = store.save_outcome(call_id, outcome, CLIENT)
    queue.record(handoff_id, "alert", contact="Bereitschaft", channel="sms", to="+491702345678", result="sent")
    queue.escalate(handoff_id, 1, {"name": "Chefin", "channel": "phone", "phone": "04012345678"})
    listed = {h["id"]: h for h in queue.list()}[handoff_id]
    assert (listed["caller_number"], listed["caller_number_text"]) == ("+49421998877", "+49 421 998877")
    view = queue.get(handoff_id)
    assert view["caller_number_text"] == "+49 421 998877"
    shown = {e["kind"]: e["phone_text"] for e in view["events"]}
    assert shown["alert"] == "+49 170 2345678"
    assert shown["escalated"] == "040 12345678"
