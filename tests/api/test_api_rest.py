"""The REST API in-process: filters, pagination, evidence, token, exports, headers."""

from __future__ import annotations

import csv
import io
import json
import warnings

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from apifixtures import all_records, protest_record  # noqa: E402

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from warta.api import ServerConfig, create_app  # noqa: E402
from warta.codec import to_dict  # noqa: E402
from warta.store import MemoryStore  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture()
def store():
    s = MemoryStore()
    s.put_many(all_records())
    yield s
    s.close()


@pytest.fixture()
def client(store):
    app = create_app(store, config=ServerConfig(token=TOKEN))
    with TestClient(app) as c:
        yield c


def types(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["event"]["type"] for item in response.json()["items"]]


def test_events_newest_first_and_filters(client):
    assert types(client.get("/api/events")) == ["PROTEST", "SANCTION", "ASSAULT"]
    assert types(client.get("/api/events?country=IR")) == ["SANCTION"]
    assert types(client.get("/api/events?type=protest")) == ["PROTEST"]
    assert types(client.get("/api/events?since=2025-06-16&until=2025-06-16")) == ["SANCTION"]
    assert types(client.get("/api/events?actor=USA")) == ["SANCTION"]
    assert types(client.get("/api/events?recipient=dpr")) == ["PROTEST"]
    assert types(client.get("/api/events?sector=labor")) == ["PROTEST"]
    assert types(client.get("/api/events?language=en")) == ["SANCTION"]
    assert types(client.get("/api/events?outlet=kabar")) == ["PROTEST"]
    assert types(client.get("/api/events?outlet=example.com")) == ["SANCTION"]
    assert types(client.get("/api/events?status=occurred&mode=economic")) == ["SANCTION"]
    assert types(client.get("/api/events?precision=country")) == ["SANCTION"]
    assert types(client.get("/api/events?q=BERUNJUK")) == ["PROTEST"]  # evidence, any case
    assert types(client.get("/api/events?stance=deny")) == ["PROTEST"]
    assert types(client.get("/api/events?stance=confirm&country=IRN")) == []


def test_place_box_and_radius(client):
    # Java: Jakarta and Bandung; Iran's centroid is far away
    assert types(client.get("/api/events?bbox=105,-8,109,-5")) == ["PROTEST", "ASSAULT"]
    # Bandung is ~120 km from Jakarta
    assert types(client.get("/api/events?near=-6.2,106.85,50")) == ["PROTEST"]
    assert types(client.get("/api/events?near=-6.2,106.85,200")) == ["PROTEST", "ASSAULT"]
    # a box across the antimeridian (west > east) holds neither
    assert types(client.get("/api/events?bbox=170,-10,-170,10")) == []


@pytest.mark.parametrize(
    "query",
    ["bbox=1,2,3", "near=1,2", "near=0,0,-5", "type=EXPLODE", "since=yesterday",
     "stance=shrug", "cursor=@@@", "precision=street", "country=XX"],
)  # fmt: skip
def test_bad_filters_are_400(client, query):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400, response.text
    assert response.json()["detail"]


def test_cursor_pages_cover_everything_once(client):
    seen, cursor = [], None
    for _ in range(5):
        url = "/api/events?limit=1" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        seen += [item["ref"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    full = [item["ref"] for item in client.get("/api/events").json()["items"]]
    assert seen == full and len(full) == 3


def test_lists_of_articles_claims_entities_places(client):
    arts = client.get("/api/articles?limit=2").json()
    assert [a["title"] for a in arts["items"]][0] == "Buruh berunjuk rasa di DPR"
    more = client.get(f"/api/articles?limit=2&cursor={arts['next_cursor']}").json()
    assert len(more["items"]) == 1 and more["next_cursor"] is None
    assert [a["language"] for a in client.get("/api/articles?language=en").json()["items"]] == [
        "en"
    ]
    denies = client.get("/api/claims?stance=deny").json()["items"]
    assert [c["claim"]["speaker"]["text"] for c in denies] == ["Kementerian Tenaga Kerja"]
    assert client.get("/api/claims?speaker=officials").json()["items"][0]["language"] == "en"
    ents = client.get("/api/entities?code=IDNLEG").json()["items"]
    assert [(e["name"], e["articles"]) for e in ents] == [("DPR", 1)]
    places = client.get("/api/places?country=ID").json()["items"]
    assert sorted(p["name"] for p in places) == ["Bandung <i onclick=x>", "Jakarta"]
    near = client.get("/api/places?near=32,53,10").json()["items"]
    assert [p["name"] for p in near] == ["Iran"]


def test_one_event_with_evidence_and_claim_picture(client):
    ref = client.get("/api/events?type=PROTEST").json()["items"][0]["ref"]
    detail = client.get(f"/api/events/{ref}").json()
    assert detail["summary"] == "confirmed by Polisi; denied by Kementerian Tenaga Kerja"
    (source,) = detail["sources"]
    text = source["text"]
    marks = {(h["kind"], text[h["start"] : h["end"]]) for h in source["highlights"]}
    assert ("evidence", "Ribuan buruh berunjuk rasa") in marks
    assert ("sentence", "Ribuan buruh berunjuk rasa di depan gedung DPR di Jakarta pada Selasa.") in marks  # noqa: E501
    assert ("claim", "ada pemogokan nasional") in marks
    assert {c["stance"] for c in source["claims"]} == {"confirm", "deny"}
    assert client.get("/api/events/" + ref[:-4] + "AAAA").status_code in (400, 404)


def test_points_and_timeline(client):
    points = client.get("/api/events/points?country=IDN").json()
    coords = {f["properties"]["type"]: f["geometry"]["coordinates"] for f in points["features"]}
    assert coords["PROTEST"] == [106.8451, -6.2146]
    assert set(coords) == {"PROTEST", "ASSAULT"}
    bins = client.get("/api/events/timeline").json()["bins"]
    assert {(b["day"], b["type"], b["count"]) for b in bins} == {
        ("2025-06-15", "ASSAULT", 1), ("2025-06-16", "SANCTION", 1), ("2025-06-17", "PROTEST", 1),
    }  # fmt: skip


def test_ingest_needs_the_token(client, store):
    doc = {"text": "Polisi menangkap dua orang di Surabaya pada Senin."}
    assert client.post("/api/ingest", json=doc).status_code == 401
    bad = {"Authorization": "Bearer nope"}
    assert client.post("/api/ingest", json=doc, headers=bad).status_code == 401
    assert store.count_articles() == 3


def test_ingest_refused_without_a_server_token(store):
    with TestClient(create_app(store)) as c:
        r = c.post("/api/ingest", json={"text": "x"}, headers={"Authorization": "Bearer "})
        assert r.status_code == 403
    with TestClient(create_app(store, config=ServerConfig(token=TOKEN, read_only=True))) as c:
        r = c.post("/api/ingest", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403


def test_protected_reads(store):
    app = create_app(store, config=ServerConfig(token=TOKEN, protect_reads=True))
    with TestClient(app) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/export/events.csv").status_code == 401
        ok = c.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200 and len(ok.json()["items"]) == 3
        assert c.get("/").status_code == 200  # the page itself loads, then asks for the token


class FakePipeline:
    """Stands in for the real pipeline: returns a known record for any document."""

    def process(self, docs):
        from dataclasses import replace

        from warta.pipeline import Outcome
        from warta.records import Source

        for doc in docs:
            record = protest_record()
            record = replace(record, doc_id=str(abs(hash(doc.path))),
                             source=Source(doc.path, doc.meta.url, doc.meta.source))
            yield Outcome(doc.path, record=record)


def test_ingest_text_html_and_files(store, tmp_path):
    app = create_app(store, config=ServerConfig(token=TOKEN, upload_dir=tmp_path),
                     pipeline_factory=lambda s: FakePipeline())  # fmt: skip
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app) as c:
        r = c.post("/api/ingest", json={"text": "x", "url": "https://n.example/a"}, headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["key"] == "https://n.example/a" and len(body["events"]) == 1
        assert c.get(f"/api/events/{body['events'][0]}").status_code == 200
        r = c.post("/api/ingest", json={"html": "<p>x</p>", "text": "y"}, headers=auth)
        assert r.status_code == 422
        files = [("files", ("one.txt", b"Satu berita.", "text/plain")),
                 ("files", ("../../two.html", b"<p>Dua</p>", "text/html"))]  # fmt: skip
        r = c.post("/api/ingest/files", files=files, headers=auth)
        assert r.status_code == 200, r.text
        assert r.json()["stored"] == 2
        kept = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
        assert kept == ["one.txt", "two.html"]  # names sanitised, kept inside the folder
        again = c.post("/api/ingest/files", files=files[:1], headers=auth).json()
        assert again["unchanged"] == 1 and again["stored"] == 0
    assert store.count_articles() == 6


def test_exports(client, store):
    lines = client.get("/api/export/records.jsonl?country=IDN").text.splitlines()
    assert sorted(json.loads(x)["doc_id"] for x in lines) == [
        "aaaa000000000001", "cccc000000000003",
    ]  # fmt: skip
    assert json.loads(lines[0]) == to_dict(store.get(json.loads(lines[0])["source"]["url"]))
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events.csv").text)))
    assert [r["event_type"] for r in rows] == ["PROTEST", "SANCTION", "ASSAULT"]
    assert rows[0]["iso3"] == "IDN" and rows[0]["location"] == "Jakarta"
    assert rows[1]["country"] == "Iran, Islamic Republic of" and rows[1]["geo_precision"] == "3"
    text = client.get("/api/export/events.plover.jsonl").text
    plover = [json.loads(x) for x in text.split("\n") if x]
    usa = {"text": "The United States", "code": "USA", "sector": "government"}
    assert plover[1]["actor"] == usa
    assert plover[0]["claims"][1]["stance"] == "deny"
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(client.get("/api/export/events.parquet?type=ASSAULT").content))
    assert table.num_rows == 1 and table.column("latitude").to_pylist() == [-6.9039]


def test_security_headers_health_and_openapi(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/health").json()["articles"] == 3
    paths = client.get("/api/openapi.json").json()["paths"]
    want = {"/api/events", "/api/events/{ref}", "/api/ingest", "/api/export/events.csv"}
    assert want <= set(paths)
    assert client.get("/static/countries-110m.json").json()["type"] == "Topology"
