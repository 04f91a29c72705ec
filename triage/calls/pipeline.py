"""One pipecat pipeline per call, built from the server's shared engines.

transport in -> Silero VAD -> faster-whisper (per VAD segment) -> Smart Turn v3 and the words so
far (is the caller done? calls/turn_stop.py) -> the brain -> Piper -> transport out. Caller speech
while the bot talks interrupts it.
Whatever happens inside, the call ends stored: a crash becomes a handoff to a human.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from fastapi import WebSocket
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.audio.vad_processor import VADProcessor
from pipecat.serializers.base_serializer import FrameSerializer
from pipecat.transports.websocket.fastapi import FastAPIWebsocketParams, FastAPIWebsocketTransport
from pipecat.turns.user_turn_processor import UserTurnProcessor
from pipecat.turns.user_turn_strategies import UserTurnStrategies
from pipecat.workers.runner import WorkerRunner

from ..brain.disclosure import Disclosure
from ..brain.model import TextModel
from ..handoff.desk import HandoffDesk
from ..metrics import Metrics
from ..packs.schema import Pack
from ..privacy.recording import RecordingVault, save_consent
from ..privacy.recording_pipeline import CallRecorder
from ..speech.engines import SpeechToText, TextToSpeech
from ..speech.listening import Listening
from ..store.repo import CallStore
from .agent_bridge import BRIDGES
from .brain_processor import BrainProcessor
from .guarded_turns import GuardedTranscriptionStart, GuardedVADStart
from .speech_services import SharedPiperTTS, SharedWhisperSTT
from .turn_stop import TURN_STOP_TIMEOUT_SECS, WordAwareTurnStop
from .voice import VoiceCall

log = logging.getLogger(__name__)

PIPELINE_IN_RATE = 16_000  # what Silero, Smart Turn and Whisper all want


@dataclass
class Engines:
    """Everything loaded once at server start and shared by every call."""

    stt: SpeechToText
    tts: TextToSpeech
    listening: Listening
    model: TextModel | None
    vault: RecordingVault | None = None  # seals call recordings; None: no key set, nothing is recorded

    def close(self) -> None:
        self.stt.close()
        self.tts.close()
        self.listening.close()


@dataclass
class CallLine:
    """How this call reaches us: the websocket, its wire format and its audio rate."""

    websocket: WebSocket
    serializer: FrameSerializer
    channel: str
    out_rate: int
    line_call_id: str | None = None
    caller_number: str | None = None
    # a caller coming back from a transfer nobody answered: the handoff they are waiting on
    resume_handoff: str | None = None
    max_call_secs: int = 3600


async def run_call(
    line: CallLine,
    pack: Pack,
    engines: Engines,
    store: CallStore,
    metrics: Metrics,
    desk: HandoffDesk | None = None,
) -> VoiceCall:
    """Take one call from connect to hangup. Returns it once it has ended and is stored. With a
    `desk`, a caller handed to a human stays on the line, on hold, until the handoff is taken. With the
    engines' `vault`, a call of a client that records calls is recorded once the caller agrees (pipecat's
    AudioBufferProcessor at the end of the pipeline, privacy/recording_pipeline.py)."""
    call = VoiceCall.open(
        pack, engines.model, store, metrics, line.channel, line.line_call_id, line.caller_number, desk
    )
    log.info("call %s (%s, %s) connected", call.call_id, pack.id, line.channel)
    transport = FastAPIWebsocketTransport(
        line.websocket,
        FastAPIWebsocketParams(
            audio_in_enabled=True,
            audio_out_enabled=True,
            audio_in_sample_rate=PIPELINE_IN_RATE,
            audio_out_sample_rate=line.out_rate,
            add_wav_header=False,
            serializer=line.serializer,
            session_timeout=line.max_call_secs,
        ),
    )
    vad = engines.listening.vad()
    stt = SharedWhisperSTT(engines.stt, call, vad)
    # a browser caller on hold can be taken by the agent in the console (calls/agent_bridge.py)
    bridge = BRIDGES.line(call.call_id) if line.channel == "browser" and desk is not None else None
    # the AI disclosure is played in full: speech over it starts a turn but interrupts nothing (brain/disclosure.py)
    disclosure = Disclosure()
    recorder = _recorder(call, pack, engines, line)
    brain = BrainProcessor(
        call, resume_handoff=line.resume_handoff, bridge=bridge, recorder=recorder, disclosure=disclosure,
        speech=engines.stt,
    )
    # Smart Turn, held back while the words so far say a dictated detail goes on (brain/turns.py)
    stop = WordAwareTurnStop(
        turn_analyzer=engines.listening.turn(),
        expecting=lambda: call.expecting,
        transcribing=lambda: stt.busy,
        heard_silence=vad.heard_silence,
        eager=brain.answer_eagerly,  # a reply that can be taken back starts early (brain/eager.py)
        heard_so_far=stt.heard_so_far,
    )
    turns = UserTurnStrategies(
        start=[GuardedVADStart(disclosure.may_interrupt), GuardedTranscriptionStart(disclosure.may_interrupt)],
        stop=[stop],
    )
    pipeline = Pipeline(
        [
            transport.input(),
            *([bridge.caller_side] if bridge else []),
            VADProcessor(vad_analyzer=vad),
            stt,
            UserTurnProcessor(user_turn_strategies=turns, user_turn_stop_timeout=TURN_STOP_TIMEOUT_SECS),
            brain,
            SharedPiperTTS(engines.tts, call),
            *([bridge.agent_side] if bridge else []),
            transport.output(),
            *([recorder.processor] if recorder else []),
        ]
    )
    task = PipelineWorker(
        pipeline,
        params=PipelineParams(audio_in_sample_rate=PIPELINE_IN_RATE, audio_out_sample_rate=line.out_rate),
        idle_timeout_secs=None,
        check_dangling_tasks=False,
        enable_rtvi=False,  # our events are our own; RTVI would only log them as foreign
    )

    @transport.event_handler("on_client_disconnected")
    async def _gone(_transport, _websocket) -> None:
        await task.cancel(reason="caller hung up")

    @transport.event_handler("on_session_timeout")
    async def _too_long(_transport, _websocket) -> None:
        log.warning("call %s reached the %d s limit", call.call_id, line.max_call_secs)
        await task.cancel(reason="call too long")

    try:
        runner = WorkerRunner(handle_sigint=False, handle_sigterm=False)
        await runner.add_workers(task)
        await runner.run()
    except Exception:
        log.exception("call %s crashed", call.call_id)
        await call.fail("pipeline")
    finally:
        if bridge is not None:
            bridge.close()
        if recorder is not None:
            await recorder.close()
        await _store_consent(call)  # before the end is stored: whoever sees the call ended sees its consent
        await call.hangup()
        log.info("call %s ended", call.call_id)
    return call


def _recorder(call: VoiceCall, pack: Pack, engines: Engines, line: CallLine) -> CallRecorder | None:
    """Records while the caller's consent stands, for a client that records calls (none without a key)."""
    if not pack.records_calls or line.resume_handoff is not None:
        return None
    if engines.vault is None:
        log.error(
            "call %s: NOT RECORDED although %s records calls: no recording key is set (TRIAGE_RECORDING_KEY); "
            "audio is never stored unencrypted",
            call.call_id,
            pack.id,
        )
        return None
    return CallRecorder(engines.vault, call.call_id, pack.id)


async def _store_consent(call: VoiceCall) -> None:
    """The call's consent record as it ended (a failing database is logged, the call is over anyway)."""
    s = call.session.dialogue.state
    if s.consent_prompt is None:
        return
    try:
        await asyncio.to_thread(
            save_consent,
            call.session.store.sessions,
            call.call_id,
            given=s.recording_consent,
            prompt=s.consent_prompt,
            at=s.consent_at,
            withdrawn_at=s.consent_withdrawn_at,
            handed_over_at=s.recording_stopped_at,
        )
    except Exception:
        log.exception("ALERT: could not store the consent record of call %s", call.call_id)
