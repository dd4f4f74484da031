"""Language identification: the ``language`` stage and a cheap guess for the cleaner.

The stage asks lingua, restricted to ``settings.languages`` (built once; all 75 languages
would cost 1.4 GB), about the *body*: titles are short and flip Indonesian to Malay. When
Indonesian and Malay come out close, per-language marker words from
``lang/<code>/identify.toml`` (tentara/tentera, Senin/Isnin, pemerintah/kerajaan) decide;
for a pair the file calls ``confusable`` they overrule even a confident pick when they
clearly outnumber its own.
Text too short to judge gets ``settings.default_language``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import ClassVar

from .. import lang as langdata
from ..records import Record
from ..settings import Settings

_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_CHARS = 40  # below this no detector is trustworthy
CLOSE = 0.25  # confidence gap under which marker words break the tie


def _counts(text: str, languages: tuple[str, ...], key: str) -> dict[str, int]:
    low = " " + " ".join(_WORDS.findall(text.lower())) + " "
    out: dict[str, int] = {}
    for code in languages:
        words = langdata.load(code, "identify").get(key, ())
        out[code] = sum(low.count(f" {w} ") for w in words)
    return out


def guess(text: str, languages: tuple[str, ...], default: str) -> str:
    """A fast word-count guess (no model), good enough to pick date and name conventions."""
    common = _counts(text, languages, "common")
    if not common or max(common.values()) < 3:
        return default
    top = max(common.values())
    tied = [c for c in languages if common[c] >= top * 0.8]
    if len(tied) > 1:
        markers = _counts(text, tuple(tied), "markers")
        return max(tied, key=lambda c: (markers[c], common[c], c == default))
    return max(languages, key=lambda c: common[c])


class LanguageStage:
    """Fills ``article.language`` (ISO 639-1) from the body."""

    name: ClassVar[str] = "language"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("article.language",)

    def __init__(self, settings: Settings) -> None:
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        self.default = settings.default_language
        self.codes = tuple(settings.languages)
        isos = [
            getattr(IsoCode639_1, c.upper()) for c in self.codes if hasattr(IsoCode639_1, c.upper())
        ]
        self._detector = LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()
        # per language: the languages it is mistaken for, and by how many marker words
        # theirs must outnumber its own to overrule it
        self.confusable: dict[str, dict[str, int]] = {
            c: dict(langdata.load(c, "identify").get("confusable", {})) for c in self.codes
        }

    def detect(self, text: str) -> str:
        if len(text.strip()) < MIN_CHARS:
            return self.default
        values = self._detector.compute_language_confidence_values(text[:5000])
        ranked = [(v.language.iso_code_639_1.name.lower(), v.value) for v in values]
        if not ranked:
            return self.default
        best, score = ranked[0]
        close = [c for c, v in ranked if score - v < CLOSE]
        if len(close) > 1:
            markers = _counts(text, tuple(close), "markers")
            if max(markers.values()) > 0:
                best = max(close, key=lambda c: (markers[c], c == best))
        # a pair the detector confuses whatever its confidence (Indonesian news read as
        # Malay): the other's marker words overrule it when they clearly outnumber best's
        margins = self.confusable.get(best, {})
        rivals = [c for c, _ in ranked if c in margins and c not in close]
        if rivals:
            markers = _counts(text, (best, *rivals), "markers")
            top = max(rivals, key=lambda c: markers[c] - margins[c])
            if markers[top] - markers[best] >= margins[top]:
                best = top
        return best

    def __call__(self, record: Record) -> Record:
        if record.article.language:
            return record
        art = record.article
        lang = self.detect(art.text or art.title or "")
        return dataclasses.replace(record, article=dataclasses.replace(art, language=lang))
