"""Choosing the GeoNames feature a place mention means.

Candidates are every gazetteer entry under any of the entity's mention texts; the choice
weighs population (log scale), the states the article itself names (Kursk in an article
about Russia is Russia's Kursk), capitals, and words around the mention that say
"region" ("wilayah Kursk", "Kursk region" -> the admin1 region named after the city).
"""

from __future__ import annotations

import math
import re

from ..records import Entity, Place
from .gazetteer import Gazetteer, GeoEntry, name_key

# features that span or lie outside states: continents, world regions, seas, peninsulas
_ABOVE_STATES = ("CONT", "RGN", "SEA", "GULF", "PEN", "PLAT")
_PRECISION = {"PPL": "town", "ADM1": "admin1", "ADM2": "admin2", "PCL": "country"}


def precision_of(feature: str) -> str | None:
    for prefix, precision in _PRECISION.items():
        if feature.startswith(prefix):
            return precision
    return None


def has_cue(
    text: str, start: int, end: int, before: tuple[str, ...], after: tuple[str, ...]
) -> bool:
    """Whether one of ``before`` ends within two words before the mention, or one of
    ``after`` starts right after it."""
    # a cue never reaches across a sentence or clause end ("wilayah Iran. Teheran ...")
    left_text = re.split(r"[.!?;:\n]\s", text[max(0, start - 40) : start])[-1]
    right_text = re.split(r"[.!?;:,\n]", text[end : end + 30])[0]
    left = " ".join(re.findall(r"\w+", left_text.lower())[-3:])
    right = " ".join(re.findall(r"\w+", right_text.lower())[:2])
    words_left = left.split()
    for cue in before:
        n = len(cue.split())
        # the cue may be followed by one modifier ("wilayah perbatasan Kursk")
        if words_left and (
            " ".join(words_left[-n:]) == cue or " ".join(words_left[-n - 1 : -1]) == cue
        ):
            return True
    return any(right == cue or right.startswith(cue + " ") for cue in after)


def region_of(gaz: Gazetteer, city: GeoEntry) -> GeoEntry | None:
    """The admin1 region that shares its name with ``city`` (Kursk -> Kurskaya oblast'),
    as Russian, Ukrainian and many other regions are named after their capitals."""
    region = gaz.admin1.get(city.admin1_code or "")
    if region is None:
        return None
    a, b = name_key(city.name), name_key(region.name)
    stem = min(len(a), 5) - (1 if len(a) > 5 else 0)
    return region if a[:stem] == b[:stem] else None


def choose(
    gaz: Gazetteer,
    names: list[str],
    context: set[str],
    want_region: bool,
    within: GeoEntry | None = None,
) -> GeoEntry | None:
    """The best entry for these names given the article's states (``context``) and, when
    the text qualifies the name ("Paris, Texas", "Athens, Greece"), the region or
    country ``within`` it lies."""
    seen: dict[int, GeoEntry] = {}
    for n in names:
        for e in gaz.lookup(n):
            seen[e.geonameid] = e
    if within is not None:
        inside = {i: e for i, e in seen.items() if _inside(e, within)}
        seen = inside or seen
    if not seen:
        return None

    def score(e: GeoEntry) -> float:
        s = math.log10(e.population + 10)
        if e.country in context:
            s += 4
        if e.feature == "PPLC":
            s += 1
        if e.feature in _ABOVE_STATES:
            s += 8  # "Africa", "Middle East": named so, they are never a town's alias
        if e.feature.startswith("ADM"):
            # regions carry no population here: rank them as a mid-sized city, or first
            # when the text calls the place a region
            s += 4 if not want_region else 12
        return s

    best = max(seen.values(), key=score)
    if want_region and best.feature.startswith("PPL"):
        region = region_of(gaz, best)
        if region is not None:
            return region
    return best


def _inside(entry: GeoEntry, area: GeoEntry) -> bool:
    if area.feature.startswith("PCL"):
        return entry.country == area.country and entry.geonameid != area.geonameid
    return entry.admin1_code == area.admin1_code and entry.geonameid != area.geonameid


def qualifier(gaz: Gazetteer, text: str, end: int) -> GeoEntry | None:
    """The country or first-order region named right after ", " following a place name
    ("Paris, Texas", "Athens, Ga." is not known; "Kursk, Russia")."""
    m = re.match(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})", text[end : end + 40])
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        found = gaz.lookup(" ".join(words[:n]))
        cands = [e for e in found if e.feature.startswith(("PCL", "ADM1"))]
        if cands:
            return max(cands, key=lambda e: e.feature.startswith("PCL"))
    return None


def to_place(pid: str, entity: Entity, entry: GeoEntry) -> Place:
    return Place(
        id=pid, name=entry.name, geonameid=entry.geonameid if entry.geonameid > 0 else None, feature=entry.feature,
        country=entry.country, admin1=entry.admin1 if not entry.feature.startswith("PCL") else None,
        lat=entry.lat, lon=entry.lon, precision=precision_of(entry.feature),  # type: ignore[arg-type]
        mentions=entity.mentions,
    )  # fmt: skip
