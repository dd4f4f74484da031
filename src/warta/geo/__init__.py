"""The place stage: geocode the article's places into GeoNames features.

Every GPE/LOC entity (states included) becomes a :class:`~warta.records.Place` with its
geonameid, feature code, country, admin1 region, coordinates and precision. The
gazetteer is built once per process (:func:`~warta.geo.gazetteer.gazetteer_for`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from ..entities.knowledge import place_alias, place_words
from ..entities.states import state_table
from ..records import Record
from ..settings import Settings
from .gazetteer import Gazetteer, GeoEntry, gazetteer_for, load_geonames_dump, read_geonames_dump
from .geocode import choose, has_cue, qualifier, to_place

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
            spans = [(m.start, m.end) for m in ent.mentions]
            names = list(dict.fromkeys([ent.name, *(m.text for m in ent.mentions)]))
            entry = self.resolve(text, lang, names, spans, context, ent.code)
            if entry is not None:
                places.append(to_place(pid, ent, entry))
        return replace(record, places=tuple(places))

    def resolve(
        self,
        text: str,
        lang: str,
        names: list[str],
        spans: list[tuple[int, int]],
        context: set[str],
        code: str | None = None,
    ) -> GeoEntry | None:
        """The GeoNames feature a place named ``names`` at ``spans`` of ``text`` means,
        given the states the article names (``context``); ``code``: the state it is
        known to be, if any."""
        if code is None:
            # names and demonyms ("Russian") of states; capitals as metonyms stay cities
            state = next((h for n in names if (h := state_table(lang).get(n))), None)
            code = state.code if state is not None and state.kind != "metonym" else None
        if code and code in self.gazetteer.countries:
            return self.gazetteer.countries[code]
        words = place_words(lang)
        want_region = any(
            has_cue(text, s, e, words.get("region_before", ()), words.get("region_after", ()))
            for s, e in spans
        )
        within = next((q for _, e in spans if (q := qualifier(self.gazetteer, text, e))), None)
        names = list(dict.fromkeys(place_alias(n, lang) for n in names))
        entry = choose(self.gazetteer, names, context, want_region, within)
        if entry is None:
            # "Jakarta Timur", "Laurel County": the place the name is built on
            drop = set(words.get("drop_words", ()))
            shorter = [" ".join(w for w in n.split() if w.lower() not in drop) for n in names]
            shorter = [n for n in shorter if n and n not in names]
            if shorter:
                entry = choose(self.gazetteer, shorter, context, want_region, within)
        return entry
