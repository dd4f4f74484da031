"""Input paths (files and directories) -> raw documents, or the reason each one failed.

:func:`read_inputs` is the one entry point: it walks directories (sorted, hidden names
skipped), picks a reader by extension (sniffing unknown ones) and yields a
:class:`~warta.ingest.RawDocument` or an :class:`~warta.errors.InputError` per page or
row. It never raises for one bad file, so a batch always reaches its end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..settings import Settings
from . import RawDocument
from .decode import decode_bytes, is_binary, is_html_document, looks_like_html
from .parquet import read_parquet
from .rows import read_csv, read_json, read_jsonl
from .warc import is_warc, read_warc

Item = RawDocument | InputError

_PAGE_KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
_ROW_READERS: dict[str, Callable[[str, Settings], Iterator[Item]]] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".parquet": read_parquet,
}


_WALKED = {*_PAGE_KINDS, *_ROW_READERS, ".json"}


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Every document under ``paths``, in order; failures are yielded in place."""
    for given in paths:
        for file in _expand(str(given)):
            if isinstance(file, InputError):
                yield file
            else:
                yield from read_file(file, settings)


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """The files ``read_inputs`` would read (missing paths included, to be reported)."""
    for given in paths:
        for file in _expand(str(given)):
            yield file.path if isinstance(file, InputError) else file


def _expand(given: str) -> Iterator[str | InputError]:
    if os.path.isdir(given):
        yield from _walk(given)
    else:
        yield given


def _walk(root: str) -> Iterator[str | InputError]:
    """Input files under ``root`` in sorted path order (a/b/c, a/z, b), hidden names skipped."""
    try:
        with os.scandir(root) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(root, "unreadable", exc.strerror or str(exc))
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False  # read_file reports it
        if is_dir:
            yield from _walk(entry.path)
        elif Path(entry.name).suffix.lower() in _WALKED or is_warc(entry.name):
            # only input endings: a README or an image beside the articles is not one
            yield entry.path


def read_file(path: str, settings: Settings) -> Iterator[Item]:
    """The documents of one file (a page file gives one, a row file one per row)."""
    ext = Path(path).suffix.lower()
    try:
        size = os.stat(path).st_size
        if not os.path.isfile(path):
            raise IsADirectoryError(path)
    except OSError as exc:
        yield InputError(path, "unreadable", exc.strerror or type(exc).__name__)
        return
    reader = read_warc if is_warc(path) else _ROW_READERS.get(ext)
    if reader is not None:
        # row files are streamed; the size limit applies to each row, not the whole dump
        try:
            yield from reader(path, settings)
        except OSError as exc:
            yield InputError(path, "unreadable", exc.strerror or str(exc))
        return
    if size > settings.max_input_bytes:
        yield InputError(path, "too_large", f"{size} bytes > {settings.max_input_bytes}")
        return
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        yield InputError(path, "unreadable", exc.strerror or str(exc))
        return
    if ext == ".json":
        yield from read_json(path, data, settings)
    elif ext in _PAGE_KINDS:
        yield _page(path, data, _PAGE_KINDS[ext])
    else:
        yield _sniffed(path, data)


def _page(path: str, data: bytes, kind: str) -> Item:
    try:
        text = decode_bytes(data, path)
    except InputError as exc:
        return exc
    # a ".txt" that is really a saved HTML document is HTML; stray tags in a text dump
    # are not enough to say so
    if kind == "text" and is_html_document(text):
        kind = "html"
    return RawDocument(path=path, content=text, kind="html" if kind == "html" else "text")


def _sniffed(path: str, data: bytes) -> Item:
    """A file with an unknown extension: read it if it is text, refuse it otherwise."""
    if data.strip() and is_binary(data):
        ext = Path(path).suffix or "(none)"
        return InputError(path, "unknown_format", f"extension {ext} and binary content")
    item = _page(path, data, "text")
    if isinstance(item, RawDocument) and item.kind == "text" and looks_like_html(item.content):
        return RawDocument(path=path, content=item.content, kind="html")
    return item


def count_documents(paths: Iterable[str], settings: Settings) -> int:
    """A cheap estimate of how many items ``read_inputs`` will yield (for progress bars).

    Row files are counted by their non-blank lines (CSV: minus the header), which is exact
    unless CSV fields hold line breaks; every other file counts as one.
    """
    total = 0
    for file in iter_files(paths):
        ext = Path(file).suffix.lower()
        if ext in _ROW_READERS and ext != ".parquet":  # parquet and WARC count as one
            lines = _count_lines(file)
            total += max(lines - 1, 1) if ext == ".csv" else max(lines, 1)
        else:
            total += 1
    return total


def _count_lines(path: str) -> int:
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 1
