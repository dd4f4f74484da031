"""The ingest runner: summary, skipping unchanged inputs, failures, streaming, crash resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from storefakes import FakePipeline

from warta.ingest import RawDocument
from warta.pipeline import Pipeline
from warta.runner import IngestSummary, fingerprint, ingest
from warta.settings import Settings
from warta.store import DuckDBStore, MemoryStore

HERE = Path(__file__).parent


def write_rows(path: Path, n: int, start: int = 0) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(start, start + n):
            row = {"title": f"Judul {i}", "body": f"Berita kecil nomor {i} tentang Makassar.",
                   "url": f"https://contoh.test/{i}", "published": "2025-06-18"}  # fmt: skip
            f.write(json.dumps(row) + "\n")
    return path


def make_inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    write_rows(root / "rows.jsonl", 5)
    with open(root / "rows.jsonl", "a", encoding="utf-8") as f:
        f.write("{broken\n")
    (root / "page.txt").write_text("Polisi membubarkan demo di Makassar.", encoding="utf-8")
    (root / "reject.txt").write_text("BOOM bukan berita", encoding="utf-8")
    (root / "blob.txt").write_bytes(b"\x00\x01\x02" * 30)
    return root


def test_ingest_summary_failures_and_progress(tmp_path: Path) -> None:
    root = make_inputs(tmp_path)
    store = MemoryStore()
    ticks: list[tuple[int, int | None]] = []
    summary = ingest([str(root)], FakePipeline(), store, lambda d, t: ticks.append((d, t)))
    assert summary == IngestSummary(
        read=9, stored=6, skipped_unchanged=0, failed=3,
        failures={"binary": 1, "malformed_row": 1, "not_news": 1}, seconds=summary.seconds,
    )  # fmt: skip
    assert store.count_articles() == 6
    assert {f.reason for f in store.failures()} == {"binary", "malformed_row", "not_news"}
    assert [d for d, _ in ticks] == list(range(1, 10)) and ticks[-1] == (9, 9)


def test_rerun_skips_unchanged_before_the_pipeline(tmp_path: Path) -> None:
    root = make_inputs(tmp_path)
    store = MemoryStore()
    ingest([str(root)], FakePipeline(), store)
    again = FakePipeline()
    summary = ingest([str(root)], again, store)
    assert (summary.skipped_unchanged, summary.stored, summary.failed) == (6, 0, 3)
    assert again.seen == [f"{root}/reject.txt"]  # only the failed page runs again
    # an edited page and a fixed one are processed; the rest is still skipped
    (root / "reject.txt").write_text("Kini berita biasa.", encoding="utf-8")
    (root / "page.txt").write_text("Polisi membubarkan demo di Makassar lagi.", encoding="utf-8")
    third = FakePipeline()
    summary = ingest([str(root)], third, store)
    assert sorted(third.seen) == [f"{root}/page.txt", f"{root}/reject.txt"]
    assert store.count_articles() == 7
    # "not_news" was cleared by the success
    assert {f.reason for f in store.failures()} == {"binary", "malformed_row"}
    forced = FakePipeline()
    assert ingest([str(root)], forced, store, force=True).stored == 7
    assert store.count_articles() == 7


def test_fingerprint_sees_content_and_row_metadata() -> None:
    a = RawDocument("x#1", "isi")
    assert fingerprint(a) == fingerprint(RawDocument("y#9", "isi"))
    assert fingerprint(a) != fingerprint(RawDocument("x#1", "isi", "html"))
    assert fingerprint(a) != fingerprint(RawDocument("x#1", "isi!"))


def test_real_pipeline_with_a_trivial_cleaner(tmp_path: Path) -> None:
    from storefakes import clean

    pipeline = Pipeline(Settings(), cleaner=clean, stages=[])
    store = MemoryStore()
    summary = ingest([str(write_rows(tmp_path / "r.jsonl", 3))], pipeline, store)
    assert summary.stored == 3 and store.get("https://contoh.test/2") is not None


class WatchingPipeline(FakePipeline):
    """Checks, while running, that earlier records are already stored (streaming)."""

    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self.store = store
        self.lag: list[int] = []

    def process(self, docs):  # type: ignore[no-untyped-def]
        for n, outcome in enumerate(super().process(docs)):
            if n % 100 == 0:
                self.lag.append(n - self.store.count_articles())
            yield outcome


def test_runner_streams_a_2000_row_jsonl(tmp_path: Path) -> None:
    rows = write_rows(tmp_path / "big.jsonl", 2000)
    store = MemoryStore()
    pipeline = WatchingPipeline(store)
    summary = ingest([str(rows)], pipeline, store, batch_size=50)
    assert summary.stored == 2000 and store.count_articles() == 2000
    # never more than one batch between the pipeline and the store
    assert len(pipeline.lag) == 20 and max(pipeline.lag) <= 50


CHILD = """
import sys
sys.path.insert(0, {here!r})
from storefakes import FakePipeline
from warta.runner import ingest
from warta.store import DuckDBStore, duck

if sys.argv[1] == "stall":
    real, calls = duck.DuckDBStore._insert, []

    def stalling(self, con, table, rows):
        real(self, con, table, rows)
        calls.append(table)
        if table == "events" and calls.count("events") == 4:  # mid-write of batch 4
            print("STALL", flush=True)
            import time
            time.sleep(120)

    duck.DuckDBStore._insert = stalling

with DuckDBStore({db!r}) as store:
    s = ingest([{rows!r}], FakePipeline(), store, batch_size=20)
print("DONE", s.stored, s.skipped_unchanged, flush=True)
"""


def test_sigkill_midway_then_rerun_completes(tmp_path: Path) -> None:
    rows = write_rows(tmp_path / "crash.jsonl", 300)
    db = tmp_path / "crash.duckdb"
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(here=str(HERE), db=str(db), rows=str(rows)), encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    child = subprocess.Popen(
        [sys.executable, str(script), "stall"], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "STALL"  # batch 4 is half written, uncommitted
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL

    with DuckDBStore(db) as store:
        counts = store.counts()
    # exactly the three committed batches, each article whole
    assert counts["articles"] == counts["events"] == counts["claims"] == counts["inputs"] == 60

    done = subprocess.run(
        [sys.executable, str(script), "go"], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["DONE", "240", "60"]
    with DuckDBStore(db) as store:
        assert store.count_articles() == 300
        dupes = store.con.execute(
            "SELECT key FROM articles GROUP BY key HAVING count(*) > 1"
        ).fetchall()
        assert dupes == []
        assert set(store.keys()) == {f"https://contoh.test/{i}" for i in range(300)}
        assert store.counts()["events"] == 300
