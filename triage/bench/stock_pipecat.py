"""The anchor of `triage bench`: a stock pipecat Twilio bot, built as pipecat's twilio-chatbot example builds it.

Followed from pipecat-ai/pipecat-examples `twilio-chatbot/inbound` (server.py + bot.py), with pipecat 1.14's API:
a FastAPI websocket endpoint, `parse_telephony_websocket`, `TwilioFrameSerializer`, `FastAPIWebsocketTransport`
(audio in and out, no WAV header), Silero VAD in the user aggregator with the default turn strategies, every
service built per call, `PipelineParams(audio_in/out_sample_rate=8000)`, a runner with `force_gc=True` (pipecat 1.14's
`PipelineWorker` + `WorkerRunner`, which replace the example's deprecated PipelineTask/PipelineRunner), and
the task cancelled when the caller hangs up. The services are pipecat's own local ones: `WhisperSTTService`
(faster-whisper, language English as pipecat's default) and `PiperTTSService`, loading the same model files as
`triage serve` (Whisper base int8, the Piper voice en_US-joe-medium).

What differs from the example, and why: a fixed greeting and a fixed reply stand in for the LLM (the benchmark
measures the voice path, not a model we do not run); no Twilio REST hang-up (there is no account on loopback);
no recording buffer (it only keeps the call's audio in memory); logs at WARNING, as `triage serve` runs in the
benchmark. Run: `python -m triage.bench.stock_pipecat --port 8765 --whisper DIR --voice VOICE.onnx`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI, WebSocket
from loguru import logger
from pipecat.audio.vad.silero import SileroVADAnalyzer
from pipecat.frames.frames import (
    Frame,
    LLMContextFrame,
    LLMFullResponseEndFrame,
    LLMFullResponseStartFrame,
    LLMRunFrame,
    LLMTextFrame,
)
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.aggregators.llm_response_universal import LLMContextAggregatorPair, LLMUserAggregatorParams
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.runner.utils import parse_telephony_websocket
from pipecat.serializers.twilio import TwilioFrameSerializer
from pipecat.services.piper.tts import PiperTTSService
from pipecat.services.whisper.stt import WhisperSTTService
from pipecat.transports.websocket.fastapi import FastAPIWebsocketParams, FastAPIWebsocketTransport
from pipecat.workers.runner import WorkerRunner

GREETING = "Hello, this is the plumbing emergency service. You are speaking with an AI assistant."
REPLY = "Thank you. I have noted that, and a member of our team will call you back shortly."


class FixedReply(FrameProcessor):
    """Where the example's LLM sits: answers each context it is handed, as an LLM's streamed reply would be."""

    def __init__(self) -> None:
        super().__init__()
        self._greeted = False

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if not isinstance(frame, LLMContextFrame):
            await self.push_frame(frame, direction)
            return
        text, self._greeted = (REPLY if self._greeted else GREETING), True
        await self.push_frame(LLMFullResponseStartFrame())
        await self.push_frame(LLMTextFrame(text))
        await self.push_frame(LLMFullResponseEndFrame())


async def run_bot(transport: FastAPIWebsocketTransport, whisper: Path, voice: Path) -> None:
    """bot.py's run_bot with local services: everything is built here, once per call."""
    stt = WhisperSTTService(settings=WhisperSTTService.Settings(model=str(whisper)), device="cpu", compute_type="int8")
    # PiperTTSService loads <download_dir>/<voice>.onnx (and downloads it only when it is missing)
    tts = PiperTTSService(settings=PiperTTSService.Settings(voice=voice.stem), download_dir=voice.parent)
    context = LLMContext()
    user_aggregator, assistant_aggregator = LLMContextAggregatorPair(
        context, user_params=LLMUserAggregatorParams(vad_analyzer=SileroVADAnalyzer())
    )
    pipeline = Pipeline(
        [transport.input(), stt, user_aggregator, FixedReply(), tts, transport.output(), assistant_aggregator]
    )
    task = PipelineWorker(pipeline, params=PipelineParams(audio_in_sample_rate=8000, audio_out_sample_rate=8000))

    @transport.event_handler("on_client_connected")
    async def on_client_connected(transport, client) -> None:
        context.add_message({"role": "user", "content": "Please introduce yourself to the user."})
        await task.queue_frames([LLMRunFrame()])

    @transport.event_handler("on_client_disconnected")
    async def on_client_disconnected(transport, client) -> None:
        await task.cancel()

    runner = WorkerRunner(handle_sigint=False, force_gc=True)
    await runner.add_workers(task)
    await runner.run()


def create_app(whisper: Path, voice: Path) -> FastAPI:
    app = FastAPI()

    @app.get("/readyz")
    async def ready() -> dict[str, bool]:
        return {"ready": True}

    @app.websocket("/ws")
    async def websocket_endpoint(websocket: WebSocket) -> None:
        await websocket.accept()
        _, call_data = await parse_telephony_websocket(websocket)
        serializer = TwilioFrameSerializer(
            stream_sid=call_data["stream_id"],
            call_sid=call_data["call_id"],
            params=TwilioFrameSerializer.InputParams(auto_hang_up=False),
        )
        transport = FastAPIWebsocketTransport(
            websocket=websocket,
            params=FastAPIWebsocketParams(
                audio_in_enabled=True, audio_out_enabled=True, add_wav_header=False, serializer=serializer
            ),
        )
        await run_bot(transport, whisper, voice)

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Stock pipecat Twilio bot (the benchmark's anchor).")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--whisper", type=Path, required=True, help="A CTranslate2 Whisper folder (Whisper base).")
    parser.add_argument("--voice", type=Path, required=True, help="A Piper .onnx with its .onnx.json beside it.")
    args = parser.parse_args(argv)
    logger.remove()
    logger.add(sys.stderr, level="WARNING")
    uvicorn.run(create_app(args.whisper, args.voice), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
