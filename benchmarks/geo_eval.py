"""Toponym resolution accuracy: gold place names in, warta's choice of GeoNames feature out.

Usage: .venv/bin/python benchmarks/geo_eval.py [-v] [CORPUS ...]
  CORPUS: lgl, trnews, geovirus (../shared/data/geoparsing-gritta) and ina
  (../shared/data/inageoparser-id, Indonesian). Default: all four.
The place stage's resolver runs on each article as in the pipeline, with the article's
gold toponyms as its places: the states the article names and the toponyms that resolve on
their own are its evidence, words around a mention ("province of", "wilayah") ask for a
region, and a toponym the gazetteer lacks keeps the area the article puts it in. Reports
accuracy within 161 km (100 miles, the usual geocoding measure), country accuracy, both
over all gold toponyms (unresolved count as wrong), the share of toponyms with a GeoNames
id for which the same id was chosen, and the share held at an area's precision
(fallback). The gold country of GeoVirus and INA points is the country of the nearest
gazetteer place. Reads the data only to measure.
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
from warta.geo import Hints, Resolver, Toponym
from warta.geo.gazetteer import Gazetteer, gazetteer_for
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


def gritta(name: str) -> Iterator[tuple[str, str, list[Gold]]]:
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
        yield "en", text, golds


_COORD = re.compile(r"\(([-\d.]+), ([-\d.]+)\)")


def ina() -> Iterator[tuple[str, str, list[Gold]]]:
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
            yield "id", text, golds
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
        yield "id", text, golds


class Nearest:
    """Country of the nearest gazetteer place (for corpora that give only coordinates)."""

    def __init__(self, gaz: Gazetteer) -> None:
        import numpy as np

        pts = [(e.lat, e.lon, e.country) for e in gaz.by_id.values()
               if e.lat is not None and e.feature.startswith("PPL")]  # fmt: skip
        self.np = np
        self.xy = np.radians(np.array([(p[0], p[1]) for p in pts]))
        self.codes = [p[2] for p in pts]

    def __call__(self, lat: float, lon: float) -> str | None:
        np = self.np
        la, lo = math.radians(lat), math.radians(lon)
        d = (
            np.sin((self.xy[:, 0] - la) / 2) ** 2
            + np.cos(la) * np.cos(self.xy[:, 0]) * np.sin((self.xy[:, 1] - lo) / 2) ** 2
        )
        return self.codes[int(np.argmin(d))]


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")] or ["lgl", "trnews", "geovirus", "ina"]
    settings = load_settings()
    gaz = gazetteer_for(settings.geo.min_city_population, settings.geo.geonames_file)
    resolver = Resolver(gaz)
    nearest = Nearest(gaz)
    sources = {"lgl": lambda: gritta("lgl.xml.gz"), "trnews": lambda: gritta("TR-News.xml.gz"),
               "geovirus": lambda: gritta("GeoVirus.xml.gz"), "ina": ina}  # fmt: skip
    print(f"{'corpus':<9} {'toponyms':>8} {'resolved':>8} {'acc@161km':>9} {'country':>8} "
          f"{'same id':>8} {'fallback':>8}")  # fmt: skip
    for name in names:
        n = found = near = country_ok = with_id = same_id = fell_back = 0
        for lang, text, golds in sources[name]():
            states = [h.value.code for h in state_table(lang).find(text)
                      if text[h.start].isupper() and h.value.kind != "metonym"]  # fmt: skip
            home = (place_words(lang).get("home_country") or (None,))[0]
            hints = Hints(states=tuple(states), home=home)
            toponyms = [Toponym((g.text,), ((g.start, g.end),)) for g in golds]
            for g, res in zip(golds, resolver.resolve(text, lang, toponyms, hints), strict=True):
                n += 1
                with_id += g.geonameid is not None
                gold_country = g.country or nearest(g.lat, g.lon)
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
                country_ok += entry.country == gold_country
                if verbose and d > 161:
                    how = "AREA" if res.fallback else "FAR"
                    print(f"  {how} {name}: {g.text} -> {entry.name} {entry.country} "
                          f"{entry.feature} ({d:.0f} km; gold {gold_country})")  # fmt: skip
        ids = f"{same_id / with_id:>8.3f}" if with_id else f"{'-':>8}"
        print(f"{name:<9} {n:>8} {found / n:>8.3f} {near / n:>9.3f} {country_ok / n:>8.3f} "
              f"{ids} {fell_back / n:>8.3f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
