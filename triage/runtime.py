"""What a running server holds for all its calls: settings, the database, the client packs, the
shared engines and the metrics. Built once at start-up by the app's lifespan.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .audit import AuditLog
from .auth import Accounts
from .brain.model import TextModel
from .calls.pipeline import Engines
from .handoff.desk import HandoffDesk
from .handoff.escalation import Escalator
from .handoff.lines import LineWatch
from .handoff.live import LiveHub
from .handoff.phone_transfers import PhoneTransfers
from .handoff.queue import HandoffQueue
from .handoff.webhooks import WebhookOutbox, WebhookSender, secret_lookup
from .metrics import Metrics
from .packs.load import PackError, UnknownClient, list_clients, load_all, load_pack
from .packs.render import fixed_prompts
from .packs.schema import Pack
from .packs.versions import PackVersions
from .privacy.recording import RecordingVault
from .privacy.retention import Purger
from .settings import Settings
from .speech.engines import WHISPER_RATE, SpeechToText, TextToSpeech, Transcript, load_voice
from .speech.listening import Listening
from .store.repo import CallStore, open_store
from .telephony.transfer import TwilioLine

log = logging.getLogger(__name__)

# Said the moment a call connects: synthesised before the server reports ready.
GREETING_KEYS = ("greeting", "recording_consent", "ask_need")


class PackRegistry:
    """The client packs as calls see them. With `versions` (the server), each call gets the newest
    version stored in the database, which the prompts folder seeds and admins change; without, the
    packs are read from the folder. A changed pack reaches the next call (a running call keeps the
    Pack object it started with) and its fixed sentences are synthesised again in the background."""

    def __init__(
        self,
        settings: Settings,
        tts: TextToSpeech | None = None,
        versions: PackVersions | None = None,
        give_way: Callable[[], bool] | None = None,
    ) -> None:
        self.prompts_dir = settings.prompts_dir
        self.tts = tts
        self.versions = versions
        self.give_way = give_way  # background synthesis waits while this says calls are live
        self._seen: dict[str, int] = {}
        self._warmed: set[str] = set()
        self._warming: list[threading.Thread] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def clients(self) -> list[str]:
        return self.versions.clients() if self.versions else list_clients(self.prompts_dir)

    def exists(self, client_id: str) -> bool:
        return client_id in self.clients()

    def all(self) -> dict[str, Pack]:
        if self.versions is None:
            return load_all(self.prompts_dir)
        return {c: pack for c in self.clients() if (pack := self.find(c)) is not None}

    def get(self, client_id: str) -> Pack:
        pack = self.versions.live(client_id)[0] if self.versions else load_pack(client_id, self.prompts_dir)
        with self._lock:
            changed = self._seen.get(client_id) != id(pack)
            self._seen[client_id] = id(pack)
        if changed and client_id in self._warmed:
            thread = threading.Thread(target=self.warm, args=(pack,), name=f"warm-{client_id}", daemon=True)
            self._warming.append(thread)
            thread.start()
        return pack

    def find(self, client_id: str) -> Pack | None:
        """The pack for a connecting call or background work (escalation, webhooks): None when unknown
        or invalid. One read where `exists` and then `get` took two (a connecting call's channel says
        "unknown client" either way; only an invalid pack is an operator's error)."""
        try:
            return self.get(client_id)
        except UnknownClient as exc:
            log.warning("no pack %s: %s", client_id, exc)
        except PackError as exc:
            log.error("pack %s not loaded: %s", client_id, exc)
        return None

    def stop_warming(self) -> None:
        """At shutdown: finish the sentence being synthesised, start no other."""
        self._stop.set()
        self.settle(timeout=30)

    def settle(self, timeout: float | None = None) -> None:
        """Wait for background synthesis to finish (shutdown, tests)."""
        for thread in list(self._warming):
            thread.join(timeout)
        self._warming = [t for t in self._warming if t.is_alive()]

    def warm(self, pack: Pack, keys: tuple[str, ...] | None = None) -> int:
        """Synthesise this pack's fixed sentences (all, or only `keys`). Returns how many were new."""
        if self.tts is None:
            return 0
        started = time.perf_counter()
        made = self.tts.warm(fixed_prompts(pack, keys), self._stop, self.give_way)
        self._warmed.add(pack.id)
        if made:
            log.info("synthesised %d prompts of %s in %.1f s", made, pack.id, time.perf_counter() - started)
        return made

    def warm_all(self, keys: tuple[str, ...] | None = None) -> int:
        made = 0
        for client_id in self.clients():
            if self._stop.is_set():
                break
            try:
                made += self.warm(self.get(client_id), keys)
            except PackError as exc:
                log.error("pack %s not loaded: %s", client_id, exc)
        return made


def load_engines(settings: Settings, model: TextModel | None) -> Engines:
    """Load every model once. Raises SpeechModelError naming the fix when one is missing."""
    from .speech.models import resolve_voices, resolve_whisper

    whisper = resolve_whisper(settings)
    voices = resolve_voices(settings)
    started = time.perf_counter()
    stt = SpeechToText(
        whisper,
        device=settings.stt_device,
        compute_type=settings.stt_compute_type,
        workers=settings.stt_workers,
        max_new_tokens=settings.stt_max_new_tokens,
    )
    tts = TextToSpeech({lang: load_voice(choice) for lang, choice in voices.items()}, workers=settings.tts_workers)
    engines = Engines(
        stt=stt,
        tts=tts,
        listening=Listening(
            workers=settings.stt_workers,
            vad_stop_secs=settings.vad_stop_secs,
            vad_min_volume=settings.vad_min_volume,
            turn_max_silence_secs=settings.turn_max_silence_secs,
        ),
        model=model,
    )
    log.info(
        "speech engines loaded in %.1f s (whisper %s, voices %s)",
        time.perf_counter() - started, whisper, {lang: choice.name for lang, choice in voices.items()},
    )
    warm_engines(engines)
    return engines


# What the warm-up has each voice say and Whisper hear: a caller's first sentence, of a usual length.
WARM_SENTENCES = {
    "de": "Guten Tag, bei mir ist die Heizung ausgefallen und das Wasser wird nicht mehr warm.",
    "en": "Hello, my heating has stopped working and there is no hot water any more.",
}


# glibc's malloc gives each thread that allocates its own arena, up to eight per core; the server's
# threads (speech-to-text and text-to-speech workers, Smart Turn, asyncio's executor) each kept one with
# its freed blocks. Two arenas (one per core here) cut the idle server from 1071-1076 to 1029 MB and the
# first call's lasting growth from 25 to 12 MB, lone reply p50 unchanged (`triage bench --callers 1,5
# --systems triage`, 2026-12-05).
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number (malloc.h)


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas before the server starts its threads (MALLOC_ARENA_MAX, set from
    inside: the environment variable only counts when the process starts). False where the C library
    is not glibc (musl, macOS): nothing changes there."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(_M_ARENA_MAX, arenas))
    except (OSError, AttributeError):
        return False


# numpy's OpenBLAS runs each matrix product on a thread per core: the brain's sentence encoder and heads,
# faster-whisper's mel features. With both cores busy decoding every call's speech, those threads wait on
# each other: one turn's dialogue took 200-250 ms instead of 8-13 ms while other work filled the cores
# (20 calls of the bench's two sentences through `Dialogue.hear`, a script outside the repository,
# 2026-12-05; at three simultaneous callers the server's brain stage was 97-149 ms mean against 9 alone).
# Calls are the server's parallelism; one BLAS thread each keeps a turn's analysis at its own cost.
BLAS_THREADS = 1


def limit_blas_threads(threads: int = BLAS_THREADS) -> list[int]:
    """Cap the BLAS libraries loaded in this process (numpy's OpenBLAS, imported with this module) at
    `threads` each, for the rest of the process; returns each one's threads now. Set once when the
    server starts, before any call."""
    from threadpoolctl import threadpool_info, threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


# A collection of the cyclic garbage collector slower than this is logged: it stops every thread of
# the server that holds the interpreter, the event loop and every call's audio with it.
SLOW_COLLECTION_SECS = 0.02


def settle_heap() -> None:
    """Take what start-up made out of the cyclic garbage collector's reach (gc.freeze): the models,
    modules and packs live as long as the server, yet every full collection walked them again, 106 ms
    in a burst of 20 connects here, in which no call's audio moved. Objects made later (calls) are
    collected as before."""
    gc.collect()
    gc.freeze()


_collection_started: list[float] = []


def _log_slow_collection(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _collection_started[:] = [time.perf_counter()]
        return
    took = time.perf_counter() - (_collection_started.pop() if _collection_started else time.perf_counter())
    if took > SLOW_COLLECTION_SECS:
        log.debug("garbage collection (generation %d) stopped the server for %.0f ms", info["generation"], 1000 * took)


def log_slow_collections() -> None:
    """Log each garbage collection that stops the server longer than SLOW_COLLECTION_SECS (debug)."""
    if _log_slow_collection not in gc.callbacks:
        gc.callbacks.append(_log_slow_collection)


def warm_engines(engines: Engines) -> dict[str, Transcript]:
    """Before the server reports ready, run every engine on a reply's path once with a real turn's
    shapes: VAD and Smart Turn, Whisper on each voice's sentence (the shortened window, then the
    language check among the other languages), Piper for a sentence no prompt cache holds, and the
    brain's rules, sentence encoder and classifier heads (brain/analyze.py prepare). Each of them is
    several times slower on first use (buffers, kernels, compiled patterns), which the first caller
    would otherwise wait for. Returns what Whisper heard of each voice's sentence."""
    import soxr

    from .brain.analyze import prepare

    started = time.perf_counter()
    engines.listening.warm()
    speech: dict[str, bytes] = {}
    for lang, text in WARM_SENTENCES.items():
        voice = engines.tts.voice(lang)
        audio = np.frombuffer(b"".join(voice.sentences(text)), np.int16).astype(np.float32) / 32768.0
        wide = soxr.resample(audio, voice.sample_rate, WHISPER_RATE) if voice.sample_rate != WHISPER_RATE else audio
        # the silence pipecat pads a stretch with (SegmentedSTTService's trailing_silence_secs)
        padded = np.concatenate([wide, np.zeros(WHISPER_RATE // 2, np.float32)])
        speech[lang] = (np.clip(padded, -1.0, 1.0) * 32767).astype(np.int16).tobytes()
    heard = engines.stt.warm(speech)
    prepare(None, engines.model)
    log.info("speech engines and the brain warmed in %.1f s", time.perf_counter() - started)
    return heard


@dataclass
class ServerState:
    settings: Settings
    store: CallStore
    packs: PackRegistry
    engines: Engines
    queue: HandoffQueue
    accounts: Accounts
    hub: LiveHub
    audit: AuditLog
    metrics: Metrics = field(default_factory=Metrics)
    # the phone line (Twilio) and what moves live calls over it and alerts on-call contacts
    # (handoff/phone_transfers.py): set when the app starts, see phone_transfers()
    phone_line: TwilioLine | None = None
    transfers: PhoneTransfers | None = None
    ready: bool = False
    warm_done: bool = False  # every fixed sentence of every pack synthesised (not only the greetings)

    @classmethod
    def start(cls, settings: Settings) -> ServerState:
        model = TextModel.load(settings.classifier_dir)
        engines = load_engines(settings, model)
        store = open_store(settings.db_url())
        store.instance_id = uuid.uuid4().hex
        engines.vault = RecordingVault.open(settings, store.sessions)  # None without a key: nothing recorded
        metrics = Metrics()
        versions = PackVersions(store.sessions, settings.prompts_dir)
        packs = PackRegistry(settings, engines.tts, versions, give_way=lambda: metrics.live_calls() > 0)
        store.feed.on_publish(WebhookOutbox(packs.find))
        return cls(
            settings=settings,
            store=store,
            packs=packs,
            engines=engines,
            queue=store.handoffs,  # one queue: the one the store creates handoffs with
            accounts=Accounts(store.sessions),
            hub=LiveHub(store.feed),
            audit=AuditLog(store.sessions),
            metrics=metrics,
        )

    def phone_transfers(self) -> PhoneTransfers:
        """Twilio as the phone line, and what carries out transfers and alerts over it: made once, by
        the app's lifespan, or by the first Twilio request to a state built without it (benchmarks)."""
        if self.transfers is None:
            self.phone_line = TwilioLine(self.settings, self.packs.get, self.engines.tts, self.queue.get)
            self.transfers = PhoneTransfers(self.queue, self.packs.get, self.phone_line, self.hub)
        return self.transfers

    @property
    def desk(self) -> HandoffDesk:
        return HandoffDesk(self.queue, self.hub)

    def background(self) -> list:
        """The loops a server runs besides calls: on-call escalation, webhook delivery, and the
        heartbeat that tells other instances this one still holds its callers' lines, and the
        retention purge."""
        return [
            Escalator(self.queue, self.packs.find, lambda: self.transfers),
            WebhookSender(
                self.store.sessions,
                secret_lookup(self.packs.find, self.settings.webhook_secret),
                allow_private=self.settings.webhook_allow_private,
            ),
            self.lines,
            Purger(self.store.sessions, self.packs.find, self.settings.privacy_purge_every_s),
        ]

    @property
    def lines(self) -> LineWatch:
        return LineWatch(self.store.sessions, self.queue, self.store.instance_id or "unnamed")

    def close(self) -> None:
        self.packs.stop_warming()
        self.engines.close()
