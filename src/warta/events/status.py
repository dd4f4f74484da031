"""Event status from modality markers around the trigger (``lang/<code>/modality.toml``).

A marker among the few words before the trigger, in its clause and not behind a
coordinator ("banjir yang terus meluas dan mendesak": "terus" is the flood's),
sets the status; the first kind listed in ``order`` wins, and ``[late]`` markers (ability,
hope: "bisa", "could") only when no other marker is there. A few markers follow the event
instead ("kunjungan ke Jepang mendatang"): ``[after]``, anywhere later in the clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import lang as langdata
from .tokens import Token, phrase_key


@dataclass(frozen=True, slots=True)
class _Markers:
    window: int
    before: list[tuple[str, tuple[str, ...]]]
    adjacent: dict[tuple[str, ...], str]
    after: list[tuple[str, tuple[str, ...]]]
    stops: frozenset[str]
    conditionals: frozenset[str]  # "if ..., X would attack": a condition earlier in the
    conditional_modals: frozenset[str]  # sentence makes these modals hypothetical
    main: int  # markers before this index in ``before`` are the strong ones, not ``[late]``


@cache
def _markers(lang: str) -> _Markers:
    data = langdata.load(lang, "modality")
    order = data.get("order", [])
    before = [
        (kind, phrase_key(w)) for kind in order for w in data.get("markers", {}).get(kind, ())
    ]
    # weak markers yield to every kind above: "tidak bisa menyerang" stays denied
    main = len(before)
    before += [(k, phrase_key(w)) for k, ws in data.get("late", {}).items() for w in ws]
    adjacent = {phrase_key(w): k for k, ws in data.get("adjacent", {}).items() for w in ws}
    after = [(k, phrase_key(w)) for k, ws in data.get("after", {}).items() for w in ws]
    stops = frozenset(data.get("scope_stops", ()))
    cond = data.get("conditional", {})
    return _Markers(
        int(data.get("window", 4)), before, adjacent, after, stops,
        frozenset(cond.get("openers", ())), frozenset(cond.get("modals", ())), main,
    )  # fmt: skip


def modal_words(lang: str) -> frozenset[str]:
    """The one-word markers of ``lang`` ("akan", "will", "masih")."""
    mk = _markers(lang)
    return frozenset(k[0] for _, k in mk.before[: mk.main] if len(k) == 1) | frozenset(
        k[0] for k in mk.adjacent if len(k) == 1
    )


def _has(words: tuple[str, ...], key: tuple[str, ...]) -> bool:
    n = len(key)
    return any(words[i : i + n] == key for i in range(len(words) - n + 1))


def status_of(
    toks: list[Token], first: int, clause_start: int, lang: str, clause_end: int | None = None
) -> str:
    """The status of a trigger at ``toks[first]`` from the words of its clause."""
    mk = _markers(lang)
    lo = max(clause_start, first - mk.window)
    lo = max([lo, *(k + 1 for k in range(lo, first) if toks[k].low in mk.stops)])
    before = tuple(t.low for t in toks[lo:first])
    for kind, key in mk.before:
        if _has(before, key):
            if key[0] in mk.conditional_modals and any(
                t.low in mk.conditionals for t in toks[:first]
            ):
                return "hypothetical"
            return kind
    if first - 1 >= lo and (toks[first - 1].low,) in mk.adjacent:
        return mk.adjacent[(toks[first - 1].low,)]
    later = tuple(t.low for t in toks[first + 1 : clause_end if clause_end else first + 1])
    return next((kind for kind, key in mk.after if _has(later, key)), "occurred")
