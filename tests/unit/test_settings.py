"""Settings come from the environment, with clear errors for bad values."""

import subprocess
import sys

import pytest

from trelloql.settings import SandboxMode, Settings, SettingsError, load_settings

CLEAN = ("TRELLO_API_KEY", "TRELLO_TOKEN", "TRELLO_API_URL")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in CLEAN:
        monkeypatch.delenv(name, raising=False)


def test_defaults_use_the_sandbox() -> None:
    settings = load_settings()
    assert settings.port == 8080
    assert settings.host == "0.0.0.0"
    assert settings.graphiql is True
    assert settings.trello_api_url == "https://api.trello.com/1"
    assert settings.sandbox is SandboxMode.AUTO
    assert settings.use_sandbox is True


def test_credentials_turn_the_sandbox_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRELLO_API_KEY", "k" * 32)
    monkeypatch.setenv("TRELLO_TOKEN", "t" * 64)
    settings = load_settings()
    assert settings.use_sandbox is False
    assert settings.credentials() == ("k" * 32, "t" * 64)
    assert "k" * 32 not in repr(settings)
    assert "t" * 64 not in repr(settings)


def test_forced_sandbox_wins_over_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRELLO_API_KEY", "k" * 32)
    monkeypatch.setenv("TRELLO_TOKEN", "t" * 64)
    monkeypatch.setenv("TRELLOQL_SANDBOX", "true")
    assert load_settings().use_sandbox is True


@pytest.mark.parametrize(
    ("name", "value", "named"),
    [
        ("TRELLOQL_PORT", "eighty", "TRELLOQL_PORT"),
        ("TRELLOQL_PORT", "70000", "TRELLOQL_PORT"),
        ("TRELLOQL_GRAPHIQL", "maybe", "TRELLOQL_GRAPHIQL"),
        ("TRELLOQL_SANDBOX", "sometimes", "TRELLOQL_SANDBOX"),
        ("TRELLO_API_URL", "api.trello.com", "TRELLO_API_URL"),
        ("TRELLOQL_LOG_LEVEL", "LOUD", "TRELLOQL_LOG_LEVEL"),
        ("TRELLOQL_UPSTREAM_TIMEOUT", "0", "TRELLOQL_UPSTREAM_TIMEOUT"),
        ("TRELLOQL_SDL_DIR", "/nonexistent-dir", "TRELLOQL_SDL_DIR"),
    ],
)
def test_bad_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, named: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=named):
        load_settings()


def test_sandbox_off_needs_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRELLOQL_SANDBOX", "false")
    with pytest.raises(SettingsError, match="TRELLO_API_KEY and TRELLO_TOKEN"):
        load_settings()


def test_settings_are_read_at_start_up_not_import(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRELLOQL_PORT", "9999")
    assert Settings().port == 9999


def test_cli_exits_2_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"TRELLOQL_PORT": "not-a-port", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "trelloql", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "TRELLOQL_PORT" in lines[0]
