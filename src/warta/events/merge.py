"""Folding event mentions into events: one happening, one event, several evidence spans.

Two mentions are the same happening when they share a type, their actor and recipient
codes do not conflict, their places and date windows do not conflict, and either they sit
in the same sentence or both sides are known and equal. Over-merging would hide real
events, so mentions with a missing side merge only within a sentence.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import DateWindow, Event, Participant, Place, Quantity
from .detect import Mention

# place id -> (country, is the country itself): "Kursk" and "Rusia" do not conflict
_Places = dict[str, tuple[str | None, bool]]


def _code(p: Participant | None) -> str | None:
    return p.code if p else None


def _fits(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _dates_overlap(a: DateWindow | None, b: DateWindow | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _place_fits(a: str | None, b: str | None, places: _Places) -> bool:
    """Equal places, or one is the country the other lies in."""
    if _fits(a, b):
        return True
    ca, whole_a = places.get(a or "", (None, False))
    cb, whole_b = places.get(b or "", (None, False))
    return ca is not None and ca == cb and (whole_a or whole_b)


def _same(ev: Event, m: Mention, sentences: set[int], places: _Places) -> bool:
    if ev.type != m.type or not _place_fits(ev.place, m.place, places):
        return False
    if not _dates_overlap(ev.date, m.date):
        return False
    if not (
        _fits(_code(ev.actor), _code(m.actor)) and _fits(_code(ev.recipient), _code(m.recipient))
    ):
        return False
    if m.sentence in sentences:
        return True
    both_known = all((_code(ev.actor), _code(m.actor), _code(ev.recipient), _code(m.recipient)))
    return both_known and ev.status == m.status


def _better(a: Participant | None, b: Participant | None) -> Participant | None:
    """Keep the participant that says more (a code beats none, a sector beats none)."""
    if a is None:
        return b
    if b is None:
        return a
    score = lambda p: (p.code is not None) * 2 + (p.sector is not None) + (p.entity is not None)  # noqa: E731
    return b if score(b) > score(a) else a


def merge(
    mentions: list[Mention], quantities: tuple[Quantity, ...], places: tuple[Place, ...] = ()
) -> tuple[Event, ...]:
    """Events from mentions (ids v1, v2, ... in order of first mention)."""
    where: _Places = {
        p.id: (p.country, (p.feature or "").startswith("PCL") or p.precision == "country")
        for p in places
    }
    events: list[Event] = []
    sents: list[set[int]] = []
    for m in mentions:
        if m.anaphoric:  # joins the latest event of its type, or is dropped
            target = next(
                (i for i in range(len(events) - 1, -1, -1) if events[i].type == m.type), None
            )
            if target is None:
                continue
        else:
            target = next((i for i, ev in enumerate(events) if _same(ev, m, sents[i], where)), None)
        if target is None:
            events.append(
                Event(
                    id=f"v{len(events) + 1}", type=m.type, mode=m.mode,  # type: ignore[arg-type]
                    actor=m.actor, recipient=m.recipient, place=m.place, date=m.date,
                    status=m.status, evidence=(m.evidence,), trigger=m.trigger,  # type: ignore[arg-type]
                )
            )  # fmt: skip
            sents.append({m.sentence})
            continue
        ev = events[target]
        evidence = ev.evidence if m.evidence in ev.evidence else (*ev.evidence, m.evidence)
        events[target] = replace(
            ev,
            mode=ev.mode or m.mode,
            actor=_better(ev.actor, m.actor),
            recipient=_better(ev.recipient, m.recipient),
            place=m.place if where.get(ev.place or "", (None, True))[1] and m.place else ev.place,
            evidence=evidence,
        )
        sents[target].add(m.sentence)
    return tuple(replace(ev, quantities=_quantities_in(ev, quantities)) for ev in events)


def _quantities_in(ev: Event, quantities: tuple[Quantity, ...]) -> tuple[str, ...]:
    return tuple(
        q.id
        for q in quantities
        if any(s.start <= q.span.start and q.span.end <= s.end for s in ev.evidence)
    )
