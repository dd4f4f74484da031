"""One explicit settings object: packaged defaults < user TOML file < overrides.

Built once (by the CLI or the caller) and passed to whatever needs it; no module holds
mutable configuration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .cache import parse_toml
from .errors import SettingsError


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Column names of scraper rows in .jsonl/.csv inputs."""

    title: str = "title"
    body: str = "body"
    published: str = "published"
    url: str = "url"
    source: str = "source"
    author: str = "author"


@dataclass(frozen=True, slots=True)
class GeoSettings:
    min_city_population: int = 5000
    # Path of a GeoNames dump (allCountries.txt / cities500.txt format) to add to the
    # packaged gazetteer; "" for none.
    geonames_file: str = ""


@dataclass(frozen=True, slots=True)
class EntitySettings:
    # Add the packaged statistical NER model (warta/models/ner-<lang>.crfsuite) to the
    # rules, for languages that have one.
    ner: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    stages: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("id", "en", "ms")
    default_language: str = "id"
    db: str = "~/.local/share/warta/warta.duckdb"
    max_input_bytes: int = 20_000_000
    # Wall seconds one document may spend in the pipeline before it fails as "timeout"
    # (0 = no limit). Enforced with SIGALRM in the main thread, between stages elsewhere.
    max_seconds_per_doc: float = 60.0
    fields: FieldMap = field(default_factory=FieldMap)
    geo: GeoSettings = field(default_factory=GeoSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)

    @property
    def db_path(self) -> Path:
        return Path(os.path.expanduser(self.db))


_NESTED = {"fields": FieldMap, "geo": GeoSettings, "entities": EntitySettings}


def _merge(base: Settings, data: dict[str, Any], origin: str) -> Settings:
    known = {f.name for f in fields(Settings)}
    unknown = set(data) - known
    if unknown:
        raise SettingsError(f"{origin}: unknown setting(s) {sorted(unknown)}")
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key in _NESTED:
            if not isinstance(value, dict):
                raise SettingsError(f"{origin}: [{key}] must be a table")
            sub = getattr(base, key)
            sub_known = {f.name for f in fields(_NESTED[key])}
            bad = set(value) - sub_known
            if bad:
                raise SettingsError(f"{origin}: unknown setting(s) {key}.{sorted(bad)}")
            changes[key] = replace(sub, **value)
        elif key in ("stages", "languages"):
            changes[key] = tuple(value)
        else:
            changes[key] = value
    return replace(base, **changes)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # a user file: the packaged ones go through the parse cache

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"{path}: settings file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Packaged defaults, then the user file, then non-None ``overrides``."""
    packaged = parse_toml(
        resources.files("warta").joinpath("settings.toml").read_text("utf-8"), "settings"
    )
    settings = _merge(Settings(), packaged, "packaged settings.toml")
    user = config or os.environ.get("WARTA_CONFIG")
    if user:
        settings = _merge(settings, _read_toml(Path(user)), str(user))
    else:
        default_user = Path(os.path.expanduser("~/.config/warta/settings.toml"))
        if default_user.is_file():
            settings = _merge(settings, _read_toml(default_user), str(default_user))
    if os.environ.get("WARTA_DB") and overrides.get("db") is None:
        overrides["db"] = os.environ["WARTA_DB"]
    given = {k: v for k, v in overrides.items() if v is not None}
    return _merge(settings, given, "overrides") if given else settings
