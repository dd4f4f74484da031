"""The warta record (``warta.record/1``): typed, frozen dataclasses and exact JSON.

Every stage of the pipeline receives a :class:`Record` and returns a new one
(``dataclasses.replace``); nothing is mutated in place. Field names and enumerations
follow ``spec/record.md``; fields beyond the contract (``sentences``,
``article.discarded``) are additions the contract allows.

Lists are tuples so records stay hashable and immutable. :mod:`warta.codec` turns
records into JSON-ready dicts, back again, and into a JSON Schema, all from the type
hints below, so the three never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA_ID = "warta.record/1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "MEDIA"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
Status = Literal["occurred", "ongoing", "planned", "threatened", "denied", "hypothetical"]
Stance = Literal["assert", "confirm", "deny", "refuse_to_deny", "predict", "demand"]
Qualifier = Literal["exact", "at_least", "at_most", "about", "order_of_magnitude"]
DatePrecision = Literal["day", "week", "month", "year"]
GeoPrecision = Literal["point", "town", "admin2", "admin1", "country"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``article.text``: ``[start, end)`` in code points."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Range:
    """Offsets only, for spans whose text is given elsewhere (quantities, sentences)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    path: str | None = None
    url: str | None = None
    publisher: str | None = None
    domain: str | None = None


@dataclass(frozen=True, slots=True)
class Image:
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Discard:
    """A line of the input left out of the body, and why (so users can audit cleaning)."""

    line: int  # 1-based line number in the input as read
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    title: str | None = None
    published: str | None = None  # ISO 8601 with the page's own UTC offset
    language: str | None = None  # ISO 639-1
    dateline: str | None = None
    authors: tuple[str, ...] = ()
    cited_sources: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    text: str = ""
    discarded: tuple[Discard, ...] = ()
    # (clean offset, input offset) anchors: from each anchor to the next, ``text`` copies the
    # input as read verbatim (input offset -1: not found in the input). See warta.extract.offsets.
    source_map: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    geonameid: int | None = None
    feature: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Participant:
    """An event's actor or recipient: the words used, and what they resolve to."""

    text: str
    entity: str | None = None
    code: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class DateWindow:
    start: str  # ISO date, inclusive
    end: str  # ISO date, inclusive
    precision: DatePrecision | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: EventType
    mode: str | None = None
    actor: Participant | None = None
    recipient: Participant | None = None
    place: str | None = None
    date: DateWindow | None = None
    status: Status = "occurred"
    quantities: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    trigger: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    speaker: Speaker
    stance: Stance
    cue: str
    content: Span
    date: str | None = None
    events: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    id: str
    text: str
    value: int | float
    qualifier: Qualifier
    span: Range
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    doc_id: str
    source: Source = field(default_factory=Source)
    article: Article = field(default_factory=Article)
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    sentences: tuple[Range, ...] = ()  # sentence boundaries in article.text
    schema: str = SCHEMA_ID
