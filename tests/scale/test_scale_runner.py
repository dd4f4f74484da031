"""Partitioned runs (in-process and on a 2-worker local Dask cluster) into Parquet shards."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from warta.ingest.readers import read_inputs
from warta.runners.engine import run_partitions
from warta.runners.partitions import iter_partition, plan_partitions
from warta.runners.shards import load_shards
from warta.settings import load_settings
from warta.store import MemoryStore

SEED = Path(__file__).resolve().parents[2] / "examples" / "000_6282b0001a3db50d.txt"
BODIES = [
    "Polisi menangkap dua orang tersangka pencurian di Medan pada Senin malam.",
    "Banjir merendam ratusan rumah di Kabupaten Contoh setelah hujan deras.",
    "The ministry said talks with the union would resume next week in Jakarta.",
    "Harga cabai di pasar tradisional naik tajam menjelang hari raya.",
    "Warga memprotes rencana pembangunan pabrik di dekat sungai desa itu.",
]


def light_settings():  # type: ignore[no-untyped-def]
    # the runner machinery does not depend on which stages run; keep the test fast
    return replace(load_settings(), stages=("language",))


def write_rows(path: Path) -> Path:
    lines = []
    for i, body in enumerate(BODIES, start=1):
        lines.append(
            json.dumps({"title": f"Berita {i}", "body": body, "url": f"https://x.example/{i}"})
        )
        if i == 2:
            lines.append("")  # blank lines keep their line numbers
    lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_partitions_cover_the_file_with_the_in_process_paths(tmp_path: Path) -> None:
    rows = write_rows(tmp_path / "rows.jsonl")
    settings = light_settings()
    parts = plan_partitions([str(rows), str(SEED)], rows_per_partition=2)
    assert len(parts) == 4  # 6 non-blank lines in 3 ranges, then the seed file
    got = [
        (d.path, getattr(d, "content", None)) for p in parts for d in iter_partition(p, settings)
    ]
    want = [
        (d.path, getattr(d, "content", None)) for d in read_inputs([str(rows), str(SEED)], settings)
    ]
    assert got == want and got[-2][0] == f"{rows}#7"


def test_local_run_writes_shards_that_load_into_a_store(tmp_path: Path) -> None:
    rows = write_rows(tmp_path / "rows.jsonl")
    out = tmp_path / "shards"
    summary = run_partitions([str(rows), str(SEED)], light_settings(), out, engine="local",
                             rows_per_partition=2)  # fmt: skip
    assert (summary.read, summary.stored, summary.failed) == (7, 6, 1) and summary.reconciled
    assert summary.failures == {"malformed_row": 1} and summary.partitions == 4
    assert "language" in summary.stage_seconds and "clean" in summary.stage_seconds
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["summary"]["stored"] == 6
    store = MemoryStore()
    first = load_shards(out, store.con)
    again = load_shards(out, store.con)  # loading twice replaces, never duplicates
    assert first["articles"] == again["articles"] == 6 and store.count_articles() == 6
    assert [f.reason for f in store.failures()] == ["malformed_row"]
    record = store.get(f"{rows}#4")
    assert record is not None and record.article.title == "Berita 3"
    assert store.seen_inputs()[f"{rows}#1"]  # content hash kept: `warta ingest` can skip it


def test_dask_run_on_two_local_workers_matches_the_local_run(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    rows = write_rows(tmp_path / "rows.jsonl")
    settings = light_settings()
    local = run_partitions(
        [str(rows)], settings, tmp_path / "a", engine="local", rows_per_partition=2
    )
    dask = run_partitions([str(rows)], settings, tmp_path / "b", engine="dask", workers=2,
                          rows_per_partition=2)  # fmt: skip
    assert dask.workers == 2 and dask.reconciled
    assert (dask.read, dask.stored, dask.failed) == (local.read, local.stored, local.failed)
    a, b = MemoryStore(), MemoryStore()
    load_shards(tmp_path / "a", a.con)
    load_shards(tmp_path / "b", b.con)
    assert a.keys() == b.keys() and len(a.keys()) == 5
    assert [a.get(k).doc_id for k in a.keys()] == [b.get(k).doc_id for k in b.keys()]  # type: ignore[union-attr]


def test_cli_run_and_load_shards(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli import app

    rows = write_rows(tmp_path / "rows.jsonl")
    config = tmp_path / "light.toml"
    config.write_text('stages = ["language"]\n')
    runner = CliRunner()
    out = tmp_path / "shards"
    res = runner.invoke(app, ["run", str(rows), "--out", str(out), "--engine", "local",
                              "--config", str(config)])  # fmt: skip
    assert res.exit_code == 1  # one row failed, the rest are in the shards
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["load-shards", str(out), "--db", str(db), "--config", str(config)])
    assert res.exit_code == 0, res.output
    from warta.store import DuckDBStore

    with DuckDBStore(db, read_only=True) as store:
        assert store.count_articles() == 5 and len(store.failures()) == 1
