"""Phrase tables: find known multi-word names in text, leftmost-longest, on word boundaries.

Used for sector words, state names, organisations, titles. Phrases are compared token by
token (``warta.text.WORD_RE``) after case-folding, except phrases written all in capitals
("AS", "UN", "KKB"), which match only in capitals so that the English word "as" is not the
United States and Indonesian "bin" is not an agency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from ..text import WORD_RE

V = TypeVar("V")

# Scraped bodies glue words ("DilansirAFP", "ASPete"): a lower-to-upper change of case
# inside a token is treated as a word boundary, on both the phrase and the text side.
_GLUE_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


class _Tok:
    __slots__ = ("_s", "_e", "_t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self._s, self._e, self._t = s, e, t

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self) -> str:
        return self._t


def words(text: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    """Word tokens of ``text[start:end]``, glued words split (see ``_GLUE_RE``)."""
    out: list[_Tok] = []
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        pos = m.start()
        for piece in _GLUE_RE.split(m.group()):
            if piece:
                out.append(_Tok(pos, pos + len(piece), piece))
            pos += len(piece)
    return out


@lru_cache(maxsize=16)
def _tokens(
    text: str, start: int, end: int | None
) -> tuple[tuple[_Tok, ...], tuple[str, ...], tuple[str, ...]]:
    """Tokens of ``text[start:end]`` with their lookup forms; every phrase table scans
    the same article text, so it is tokenised once, not once per table."""
    toks = tuple(words(text, start, end))
    normed = tuple(_norm(m.group()) for m in toks)
    return toks, normed, tuple(t.casefold() for t in normed)


def _norm(token: str) -> str:
    # "Ukraine's military" / "Rusia’s": a possessive does not change what is named
    if token[-2:] in ("'s", "’s") and len(token) > 2:
        return token[:-2]
    return token


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
        # first word -> longest phrase starting with it: find() tries only those lengths
        # at a position, and skips positions no phrase starts at (most of them)
        self._first_folded: dict[str, int] = {}
        self._first_exact: dict[str, int] = {}
        self.max_len = 1
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: V, overwrite: bool = False) -> None:
        toks = tuple(_norm(m.group()) for m in words(phrase))
        if not toks:
            return
        if _is_acronym(phrase):
            table, key, first = self._exact, toks, self._first_exact
        else:
            table, key = self._folded, tuple(t.casefold() for t in toks)
            first = self._first_folded
        if overwrite or key not in table:
            table[key] = value
        first[key[0]] = max(first.get(key[0], 0), len(key))
        self.max_len = max(self.max_len, len(toks))

    def __len__(self) -> int:
        return len(self._folded) + len(self._exact)

    def get(self, phrase: str) -> V | None:
        """The value of exactly this phrase, or None."""
        return self._lookup(tuple(_norm(m.group()) for m in words(phrase)))

    def _lookup(self, toks: tuple[str, ...]) -> V | None:
        if toks in self._exact:
            return self._exact[toks]
        return self._folded.get(tuple(t.casefold() for t in toks))

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit[V]]:
        """Leftmost-longest, non-overlapping hits in ``text[start:end]``."""
        toks, normed, folded = _tokens(text, start, end)
        first_exact, first_folded = self._first_exact, self._first_folded
        exact, fold = self._exact, self._folded
        count = len(toks)
        i = 0
        while i < count:
            longest = max(first_exact.get(normed[i], 0), first_folded.get(folded[i], 0))
            for n in range(min(longest, count - i), 0, -1):
                key = tuple(normed[i : i + n])
                value = exact.get(key) if key in exact else fold.get(tuple(folded[i : i + n]))
                if value is not None:
                    s, e = toks[i].start(), toks[i + n - 1].end()
                    yield Hit(s, e, text[s:e], value)
                    i += n
                    break
            else:
                i += 1
