"""Resolving an actor/recipient phrase to an entity, an actor code and a sector.

Span overlap with the entity stage's mentions comes first; the phrase itself is then
asked for a country and a sector through ``warta.entities.sectors`` (imported lazily so
this layer still runs, with less, when that module is absent).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ..records import Entity, Participant, Record, Span

# Entity types that can act (a LOC/FAC is where things happen, not who does them)
_ACTOR_TYPES = ("GPE", "ORG", "PERSON", "NORP", "MEDIA")


@cache
def _helper(name: str) -> Callable[[str, str], str | None] | None:
    try:
        from ..entities import sectors
    except ImportError:
        return None
    return getattr(sectors, name, None)


def country_of(text: str, lang: str) -> str | None:
    """ISO alpha-3 implied by a phrase ("pasukan Korea Utara" -> "PRK"), if known."""
    fn = _helper("country_of")
    try:
        return fn(text, lang) if fn and text.strip() else None
    except Exception:  # a helper bug must not cost the whole event layer
        return None


def sector_of(text: str, lang: str) -> str | None:
    """PLOVER sector implied by a phrase ("Pasukan Korea Utara" -> "MIL"), if known."""
    fn = _helper("sector_of")
    try:
        return fn(text, lang) if fn and text.strip() else None
    except Exception:
        return None


def mentions_in(record: Record, start: int, end: int) -> list[tuple[Span, Entity]]:
    """Entity mentions overlapping ``[start, end)``, in text order."""
    out = [
        (m, e)
        for e in record.entities
        if e.type in _ACTOR_TYPES
        for m in e.mentions
        if m.start < end and m.end > start
    ]
    return sorted(out, key=lambda p: p[0].start)


def place_codes_in(record: Record, start: int, end: int) -> list[tuple[int, str, str]]:
    """(offset, place id, country) of place mentions overlapping ``[start, end)``."""
    out = [
        (m.start, p.id, p.country)
        for p in record.places
        if p.country
        for m in p.mentions
        if m.start < end and m.end > start
    ]
    return sorted(out)


def participant(record: Record, span: Span, lang: str) -> Participant | None:
    """The participant a phrase names, or ``None`` when it names nobody we can code."""
    if not span.text.strip():
        return None
    found = mentions_in(record, span.start, span.end)
    entity = found[0][1] if found else None
    code = next((e.code for _, e in found if e.code), None)
    if code is None:
        code = country_of(span.text, lang)
    if code is None:
        places = place_codes_in(record, span.start, span.end)
        code = places[0][2] if places else None
    sector = sector_of(span.text, lang) or (entity.sector if entity else None)
    if entity is None and code is None and sector is None:
        return None
    return Participant(span.text, entity.id if entity else None, code, sector)
