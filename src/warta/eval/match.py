"""One-to-one matching of predicted items to gold items (scoring.md), with optional gold.

The order of work, for one list (entities, events, claims, ...):

1. each required gold item, in gold order, takes the first unmatched prediction that
   satisfies it (predictions are given in document order): a true positive; a required
   gold item left without one is a false negative;
2. each optional gold item then takes, the same way, the first still unmatched prediction
   that satisfies it; that prediction is dropped (neither right nor wrong). Required gold
   goes first so an optional item never steals the prediction a required one needed;
3. every prediction left over is a ``duplicate`` when it satisfies an already matched
   required gold item (the record should have merged it), dropped when it satisfies any
   optional gold item, and a false positive otherwise.

The same rule serves every list measure, not only events: a second entity, place, claim or
quantity that matches gold already matched is the same kind of merge failure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .counts import Counts


@dataclass(frozen=True, slots=True)
class Matching:
    """The outcome of :func:`match`: counts plus which items went where (for explanations)."""

    counts: Counts
    pairs: tuple[tuple[int, int], ...] = ()  # (gold index, prediction index), required gold only
    missed: tuple[int, ...] = ()  # required gold indices left unmatched
    false: tuple[int, ...] = ()  # prediction indices counted as false positives
    duplicates: tuple[int, ...] = ()  # prediction indices counted as duplicates


def match(
    gold: Sequence[Any],
    predicted: Sequence[Any],
    ok: Callable[[Any, Any], bool],
    optional: Callable[[Any], bool] = lambda g: bool(g.get("optional")),
) -> Matching:
    """Match ``predicted`` (in document order) to ``gold`` (in gold order) one to one."""
    required = [i for i, g in enumerate(gold) if not optional(g)]
    optionals = [i for i, g in enumerate(gold) if optional(g)]
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    for gi in required:
        pj = _first(gold[gi], predicted, ok, taken)
        if pj is None:
            missed.append(gi)
        else:
            taken.add(pj)
            pairs.append((gi, pj))
    for gi in optionals:
        pj = _first(gold[gi], predicted, ok, taken)
        if pj is not None:
            taken.add(pj)
    matched_gold = [gi for gi, _ in pairs]
    false: list[int] = []
    dups: list[int] = []
    for pj, pred in enumerate(predicted):
        if pj in taken:
            continue
        if any(ok(gold[gi], pred) for gi in matched_gold):
            dups.append(pj)
        elif not any(ok(gold[gi], pred) for gi in optionals):
            false.append(pj)
    counts = Counts(tp=len(pairs), fp=len(false), fn=len(missed), duplicates=len(dups))
    return Matching(counts, tuple(pairs), tuple(missed), tuple(false), tuple(dups))


def _first(
    gold_item: Any, predicted: Sequence[Any], ok: Callable[[Any, Any], bool], taken: set[int]
) -> int | None:
    for pj, pred in enumerate(predicted):
        if pj not in taken and ok(gold_item, pred):
            return pj
    return None
