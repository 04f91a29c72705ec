"""The browser call page's websocket protocol, translated to and from pipecat frames.

Browser → server: binary messages are raw PCM16 little-endian mono audio at 16 kHz; text messages are
JSON: ``{"type": "dtmf", "digit": "0"}``, ``{"type": "mark", "name": "..."}`` (the page has played the
bot's audio up to that mark) and ``{"type": "hangup"}``.

Server → browser: binary PCM16 mono 16 kHz audio; text JSON events: ``{"type": "clear"}`` on barge-in,
``{"type": "mark", "name": ...}`` for the page to echo back, and every UI event the server sends as an
``OutputTransportMessageFrame`` whose message carries a ``"type"`` (call, transcript, decision, outcome,
end, error).

Malformed input never raises and is never dropped silently: it becomes an
``InputTransportMessageFrame(message={"event": "error", "error": reason})`` so the call can tell the page
what was wrong instead of the caller hearing nothing.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from pipecat.audio.dtmf.types import KeypadEntry
from pipecat.audio.resamplers.base_audio_resampler import BaseAudioResampler
from pipecat.audio.utils import create_stream_resampler
from pipecat.frames.frames import (
    Frame,
    InputAudioRawFrame,
    InputDTMFFrame,
    InputTransportMessageFrame,
    InterruptionFrame,
    OutputAudioRawFrame,
    OutputTransportMessageFrame,
    OutputTransportMessageUrgentFrame,
)
from pipecat.processors.frame_processor import FrameProcessorSetup
from pipecat.serializers.base_serializer import FrameSerializer

from .frames import bad_input

BROWSER_SAMPLE_RATE = 16_000
# 64 KiB is two seconds of 16 kHz audio, far more than the page's 20 ms chunks; anything bigger is a
# broken or hostile client, and refusing it keeps one call from making the server buffer megabytes.
MAX_MESSAGE_BYTES = 64 * 1024
MAX_MARK_NAME = 200
DIGITS = tuple(k.value for k in KeypadEntry)


def _short(value: Any) -> str:
    """A value for an error message, cut so a hostile payload cannot blow up the log or the page."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class BrowserFrameSerializer(FrameSerializer):
    """Frames ⇄ the call page (``triage/web/call.js``): binary PCM16 16 kHz audio plus small JSON events."""

    class InputParams(FrameSerializer.InputParams):
        """Options; the defaults match the page.

        Parameters:
            browser_sample_rate: Rate of the PCM16 audio in both directions on the websocket.
            sample_rate: Override for the pipeline's input rate (normally taken from the pipeline).
        """

        browser_sample_rate: int = BROWSER_SAMPLE_RATE
        sample_rate: int | None = None

    def __init__(self, params: InputParams | None = None, **kwargs: Any) -> None:
        params = params or BrowserFrameSerializer.InputParams()
        super().__init__(params, **kwargs)
        self._params: BrowserFrameSerializer.InputParams = params
        self._browser_rate = params.browser_sample_rate
        self._in_rate = params.sample_rate or params.browser_sample_rate
        self._input_resampler = self._resampler()
        # One stream resampler per source rate: pipecat's stream resamplers refuse a change of rate,
        # and the server may send cached prompt audio and live TTS at different rates in one call.
        self._output_resamplers: dict[int, BaseAudioResampler] = {}

    def _resampler(self) -> BaseAudioResampler:
        return create_stream_resampler(clear_after_secs=self._params.resampler_clear_after_secs)

    async def setup(self, setup: FrameProcessorSetup) -> None:
        """Learn the pipeline's input rate (called by both halves of the transport; idempotent)."""
        self._in_rate = self._params.sample_rate or setup.audio_in_sample_rate or self._browser_rate

    # server → browser

    async def serialize(self, frame: Frame) -> str | bytes | None:
        """Audio as binary PCM16 16 kHz, barge-in as ``clear``, marks and UI events as JSON text."""
        if isinstance(frame, InterruptionFrame):
            # Whatever the resamplers still hold belongs to the speech that was just cut off.
            self._output_resamplers.clear()
            return json.dumps({"type": "clear"})
        if isinstance(frame, OutputAudioRawFrame):
            return await self._audio_out(frame) or None
        if isinstance(frame, (OutputTransportMessageFrame, OutputTransportMessageUrgentFrame)):
            message = frame.message
            if not isinstance(message, dict) or self.should_ignore_frame(frame):
                return None
            if message.get("event") == "mark" and "name" in message:
                return json.dumps({"type": "mark", "name": str(message["name"])})
            if "type" in message:
                return json.dumps(message, ensure_ascii=False, default=str)
        return None

    async def _audio_out(self, frame: OutputAudioRawFrame) -> bytes:
        audio = frame.audio
        if frame.num_channels > 1:
            # The page plays mono; average the channels rather than playing one of them at the wrong speed.
            usable = len(audio) - len(audio) % (2 * frame.num_channels)
            samples = np.frombuffer(audio[:usable], dtype="<i2").reshape(-1, frame.num_channels)
            audio = samples.mean(axis=1).astype("<i2").tobytes()
        if frame.sample_rate == self._browser_rate:
            return audio
        resampler = self._output_resamplers.get(frame.sample_rate)
        if resampler is None:
            resampler = self._output_resamplers[frame.sample_rate] = self._resampler()
        return await resampler.resample(audio, frame.sample_rate, self._browser_rate)

    # browser → server

    async def deserialize(self, data: str | bytes) -> Frame | None:
        """A frame for every message: audio, DTMF, a mark, a hangup, or an error event saying what was wrong."""
        if isinstance(data, (bytes, bytearray, memoryview)):
            return await self._audio_in(bytes(data))
        if not isinstance(data, str):
            return bad_input(f"unsupported websocket message of type {type(data).__name__}")
        size = len(data.encode("utf-8", errors="replace"))
        if size > MAX_MESSAGE_BYTES:
            return bad_input(f"text message of {size} bytes is larger than the {MAX_MESSAGE_BYTES}-byte limit")
        try:
            message = json.loads(data)
        except ValueError as exc:
            return bad_input(f"text message is not valid JSON ({exc.msg} at position {exc.pos})")
        if not isinstance(message, dict):
            return bad_input(f"text message must be a JSON object, got {type(message).__name__}")
        kind = message.get("type")
        if kind == "dtmf":
            digit = message.get("digit")
            if not isinstance(digit, str) or digit not in DIGITS:
                return bad_input(f"dtmf digit must be one of 0-9, * or #, got {_short(digit)}")
            return InputDTMFFrame(KeypadEntry(digit))
        if kind == "mark":
            name = message.get("name")
            if not isinstance(name, str) or not name or len(name) > MAX_MARK_NAME:
                return bad_input(f"mark name must be a non-empty string of at most {MAX_MARK_NAME} characters")
            return InputTransportMessageFrame(message={"event": "mark", "name": name})
        if kind == "hangup":
            return InputTransportMessageFrame(message={"event": "stop"})
        if kind is None:
            return bad_input('text message has no "type"; expected dtmf, mark or hangup')
        return bad_input(f"unknown message type {_short(kind)}; expected dtmf, mark or hangup")

    async def _audio_in(self, audio: bytes) -> Frame | None:
        if not audio:
            return bad_input("empty audio message")
        if len(audio) > MAX_MESSAGE_BYTES:
            return bad_input(f"audio message of {len(audio)} bytes is larger than the {MAX_MESSAGE_BYTES}-byte limit")
        if len(audio) % 2:
            return bad_input(f"audio message has an odd number of bytes ({len(audio)}); PCM16 needs 2 bytes per sample")
        if self._in_rate != self._browser_rate:
            audio = await self._input_resampler.resample(audio, self._browser_rate, self._in_rate)
            if not audio:
                return None  # held inside the resampler's filter, not lost: it comes out with the next chunk
        return InputAudioRawFrame(audio=audio, sample_rate=self._in_rate, num_channels=1)
