"""Finding gold strings in ``article.text`` regardless of case and whitespace.

Gold spans are written as text copied from the raw input, while the predicted body may
have repaired whitespace ("seranganIsraelyang" -> "serangan Israel yang"). So both sides
are compared on a folded form (case folded, whitespace removed) and every folded
character remembers the offset of the original character it came from, which turns a hit
in the folded text back into ``[start, end)`` offsets of ``article.text``.

Folding is done character by character (casefold, then NFD) so that composed and
decomposed accents fold alike and the offset map stays exact. Invisible format
characters (zero-width space, soft hyphen: Unicode category Cf) are dropped with the
whitespace, since scrapers add and remove them as freely as spaces.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

Offsets = tuple[tuple[int, int], ...]


@lru_cache(maxsize=4096)
def _char_key(ch: str) -> str:
    if ch.isspace() or unicodedata.category(ch) == "Cf":
        return ""
    return unicodedata.normalize("NFD", ch.casefold())


def fold_key(text: str) -> str:
    """The folded form used to locate spans (same per-character folding as the index)."""
    return "".join(_char_key(ch) for ch in text)


class TextIndex:
    """A folded view of one text that maps hits back to the text's own offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        keys: list[str] = []
        owner: list[int] = []
        for i, ch in enumerate(text):
            key = _char_key(ch)
            if key:
                keys.append(key)
                owner.extend([i] * len(key))
        self.folded = "".join(keys)
        self._owner = owner
        self._cache: dict[str, Offsets] = {}

    def find(self, needle: str) -> Offsets:
        """Every occurrence of ``needle`` (folded) as ``(start, end)`` offsets, overlapping too."""
        if needle in self._cache:
            return self._cache[needle]
        key = fold_key(needle)
        hits: list[tuple[int, int]] = []
        if key:
            at = self.folded.find(key)
            while at != -1:
                start = self._owner[at]
                end = self._owner[at + len(key) - 1] + 1
                hits.append((start, end))
                at = self.folded.find(key, at + 1)
        self._cache[needle] = tuple(hits)
        return self._cache[needle]

    def contains(self, needle: str) -> bool:
        return bool(self.find(needle))


def overlaps(start: int, end: int, others: Offsets) -> bool:
    """Whether ``[start, end)`` shares at least one character with any of ``others``."""
    return any(start < o_end and o_start < end for o_start, o_end in others)
