"""An on-disk cache for read-only indexes that warta builds itself (e.g. the gazetteer).

Building some indexes from their packages takes seconds; loading the pickled result takes
a fraction of that. Entries live in the user cache dir (``$WARTA_CACHE_DIR``, else
``$XDG_CACHE_HOME/warta``, else ``~/.cache/warta``) and are keyed by warta's version, the
Python version, the caller's key (settings, package versions) and the source bytes of the
modules that build them, so an edit to the builder or an upgrade invalidates the entry.
Only files warta wrote itself are read; a damaged or unreadable entry is rebuilt, and a
cache dir that cannot be written is simply not used (``WARTA_CACHE_DIR=off`` disables it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_FORMAT = 1  # bump when the entry layout changes


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is switched off."""
    given = os.environ.get("WARTA_CACHE_DIR")
    if given:
        return None if given.lower() in ("off", "0", "none") else Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "warta"


def _module_bytes(name: str) -> bytes:
    spec = importlib.util.find_spec(name)
    origin = spec.origin if spec else None
    if not origin or not os.path.isfile(origin):
        return name.encode()
    return Path(origin).read_bytes()


def entry_key(name: str, key: Any, sources: Iterable[str] = ()) -> str:
    """The file stem of an entry: name plus a digest of everything it depends on."""
    from . import __version__

    h = hashlib.sha256()
    h.update(repr((_FORMAT, __version__, sys.version_info[:2], key)).encode())
    for module in sources:
        h.update(_module_bytes(module))
    return f"{name}-{h.hexdigest()[:20]}"


def cached(name: str, key: Any, build: Callable[[], T], sources: Iterable[str] = ()) -> T:
    """``build()``'s result, loaded from disk when an entry for (name, key, sources)
    exists, else built and saved. ``key`` must be a repr-stable value (tuples, strings,
    numbers); ``sources`` are module names whose code decides the result."""
    root = cache_dir()
    if root is None:
        return build()
    path = root / f"{entry_key(name, key, sources)}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)  # noqa: S301 - a file this function wrote
    except FileNotFoundError:
        pass
    except Exception:  # damaged, truncated, or from an incompatible build: rebuild it
        pass
    value = build()
    _save(path, value)
    return value


def _save(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: a reader never sees half an entry, even with parallel workers
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
