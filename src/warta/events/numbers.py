"""Reading numbers written in words or digits, per language (``lang/<code>/numbers.toml``).

"1.500" (id) / "1,500" (en), "2,5 juta", "lima", "dua puluh", "twenty-five", "ribuan"
(an order of magnitude), with the qualifier words before them ("sedikitnya", "at least").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import lang as langdata
from .tokens import Token, phrase_key


@dataclass(frozen=True, slots=True)
class NumberTable:
    thousands: str
    decimal: str
    units: dict[str, float]
    multipliers: dict[str, float]
    teen: str | None
    phrases: dict[tuple[str, ...], float]
    magnitudes: dict[tuple[str, ...], float]
    qualifiers: dict[tuple[str, ...], str]
    qualifiers_after: dict[tuple[str, ...], str]
    nouns: dict[tuple[str, ...], str]
    # derived once per table (read_number runs at every token): the first words of
    # phrases and magnitudes, and the digit patterns with this language's separators
    starts: frozenset[str] = field(init=False, repr=False, compare=False)
    grouped: re.Pattern[str] = field(init=False, repr=False, compare=False)
    plain: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = [*self.phrases, *self.magnitudes]
        object.__setattr__(self, "starts", frozenset(k[0] for k in keys if k))
        t, d = re.escape(self.thousands), re.escape(self.decimal)
        object.__setattr__(self, "grouped", re.compile(rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?"))
        object.__setattr__(self, "plain", re.compile(rf"\d+(?:{d}\d+)?"))


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number found at a token: how many tokens it takes, its value and qualifier."""

    length: int
    value: float
    qualifier: str  # exact | order_of_magnitude


@cache
def table(lang: str) -> NumberTable:
    """The number table of ``lang`` (empty tables when the language has none)."""
    data = langdata.load(lang, "numbers")

    def qual(section: str) -> dict[tuple[str, ...], str]:
        return {phrase_key(w): q for q, words in data.get(section, {}).items() for w in words}

    return NumberTable(
        thousands=data.get("thousands_separator", ","),
        decimal=data.get("decimal_separator", "."),
        units={k: float(v) for k, v in data.get("units", {}).items()},
        multipliers={k: float(v) for k, v in data.get("multipliers", {}).items()},
        teen=data.get("teen_word"),
        phrases={phrase_key(k): float(v) for k, v in data.get("phrases", {}).items()},
        magnitudes={phrase_key(k): float(v) for k, v in data.get("magnitudes", {}).items()},
        qualifiers=qual("qualifiers"),
        qualifiers_after=qual("qualifiers_after"),
        nouns={phrase_key(k): v for k, v in data.get("nouns", {}).items()},
    )


def parse_digits(word: str, tab: NumberTable) -> float | None:
    """``"1.500"`` -> 1500 with the language's separators; ``None`` if not a number."""
    if tab.grouped.fullmatch(word):
        whole, _, frac = word.partition(tab.decimal)
        return float(whole.replace(tab.thousands, "") + ("." + frac if frac else ""))
    if tab.plain.fullmatch(word):
        return float(word.replace(tab.decimal, "."))
    return None


def _words_value(toks: list[Token], i: int, tab: NumberTable) -> tuple[int, float] | None:
    """Compositional number words: "dua puluh lima", "three hundred", "twenty-five"."""
    total, current, n = 0.0, 0.0, 0
    seen = False
    while i + n < len(toks):
        low = toks[i + n].low
        parts = low.split("-") if "-" in low else [low]
        if all(p in tab.units for p in parts):
            current += sum(tab.units[p] for p in parts)
        elif seen and tab.teen and low == tab.teen:
            current += 10
        elif seen and low in tab.multipliers:
            mult = tab.multipliers[low]
            if mult >= 1000:
                total += (current or 1) * mult
                current = 0
            else:
                current = (current or 1) * mult
        else:
            break
        seen = True
        n += 1
    return (n, total + current) if n else None


def read_number(toks: list[Token], i: int, tab: NumberTable) -> NumberMatch | None:
    """The number starting at token ``i``, if any."""
    tok = toks[i]
    if tok.low in tab.starts:  # no phrase or magnitude begins with any other word
        for n in range(5, 0, -1):
            key = tuple(t.low for t in toks[i : i + n])
            if len(key) == n and key in tab.phrases:
                return NumberMatch(n, tab.phrases[key], "exact")
            if len(key) == n and key in tab.magnitudes:
                return NumberMatch(n, tab.magnitudes[key], "order_of_magnitude")
    # both digit patterns start with a digit
    value = parse_digits(tok.text, tab) if tok.text[:1].isdigit() else None
    if value is not None and i + 1 < len(toks) and toks[i + 1].start == toks[i].end:
        return None  # digits glued to letters: an ordinal or a code ("6th", "10km", "F16")
    if value is not None:
        n = 1
        if i + 1 < len(toks) and toks[i + 1].low in tab.multipliers:
            value *= tab.multipliers[toks[i + 1].low]
            n = 2
        return NumberMatch(n, value, "exact")
    # number words start with a unit ("dua puluh", "twenty-five")
    words = _words_value(toks, i, tab) if tok.low in tab.units or "-" in tok.low else None
    if words:
        return NumberMatch(words[0], words[1], "exact")
    return None


def qualifier_before(toks: list[Token], i: int, tab: NumberTable) -> tuple[int, str] | None:
    """The qualifier phrase ending just before token ``i``: (its first token index, kind)."""
    for n in range(4, 0, -1):
        if i - n < 0:
            continue
        key = tuple(t.low for t in toks[i - n : i])
        if key in tab.qualifiers:
            return i - n, tab.qualifiers[key]
    return None


def tidy(value: float) -> int | float:
    """Integral values as ``int`` (1500, not 1500.0)."""
    return int(value) if float(value).is_integer() else value
