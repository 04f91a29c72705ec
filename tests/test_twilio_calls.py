"""Phone calls end to end: real recordings streamed as Twilio streams them (20 ms mu-law frames in
real time) into `triage serve` on loopback, with the real engines (random-weight models of the
real formats, so what Whisper writes is gibberish: these tests check the call, not the words).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import numpy as np
import pytest
import websockets
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from twilio.request_validator import RequestValidator

from tests.conftest import shared_audio
from tests.voice_server import REPO, TWILIO_TEST_TOKEN, VoiceServer, start_server, stop_server
from triage.packs.load import load_pack
from triage.packs.render import say
from triage.store.tables import Call, Handoff
from triage.telephony.simulated_caller import RATE, TwilioCaller, load_audio

ACCEPT_TIMEOUT_S = 5  # how long a handed-over caller waits for an agent in these tests


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory):
    """The shipped packs, but the reference client gives agents only 5 s before a callback promise."""
    prompts = tmp_path_factory.mktemp("prompts")
    shutil.copytree(REPO / "prompts", prompts, dirs_exist_ok=True)
    pack = prompts / "sanitaer-notdienst" / "pack.yaml"
    text = pack.read_text(encoding="utf-8")
    assert "accept_timeout_s: 45" in text
    pack.write_text(text.replace("accept_timeout_s: 45", f"accept_timeout_s: {ACCEPT_TIMEOUT_S}"), encoding="utf-8")
    s = start_server(synth_models, tmp_path_factory.mktemp("voice"), extra_env={"TRIAGE_PROMPTS_DIR": str(prompts)})
    yield s
    stop_server(s)


def stream_url(server: VoiceServer) -> str:
    return server.ws_url + "/twilio/stream"


def signature(url: str, params: dict[str, str] | None = None) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, params or {})}


def caller(server: VoiceServer, client: str = "sanitaer-notdienst", **kwargs) -> TwilioCaller:
    url = stream_url(server)
    return TwilioCaller(url, client=client, headers=signature(url), **kwargs)


def stored_calls(server: VoiceServer, line_call_id: str) -> list[Call]:
    engine = create_engine(f"sqlite:///{server.data_dir / 'triage.db'}")
    with Session(engine) as db:
        calls = list(db.scalars(select(Call).where(Call.line_call_id == line_call_id)))
        for call in calls:
            _ = call.turns  # load while the session is open
        return calls


def wait_stored(server: VoiceServer, line_call_id: str, timeout: float = 10.0) -> Call:
    """The server stores the end of a call right after the line closes; give it that moment."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        calls = stored_calls(server, line_call_id)
        if calls and calls[0].ended_at is not None:
            return calls[0]
        time.sleep(0.1)
    raise AssertionError(f"call {line_call_id} was not stored as ended: {server.log()[-3000:]}")


def speech(name: str) -> np.ndarray:
    return load_audio(shared_audio(name), RATE)


# --- the webhook ---------------------------------------------------------------------------------------
def post_form(url: str, params: dict[str, str], headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(params).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_incoming_call_webhook_answers_with_a_media_stream_for_the_called_client(server: VoiceServer):
    number = load_pack("sanitaer-notdienst").phone_numbers[0]
    url = server.url + "/twilio/voice"
    params = {"CallSid": "CA1", "From": "+4917012345678", "To": number, "AccountSid": "AC1"}
    status, body = post_form(url, params, signature(url, params))
    assert status == 200, body
    assert "<Connect><Stream" in body
    assert f'url="{server.ws_url}/twilio/stream"' in body
    assert '<Parameter name="client" value="sanitaer-notdienst"' in body


def test_webhook_without_a_valid_twilio_signature_is_refused(server: VoiceServer):
    url = server.url + "/twilio/voice"
    params = {"CallSid": "CA1", "To": load_pack("sanitaer-notdienst").phone_numbers[0]}
    assert post_form(url, params, {})[0] == 403
    assert post_form(url, params, {"X-Twilio-Signature": "forged"})[0] == 403
    tampered = {**params, "To": "+4900000"}
    assert post_form(url, tampered, signature(url, params))[0] == 403


def test_webhook_for_a_number_no_client_has_says_so(server: VoiceServer):
    """Spoken TwiML in German and English from the defaults pack, not an error Twilio would answer with
    its generic message; and the call is logged (issue 13)."""
    url = server.url + "/twilio/voice"
    params = {"CallSid": "CA-nobody", "From": "+49 171 1112223", "To": "+1 555 0100"}
    status, body = post_form(url, params, signature(url, params))
    assert status == 200
    words = load_pack("sanitaer-notdienst").prompts.number_not_in_service
    assert f'<Say language="de-DE">{words["de"]}</Say>' in body
    assert f'<Say language="en-US">{words["en"]}</Say>' in body and body.rstrip().endswith("<Hangup /></Response>")
    logged = [line for line in server.log().splitlines() if "CA-nobody" in line and "WARNING" in line]
    assert logged and "+1 555 0100" in logged[0] and "no client pack" in logged[0]


# --- the media stream ----------------------------------------------------------------------------------
def test_greeting_audio_arrives_first_then_its_mark(server: VoiceServer):
    async def call():
        async with caller(server) as c:
            await c.wait_audio_after(0, timeout=10)
            await c.wait_quiet(quiet_secs=0.5, timeout=30)
            await c.hang_up()
            return c

    c = asyncio.run(call())
    events = [e for _, e in c.log.messages]
    assert events[0] == "media", events[:5]  # the caller hears the greeting before anything else happens
    assert c.log.audio[0].seconds > 1.0  # greeting plus the recording-consent question, spoken
    assert c.log.marks, "the server marks the end of each utterance"
    assert c.log.first_audio_at - c.log.connected_at < 5.0
    stored = wait_stored(server, c.call_sid)
    pack = load_pack("sanitaer-notdienst")
    assert stored.turns[0].role == "bot"
    assert pack.name in stored.turns[0].text


def test_a_caller_is_greeted_while_the_database_is_busy_and_the_call_is_stored_after_it(server: VoiceServer):
    """Twenty callers connecting at once wait for the database one after another; the greeting promises
    nothing, so it does not wait for the call's start to be stored. Here another writer holds SQLite's write
    lock (a real second connection) while a caller connects: the greeting comes while the lock is held, for
    at most 4.5 s (under the server's busy timeout of 5 s, so its write waits instead of failing)."""

    async def call() -> tuple[TwilioCaller, bool]:
        writer = sqlite3.connect(server.data_dir / "triage.db", isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # the write lock; WAL readers go on
        try:
            async with caller(server) as c:
                try:
                    await c.wait_audio_after(0, timeout=4.5)
                    greeted_while_locked = True
                except TimeoutError:
                    greeted_while_locked = False
                writer.execute("ROLLBACK")
                await c.wait_audio_after(0, timeout=10)
                await c.wait_quiet(quiet_secs=0.5, timeout=30)
                await c.hang_up()
                return c, greeted_while_locked
        finally:
            writer.close()

    c, greeted_while_locked = asyncio.run(call())
    assert greeted_while_locked, "the greeting waited for the database"
    stored = wait_stored(server, c.call_sid)  # the start, once the lock was gone, and the greeting with it
    assert stored.turns[0].role == "bot" and load_pack("sanitaer-notdienst").name in stored.turns[0].text
    assert "could not be stored" not in server.log()


def _converse(server: VoiceServer, utterances: list[np.ndarray], **caller_kwargs) -> tuple[TwilioCaller, list[float]]:
    async def call():
        async with caller(server, **caller_kwargs) as c:
            await c.wait_audio_after(0, timeout=10)
            await c.wait_quiet(quiet_secs=0.8, timeout=40)
            latencies = []
            for pcm in utterances:
                await c.say(pcm)
                spoke = c.log.speech_ends[-1]
                reply = await c.wait_audio_after(spoke, timeout=20)
                latencies.append(reply - spoke)
                await c.wait_quiet(quiet_secs=0.8, timeout=40)
            await c.hang_up()
            return c, latencies

    return asyncio.run(call())


def test_each_caller_utterance_becomes_one_turn_with_a_spoken_reply(server: VoiceServer):
    utterances = [speech("timit_ldc93s1_8k.wav"), speech("new_home_16k.wav")]
    c, latencies = _converse(server, utterances)
    assert len(latencies) == 2 and all(latency < 20 for latency in latencies)
    stored = wait_stored(server, c.call_sid)
    caller_turns = [t for t in stored.turns if t.role == "caller"]
    assert len(caller_turns) == 2, [(t.role, t.text) for t in stored.turns]
    assert all(t.text.strip() for t in caller_turns)  # Whisper's text reached the brain
    bot_turns = [t for t in stored.turns if t.role == "bot"]
    assert len(bot_turns) >= 4  # greeting + consent question, then an answer to each turn
    assert stored.channel == "twilio"
    assert stored.ended_at is not None


def test_turns_are_still_found_with_cafe_noise_on_the_line(server: VoiceServer):
    noise = load_audio(shared_audio("noise_coffee_shop_44k.wav"), RATE)
    words = [speech("timit_ldc93s1_8k.wav"), speech("new_home_16k.wav")]
    speech_rms = float(np.sqrt(np.mean(np.concatenate(words).astype(np.float32) ** 2)))
    noise_rms = float(np.sqrt(np.mean(noise.astype(np.float32) ** 2)))
    background = noise.astype(np.float32) * (speech_rms / noise_rms) * 10 ** (-20 / 20)  # 20 dB below the speech
    c, _ = _converse(server, words, background=background)
    stored = wait_stored(server, c.call_sid)
    caller_turns = [t for t in stored.turns if t.role == "caller"]
    assert len(caller_turns) == 2, [(t.role, t.text) for t in stored.turns]


def test_caller_speaking_over_the_bot_interrupts_it_with_clear_but_never_the_ai_disclosure(server: VoiceServer):
    """The greeting's AI disclosure plays to its end however early the caller talks (brain/disclosure.py);
    after it, speech over the bot interrupts it (Twilio gets a clear). Random-weight models: only the
    mechanics are checked, not the words."""

    async def call():
        async with caller(server) as c:
            first = await c.wait_audio_after(0, timeout=10)
            await asyncio.sleep(0.5)  # the disclosure is playing
            await c.say(speech("jfk_16k.wav")[: RATE * 3])  # over it: heard, but no interruption
            heard = await wait_mark(c, "disclosure", timeout=60)
            await c.wait_quiet(1.0, timeout=60)
            await c.say(speech("jfk_16k.wav")[: RATE * 3])
            await c.wait_audio_after(time.monotonic(), timeout=60)  # the bot answers ...
            await asyncio.sleep(0.3)
            await c.say(speech("jfk_16k.wav")[: RATE * 3])  # ... and is talked over
            await asyncio.sleep(1.0)
            await c.hang_up()
            return c, first, heard

    c, first, heard = asyncio.run(call())
    assert c.log.clears, "barge-in must send Twilio a clear"
    assert min(c.log.clears) > heard > first, (c.log.clears, heard)


async def wait_mark(c: TwilioCaller, name: str, timeout: float) -> float:
    """When the caller's line played everything up to the server's mark `name` (and echoed it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for at, echoed in c.log.marks:
            if echoed == name:
                return at
        await asyncio.sleep(0.05)
    raise TimeoutError(f"mark {name!r} never came back: {c.log.marks}")


def test_keypad_zero_hands_the_caller_to_a_human_who_waits_on_the_line_until_promised_a_callback(
    server: VoiceServer,
):
    async def call():
        async with caller(server) as c:
            await c.wait_audio_after(0, timeout=10)
            await c.wait_quiet(quiet_secs=0.5, timeout=30)
            pressed = asyncio.get_running_loop().time()
            await c.press("0")
            await c.wait_audio_after(c.log.audio[-1].first_at, timeout=10)
            await asyncio.sleep(1.0)
            on_hold = stored_handoff(server, c.call_sid)  # stored before the caller heard it, caller still there
            await c.wait_closed(timeout=60)  # nobody accepts: the callback promise is heard, then the line closes
            return c, pressed, on_hold

    c, pressed, on_hold = asyncio.run(call())
    assert on_hold.status == "waiting" and on_hold.caller_on_line and on_hold.summary
    assert c.log.closed_at - pressed >= ACCEPT_TIMEOUT_S, "the caller waited on the line for an agent"
    assert c.log.marks, "the caller's side confirmed it played the last words"
    assert c.log.closed_at >= c.log.marks[-1][0]  # the line closes only once the caller has heard them
    stored = wait_stored(server, c.call_sid)
    assert stored.outcome_type == "handoff"
    pack = load_pack("sanitaer-notdienst")
    said = " ".join(t.text for t in stored.turns if t.role == "bot")
    assert say(pack, "handoff_requested", "de").split(".")[0] in said
    assert say(pack, "handoff_callback", "de").split(".")[0] in said
    handoff = stored_handoff(server, c.call_sid)
    assert handoff.status == "callback" and handoff.callback_promised_at is not None


def stored_handoff(server: VoiceServer, line_call_id: str) -> Handoff:
    engine = create_engine(f"sqlite:///{server.data_dir / 'triage.db'}")
    with Session(engine) as db:
        return db.scalars(
            select(Handoff).join(Call, Call.id == Handoff.call_id).where(Call.line_call_id == line_call_id)
        ).one()


def test_malformed_frames_get_a_clear_error_and_the_call_goes_on(server: VoiceServer):
    async def call():
        async with caller(server) as c:
            await c.wait_audio_after(0, timeout=10)
            await c.send_raw("this is not json")
            await c.send_raw(json.dumps({"event": "media", "media": {"payload": "%%% not base64 %%%"}}))
            await c.send_raw(json.dumps({"event": "teleport"}))
            await c.send_raw(json.dumps([1, 2, 3]))
            await c.wait_quiet(quiet_secs=0.8, timeout=30)
            await c.say(speech("timit_ldc93s1_8k.wav"))
            reply = await c.wait_audio_after(c.log.speech_ends[-1], timeout=20)
            await c.hang_up()
            return c, reply

    c, reply = asyncio.run(call())
    assert reply
    log = server.log()
    assert "not JSON" in log and "unknown event 'teleport'" in log and "bad media message" in log
    stored = wait_stored(server, c.call_sid)
    assert [t for t in stored.turns if t.role == "caller"]


def test_stream_for_an_unknown_client_is_closed_with_a_reason(server: VoiceServer):
    async def call():
        async with caller(server, client="no-such-client") as c:
            return await c.wait_closed(timeout=10), c

    _, c = asyncio.run(call())
    assert not c.log.audio


def test_stream_without_a_valid_signature_is_refused(server: VoiceServer):
    async def connect():
        async with websockets.connect(stream_url(server), additional_headers={"X-Twilio-Signature": "forged"}):
            pass

    with pytest.raises(websockets.InvalidStatus) as refused:
        asyncio.run(connect())
    assert refused.value.response.status_code == 403


def test_metrics_count_calls_latency_and_handoffs(server: VoiceServer):
    with urllib.request.urlopen(server.url + "/metrics", timeout=5) as response:
        text = response.read().decode()
    assert 'triage_calls_total{channel="twilio"}' in text
    assert "triage_greeting_latency_seconds_count" in text
    assert 'triage_turn_latency_seconds_count{stage="total"}' in text
    assert "triage_active_calls" in text
