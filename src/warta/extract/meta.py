"""Metadata from a page's text: dateline, bylines, publisher and the outlets it cites.

Cues (byline words, "Melansir", "according to") come from the language tables and outlet
names from ``data/publishers.toml`` (see :mod:`.lexicon`); nothing here knows one page.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from .lexicon import Lexicon, Outlet

_SEP = r"\s*(?:-{1,2}|–|—)\s*"
# a wire credit after the place: "(AP)", "(Reuters)", "(Island Wire)", "(AFP-JIJI)"
_AGENCY = r"\((?P<agency>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\)"
_OUTLET_HEAD = re.compile(r"^(?P<outlet>[A-Za-z0-9]+(?:\.[A-Za-z]{2,3}){1,2})\s*,\s*")
_PLACE_DASH = re.compile(
    rf"^(?P<place>(?:[A-Z][a-z'’.]*|[A-Z]+)(?: (?:[A-Z][a-z'’.]*|[A-Z]+)){{0,3}}?)"
    rf"\s*(?:{_AGENCY})?{_SEP}(?=\S)"
)
_PLACE_GLUED = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}?)(?=[A-Z])")
_UPPER_HEAD = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.]+(?:[ ][A-Z][A-Z'’.]+){0,3})"
    r"(?:,\s*(?:(?P<outlet>[A-Za-z0-9]+(?:\.[A-Za-z]{2,3}){1,2})|[A-Z][a-z]+(?: [A-Z][a-z]+)?))?"
    rf"\s*(?:{_AGENCY})?{_SEP}(?=\S)"
)
_MIXED_HEAD = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+(?:-{1,2}|–|—)\s+")


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """(dateline, outlet written before it, paragraph without the prefix)."""
    m = _OUTLET_HEAD.match(paragraph)
    if m:
        rest = paragraph[m.end() :]
        p = _PLACE_DASH.match(rest) or _PLACE_GLUED.match(rest)
        if p:
            return p.group("place"), m.group("outlet"), rest[p.end() :].lstrip()
    m = _UPPER_HEAD.match(paragraph)
    if m and len(m.group("place").strip(".")) >= 3:
        return m.group("place"), m.group("outlet"), paragraph[m.end() :].lstrip()
    m = _MIXED_HEAD.match(paragraph)
    if m:
        return m.group("place"), None, paragraph[m.end() :].lstrip()
    return None, None, paragraph


def outlet_by_domain(url_or_domain: str | None, lex: Lexicon) -> Outlet | None:
    if not url_or_domain:
        return None
    host = urlsplit(url_or_domain).hostname if "//" in url_or_domain else url_or_domain
    host = (host or "").lower().removeprefix("www.")
    for o in lex.outlets:
        if host == o.domain or host.endswith("." + o.domain):
            return o
    return None


@cache
def _name_rx(alias: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(alias)}(?![\w])")


@cache
def _brand_rx(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(prefix)}[A-Z]\w*$")


def outlet_by_name(text: str, lex: Lexicon) -> Outlet | None:
    """An outlet named in ``text`` (alias or domain, whole word) or a brand prefix."""
    low = text.lower()
    best: tuple[int, Outlet] | None = None
    for o in lex.outlets:
        for alias in (*o.aliases, o.domain):
            folded = alias.lower()
            # a plain substring test first: most aliases are absent
            if folded in low and _name_rx(folded).search(low):
                if best is None or len(alias) > best[0]:
                    best = (len(alias), o)
        prefix = o.brand_prefix
        if prefix and prefix in text and _brand_rx(prefix).search(text):
            return o
    return best[1] if best else None


def authors_from_line(text: str, lex: Lexicon) -> tuple[list[str], Outlet | None]:
    """Names on a byline ("Rina Kusuma -detikNews", "Oleh: A dan B", "By Jane Doe")."""
    outlet = None
    line = text.strip()
    # "Name -detikNews" / "Name -Sepakbola": a dash glued to a one-word brand or desk
    m = re.match(r"^(?P<names>.+?)\s+[-–—|]\s?(?P<brand>\S+)$", line)
    if m:
        outlet, line = outlet_by_name(m.group("brand"), lex), m.group("names")
    for cue in lex.author_cues:
        m = _cue_rx(cue).match(line)
        if m:
            line = line[m.end() :]
            break
    # "Jane Doe, VOA News": drop a trailing outlet
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s*&\s*", line) if p.strip()]
    names: list[str] = []
    for part in parts:
        if outlet_by_name(part, lex) is not None:
            outlet = outlet or outlet_by_name(part, lex)
            continue
        for name in _joiners_rx(lex.name_joiners).split(part):
            name = name.strip(" .")
            if name and not any(w.lower() in lex.not_name for w in name.split()):
                names.append(name)
    return names, outlet


@cache
def _cue_rx(cue: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(cue)}\b\s*:?\s*", re.I)


@cache
def _joiners_rx(joiners: frozenset[str]) -> re.Pattern[str]:
    # the alternation in the set's own order, as the pattern was always built
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, joiners)) or '$^'})\s+")


def _alias_at(s: str, lex: Lexicon) -> tuple[str, Outlet] | None:
    best: tuple[str, Outlet] | None = None
    for o in lex.outlets:
        for alias in o.aliases:
            if s.startswith(alias) and _ends_word(s, len(alias), alias, lex):
                if best is None or len(alias) > len(best[0]):
                    best = (alias, o)
    return best


def _ends_word(s: str, i: int, alias: str, lex: Lexicon) -> bool:
    if i == len(s) or not s[i].isalnum():
        return True
    if alias[-1].isupper() and s[i].islower():  # "AFPterhadap": acronym glued to a word
        return True
    # "Antaradan AFP": a name glued to a joiner or function word
    rest = s[i:]
    for w in (*lex.source_joiners, *lex.glued_tail):
        if rest.startswith(w) and (len(rest) == len(w) or not rest[len(w)].islower()):
            return True
    return False


def _looks_outlet(name: str, lex: Lexicon) -> bool:
    if name in lex.not_outlets or name.upper() in lex.not_outlets:
        return False
    if re.fullmatch(r"[A-Z]{2,6}", name):
        return True
    return any(w.lower().strip(".") in lex.media_words for w in name.split())


def _names_after(s: str, strong: bool, lex: Lexicon) -> list[str]:
    """Outlet names at the start of ``s`` ("AntaradanAFPyang ..." -> Antara, AFP)."""
    found: list[str] = []
    joined = _source_joiner_rx(lex.source_joiners)
    while s[:1].isupper():
        hit = _alias_at(s, lex)
        if hit:
            alias, outlet = hit
            if outlet.cited:
                found.append(alias)
            s = s[len(alias) :]
        else:
            m = re.match(r"[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|de|al))*", s)
            if not m:
                break
            name = _unglue(m.group(), lex)
            if strong and _looks_outlet(name, lex):
                found.append(name)
            s = s[len(name) :]
        j = joined.match(s)
        if not j:
            break
        s = s[j.end() :]
    return found


@cache
def _source_joiner_rx(joiners: frozenset[str]) -> re.Pattern[str]:
    alts = "|".join(map(re.escape, sorted(joiners, key=len, reverse=True))) or "$^"
    return re.compile(rf"\s*(?:{alts})\s*(?=[A-Z])|\s*,\s*(?=[A-Z])")


def _unglue(name: str, lex: Lexicon) -> str:
    # a scraper glued the next word on: "ISNAyang", "AFPterhadap", "CNNmelaporkan"
    m = re.match(r"^([A-Z]{2,})[a-z]", name)
    if m:
        return m.group(1)
    for tail in lex.glued_tail:
        if name.endswith(tail) and len(name) > len(tail) + 1 and name[-len(tail) - 1].isalpha():
            return name[: -len(tail)]
    m = re.match(r"^(.+?[a-z])(?=[A-Z])", name)
    return m.group(1) if m and " " not in m.group(1) else name


@cache
def _alias_rx(alias: str) -> re.Pattern[str]:
    # compiled once: there are more aliases than the re module's own pattern cache holds
    if alias[-1].isupper():
        return re.compile(rf"(?:(?<![\w.])|(?<=[a-z])){re.escape(alias)}(?![A-Z0-9])")
    return re.compile(rf"(?:(?<![\w.])|(?<=[a-z])){re.escape(alias)}(?![\w])")


@cache
def _cue_list_rx(cues: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"(?i:(?<![\w])(?:{alts}))(?:\s*(?i:dari|from)\b)?\s*(?=[A-Z])")


def cited_sources(text: str, lex: Lexicon, publisher: Outlet | None) -> list[str]:
    """Outlets the text says it draws on: after a cue, or known outlets named outright."""
    hits: list[tuple[int, str]] = []
    for cues, strong in ((lex.strong_cues, True), (lex.weak_cues, False)):
        if not cues:
            continue
        for m in _cue_list_rx(cues).finditer(text):
            for name in _names_after(text[m.end() :], strong, lex):
                hits.append((m.end(), name))
    for o in lex.outlets:
        if not o.cited:
            continue
        for alias in o.aliases:
            if alias not in text:  # a plain substring test first: most aliases are absent
                continue
            for m in _alias_rx(alias).finditer(text):
                hits.append((m.start(), alias))
    own = {a.lower() for a in publisher.aliases} | {publisher.name.lower()} if publisher else set()
    out: list[str] = []
    seen: set[str] = set()
    for _, name in sorted(hits):
        key = name.lower()
        if key in own or key in seen:
            continue
        # a shorter alias inside a longer name already taken ("AP" in "AP News")
        if any(key in s.split() for s in seen):
            continue
        seen.add(key)
        out.append(name)
    return out
