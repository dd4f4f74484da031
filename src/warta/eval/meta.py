"""Scoring the article's body and metadata against gold (``body.*`` and ``meta.*`` rows).

Single-valued fields (title, language, dateline, publisher, published) are scored so that
saying "there is none" correctly is rewarded, and inventing a value is not:

==========================  ==========================  ======================
gold                        prediction                  counts
==========================  ==========================  ======================
a value (or list)           one of them                 tp
a value (or list)           missing                     fn
a value (or list)           another value               fp + fn
null (or a list with null)  missing                     tp
null                        a value                     fp
list with null and values   another value               fp (no value was owed)
==========================  ==========================  ======================

A field absent from the gold file is not scored at all. ``published`` is right when it
is the same instant with the same UTC offset, to the minute. ``authors`` and
``cited_sources`` are scored item by item with :func:`warta.eval.match.match`
(a repeated author is a duplicate).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..records import Record
from ..text import fold
from .counts import Counts
from .match import match
from .spans import TextIndex


def score_body(record: Record, gold: dict[str, Any], index: TextIndex) -> dict[str, Counts]:
    """``body.paragraphs`` (recall only) and ``body.boilerplate`` (precision only)."""
    art = gold["article"]
    out: dict[str, Counts] = {}
    if "must_include" in art:
        found = sum(1 for s in art["must_include"] if index.contains(s))
        out["body.paragraphs"] = Counts(tp=found, fn=len(art["must_include"]) - found)
    if "must_exclude" in art:
        present = sum(1 for s in art["must_exclude"] if index.contains(s))
        out["body.boilerplate"] = Counts(tp=len(art["must_exclude"]) - present, fp=present)
    return out


def score_meta(record: Record, gold: dict[str, Any]) -> dict[str, Counts]:
    """The ``meta.*`` rows for the fields the gold file gives."""
    art = gold["article"]
    predicted = {
        "title": record.article.title,
        "language": record.article.language,
        "dateline": record.article.dateline,
        "publisher": record.source.publisher,
        "published": record.article.published,
    }
    out: dict[str, Counts] = {}
    for key in ("title", "language", "dateline", "publisher", "published"):
        if key in art:
            same = same_instant if key == "published" else same_text
            out[f"meta.{key}"] = score_value(art[key], predicted[key], same)
    for key in ("authors", "cited_sources"):
        if key in art:
            preds = getattr(record.article, key)
            out[f"meta.{key}"] = match(
                art[key], preds, lambda g, p: same_text(g, p), optional=lambda g: False
            ).counts
    return out


def score_value(
    accepted: list[Any], predicted: str | None, same: Callable[[str, str], bool]
) -> Counts:
    """One single-valued field, by the table in the module docstring."""
    allows_none = None in accepted
    values = [v for v in accepted if v is not None]
    if predicted is None or not str(predicted).strip():
        return Counts(tp=1) if allows_none else Counts(fn=1)
    if any(same(v, predicted) for v in values):
        return Counts(tp=1)
    return Counts(fp=1) if allows_none else Counts(fp=1, fn=1)


def same_text(gold: str, predicted: str) -> bool:
    return fold(gold) == fold(predicted)


def same_instant(gold: str, predicted: str) -> bool:
    """Same instant and same UTC offset, to the minute; unparseable means wrong."""
    try:
        g, p = datetime.fromisoformat(gold), datetime.fromisoformat(predicted)
    except ValueError:
        return False
    if g.utcoffset() != p.utcoffset():  # also rejects a naive time against an aware one
        return False
    return g.replace(second=0, microsecond=0) == p.replace(second=0, microsecond=0)
