"""Map offsets in the clean body back to the input as it was read.

The cleaner drops lines, strips datelines and puts back glued words' spaces, so an offset
into ``article.text`` is not an offset into the input. ``Article.source_map`` keeps a short
list of ``(clean, raw)`` anchors: from one anchor to the next the clean text copies the
input verbatim, so ``raw + (offset - clean)`` is the input offset. A character the cleaner
inserted (a repaired space, a paragraph break) maps to the input position just after it.
An anchor whose raw offset is -1 marks clean text not found verbatim in the input (HTML
paragraphs rebuilt from markup).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..records import Article

Anchors = tuple[tuple[int, int], ...]


class MapBuilder:
    """Assemble clean text piece by piece while recording where each piece came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.pos = 0

    def copy(self, text: str, raw: int) -> None:
        """Append ``text``, which is the input's ``[raw, raw + len(text))`` (raw -1: unknown)."""
        if not text:
            return
        if not self.anchors or raw < 0 or self._at(self.pos) != raw:
            if not (self.anchors and raw < 0 and self.anchors[-1][1] < 0):
                self.anchors.append((self.pos, raw))
        self.parts.append(text)
        self.pos += len(text)

    def insert(self, text: str) -> None:
        """Append ``text`` that is not in the input (paragraph breaks, repaired spaces)."""
        self.parts.append(text)
        self.pos += len(text)

    def _at(self, pos: int) -> int:
        c, r = self.anchors[-1]
        return -1 if r < 0 else r + pos - c

    def text(self) -> str:
        return "".join(self.parts)

    def result(self) -> Anchors:
        return tuple(self.anchors)


def copy_repaired(build: MapBuilder, text: str, raw: int, cuts: Sequence[int]) -> None:
    """Append ``text`` (from input offset ``raw``) with a space put in at each of ``cuts``."""
    prev = 0
    for c in cuts:
        build.copy(text[prev:c], raw + prev if raw >= 0 else -1)
        build.insert(" ")
        prev = c
    build.copy(text[prev:], raw + prev if raw >= 0 else -1)


def source_offset(anchors: Anchors, offset: int) -> int | None:
    """The input offset of clean ``offset``, or None where the input does not hold it."""
    i = bisect_right(anchors, (offset, float("inf"))) - 1
    if i < 0:
        return None
    c, r = anchors[i]
    return None if r < 0 else r + offset - c


def source_span(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` of ``article.text`` as a ``[start, end)`` of the input, if known."""
    if end <= start:
        return None
    a = source_offset(article.source_map, start)
    b = source_offset(article.source_map, end - 1)
    return None if a is None or b is None else (a, b + 1)
