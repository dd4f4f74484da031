"""Outlets an article cites ("dilansir AFP", "provided by Reuters") as MEDIA entities.

The cleaner finds them (``article.cited_sources``), also on credit lines it keeps out of
the body and where a scraper glued the name to its neighbours ("kantor beritaTASSdari").
Each becomes an entity unless the text's own mentions already made one, with a mention
wherever the body writes the name, glued or not.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Entity, Span
from ..text import fold
from .knowledge import org_table
from .mentions import stopwords

_LOWER_RE = re.compile(r"[a-z]*")


def with_cited_sources(
    entities: tuple[Entity, ...], text: str, cited: tuple[str, ...], lang: str
) -> tuple[Entity, ...]:
    """``entities`` plus one MEDIA entity per cited outlet they lack, ids renumbered in
    order of first mention (outlets named only outside the body last)."""
    known = {fold(e.name) for e in entities} | {fold(m.text) for e in entities for m in e.mentions}
    added: list[Entity] = []
    for source in dict.fromkeys(cited):
        org = org_table().get(source)
        name = org.name if org is not None else source
        names = {fold(source), fold(name)}
        if names & known:
            continue
        known |= names
        spans = tuple(_occurrences(text, source, lang))
        code = org.code if org is not None else None
        sector = org.sector if org is not None else "PRE"
        added.append(Entity("", name, "MEDIA", code, sector, None, spans))
    if not added:
        return entities
    ordered = sorted([*entities, *added], key=_first)
    return tuple(replace(e, id=f"e{i}") for i, e in enumerate(ordered, 1))


def _first(e: Entity) -> float:
    return min((m.start for m in e.mentions), default=float("inf"))


def _occurrences(text: str, name: str, lang: str) -> list[Span]:
    """Where ``text`` writes ``name``: as a word, or glued to a function word or to a
    word whose case differs ("beritaTasnimdan", "TASSdari")."""
    out = []
    for m in re.finditer(re.escape(name), text):
        s, e = m.start(), m.end()
        left = s == 0 or not text[s - 1].isalpha() or (text[s - 1].islower() and name[0].isupper())
        tail = _LOWER_RE.match(text, e).group()  # type: ignore[union-attr]
        right = (
            e == len(text)
            or not text[e].isalpha()
            or (text[e].islower() and (name[-1].isupper() or tail in stopwords(lang)))
        )
        if left and right:
            out.append(Span(s, e, m.group()))
    return out
