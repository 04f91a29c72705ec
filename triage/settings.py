"""One settings object for the whole product, read from TRIAGE_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "triage"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRIAGE_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir, description="Where the embedded SQLite lives.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; unset means SQLite in data_dir (e.g. postgresql+psycopg://…)."
    )
    prompts_dir: Path = REPO_ROOT / "prompts"
    classifier_dir: Path = REPO_ROOT / "models" / "classifier"

    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'triage.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
