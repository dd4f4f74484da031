"""Running the entity stage on an invented text."""

from __future__ import annotations

from warta.entities import EntityStage
from warta.records import Article, Entity, Record
from warta.text import sentences


def entities_of(
    stage: EntityStage,
    text: str,
    lang: str,
    published: str | None = None,
    cited: tuple[str, ...] = (),
) -> tuple[Entity, ...]:
    """The entities of ``text``; every mention's text is checked against its offsets."""
    art = Article(text=text, language=lang, published=published, cited_sources=cited)
    ents = stage(Record(doc_id="t", article=art, sentences=sentences(text, lang))).entities
    for e in ents:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    return ents
