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
from ..records import Entity, Record
from ..settings import Settings
from .knowledge import international_words, org_last_words, place_words
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
        mentions = _bodies_not_people(self.finder(art.text, lang), lang)
        day = art.published[:10] if art.published else None
        entities = _home_bodies(link(mentions, day, art.text, lang), lang)
        entities = with_cited_sources(entities, art.text, art.cited_sources, lang)
        return replace(record, entities=entities)


def _bodies_not_people(mentions: list[Mention], lang: str) -> list[Mention]:
    """A capitalised run taken for a person (by a rule or the model) that ends in a word
    only bodies end in ("Trump Organization", "Oxford United") is an organisation."""
    last = org_last_words(lang)
    if not last:
        return mentions
    out = []
    for m in mentions:
        words = m.text.split()
        if m.type == "PERSON" and m.kind == "name" and len(words) > 1 and words[-1] in last:
            m = replace(m, type="ORG", name=m.text, role=None, sector=sector_of(m.text, lang),
                        code=country_of(m.text, lang), head=False)  # fmt: skip
        out.append(m)
    return out


# sectors of a state's own bodies: named with no state, they are the home country's
_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _home_bodies(entities: tuple[Entity, ...], lang: str) -> tuple[Entity, ...]:
    """A state body named without its state in a language with a home country ("Kementerian
    Kesehatan", "Polres Bogor", "Mahkamah Agung" in Indonesian news) belongs to that
    country; other languages are written about many states, so they get no default."""
    home = (place_words(lang).get("home_country") or (None,))[0]
    if not home:
        return entities
    international = international_words(lang)
    return tuple(
        replace(e, code=home)
        if e.type == "ORG"
        and e.code is None
        and e.sector in _STATE_BODIES
        and not international.intersection(e.name.lower().split())
        else e
        for e in entities
    )
