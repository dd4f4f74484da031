"""Per-language knowledge as data: ``lang/<iso639-1>/<name>.toml``.

Code stays language-neutral and asks for a table by name (``load("id", "reporting")``);
adding a language means adding a folder, not touching code. A table a language lacks
is empty, so stages degrade instead of failing.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..cache import parse_toml


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """The table ``name`` for ``lang`` (read once per process), or ``{}`` if it has none."""
    path = resources.files("warta").joinpath("lang").joinpath(lang).joinpath(f"{name}.toml")
    if not path.is_file():
        return {}
    return parse_toml(path.read_text("utf-8"), f"lang-{lang}-{name}")


def data(name: str) -> dict[str, Any]:
    """A language-free table shipped in ``warta/data/<name>.toml`` (parsed through the
    cache; callers keep what they build from it)."""
    text = resources.files("warta").joinpath("data", f"{name}.toml").read_text("utf-8")
    return parse_toml(text, f"data-{name}.toml")


def available() -> tuple[str, ...]:
    """Languages that have a data folder."""
    root = resources.files("warta").joinpath("lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2))
