"""The store interface every backend implements, and the small types it speaks.

A store keeps one row per article (keyed by its url when known, else its ``doc_id``),
its parts in one table each, the failures of inputs that did not become an article, and
which input (path + content hash) produced which article so a re-run can skip unchanged
inputs before the pipeline runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..errors import InputError
from ..records import Record

if TYPE_CHECKING:
    from ..query import EventFilter, EventRow


@dataclass(frozen=True, slots=True)
class InputRef:
    """The input a record came from: its path, a hash of its raw content, its url if known."""

    path: str
    content_hash: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """One row of the failures table (the latest failure of that path)."""

    path: str
    reason: str
    detail: str
    time: str  # ISO 8601, UTC


def article_key(record: Record, ref: InputRef | None = None) -> str:
    """The article's identity: its url when known, else its doc_id (hash of clean text).

    Urls tell apart distinct articles that share a body (wire copies); the doc_id makes a
    text file re-read from another path the same article.
    """
    return record.source.url or (ref.url if ref else None) or record.doc_id


StoreItem = Record | tuple[Record, InputRef | None]


@runtime_checkable
class Store(Protocol):
    """What the runner, the query layer and the CLI need from a store."""

    def put(self, record: Record, ref: InputRef | None = None) -> str:
        """Write one article and all its parts atomically, replacing any earlier version
        of the same key; returns the key."""
        ...

    def put_many(self, items: Iterable[StoreItem]) -> list[str]:
        """Like :meth:`put` for several articles, batched into a few transactions."""
        ...

    def get(self, doc: str) -> Record | None:
        """The stored record by article key, doc_id or input path; None if absent."""
        ...

    def has(self, path_or_key: str) -> bool: ...

    def seen_paths(self) -> set[str]: ...

    def seen_inputs(self) -> dict[str, str | None]:
        """Input path -> content hash of every input that produced a stored article."""
        ...

    def add_failure(self, error: InputError) -> None: ...

    def failures(self, reason: str | None = None, limit: int | None = None) -> list[Failure]: ...

    def count_articles(self) -> int: ...

    def keys(self) -> list[str]: ...

    def query_events(self, flt: EventFilter) -> list[EventRow]: ...

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read query built by warta's SQL builders (values as parameters)."""
        ...

    def close(self) -> None: ...


def split_item(item: StoreItem) -> tuple[Record, InputRef | None]:
    if isinstance(item, Record):
        return item, None
    return item


def chunks(items: Iterable[StoreItem], size: int) -> Iterable[Sequence[StoreItem]]:
    batch: list[StoreItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
