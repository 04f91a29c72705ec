"""One call's recorder in the pipecat pipeline: pipecat's own AudioBufferProcessor (caller left, bot
right), started when the caller agrees and stopped, with everything recorded discarded, when they
take it back. It decides nothing: the brain's consent record (brain/consent.py) says whether to
record; the vault (privacy/recording.py) seals and stores what is recorded.

Placed after transport.output(), where pipecat's output transport passes on the bot's audio as it is
played, and where the caller's audio arrives because the brain processor passes it on.
"""

from __future__ import annotations

import asyncio
import logging

from pipecat.processors.audio.audio_buffer_processor import AudioBufferProcessor

from ..brain.state import CallState
from .recording import CHANNELS, CHUNK_SECS, SAMPLE_RATE, RecordingVault

log = logging.getLogger(__name__)


class CallRecorder:
    def __init__(self, vault: RecordingVault, call_id: str, client_id: str) -> None:
        self.vault = vault
        self.call_id = call_id
        self.client_id = client_id
        self.processor = AudioBufferProcessor(
            sample_rate=SAMPLE_RATE, num_channels=CHANNELS, buffer_size=SAMPLE_RATE * 2 * CHUNK_SECS
        )
        self.processor.add_event_handler("on_audio_data", self._chunk)
        self._recording_id: str | None = None
        self._file = ""  # its full path
        self._writes = asyncio.Lock()  # chunks are sealed and written in order, off the event loop
        self._ended = False  # withdrawn: never again in this call

    @property
    def recording(self) -> bool:
        return self._recording_id is not None

    async def follow(self, state: CallState) -> None:
        """After each turn: record while the caller's consent stands, and only the caller who gave it."""
        if state.recording_stopped_at is not None:
            if self.recording:
                await self._stop_kept()
            self._ended = True
        elif state.recording_consent is True and not self.recording and not self._ended:
            self._recording_id, self._file = await asyncio.to_thread(
                self.vault.begin,
                self.call_id,
                self.client_id,
                consent_prompt=state.consent_prompt,
                consent_at=state.consent_at,
            )
            await self.processor.start_recording()
            log.info("call %s: recording (the caller agreed)", self.call_id)
        elif state.recording_consent is not True and self.recording:
            await self._withdraw(state)

    async def _stop_kept(self) -> None:
        """The phone went to someone who never agreed: the recording ends here, and what it holds is kept."""
        await self.processor.stop_recording()  # its last chunk is still written: the consent stood until now
        await asyncio.sleep(0)  # the last chunk's handler task queues for the lock first
        async with self._writes:
            recording_id, self._recording_id = self._recording_id, None
            if recording_id is not None:
                await asyncio.to_thread(self.vault.finish, recording_id)
        log.info("call %s: the phone was handed to someone else; recording stopped, its part kept", self.call_id)

    async def _withdraw(self, state: CallState) -> None:
        recording_id, self._recording_id = self._recording_id, None
        self._ended = True
        await self.processor.stop_recording()  # its last chunk arrives while _recording_id is None: dropped
        async with self._writes:
            await asyncio.to_thread(self.vault.discard, recording_id, self.call_id, state.consent_withdrawn_at)
        log.info("call %s: the caller withdrew consent; the recording was stopped and deleted", self.call_id)

    async def _chunk(self, _processor, audio: bytes, sample_rate: int, num_channels: int) -> None:
        recording_id = self._recording_id
        if recording_id is None or not audio:
            return
        async with self._writes:
            if self._recording_id != recording_id:
                return
            try:
                await asyncio.to_thread(self.vault.append, recording_id, self._file, audio)
            except Exception:
                log.exception("ALERT: call %s: a recording chunk could not be stored", self.call_id)

    async def close(self) -> None:
        """The call ended: the last chunk is written (pipecat's EndFrame/CancelFrame usually did it)."""
        if self.recording:
            await self.processor.stop_recording()
        await asyncio.sleep(0)  # the last chunk's handler task queues for the lock first
        async with self._writes:
            if self._recording_id is not None:
                await asyncio.to_thread(self.vault.finish, self._recording_id)
