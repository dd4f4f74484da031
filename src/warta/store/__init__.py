"""Where records live: the :class:`Store` interface, DuckDB (default) and in-memory stores."""

from __future__ import annotations

from ..settings import Settings
from .base import Failure, InputRef, Store, StoreItem, article_key
from .duck import DuckDBStore, MemoryStore

__all__ = [
    "DuckDBStore", "Failure", "InputRef", "MemoryStore", "Store", "StoreItem",
    "article_key", "open_store",
]  # fmt: skip


def open_store(settings: Settings, *, read_only: bool = False) -> DuckDBStore:
    """The default store at ``settings.db_path`` (opened lazily, on first use)."""
    return DuckDBStore(settings.db_path, read_only=read_only)
