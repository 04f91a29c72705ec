"""One settings object for the whole product, read from TRIAGE_* environment variables."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
# Where the shipped prompts/ and models/ are: inside the package when installed from a wheel (setup.py
# copies them to triage/_shipped), else the source checkout (an editable install, PYTHONPATH).
REPO_ROOT = PACKAGE_DIR / "_shipped" if (PACKAGE_DIR / "_shipped").is_dir() else PACKAGE_DIR.parent
WEB_DIR = PACKAGE_DIR / "web"  # the pages: call, agent console, admin editor


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "triage"


class Settings(BaseSettings):
    # env_ignore_empty: docker-compose.yml passes unset options as "" (`${VAR:-}`), meaning the default
    model_config = SettingsConfigDict(env_prefix="TRIAGE_", env_file=".env", extra="ignore", env_ignore_empty=True)

    data_dir: Path = Field(default_factory=_default_data_dir, description="Where the embedded SQLite lives.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; unset means SQLite in data_dir (e.g. postgresql+psycopg://…)."
    )
    prompts_dir: Path = REPO_ROOT / "prompts"
    classifier_dir: Path = REPO_ROOT / "models" / "classifier"

    # Speech engines: loaded once at server start and shared by every call.
    models_dir: Path | None = Field(
        default=None, description="Where speech models are looked up and pulled to; unset means data_dir/models."
    )
    stt_model: str = Field(
        default="base", description="faster-whisper model: a name (tiny, base, small, …) or a local CTranslate2 folder."
    )
    stt_device: str = Field(default="auto", description="cpu, cuda or auto (CUDA when present).")
    stt_compute_type: str = Field(default="default", description="CTranslate2 compute type; default is int8 on CPU.")
    stt_workers: int = Field(default=2, ge=1, description="Transcriptions that may run at once, across all calls.")
    stt_max_new_tokens: int = Field(
        default=96, ge=8, description="A phone turn never needs more; stops runaway decoding."
    )
    tts_voice_de: str = Field(
        default="de_DE-thorsten-medium", description="Piper voice for German: name or .onnx path."
    )
    tts_voice_en: str = Field(default="en_US-amy-medium", description="Piper voice for English: name or .onnx path.")
    vad_min_volume: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Quieter sound is not taken for speech (0.5 is about -60 LUFS). Off by default: Silero's"
        " confidence alone keeps short answers on quiet lines, and a level gate never stopped café noise"
        " (tests/measure_quiet_answers.py).",
    )
    turn_max_silence_secs: float = Field(
        default=2.0, gt=0, description="Silence after which a turn ends even if Smart Turn thinks the caller goes on."
    )
    vad_stop_secs: float = Field(default=0.2, gt=0, description="Silence before VAD reports the caller stopped.")
    tts_workers: int = Field(default=2, ge=1, description="Syntheses that may run at once, across all calls.")

    # Telephony
    public_url: str | None = Field(
        default=None, description="https://host as Twilio reaches it; unset means the Host header of the webhook."
    )
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = Field(
        default=None, description="When set, every Twilio webhook must carry a valid X-Twilio-Signature."
    )
    twilio_api_url: str | None = Field(default=None, description="Twilio REST API base URL; only tests change it")

    # Handing over
    webhook_secret: str | None = Field(
        default=None, description="Signs every client's webhooks (HMAC-SHA256) unless its pack names its own."
    )

    # Abuse limits (see triage/api/guards.py and triage/api/limits.py)
    max_body_bytes: int = Field(
        default=2_000_000, ge=1024, description="Larger request bodies get 413 before they are read or parsed."
    )
    public_calls_per_minute: int = Field(
        default=30, ge=1, description="Anonymous calls (text, browser, unsigned Twilio) one source may start a minute."
    )
    calls_require_sign_in: bool = Field(
        default=False, description="Text and browser calls only for signed-in users (a token or the session cookie)."
    )
    twilio_allow_unsigned: bool = Field(
        default=False,
        description="Development only: accept unsigned Twilio webhooks and streams when no auth token is set.",
    )
    webhook_allow_private: bool = Field(
        default=False, description="Let packs send webhooks to loopback, link-local and private addresses."
    )
    webhook_secret_prefix: str = Field(
        default="TRIAGE_WEBHOOK_", description="A pack's webhook.secret_env must start with this."
    )
    allowed_origins: list[str] = Field(
        default_factory=list, description="Other origins (https://host) whose pages may call the API and websockets."
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="Reverse proxies (addresses or CIDRs, e.g. [\"127.0.0.1/32\"]) whose X-Forwarded-For and "
        "X-Forwarded-Proto are believed; from any other peer they are ignored. Empty: never.",
    )
    sign_in_failures: int = Field(
        default=5, ge=1, description="Wrong passwords per account (and 4x that per source) before a 15-minute pause."
    )

    # Data protection
    privacy_purge_every_s: float = Field(
        default=3600, gt=0, description="How often the server anonymises data older than each client's retention."
    )
    log_caller_data: bool = Field(
        default=False,
        description="Let DEBUG logs show what callers say (pipecat's frame logs). Off: no caller data in any log.",
    )

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        """A typo must stop the server, not silently trust nobody (or somebody else)."""
        return [str(ipaddress.ip_network(item.strip(), strict=False)) for item in value]

    recording_key: SecretStr | None = Field(
        default=None,
        description="Fernet key (urlsafe base64, 32 bytes) that encrypts call recordings at rest; unset: nothing "
        "is recorded, whatever a pack says. Make one with: python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'",
    )
    recordings_dir: Path | None = Field(
        default=None, description="Where encrypted call recordings are kept; unset means data_dir/recordings."
    )

    def recordings_path(self) -> Path:
        return self.recordings_dir or self.data_dir / "recordings"

    def speech_models_dir(self) -> Path:
        return self.models_dir or self.data_dir / "models"

    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'triage.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
