"""Placing a scripted call as Twilio does (triage/telephony/simulated_caller.py: real time, 20 ms mu-law
frames at 8 kHz, marks echoed when the caller has heard the audio) and reading its outcome from the
server's database, as an agent or a report would see it."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from twilio.request_validator import RequestValidator

from tests.voice_server import TWILIO_TEST_TOKEN, VoiceServer
from triage.store.tables import Call, Handoff, Message, Order
from triage.telephony.simulated_caller import TwilioCaller

from .calls import MAX_CORRECTIONS, Check, ScriptedCall
from .speech import CallerVoices, Utterance, cafe_noise

REPLY_TIMEOUT_S = 45.0  # a caller waits this long for an answer before saying their next line anyway (long:
# on a loaded two-core machine a turn's transcription can take tens of seconds)
QUIET_S = 1.5  # the bot has finished when the line has been quiet this long


@dataclass
class Said:
    utterance: Utterance
    audio: np.ndarray  # exactly what went down the line (8 kHz int16, noise included)
    replied: bool  # the bot answered within REPLY_TIMEOUT_S


@dataclass
class PlacedCall:
    name: str
    script: ScriptedCall
    call: Call | None
    caller_turns: list[str]
    bot_turns: list[str]
    handoffs: list[Handoff]
    orders: list[Order]
    messages: list[Message]
    said: list[Said] = field(default_factory=list)
    error: str | None = None

    def describe(self) -> str:
        """What happened, for an assertion's message."""
        lines = [f"call {self.name} ({self.script.client}): {self.error or ''}"]
        if self.call is not None:
            lines.append(
                f"  stored: language={self.call.language} outcome={self.call.outcome_type} "
                f"urgency={self.call.urgency} ended={self.call.ended_at is not None}"
            )
        for s in self.said:
            lines.append(f"  caller said: {s.utterance.text!r}{'' if s.replied else '  (no reply)'}")
        turns = self.call.turns if self.call is not None else []
        lines += [f"  {t.role:>6}: {t.text}" for t in turns]
        for h in self.handoffs:
            summary = h.summary or {}
            lines.append(
                f"  handoff {h.urgency} reason={h.reason} callback={summary.get('callback_number')} "
                f"address={summary.get('address')} name={summary.get('caller_name')}"
            )
        lines += [f"  order {o.items} {o.fulfilment} {o.name} {o.phone}" for o in self.orders]
        lines += [f"  message {m.text!r} {m.name} {m.phone}" for m in self.messages]
        return "\n".join(lines)


def signature(url: str) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, {})}


def _db(server: VoiceServer):
    return create_engine(f"sqlite:///{server.data_dir / 'triage.db'}")


def read_call(server: VoiceServer, call_sid: str) -> tuple[Call | None, list[Handoff], list[Order], list[Message]]:
    engine = _db(server)
    try:
        with Session(engine, expire_on_commit=False) as db:
            call = db.scalars(select(Call).where(Call.line_call_id == call_sid)).first()
            if call is None:
                return None, [], [], []
            _ = list(call.turns)
            handoffs = list(db.scalars(select(Handoff).where(Handoff.call_id == call.id)))
            orders = list(db.scalars(select(Order).where(Order.call_id == call.id)))
            messages = list(db.scalars(select(Message).where(Message.call_id == call.id)))
            db.expunge_all()
            return call, handoffs, orders, messages
    finally:
        engine.dispose()


async def _wait_outcome(server: VoiceServer, caller: TwilioCaller, timeout: float) -> None:
    """Until the call has an outcome in the database or the server closed the line."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and caller.log.closed_at is None:
        _call, handoffs, orders, messages = await asyncio.to_thread(read_call, server, caller.call_sid)
        if handoffs or orders or messages:
            return
        await asyncio.sleep(0.5)


def last_bot_turn(server: VoiceServer, call_sid: str) -> str:
    """What the bot said last, as the caller heard it. The session stores every turn before it is spoken;
    the caller reads it rather than transcribing the bot (whose German voice is a random-weight stand-in)."""
    call, *_ = read_call(server, call_sid)
    bot = [t.text for t in call.turns if t.role == "bot"] if call is not None else []
    return bot[-1] if bot else ""


async def place_call(server: VoiceServer, name: str, script: ScriptedCall, voices: CallerVoices) -> PlacedCall:
    """Ring the server, wait for the greeting, say each turn when the bot has finished speaking, then stay
    on the line until the outcome is stored (or `outcome_wait_s`), hang up and read the call back. A
    `Check` turn answers a read-back as a person does: yes when it is right, a correction when not."""
    url = server.ws_url + "/twilio/stream"
    noise = cafe_noise(script.noise_snr_db) if script.noise_snr_db is not None else None
    caller = TwilioCaller(url, client=script.client, headers=signature(url), background=noise, record=True)
    said: list[tuple[Utterance, bool]] = []
    error = None

    async def say(turn: Utterance) -> None:
        pcm = await asyncio.to_thread(voices.render, turn)
        await caller.say(pcm)
        spoke_at = time.monotonic()
        try:
            await caller.wait_audio_after(spoke_at, timeout=REPLY_TIMEOUT_S)
            replied = True
        except TimeoutError:
            replied = False
        said.append((turn, replied))
        await caller.wait_quiet(QUIET_S, timeout=180)

    try:
        async with caller:
            await caller.wait_audio_after(0.0, timeout=60)  # the greeting
            await caller.wait_quiet(QUIET_S, timeout=180)
            for turn in script.turns:
                if not isinstance(turn, Check):
                    await say(turn)
                    continue
                for _ in range(MAX_CORRECTIONS):
                    read_back = await asyncio.to_thread(last_bot_turn, server, caller.call_sid)
                    if turn.heard_right(read_back):
                        break
                    await say(turn.correction)
                await say(turn.yes)
            await _wait_outcome(server, caller, script.outcome_wait_s)
            await caller.hang_up()
    except (TimeoutError, ConnectionError, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"
    spoken = [
        Said(turn, caller.sent_audio(first, last), replied)
        for (turn, replied), (first, last) in zip(said, caller.log.utterances, strict=False)
    ]
    return await read_placed_call(server, caller.call_sid, name, script, spoken, error)


async def read_placed_call(
    server: VoiceServer,
    call_sid: str,
    name: str,
    script: ScriptedCall,
    said: list[Said] | None = None,
    error: str | None = None,
) -> PlacedCall:
    """The call as the database holds it once it has ended, with what the caller said."""
    call, handoffs, orders, messages = await read_ended_call(server, call_sid)
    turns = call.turns if call is not None else []
    caller_turns = [t.text for t in turns if t.role == "caller"]
    bot_turns = [t.text for t in turns if t.role == "bot"]
    return PlacedCall(name, script, call, caller_turns, bot_turns, handoffs, orders, messages, said or [], error)


async def place_all(
    server: VoiceServer, calls: dict[str, ScriptedCall], voices: CallerVoices, at_once: int
) -> dict[str, PlacedCall]:
    """Every call, at most `at_once` on the line at the same time."""
    gate = asyncio.Semaphore(at_once)

    async def one(name: str, script: ScriptedCall) -> tuple[str, PlacedCall]:
        async with gate:
            return name, await place_call(server, name, script, voices)

    return dict(await asyncio.gather(*(one(n, s) for n, s in calls.items())))


def models_dir_for_suite(real: Path, german_stand_in: Path, out: Path) -> Path:
    """One models dir with the real Whisper base and English voice, and the random-weight German stand-in
    de_DE-synth-medium (no German Piper voice is published on PyPI, so German bot speech is noise here).
    The medium stand-in, not the smaller test one: it has joe's 22050 Hz, and the server's speech output
    cannot yet switch between voices of different rates within one call (the resampler refuses)."""
    for kind in ("whisper", "piper"):
        (out / kind).mkdir(parents=True, exist_ok=True)
    links = {
        out / "whisper" / "base": real / "whisper" / "base",
        out / "piper" / "en_US-joe-medium.onnx": real / "piper" / "en_US-joe-medium.onnx",
        out / "piper" / "en_US-joe-medium.onnx.json": real / "piper" / "en_US-joe-medium.onnx.json",
        out / "piper" / "de_DE-synth-medium.onnx": german_stand_in / "piper" / "de_DE-synth-medium.onnx",
        out / "piper" / "de_DE-synth-medium.onnx.json": german_stand_in / "piper" / "de_DE-synth-medium.onnx.json",
    }
    for link, target in links.items():
        if not link.exists():
            link.symlink_to(target)
    return out


async def read_ended_call(server, call_sid: str):
    """The call's stored rows (call, handoffs, orders, messages) once its end is stored: the server
    stores the end right after the line closes; after 30 s whatever is there."""
    deadline = time.monotonic() + 30
    while True:
        call, handoffs, orders, messages = await asyncio.to_thread(read_call, server, call_sid)
        if (call is not None and call.ended_at is not None) or time.monotonic() > deadline:
            return call, handoffs, orders, messages
        await asyncio.sleep(0.3)
