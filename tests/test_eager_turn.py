"""An eager end of turn that can be taken back (brain/eager.py), through the real pipecat pipeline.

The real Silero VAD, Smart Turn v3 and Whisper base hear the real en_US-joe-medium voice as the caller,
through the 8 kHz line in real time, and the real brain processor answers (calls/brain_processor.py),
as calls/pipeline.py builds it; what it sends towards the voice is recorded. A caller who stops hears
the reply before the ordinary floor; a caller who goes on after the eager end has the reply stopped and
both parts decided as one turn, stored once; an emergency never ends eagerly.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import numpy as np
import pytest
from pipecat.frames.frames import (
    Frame,
    InputAudioRawFrame,
    InterruptionFrame,
    TTSSpeakFrame,
    UserStoppedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.audio.vad_processor import VADProcessor
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.turns.user_start import VADUserTurnStartStrategy
from pipecat.turns.user_turn_processor import UserTurnProcessor
from pipecat.turns.user_turn_strategies import UserTurnStrategies
from pipecat.workers.runner import WorkerRunner

from tests import test_turn_taking
from tests.test_turn_taking import CHUNK, RATE, _Line
from triage.brain.dialogue import Dialogue
from triage.brain.eager import EAGER_SENTENCE_SECS, EAGER_SILENCE_SECS, eager_silence, may_answer_eagerly
from triage.calls.brain_processor import BrainProcessor
from triage.calls.session import CallSession
from triage.calls.speech_services import SharedWhisperSTT
from triage.calls.turn_stop import TURN_STOP_TIMEOUT_SECS, WordAwareTurnStop
from triage.calls.voice import VoiceCall
from triage.metrics import Metrics
from triage.packs.load import load_pack
from triage.speech.engines import SpeechToText, Transcript
from triage.speech.listening import Listening
from triage.store.repo import open_store

# the real models and the real voice as the caller, shared with tests/test_turn_taking.py
real_models, stt, caller = test_turn_taking.real_models, test_turn_taking.stt, test_turn_taking.caller

GAP_SECS = 0.2  # a caller's pause between groups (the voice's gaps between words are shorter)


def _groups(pcm16: bytes) -> list[tuple[int, int]]:
    """(start, end) byte offsets of the stretches of voice in the audio, split at pauses of GAP_SECS."""
    samples = np.frombuffer(pcm16, np.int16).astype(np.float32) / 32768
    step = RATE // 50  # 20 ms
    level = 10 ** (-45 / 20)
    voiced = [float(np.sqrt(np.mean(samples[i : i + step] ** 2))) > level for i in range(0, len(samples), step)]
    found: list[tuple[int, int]] = []
    start, quiet = None, 0
    for n, v in enumerate(voiced + [False] * int(GAP_SECS * 50 + 1)):
        if v:
            start = n if start is None else start
            quiet = 0
        elif start is not None:
            quiet += 1
            if quiet * 0.02 >= GAP_SECS:
                found.append((start * step * 2, (n - quiet + 1) * step * 2))
                start, quiet = None, 0
    return found


class _Heard:
    """Whisper's words for the caller, written by the real Whisper base before the call (so a loaded machine
    cannot make them late) and given after a fixed 0.15 s: the words of as many of the caller's groups as the
    audio handed over holds."""

    LATENCY_SECS = 0.15

    def __init__(self, engine: SpeechToText, pcm16: bytes) -> None:
        self.groups = _groups(pcm16)
        self.texts = [engine.transcribe_sync(pcm16[: end] + bytes(RATE), "en") for _start, end in self.groups]
        self.idle = True

    async def transcribe(self, pcm16: bytes, languages, owner: str | None = None) -> Transcript:
        await asyncio.sleep(self.LATENCY_SECS)
        return self.texts[max(0, min(len(_groups(pcm16)), len(self.texts)) - 1)]


class _LineGoingOn(_Line):
    """A caller who goes on just as the reply starts: the first stretch of their audio, then silence in real time
    until the first reply reaches the voice (at most `at_most` seconds), then the rest at once. The pause is the
    one the eager end makes, however late a loaded machine makes it, and never reaches the ordinary floor."""

    def __init__(self, pcm16: bytes, done: asyncio.Event, replied: asyncio.Event, at_most: float) -> None:
        super().__init__(pcm16, done)
        self._replied, self._at_most = replied, at_most

    async def _feed(self, pcm16: bytes) -> None:
        for i in range(0, len(pcm16), CHUNK):
            await self.push_frame(InputAudioRawFrame(audio=pcm16[i : i + CHUNK], sample_rate=RATE, num_channels=1))
            await asyncio.sleep(0.02)

    async def _play(self) -> None:
        (_start, first_end), (second_start, _end) = _groups(self._pcm)[:2]
        await self._feed(self._pcm[:first_end])
        for _ in range(round(self._at_most / 0.02)):
            if self._replied.is_set():
                break
            await self._feed(bytes(CHUNK))
        await self._feed(self._pcm[second_start:])
        self._done.set()


class _Voice(FrameProcessor):
    """Where the voice would sit: notes, after the greeting, when each thing the brain sends arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.t0 = 0.0
        self.speech_end: float | None = None  # when the caller last fell silent, as the brain counts it
        self.said: list[tuple[float, str]] = []  # (seconds after the caller fell silent, words)
        self.interrupted: list[float] = []
        self.turns_ended: list[float] = []
        self.replied = asyncio.Event()  # the first reply to the caller was sent

    def _since(self) -> float:
        return time.monotonic() - (self.speech_end or time.monotonic())

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if isinstance(frame, VADUserStoppedSpeakingFrame):
            self.speech_end = time.monotonic() - frame.stop_secs
        elif isinstance(frame, TTSSpeakFrame) and self.speech_end is not None:
            self.said.append((self._since(), frame.text))
            self.replied.set()
        elif isinstance(frame, InterruptionFrame) and direction == FrameDirection.DOWNSTREAM and self.speech_end:
            self.interrupted.append(self._since())
        elif isinstance(frame, UserStoppedSpeakingFrame) and direction == FrameDirection.DOWNSTREAM:
            self.turns_ended.append(self._since())
        await self.push_frame(frame, direction)


def _call(
    pcm16: bytes, engine, tmp_path: Path, *, hang_up_on_reply: bool = False, go_on_at_reply: float | None = None
) -> tuple[_Voice, BrainProcessor, VoiceCall, WordAwareTurnStop]:
    """One call of kanzlei-berg (no recording consent asked) in English, the caller's audio played in;
    `hang_up_on_reply`: the caller hangs up the moment the first reply reaches the voice; `go_on_at_reply`: the
    caller pauses after their first stretch until the first reply reaches the voice (at most that many seconds),
    then says the rest (`_LineGoingOn`)."""
    listening = Listening()
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    session = CallSession(Dialogue(load_pack("kanzlei-berg"), lang="en"), store)
    call = VoiceCall(session, Metrics(), "twilio")
    session.dialogue.tentative().hear("Hello, I have a question.")  # the brain's first decision loads what it needs
    vad = listening.vad()
    whisper = SharedWhisperSTT(_Heard(engine, pcm16), call, vad)  # type: ignore[arg-type]
    brain = BrainProcessor(call)
    stop = WordAwareTurnStop(
        turn_analyzer=listening.turn(),
        expecting=lambda: call.expecting,
        transcribing=lambda: whisper.busy,
        heard_silence=vad.heard_silence,
        eager=brain.answer_eagerly,
        heard_so_far=whisper.heard_so_far,
    )
    voice = _Voice()

    async def main() -> None:
        done = asyncio.Event()
        line = _Line(pcm16, done)
        if go_on_at_reply is not None:
            line = _LineGoingOn(pcm16, done, voice.replied, go_on_at_reply)
        pipeline = Pipeline(
            [
                line,
                VADProcessor(vad_analyzer=vad),
                whisper,
                UserTurnProcessor(
                    user_turn_strategies=UserTurnStrategies(start=[VADUserTurnStartStrategy()], stop=[stop]),
                    user_turn_stop_timeout=TURN_STOP_TIMEOUT_SECS,
                ),
                brain,
                voice,
            ]
        )
        worker = PipelineWorker(
            pipeline, params=PipelineParams(audio_in_sample_rate=RATE), idle_timeout_secs=None, enable_rtvi=False
        )

        async def stop_when_answered() -> None:
            if hang_up_on_reply:
                await voice.replied.wait()
                await call.hangup()  # what the line's stop event does (calls/brain_processor.py)
                await worker.cancel(reason="caller hung up")
                return
            await done.wait()
            for _ in range(200):  # the last turn's transcription and decision may still run on the shared CPU
                if call.session.dialogue.state.caller_turns >= len(voice.turns_ended) > 0:
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.3)
            await worker.cancel(reason="caller done")

        watcher = asyncio.create_task(stop_when_answered())
        runner = WorkerRunner(handle_sigint=False, handle_sigterm=False)
        await runner.add_workers(worker)
        await runner.run()
        await watcher

    asyncio.run(main())
    listening.close()
    return voice, brain, call, stop


def _caller_turns(call: VoiceCall) -> list[str]:
    """The caller's turns as the call's state has them."""
    return [t.text for t in call.session.dialogue.state.transcript if t.role == "caller"]


def _stored(call: VoiceCall) -> list[dict[str, str]]:
    """The call's transcript as the database has it."""
    record = call.session.store.call(call.call_id)
    assert record is not None
    return record["transcript"]


# The ordinary floor in the tests that need the eager reply to come before it: 0.55 s (Smart Turn sure) or 0.7 s
# (Smart Turn not quite sure: it heard 0.979 where 0.98 is sure in one run) leaves the eager floor (0.35 s, 0.5 s after
# a closed sentence) only 0.2 s, and on a loaded machine the audio analysis and Smart Turn lag more than that behind
# the caller, so both ends came at once and the test failed now and then. Every ordinary floor is raised, whatever
# Smart Turn says; the eager floors themselves are unchanged.
ORDINARY_FLOOR_SECS = 1.5
_ORDINARY_FLOORS = (
    "triage.brain.turns.SURE_END_MIN_SILENCE_SECS",
    "triage.brain.turns.END_OF_TURN_MIN_SILENCE_SECS",
    "triage.brain.turn_cap.SENTENCE_SILENCE_SECS",
    "triage.brain.turn_cap.WHOLE_REQUEST_SILENCE_SECS",
)


def _ordinary_floors(monkeypatch, seconds: float) -> float:
    for name in _ORDINARY_FLOORS:
        monkeypatch.setattr(name, seconds)
    return seconds


@pytest.fixture
def late_ordinary_end(monkeypatch) -> float:
    return _ordinary_floors(monkeypatch, ORDINARY_FLOOR_SECS)


def test_a_caller_who_stops_hears_the_reply_before_the_ordinary_floor(caller, stt, tmp_path, late_ordinary_end) -> None:
    voice, brain, call, stop = _call(caller([("I would like to leave a message.", 0)]), stt, tmp_path)
    assert voice.said, "no reply"
    first, words = voice.said[0]
    assert "message" in words.lower(), voice.said
    assert stop.eager_after == EAGER_SILENCE_SECS
    # said before the turn's ordinary end, which still waits for the floor
    assert voice.turns_ended and voice.turns_ended[0] > first, (voice.said, voice.turns_ended)
    assert stop.ended_after == late_ordinary_end
    assert not voice.interrupted and brain.taken_back == 0
    assert len(_caller_turns(call)) == 1 and "message" in _caller_turns(call)[0].lower()
    stored = _stored(call)
    assert [t["role"] for t in stored].count("caller") == 1, stored
    assert stored[-1]["text"] == words and [t["text"] for t in stored].count(words) == 1, stored  # stored once
    assert call.session.dialogue.state.phase == "message"  # the decision stands, stored once
    assert len(voice.said) == 1  # said once: the commit does not say it again


def test_a_caller_who_hangs_up_on_the_eager_reply_has_their_turn_stored(
    caller, stt, tmp_path, late_ordinary_end
) -> None:
    """The caller hears the reply to their words before the turn's ordinary end and hangs up at once: the
    words and the reply they heard are the call's last turn, stored, and the call is closed."""
    voice, _brain, call, stop = _call(
        caller([("I would like to leave a message.", 0)]), stt, tmp_path, hang_up_on_reply=True
    )
    assert voice.said and not voice.turns_ended, (voice.said, voice.turns_ended)  # before the ordinary end
    assert stop.eager_after == EAGER_SILENCE_SECS
    words = voice.said[0][1]
    stored = _stored(call)
    callers = [t["text"] for t in stored if t["role"] == "caller"]
    assert len(callers) == 1 and "message" in callers[0].lower(), stored
    assert [t["text"] for t in stored].count(words) == 1, stored
    assert call.session.dialogue.state.ended and call.session.dialogue.state.caller_turns == 1


def test_a_caller_who_goes_on_after_an_eager_end_is_decided_as_one_turn(caller, stt, tmp_path, monkeypatch) -> None:
    """A caller who goes on after a sentence Smart Turn is sure of, just as the eager reply starts (a pause longer
    than the eager floor and shorter than the ordinary one): the reply started is stopped, and both parts are one
    turn. The caller goes on when the reply reaches the voice, not after a fixed pause: on a loaded machine the
    pipeline lags behind the audio, and a fixed pause (0.46 s, then 0.6 s) was over before the eager end came now
    and then (load 6-10), so the reply came only after the ordinary end. The ordinary floor is raised
    to 3 s to leave that lag room below it (at load 10 Smart Turn's verdict came 1.6 s after the last word), and the
    caller's audio ends in as much more silence, so that the end of the whole turn is heard."""
    floor = _ordinary_floors(monkeypatch, 3.0)
    pcm = caller([("I would like to leave a message.", 0.6), ("It is about my contract with you.", 0)])
    voice, brain, call, _stop = _call(pcm + bytes(int(floor * RATE) * 2), stt, tmp_path, go_on_at_reply=floor - 0.4)
    turns = _caller_turns(call)
    assert len(turns) == 1, turns
    assert "message" in turns[0].lower() and "contract" in turns[0].lower(), turns
    assert brain.taken_back == 1 and voice.interrupted, (voice.said, voice.interrupted)
    assert len(voice.turns_ended) == 1
    # the state is that of one turn: one caller turn counted, and the database holds that one turn and the
    # reply to it, not the reply that was stopped
    assert call.session.dialogue.state.caller_turns == 1
    stored = _stored(call)
    callers = [t["text"] for t in stored if t["role"] == "caller"]
    assert len(callers) == 1 and "contract" in callers[0].lower(), stored
    stopped = voice.said[0][1]  # the reply to the first half alone, stopped: not in the record
    assert stored[-1]["text"] != stopped and [t["text"] for t in stored].count(stopped) == 0, (stored, voice.said)


@pytest.mark.parametrize("words", ["There is a fire in my kitchen.", "My kitchen is flooded."])
def test_an_emergency_never_ends_eagerly(caller, stt, tmp_path, words, late_ordinary_end) -> None:
    voice, brain, call, stop = _call(caller([(words, 0)]), stt, tmp_path)
    assert voice.said, "no reply"
    assert stop.eager_after == EAGER_SILENCE_SECS  # the words and Smart Turn allowed it; the brain did not
    assert voice.turns_ended[0] <= voice.said[0][0]  # said only once the turn had ended
    assert brain.taken_back == 0 and not voice.interrupted
    assert call.session.dialogue.state.urgency in ("P0", "P1")


# --- the brain's rules, in text ---------------------------------------------------------------------


def test_only_whole_words_of_one_stretch_smart_turn_is_sure_of_may_end_eagerly() -> None:
    assert eager_silence("I would like to leave a message.", frozenset(), 0.99, 1) == EAGER_SILENCE_SECS
    assert eager_silence("Ich möchte eine Nachricht hinterlassen.", frozenset(), 0.99, 1) == EAGER_SILENCE_SECS
    # not sure: a sentence closed by Whisper after the longer eager floor, words that are no sentence never
    assert eager_silence("I would like to leave a message.", frozenset(), 0.9, 1) == EAGER_SENTENCE_SECS
    assert eager_silence("Ich möchte eine Nachricht hinterlassen.", frozenset(), 0.1, 1) == EAGER_SENTENCE_SECS
    assert eager_silence("And so my fellow America asked not", frozenset(), 0.02, 1) is None
    assert eager_silence("Also ich habe eine Handynummer", frozenset({"phone"}), 0.99, 1) is None
    assert eager_silence("I would like to leave a message.", frozenset(), 0.99, 2) is None  # decoded again
    assert eager_silence("My number is 0176 555", frozenset({"phone"}), 0.99, 1) is None  # dictating
    assert eager_silence("Meine Adresse ist Hauptstraße 5,", frozenset({"address"}), 0.99, 1) is None
    assert eager_silence("Yes.", frozenset({"yes_no"}), 0.99, 1) is None  # ends at once anyway


@pytest.mark.parametrize(
    ("pack", "lang", "words", "eager"),
    [
        ("kanzlei-berg", "en", "I would like to leave a message.", True),
        ("kanzlei-berg", "de", "Ich möchte einen Termin vereinbaren.", True),
        ("kanzlei-berg", "en", "There is a fire in my kitchen.", False),
        ("kanzlei-berg", "de", "Bei uns brennt es in der Küche.", False),
        ("sanitaer-notdienst", "en", "My kitchen is flooded.", False),
        ("sanitaer-notdienst", "de", "Meine Küche steht unter Wasser.", False),
        ("kanzlei-berg", "en", "I want to speak to a human please.", False),
        ("kanzlei-berg", "de", "Ich möchte mit einem Menschen sprechen.", False),
        # the recording consent answered, or a switch of language: adopted only at the ordinary end anyway
        ("sanitaer-notdienst", "de", "She had your dark suit in greasy wash water all year.", True),
    ],
)
def test_only_an_ordinary_next_step_is_said_eagerly(pack, lang, words, eager) -> None:
    """Emergencies, handoffs and ends are stored before they are said: they wait for the ordinary floor.
    The decision is made on a copy: the call's own state is untouched."""
    dialogue = Dialogue(load_pack(pack), lang=lang)
    dialogue.greet()
    if dialogue.state.phase == "consent" and "dark suit" not in words:
        dialogue.hear("Ja." if lang == "de" else "Yes.")
    before = len(dialogue.state.transcript)
    tentative = dialogue.tentative()
    reply = tentative.hear(words)
    assert may_answer_eagerly(dialogue.state, tentative.state, reply) is eager, (reply, tentative.state.urgency)
    assert len(dialogue.state.transcript) == before
