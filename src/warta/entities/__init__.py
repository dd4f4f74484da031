"""The entity stage: people (with roles), organisations, states, places and media named
in an article, each with every mention (pronouns and descriptions included).

Mentions come from a swappable :class:`~warta.entities.mentions.MentionFinder` (rules
and lexicons by default); :func:`~warta.entities.link.link` groups them into entities.
Actor coding helpers for other stages: :func:`sector_of`, :func:`country_of`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from ..geo.gazetteer import gazetteer_for
from ..records import Record
from ..settings import Settings
from .link import link
from .mentions import Mention, MentionFinder, RuleMentionFinder
from .ner_finder import ModelMentionFinder
from .sectors import country_of, sector_of
from .sources import with_cited_sources

__all__ = [
    "EntityStage",
    "Mention",
    "MentionFinder",
    "ModelMentionFinder",
    "RuleMentionFinder",
    "country_of",
    "sector_of",
]


class EntityStage:
    """Assigns ``record.entities``."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, settings: Settings, finder: MentionFinder | None = None) -> None:
        self.settings = settings
        if finder is None:
            geo = settings.geo
            gaz = gazetteer_for(geo.min_city_population, geo.geonames_file)
            finder = RuleMentionFinder(gaz)
            if settings.entities.ner:
                finder = ModelMentionFinder(finder, gaz)
        self.finder = finder

    def __call__(self, record: Record) -> Record:
        art = record.article
        lang = art.language or self.settings.default_language
        mentions = self.finder(art.text, lang)
        day = art.published[:10] if art.published else None
        entities = with_cited_sources(link(mentions, day), art.text, art.cited_sources, lang)
        return replace(record, entities=entities)
