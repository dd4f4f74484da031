"""Phrase tables: find known multi-word names in text, leftmost-longest, on word boundaries.

Used for sector words, state names, organisations, titles. Phrases are compared token by
token (``warta.text.WORD_RE``) after case-folding, except phrases written all in capitals
("AS", "UN", "KKB"), which match only in capitals so that the English word "as" is not the
United States and Indonesian "bin" is not an agency.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..text import WORD_RE

V = TypeVar("V")


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True, slots=True)
class Hit(Generic[V]):
    """A phrase found in text: ``[start, end)`` offsets, the words as written, its value."""

    start: int
    end: int
    text: str
    value: V


class PhraseTable(Generic[V]):
    """Maps phrases to values; :meth:`find` scans text for them."""

    def __init__(self, entries: Iterable[tuple[str, V]] = ()) -> None:
        self._folded: dict[tuple[str, ...], V] = {}
        self._exact: dict[tuple[str, ...], V] = {}
        self.max_len = 1
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: V, overwrite: bool = False) -> None:
        toks = tuple(m.group() for m in WORD_RE.finditer(phrase))
        if not toks:
            return
        if _is_acronym(phrase):
            table, key = self._exact, toks
        else:
            table, key = self._folded, tuple(t.casefold() for t in toks)
        if overwrite or key not in table:
            table[key] = value
        self.max_len = max(self.max_len, len(toks))

    def __len__(self) -> int:
        return len(self._folded) + len(self._exact)

    def get(self, phrase: str) -> V | None:
        """The value of exactly this phrase, or None."""
        toks = tuple(m.group() for m in WORD_RE.finditer(phrase))
        return self._lookup(toks)

    def _lookup(self, toks: tuple[str, ...]) -> V | None:
        if toks in self._exact:
            return self._exact[toks]
        return self._folded.get(tuple(t.casefold() for t in toks))

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit[V]]:
        """Leftmost-longest, non-overlapping hits in ``text[start:end]``."""
        words = list(WORD_RE.finditer(text, start, len(text) if end is None else end))
        i = 0
        while i < len(words):
            for n in range(min(self.max_len, len(words) - i), 0, -1):
                group = words[i : i + n]
                value = self._lookup(tuple(m.group() for m in group))
                if value is not None:
                    s, e = group[0].start(), group[-1].end()
                    yield Hit(s, e, text[s:e], value)
                    i += n
                    break
            else:
                i += 1
