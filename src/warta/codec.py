"""Exact JSON (de)serialisation and JSON Schema for the record types, from their type hints.

``from_dict(Record, to_dict(r)) == r`` holds for every record; unknown keys are an
error, so a typo in a hand-written record is caught rather than silently dropped.
"""

from __future__ import annotations

import dataclasses
import json
import types
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from .errors import RecordError
from .records import SCHEMA_ID, Record

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def to_dict(obj: Any) -> Any:
    """A record (or any part of one) as plain JSON-ready Python values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_dict(x) for x in obj]
    return obj


def to_json(record: Record, indent: int | None = None) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent)


def from_dict(cls: type[T], data: Any) -> T:
    """Build ``cls`` from :func:`to_dict` output; raises :class:`RecordError` on bad shape."""
    return _convert(cls, data, cls.__name__)


def from_json(text: str) -> Record:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"not JSON: {exc}") from None
    return from_dict(Record, data)


def _convert(tp: Any, value: Any, where: str) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = get_args(tp)
        if value is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(option, value, where)
            except RecordError as exc:
                errors.append(str(exc))
        raise RecordError("; ".join(errors) or f"{where}: unexpected null")
    if origin is Literal:
        if value not in get_args(tp):
            raise RecordError(f"{where}: {value!r} is not one of {list(get_args(tp))}")
        return value
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise RecordError(f"{where}: expected a list, got {type(value).__name__}")
        (item,) = get_args(tp)[:1]
        return tuple(_convert(item, v, f"{where}[{i}]") for i, v in enumerate(value))
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise RecordError(f"{where}: expected an object, got {type(value).__name__}")
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        extra = set(value) - names
        if extra:
            raise RecordError(f"{where}: unknown field(s) {sorted(extra)}")
        kwargs = {k: _convert(hints[k], v, f"{where}.{k}") for k, v in value.items()}
        try:
            return tp(**kwargs)
        except TypeError as exc:
            raise RecordError(f"{where}: {exc}") from None
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RecordError(f"{where}: expected a number, got {value!r}")
        return value  # keep ints as ints so JSON round-trips exactly
    if tp in (int, str, bool):
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise RecordError(f"{where}: expected {tp.__name__}, got {value!r}")
        return value
    raise RecordError(f"{where}: unsupported type {tp!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record, derived from the dataclasses."""
    defs: dict[str, Any] = {}
    _schema(Record, defs)
    top = defs.pop("Record")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "warta record",
        **top,
        "$defs": defs,
    }


def _schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_schema(a, defs) for a in get_args(tp)]
        return {"anyOf": options}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": _schema(get_args(tp)[0], defs)}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder stops recursion
            hints = _hints(tp)
            props = {f.name: _schema(hints[f.name], defs) for f in dataclasses.fields(tp)}
            required = [
                f.name
                for f in dataclasses.fields(tp)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            ]
            defs[name] = {
                "type": "object",
                "properties": props,
                "required": required,
                "additionalProperties": False,
            }
            if tp is Record:
                props["schema"] = {"const": SCHEMA_ID}
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no schema for {tp!r}")

