"""Phrase tables: find known multi-word names in text, leftmost-longest, on word boundaries.

Used for sector words, state names, organisations, titles. Phrases are compared token by
token (``warta.text.WORD_RE``) after case-folding, except phrases written all in capitals
("AS", "UN", "KKB"), which match only in capitals so that the English word "as" is not the
United States and Indonesian "bin" is not an agency.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import or_
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
    return [_Tok(s, e, t) for s, e, t in _pieces(text, start, end)]


def _pieces(text: str, start: int, end: int | None) -> list[tuple[int, int, str]]:
    """``words`` as (start, end, text) triples."""
    return _scan(text, start, len(text) if end is None else end)[0]


def _scan(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[int]]:
    """The pieces of ``text[start:end]`` and, for each, the end of the ``WORD_RE``
    match it comes from (several pieces when a glued word was split)."""
    out: list[tuple[int, int, str]] = []
    ends: list[int] = []
    append, append_end = out.append, ends.append
    for m in WORD_RE.finditer(text, start, end):
        word = m.group()
        pos, stop = m.span()
        rest = word[1:]
        if rest.lower() == rest:  # no capital after the first letter: nothing glued
            append((pos, stop, word))
            append_end(stop)
            continue
        for piece in _GLUE_RE.split(word):
            if piece:
                append((pos, pos + len(piece), piece))
                append_end(stop)
            pos += len(piece)
    return out, ends


_Tokens = tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[str, ...]]
# Texts this long are tokenised whole once; a stretch of one is cut from those tokens.
_WHOLE_FROM = 400


@lru_cache(maxsize=256)
def _tokens(text: str, start: int, end: int | None) -> _Tokens:
    """Starts, ends and lookup forms (as written, case-folded) of the tokens of
    ``text[start:end]``; every phrase table scans the same article text (and looks at
    many short stretches of it), so the article is tokenised once, not once per call."""
    if len(text) >= _WHOLE_FROM:
        return _stretch(text, start, len(text) if end is None else end)
    return _forms(_pieces(text, start, end))


def _forms(pieces: list[tuple[int, int, str]]) -> _Tokens:
    if not pieces:
        return (), (), (), ()
    starts, ends, raw = zip(*pieces, strict=True)
    normed = tuple(map(_norm, raw))
    return starts, ends, normed, tuple(t.casefold() for t in normed)


@lru_cache(maxsize=4)
def _whole(text: str) -> tuple[_Tokens, tuple[int, ...], tuple[int, ...]]:
    """The tokens of all of ``text``, with the start and end of the ``WORD_RE`` match
    each comes from (a glued word's pieces share their match)."""
    pieces, match_ends = _scan(text, 0, len(text))
    tokens = _forms(pieces)
    # a match starts where its first piece does: carry that start over its other pieces
    first = list(tokens[0])
    for k in range(1, len(first)):
        if match_ends[k] == match_ends[k - 1]:
            first[k] = first[k - 1]
    return tokens, tuple(first), tuple(match_ends)


def _stretch(text: str, start: int, end: int) -> _Tokens:
    """``_forms(_pieces(text, start, end))``, cut from the whole text's tokens. A match
    that lies wholly inside the stretch is the same match either way (``WORD_RE`` looks
    neither behind nor past its match); one cut by ``start`` or ``end`` is matched
    again within the stretch, as a scan of the stretch alone would match it."""
    (starts, ends, normed, folded), first, last = _whole(text)
    i = bisect_left(first, start)  # pieces of matches starting in the stretch
    j = bisect_right(last, end)  # pieces of matches ending in it
    if i > 0 and last[i - 1] > start:  # a match cut by the start
        head = _forms(_pieces(text, start, min(end, last[i - 1])))
    else:
        head = None
    if j < len(first) and first[j] < end and first[j] >= start:  # a match cut by the end
        tail = _forms(_pieces(text, first[j], end))
    else:
        tail = None
    j = max(i, j)
    body = (starts[i:j], ends[i:j], normed[i:j], folded[i:j])
    if head is None and tail is None:
        return body
    parts = [p for p in (head, body, tail) if p is not None]
    return (
        tuple(x for p in parts for x in p[0]),
        tuple(x for p in parts for x in p[1]),
        tuple(x for p in parts for x in p[2]),
        tuple(x for p in parts for x in p[3]),
    )


@lru_cache(maxsize=1 << 14)  # names are looked up again and again (holders, states)
def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(_norm(t) for _, _, t in _pieces(phrase, 0, None))


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
        return self._lookup(_phrase_key(phrase))

    def _lookup(self, toks: tuple[str, ...]) -> V | None:
        if toks in self._exact:
            return self._exact[toks]
        return self._folded.get(tuple(t.casefold() for t in toks))

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit[V]]:
        """Leftmost-longest, non-overlapping hits in ``text[start:end]``."""
        starts, ends, normed, folded = _tokens(text, start, end)
        exact, fold = self._exact, self._folded
        count = len(starts)
        # the longest phrase that can start at each token (0: none, most tokens), looked
        # up for all tokens at once rather than one at a time
        by_exact = list(map(self._first_exact.get, normed, repeat(0)))
        by_folded = list(map(self._first_folded.get, folded, repeat(0)))
        i = 0
        for at in compress(range(count), map(or_, by_exact, by_folded)):
            if at < i:
                continue  # inside the previous hit
            longest = max(by_exact[at], by_folded[at])
            for n in range(min(longest, count - at), 0, -1):
                key = normed[at : at + n]
                value = exact.get(key) if key in exact else fold.get(folded[at : at + n])
                if value is not None:
                    s, e = starts[at], ends[at + n - 1]
                    yield Hit(s, e, text[s:e], value)
                    i = at + n
                    break
