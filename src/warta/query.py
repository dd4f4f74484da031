"""The one query API over a store, shared by the CLI, the REST API and the dashboard.

Shells build an :class:`EventFilter` from their arguments and call these functions; no
query logic lives in a command or a route. Results are typed, frozen rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .errors import WartaError
from .records import EVENT_TYPES, Claim, Event, Place, Record
from .store.base import Failure

if TYPE_CHECKING:
    from .store.base import Store

__all__ = [
    "EventFilter", "EventRow", "Failure", "QueryError",
    "query_events", "count_articles", "list_failures", "get_article",
]  # fmt: skip


class QueryError(WartaError, ValueError):
    """A filter value that cannot be used (bad date, unknown event type, negative limit)."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. ``None`` means "any"; text matches ignore case.

    - ``country``: ISO 3166-1 alpha-3 (or alpha-2) of the event's place, actor or recipient.
    - ``type``/``mode``/``status``: PLOVER type, mode and the event's status.
    - ``since``/``until``: inclusive ISO dates; an event matches when its date window
      overlaps them (an event without a date uses its article's publication day).
    - ``actor``/``recipient``: an actor code (``RUS``, ``NATO``) or a substring of the words.
    - ``language``: ISO 639-1 of the article; ``publisher``: substring of its publisher.
    - ``article``: one article key.
    """

    country: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    actor: str | None = None
    recipient: str | None = None
    language: str | None = None
    publisher: str | None = None
    article: str | None = None
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit < 0 or self.offset < 0:
            raise QueryError("limit and offset must not be negative")
        if self.type is not None and self.type.upper() not in EVENT_TYPES:
            raise QueryError(f"unknown event type {self.type!r}; one of {list(EVENT_TYPES)}")
        for name in ("since", "until"):
            iso_day(getattr(self, name), name)  # fail early, at the shell boundary


def iso_day(value: date | str | None, name: str = "date") -> str | None:
    """``value`` as YYYY-MM-DD (a longer ISO timestamp keeps its date part)."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise QueryError(f"{name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-3 code from alpha-3 or alpha-2 input."""
    code = value.strip().upper()
    if len(code) == 2:
        import pycountry  # loaded only when someone filters by a 2-letter code

        found = pycountry.countries.get(alpha_2=code)
        if found is None:
            raise QueryError(f"unknown country code {value!r}")
        return str(found.alpha_3)
    return code


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event with what a reader needs beside it: its article and the claims about it."""

    article_key: str
    event: Event
    title: str | None
    url: str | None
    published: str | None
    path: str | None
    language: str | None
    publisher: str | None
    place: Place | None = None
    claims: tuple[Claim, ...] = ()

    def flat(self) -> dict[str, str | int | float | None]:
        """One flat row (for tables and CSV): the event, its place and who claims it."""
        e = self.event
        return {
            "event": e.id,
            "type": e.type,
            "mode": e.mode,
            "actor": e.actor.text if e.actor else None,
            "actor_code": e.actor.code if e.actor else None,
            "actor_sector": e.actor.sector if e.actor else None,
            "recipient": e.recipient.text if e.recipient else None,
            "recipient_code": e.recipient.code if e.recipient else None,
            "place": self.place.name if self.place else None,
            "country": self.place.country if self.place else None,
            "lat": self.place.lat if self.place else None,
            "lon": self.place.lon if self.place else None,
            "date_start": e.date.start if e.date else None,
            "date_end": e.date.end if e.date else None,
            "status": e.status,
            "claimed_by": "; ".join(f"{c.speaker.text} ({c.stance})" for c in self.claims),
            "evidence": e.evidence[0].text if e.evidence else None,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "url": self.url,
            "article": self.article_key,
        }


def query_events(store: Store, flt: EventFilter | None = None) -> list[EventRow]:
    """Events matching ``flt``, newest first (by event date, else publication day)."""
    return store.query_events(flt or EventFilter())


def count_articles(store: Store) -> int:
    return store.count_articles()


def list_failures(
    store: Store, reason: str | None = None, limit: int | None = None
) -> list[Failure]:
    """Inputs that did not become an article, latest first, optionally of one reason."""
    return store.failures(reason=reason, limit=limit)


def get_article(store: Store, doc: str) -> Record | None:
    """One stored record by article key (url or doc_id), doc_id or input path."""
    return store.get(doc)
