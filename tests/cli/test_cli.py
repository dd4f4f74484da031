"""The `warta` command end to end: extract, ingest, events, failures, eval, schema, errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "000_6282b0001a3db50d.txt"
DEMO = ROOT / "examples" / "demo"
# commands without a --db get a throw-away HOME, so nothing lands in the user's or the repo's
HOME = tempfile.mkdtemp(prefix="warta-cli-home-")


def warta(*args: str, db: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "WARTA_CONFIG": "", "HOME": str(db.parent if db else HOME)}
    if db is not None:
        env["WARTA_DB"] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "warta", *args],
        capture_output=True, text=True, env=env, timeout=timeout,
    )  # fmt: skip


def test_extract_seed_validates_against_schema() -> None:
    schema = json.loads(warta("schema").stdout)
    out = warta("extract", str(SEED), "--format", "json")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    jsonschema.validate(record, schema)
    article = record["article"]
    assert article["published"] == "2024-10-28T19:04:00+07:00"
    assert article["dateline"] == "MOSKOW" and article["authors"] == ["ahm"]
    assert article["cited_sources"] == ["BBC"] and article["language"] == "id"
    assert "Baca Berita Terkait" not in article["text"]
    codes = {e["code"] for e in record["entities"]}
    assert {"PRK", "RUS", "UKR", "NATO"} <= codes
    names = {e["name"] for e in record["entities"]}
    assert {"Mark Rutte", "Vladimir Putin"} <= names
    assert any(q["value"] == 1500 and q["qualifier"] == "at_least" for q in record["quantities"])
    assert any(e["actor"] and e["actor"]["code"] == "PRK" for e in record["events"])
    speakers = {c["speaker"]["text"] for c in record["claims"]}
    assert any("Rutte" in s for s in speakers) and any("Putin" in s for s in speakers)


def test_extract_table_is_readable() -> None:
    out = warta("extract", str(SEED), "--format", "table")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Pasukan Korea Utara")
    assert "events:" in out.stdout and "->" in out.stdout and "claims:" in out.stdout


def test_ingest_is_idempotent_and_queryable(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = warta("ingest", str(SEED), str(DEMO), db=db)
    assert first.returncode == 0, first.stderr
    assert "8 inputs: 8 stored" in first.stderr
    again = warta("ingest", str(SEED), str(DEMO), db=db)
    assert "0 stored, 8 unchanged" in again.stderr
    rows = json.loads(warta("events", "--format", "json", "--limit", "1000", db=db).stdout)
    assert rows and len({(r["article"], r["event"]) for r in rows}) == len(rows)
    prk = json.loads(warta("events", "--country", "PRK", "--format", "json", db=db).stdout)
    assert prk and all("PRK" in (r["actor_code"], r["recipient_code"], r["country"]) for r in prk)
    csv_out = warta("events", "--actor", "PRK", "--format", "csv", db=db).stdout
    assert csv_out.splitlines()[0].startswith("event,type,mode,actor")


def test_bad_inputs_are_reported_and_do_not_stop_the_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_binary.txt").write_bytes(b"\x00\x01\x02PNG" * 50)
    (inputs / "b_empty.txt").write_text("  \n")
    (inputs / "c_good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "d_rows.jsonl").write_text(
        '{"title": "Uji", "body": "Polisi menangkap dua orang di Bandung pada Senin."}\n'
        "{not json\n"
    )
    db = tmp_path / "w.duckdb"
    out = warta("ingest", str(inputs), db=db)
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("warta: ")]
    assert any("a_binary.txt" in e and "binary" in e for e in errors)
    assert any("b_empty.txt" in e and "empty" in e for e in errors)
    assert any("d_rows.jsonl#2" in e and "malformed_row" in e for e in errors)
    assert "Traceback" not in out.stderr
    assert "2 stored" in out.stderr and "3 failed" in out.stderr
    failures = warta("failures", db=db).stdout
    assert "a_binary.txt\tbinary" in failures and "d_rows.jsonl#2\tmalformed_row" in failures


def test_usage_errors_are_one_line_with_exit_codes(tmp_path: Path) -> None:
    missing = warta("extract", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_store = warta("events", db=tmp_path / "none.duckdb")
    assert no_store.returncode == 3 and "warta ingest" in no_store.stderr
    bad_field = warta("extract", str(SEED), "--field", "bodyy=content")
    assert bad_field.returncode == 2 and "--field" in bad_field.stderr


def test_eval_prints_every_measure(tmp_path: Path) -> None:
    text = (
        "Polisi Tangkap Dua Pencuri di Bandung\n\nSenin, 2 Juni 2025 - 10:00 WIB\n"
        "BANDUNG - Polisi menangkap dua pencuri di Bandung pada Senin pagi.\n\n"
        'Kapolsek mengatakan kedua pencuri sudah lama diincar. "Kami terus berjaga," katanya.\n'
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {
        "article": {
            "title": "Polisi Tangkap Dua Pencuri di Bandung", "language": "id",
            "published": "2025-06-02T10:00:00+07:00", "dateline": "BANDUNG",
            "must_include": ["Polisi menangkap dua pencuri di Bandung"],
            "must_exclude": ["Senin, 2 Juni 2025 - 10:00 WIB"],
        },
        "entities": [], "places": [], "claims": [],
        "events": [{"type": ["COERCE"], "actor": {"code": ["IDN", None]},
                    "evidence": ["Polisi menangkap dua pencuri"], "status": ["occurred"]}],
        "quantities": [],
    }  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    out = warta("eval", str(tmp_path))
    assert out.returncode == 0, out.stderr
    for measure in ("body.paragraphs", "meta.published", "events.type", "claims", "quantities"):
        assert measure in out.stdout
    data = json.loads(warta("eval", str(tmp_path), "--json").stdout)
    assert data["measures"]["meta.title"]["tp"] == 1


def test_killed_ingest_resumes_to_exactly_every_article(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as f:
        for i in range(600):
            body = (
                f"Warga desa nomor {i} menggelar rapat di balai desa pada Senin. "
                f"Kepala desa mengatakan rapat ke-{i} membahas irigasi sawah."
            )
            f.write(json.dumps({"title": f"Rapat {i}", "body": body, "url": f"u/{i}"}) + "\n")
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "WARTA_CONFIG": "", "WARTA_DB": str(db), "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "warta", "ingest", str(rows)],
        stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert proc.stderr is not None
    deadline = time.monotonic() + 240
    for line in proc.stderr:  # progress lines come every 200 inputs when not on a terminal
        if line.startswith("... ") or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    again = warta("ingest", str(rows), db=db)
    assert again.returncode == 0, again.stderr
    assert "unchanged" in again.stderr
    rows_out = json.loads(warta("events", "--format", "json", "--limit", "5000", db=db).stdout)
    assert len({(r["article"], r["event"]) for r in rows_out}) == len(rows_out)
    con = __import__("duckdb").connect(str(db), read_only=True)
    n, distinct = con.execute("SELECT count(*), count(DISTINCT key) FROM articles").fetchone()
    assert n == distinct == 600


@pytest.mark.parametrize("args", [["--help"], ["version"]])
def test_help_and_version(args: list[str]) -> None:
    out = warta(*args)
    assert out.returncode == 0 and out.stdout.strip()
