"""Scraper row files (.jsonl/.ndjson, .csv, .json) -> one raw document per row.

Rows stream: a JSONL file is read line by line and a CSV record by record, so a dump of
any size costs the memory of one row. A bad row becomes an :class:`InputError` for
``file#N`` and the file goes on; N is the 1-based line number in a JSONL file and the
1-based data row (header excluded) in a CSV or JSON file.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..settings import FieldMap, Settings
from . import RawDocument, RowMeta
from .decode import (
    bom_encoding,
    decode_bytes,
    detect_encoding,
    is_binary,
    looks_like_html,
    scrub_surrogates,
)

_SNIFF = 65536


def row_document(where: str, row: Any, fields: FieldMap) -> RawDocument:
    """A raw document from one parsed row; raises InputError when it cannot be one."""
    if not isinstance(row, dict):
        raise InputError(where, "malformed_row", f"expected an object, got {type(row).__name__}")
    body = row.get(fields.body)
    if body is None:
        raise InputError(where, "malformed_row", f"no {fields.body!r} field")
    if not isinstance(body, str):
        raise InputError(where, "malformed_row", f"{fields.body!r} is {type(body).__name__}")
    if not body.strip():
        raise InputError(where, "empty", f"{fields.body!r} is blank")
    body = scrub_surrogates(body)
    meta = RowMeta(
        title=_text(row.get(fields.title)),
        published=_text(row.get(fields.published)),
        url=_text(row.get(fields.url)),
        source=_text(row.get(fields.source)),
        author=_text(row.get(fields.author)),
    )
    if looks_like_html(body):
        return RawDocument(path=where, content=body, kind="html", meta=meta)
    return RawDocument(path=where, content=body, kind="text", meta=meta)


def _text(value: Any) -> str | None:
    """A metadata value as one string (lists of authors are joined), None when blank."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        parts = [p for p in (_text(v) for v in value) if p]
        return ", ".join(parts) or None
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = scrub_surrogates(str(value)).strip()
    return text or None


def _refuse_head(path: str, head: bytes) -> InputError | None:
    """Why a row file cannot be read at all, judged from its first bytes, or None."""
    if not head.strip():
        return InputError(path, "empty", "the file holds no rows")
    if is_binary(head):
        return InputError(path, "binary", "the file looks binary (NUL or control bytes)")
    return None


def read_jsonl(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """One document per non-blank line."""
    with open(path, "rb") as f:
        head = f.read(_SNIFF)
        refused = _refuse_head(path, head)
        if refused is not None:
            yield refused
            return
        f.seek(0)
        yielded = 0
        for number, line in enumerate(f, start=1):
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            yielded += 1
            yield _jsonl_row(f"{path}#{number}", line, settings)
        if not yielded:
            yield InputError(path, "empty", "the file holds no rows")


def _jsonl_row(where: str, line: bytes, settings: Settings) -> RawDocument | InputError:
    if len(line) > settings.max_input_bytes:
        return InputError(where, "too_large", f"{len(line)} bytes > {settings.max_input_bytes}")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(where, "encoding", f"row is not UTF-8: {exc}")
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputError(where, "malformed_row", f"not valid JSON: {exc}")
    except RecursionError:  # "[[[[..." nested past the interpreter's stack
        return InputError(where, "malformed_row", "JSON nested too deeply")
    try:
        return row_document(where, row, settings.fields)
    except InputError as exc:
        return exc


def read_csv(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """One document per data row; the header row names the fields."""
    with open(path, "rb") as fb:
        head = fb.read(_SNIFF)
    refused = _refuse_head(path, head)
    if refused is not None:
        yield refused
        return
    encoding = _csv_encoding(head)
    if encoding is None:
        yield InputError(
            path, "encoding", "neither UTF-8 nor any encoding charset-normalizer knows"
        )
        return
    # csv's field limit is process-wide; raise it (never lower it) so long article bodies
    # up to the input limit are accepted rather than reported as broken rows
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_input_bytes))
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        try:
            header = reader.fieldnames
        except csv.Error as exc:
            yield InputError(path, "malformed_row", f"bad CSV header: {exc}")
            return
        if not header or settings.fields.body not in header:
            yield InputError(
                path, "unknown_format", f"CSV has no {settings.fields.body!r} column: {header}"
            )
            return
        number = 0
        while True:
            number += 1
            where = f"{path}#{number}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield InputError(where, "malformed_row", f"bad CSV row: {exc}")
                continue
            try:
                yield row_document(where, row, settings.fields)
            except InputError as exc:
                yield exc


def _csv_encoding(head: bytes) -> str | None:
    bom = bom_encoding(head)
    if bom == "utf-8":
        return "utf-8-sig"
    if bom:
        return bom.removesuffix("-le").removesuffix("-be")  # utf-16/32 codecs eat the BOM
    try:
        # a sniff may cut a multi-byte character at its end; the incremental decoder
        # (final=False) tolerates exactly that and nothing else
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return detect_encoding(head)


def read_json(path: str, data: bytes, settings: Settings) -> Iterator[RawDocument | InputError]:
    """A .json file: one article object, or a list of them (bounded by the input limit)."""
    try:
        text = decode_bytes(data, path)
        parsed = json.loads(text)
    except InputError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield InputError(path, "malformed_row", f"not valid JSON: {exc}")
        return
    except RecursionError:  # "[[[[..." nested past the interpreter's stack
        yield InputError(path, "malformed_row", "JSON nested too deeply")
        return
    rows = parsed if isinstance(parsed, list) else [parsed]
    if not rows:
        yield InputError(path, "empty", "the JSON list is empty")
    for number, row in enumerate(rows, start=1):
        try:
            yield row_document(f"{path}#{number}", row, settings.fields)
        except InputError as exc:
            yield exc
