"""Across articles: near-duplicates, syndication and relays, and one event from many outlets.

- :func:`merge_store` brings a store's merge tables up to date, incrementally (only new or
  changed articles are signed and linked; only the clusters their links touch are redone).
- :func:`set_link` undoes or redoes one merge (a person's decision survives later runs).
- :mod:`warta.merge.view` reads merged events back (list, filter, detail) for the query
  layer and the CLI.
"""

from __future__ import annotations

from .config import FAMILIES, MergeConfig
from .run import merge_store, set_link
from .types import ArticleSig, EventSig, Link, MergeError, MergeSummary

__all__ = [
    "FAMILIES", "ArticleSig", "EventSig", "Link", "MergeConfig", "MergeError", "MergeSummary",
    "merge_store", "set_link",
]  # fmt: skip
