"""What one merged event says across its articles: fields, claims by stance, quantities.

Claims are grouped by stance with their speakers ("confirmed by NATO, South Korea's
intelligence service; Russia refused to deny"); quantities keep every report, grouped by
unit, with their spread ("at least 12" .. "12").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..records import Claim, Event, Place, Quantity, Record
from ..text import fold

# How a stance reads in a one-line summary: (verb, whether the speaker goes first).
_STANCE = {
    "confirm": ("confirmed by", False),
    "assert": ("said by", False),
    "deny": ("denied by", False),
    "refuse_to_deny": ("refused to deny", True),
    "predict": ("predicted by", False),
    "demand": ("demanded by", False),
}
_PRECISION = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4, None: 5}


@dataclass(frozen=True, slots=True)
class Member:
    """One article event inside a merged event, with its article's record."""

    key: str
    record: Record
    event: Event

    @property
    def place(self) -> Place | None:
        return next((p for p in self.record.places if p.id == self.event.place), None)


def claims_of(m: Member) -> list[Claim]:
    """Claims about this event: linked either way, or stated over its evidence."""
    ev = m.event
    out = []
    for c in m.record.claims:
        linked = ev.id in c.events or c.id in ev.claims
        over = any(s.start < c.content.end and c.content.start < s.end for s in ev.evidence)
        if linked or over:
            out.append(c)
    return out


def claims_by_stance(members: list[Member]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for m in members:
        for c in claims_of(m):
            speaker = c.speaker.text.strip()
            if (c.stance, fold(speaker)) in seen:
                continue
            seen.add((c.stance, fold(speaker)))
            out.setdefault(c.stance, []).append(
                {"speaker": speaker, "article": m.key, "claim": c.id, "content": c.content.text}
            )
    return out


def stance_line(by_stance: dict[str, list[dict[str, str]]]) -> str:
    parts = []
    for stance, items in by_stance.items():
        verb, speaker_first = _STANCE.get(stance, (stance, False))
        names = ", ".join(i["speaker"] for i in items)
        parts.append(f"{names} {verb}" if speaker_first else f"{verb} {names}")
    return "; ".join(parts)


def quantity_spread(members: list[Member]) -> list[dict[str, object]]:
    """Per unit: every reported quantity and the range they span."""
    units: dict[str, list[dict[str, object]]] = {}
    for m in members:
        by_id: dict[str, Quantity] = {q.id: q for q in m.record.quantities}
        for qid in m.event.quantities:
            q = by_id.get(qid)
            if q is not None:
                units.setdefault(q.unit or "", []).append(
                    {"text": q.text, "value": q.value, "qualifier": q.qualifier, "article": m.key}
                )
    out = []
    for unit, reports in units.items():
        values = [float(r["value"]) for r in reports]  # type: ignore[arg-type]
        out.append(
            {"unit": unit or None, "min": min(values), "max": max(values), "reports": reports}
        )
    return out


def common(values: list[str | None]) -> str | None:
    known = [v for v in values if v]
    return Counter(known).most_common(1)[0][0] if known else None


def best_place(members: list[Member]) -> Place | None:
    places = [p for p in (m.place for m in members) if p is not None]
    return min(places, key=lambda p: _PRECISION.get(p.precision, 5)) if places else None


def date_window(members: list[Member]) -> tuple[str | None, str | None]:
    """The narrowest window all members agree on, else the span of all of them."""
    dates = [m.event.date for m in members if m.event.date]
    if not dates:
        return None, None
    start, end = max(d.start for d in dates), min(d.end for d in dates)
    if start <= end:
        return start, end
    return min(d.start for d in dates), max(d.end for d in dates)
