"""Ingest runner: inputs -> pipeline -> store, streaming, resumable, in one process.

Documents flow one at a time from the readers through the pipeline; records are written
in batches (one transaction each), so memory stays bounded whatever the input size, and
a killed run loses at most the batch in flight. A re-run skips every input whose path
and content hash are already stored, before the pipeline runs, so resuming is cheap.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .errors import InputError
from .ingest import RawDocument
from .ingest.readers import count_documents, read_inputs
from .pipeline import Outcome
from .records import Record
from .settings import Settings
from .store.base import InputRef, Store

Progress = Callable[[int, "int | None"], None]


class PipelineLike(Protocol):
    def process(self, docs: Iterable[RawDocument | InputError]) -> Iterator[Outcome]: ...


@dataclass(frozen=True, slots=True)
class IngestSummary:
    read: int  # documents and reader failures seen
    stored: int
    skipped_unchanged: int
    failed: int
    failures: Mapping[str, int] = field(default_factory=dict)  # reason -> count
    seconds: float = 0.0

    def describe(self) -> str:
        """One line for people: what happened to every input read."""
        why = ", ".join(f"{n} {r}" for r, n in sorted(self.failures.items()))
        return (
            f"{self.read} inputs: {self.stored} stored, {self.skipped_unchanged} unchanged "
            f"(skipped), {self.failed} failed{f' ({why})' if why else ''} in {self.seconds:.1f} s"
        )


def fingerprint(doc: RawDocument) -> str:
    """Hash of what the pipeline would see of ``doc``: its kind, content and row metadata."""
    h = hashlib.sha256()
    m = doc.meta
    for part in (doc.kind, doc.content, m.title, m.published, m.url, m.source, m.author):
        h.update(b"\x00" if part is None else b"\x01" + part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


def ingest(
    paths: Iterable[str],
    pipeline: PipelineLike,
    store: Store,
    progress: Progress | None = None,
    *,
    settings: Settings | None = None,
    force: bool = False,
    batch_size: int = 50,
    on_failure: Callable[[InputError], None] | None = None,
) -> IngestSummary:
    """Read ``paths``, run new or changed documents through ``pipeline``, store the results.

    ``settings`` defaults to the pipeline's own (``pipeline.settings``), else the defaults.
    ``force`` reprocesses inputs even when stored unchanged. ``progress(done, total)`` is
    called after each document (``total`` is an estimate from a quick line count);
    ``on_failure(error)`` for each input that could not be stored.
    """
    started = time.monotonic()
    paths = [str(p) for p in paths]
    settings = settings or getattr(pipeline, "settings", None) or Settings()
    total = count_documents(paths, settings) if progress else None
    seen = {} if force else store.seen_inputs()
    pending: dict[str, InputRef] = {}  # documents handed to the pipeline, not yet back
    counts = {"read": 0, "skipped": 0, "done": 0, "stored": 0}
    reasons: Counter[str] = Counter()

    def tick() -> None:
        counts["done"] += 1
        if progress is not None:
            progress(counts["done"], max(total, counts["done"]) if total is not None else None)

    def to_process() -> Iterator[RawDocument | InputError]:
        for item in read_inputs(paths, settings):
            counts["read"] += 1
            if isinstance(item, RawDocument):
                digest = fingerprint(item)
                if seen.get(item.path) == digest:
                    counts["skipped"] += 1
                    tick()
                    continue
                pending[item.path] = InputRef(item.path, digest, item.meta.url)
            yield item

    batch: list[tuple[Record, InputRef | None]] = []
    errors: list[InputError] = []

    def flush() -> None:
        if batch:
            store.put_many(batch)
            counts["stored"] += len(batch)
            batch.clear()
        if errors:
            _add_failures(store, errors)
            errors.clear()

    for outcome in pipeline.process(to_process()):
        ref = pending.pop(outcome.path, None)
        if outcome.record is not None:
            batch.append((outcome.record, ref or InputRef(outcome.path)))
        else:
            error = outcome.error or InputError(outcome.path, "failed", "no record and no error")
            errors.append(error)
            reasons[error.reason] += 1
            if on_failure is not None:
                on_failure(error)
        if len(batch) >= batch_size or len(errors) >= batch_size:
            flush()
        tick()
    flush()
    return IngestSummary(
        read=counts["read"],
        stored=counts["stored"],
        skipped_unchanged=counts["skipped"],
        failed=sum(reasons.values()),
        failures=dict(reasons),
        seconds=round(time.monotonic() - started, 3),
    )


def _add_failures(store: Store, errors: list[InputError]) -> None:
    many = getattr(store, "add_failures", None)  # one transaction when the store offers it
    if many is not None:
        many(list(errors))
    else:
        for error in errors:
            store.add_failure(error)
