"""Event status from modality markers before the trigger (``lang/<code>/modality.toml``)."""

from __future__ import annotations

from functools import cache

from .. import lang as langdata
from .tokens import Token, phrase_key


@cache
def _markers(
    lang: str,
) -> tuple[int, list[tuple[str, tuple[str, ...]]], dict[tuple[str, ...], str]]:
    data = langdata.load(lang, "modality")
    order = data.get("order", [])
    markers = [
        (kind, phrase_key(w)) for kind in order for w in data.get("markers", {}).get(kind, ())
    ]
    adjacent = {phrase_key(w): k for k, ws in data.get("adjacent", {}).items() for w in ws}
    return int(data.get("window", 4)), markers, adjacent


def status_of(toks: list[Token], first: int, clause_start: int, lang: str) -> str:
    """The status of a trigger at ``toks[first]`` given the tokens before it in its clause."""
    window, markers, adjacent = _markers(lang)
    lo = max(clause_start, first - window)
    before = tuple(t.low for t in toks[lo:first])
    for kind, key in markers:
        n = len(key)
        if any(before[i : i + n] == key for i in range(len(before) - n + 1)):
            return kind
    if first - 1 >= clause_start and (toks[first - 1].low,) in adjacent:
        return adjacent[(toks[first - 1].low,)]
    return "occurred"
