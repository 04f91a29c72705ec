"""Hearing when a caller speaks and when they have finished: pipecat's Silero VAD and Smart Turn v3.

Both models ship inside pipecat. Each call needs its own analyzer (they keep the state of one
audio stream), but not its own copy of the model: loading both costs about 75 ms and 11 MB, which
would sit between "the call connects" and "the caller hears the greeting". The ONNX sessions are
loaded once and shared; onnxruntime sessions are safe to run from several threads.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import onnxruntime as ort
from pipecat.audio.turn.smart_turn.base_smart_turn import BaseSmartTurn, SmartTurnParams
from pipecat.audio.turn.smart_turn.local_smart_turn_v3 import LocalSmartTurnAnalyzerV3
from pipecat.audio.vad.silero import SileroOnnxModel, SileroVADAnalyzer
from pipecat.audio.vad.vad_analyzer import VADAnalyzer, VADParams, VADState

# Audio analysed longer ago than this: the line has stopped sending it (SharedSileroVAD.heard_silence).
AUDIO_STALE_SECS = 0.3

class _SharedSileroModel(SileroOnnxModel):
    """Silero's recurrent state is per stream; its session is not."""

    def __init__(self, session: ort.InferenceSession) -> None:
        self.session = session
        self.reset_states()
        self.sample_rates = [8000, 16000]


class SharedSileroVAD(SileroVADAnalyzer):
    def __init__(self, session: ort.InferenceSession, params: VADParams | None = None) -> None:
        VADAnalyzer.__init__(self, params=params)
        self._model = _SharedSileroModel(session)
        self._windows_since_reset = 0
        self._low_confidence_windows = 0
        self.voiced_windows = 0  # windows heard as voice so far: a pause the caller broke changed it
        self._windows = 0  # windows analysed so far
        self._last_voiced = 0  # the number of the last one heard as voice
        self._analysed_at = 0.0  # time.monotonic() of the last one

    def voice_confidence(self, buffer) -> float:
        confidence = super().voice_confidence(buffer)
        self._windows += 1
        self._analysed_at = time.monotonic()
        if confidence >= self.params.confidence:
            self.voiced_windows += 1
            self._last_voiced = self._windows
        return confidence

    def heard_silence(self) -> float | None:
        """Seconds of the caller's audio since the last window heard as voice, counted in audio, not on the
        clock: on a busy machine the pipeline analyses audio late, and an end of turn timed on the clock
        would come before VAD has heard the caller going on after a pause (calls/turn_stop.py). None when
        no audio was analysed lately (the line sends none): then only the clock can tell."""
        if time.monotonic() - self._analysed_at > AUDIO_STALE_SECS:
            return None
        return (self._windows - self._last_voiced) * self._vad_frames / self.sample_rate

    @property
    def pause_secs(self) -> float:
        """How long the caller has been silent while VAD has not yet ended their stretch (0 while they
        speak, and once it has ended): the moment speech-to-text may start on the stretch before VAD
        has waited out its stop_secs (calls/speech_services.py)."""
        if self._vad_state != VADState.STOPPING:
            return 0.0
        return self._vad_stopping_count * self._vad_frames / self.sample_rate


class SharedSmartTurn(LocalSmartTurnAnalyzerV3):
    """Smart Turn v3 on the shared session, run in the shared bounded pool instead of a thread per call."""

    def __init__(self, session: ort.InferenceSession, pool: ThreadPoolExecutor, params: SmartTurnParams) -> None:
        BaseSmartTurn.__init__(self, params=params)
        self._log_data = False
        self._session = session
        self._pool = pool

    @property
    def _model_executor(self) -> ThreadPoolExecutor:
        return self._pool

    async def cleanup(self) -> None:
        """The pool belongs to the server, not to this call: leave it running."""
        await super(BaseSmartTurn, self).cleanup()


class Listening:
    """The loaded VAD and turn models; `vad()` and `turn()` make one call's analyzers."""

    def __init__(
        self,
        *,
        workers: int = 2,
        vad_stop_secs: float = 0.2,
        vad_min_volume: float = 0.0,
        turn_max_silence_secs: float = 2.0,
    ) -> None:
        self._vad_session = SileroVADAnalyzer()._model.session
        self._turn_session = LocalSmartTurnAnalyzerV3()._session
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="turn")
        self.vad_params = VADParams(stop_secs=vad_stop_secs, min_volume=vad_min_volume)
        self.turn_params = SmartTurnParams(stop_secs=turn_max_silence_secs)

    def vad(self) -> SharedSileroVAD:
        return SharedSileroVAD(self._vad_session, self.vad_params)

    def turn(self) -> SharedSmartTurn:
        return SharedSmartTurn(self._turn_session, self._pool, self.turn_params)

    def warm(self) -> None:
        """Run both models once, as a caller's first pause would (onnxruntime's first runs of Smart
        Turn took 140 ms here against 80 ms later: little, but on the first turn's path)."""
        noise = np.random.default_rng(0).normal(0, 0.05, 2 * 16_000).astype(np.float32)
        vad = self.vad()
        vad.set_sample_rate(16_000)
        pcm16 = (noise * 32767).astype(np.int16).tobytes()
        window = vad.num_frames_required() * 2
        for start in range(0, len(pcm16) - window, window):
            vad.voice_confidence(pcm16[start : start + window])
        turn = self.turn()
        turn.set_sample_rate(16_000)
        turn._predict_endpoint(noise)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
