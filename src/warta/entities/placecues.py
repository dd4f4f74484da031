"""Cues that settle a place name the gazetteer alone cannot: a region named beside the
city it is called after ("the Kherson region" and "the city of Kherson" are two
places) and a place the gazetteer lacks, placed in a state ("in Kafr Nasir, northern
Syria"). The cue words are the language's ``places.toml``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from .states import state_table


def _words_re(phrases: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len)[::-1])


def region_of_city(text: str, pw: dict[str, tuple[str, ...]], s: int, e: int, name: str) -> bool:
    """Whether ``name`` at ``[s, e)`` is a region ("<name> region", "wilayah <name>") of a
    text that also names a city so called ("the city of <name>", "kota <name>")."""
    after, before = pw.get("region_after", ()), pw.get("region_before", ())
    region = bool(after) and re.compile(rf"\s+(?:{_words_re(after)})(?!\w)", re.I).match(text, e)
    if not region and before:
        window = text[max(0, s - 40) : s]
        region = re.search(rf"(?<!\w)(?:{_words_re(before)})\s+$", window, re.I)
    if not region:
        return False
    city_before, city_after = pw.get("city_before", ()), pw.get("city_after", ())
    n = re.escape(name)
    cues = []
    if city_before:
        cues.append(rf"(?<!\w)(?:{_words_re(city_before)})\s+{n}(?!\w)")
    if city_after:
        cues.append(rf"(?<!\w){n}\s+(?:{_words_re(city_after)})(?!\w)")
    return bool(cues) and re.search("|".join(cues), text, re.I) is not None


# ", northern Syria" / ", Suriah": a state (with at most one word before it) closing a clause
_IN_STATE_RE = re.compile(
    r",\s+(?:[a-z]+\s+)?(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?=\s*[.,;:)\n]|$)"
)


def place_in_state(text: str, lang: str, pw: dict[str, tuple[str, ...]], s: int, e: int) -> bool:
    """Whether the name at ``[s, e)`` follows a locative word and is placed in a state
    ("in Kafr Nasir, northern Syria", "di Desa Kafr, Suriah")."""
    before = re.search(r"(\w+)\s+$", text[max(0, s - 20) : s])
    # "of"/"dari" introduce owners and sources as often as places
    locative = set(pw.get("locative", ())) - {"of", "dari"}
    if before is None or before.group(1).lower() not in locative:
        return False
    m = _IN_STATE_RE.match(text, e)
    if m is None:
        return False
    hit = state_table(lang).get(m.group("state"))
    return hit is not None and hit.kind in ("name", "territory")


def place_anaphors(text: str, pw: dict[str, tuple[str, ...]], start: int, end: int) -> list[int]:
    """Offsets in ``[start, end)`` of phrases pointing back to a place told before
    ("wilayah tersebut", "the area"); not one a name or a word of ``anaphor_not_before``
    follows."""
    nouns = pw.get("anaphor_nouns", ())
    if not nouns:
        return []
    noun = _words_re(nouns)
    alts = []
    if pw.get("anaphor_before", ()):
        alts.append(rf"(?:{_words_re(pw['anaphor_before'])})\s+(?:{noun})")
    if pw.get("anaphor_after", ()):
        alts.append(rf"(?:{noun})\s+(?:{_words_re(pw['anaphor_after'])})")
    if not alts:
        return []
    # "the city of Kherson", "the area Russia claims": the phrase names what follows
    words = pw.get("anaphor_not_before", ())
    stop = "|".join([r"(?-i:[A-Z])", *(rf"{re.escape(w)}\b" for w in words)])
    found = re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])(?!\s+(?:{stop}))", re.I)
    return [m.start() for m in found.finditer(text, start, end)]


class Area(NamedTuple):
    start: int
    end: int
    name: str
    country: str | None


# a seat of government at any size; another town only when large enough that a
# namesake given name ("Bupati Andi ...") is unlikely
_SEAT_FEATURES = ("ADM1", "ADM2", "PPLC", "PPLA")
_TOWN_POPULATION = 50_000
_CAPS_RE = re.compile(r"[ \t]+((?-i:[A-Z])[\w'’-]*(?:[ \t]+(?-i:[A-Z])[\w'’-]*){0,2})")


def jurisdiction(
    text: str,
    pw: dict[str, tuple[str, ...]],
    lookup: Callable[[str], list[Any]],
    title: str,
    end: int,
) -> Area | None:
    """The region or town an office governs, named right after its title ending at
    ``end`` ("Gubernur Jawa Barat Dedi Mulyadi", "kantor Bupati Bogor", "Governor of
    South Sulawesi"): the longest run of up to three capitalised words the gazetteer
    knows as a seat or a large town. Only for the titles of ``jurisdiction_titles``."""
    if title.lower() not in pw.get("jurisdiction_titles", ()):
        return None
    pos = end
    links = pw.get("jurisdiction_links", ())
    if links:
        m = re.compile(rf"[ \t]+(?:{_words_re(links)})(?=[ \t])", re.I).match(text, pos)
        pos = m.end() if m else pos
    m = _CAPS_RE.match(text, pos)
    if m is None:
        return None
    words = list(re.finditer(r"\S+", m.group(1)))
    for n in range(len(words), 0, -1):
        name = " ".join(w.group() for w in words[:n])
        best = _known_area(lookup, name)
        if best is not None:
            s = m.start(1)
            return Area(s, s + words[n - 1].end(), name, best.country)
    return None


def _known_area(lookup: Callable[[str], list[Any]], name: str) -> Any | None:
    """The seat, region or large town the gazetteer knows as ``name``, if any."""
    hits = [
        e for e in lookup(name)
        if e.feature.startswith((*_SEAT_FEATURES, "PCL"))
        or (e.feature.startswith("PPL") and e.population >= _TOWN_POPULATION)
    ]  # fmt: skip
    seat_first = lambda e: (e.feature.startswith(_SEAT_FEATURES), e.population)  # noqa: E731
    return max(hits, key=seat_first, default=None)


_RUN_RE = re.compile(r"(?-i:[A-Z])[\w'’-]*(?:[ \t]+(?-i:[A-Z])[\w'’-]*)+")


def compass_places(
    text: str, pw: dict[str, tuple[str, ...]], lookup: Callable[[str], list[Any]]
) -> list[Area]:
    """Places named with a compass word ("Jawa Barat", "Nusa Tenggara Timur", "South
    Sulawesi"), which the name rules split at the compass word, read as one name when the
    gazetteer knows the whole: the longest such part of a run of capitalised words."""
    compass = frozenset(pw.get("compass_words", ()))
    out: list[Area] = []
    for run in _RUN_RE.finditer(text):
        words = list(re.finditer(r"\S+", run.group()))
        i = 0
        while i < len(words):
            found = None
            for j in range(min(len(words), i + 4), i + 1, -1):
                part = words[i:j]
                if not any(w.group().lower() in compass for w in part):
                    continue
                if j < len(words) and words[j].group().lower() in compass:
                    continue  # "Papua Barat Daya" is not Papua Barat
                name = " ".join(w.group() for w in part)
                entry = _known_area(lookup, name)
                if entry is not None:
                    s, e = run.start() + part[0].start(), run.start() + part[-1].end()
                    found = Area(s, e, name, entry.country)
                    break
            if found is not None:
                out.append(found)
                i = j
            else:
                i += 1
    return out
