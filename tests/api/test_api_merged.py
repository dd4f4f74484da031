"""Merged events through the REST API in-process: the merged list with source counts,
``min_sources``, filters and pages, map points and timeline, one merged event with every
article behind it, and merging after an ingest."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from apifixtures import all_records, protest_second_record  # noqa: E402

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from warta.api import ServerConfig, create_app  # noqa: E402
from warta.merge import merge_store  # noqa: E402
from warta.pipeline import Outcome  # noqa: E402
from warta.store import MemoryStore  # noqa: E402

TOKEN = "merge-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FIRST = "https://example.id/berita/unjuk-rasa"
SECOND = "https://berita.example/nasional/demo-buruh-dpr"


@pytest.fixture()
def store():
    s = MemoryStore()
    s.put_many([*all_records(), protest_second_record()])
    merge_store(s, encoder="lexical")  # the two protest reports become one event
    yield s
    s.close()


@pytest.fixture()
def client(store):
    with TestClient(create_app(store, config=ServerConfig(token=TOKEN))) as c:
        yield c


def items(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_merged_list_counts_sources_with_claims_and_quantities(client):
    rows = items(client.get("/api/events"))  # merged by default: the store has been merged
    assert [(r["type"], r["sources"]) for r in rows] == [
        ("PROTEST", 2), ("SANCTION", 1), ("ASSAULT", 1),
    ]  # fmt: skip
    protest = rows[0]
    assert protest["merged"] is True and protest["ref"].startswith("E")
    assert len(protest["outlets"]) == 2 and protest["articles"] == 2
    assert [c["speaker"] for c in protest["claims"]["confirm"]] == ["Polisi"]
    assert [c["speaker"] for c in protest["claims"]["deny"]] == ["Kementerian Tenaga Kerja"]
    (spread,) = protest["quantities"]
    assert (spread["min"], spread["max"], spread["unit"]) == (3000, 3000, "person")
    assert spread["reports"][0]["article"] == SECOND
    assert protest["title"] == "Buruh berunjuk rasa di DPR"  # the first report's title
    assert protest["place"]["name"] == "Jakarta" and protest["day"] == "2025-06-17"
    per_article = items(client.get("/api/events?merged=false"))
    assert [r["event"]["type"] for r in per_article] == ["PROTEST", "PROTEST", "SANCTION",
                                                        "ASSAULT"]  # fmt: skip
    assert all(r["sources"] == 1 for r in per_article)


def test_min_sources_and_filters_on_the_merged_view(client):
    assert [r["type"] for r in items(client.get("/api/events?min_sources=2"))] == ["PROTEST"]
    assert items(client.get("/api/events?min_sources=3")) == []
    assert client.get("/api/events?merged=false&min_sources=2").status_code == 400
    assert client.get("/api/events?min_sources=0").status_code == 422
    # any per-article filter matches a merged event through one of its reports
    assert [r["type"] for r in items(client.get("/api/events?stance=deny"))] == ["PROTEST"]
    assert [r["type"] for r in items(client.get("/api/events?country=IR"))] == ["SANCTION"]
    assert [r["type"] for r in items(client.get("/api/events?outlet=berita.example"))] == [
        "PROTEST"
    ]
    assert [r["type"] for r in items(client.get("/api/events?q=menyerang"))] == ["ASSAULT"]
    assert items(client.get("/api/events?stance=deny&min_sources=2"))[0]["sources"] == 2


def test_merged_pages_cover_everything_once(client):
    seen, cursor = [], None
    while True:
        r = client.get("/api/events", params={"limit": 1, "cursor": cursor})
        assert r.status_code == 200, r.text
        seen += [x["ref"] for x in r.json()["items"]]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 3
    article_cursor = client.get("/api/events?merged=false&limit=1").json()["next_cursor"]
    assert client.get(f"/api/events?cursor={article_cursor}").status_code == 400


def test_merged_points_and_timeline_count_each_happening_once(client):
    features = client.get("/api/events/points").json()["features"]
    assert sorted((f["properties"]["type"], f["properties"]["sources"]) for f in features) == [
        ("ASSAULT", 1), ("PROTEST", 2), ("SANCTION", 1),
    ]  # fmt: skip
    protest = next(f for f in features if f["properties"]["type"] == "PROTEST")
    assert protest["geometry"]["coordinates"] == [106.8451, -6.2146]
    assert protest["properties"]["precision"] == "town"
    bins = client.get("/api/events/timeline").json()["bins"]
    assert {(b["day"], b["type"], b["count"]) for b in bins} == {
        ("2025-06-15", "ASSAULT", 1), ("2025-06-16", "SANCTION", 1), ("2025-06-17", "PROTEST", 1),
    }  # fmt: skip
    per_article = client.get("/api/events/timeline?merged=false").json()["bins"]
    assert ("2025-06-17", "PROTEST", 2) in {(b["day"], b["type"], b["count"]) for b in per_article}


def test_one_merged_event_lists_every_article_sentence_and_claim(client):
    ref = items(client.get("/api/events?min_sources=2"))[0]["ref"]
    r = client.get(f"/api/events/{ref}")
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["merged"] is True and d["n_sources"] == 2 and d["type"] == "PROTEST"
    assert [(s["article_key"], s["role"]) for s in d["sources"]] == [
        (FIRST, "first"), (SECOND, "independent"),
    ]  # fmt: skip
    for s in d["sources"]:
        (evidence,) = [h for h in s["highlights"] if h["kind"] == "evidence"]
        assert s["text"][evidence["start"] : evidence["end"]] == s["event"]["evidence"][0]["text"]
        assert any(h["kind"] == "sentence" for h in s["highlights"])
    assert [c["stance"] for c in d["sources"][0]["claims"]] == ["confirm", "deny"]
    assert d["sources"][1]["claims"][0]["content"]["text"] == "ada rencana pemogokan nasional"
    assert [(g["stance"], g["speakers"]) for g in d["picture"]] == [
        ("confirm", ["Polisi"]), ("deny", ["Kementerian Tenaga Kerja"]),
    ]  # fmt: skip
    assert len(d["links"]) == 1 and d["links"][0]["state"] == "active"
    assert client.get("/api/events/Eabcdef0123").status_code == 404
    # an article's event names the merged event it belongs to
    article_ref = items(client.get("/api/events?merged=false&outlet=berita"))[0]["ref"]
    assert client.get(f"/api/events/{article_ref}").json()["merged"] == {"ref": ref, "sources": 2}


def test_a_store_never_merged_lists_article_events():
    s = MemoryStore()
    s.put_many(all_records())
    with TestClient(create_app(s)) as c:
        assert c.get("/api/meta").json()["merged"] is False
        rows = items(c.get("/api/events"))
        assert len(rows) == 3 and all("event" in r for r in rows)
        assert c.get("/api/events?min_sources=2").status_code == 400
        ref = rows[0]["ref"]
        assert c.get(f"/api/events/{ref}").json()["merged"] is None
    s.close()


class SecondReport:
    """Stands in for the pipeline: every document is the second protest report."""

    def process(self, docs):
        for doc in docs:
            yield Outcome(doc.path, record=protest_second_record())


def test_ingest_merges_the_new_article_incrementally():
    s = MemoryStore()
    s.put_many(all_records())
    merge_store(s, encoder="lexical")
    app = create_app(s, config=ServerConfig(token=TOKEN),
                     pipeline_factory=lambda _: SecondReport())  # fmt: skip
    with TestClient(app) as c:
        r = c.post("/api/ingest?merge=false", json={"text": "x"}, headers=AUTH)
        assert r.status_code == 200, r.text
        assert r.json()["merge"] is None
        assert items(c.get("/api/events?min_sources=2")) == []  # not merged yet
        r = c.post("/api/ingest", json={"text": "y"}, headers=AUTH)  # merged store: merges
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["merge"]["encoder"] == "lexical"  # the store's own encoder, kept
        (merged_id,) = body["merged_events"]
        (row,) = items(c.get("/api/events?min_sources=2"))
        assert row["ref"] == merged_id and row["sources"] == 2
    s.close()


def test_exports_follow_the_merged_view(client):
    import csv
    import io
    import json

    import pyarrow.parquet as pq

    from warta.api.exports import MERGED_COLUMNS

    rows = list(
        csv.DictReader(io.StringIO(client.get("/api/export/events.csv?min_sources=2").text))
    )
    assert len(rows) == 1 and tuple(rows[0]) == MERGED_COLUMNS
    assert (rows[0]["type"], rows[0]["sources"], rows[0]["articles"]) == ("PROTEST", "2", "2")
    plover = client.get("/api/export/events.plover.jsonl").text.splitlines()
    assert [json.loads(p)["n_sources"] for p in plover] == [2, 1, 1]
    records = client.get("/api/export/records.jsonl?min_sources=2").text.splitlines()
    assert sorted(json.loads(r)["source"]["url"] for r in records) == sorted([FIRST, SECOND])
    table = pq.read_table(io.BytesIO(client.get("/api/export/events.parquet").content))
    assert table.num_rows == 3 and table.column_names == list(MERGED_COLUMNS)
    per_article = client.get("/api/export/events.csv?merged=false").text.splitlines()
    assert per_article[0].startswith("event_id_cnty") and len(per_article) == 5
