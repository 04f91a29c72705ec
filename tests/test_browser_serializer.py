"""The browser call page's websocket protocol: real pipecat frames through BrowserFrameSerializer, both ways.

The page (triage/web/call.js) and the server only agree through this serializer, so every message the
page sends and every event it expects is pinned here, including what happens to malformed input: it
must turn into an error event the call can answer, never an exception and never silence.
"""

from __future__ import annotations

import asyncio
import json

import numpy as np
import pytest
from pipecat.audio.dtmf.types import KeypadEntry
from pipecat.frames.frames import (
    EndFrame,
    InputAudioRawFrame,
    InputDTMFFrame,
    InputTransportMessageFrame,
    InterruptionFrame,
    OutputAudioRawFrame,
    OutputTransportMessageFrame,
    OutputTransportMessageUrgentFrame,
    TextFrame,
    TTSAudioRawFrame,
)
from pipecat.processors.frame_processor import FrameProcessorSetup
from pipecat.utils.asyncio.task_manager import TaskManager

from triage.telephony.browser_serializer import MAX_MESSAGE_BYTES, BrowserFrameSerializer


def run(coro):
    return asyncio.run(coro)


def tone(seconds: float, rate: int, freq: float = 440.0) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * freq * t) * 8000).astype("<i2").tobytes()


async def ready(in_rate: int = 16_000, out_rate: int = 16_000) -> BrowserFrameSerializer:
    """A serializer set up the way the websocket transport does it, with the pipeline's rates."""
    serializer = BrowserFrameSerializer()
    setup = FrameProcessorSetup(
        clock=None,
        task_manager=TaskManager(),
        pipeline_worker=None,
        audio_in_sample_rate=in_rate,
        audio_out_sample_rate=out_rate,
    )
    await serializer.setup(setup)
    return serializer


def error_of(frame) -> str:
    assert isinstance(frame, InputTransportMessageFrame), frame
    assert frame.message["event"] == "error", frame.message
    assert isinstance(frame.message["error"], str) and frame.message["error"]
    return frame.message["error"]


# browser → server


def test_mic_audio_becomes_input_audio_at_16k():
    async def go():
        s = await ready()
        chunk = tone(0.02, 16_000)
        assert len(chunk) == 640
        frame = await s.deserialize(chunk)
        assert isinstance(frame, InputAudioRawFrame)
        assert (frame.sample_rate, frame.num_channels, frame.audio) == (16_000, 1, chunk)
        odd_size = await s.deserialize(b"\x00\x01" * 111)  # any even length is audio
        assert isinstance(odd_size, InputAudioRawFrame) and odd_size.num_frames == 111
        as_bytearray = await s.deserialize(bytearray(chunk))
        assert isinstance(as_bytearray, InputAudioRawFrame) and as_bytearray.audio == chunk

    run(go())


def test_mic_audio_is_resampled_when_the_pipeline_listens_at_another_rate():
    async def go():
        s = await ready(in_rate=8_000)
        audio = tone(1.0, 16_000)
        total = 0
        for i in range(0, len(audio), 640):
            frame = await s.deserialize(audio[i : i + 640])
            if frame is None:  # the resampler's filter holds the first few samples back
                continue
            assert isinstance(frame, InputAudioRawFrame) and frame.sample_rate == 8_000
            total += len(frame.audio)
        # one second at 8 kHz is 16000 bytes; the stream resampler keeps a few ms in its filter
        assert 15_000 <= total <= 16_000

    run(go())


@pytest.mark.parametrize("digit", [k.value for k in KeypadEntry])
def test_dtmf(digit: str):
    frame = run(run_deserialize(json.dumps({"type": "dtmf", "digit": digit})))
    assert isinstance(frame, InputDTMFFrame)
    assert frame.button == KeypadEntry(digit)


async def run_deserialize(data):
    return await (await ready()).deserialize(data)


def test_mark_echo_and_hangup():
    mark = run(run_deserialize('{"type": "mark", "name": "greeting-1"}'))
    assert isinstance(mark, InputTransportMessageFrame)
    assert mark.message == {"event": "mark", "name": "greeting-1"}
    hangup = run(run_deserialize('{"type": "hangup"}'))
    assert isinstance(hangup, InputTransportMessageFrame)
    assert hangup.message == {"event": "stop"}


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\x00\x01\x02", "odd number of bytes"),
        (b"", "empty audio"),
        (b"\x00" * (MAX_MESSAGE_BYTES + 2), "larger than"),
        ("not json", "not valid JSON"),
        ("", "not valid JSON"),
        ('{"type": "dtmf"', "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('"dtmf"', "JSON object"),
        ("{}", 'no "type"'),
        ('{"digit": "1"}', 'no "type"'),
        ('{"type": "dance"}', "unknown message type 'dance'"),
        ('{"type": 7}', "unknown message type 7"),
        ('{"type": "dtmf", "digit": "A"}', "dtmf digit"),
        ('{"type": "dtmf", "digit": "12"}', "dtmf digit"),
        ('{"type": "dtmf", "digit": 1}', "dtmf digit"),
        ('{"type": "dtmf"}', "dtmf digit"),
        ('{"type": "mark"}', "mark name"),
        ('{"type": "mark", "name": ""}', "mark name"),
        ('{"type": "mark", "name": 5}', "mark name"),
        ('{"type": "mark", "name": "' + "x" * 201 + '"}', "mark name"),
        (json.dumps({"type": "dtmf", "digit": "1", "pad": "x" * MAX_MESSAGE_BYTES}), "larger than"),
    ],
)
def test_malformed_input_is_an_error_event_with_a_reason(data, says: str):
    reason = run(run_deserialize(data))
    assert says in error_of(reason)


def test_error_reasons_do_not_echo_huge_payloads():
    reason = error_of(run(run_deserialize(json.dumps({"type": "y" * 5000}))))
    assert len(reason) < 200


# server → browser


def test_bot_audio_at_16k_goes_out_as_is():
    async def go():
        s = await ready()
        audio = tone(0.1, 16_000)
        out = await s.serialize(OutputAudioRawFrame(audio=audio, sample_rate=16_000, num_channels=1))
        assert out == audio
        tts = await s.serialize(TTSAudioRawFrame(audio=audio, sample_rate=16_000, num_channels=1))
        assert tts == audio

    run(go())


@pytest.mark.parametrize("rate", [22_050, 24_000, 8_000, 48_000])
def test_bot_audio_at_any_rate_is_resampled_to_16k(rate: int):
    async def go():
        s = await ready(out_rate=rate)
        audio = tone(1.0, rate)
        step = rate // 50 * 2  # 20 ms chunks
        sent = b""
        for i in range(0, len(audio), step):
            out = await s.serialize(OutputAudioRawFrame(audio=audio[i : i + step], sample_rate=rate, num_channels=1))
            assert out is None or isinstance(out, bytes)
            sent += out or b""
        assert len(sent) % 2 == 0
        assert 30_000 <= len(sent) <= 32_000  # one second of 16 kHz PCM16, minus up to 60 ms in the filter
        # still a 440 Hz tone after resampling
        samples = np.frombuffer(sent, dtype="<i2").astype(float)
        spectrum = np.abs(np.fft.rfft(samples))
        peak_hz = np.argmax(spectrum) * 16_000 / len(samples)
        assert abs(peak_hz - 440) < 5

    run(go())


def test_rate_changes_within_a_call_and_stereo_are_handled():
    async def go():
        s = await ready(out_rate=22_050)
        first = await s.serialize(OutputAudioRawFrame(audio=tone(0.5, 22_050), sample_rate=22_050, num_channels=1))
        second = await s.serialize(OutputAudioRawFrame(audio=tone(0.5, 24_000), sample_rate=24_000, num_channels=1))
        assert first and second
        mono = tone(0.1, 16_000)
        stereo = np.repeat(np.frombuffer(mono, dtype="<i2"), 2).astype("<i2").tobytes()
        out = await s.serialize(OutputAudioRawFrame(audio=stereo, sample_rate=16_000, num_channels=2))
        assert out == mono

    run(go())


def test_barge_in_is_clear():
    out = run(run_serialize(InterruptionFrame()))
    assert json.loads(out) == {"type": "clear"}


async def run_serialize(frame):
    return await (await ready()).serialize(frame)


def test_mark_goes_out_for_the_page_to_echo():
    for cls in (OutputTransportMessageFrame, OutputTransportMessageUrgentFrame):
        out = run(run_serialize(cls(message={"event": "mark", "name": "bot-3"})))
        assert json.loads(out) == {"type": "mark", "name": "bot-3"}


UI_EVENTS = [
    {"type": "call", "call_id": "c1", "client": "sanitaer-notdienst", "client_name": "Krüger", "languages": ["de"]},
    {"type": "transcript", "role": "caller", "text": "bei uns ist ein rohr geplatzt", "lang": "de"},
    {"type": "transcript", "role": "bot", "text": "Wie lautet die Adresse?", "lang": "de"},
    {
        "type": "decision",
        "urgency": "P0",
        "intent": "report_problem",
        "distress": "acute",
        "reason": "Gasgeruch („riecht nach gas“)",
        "language": "de",
    },
    {"type": "outcome", "outcome": {"type": "handoff", "urgency": "P1", "summary": {"text": "P1 Notfall"}}},
    {"type": "end"},
    {"type": "error", "error": "something broke"},
]


@pytest.mark.parametrize("event", UI_EVENTS, ids=[e["type"] for e in UI_EVENTS])
def test_ui_events_go_out_as_json_text(event: dict):
    for cls in (OutputTransportMessageFrame, OutputTransportMessageUrgentFrame):
        out = run(run_serialize(cls(message=event)))
        assert isinstance(out, str)
        assert json.loads(out) == event
    # umlauts travel as themselves, not as \u escapes
    umlauts = OutputTransportMessageFrame(message={"type": "transcript", "text": "Krüger Sanitär"})
    assert "ä" in run(run_serialize(umlauts))


@pytest.mark.parametrize(
    "frame",
    [
        EndFrame(),
        TextFrame(text="hello"),
        OutputTransportMessageFrame(message={"event": "media"}),  # no "type": not for the page
        OutputTransportMessageFrame(message="plain text"),
        OutputTransportMessageFrame(message={"label": "rtvi-ai", "type": "bot-ready"}),  # RTVI stays inside
        InputAudioRawFrame(audio=b"\x00\x00", sample_rate=16_000, num_channels=1),
    ],
)
def test_other_frames_send_nothing(frame):
    assert run(run_serialize(frame)) is None
