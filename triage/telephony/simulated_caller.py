"""A caller on a Twilio line, simulated: it speaks to a Media Streams websocket exactly as Twilio
does (20 ms mu-law frames in real time, silence between utterances, marks echoed once the audio
before them has been played, `clear` honoured) and records what it heard and when.

Tests and `triage bench` use it against a real server on loopback.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import time
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import websockets

with warnings.catch_warnings():  # the same G.711 codec pipecat itself uses; fine on Python 3.11/3.12
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop

RATE = 8_000
FRAME_SAMPLES = 160  # 20 ms at 8 kHz
FRAME_SECS = FRAME_SAMPLES / RATE
SILENCE = b"\xff" * FRAME_SAMPLES  # mu-law zero


def load_audio(path: Path, rate: int = RATE, channel: int | None = None) -> np.ndarray:
    """A recording as mono int16 at `rate` (WAV, MP3: whatever libsndfile reads)."""
    import soundfile
    import soxr

    data, source_rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    mono = data[:, channel] if channel is not None else data.mean(axis=1)
    if source_rate != rate:
        mono = soxr.resample(mono, source_rate, rate)
    return (np.clip(mono, -1.0, 1.0) * 32767).astype(np.int16)


def to_mulaw_frames(pcm: np.ndarray) -> list[bytes]:
    ulaw = audioop.lin2ulaw(pcm.astype(np.int16).tobytes(), 2)
    frames = [ulaw[i : i + FRAME_SAMPLES] for i in range(0, len(ulaw), FRAME_SAMPLES)]
    if frames and len(frames[-1]) < FRAME_SAMPLES:
        frames[-1] = frames[-1] + b"\xff" * (FRAME_SAMPLES - len(frames[-1]))
    return frames


@dataclass
class Heard:
    """One stretch of bot audio: when its first frame arrived and how much came."""

    first_at: float
    seconds: float = 0.0
    mulaw: bytearray = field(default_factory=bytearray)  # what the caller heard, as it came (8 kHz G.711)

    def pcm(self) -> np.ndarray:
        """The stretch as 8 kHz float samples, for a test that checks what was said."""
        linear = audioop.ulaw2lin(bytes(self.mulaw), 2)
        return np.frombuffer(linear, np.int16).astype(np.float32) / 32768.0


@dataclass
class CallerLog:
    connected_at: float = 0.0
    messages: list[tuple[float, str]] = field(default_factory=list)  # (time, event) in arrival order
    audio: list[Heard] = field(default_factory=list)
    marks: list[tuple[float, str]] = field(default_factory=list)
    clears: list[float] = field(default_factory=list)
    speech_ends: list[float] = field(default_factory=list)
    utterances: list[tuple[int, int]] = field(default_factory=list)  # (first, last) frame index of each say()
    closed_at: float | None = None

    @property
    def first_audio_at(self) -> float | None:
        return self.audio[0].first_at if self.audio else None

    def audio_after(self, t: float) -> float | None:
        """When the first bot audio arrived after moment t."""
        return next((h.first_at for h in self.audio if h.first_at > t), None)


class TwilioCaller:
    """Use as `async with TwilioCaller(url, client="…") as caller:`; then `await caller.say(pcm)`."""

    def __init__(
        self,
        url: str,
        *,
        client: str | None = None,
        parameters: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        background: np.ndarray | None = None,
        gap_secs: float = 0.3,
        record: bool = False,
    ) -> None:
        self.url = url
        self.parameters = {**({"client": client} if client else {}), **(parameters or {})}
        self.headers = headers or {}
        self.stream_sid = "MZ" + uuid.uuid4().hex
        self.call_sid = "CA" + uuid.uuid4().hex
        self.log = CallerLog()
        self._background = background  # noise on the line (8 kHz int16, at the level it should have)
        self._background_pos = 0
        self._gap = gap_secs  # a stretch of audio ends after this much quiet on the line
        self._speech: asyncio.Queue[tuple[bytes, bool, bool]] = asyncio.Queue()
        self.sent: list[bytes] | None = [] if record else None  # every mu-law frame sent, noise and all
        self._frames_sent = 0
        self._utterance_start = 0
        self._ws: Any = None
        self._tasks: list[asyncio.Task] = []
        self._played_until = 0.0
        self._last_audio_at = 0.0

    async def __aenter__(self) -> TwilioCaller:
        self._ws = await websockets.connect(self.url, additional_headers=self.headers, max_size=1 << 20)
        self.log.connected_at = time.monotonic()
        await self._send({"event": "connected", "protocol": "Call", "version": "1.0.0"})
        await self._send(
            {
                "event": "start",
                "sequenceNumber": "1",
                "streamSid": self.stream_sid,
                "start": {
                    "streamSid": self.stream_sid,
                    "accountSid": "AC" + "0" * 32,
                    "callSid": self.call_sid,
                    "tracks": ["inbound"],
                    "customParameters": self.parameters,
                    "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": RATE, "channels": 1},
                },
            }
        )
        self._tasks = [asyncio.create_task(self._sender()), asyncio.create_task(self._receiver())]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- what the caller does -----------------------------------------------------------------------
    async def say(self, pcm: np.ndarray, *, wait: bool = True) -> None:
        """Speak `pcm` (8 kHz int16) in real time; returns when the last frame has been sent."""
        frames = to_mulaw_frames(pcm)
        for i, frame in enumerate(frames):
            self._speech.put_nowait((frame, i == 0, i == len(frames) - 1))
        if wait:
            while not self._speech.empty():
                if self.log.closed_at is not None or (self._tasks and self._tasks[0].done()):
                    raise ConnectionError("the server closed the line while the caller was speaking")
                await asyncio.sleep(FRAME_SECS)
            await asyncio.sleep(FRAME_SECS)

    def sent_audio(self, first: int, last: int, margin_secs: float = 0.2) -> np.ndarray:
        """What went down the line (8 kHz int16, background included) from frame `first` to `last`, with a
        margin of the line's sound either side: for transcribing offline exactly what the server heard."""
        if self.sent is None:
            raise RuntimeError("TwilioCaller(record=True) keeps what it sent")
        margin = round(margin_secs / FRAME_SECS)
        ulaw = b"".join(self.sent[max(0, first - margin) : last + 1 + margin])
        return np.frombuffer(audioop.ulaw2lin(ulaw, 2), dtype=np.int16)

    async def press(self, digit: str) -> None:
        dtmf = {"track": "inbound_track", "digit": digit}
        await self._send({"event": "dtmf", "streamSid": self.stream_sid, "dtmf": dtmf})

    async def send_raw(self, text: str) -> None:
        await self._ws.send(text)

    async def hang_up(self) -> None:
        """What Twilio sends when the caller hangs up: `stop`, then the socket closes."""
        with contextlib.suppress(websockets.ConnectionClosed):
            await self._send({"event": "stop", "streamSid": self.stream_sid, "stop": {"callSid": self.call_sid}})
        await self.close()

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []
        if self._ws is not None:
            await self._ws.close()

    # --- waiting for the bot -----------------------------------------------------------------------
    async def wait_audio_after(self, t: float, timeout: float) -> float:
        """Wait until bot audio arrives after moment t; returns its arrival time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            at = self.log.audio_after(t)
            if at is not None:
                return at
            await asyncio.sleep(0.01)
        raise TimeoutError(f"no bot audio within {timeout} s")

    async def wait_quiet(self, quiet_secs: float = 1.0, timeout: float = 60.0) -> None:
        """Wait until the bot has finished speaking (as the caller hears it) and been quiet a while."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = time.monotonic()
            if now - max(self._played_until, self._last_audio_at) >= quiet_secs:
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(f"the bot did not stop speaking within {timeout} s")

    async def wait_closed(self, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while self.log.closed_at is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if self.log.closed_at is None:
            raise TimeoutError(f"the server did not end the call within {timeout} s")
        return self.log.closed_at

    # --- the line ----------------------------------------------------------------------------------
    async def _send(self, message: dict[str, Any]) -> None:
        await self._ws.send(json.dumps(message))

    async def _sender(self) -> None:
        """Twilio streams audio all the time: speech when there is some, the line's silence otherwise."""
        seq = 2
        next_at = time.monotonic()
        while True:
            try:
                frame, first, last = self._speech.get_nowait()
            except asyncio.QueueEmpty:
                frame, first, last = SILENCE, False, False
            payload = self._with_background(frame)
            if first:
                self._utterance_start = self._frames_sent
            if last:
                self.log.utterances.append((self._utterance_start, self._frames_sent))
            if self.sent is not None:
                self.sent.append(base64.b64decode(payload))
            self._frames_sent += 1
            await self._send(
                {
                    "event": "media",
                    "sequenceNumber": str(seq),
                    "streamSid": self.stream_sid,
                    "media": {"track": "inbound", "chunk": str(seq), "timestamp": str(seq * 20), "payload": payload},
                }
            )
            if last:
                self.log.speech_ends.append(time.monotonic())
            seq += 1
            next_at += FRAME_SECS
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))

    def _with_background(self, frame: bytes) -> str:
        if self._background is None:
            return base64.b64encode(frame).decode()
        pcm = np.frombuffer(audioop.ulaw2lin(frame, 2), dtype=np.int16).astype(np.float32)
        bed = np.take(self._background, range(self._background_pos, self._background_pos + FRAME_SAMPLES), mode="wrap")
        self._background_pos += FRAME_SAMPLES
        mixed = np.clip(pcm + bed.astype(np.float32), -32768, 32767).astype(np.int16)
        return base64.b64encode(audioop.lin2ulaw(mixed.tobytes(), 2)).decode()

    async def _receiver(self) -> None:
        try:
            async for raw in self._ws:
                now = time.monotonic()
                message = json.loads(raw)
                event = message.get("event", "?")
                self.log.messages.append((now, event))
                if event == "media":
                    self._heard(message, now)
                elif event == "mark":
                    name = message["mark"]["name"]
                    delay = max(0.0, self._played_until - now)
                    asyncio.get_running_loop().call_later(delay, self._echo_mark, name)
                elif event == "clear":
                    self.log.clears.append(now)
                    self._played_until = now  # Twilio drops what it had buffered
        except websockets.ConnectionClosed:
            pass
        finally:
            self.log.closed_at = time.monotonic()

    def _heard(self, message: dict[str, Any], now: float) -> None:
        payload = base64.b64decode(message["media"]["payload"])
        seconds = len(payload) / RATE
        if not self.log.audio or now - self._last_audio_at > self._gap + seconds:
            self.log.audio.append(Heard(first_at=now))
        self.log.audio[-1].seconds += seconds
        self.log.audio[-1].mulaw += payload
        self._last_audio_at = now
        self._played_until = max(self._played_until, now) + seconds

    def _echo_mark(self, name: str) -> None:
        self.log.marks.append((time.monotonic(), name))
        if self._ws is not None:
            message = {"event": "mark", "streamSid": self.stream_sid, "mark": {"name": name}}
            self._tasks.append(asyncio.create_task(self._quiet_send(message)))

    async def _quiet_send(self, message: dict[str, Any]) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            await self._send(message)
