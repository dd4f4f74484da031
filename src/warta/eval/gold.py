"""Reading gold: a folder of inputs (``<name>.txt`` / ``<name>.html``) with ``<name>.json``.

Gold files have the record's shape with the easings of ``spec/record.md``: spans given as
text only, and lists of acceptable answers wherever one value is expected. :func:`parse`
checks the shape and returns a normalised copy (plain dicts) in which every "one or a
list of" field is a list, so the scorer never has to ask. Malformed gold raises
:class:`warta.errors.RecordError` naming the file.

Absent keys stay absent (the scorer then skips that measure); ``null`` means "gold says
there is none", which is itself scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import RecordError

INPUT_SUFFIXES = (".txt", ".html", ".htm")
META_FIELDS = ("title", "published", "language", "dateline", "publisher")
LIST_META = ("authors", "cited_sources", "must_include", "must_exclude")


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One gold example: the raw input and its hand-made answer."""

    name: str
    input_path: Path
    gold_path: Path


def gold_pairs(gold_dir: Path) -> tuple[GoldPair, ...]:
    """Every ``<name>.json`` in ``gold_dir`` with its input beside it, sorted by name.

    A gold file without an input is an error: it would silently shrink the set.
    """
    pairs = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        inputs = [gold_path.with_suffix(s) for s in INPUT_SUFFIXES]
        found = [p for p in inputs if p.is_file()]
        if not found:
            raise RecordError(f"{gold_path}: no input (.txt or .html) beside it")
        pairs.append(GoldPair(gold_path.stem, found[0], gold_path))
    return tuple(pairs)


def load_gold(path: Path) -> dict[str, Any]:
    """Read, check and normalise one gold JSON file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecordError(f"{path}: cannot read gold ({exc})") from None
    return parse(data, str(path))


def as_list(value: Any) -> list[Any]:
    """A scalar gold value as a one-element list (``None`` -> ``[None]``)."""
    return list(value) if isinstance(value, list | tuple) else [value]


def parse(data: Any, where: str = "gold") -> dict[str, Any]:
    """Check ``data`` has gold's shape; return a normalised copy (idempotent)."""
    top = _obj(data, where)
    out: dict[str, Any] = {}
    art = _obj(top.get("article", {}), f"{where}: article")
    article: dict[str, Any] = {}
    for key in META_FIELDS:
        if key in art:
            article[key] = _strings(art[key], f"{where}: article.{key}", allow_null=True)
    for key in LIST_META:
        if key in art:
            article[key] = _strings(art[key], f"{where}: article.{key}", allow_null=False)
    out["article"] = article
    out["entities"] = [
        _entity(e, f"{where}: entities[{i}]") for i, e in _items(top, "entities", where)
    ]
    out["places"] = [_place(p, f"{where}: places[{i}]") for i, p in _items(top, "places", where)]
    out["events"] = [_event(e, f"{where}: events[{i}]") for i, e in _items(top, "events", where)]
    out["claims"] = [_claim(c, f"{where}: claims[{i}]") for i, c in _items(top, "claims", where)]
    out["quantities"] = [
        _quantity(q, f"{where}: quantities[{i}]") for i, q in _items(top, "quantities", where)
    ]
    return out


def _items(top: dict[str, Any], key: str, where: str) -> list[tuple[int, Any]]:
    value = top.get(key, [])
    if not isinstance(value, list):
        raise RecordError(f"{where}: {key} must be a list")
    return list(enumerate(value))


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RecordError(f"{where}: expected an object, got {type(value).__name__}")
    return value


def _strings(value: Any, where: str, allow_null: bool, required: bool = False) -> list[Any]:
    items = as_list(value)
    for v in items:
        if v is None and allow_null:
            continue
        if not isinstance(v, str):
            raise RecordError(f"{where}: expected text, got {v!r}")
    if required and not [v for v in items if v is not None]:
        raise RecordError(f"{where}: needs at least one value")
    return items


def _flag(item: dict[str, Any], where: str) -> bool:
    value = item.get("optional", False)
    if not isinstance(value, bool):
        raise RecordError(f"{where}.optional: expected true or false")
    return value


def _entity(value: Any, where: str) -> dict[str, Any]:
    e = _obj(value, where)
    return {
        "type": _strings(e.get("type"), f"{where}.type", allow_null=False, required=True),
        "names": _strings(e.get("names"), f"{where}.names", allow_null=False, required=True),
        "code": _strings(e.get("code"), f"{where}.code", allow_null=True),
        "optional": _flag(e, where),
    }


def _place(value: Any, where: str) -> dict[str, Any]:
    p = _obj(value, where)
    ids = as_list(p.get("geonameid", []))
    ids = [] if ids == [None] else ids
    if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise RecordError(f"{where}.geonameid: expected integers, got {ids!r}")
    names = _strings(p.get("names", []), f"{where}.names", allow_null=False)
    if not ids and not names:
        raise RecordError(f"{where}: a place needs a geonameid or names")
    return {
        "geonameid": ids,
        "country": _strings(p.get("country"), f"{where}.country", allow_null=True),
        "names": names,
        "optional": _flag(p, where),
    }


def _participant(value: Any, where: str) -> dict[str, Any]:
    if value is None:  # no recipient at all: only "no recipient" is right
        return {"code": [None]}
    part = _obj(value, where)
    out = {"code": _strings(part.get("code"), f"{where}.code", allow_null=True)}
    if part.get("sector") is not None:
        out["sector"] = _strings(part["sector"], f"{where}.sector", allow_null=True)
    return out


def _event(value: Any, where: str) -> dict[str, Any]:
    e = _obj(value, where)
    out: dict[str, Any] = {
        "type": _strings(e.get("type"), f"{where}.type", allow_null=False, required=True),
        "actor": _participant(e.get("actor"), f"{where}.actor"),
        "recipient": _participant(e.get("recipient"), f"{where}.recipient"),
        "status": _strings(e.get("status"), f"{where}.status", allow_null=True),
        "evidence": _strings(
            e.get("evidence"), f"{where}.evidence", allow_null=False, required=True
        ),
        "optional": _flag(e, where),
        "place": None,
        "date": None,
    }
    if e.get("place") is not None:
        out["place"] = _place(e["place"], f"{where}.place")
    if e.get("date") is not None:
        date = _obj(e["date"], f"{where}.date")
        for key in ("start", "end"):
            if not isinstance(date.get(key), str):
                raise RecordError(f"{where}.date.{key}: expected an ISO date")
        out["date"] = {"start": date["start"], "end": date["end"]}
    return out


def _claim(value: Any, where: str) -> dict[str, Any]:
    c = _obj(value, where)
    speaker = _obj(c.get("speaker"), f"{where}.speaker")
    return {
        "speaker": {
            "names": _strings(
                speaker.get("names"), f"{where}.speaker.names", allow_null=False, required=True
            )
        },
        "stance": _strings(c.get("stance"), f"{where}.stance", allow_null=False, required=True),
        "evidence": _strings(
            c.get("evidence"), f"{where}.evidence", allow_null=False, required=True
        ),
        "optional": _flag(c, where),
    }


def _quantity(value: Any, where: str) -> dict[str, Any]:
    q = _obj(value, where)
    values = as_list(q.get("value"))
    if not values or any(isinstance(v, bool) or not isinstance(v, int | float) for v in values):
        raise RecordError(f"{where}.value: expected a number or a list of numbers")
    return {
        "text": q.get("text"),
        "value": values,
        "unit": _strings(q.get("unit"), f"{where}.unit", allow_null=True),
        "qualifier": _strings(
            q.get("qualifier"), f"{where}.qualifier", allow_null=False, required=True
        ),
        "optional": _flag(q, where),
    }
