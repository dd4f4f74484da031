"""Word tokens for the event layer: lower-cased forms with spans into ``article.text``.

Scraped pages glue words ("tembakan militerIsraeldi"); a lower-to-upper case change
inside a token is split so lexicons still see "militer" and "Israel".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# numbers keep their separators ("1.500", "2,5"); words keep inner hyphens/apostrophes
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_GLUE_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, glued words split at a lower-to-upper case change."""
    # several stages tokenise the same sentence: the tuple is shared, the list the caller's
    return list(_tokens(text, start, len(text) if end is None else end))


@lru_cache(maxsize=512)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        word, base = m.group(), m.start()
        if word[1:].islower() or word[0].isdigit() or word.isupper():
            # no upper case after a lower one: nothing glued (the common case, no regex)
            out.append(Token(base, base + len(word), word, word.lower()))
            continue
        cuts = [0, *(g.start() for g in _GLUE_RE.finditer(word)), len(word)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b > a:
                piece = word[a:b]
                out.append(Token(base + a, base + b, piece, piece.lower()))
    return tuple(out)


def match_phrase(toks: list[Token], i: int, phrases: dict[tuple[str, ...], object]) -> int:
    """Length (in tokens) of the longest key of ``phrases`` starting at ``toks[i]``, or 0."""
    best = 0
    for n in range(1, 6):
        if i + n > len(toks):
            break
        if tuple(t.low for t in toks[i : i + n]) in phrases:
            best = n
    return best


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token key of a lexicon phrase, tokenised like text."""
    return tuple(t.low for t in tokenize(phrase))
