"""Run the pipeline over partitions: in this process, or on a Dask cluster.

``run_partitions(paths, settings, out_dir, engine="dask", workers=2)`` plans partitions
(:mod:`.partitions`), runs each one as a task (every worker builds the pipeline once,
from the same settings) and writes one Parquet shard per partition into ``out_dir``
(:mod:`.shards`), plus ``manifest.json`` with the reconciled counts. Without an
``address`` it starts a local cluster on 127.0.0.1 (``workers`` processes, one thread
each: the pipeline is pure Python, threads would only share the GIL); with one it joins
an existing scheduler (``tcp://host:8786``). Dask is an optional extra: ``warta[dask]``.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import SettingsError
from ..settings import Settings
from .partitions import Partition, PartitionResult, plan_partitions, run_partition
from .shards import clear_shards

ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class RunSummary:
    """A partitioned run: inputs read = stored + failed, per partition and in total."""

    engine: str
    workers: int
    partitions: int
    read: int
    stored: int
    failed: int
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def reconciled(self) -> bool:
        return self.read == self.stored + self.failed

    def describe(self) -> str:
        why = ", ".join(f"{n} {r}" for r, n in sorted(self.failures.items()))
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"{self.read} inputs in {self.partitions} partitions on {self.workers} "
            f"{self.engine} worker(s): {self.stored} stored, {self.failed} failed"
            f"{f' ({why})' if why else ''}; {self.seconds:.1f} s, {rate:.1f} inputs/s"
            f"{'' if self.reconciled else ' - COUNTS DO NOT RECONCILE'}"
        )


def run_partitions(
    paths: list[str],
    settings: Settings,
    out_dir: str | Path,
    *,
    engine: str = "dask",
    workers: int = 2,
    address: str | None = None,
    rows_per_partition: int = 500,
    progress: Callable[[PartitionResult], None] | None = None,
) -> RunSummary:
    """Process ``paths`` into Parquet shards under ``out_dir``; see the module docstring."""
    if engine not in ENGINES:
        raise SettingsError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")
    started = time.monotonic()
    out = Path(out_dir).expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    clear_shards(out)
    parts = plan_partitions(paths, rows_per_partition)
    if engine == "local":
        results = _run_local(parts, settings, str(out), progress)
        workers = 1
    else:
        results = _run_dask(parts, settings, str(out), workers, address, progress)
    summary = _summarise(engine, workers, results, time.monotonic() - started)
    (out / "manifest.json").write_text(
        json.dumps({"summary": asdict(summary), "inputs": list(paths),
                    "partitions": [asdict(r) for r in sorted(results, key=lambda r: r.shard)]},
                   indent=1),
        "utf-8",
    )  # fmt: skip
    return summary


def _run_local(
    parts: list[Partition], settings: Settings, out: str, progress: Callable | None
) -> list[PartitionResult]:
    results = []
    for shard, part in enumerate(parts):
        results.append(run_partition(part, settings, out, shard))
        if progress is not None:
            progress(results[-1])
    return results


def _run_dask(
    parts: list[Partition], settings: Settings, out: str, workers: int,
    address: str | None, progress: Callable | None,
) -> list[PartitionResult]:  # fmt: skip
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise SettingsError("the dask engine needs the extra: pip install 'warta[dask]'") from None
    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=":0", silence_logs=40,  # a free port, never 8787
        )  # fmt: skip
        client = Client(cluster)
    try:
        workers = len(client.scheduler_info().get("workers", {})) or workers
        # one task per partition; the settings travel once per task (a small frozen object)
        futures = [
            client.submit(run_partition, part, settings, out, shard, pure=False)
            for shard, part in enumerate(parts)
        ]
        results = []
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            future.release()  # results are small, but do not keep finished tasks around
            if progress is not None:
                progress(result)
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _summarise(
    engine: str, workers: int, results: list[PartitionResult], seconds: float
) -> RunSummary:
    reasons: Counter[str] = Counter()
    stages: dict[str, float] = defaultdict(float)
    for r in results:
        reasons.update(r.failures)
        for name, secs in r.stage_seconds.items():
            stages[name] += secs
    return RunSummary(
        engine=engine, workers=workers, partitions=len(results),
        read=sum(r.read for r in results), stored=sum(r.stored for r in results),
        failed=sum(r.failed for r in results), failures=dict(reasons),
        seconds=round(seconds, 3), stage_seconds=dict(stages),
    )  # fmt: skip
