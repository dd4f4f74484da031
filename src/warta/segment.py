"""Sentence stage: splits ``article.text`` into sentence ranges, in the article's language."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from .records import Record
from .settings import Settings
from .text import sentences


class SentenceStage:
    name: ClassVar[str] = "sentences"
    requires: ClassVar[tuple[str, ...]] = ("article.language",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, record: Record) -> Record:
        return replace(record, sentences=sentences(record.article.text, record.article.language))
