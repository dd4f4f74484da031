"""The built-in stages, registered by name (see ``stages`` in settings.toml).

Each factory imports its module only when the stage is built, so a pipeline that does
not use a stage never pays for loading it.
"""

from __future__ import annotations

from .pipeline import Stage, register
from .settings import Settings


@register("language")
def _language(settings: Settings) -> Stage:
    from .extract.language import LanguageStage

    return LanguageStage(settings)


@register("sentences")
def _sentences(settings: Settings) -> Stage:
    from .segment import SentenceStage

    return SentenceStage(settings)


@register("entities")
def _entities(settings: Settings) -> Stage:
    from .entities import EntityStage

    return EntityStage(settings)


@register("places")
def _places(settings: Settings) -> Stage:
    from .geo import PlaceStage

    return PlaceStage(settings)


@register("quantities")
def _quantities(settings: Settings) -> Stage:
    from .events.quantities import QuantityStage

    return QuantityStage(settings)


@register("events")
def _events(settings: Settings) -> Stage:
    from .events import EventStage

    return EventStage(settings)


@register("claims")
def _claims(settings: Settings) -> Stage:
    from .events.claims import ClaimStage

    return ClaimStage(settings)
