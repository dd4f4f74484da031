"""Ingest: files, directories and scraper rows -> :class:`RawDocument` (or a reported failure).

A raw document is what a reader could decode, before any cleaning: the page text or HTML,
plus whatever metadata a scraper row already carried. Readers never raise for one bad
file or row; they yield an :class:`~warta.errors.InputError` in its place so a batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class RowMeta:
    """Metadata a scraper row (JSONL/CSV) already gives; ``None`` where it does not."""

    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    path: str  # as given on the command line; rows are "file#N" (N = 1-based row number)
    content: str  # decoded page text, or HTML when kind == "html"
    kind: Literal["text", "html"] = "text"
    meta: RowMeta = RowMeta()
