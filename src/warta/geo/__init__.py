"""The place stage: geocode the article's places into GeoNames features.

Every GPE/LOC/FAC entity the text uses as a location (states included) becomes a
:class:`~warta.records.Place` with its geonameid, feature code, country, admin1 region,
coordinates and precision; one the gazetteer does not know keeps the area the text puts it
in, at that area's precision. The article's places are resolved together
(:mod:`warta.geo.resolve`). The gazetteer is built once per process
(:func:`~warta.geo.gazetteer.gazetteer_for`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from ..entities.knowledge import place_words
from ..entities.states import alpha2_to_alpha3
from ..records import Entity, Place, Record, Source, Span
from ..settings import Settings
from .gazetteer import (
    Gazetteer,
    GeoEntry,
    gazetteer_for,
    load_geonames_dump,
    name_key,
    read_geonames_dump,
)
from .geocode import Cues, area_place, cues, to_place
from .resolve import Hints, Resolution, Resolver, Toponym

__all__ = [
    "Gazetteer",
    "GeoEntry",
    "Hints",
    "PlaceStage",
    "Resolver",
    "Toponym",
    "gazetteer_for",
    "home_country",
    "load_geonames_dump",
    "read_geonames_dump",
]

_TYPES = ("GPE", "LOC", "FAC")
_GENERIC_TLDS = {"uk": "GB"}  # country-code domains that are not the ISO code
_PREV_WORD = re.compile(r"(?<![\w-])([A-Z][\w-]*)[ \t]+$")  # a capitalised word right before


class PlaceStage:
    """Assigns ``record.places``."""

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("entities",)
    assigns: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        geo = settings.geo
        self.gazetteer = gazetteer or gazetteer_for(geo.min_city_population, geo.geonames_file)
        self.resolver = Resolver(self.gazetteer)

    def __call__(self, record: Record) -> Record:
        text = record.article.text
        lang = record.article.language or self.settings.default_language
        said = cues(lang)
        toponyms: list[Toponym] = []
        owners: list[tuple[Entity, tuple[Span, ...]] | None] = []
        named = [self._widened(text, e) for e in record.entities if e.type in _TYPES]
        cued = {m for e in named for m in e.mentions if said.as_place(text, m.start, m.end)}
        # "di Jawa dan Bali": a name joined to a mention used as a place is one too
        ends = {m.end for m in cued}
        cued |= {m for e in named for m in e.mentions if said.joined(text, m.start, m.end, ends)}
        used = {e.id for e in named if any(m in cued for m in e.mentions)}
        for ent in named:
            # a place named as an actor only ("Seoul mengeluarkan") is no place of the
            # article's, yet it still says which country the article is about
            as_place = ent.id in used
            for group in _groups(text, said, ent.mentions):
                names = tuple(dict.fromkeys([ent.name, *(m.text for m in group)]))
                spans = tuple((m.start, m.end) for m in group)
                toponyms.append(Toponym(names, spans, ent.code, facility=ent.type == "FAC"))
                owners.append((ent, group) if as_place else None)
        hints = Hints(
            states=tuple(
                e.code for e in record.entities if e.type == "GPE" and e.code for _ in e.mentions
            ),  # fmt: skip
            dateline=record.article.dateline,
            home=home_country(record.source)
            or (place_words(lang).get("home_country") or (None,))[0],
        )
        resolved = self.resolver.resolve(text, lang, toponyms, hints)
        return replace(record, places=tuple(_places(owners, resolved)))

    def _widened(self, text: str, ent: Entity) -> Entity:
        """A state's name that is the tail of a longer place's the text writes ("New
        Jersey", "New Mexico", "New South Wales"): that place, no longer the state
        (Jersey, Mexico, Wales), when every mention is so written and the gazetteer
        knows the longer name as a region's or town's own name."""
        if not ent.code or not ent.mentions:
            return ent
        wide: list[Span] = []
        for m in ent.mentions:
            prev = _PREV_WORD.search(text, 0, m.start)
            if prev is None:
                return ent
            name = f"{prev.group(1)} {m.text}"
            own = [e for e in self.gazetteer.lookup(name) if name_key(e.name) == name_key(name)]
            if not any(e.feature.startswith(("ADM1", "PPL")) for e in own):
                return ent
            wide.append(Span(prev.start(1), m.end, name))
        return replace(ent, name=wide[0].text, code=None, mentions=tuple(wide))

    def resolve(
        self,
        text: str,
        lang: str,
        names: list[str],
        spans: list[tuple[int, int]],
        context: set[str],
        code: str | None = None,
    ) -> GeoEntry | None:
        """The GeoNames feature one place named ``names`` at ``spans`` of ``text`` means,
        given the states the article names (``context``); ``code``: the state it is
        known to be, if any. (One toponym alone: the stage resolves them together.)"""
        hints = Hints(states=tuple(sorted(context)))
        (res,) = self.resolver.resolve(
            text, lang, [Toponym(tuple(names), tuple(spans), code)], hints
        )
        return res.entry if res is not None and not res.fallback else None


def _groups(text: str, said: Cues, mentions: tuple[Span, ...]) -> list[tuple[Span, ...]]:
    """An entity's mentions as the places they name: one group, unless some mentions
    call it a region and others a town ("the Kherson region" ... "the city of
    Kherson"), which are two places."""
    regions = {m for m in mentions if said.region(text, m.start, m.end)}
    towns = tuple(m for m in mentions if m not in regions and said.town(text, m.start, m.end))
    if not towns or not regions:
        return [mentions]
    return [tuple(m for m in mentions if m not in towns), towns]


def _places(
    owners: list[tuple[Entity, tuple[Span, ...]] | None], resolved: list[Resolution | None]
) -> list[Place]:
    places: list[Place] = []
    by_entry: dict[int, int] = {}  # geonameid -> index in places (one place per feature)
    for owner, res in zip(owners, resolved, strict=True):
        if res is None or owner is None:
            continue
        ent, mentions = owner
        pid = f"p{len(places) + 1}"
        if res.fallback:
            places.append(area_place(pid, ent.name, res.entry, mentions))
            continue
        gid = res.entry.geonameid
        if gid in by_entry:  # two groups, or two entities, that name the same place
            i = by_entry[gid]
            merged = tuple(sorted({*places[i].mentions, *mentions}, key=lambda m: m.start))
            places[i] = replace(places[i], mentions=merged)
            continue
        by_entry[gid] = len(places)
        places.append(to_place(pid, ent, res.entry, mentions))
    return places


def home_country(source: Source) -> str | None:
    """The country an outlet's country-code domain names (".co.id" -> IDN), if any."""
    domain = (source.domain or "").lower().rstrip(".")
    tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
    if len(tld) != 2:
        return None
    return alpha2_to_alpha3().get(_GENERIC_TLDS.get(tld, tld.upper()))
