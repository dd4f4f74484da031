"""Settings: packaged defaults, user file, overrides, and clear errors."""

from pathlib import Path

import pytest

from warta.errors import SettingsError
from warta.settings import load_settings


def test_defaults_are_packaged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARTA_CONFIG", raising=False)
    monkeypatch.delenv("WARTA_DB", raising=False)
    monkeypatch.setenv("HOME", "/nonexistent-home")
    s = load_settings()
    assert "entities" in s.stages and s.stages[0] == "language"
    assert s.fields.body == "body"
    assert s.db_path == Path("/nonexistent-home/.local/share/warta/warta.duckdb")


def test_user_file_then_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARTA_DB", raising=False)
    cfg = tmp_path / "s.toml"
    cfg.write_text('db = "/tmp/a.duckdb"\nlanguages = ["en"]\n[fields]\nbody = "content"\n')
    s = load_settings(cfg)
    assert s.languages == ("en",) and s.fields.body == "content" and s.fields.title == "title"
    assert load_settings(cfg, db="/tmp/b.duckdb").db == "/tmp/b.duckdb"
    monkeypatch.setenv("WARTA_DB", "/tmp/c.duckdb")
    assert load_settings(cfg).db == "/tmp/c.duckdb"


@pytest.mark.parametrize(
    "content, message",
    [("nonsense = 1\n", "unknown setting"), ("[fields]\nbodyy = 'x'\n", "unknown setting"),
     ("db = [\n", "not valid TOML")],
)  # fmt: skip
def test_bad_files_are_clear(tmp_path: Path, content: str, message: str) -> None:
    cfg = tmp_path / "s.toml"
    cfg.write_text(content)
    with pytest.raises(SettingsError, match=message):
        load_settings(cfg)
    with pytest.raises(SettingsError, match="not found"):
        load_settings(tmp_path / "missing.toml")
