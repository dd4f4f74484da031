"""Scoring one record against its gold file, measure by measure (``spec/scoring.md``).

:func:`score_record` returns a :class:`~warta.eval.counts.Counts` per measure row the gold
file supports, in the order of :data:`MEASURES`. Item lists are matched one to one by
:func:`warta.eval.match.match`; predictions are taken in document order (first mention,
first evidence span, claim content, quantity span), gold in file order.

Choices the spec leaves open, made here:

- ``events.full`` is its own one-to-one matching with the stricter test (not a filter
  over ``events.type`` pairs), so it gets its own fp/fn/duplicates;
- ``events.status`` and ``events.place`` judge the pairs matched for ``events.type``: a
  right answer is a tp, a wrong one an fp and an fn (so P = R = accuracy), a missing place
  an fn; a pair whose gold gives no place is not counted for ``events.place``;
- in ``events.full`` the actor's sector is checked where gold gives one, the recipient's
  code always (a missing recipient is right only when gold's list holds null); a gold
  date window must overlap the predicted one (a missing predicted date is wrong);
- codes compare case-insensitively; a gold span that cannot be found in ``article.text``
  can overlap nothing, so the item it supports cannot be matched;
- quantities match on value, unit and qualifier only (no span), as the spec says.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from ..records import Claim, Entity, Event, Place, Quantity, Record
from ..text import fold
from . import gold as goldmod
from .counts import Counts
from .match import Matching, match
from .meta import score_body, score_meta
from .spans import Offsets, TextIndex, overlaps

MEASURES: tuple[str, ...] = (
    "body.paragraphs", "body.boilerplate",
    "meta.title", "meta.language", "meta.dateline", "meta.publisher", "meta.published",
    "meta.authors", "meta.cited_sources",
    "entities", "places",
    "events.type", "events.full", "events.status", "events.place",
    "claims", "quantities",
)  # fmt: skip

_NOWHERE = 1 << 62  # sorts items without any span after every located one


def score_record(record: Record, gold: dict[str, Any]) -> dict[str, Counts]:
    """Counts per measure for one record; ``gold`` is a gold dict (normalised here)."""
    return score_and_explain(record, gold)[0]


def explain_record(record: Record, gold: dict[str, Any]) -> dict[str, list[str]]:
    """What went wrong, per list measure: missed gold, false and duplicate predictions."""
    return score_and_explain(record, gold)[1]


def score_and_explain(
    record: Record, gold: dict[str, Any]
) -> tuple[dict[str, Counts], dict[str, list[str]]]:
    """Both of the above from one scoring pass."""
    scorer = _Scorer(record, gold)
    found = scorer.run()
    notes: dict[str, list[str]] = {}
    for name, m in found.items():
        lines = [f"missed: {scorer.describe_gold(name, i)}" for i in m.missed]
        lines += [f"false: {scorer.describe_pred(name, j)}" for j in m.false]
        lines += [f"duplicate: {scorer.describe_pred(name, j)}" for j in m.duplicates]
        if lines:
            notes[name] = lines
    return {name: m.counts for name, m in found.items()}, notes


class _Scorer:
    def __init__(self, record: Record, gold: dict[str, Any]) -> None:
        self.record = record
        self.gold = goldmod.parse(gold)
        self.index = TextIndex(record.article.text)
        self.entity_by_id = {e.id: e for e in record.entities}
        self.place_by_id = {p.id: p for p in record.places}
        self.entities = _ordered(record.entities, lambda e: _first(e.mentions))
        self.places = _ordered(record.places, lambda p: _first(p.mentions))
        self.events = _ordered(record.events, lambda v: _first(v.evidence))
        self.claims = _ordered(record.claims, lambda c: c.content.start)
        self.quantities = _ordered(record.quantities, lambda q: q.span.start)

    def run(self) -> dict[str, Matching]:
        found: dict[str, Matching] = {}
        for name, counts in score_body(self.record, self.gold, self.index).items():
            found[name] = Matching(counts)
        for name, counts in score_meta(self.record, self.gold).items():
            found[name] = Matching(counts)
        g = self.gold
        found["entities"] = match(g["entities"], self.entities, self.entity_ok)
        found["places"] = match(g["places"], self.places, self.place_ok)
        typed = match(g["events"], self.events, self.event_type_ok)
        found["events.type"] = typed
        found["events.full"] = match(g["events"], self.events, self.event_full_ok)
        found["events.status"] = self._judge(typed, lambda ge, ev: ev.status in ge["status"])
        found["events.place"] = self._event_places(typed)
        found["claims"] = match(g["claims"], self.claims, self.claim_ok)
        found["quantities"] = match(g["quantities"], self.quantities, self.quantity_ok)
        return {name: found[name] for name in MEASURES if name in found}

    # --- predicates: does prediction p satisfy gold item g? ---------------------------

    def located(self, strings: list[str]) -> Offsets:
        return tuple(hit for s in strings for hit in self.index.find(s))

    def entity_ok(self, g: dict[str, Any], e: Entity) -> bool:
        if e.type not in g["type"]:
            return False
        if e.type == "GPE" and e.code and _code_in(e.code, g["code"], allow_missing=False):
            return True
        return _name_in([e.name, *(m.text for m in e.mentions)], g["names"])

    def place_ok(self, g: dict[str, Any], p: Place) -> bool:
        return place_matches(g, p)

    def event_type_ok(self, g: dict[str, Any], v: Event) -> bool:
        if v.type not in g["type"]:
            return False
        gold_spans = self.located(g["evidence"])
        return any(overlaps(s.start, s.end, gold_spans) for s in v.evidence)

    def event_full_ok(self, g: dict[str, Any], v: Event) -> bool:
        if not self.event_type_ok(g, v):
            return False
        actor, recipient = g["actor"], g["recipient"]
        a_code = v.actor.code if v.actor else None
        a_sector = v.actor.sector if v.actor else None
        r_code = v.recipient.code if v.recipient else None
        if not _code_in(a_code, actor["code"], allow_missing=True):
            return False
        if "sector" in actor and not _code_in(a_sector, actor["sector"], allow_missing=True):
            return False
        if not _code_in(r_code, recipient["code"], allow_missing=True):
            return False
        return g["date"] is None or (v.date is not None and _windows_overlap(g["date"], v.date))

    def claim_ok(self, g: dict[str, Any], c: Claim) -> bool:
        if c.stance not in g["stance"]:
            return False
        if not overlaps(c.content.start, c.content.end, self.located(g["evidence"])):
            return False
        said = [c.speaker.text]
        entity = self.entity_by_id.get(c.speaker.entity or "")
        if entity is not None:
            said.append(entity.name)
        return _contains_either(said, g["speaker"]["names"])

    def quantity_ok(self, g: dict[str, Any], q: Quantity) -> bool:
        return (
            any(math.isclose(q.value, v, rel_tol=1e-9, abs_tol=1e-9) for v in g["value"])
            and q.qualifier in g["qualifier"]
            and _code_in(q.unit, g["unit"], allow_missing=True)
        )

    # --- attributes of matched events ---------------------------------------------------

    def _judge(self, typed: Matching, right: Any) -> Matching:
        tp = wrong = 0
        false: list[int] = []
        for gi, pj in typed.pairs:
            if right(self.gold["events"][gi], self.events[pj]):
                tp += 1
            else:
                wrong += 1
                false.append(pj)
        return Matching(Counts(tp=tp, fp=wrong, fn=wrong), false=tuple(false))

    def _event_places(self, typed: Matching) -> Matching:
        tp = fp = fn = 0
        false: list[int] = []
        for gi, pj in typed.pairs:
            gplace = self.gold["events"][gi]["place"]
            if gplace is None:
                continue
            place = self.place_by_id.get(self.events[pj].place or "")
            if place is None:
                fn += 1
            elif self.place_ok(gplace, place):
                tp += 1
            else:
                fp, fn = fp + 1, fn + 1
                false.append(pj)
        return Matching(Counts(tp=tp, fp=fp, fn=fn), false=tuple(false))

    # --- explanations ---------------------------------------------------------------------

    def describe_gold(self, measure: str, i: int) -> str:
        part = measure.split(".")[0]
        if part in ("meta", "body"):
            return measure
        item = self.gold[part][i]
        keys = ("type", "names", "evidence", "speaker", "stance", "text", "value", "unit")
        shown = {k: item[k] for k in keys if k in item}
        return repr(shown)[:240]

    def describe_pred(self, measure: str, j: int) -> str:
        part = measure.split(".")[0]
        items = {
            "entities": self.entities,
            "places": self.places,
            "events": self.events,
            "claims": self.claims,
            "quantities": self.quantities,
        }.get(part)
        return repr(items[j])[:240] if items is not None else measure


def place_matches(g: dict[str, Any], p: Place) -> bool:
    """Equal geonameid, or where gold gives none, equal country and a name in gold's names."""
    if g["geonameid"]:
        return p.geonameid in g["geonameid"]
    return _code_in(p.country, g["country"], allow_missing=True) and _name_in(
        [p.name, *(m.text for m in p.mentions)], g["names"]
    )


def _ordered(items: tuple[Any, ...], key: Any) -> list[Any]:
    # sorted() is stable: items at the same offset keep the record's own order
    return sorted(items, key=key)


def _first(spans: tuple[Any, ...]) -> int:
    return min((s.start for s in spans), default=_NOWHERE)


def _code_in(value: str | None, accepted: list[Any], allow_missing: bool) -> bool:
    if value is None or value == "":
        return allow_missing and None in accepted
    return any(a is not None and fold(a) == fold(value) for a in accepted)


def _name_in(names: list[str], gold_names: list[str]) -> bool:
    wanted = {fold(n) for n in gold_names}
    return any(fold(n) in wanted for n in names if n)


def _contains_either(names: list[str], gold_names: list[str]) -> bool:
    folded = [fold(n) for n in names if n and fold(n)]
    gold = [fold(n) for n in gold_names if fold(n)]
    return any(a in b or b in a for a in folded for b in gold)


def _windows_overlap(gold_date: dict[str, str], window: Any) -> bool:
    try:
        g_start, g_end = _day(gold_date["start"]), _day(gold_date["end"])
        p_start, p_end = _day(window.start), _day(window.end)
    except ValueError:
        return False
    return p_start <= g_end and g_start <= p_end


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])
