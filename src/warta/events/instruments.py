"""The mode of an event from the weapon or means named in its clause.

"menyerang Kyiv dengan drone" is an ASSAULT by drone, "fired rockets at" one with heavy
weapons, "mengerahkan rudal" a MOBILIZE of weapons: ``[instruments.<TYPE>]`` in
``triggers.toml`` maps PLOVER modes to the words that name them. The instrument nearest
the trigger wins; a mode the trigger itself carries ("mengebom" = aerial) is kept.
"""

from __future__ import annotations

from functools import cache

from .. import lang as langdata
from .tokens import Token, phrase_key


@cache
def _table(lang: str) -> dict[str, dict[tuple[str, ...], str]]:
    data = langdata.load(lang, "triggers").get("instruments", {})
    return {
        type_: {phrase_key(w): mode for mode, words in modes.items() for w in words}
        for type_, modes in data.items()
    }


def instrument_mode(
    toks: list[Token], a: int, b: int, at: int, type_: str, lang: str
) -> str | None:
    """The mode named by an instrument word in tokens [a, b) nearest token ``at``."""
    words = _table(lang).get(type_)
    if not words:
        return None
    best: tuple[int, str] | None = None
    for i in range(a, b):
        for n in (3, 2, 1):
            key = tuple(t.low for t in toks[i : i + n])
            if i + n <= b and key in words:
                cand = (abs(i - at), words[key])
                best = min(best, cand) if best else cand
                break
    return best[1] if best else None
