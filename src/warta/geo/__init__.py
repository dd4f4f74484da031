"""The place stage: geocode the article's places into GeoNames features.

Every GPE/LOC entity (states included) becomes a :class:`~warta.records.Place` with its
geonameid, feature code, country, admin1 region, coordinates and precision. The
gazetteer is built once per process (:func:`~warta.geo.gazetteer.gazetteer_for`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from ..entities.knowledge import place_words
from ..records import Record
from ..settings import Settings
from .gazetteer import Gazetteer, GeoEntry, gazetteer_for, load_geonames_dump, read_geonames_dump
from .geocode import choose, has_cue, to_place

__all__ = [
    "Gazetteer",
    "GeoEntry",
    "PlaceStage",
    "gazetteer_for",
    "load_geonames_dump",
    "read_geonames_dump",
]


class PlaceStage:
    """Assigns ``record.places``."""

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("entities",)
    assigns: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        geo = settings.geo
        self.gazetteer = gazetteer or gazetteer_for(geo.min_city_population, geo.geonames_file)

    def __call__(self, record: Record) -> Record:
        text = record.article.text
        lang = record.article.language or self.settings.default_language
        words = place_words(lang)
        context = {e.code for e in record.entities if e.type == "GPE" and e.code}
        places = []
        for ent in record.entities:
            if ent.type not in ("GPE", "LOC"):
                continue
            cues = (
                words.get("locative", ())
                + words.get("region_before", ())
                + words.get("city_before", ())
            )
            used_as_place = any(
                has_cue(
                    text,
                    m.start,
                    m.end,
                    cues,
                    words.get("region_after", ()) + words.get("city_after", ()),
                )
                for m in ent.mentions
            )
            if not used_as_place:
                continue  # named as an actor only ("Rusia menolak", "Seoul mengeluarkan")
            pid = f"p{len(places) + 1}"
            if ent.code and ent.code in self.gazetteer.countries:
                places.append(to_place(pid, ent, self.gazetteer.countries[ent.code]))
                continue
            want_region = any(
                has_cue(
                    text,
                    m.start,
                    m.end,
                    words.get("region_before", ()),
                    words.get("region_after", ()),
                )
                for m in ent.mentions
            )
            names = list(dict.fromkeys([ent.name, *(m.text for m in ent.mentions)]))
            entry = choose(self.gazetteer, names, context, want_region)
            if entry is not None:
                places.append(to_place(pid, ent, entry))
        return replace(record, places=tuple(places))
