"""The cleaner's language knowledge, merged over the configured languages.

Furniture rules, date words and metadata cues live in ``lang/<code>/furniture.toml`` and
``lang/<code>/dates_meta.toml``; known outlets in ``data/publishers.toml``. Pages mix
languages (Indonesian pages print "Advertisement" and "SCROLL TO CONTINUE"), so the
cleaner uses the union of every configured language's tables rather than guessing first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lang as langdata

# A furniture rule never removes a line longer than this (a paragraph that happens to
# contain "hak cipta" or "subscribe" is body text); a rule may set its own max_words.
MAX_RULE_WORDS = 30


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domain: str
    aliases: tuple[str, ...]
    brand_prefix: str | None = None
    cited: bool = True  # may be named as a cited source


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: tuple[tuple[re.Pattern[str], str, int], ...]
    read_also: re.Pattern[str]
    read_also_glued: re.Pattern[str]  # "Baca JugaTertimbun ...": the cue glued to a headline
    credit: re.Pattern[str]
    months: dict[str, int]
    weekdays: frozenset[str]
    zones: dict[str, str]
    date_filler: frozenset[str]
    default_offset: str | None
    numeric_order: str
    author_cues: tuple[str, ...]
    name_joiners: frozenset[str]
    not_name: frozenset[str]
    strong_cues: tuple[str, ...]
    weak_cues: tuple[str, ...]
    source_joiners: frozenset[str]
    glued_tail: tuple[str, ...]
    outlets: tuple[Outlet, ...]
    media_words: frozenset[str]
    not_outlets: frozenset[str]


def _alts(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def outlets_table() -> tuple[tuple[Outlet, ...], frozenset[str], frozenset[str]]:
    data = langdata.data("publishers")
    outlets = tuple(
        Outlet(
            o["name"],
            o["domain"],
            tuple(o.get("aliases", ())),
            o.get("brand_prefix"),
            o.get("cited", True),
        )
        for o in data.get("outlet", ())
    )
    media = frozenset(w.lower() for w in data.get("media_words", ()))
    return outlets, media, frozenset(data.get("not_outlets", ()))


@cache
def build(languages: tuple[str, ...]) -> Lexicon:
    """Merge the tables of ``languages`` (first language wins on conflicting scalars)."""
    rules: list[tuple[re.Pattern[str], str, int]] = []
    read_also: list[str] = []
    credits: list[str] = []
    months: dict[str, int] = {}
    zones: dict[str, str] = {}
    weekdays: set[str] = set()
    filler: set[str] = set()
    default_offset: str | None = None
    order = ""
    a_cues: list[str] = []
    joiners: set[str] = set()
    not_name: set[str] = set()
    strong: list[str] = []
    weak: list[str] = []
    s_join: set[str] = set()
    tails: list[str] = []
    for code in languages:
        fur = langdata.load(code, "furniture")
        meta = langdata.load(code, "dates_meta")
        rules += [
            (re.compile(r["pattern"], re.I), r["reason"], r.get("max_words", MAX_RULE_WORDS))
            for r in fur.get("rule", ())
        ]
        read_also += fur.get("read_also_cues", [])
        credits += fur.get("credit_markers", [])
        for k, v in meta.get("months", {}).items():
            months.setdefault(k, v)
        for k, v in meta.get("zones", {}).items():
            zones.setdefault(k, v)
        dates = meta.get("dates", {})
        weekdays.update(dates.get("weekdays", ()))
        filler.update(dates.get("filler", ()))
        if code == languages[0]:  # page-level defaults come from the page's own language
            default_offset = dates.get("default_offset")
            order = dates.get("numeric_order", "")
        authors = meta.get("authors", {})
        a_cues += authors.get("cues", [])
        joiners.update(authors.get("joiners", ()))
        not_name.update(authors.get("not_name", ()))
        sources = meta.get("sources", {})
        strong += sources.get("strong", [])
        weak += sources.get("weak", [])
        s_join.update(sources.get("joiners", ()))
        tails += sources.get("glued_tail", [])
    outlets, media, not_outlets = outlets_table()
    return Lexicon(
        rules=tuple(rules),
        read_also=re.compile(rf"^(?:{_alts(read_also)})\b\s*[:\-–]?\s*", re.I),
        read_also_glued=re.compile(rf"^(?:{_alts(read_also)})(?:\s*:\s*)?(?=(?-i:[A-Z]))", re.I),
        credit=re.compile(rf"(?:{'|'.join(credits)})\s*(.+)$") if credits else re.compile(r"$^"),
        months=months,
        weekdays=frozenset(weekdays),
        zones=zones,
        date_filler=frozenset(filler),
        default_offset=default_offset,
        numeric_order=order or "dmy",
        author_cues=tuple(sorted(set(a_cues), key=len, reverse=True)),
        name_joiners=frozenset(joiners),
        not_name=frozenset(not_name),
        strong_cues=tuple(sorted(set(strong), key=len, reverse=True)),
        weak_cues=tuple(sorted(set(weak) - set(strong), key=len, reverse=True)),
        source_joiners=frozenset(s_join),
        glued_tail=tuple(sorted(set(tails), key=len, reverse=True)),
        outlets=outlets,
        media_words=media,
        not_outlets=not_outlets,
    )
