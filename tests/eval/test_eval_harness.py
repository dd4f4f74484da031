"""Gold reading, the evaluate loop, report formatting and floors (invented mini gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.errors import RecordError, SettingsError
from warta.eval import (
    MEASURES,
    Counts,
    FileResult,
    Report,
    Row,
    aggregate,
    check_floors,
    evaluate,
    format_table,
    gold_pairs,
    load_floors,
    load_gold,
    to_json,
)
from warta.eval.gold import parse
from warta.records import Article, Event, Record, Span

BODY = "Polisi Negeri Delta menangkap tiga orang di pelabuhan Epsilon."


def write_pair(folder: Path, name: str, gold: dict, text: str = BODY, suffix: str = ".txt") -> None:
    (folder / f"{name}{suffix}").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")


GOLD = {
    "article": {"title": "Tiga ditangkap", "dateline": None, "must_include": ["tiga orang"]},
    "events": [
        {
            "type": ["COERCE"],
            "actor": {"code": ["DLT"], "sector": ["COP"]},
            "recipient": {"code": [None]},
            "status": ["occurred"],
            "evidence": ["Polisi Negeri Delta menangkap tiga orang"],
        }
    ],
}


def fake_run(path: Path) -> Record:
    text = path.read_text(encoding="utf-8")
    if "meledak" in text:
        raise ValueError("pipeline exploded")
    start = text.find("menangkap")
    event = Event("v1", "COERCE", evidence=(Span(start, start + 9, "menangkap"),))
    article = Article(title="Tiga ditangkap", text=text)
    return Record(doc_id=path.stem, article=article, events=(event,))


# --- gold ---------------------------------------------------------------------------------


def test_gold_pairs_finds_txt_and_html_and_rejects_orphans(tmp_path):
    write_pair(tmp_path, "b", GOLD)
    write_pair(tmp_path, "a", GOLD, suffix=".html")
    pairs = gold_pairs(tmp_path)
    assert [(p.name, p.input_path.suffix) for p in pairs] == [("a", ".html"), ("b", ".txt")]
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    with pytest.raises(RecordError, match="c.json"):
        gold_pairs(tmp_path)


def test_parse_normalises_scalars_to_lists_and_is_idempotent():
    gold = parse(
        {
            "article": {"dateline": "JAKARTA"},
            "entities": [{"type": "GPE", "code": "IDN", "names": ["Indonesia"]}],
            "quantities": [{"text": "x", "value": 3, "qualifier": "exact", "unit": "drone"}],
        }
    )
    assert gold["article"]["dateline"] == ["JAKARTA"]
    assert gold["entities"][0]["type"] == ["GPE"] and gold["entities"][0]["code"] == ["IDN"]
    assert gold["quantities"][0]["value"] == [3] and gold["quantities"][0]["unit"] == ["drone"]
    assert parse(gold) == gold


@pytest.mark.parametrize(
    "bad",
    [
        {"entities": [{"type": "GPE"}]},  # no names
        {"events": [{"type": ["ASSAULT"], "evidence": "x", "date": {"start": 5}}]},
        {"quantities": [{"value": "dua", "qualifier": "exact"}]},
        {"places": [{"geonameid": ["abc"], "names": ["X"]}]},
        {"claims": [{"speaker": "Budi", "stance": ["assert"], "evidence": ["x"]}]},
        {"entities": [{"type": "GPE", "names": ["X"], "optional": "yes"}]},
        [],
    ],
)
def test_malformed_gold_raises_record_error_with_file_name(tmp_path, bad):
    path = tmp_path / "rusak.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(RecordError, match="rusak.json"):
        load_gold(path)


# --- evaluate -------------------------------------------------------------------------------


def test_evaluate_reports_errors_per_file_and_penalises_them(tmp_path):
    write_pair(tmp_path, "baik", GOLD)
    write_pair(tmp_path, "gagal", GOLD, text="Sebuah bom meledak. " + BODY)
    (tmp_path / "rusak.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "rusak.json").write_text("{not json", encoding="utf-8")
    report = evaluate(tmp_path, fake_run)
    assert [name for name, _ in report.errors] == ["gagal", "rusak"]
    assert "pipeline exploded" in dict(report.errors)["gagal"]
    good = next(f for f in report.files if f.name == "baik")
    assert dict((r.measure, r.counts) for r in good.rows)["events.type"] == Counts(tp=1)
    # the failed run earns nothing: its one event and its "no dateline" both become misses
    events = report.row("events.type")
    dateline = report.row("meta.dateline")
    assert events is not None and events.counts == Counts(tp=1, fn=1)
    assert dateline is not None and dateline.counts == Counts(tp=1, fn=1)


def test_aggregate_is_micro_averaged():
    files = [
        FileResult("a", (Row("claims", Counts(tp=9, fp=1)),)),
        FileResult("b", (Row("claims", Counts(tp=1, fn=9)),)),
    ]
    row = aggregate(files).row("claims")
    assert row is not None and row.counts == Counts(tp=10, fp=1, fn=9)
    assert row.precision == pytest.approx(10 / 11) and row.recall == pytest.approx(10 / 19)


# --- report -------------------------------------------------------------------------------


def sample_report() -> Report:
    rows = (
        Row("meta.title", Counts(tp=3, fp=1)),
        Row("events.type", Counts(tp=2, fp=2, fn=2, duplicates=1)),
    )
    return Report(rows, (FileResult("x", rows), FileResult("y", error="RecordError: bad")))


def test_format_table_is_aligned_with_all_columns():
    lines = format_table(sample_report()).splitlines()
    assert lines[0].split() == ["measure", "tp", "fp", "fn", "dup", "P", "R", "F1"]
    assert lines[2].split() == ["meta.title", "3", "1", "0", "0", "0.750", "1.000", "0.857"]
    assert lines[3].split() == ["events.type", "2", "2", "2", "1", "0.500", "0.500", "0.500"]
    assert len({len(line) for line in lines[:4]}) == 1  # every column right-aligned
    assert "error: y: RecordError: bad" in lines
    assert "== x" in format_table(sample_report(), per_file=True)


def test_to_json_shape():
    data = to_json(sample_report())
    assert data["measures"]["events.type"] == {
        "tp": 2,
        "fp": 2,
        "fn": 2,
        "duplicates": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert list(data["measures"]) == ["meta.title", "events.type"]
    assert data["files"] == 2 and data["errors"] == [{"file": "y", "error": "RecordError: bad"}]
    assert "per_file" not in data
    assert set(to_json(sample_report(), per_file=True)["per_file"]) == {"x", "y"}
    json.dumps(data)


# --- floors ---------------------------------------------------------------------------------


def test_packaged_floors_cover_every_measure():
    floors = load_floors()
    assert set(floors) == set(MEASURES)
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_check_floors_lists_measures_below(tmp_path):
    report = sample_report()  # meta.title F1 0.857, events.type 0.5
    broken = check_floors(report, {"meta.title": 0.8, "events.type": 0.6, "claims": 0.1})
    assert [b.split(":")[0] for b in broken] == ["events.type", "claims"]
    assert check_floors(report, {"meta.title": 0.8, "events.type": 0.5}) == []
    path = tmp_path / "floors.toml"
    path.write_text('[f1]\n"events.typ" = 0.5\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="events.typ"):
        load_floors(path)
    path.write_text('[f1]\n"claims" = 1.5\n', encoding="utf-8")
    with pytest.raises(SettingsError):
        load_floors(path)
