"""One event with its evidence: every source article, its claims, and what to highlight.

This is what a reader needs to go from a dot on a map to the sentences that put it there:
for each source article, its original text with the spans to mark (the sentences holding
the evidence, the evidence itself, the content of each claim), and the claim picture
("confirmed by ..., denied by ..."). An event has one source today; an event merged
across articles will list one :class:`Source` per article with the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .records import Claim, Event, Place, Record

if TYPE_CHECKING:
    from .store.base import Store

HighlightKind = Literal["sentence", "evidence", "claim"]
# The order stances are told in, and how a sentence says each.
STANCE_WORDS: dict[str, str] = {
    "confirm": "confirmed by",
    "assert": "stated by",
    "refuse_to_deny": "not denied by",
    "deny": "denied by",
    "predict": "predicted by",
    "demand": "demanded by",
}


@dataclass(frozen=True, slots=True)
class Highlight:
    """A stretch ``[start, end)`` of the source's text to mark, and why."""

    start: int
    end: int
    kind: HighlightKind
    claim: str | None = None  # the claim id, for kind == "claim"


@dataclass(frozen=True, slots=True)
class Source:
    """One article reporting the event, as that article tells it."""

    article_key: str
    event: Event
    title: str | None
    url: str | None
    published: str | None
    publisher: str | None
    language: str | None
    text: str
    place: Place | None
    claims: tuple[Claim, ...]
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True, slots=True)
class StanceGroup:
    """Everyone who took one stance on the event, e.g. ("deny", "denied by", (...))."""

    stance: str
    words: str
    speakers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventDetail:
    ref: str
    event: Event
    place: Place | None
    sources: tuple[Source, ...]
    picture: tuple[StanceGroup, ...]

    @property
    def summary(self) -> str:
        """The claim picture in one line: "confirmed by A, B; denied by C"."""
        return "; ".join(f"{g.words} {', '.join(g.speakers)}" for g in self.picture)


def claims_about(record: Record, event: Event) -> tuple[Claim, ...]:
    """Claims linked to ``event`` either way (the claim names it, or it names the claim)."""
    return tuple(c for c in record.claims if event.id in c.events or c.id in event.claims)


def highlights(record: Record, event: Event, claims: tuple[Claim, ...]) -> tuple[Highlight, ...]:
    """Spans to mark in ``record.article.text``: sentences with evidence, evidence, claims."""
    size = len(record.article.text)
    marks: list[Highlight] = []
    for span in event.evidence:
        for sent in record.sentences:
            if sent.start < span.end and span.start < sent.end:
                marks.append(Highlight(sent.start, sent.end, "sentence"))
        marks.append(Highlight(span.start, span.end, "evidence"))
    for claim in claims:
        marks.append(Highlight(claim.content.start, claim.content.end, "claim", claim.id))
    kept = {m for m in marks if 0 <= m.start < m.end <= size}  # never trust offsets blindly
    return tuple(sorted(kept, key=lambda m: (m.start, -m.end, m.kind)))


def picture(claims: list[Claim] | tuple[Claim, ...]) -> tuple[StanceGroup, ...]:
    """Speakers grouped by stance, in :data:`STANCE_WORDS` order, each named once."""
    groups: list[StanceGroup] = []
    for stance, words in STANCE_WORDS.items():
        names: dict[str, None] = {}
        for claim in claims:
            if claim.stance == stance and claim.speaker.text.strip():
                names.setdefault(claim.speaker.text.strip(), None)
        if names:
            groups.append(StanceGroup(stance, words, tuple(names)))
    return tuple(groups)


def source_of(record: Record, article_key: str, event: Event) -> Source:
    """``event`` as told by the article ``record`` (stored under ``article_key``)."""
    claims = claims_about(record, event)
    place = next((p for p in record.places if p.id == event.place), None)
    return Source(
        article_key=article_key,
        event=event,
        title=record.article.title,
        url=record.source.url,
        published=record.article.published,
        publisher=record.source.publisher,
        language=record.article.language,
        text=record.article.text,
        place=place,
        claims=claims,
        highlights=highlights(record, event, claims),
    )


def event_detail(store: Store, ref: str) -> EventDetail | None:
    """The event ``ref`` (from :func:`warta.query.event_ref`) with its evidence; None if absent."""
    from .query import parse_event_ref

    key, event_id = parse_event_ref(ref)
    record = store.get(key)
    if record is None:
        return None
    event = next((e for e in record.events if e.id == event_id), None)
    if event is None:
        return None
    source = source_of(record, key, event)
    return EventDetail(ref, event, source.place, (source,), picture(source.claims))
