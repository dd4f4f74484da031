"""Typed rows of the merge layer: signatures, links, clusters, merged events, summaries."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import WartaError


class MergeError(WartaError, ValueError):
    """A merge request that cannot be carried out (unknown link or event id)."""


@dataclass(frozen=True, slots=True)
class ArticleSig:
    """What merging needs of one article, computed once and stored."""

    key: str
    doc_id: str
    stored_at: object  # the article row's stored_at (a change means: recompute)
    published: str | None
    published_ts: float | None  # seconds since the epoch, UTC
    outlet: str | None  # folded publisher name (or domain)
    cited: tuple[str, ...]  # folded names of outlets the article says it draws on
    language: str | None
    n_shingles: int
    minhash: np.ndarray = field(repr=False)  # uint64[num_perm]
    emb: np.ndarray = field(repr=False)  # title + lead
    temb: np.ndarray = field(repr=False)  # title alone
    encoder: str


@dataclass(frozen=True, slots=True)
class EventSig:
    """One article event with the fields merging compares (place resolved, text embedded)."""

    article_key: str
    event_id: str
    type: str
    actor_code: str | None
    recipient_code: str | None
    geonameid: int | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    date_start: str | None
    date_end: str | None
    published_ts: float | None
    emb: np.ndarray = field(repr=False)

    @property
    def node(self) -> tuple[str, str]:
        return (self.article_key, self.event_id)


@dataclass(frozen=True, slots=True)
class Link:
    """A scored reason to put two articles (or two events) together."""

    level: str  # "article" | "event"
    a: tuple[str, str | None]  # (article key, event id or None)
    b: tuple[str, str | None]
    kind: str  # duplicate | story | event
    score: float
    evidence: dict[str, object] = field(default_factory=dict)
    state: str = "active"  # active | undone
    decided_by: str = "auto"  # auto | user
    id: str = ""


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What one merge run did."""

    new_articles: int
    removed_articles: int
    article_links: int  # links added in this run
    event_links: int
    clusters_recomputed: int
    merged_recomputed: int
    encoder: str
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        return (
            f"merge: {self.new_articles} new/changed articles, {self.removed_articles} removed; "
            f"+{self.article_links} article links, +{self.event_links} event links; "
            f"{self.clusters_recomputed} story clusters and {self.merged_recomputed} merged "
            f"events recomputed ({self.encoder}) in {self.seconds:.1f} s"
        )
