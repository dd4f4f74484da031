"""Quantity stage: counts of people and things ("sedikitnya 1.500 tentara", "at least 14 people").

Only a number followed by a countable noun of the language's unit lexicon becomes a
quantity, which leaves out money, percentages, dates, times and ages without special cases.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from .. import lang as langdata
from ..records import Quantity, Range, Record
from ..settings import Settings
from .numbers import NumberTable, qualifier_before, read_number, table, tidy
from .resolve import country_of
from .tokens import Token, phrase_key, tokenize


class QuantityStage:
    name: ClassVar[str] = "quantities"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("quantities",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, record: Record) -> Record:
        lang = record.article.language or self.settings.default_language
        text = record.article.text
        sents = record.sentences or (Range(0, len(text)),)
        found: list[Quantity] = []
        for sent in sents:
            for q in find_quantities(text, sent.start, sent.end, lang):
                found.append(replace(q, id=f"q{len(found) + 1}"))
        return replace(record, quantities=tuple(found))


def _unit_at(
    text: str, toks: list[Token], j: int, lang: str, tab: NumberTable
) -> tuple[int, str] | None:
    """The unit noun at or shortly after token ``j``: (index after it, English lemma)."""
    search = langdata.load(lang, "numbers").get("unit_search", {})
    link = set(search.get("link", ()))
    stop = set(search.get("stop", ()))
    skip_left = int(search.get("skip", 0))
    k = j
    if 0 < j < len(toks) and text[toks[j - 1].end : toks[j].start].strip():
        return None  # "16,52% mahasiswa", "Negara 4. Peserta": not a count of the noun
    while k < len(toks) and toks[k].low in link:
        k += 1
    if k > j:  # "two of the five boats": the second number is part of the phrase
        inner = read_number(toks, k, tab) if k < len(toks) else None
        k += inner.length if inner else 0
    while k < len(toks):
        for n in range(4, 0, -1):
            key = tuple(t.low for t in toks[k : k + n])
            if len(key) == n and key in tab.nouns:
                return k + n, tab.nouns[key]
        tok = toks[k]
        # "Over two million Yemenis": a plural demonym counts people
        if tok.text[:1].isupper() and tok.low.endswith("s") and country_of(tok.text[:-1], lang):
            return k + 1, "person"
        if skip_left <= 0 or tok.low in stop or read_number(toks, k, tab):
            return None
        if k + 1 < len(toks) and text[tok.end : toks[k + 1].start].strip():
            return None  # punctuation ends the noun phrase: "the 6th, Iraqi forces"
        skip_left -= 1
        k += 1
    return None


def find_quantities(text: str, start: int, end: int, lang: str) -> list[Quantity]:
    """Quantities in ``text[start:end]`` (ids left empty for the caller to number)."""
    tab = table(lang)
    if not tab.nouns:
        return []
    toks = tokenize(text, start, end)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        num = read_number(toks, i, tab)
        if num is None:
            i += 1
            continue
        unit = _unit_at(text, toks, i + num.length, lang, tab)
        if unit is None:
            i += num.length
            continue
        after, lemma = unit
        first, qualifier = i, num.qualifier
        if qualifier == "exact":
            before = qualifier_before(toks, i, tab)
            if before:
                first, qualifier = before
            else:
                for n in range(3, 0, -1):
                    key = tuple(t.low for t in toks[after : after + n])
                    if len(key) == n and key in tab.qualifiers_after:
                        qualifier = tab.qualifiers_after[key]
                        break
        s, e = toks[first].start, toks[after - 1].end
        out.append(Quantity("", text[s:e], tidy(num.value), qualifier, Range(s, e), lemma))  # type: ignore[arg-type]
        i = after
    return out


__all__ = ["QuantityStage", "find_quantities", "phrase_key"]
