"""Linking mentions into entities: one entity per thing named, every mention attached.

Rules, in order: names of the same state/organisation/place are one entity; a person's
later short name ("Rutte") joins the full name ("Mark Rutte"); a head-of description
("Kepala NATO") joins the person holding that office in the text; a pronoun ("Ia", "he")
joins the most recent person mentioned before it. Office holders give a role only when
the text gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Entity, Span
from ..text import fold
from .knowledge import holder_for, holders
from .mentions import Mention

_WORD_RE = re.compile(r"[\w’'-]+")


@dataclass
class _Cluster:
    type: str
    name: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    head: bool = False
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _key(m: Mention) -> tuple[str, str]:
    if m.type == "GPE" and m.code:
        return ("STATE", m.code)
    if m.type in ("ORG", "MEDIA"):
        return ("ORG", m.name)
    return (m.type, fold(m.name))


def link(mentions: list[Mention], day: str | None = None) -> tuple[Entity, ...]:
    """Entities from mentions (sorted by position), ids e1.. in order of first mention."""
    clusters: dict[tuple[str, str], _Cluster] = {}
    people: list[_Cluster] = []
    pending: list[Mention] = []
    for m in mentions:
        if m.kind != "name":
            pending.append(m)
            continue
        key = _key(m)
        c = clusters.get(key)
        if c is None and m.type == "PERSON":
            c = _person_for(m.name, people)
        if c is None:
            c = clusters[key] = _Cluster(m.type, m.name, m.code, m.sector, m.role, m.head)
            if m.type == "PERSON":
                people.append(c)
        c.mentions.append(m)
        if m.role and not c.role:
            c.role, c.code, c.sector, c.head = m.role, m.code, m.sector, m.head
        if m.type == "PERSON" and len(m.name.split()) > len(c.name.split()):
            c.name = m.name
    for m in pending:
        if m.kind == "surname?":
            c = _person_for(m.text, people)
            if c is not None:
                c.mentions.append(m)
        elif m.kind == "description":
            holders_of = [p for p in people if p.code == m.code and p.head and p.role]
            if holders_of:
                holders_of[0].mentions.append(m)
        elif m.kind == "pronoun":
            before = [(max(x.start for x in p.mentions if x.start < m.start), p)
                      for p in people if any(x.start < m.start for x in p.mentions)]  # fmt: skip
            if before:
                max(before, key=lambda t: t[0])[1].mentions.append(m)
    out = []
    for c in sorted(clusters.values(), key=lambda c: c.first):
        if c.type == "PERSON" and (not c.role or " of " not in c.role):
            # the text's role wins; a bare "Presiden" is completed from the office table
            h = holder_for(c.name, day, c.role)
            if h is not None and (not c.role or h.role.startswith(c.role)):
                c.role, c.code, c.sector = h.role, h.code, h.sector
        spans = tuple(
            Span(m.start, m.end, m.text) for m in sorted(c.mentions, key=lambda m: m.start)
        )
        out.append((c, spans))
    return tuple(
        Entity(f"e{i}", c.name, c.type, c.code, c.sector, c.role, spans)  # type: ignore[arg-type]
        for i, (c, spans) in enumerate(out, 1)
    )


def _person_for(name: str, people: list[_Cluster]) -> _Cluster | None:
    """The person already seen whose name contains ``name`` word for word ("Rutte" in
    "Mark Rutte") or who is known under it as an office holder ("Putin")."""
    words = fold(name)
    known = holders().get(name)
    full = known[0].name if known else None
    for p in reversed(people):
        if full and p.name == full:
            return p
        # the words of every name it was written with ("Bartholomeus (Bart) Wirawan")
        written = [p.name, *(m.text for m in p.mentions if m.kind == "name")]
        pw = [fold(w) for n in written for w in _WORD_RE.findall(n)]
        nw = [fold(w) for w in name.split()]
        if nw and all(w in pw for w in nw) or words == fold(p.name):
            return p
    return None
