"""Language-neutral text helpers: sentences, word tokens, spans and stable ids.

Sentence splitting is rule-based (terminal punctuation, closing quotes, paragraph breaks,
per-language abbreviation lists): fast, predictable, and good enough on edited news.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from . import lang as langdata
from .records import Range, Span

WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace,
# or at a line break (clean bodies hold one paragraph per line block).
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n\s*")


def fold(text: str) -> str:
    """Case- and whitespace-insensitive key, as the scorer compares text."""
    if not text.isascii():  # NFC leaves ASCII as it is
        text = unicodedata.normalize("NFC", text)
    return "".join(text.casefold().split())


def doc_id(text: str) -> str:
    """Stable id of an article: hash of its whitespace-normalised clean text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Word tokens of ``text[start:end]`` as spans into ``text``."""
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        yield Span(m.start(), m.end(), m.group())


def span(text: str, start: int, end: int) -> Span:
    """A span with surrounding whitespace trimmed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def sentences(text: str, language: str | None = None) -> tuple[Range, ...]:
    """Sentence ranges of ``text`` (whitespace trimmed, none empty).

    The last few results are kept: several stages split the same article text (the
    sentence stage, then the NER finder), and the answer is an immutable tuple."""
    return _sentences(text, language or "")


@lru_cache(maxsize=32)
def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(langdata.load(language, "sentences").get("abbreviations", ()))


@lru_cache(maxsize=16)
def _sentences(text: str, language: str) -> tuple[Range, ...]:
    abbrevs = _abbreviations(language)
    out: list[Range] = []
    start = 0
    for m in _END_RE.finditer(text):
        if m.group()[0] == ".":
            # the run of word characters and dots just before the period (``[\w.]+$``)
            end = i = m.start()
            while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
                i -= 1
            prev = text[i:end].lower()
            # "Jl." / "Dr." / initials like "J." do not end a sentence
            if prev in abbrevs or (len(prev) == 1 and prev.isalpha()):
                continue
            # "1.500" never reaches here (no whitespace after "."); a next word in lower
            # case means the period was not the sentence's end
            nxt = text[m.end() : m.end() + 3].lstrip()
            if nxt[:1].islower():
                continue
        _add(text, start, m.end(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return tuple(out)


def _add(text: str, start: int, end: int, out: list[Range]) -> None:
    s = span(text, start, end)
    if s.text:
        out.append(Range(s.start, s.end))


def sentence_of(sents: tuple[Range, ...], offset: int) -> Range | None:
    """The sentence holding character ``offset``."""
    for r in sents:
        if r.start <= offset < r.end:
            return r
    return None
