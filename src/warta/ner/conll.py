"""Reading NER training data: CoNLL-style files, one token a line, the BIO tag in the last
column, sentences separated by blank lines (idner-news-2k, NERGrit, NERP, CoNLL-2003).

Tag sets differ between corpora; :data:`TYPE_MAP` folds the common spellings onto
warta's three model types PER / ORG / LOC, and anything else becomes ``O`` unless the
caller passes its own map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

# Corpus entity types -> the model's types (PER, ORG, LOC).
TYPE_MAP: Mapping[str, str] = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG", "NOR": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """Tokens and their BIO tags (``B-PER``, ``I-LOC``, ``O``)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def normalise_tag(tag: str, type_map: Mapping[str, str] = TYPE_MAP) -> str:
    """``B-PERSON`` -> ``B-PER``; unknown types and malformed tags -> ``O``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, kind = tag.partition("-")
    mapped = type_map.get(kind.upper())
    if prefix.upper() not in ("B", "I") or mapped is None:
        return "O"
    return f"{prefix.upper()}-{mapped}"


def read_conll(path: str | Path, type_map: Mapping[str, str] = TYPE_MAP) -> list[TaggedSentence]:
    """Sentences of a CoNLL/BIO file (whitespace-separated columns: token first, tag last)."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "unreadable", str(exc)) from None
    out: list[TaggedSentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in [*lines, ""]:
        cols = line.split()
        if not cols or line.startswith("-DOCSTART-"):
            if toks:
                out.append(TaggedSentence(tuple(toks), tuple(tags)))
                toks, tags = [], []
            continue
        if len(cols) < 2:
            raise InputError(str(path), "malformed_row", f"no tag column in {line!r}")
        toks.append(cols[0])
        tags.append(normalise_tag(cols[-1], type_map))
    if not out:
        raise InputError(str(path), "empty", "no tagged sentences")
    return out


def spans(tags: Iterable[str]) -> list[tuple[str, int, int]]:
    """Entity spans ``(type, first token, end token)`` of a BIO sequence; an ``I-`` tag
    that does not continue an entity of its type starts one (the conlleval convention)."""
    out: list[tuple[str, int, int]] = []
    kind, start = None, 0
    seq = list(tags)
    for i, tag in enumerate([*seq, "O"]):
        prefix, _, t = tag.partition("-")
        if kind is not None and (prefix != "I" or t != kind):
            out.append((kind, start, i))
            kind = None
        if prefix == "B" or (prefix == "I" and kind is None):
            kind, start = t, i
    return out
