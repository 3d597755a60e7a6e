"""Service configuration, read once from the environment at start-up."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SDL_DIR = Path(__file__).resolve().parent.parent / "sdl"


class SandboxMode(StrEnum):
    """Whether to run against the embedded sandbox Trello."""

    AUTO = "auto"
    TRUE = "true"
    FALSE = "false"


class LogFormat(StrEnum):
    """How log lines are written."""

    JSON = "json"
    TEXT = "text"


class Settings(BaseSettings):
    """Every setting of the service; see the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="TRELLOQL_", frozen=True, extra="ignore")

    trello_api_key: SecretStr | None = Field(default=None, validation_alias="TRELLO_API_KEY")
    trello_token: SecretStr | None = Field(default=None, validation_alias="TRELLO_TOKEN")
    trello_api_url: str = Field(
        default="https://api.trello.com/1", validation_alias="TRELLO_API_URL"
    )
    host: str = "0.0.0.0"
    port: int = Field(default=8080, ge=0, le=65535)
    graphiql: bool = True
    introspection: bool = True
    planner: bool = True
    sandbox: SandboxMode = SandboxMode.AUTO
    sandbox_latency_ms: float = Field(default=0.0, ge=0, le=10_000)
    sdl_dir: Path = DEFAULT_SDL_DIR
    log_level: str = "INFO"
    upstream_timeout: float = Field(default=10.0, gt=0, le=60)
    upstream_connect_timeout: float = Field(default=5.0, gt=0, le=60)
    upstream_max_connections: int = Field(default=100, ge=1, le=10_000)
    upstream_max_connections_per_host: int = Field(default=50, ge=1, le=10_000)
    upstream_retries: int = Field(default=2, ge=0, le=5)
    request_timeout: float = Field(default=20.0, gt=0, lt=30)
    redis_url: str | None = None
    rate_limit_token: int = Field(default=90, ge=1, le=100_000)
    rate_limit_key: int = Field(default=270, ge=1, le=100_000)
    rate_limit_member: int = Field(default=90, ge=1, le=100_000)
    rate_limit_max_wait: float = Field(default=2.0, ge=0, le=25)
    max_query_chars: int = Field(default=40_000, ge=100, le=1_000_000)
    max_query_tokens: int = Field(default=1_000, ge=10, le=100_000)
    max_query_depth: int = Field(default=8, ge=2, le=100)
    max_query_aliases: int = Field(default=15, ge=0, le=10_000)
    max_query_directives: int = Field(default=50, ge=0, le=10_000)
    max_query_cost: int = Field(default=2_000, ge=1, le=1_000_000)
    heavy_query_cost: int = Field(default=10, ge=1, le=1_000_000)
    heavy_query_slots: int = Field(default=4, ge=1, le=10_000)
    log_format: LogFormat = LogFormat.JSON
    metrics: bool = True
    shutdown_grace_seconds: float = Field(default=25.0, ge=0, le=600)
    shutdown_delay_seconds: float = Field(default=0.0, ge=0, le=120)

    @field_validator("trello_api_url")
    @classmethod
    def _url_has_scheme(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("sdl_dir")
    @classmethod
    def _sdl_dir_exists(cls, value: Path) -> Path:
        if not value.is_dir():
            raise ValueError(f"{value} is not a directory")
        return value

    @model_validator(mode="after")
    def _credentials_when_not_sandboxed(self) -> Settings:
        if self.sandbox is SandboxMode.FALSE and self.credentials() is None:
            raise ValueError("TRELLOQL_SANDBOX=false needs TRELLO_API_KEY and TRELLO_TOKEN")
        return self

    def credentials(self) -> tuple[str, str] | None:
        """The configured Trello key and token, when both are set."""
        if self.trello_api_key is None or self.trello_token is None:
            return None
        return self.trello_api_key.get_secret_value(), self.trello_token.get_secret_value()

    @property
    def use_sandbox(self) -> bool:
        """True when the embedded sandbox Trello answers upstream calls."""
        if self.sandbox is SandboxMode.AUTO:
            return self.credentials() is None
        return self.sandbox is SandboxMode.TRUE


class SettingsError(Exception):
    """A setting has a bad value; the message names the variable."""


def _variable_name(location: tuple[int | str, ...]) -> str:
    if not location:
        return "TRELLOQL_SANDBOX"
    name = str(location[0])
    if name.startswith("TRELLO_"):
        return name
    return f"TRELLOQL_{name.upper()}"


def load_settings() -> Settings:
    """Read the settings from the environment, or raise SettingsError naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        raise SettingsError(
            f"invalid configuration: {_variable_name(first['loc'])}: {message}"
        ) from None
