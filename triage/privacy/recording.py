"""Call recordings at rest: encrypted files on the call centre's storage, one row per recording.

A recording is a stereo 16-bit PCM stream (caller left, bot right) written as it is made, one
Fernet token (AES-128-CBC with HMAC-SHA256, from `cryptography`) per chunk and line, so the server
never holds a whole call in memory and never writes a plaintext byte. The key is the setting
`recording_key`; without it nothing is recorded (`RecordingVault.open` says so and returns None).
Playing decrypts chunk by chunk behind a WAV header made from the row's byte count.

The file's name is the recording's id (nothing about the caller); the row links it to the call and
holds its full path, so erasure and the purge find it without the settings.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from ..settings import Settings
from ..store.tables import Call, Recording

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000  # what the pipeline hears the caller at; the phone line's 8 kHz is upsampled
CHANNELS = 2  # caller left, bot right (pipecat's AudioBufferProcessor with num_channels=2)
CHUNK_SECS = 10  # the audio written per encrypted chunk: at most this much is lost if the server dies


class RecordingUnreadable(RuntimeError):
    """The file is missing or was encrypted with another key."""


def wav_header(pcm_bytes: int, sample_rate: int, channels: int) -> bytes:
    """The 44-byte RIFF header of 16-bit PCM of this length."""
    block = channels * 2
    return (
        b"RIFF"
        + struct.pack("<I", 36 + pcm_bytes)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, sample_rate, sample_rate * block, block, 16)
        + b"data"
        + struct.pack("<I", pcm_bytes)
    )


@dataclass
class RecordingVault:
    """Where recordings live and the key that seals them."""

    sessions: sessionmaker
    root: Path
    fernet: Fernet

    @classmethod
    def open(cls, settings: Settings, sessions: sessionmaker) -> RecordingVault | None:
        """None when no key is set: the server then records nothing (and says so per call)."""
        if settings.recording_key is None:
            log.warning("call recording is off: no recording key is set (TRIAGE_RECORDING_KEY); audio is never stored")
            return None
        fernet = Fernet(settings.recording_key.get_secret_value().encode())  # a bad key fails the start
        root = settings.recordings_path()
        root.mkdir(parents=True, exist_ok=True)
        return cls(sessions, root, fernet)

    # --- writing ----------------------------------------------------------------------------------
    def begin(
        self, call_id: str, client_id: str, *, consent_prompt: str | None, consent_at: datetime | None
    ) -> tuple[str, str]:
        """A new, empty recording of a call whose caller just agreed; the consent record is stored with
        the call in the same transaction (persist before you record). Returns the recording's id and file."""
        with self.sessions.begin() as db:
            call = db.get(Call, call_id)
            if call is not None:
                call.recording_consent = True
                call.consent_prompt = consent_prompt
                call.consent_at = consent_at
            row = Recording(
                call_id=call_id, client_id=client_id, file="", sample_rate=SAMPLE_RATE, channels=CHANNELS, pcm_bytes=0
            )
            db.add(row)
            db.flush()
            row.file = str(self.root.resolve() / f"{row.id}.rec")
            Path(row.file).touch(mode=0o600)
            return row.id, row.file

    def append(self, recording_id: str, file: str, pcm: bytes) -> None:
        """One more chunk, sealed, then counted in the row."""
        if not pcm:
            return
        with Path(file).open("ab") as out:
            out.write(self.fernet.encrypt(pcm) + b"\n")
        with self.sessions.begin() as db:
            db.execute(
                update(Recording)
                .where(Recording.id == recording_id)
                .values(pcm_bytes=Recording.pcm_bytes + len(pcm))
            )

    def finish(self, recording_id: str) -> None:
        """The call is over and its last chunk written: the recording is complete."""
        with self.sessions.begin() as db:
            db.execute(update(Recording).where(Recording.id == recording_id).values(ended_at=datetime.now(UTC)))

    def discard(self, recording_id: str, call_id: str, withdrawn_at: datetime | None) -> None:
        """The caller took their consent back: the file and its row go, the withdrawal is noted."""
        with self.sessions.begin() as db:
            call = db.get(Call, call_id)
            if call is not None:
                call.recording_consent = False
                call.consent_withdrawn_at = withdrawn_at
            row = db.get(Recording, recording_id)
            if row is not None:
                remove_files([row.file])
                db.delete(row)

    # --- reading ----------------------------------------------------------------------------------
    def chunks(self, file: str) -> Iterator[bytes]:
        """The decrypted PCM, chunk by chunk."""
        try:
            with Path(file).open("rb") as sealed:
                for line in sealed:
                    if line.strip():
                        yield self.fernet.decrypt(line.strip())
        except (OSError, InvalidToken) as exc:
            raise RecordingUnreadable(f"recording {file} cannot be read: {type(exc).__name__}") from exc

    def wav(self, row: Recording) -> Iterator[bytes]:
        """The recording as a WAV stream (header first, then the decrypted chunks)."""
        yield wav_header(row.pcm_bytes, row.sample_rate, row.channels)
        left = row.pcm_bytes  # a chunk written but not yet counted (the server died between) is left out
        for pcm in self.chunks(row.file):
            if left <= 0:
                break
            yield pcm[:left]
            left -= len(pcm)


    def write_wav(self, row: Recording, path: Path) -> Path:
        """The recording decrypted into a WAV file, for a caller's access request (Art. 15 DSGVO)."""
        with path.open("wb") as out:
            for part in self.wav(row):
                out.write(part)
        return path


def remove_files(files: Iterable[str]) -> int:
    """Delete recording files (a missing one counts as gone). Returns how many existed."""
    removed = 0
    for file in files:
        path = Path(file)
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def recordings_of(db: Session, call_ids: Iterable[str]) -> list[Recording]:
    return list(db.scalars(select(Recording).where(Recording.call_id.in_(list(call_ids)))))


def delete_recordings(db: Session, rows: list[Recording]) -> int:
    """Remove these recordings, files and rows, in `db`'s transaction. Returns the rows removed."""
    if not rows:
        return 0
    remove_files([r.file for r in rows])
    db.execute(delete(Recording).where(Recording.id.in_([r.id for r in rows])))
    return len(rows)


def save_consent(
    sessions: sessionmaker,
    call_id: str,
    *,
    given: bool | None,
    prompt: str | None,
    at: datetime | None,
    withdrawn_at: datetime | None,
    handed_over_at: datetime | None = None,
) -> None:
    """The consent record of a call as it ended (given, refused, withdrawn, or never asked), with when the phone was
    handed to someone who never heard the question (the recording ended there)."""
    with sessions.begin() as db:
        call = db.get(Call, call_id)
        if call is not None:
            call.recording_consent = given
            call.consent_prompt = prompt
            call.consent_at = at
            call.consent_withdrawn_at = withdrawn_at
            call.consent_handed_over_at = handed_over_at


def status(call: Call, recording: Recording | None) -> str:
    """What the agent console says about a call's recording."""
    if recording is not None:
        return "recorded"
    if call.consent_withdrawn_at is not None:
        return "withdrawn"
    if call.recording_consent is False:
        return "declined"
    if call.recording_consent is True:
        return "not_stored"  # agreed, but the server had no key (or the audio was purged)
    return "not_asked"
