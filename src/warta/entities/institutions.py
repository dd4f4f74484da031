"""State institutions named by a head word and a state: "militer Israel", "Kementerian
Luar Negeri Iran", "Russia's Defense Ministry", "Armed Forces of Ukraine".

The head words, their English names and PLOVER sectors, and the word order a language
allows live in ``lang/<code>/institutions.toml``; the state comes from the state table
(names, demonyms, possessives). Hits carry an :class:`~warta.entities.knowledge.Org`
coded with the state, so they slot in wherever organisation-table hits do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from .. import lang as langdata
from .knowledge import Org, institution_orgs
from .lexicon import Hit, PhraseTable, words
from .states import StateName, canonical_name, state_table


@dataclass(frozen=True, slots=True)
class Head:
    en: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class _Grammar:
    heads: PhraseTable[Head]
    state_first: bool
    links: tuple[str, ...]
    qualifiers: frozenset[str]


@cache
def _grammar(lang: str) -> _Grammar:
    data = langdata.load(lang, "institutions")
    heads: PhraseTable[Head] = PhraseTable()
    for phrase, row in data.get("heads", {}).items():
        heads.add(phrase.lower(), Head(row["en"], row.get("sector") or None))
    links = tuple(sorted(data.get("head_first_links", [""]), key=len, reverse=True))
    return _Grammar(heads, bool(data.get("state_first", False)), links,
                    frozenset(data.get("qualifiers", ())))  # fmt: skip


def _org(head: Head, state: StateName) -> Org:
    known = institution_orgs().get((state.code, head.en))
    if known is not None:
        return known
    country = state.territory or canonical_name(state.code) or state.code
    return Org(f"{head.en} of {country}", "ORG", state.code, head.sector)


def _state_at(text: str, lang: str, pos: int, grammar: _Grammar) -> Hit[StateName] | None:
    """A capitalised state name starting at ``pos``, after optional qualifiers
    ("Republik Indonesia" is itself a name; "Republik" alone may precede others)."""
    toks = words(text, pos, min(len(text), pos + 80))
    i = 0
    while i < len(toks) and toks[i].group().lower() in grammar.qualifiers:
        i += 1
    for start in dict.fromkeys((pos, toks[i].start() if i < len(toks) else pos)):
        hit = next(iter(state_table(lang).find(text, start, min(len(text), start + 60))), None)
        if hit and hit.start == start and text[start].isupper() and hit.value.kind != "metonym":
            return Hit(pos, hit.end, text[pos : hit.end], hit.value)
    return None


def find_institutions(
    text: str, lang: str, start: int = 0, end: int | None = None
) -> Iterator[Hit[Org]]:
    """Institution phrases in ``text[start:end]``, left to right."""
    g = _grammar(lang)
    stop = len(text) if end is None else end
    for hit in g.heads.find(text, start, stop):
        head: Head = hit.value
        found: Hit[StateName] | None = None
        span_start = hit.start
        # head first: "militer Israel", "Embassy of Russia"
        for link in g.links:
            gap = re.match(r"\s+" + (re.escape(link) + r"\s+" if link else ""), text[hit.end :])
            if gap:
                found = _state_at(text, lang, hit.end + gap.end(), g)
                if found and found.end <= stop:
                    break
                found = None
        if found is not None:
            yield Hit(span_start, found.end, text[span_start : found.end], _org(head, found.value))
            continue
        if not g.state_first:
            continue
        # state first: "Russia's Defense Ministry", "the Chilean Armed Forces"
        before = list(state_table(lang).find(text, max(start, hit.start - 40), hit.start))
        if before and not text[before[-1].end : hit.start].strip():
            s = before[-1]
            if text[s.start].isupper() and s.value.kind != "metonym":
                yield Hit(s.start, hit.end, text[s.start : hit.end], _org(head, s.value))


@dataclass(frozen=True, slots=True)
class _Family:
    word: re.Pattern[str]
    sector: str
    place: int  # how many words of a place may follow


@cache
def _families(lang: str) -> tuple[_Family, ...]:
    rows = langdata.load(lang, "institutions").get("families", ())
    return tuple(
        _Family(
            re.compile(rf"(?<![\w-])(?:{row['word']})(?![\w-])"),
            row["sector"],
            _place_words(row.get("place", False)),
        )
        for row in rows
    )


def _place_words(place: bool | int) -> int:
    return 4 if place is True else int(place)


# A word of the place (or unit) an office serves: "Jatim", "DKI", "0618/Kota", "XIV/Hasanuddin"
_PLACE_WORD = re.compile(r"[ \t]+((?:\d+|[IVXL]+)/[A-Z][\w'-]*|[A-Z][\w'-]*|\d{2,4}(?![\w.,]))")


def find_families(
    text: str,
    lang: str,
    stop: frozenset[str] = frozenset(),
    known: Callable[[str], bool] | None = None,
) -> Iterator[Hit[str]]:
    """Bodies of one kind named by a fixed word or stem ("Kemensos", "Basarnas") or by
    such a word and the place they serve ("Polda Jawa Timur", "Pemkab Bogor", "KBRI
    Tokyo"): ``families`` in ``institutions.toml``; the hit's value is the sector. The
    place ends before a word in ``stop`` (titles, function words: "Polres Bogor AKBP X").
    After a title ("Kepala BPBD Kota Bogor Hidayat") the holder's name may follow the
    place with nothing between, so there the place ends at the last word ``known`` (a
    gazetteer lookup) calls a place, unless a title or rank ended it ("Kepala Polres Metro
    Jakarta Selatan Kombes X")."""
    for fam in _families(lang):
        for m in fam.word.finditer(text):
            end = m.end()
            if fam.place:
                ends = []
                stopped = False
                for _ in range(fam.place):
                    w = _PLACE_WORD.match(text, end)
                    if w is None or w.group(1).lower() in stop:
                        stopped = w is not None
                        break
                    end = w.end()
                    ends.append((end, w.group(1)))
                # a title or rank ending the place ("Polres Bogor AKBP X"): the name is after it
                if ends and not stopped and known is not None and _after_title(text, m.start()):
                    base = m.end() + 1
                    placed = [e for e, word in ends if known(word) or known(text[base:e])]
                    end = placed[-1] if placed else end
            yield Hit(m.start(), end, text[m.start() : end], fam.sector)


_TITLE_BEFORE = re.compile(r"[A-Z][\w-]*[ \t]+$")


def _after_title(text: str, pos: int) -> bool:
    """Whether a capitalised word (a title, in running text) sits right before ``pos``."""
    return bool(_TITLE_BEFORE.search(text, max(0, pos - 30), pos))
