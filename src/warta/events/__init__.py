"""Events, claims, quantities and dates: who did what to whom, when, how many, says who.

:class:`EventStage` codes PLOVER events from trigger lexicons (``lang/<code>/triggers.toml``);
:class:`~warta.events.quantities.QuantityStage` and :class:`~warta.events.claims.ClaimStage`
are the sibling stages of this package.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from ..records import Range, Record
from ..settings import Settings
from .detect import detect
from .merge import merge


class EventStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("entities", "places", "quantities")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, record: Record) -> Record:
        lang = record.article.language or self.settings.default_language
        if not record.sentences:
            record = replace(record, sentences=(Range(0, len(record.article.text)),))
        events = merge(
            detect(record, lang), record.quantities, record.places, record.article.dateline
        )
        return replace(record, events=events)


__all__ = ["EventStage"]
