"""An on-disk cache for read-only indexes that warta builds itself (e.g. the gazetteer).

Building some indexes from their packages takes seconds; loading the pickled result takes
a fraction of that. Entries live in the user cache dir (``$WARTA_CACHE_DIR``, else
``$XDG_CACHE_HOME/warta``, else ``~/.cache/warta``) and are keyed by warta's version, the
Python version, the caller's key (settings, package versions) and the source bytes of the
modules that build them, so an edit to the builder or an upgrade invalidates the entry.
Only files warta wrote itself are read; a damaged or unreadable entry is rebuilt, and a
cache dir that cannot be written is simply not used (``WARTA_CACHE_DIR=off`` disables it).
Writing an entry removes all but the four most recently used of the same name.

:func:`parse_toml` keeps parsed TOML data files the same way, keyed by their text.

Loading is on the start-up path (first record), so entries are written to load fast:
frozen slotted dataclasses are stored as constructor calls (``dataclasses``' own
``__setstate__`` looks up ``fields()`` once per object: most of a large index's load
time), large sets of words as one string, and the cyclic garbage collector is paused
while an entry is read.
"""

from __future__ import annotations

import dataclasses
import gc
import glob
import hashlib
import importlib.util
import io
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_FORMAT = 4  # bump when the entry layout changes


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


def entry_path(
    name: str, key: Any, sources: Iterable[str] = (), suffix: str = ".pickle"
) -> Path | None:
    """Where the entry for (name, key, sources) lives, or None when caching is off. For
    entries that are not pickles (:func:`cached`), written with :func:`save_file`; an
    existing one is marked as used."""
    root = cache_dir()
    if root is None:
        return None
    path = root / f"{entry_key(name, key, sources)}{suffix}"
    _touch(path)
    return path


def cached(name: str, key: Any, build: Callable[[], T], sources: Iterable[str] = ()) -> T:
    """``build()``'s result, loaded from disk when an entry for (name, key, sources)
    exists, else built and saved. ``key`` must be a repr-stable value (tuples, strings,
    numbers); ``sources`` are module names whose code decides the result."""
    root = cache_dir()
    if root is None:
        return build()
    path = root / f"{entry_key(name, key, sources)}.pickle"
    try:
        value = _load(path)
    except FileNotFoundError:
        pass
    except Exception:  # damaged, truncated, or from an incompatible build: rebuild it
        pass
    else:
        _touch(path)
        return value
    value = build()
    _save(path, value)
    return value


KEEP = 4  # entries kept per name: each edit of a builder or upgrade writes a new one


def _touch(path: Path) -> None:
    try:  # the modification time says when an entry was last used (see _prune)
        os.utime(path)
    except OSError:
        pass


def _prune(root: Path, name: str, suffix: str = ".pickle") -> None:
    """Remove all but the ``KEEP`` most recently used entries called ``name``."""
    try:  # not "name-other-..."
        mine = re.compile(rf"{re.escape(name)}-[0-9a-f]{{20}}{re.escape(suffix)}")
        pattern = f"{glob.escape(name)}-*{glob.escape(suffix)}"
        entries = [p for p in root.glob(pattern) if mine.fullmatch(p.name)]
        entries.sort(key=_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _load(path: Path) -> Any:
    with open(path, "rb") as f:
        data = f.read()
    # an index is hundreds of thousands of new containers: without the pause the collector
    # runs every 700 of them, over a heap that only grows (about half the load time)
    paused = gc.isenabled()
    gc.disable()
    try:
        value = pickle.loads(data)  # noqa: S301 - a file this module wrote
    finally:
        if paused:
            gc.enable()
    # entries are read-only indexes kept for the life of the process: move them (and what
    # else lives now) out of the collector's sight, or its next young collections walk
    # every object of the index once more (a quarter of a second for the gazetteer)
    gc.freeze()
    return value


# class -> its field names when an instance is fully rebuilt by ``cls(*values)``, else None
_PLAIN: dict[type, tuple[str, ...] | None] = {}


def _plain_fields(cls: type) -> tuple[str, ...] | None:
    if cls not in _PLAIN:
        names = None
        params = getattr(cls, "__dataclass_params__", None)
        if params is not None and params.frozen and "__slots__" in cls.__dict__:
            fields = dataclasses.fields(cls)  # type: ignore[arg-type]
            getstate = getattr(cls, "__getstate__", None)
            # all state is in init fields; no hook runs on construction or pickling
            if (
                all(f.init and not f.kw_only for f in fields)
                and not hasattr(cls, "__post_init__")
                and getattr(getstate, "__name__", "") == "_dataclass_getstate"
                and cls.__reduce_ex__ is object.__reduce_ex__
                and cls.__reduce__ is object.__reduce__
            ):
                names = tuple(f.name for f in fields)
        _PLAIN[cls] = names
    return _PLAIN[cls]


def _word_set(lines: str) -> frozenset[str]:
    return frozenset(lines.split("\n"))


def _words(obj: frozenset[Any]) -> str | None:
    """A large set of one-line strings as one string, or None: splitting it and hashing
    the pieces loads in half the time of unpickling them one by one (a word list)."""
    if len(obj) < 1000 or not all(type(w) is str and "\n" not in w for w in obj):
        return None
    return "\n".join(obj)


class _Words:
    """A word set as its lines, pickled as a call of :func:`_word_set` (the pickler asks
    ``reducer_override`` about no set, so an entry that is one is wrapped in this)."""

    def __init__(self, lines: str) -> None:
        self.lines = lines

    def __reduce__(self) -> tuple[Any, ...]:
        return _word_set, (self.lines,)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        names = _plain_fields(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, n) for n in names)


def _dumps(value: object) -> bytes:
    buf = io.BytesIO()
    lines = _words(value) if type(value) is frozenset else None
    _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(value if lines is None else _Words(lines))
    return buf.getvalue()


def _save(path: Path, value: object) -> None:
    save_file(path, lambda tmp: tmp.write_bytes(_dumps(value)), errors=(pickle.PicklingError,))


def save_file(
    path: Path, write: Callable[[Path], object], errors: tuple[type[Exception], ...] = ()
) -> bool:
    """Make the entry at ``path`` (from :func:`entry_path`) with ``write(tmp)``, which
    fills a new file ``tmp``; then drop old entries of its name. False, and no entry, when
    the cache dir cannot be written or ``write`` raises ``OSError`` or one of ``errors``."""
    import tempfile  # only when writing: not on the start-up path

    caught: tuple[type[BaseException], ...] = (OSError, *errors)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: a reader never sees half an entry, even with parallel workers
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        os.close(fd)
        write(Path(tmp))
        os.replace(tmp, path)
    except caught:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
    _prune(path.parent, path.stem[: -len("-0123456789abcdef0123")], path.suffix)
    return True


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the cache when this very text was parsed before:
    tomllib (pure Python, and 30 ms to import) took a tenth of a second of start-up over
    warta's data files; unpickling their tables takes a few ms. ``name`` names the entry
    (one per file: "lang-id-events"). Raises what tomllib raises; each call returns new
    objects, as tomllib does."""
    root = cache_dir()
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    path = None if root is None else root / f"{entry_key(f'toml-{name}', digest)}.pickle"
    if path is not None:
        try:
            with open(path, "rb") as f:
                value = pickle.load(f)  # noqa: S301 - a file this module wrote
        except Exception:  # missing or damaged: parse (and save) it again
            pass
        else:
            if isinstance(value, dict):
                _touch(path)
                return value
    import tomllib

    value = tomllib.loads(text)
    if path is not None:
        _save(path, value)
    return value


def dist_version(dist: str) -> str:
    """The installed version of distribution ``dist`` (whose top-level package has the same
    name), read from its ``.dist-info`` folder name: ``importlib.metadata`` and the email
    parser it needs cost some 30 ms of start-up. For cache keys (see :func:`cached`)."""
    spec = importlib.util.find_spec(dist)
    for where in (spec.submodule_search_locations or ()) if spec else ():
        site = os.path.dirname(where)
        prefix = f"{dist}-".casefold()
        for name in os.listdir(site):
            if name.casefold().startswith(prefix) and name.endswith(".dist-info"):
                version = name[len(prefix) : -len(".dist-info")]
                if version[:1].isdigit():
                    return version
    from importlib.metadata import version as metadata_version

    return metadata_version(dist)
