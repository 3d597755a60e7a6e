"""The README keeps its promises: every setting documented, the two commands up front."""

from pathlib import Path

from trelloql.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


def env_name(field: str) -> str:
    return field.upper() if field.startswith("trello_") else f"TRELLOQL_{field.upper()}"


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = [env_name(f) for f in Settings.model_fields if f"| `{env_name(f)}` |" not in README]
    assert missing == []


def test_readme_opens_with_the_serve_and_test_commands() -> None:
    opening = README.split("## ", 1)[0]
    assert "make serve" in opening
    assert "make test" in opening
