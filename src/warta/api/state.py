"""What one server process holds: the store (behind a lock), the pipeline, the tokens.

DuckDB lets one process hold a store file for writing, and a Python connection is not
safe to share between threads, so every store call goes through one lock. The pipeline is
built on the first ingest (it loads gazetteers and lexicons) and runs one document batch
at a time, outside the store lock, so reads go on while an article is being processed.
"""

from __future__ import annotations

import functools
import hmac
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..settings import Settings
from ..store.base import Store


class LockedStore:
    """A store whose every method call holds one lock (shared by all request threads)."""

    def __init__(self, store: Store, lock: threading.RLock | None = None) -> None:
        self._store = store
        self._lock = lock or threading.RLock()

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        @functools.wraps(attr)
        def locked(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attr(*args, **kwargs)

        return locked

    @contextmanager
    def held(self) -> Iterator[Store]:
        """The bare store, with the lock held: for code that uses its connection directly
        (merging, the merged-event queries), which the per-method lock cannot cover."""
        with self._lock:
            yield self._store


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How a server runs. ``token`` guards ingest (and reads when ``protect_reads``);
    no token means ingest is refused. ``read_only`` refuses ingest whatever the token."""

    token: str | None = None
    protect_reads: bool = False
    read_only: bool = False
    upload_dir: Path | None = None  # where uploaded files are kept; None: a temporary folder
    max_page: int = 1000  # largest page size of the list endpoints
    # largest request body in bytes (413 above it); None: twice max_input_bytes plus 1 MiB,
    # room for one page at the limit with JSON escaping or multipart framing
    max_body_bytes: int | None = None
    # merge new articles into merged events after each ingest (``warta merge``, incremental);
    # None: when the store has been merged before. A request's ``merge`` parameter overrides.
    merge_on_ingest: bool | None = None


@dataclass
class ServerState:
    store: LockedStore
    settings: Settings
    config: ServerConfig
    pipeline_factory: Callable[[Settings], Any] | None = None
    _pipeline: Any = None
    _ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    def pipeline(self) -> Any:
        """The pipeline, built once (callers hold :attr:`ingest_lock`)."""
        if self._pipeline is None:
            if self.pipeline_factory is not None:
                self._pipeline = self.pipeline_factory(self.settings)
            else:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
        return self._pipeline

    @property
    def ingest_lock(self) -> threading.Lock:
        return self._ingest_lock

    def upload_dir(self) -> Path:
        if self.config.upload_dir is None:
            self.config = _with_upload(self.config, Path(tempfile.mkdtemp(prefix="warta-")))
        assert self.config.upload_dir is not None
        self.config.upload_dir.mkdir(parents=True, exist_ok=True)
        return self.config.upload_dir

    def token_ok(self, given: str | None) -> bool:
        want = self.config.token
        return bool(want) and given is not None and hmac.compare_digest(
            given.encode("utf-8"), want.encode("utf-8")
        )


def _with_upload(config: ServerConfig, path: Path) -> ServerConfig:
    from dataclasses import replace

    return replace(config, upload_dir=path)
