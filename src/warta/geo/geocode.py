"""What the words around a place name say, and turning a resolved entry into a Place.

Cue words (``lang/<code>/places.toml``) before or after a mention say that it names a
location rather than an actor ("di Rusia" / "Rusia menolak"), or a region rather than a
town ("wilayah Kursk", "Kursk region"); a name joined to a place ("Jawa dan Bali") is one
too; a name after ", " or "in" names the area holding the one before it ("Paris, Texas",
"Athens, Ga.", "Camp Liberty in Iraq").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lang as langdata
from ..records import Entity, Place, Span
from .gazetteer import Gazetteer, GeoEntry, name_key

# features of named regions (data/regions.toml): continents, world and historical regions,
# seas, straits, oceans, peninsulas, plateaus, islands, deserts
NAMED_REGIONS = ("CONT", "RGN", "SEA", "GULF", "STRT", "OCN", "PEN", "PLAT", "ISL", "DSRT")
_PRECISION = {"PPL": "town", "ADM1": "admin1", "ADM2": "admin2", "PCL": "country"}


def precision_of(feature: str) -> str | None:
    for prefix, precision in _PRECISION.items():
        if feature.startswith(prefix):
            return precision
    return None


def has_cue(
    text: str,
    start: int,
    end: int,
    before: tuple[str, ...],
    after: tuple[str, ...],
    between: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> bool:
    """Whether one of ``before`` ends right before the mention, or one word before it when
    that word is a place word (``between``, or a cue itself: "wilayah perbatasan Kursk",
    "in the Kherson region") or the cue is a place noun (``nouns``: "kota bersejarah
    Kyiv"), or one of ``after`` starts right after it."""
    # a cue never reaches across a sentence or clause end ("wilayah Jawa. Bandung ...")
    left_text = re.split(r"[.!?;:\n]\s", text[max(0, start - 50) : start])[-1]
    right_text = re.split(r"[.!?;:,\n]", text[end : end + 30])[0]
    if re.search(r"[,(\"“”]\s*$", left_text):
        left_text = ""  # "banjir di Aceh, Jepang mengirim ...": the cue was for Aceh
    words_left = re.findall(r"[\w-]+", left_text.lower())[-4:]
    right = " ".join(re.findall(r"\w+", right_text.lower())[:2])
    cues = set(before)
    for cue in before:
        n = len(cue.split())
        if " ".join(words_left[-n:]) == cue:
            return True
        # one word may stand between the cue and the name
        if len(words_left) > n and " ".join(words_left[-n - 1 : -1]) == cue:
            if cue in nouns or words_left[-1] in between or words_left[-1] in cues:
                return True
    return any(right == cue or right.startswith(cue + " ") for cue in after)


@dataclass(frozen=True, slots=True)
class Cues:
    """A language's cue words (``lang/<code>/places.toml``), ready for :func:`has_cue`."""

    locative: tuple[str, ...]
    region_before: tuple[str, ...]
    region_after: tuple[str, ...]
    city_before: tuple[str, ...]
    city_after: tuple[str, ...]
    between: frozenset[str]
    coordinators: frozenset[str] = frozenset()

    def joined(self, text: str, start: int, end: int, ends: set[int]) -> bool:
        """Whether the mention at ``[start, end)`` is joined to a mention that ends at one
        of ``ends``: by a coordinator ("di Jawa dan Bali"), or as the area that qualifies
        it ("di Kuningan, Jakarta Selatan, Rabu", "Cigombong (Kabupaten Bogor)"). A name
        after a comma that goes on into a clause is not ("di Aceh, Jepang telah
        mengirim ...")."""
        m = _JOINED_RE.search(text, max(0, start - JOIN_REACH), start)
        if m is not None and m.group(1).lower() in self.coordinators and m.start() in ends:
            return True
        m = _QUALIFIED_RE.search(text, max(0, start - 4), start)
        return m is not None and m.start() in ends and bool(_CLOSED_RE.match(text, end))

    def as_place(self, text: str, start: int, end: int) -> bool:
        """Whether the mention names a location ("di Rusia"), not an actor ("Rusia menolak")."""
        before = self.locative + self.region_before + self.city_before
        nouns = frozenset(self.region_before + self.city_before)
        after = self.region_after + self.city_after
        return has_cue(text, start, end, before, after, self.between, nouns)

    def region(self, text: str, start: int, end: int) -> bool:
        """Whether the words around the mention call it a region ("wilayah Kursk")."""
        before = self.region_before
        return has_cue(text, start, end, before, self.region_after, self.between, frozenset(before))

    def town(self, text: str, start: int, end: int) -> bool:
        """Whether the words around the mention call it a town ("kota Kursk")."""
        before = self.city_before
        return has_cue(text, start, end, before, self.city_after, self.between, frozenset(before))


@cache
def cues(lang: str) -> Cues:
    words = langdata.load(lang, "places")

    def get(key: str) -> tuple[str, ...]:
        return tuple(words.get(key, ()))

    return Cues(get("locative"), get("region_before"), get("region_after"), get("city_before"),
                get("city_after"), frozenset(get("cue_modifiers")),
                frozenset(get("coordinators")))  # fmt: skip


# how far before a name the word joining it to the one before may start (the qualifying
# comma reaches less far)
JOIN_REACH = 16
# the words between two names in a list: " dan ", ", and "
_JOINED_RE = re.compile(r",?\s+(\w+)\s+$")
# a name qualifying the one before it: "Kuningan, Jakarta Selatan", "Cigombong (Bogor"
_QUALIFIED_RE = re.compile(r"(?:,[ \t]*|[ \t]*\([ \t]*)$")
# ... and ending there: at punctuation or the end of a line
_CLOSED_RE = re.compile(r"[ \t]*(?:[,.;:()\n]|$)")


@cache
def _name_levels() -> dict[str, str]:
    """Words gazetteer names give a region's level with, from every language's
    ``name_levels`` (``places.toml``): an entry's name is in no one article's language."""
    out: dict[str, str] = {}
    for code in langdata.available():
        out.update(langdata.load(code, "places").get("name_levels", {}))
    return out


def entry_levels(e: GeoEntry) -> frozenset[str]:
    """The levels an entry's own name says it is at ("Kota Bekasi" -> {"city"})."""
    table = _name_levels()
    return frozenset(table[w] for w in name_key(e.name).split() if w in table)


@cache
def _levels(lang: str) -> dict[str, str]:
    return {k.lower(): v for k, v in langdata.load(lang, "places").get("levels", {}).items()}


def level_words(text: str, start: int, end: int, names: tuple[str, ...], lang: str) -> set[str]:
    """The levels (``levels`` of ``lang/<code>/places.toml``) the words right before or
    after a mention, or inside its names, name it at ("Kabupaten Bekasi", "Bupati
    Bekasi", "Bekasi Regency")."""
    table = _levels(lang)
    if not table:
        return set()
    left = re.split(r"[.!?;:,(\n]", text[max(0, start - 30) : start])[-1].lower().split()
    right = re.split(r"[.!?;:,)\n]", text[end : end + 20])[0].lower().split()
    words = [" ".join(left[-2:]), *left[-1:], *right[:1]]
    words += [w for n in names for w in n.lower().split()]
    return {table[w] for w in words if w in table}


@cache
def _brands() -> frozenset[str]:
    rows = langdata.data("brands")
    return frozenset(n.casefold() for n in rows.get("brands", ()))


def is_brand(name: str) -> bool:
    """Whether ``name`` is a brand's, a company's or a platform's (``data/brands.toml``):
    no place whatever the gazetteer's alternate names say ("Google" is one of Topeka's)."""
    return name.casefold() in _brands()


def camel_case(name: str) -> bool:
    """Whether ``name`` is written as a brand is and a place seldom is: a capital after a
    small letter in its first word ("WhatsApp", "iPhone"; not "McAllen", "DeKalb")."""
    return bool(_CAMEL_RE.search(name))


# "WhatsApp", "YouTube", "iPhone", "MapolresSukabumi"; not "McAllen", "DeKalb", "LaSalle"
_CAMEL_RE = re.compile(r"^(?!(?:Mc|Mac|De|La|Le|Di|Du|Da|Van|Von|Al|El|O)[A-Z])[A-Za-z]*[a-z][A-Z]")


def region_of(gaz: Gazetteer, city: GeoEntry) -> GeoEntry | None:
    """The admin1 region named after ``city`` (Kursk -> Kurskaya oblast')."""
    region = gaz.admin1.get(city.admin1_code or "")
    return region if region is not None and named_after(city, region) else None


_ADMIN_WORDS = frozenset(
    "oblast oblast' oblys governorate province district county region state city municipality"
    " kota kabupaten provinsi muhafazat kray krai okrug rayon raion".split()
)


def named_after(town: GeoEntry, region: GeoEntry) -> bool:
    """Whether ``region`` holds ``town`` and bears its name, as Russian, Ukrainian, Iraqi
    and many other regions bear their main town's (Mosul district, Kursk Oblast)."""
    code = region.admin2_code if region.feature == "ADM2" else region.admin1_code
    if not code or code != (town.admin2_code if region.feature == "ADM2" else town.admin1_code):
        return False
    a = name_key(town.name)
    rest = [w for w in name_key(region.name).split() if w not in _ADMIN_WORDS]
    if not rest:
        return False
    if a == " ".join(rest):
        return True
    # Slavic adjective forms: Kursk -> Kurskaya, Zaporizhzhya -> Zaporizka
    stem = min(len(a), 5) - (1 if len(a) > 5 else 0)
    return " " not in a and len(a) >= 4 and rest[0][:stem] == a[:stem]


@cache
def abbreviations(lang: str) -> dict[str, str]:
    """Abbreviated region names the press of ``lang`` writes ("Ga.", "Calif.") -> GeoNames
    admin1 code, keyed by the case-folded abbreviation ("L.A." is not "La.")."""
    table = langdata.load(lang, "places").get("region_abbreviations", {})
    return {k.casefold(): v for k, v in table.items()}


def abbreviated_region(gaz: Gazetteer, name: str, lang: str) -> GeoEntry | None:
    """The admin1 region ``name`` abbreviates, when it is written as an abbreviation
    (with its dot: "Ga." is Georgia, "Ga" alone is not)."""
    if "." not in name:
        return None
    code = abbreviations(lang).get(name.casefold())
    return gaz.admin1.get(code) if code else None


def area_named(gaz: Gazetteer, name: str, lang: str) -> GeoEntry | None:
    """The country or region ``name`` names, if it names one ("Texas", "Ga.", "Rusia",
    "Jakarta Selatan")."""
    abbreviated = abbreviated_region(gaz, name, lang)
    if abbreviated is not None:
        return abbreviated
    from ..entities.knowledge import place_alias
    from ..entities.states import state_table

    state = state_table(lang).get(name)
    if state is not None and state.kind == "name" and state.code in gaz.countries:
        return gaz.countries[state.code]
    name = place_alias(name.rstrip("."), lang)
    areas = [e for e in gaz.lookup(name) if e.feature.startswith(("PCL", "ADM1"))]
    if not areas:  # "Kuningan, Jakarta Selatan": a second-order region
        areas = [e for e in gaz.candidates(name) if e.feature == "ADM2"]
    return max(areas, key=lambda e: (e.feature.startswith("PCL"), e.population), default=None)


def qualifier(gaz: Gazetteer, text: str, end: int, lang: str = "en") -> GeoEntry | None:
    """The country or first-order region named right after ", " following a place name
    ("Paris, Texas", "Athens, Ga.", "Kursk, Russia")."""
    m = re.match(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})", text[end : end + 40])
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        area = area_named(gaz, " ".join(words[:n]), lang)
        if area is not None:
            return area
    return None


def container(gaz: Gazetteer, text: str, end: int, lang: str) -> GeoEntry | None:
    """The country or region named right after "in"/"di" following a place name
    ("Camp Liberty in Iraq", "Rafah di Gaza"): the area that holds it."""
    m = _CONTAINER_RE.match(text, end)
    if not m or m.group(1).lower() not in _within_words(lang):
        return None
    words = m.group(2).split()
    for n in range(len(words), 0, -1):
        area = area_named(gaz, " ".join(words[:n]), lang)
        if area is not None:
            return area
    return None


_CONTAINER_RE = re.compile(r"[ \t]+(\w+)[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")


@cache
def _within_words(lang: str) -> frozenset[str]:
    return frozenset(langdata.load(lang, "places").get("within", ()))


def to_place(
    pid: str, entity: Entity, entry: GeoEntry, mentions: tuple[Span, ...] | None = None
) -> Place:
    return Place(
        id=pid, name=entry.name, geonameid=entry.geonameid if entry.geonameid > 0 else None,
        feature=entry.feature,
        country=entry.country, admin1=entry.admin1 if not entry.feature.startswith("PCL") else None,
        lat=entry.lat, lon=entry.lon, precision=precision_of(entry.feature),  # type: ignore[arg-type]
        mentions=entity.mentions if mentions is None else mentions,
    )  # fmt: skip


def area_place(pid: str, name: str, area: GeoEntry, mentions: tuple[Span, ...]) -> Place:
    """A place the gazetteer does not know, held at the precision of the area the text
    puts it in: its own name, the area's country, region and point, no id."""
    return Place(
        id=pid, name=name, geonameid=None, feature=None, country=area.country,
        admin1=area.admin1 if not area.feature.startswith("PCL") else None,
        lat=area.lat, lon=area.lon, precision=precision_of(area.feature),  # type: ignore[arg-type]
        mentions=mentions,
    )  # fmt: skip
