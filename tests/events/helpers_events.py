"""Hand-built records for the event-layer tests: entities and places set by the test."""

from __future__ import annotations

import re

from warta.records import Article, Entity, Place, Record, Span
from warta.settings import Settings
from warta.text import sentences


def make_record(
    text: str,
    lang: str,
    published: str,
    entities: list[tuple[str, str, str | None, str | None, list[str]]],
    places: list[tuple[str, str, list[str]]] = (),  # type: ignore[assignment]
) -> Record:
    """``entities``: (name, type, code, sector, surface forms);
    ``places``: (name, country, surface forms)."""

    def spans(forms: list[str]) -> tuple[Span, ...]:
        out = [
            Span(m.start(), m.end(), m.group())
            for f in forms
            for m in re.finditer(re.escape(f), text)
        ]
        return tuple(sorted(out, key=lambda s: s.start))

    ents = tuple(
        Entity(f"e{i}", name, type_, code, sector, None, spans(forms))  # type: ignore[arg-type]
        for i, (name, type_, code, sector, forms) in enumerate(entities, 1)
    )
    plcs = tuple(
        Place(f"p{i}", name, country=country, feature="ADM1", mentions=spans(forms))
        for i, (name, country, forms) in enumerate(places, 1)
    )
    return Record(
        doc_id="t",
        article=Article(text=text, language=lang, published=published),
        entities=ents,
        places=plcs,
        sentences=sentences(text, lang),
    )


def run(record: Record) -> Record:
    from warta.events import EventStage
    from warta.events.claims import ClaimStage
    from warta.events.quantities import QuantityStage

    settings = Settings()
    for stage in (QuantityStage(settings), EventStage(settings), ClaimStage(settings)):
        record = stage(record)
    return record
