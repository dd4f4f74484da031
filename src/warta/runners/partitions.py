"""Inputs cut into partitions, and one partition run through the pipeline into a shard.

A partition is a slice of the input a worker can read on its own: a range of lines of a
JSONL file (found by one quick scan of the file's bytes on the driver), one WARC,
Parquet, CSV or JSON file, or a group of page files. Documents keep exactly the paths
the in-process runner gives them (``file.jsonl#N``), so shards and embedded runs agree.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..ingest import RawDocument
from ..ingest.readers import iter_files, read_file
from ..ingest.rows import _jsonl_row
from ..settings import Settings

_LINE_ROWS = (".jsonl", ".ndjson")
_PAGES = (".txt", ".text", ".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of the input: ``files`` whole, or lines of ``files[0]`` from byte
    ``start`` (line number ``first_line``) up to byte ``end``."""

    files: tuple[str, ...]
    start: int = 0
    end: int = -1  # -1: whole files
    first_line: int = 1


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one partition did (all counts are of inputs: in = stored + failed)."""

    shard: int
    read: int
    stored: int
    failed: int
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    worker: str = ""


def plan_partitions(paths: Iterable[str], rows_per_partition: int = 500) -> list[Partition]:
    """Partitions covering every input under ``paths``, in input order."""
    parts: list[Partition] = []
    pages: list[str] = []

    def flush_pages() -> None:
        for i in range(0, len(pages), rows_per_partition):
            parts.append(Partition(tuple(pages[i : i + rows_per_partition])))
        pages.clear()

    for file in iter_files(paths):
        ext = Path(file).suffix.lower()
        if ext in _PAGES:
            pages.append(file)
            continue
        flush_pages()
        if ext in _LINE_ROWS and os.path.isfile(file):
            parts.extend(_line_ranges(file, rows_per_partition))
        else:
            parts.append(Partition((file,)))  # read whole (WARC, Parquet, CSV, remote, ...)
    flush_pages()
    return parts


def _line_ranges(path: str, rows: int) -> list[Partition]:
    """Byte ranges of ``rows`` non-blank lines each; a file with none is one partition
    so that the reader reports it (empty, binary)."""
    out: list[Partition] = []
    start, first, count, offset = 0, 1, 0, 0
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            if count == 0:
                start, first = offset, number
            offset += len(line)
            if line.strip():
                count += 1
            if count >= rows:
                out.append(Partition((path,), start, offset, first))
                count = 0
    if count:
        out.append(Partition((path,), start, offset, first))
    return out or [Partition((path,))]


def iter_partition(part: Partition, settings: Settings) -> Iterator[RawDocument | InputError]:
    """The documents of one partition, as the in-process readers would give them."""
    if part.end < 0:
        for file in part.files:
            yield from read_file(file, settings)
        return
    path = part.files[0]
    with open(path, "rb") as f:
        f.seek(part.start)
        pos = part.start
        for number, line in enumerate(f, start=part.first_line):
            if pos >= part.end:
                break
            pos += len(line)
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if line.strip():
                yield _jsonl_row(f"{path}#{number}", line, settings)


_PIPELINES: dict[Settings, object] = {}


def _pipeline(settings: Settings):  # type: ignore[no-untyped-def]
    """One pipeline per worker process and settings: heavy resources load once."""
    if settings not in _PIPELINES:
        from ..pipeline import Pipeline

        _PIPELINES[settings] = Pipeline(settings)
    return _PIPELINES[settings]


def run_partition(
    part: Partition, settings: Settings, out_dir: str, shard: int, batch_size: int = 50
) -> PartitionResult:
    """Run one partition through the pipeline and write its Parquet shard."""
    from ..runner import fingerprint
    from ..store import MemoryStore
    from ..store.base import InputRef
    from .shards import write_shard
    from .timing import StageTimes

    started = time.monotonic()
    pipeline = _pipeline(settings)
    times = StageTimes().attach(pipeline)
    reasons: Counter[str] = Counter()
    read = stored = 0
    store = MemoryStore(batch_size=batch_size)
    try:
        batch: list = []
        errors: list[InputError] = []
        hashes: dict[str, tuple[str, str | None]] = {}  # so a later `warta ingest` skips them

        def documents() -> Iterator[RawDocument | InputError]:
            for item in iter_partition(part, settings):
                if isinstance(item, RawDocument):
                    hashes[item.path] = (fingerprint(item), item.meta.url)
                yield item

        for outcome in pipeline.process(documents()):  # type: ignore[attr-defined]
            read += 1
            if outcome.record is not None:
                digest, url = hashes.pop(outcome.path, (None, None))
                ref = InputRef(outcome.path, digest, url)
                batch.append((outcome.record, ref))
            else:
                error = outcome.error or InputError(outcome.path, "failed")
                errors.append(error)
                reasons[error.reason] += 1
            if len(batch) >= batch_size:
                store.put_many(batch)
                stored += len(batch)
                batch.clear()
        store.put_many(batch)
        stored += len(batch)
        store.add_failures(errors)
        write_shard(store.con, out_dir, shard)
    finally:
        store.close()
        pipeline.on_stage = None  # type: ignore[attr-defined]
    return PartitionResult(
        shard=shard, read=read, stored=stored, failed=sum(reasons.values()),
        failures=dict(reasons), seconds=round(time.monotonic() - started, 3),
        stage_seconds=dict(times.seconds), worker=f"{os.uname().nodename}:{os.getpid()}",
    )  # fmt: skip
