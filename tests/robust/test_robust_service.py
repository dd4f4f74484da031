"""The service's doors: tokens on writes (and on reads when asked), request size limits,
security headers on every answer, hostile input over the API."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from warta.api import ServerConfig, create_app  # noqa: E402
from warta.ingest import RawDocument  # noqa: E402
from warta.pipeline import Outcome  # noqa: E402
from warta.records import Article, Record, Source  # noqa: E402
from warta.settings import Settings  # noqa: E402
from warta.store import MemoryStore  # noqa: E402

AUTH = {"Authorization": "Bearer s3cret"}


class _Echo:
    """A stand-in pipeline: one record per document, its text as the article."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def process(self, docs):
        for doc in docs:
            if isinstance(doc, RawDocument):
                rec = Record(
                    doc_id=str(abs(hash(doc.content)))[:16].ljust(16, "0"),
                    source=Source(doc.path),
                    article=Article(text=doc.content),
                )
                yield Outcome(doc.path, record=rec)
            else:
                yield Outcome(doc.path, error=doc)


def client(**config: object) -> TestClient:
    settings = Settings(max_input_bytes=2000)
    cfg = ServerConfig(**{"token": "s3cret", **config})  # type: ignore[arg-type]
    return TestClient(create_app(MemoryStore(), settings, cfg, pipeline_factory=_Echo))


def test_writes_need_the_token():
    c = client()
    body = {"text": "Polisi menangkap tiga orang."}
    assert c.post("/api/ingest", json=body).status_code == 401
    assert (
        c.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )  # noqa: E501
    assert c.post("/api/ingest", json=body, headers={"Authorization": "s3cret"}).status_code == 401
    assert c.post("/api/ingest", json=body, headers=AUTH).status_code == 200
    assert client(token=None).post("/api/ingest", json=body, headers=AUTH).status_code == 403
    assert client(read_only=True).post("/api/ingest", json=body, headers=AUTH).status_code == 403


@pytest.mark.parametrize(
    "path", ["/api/health", "/api/events", "/api/articles", "/api/export/events.csv"]
)
def test_protected_reads_need_the_token(path):
    assert client().get(path).status_code == 200
    protected = client(protect_reads=True)
    assert protected.get(path).status_code == 401
    assert protected.get(path, headers=AUTH).status_code == 200


def test_request_bodies_over_the_limit_are_413():
    c = client(max_body_bytes=5000)
    assert (
        c.post(
            "/api/ingest", content=b"x" * 6000, headers={**AUTH, "content-type": "application/json"}
        ).status_code
        == 413
    )

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(10):
            yield b"y" * 1000

    res = c.post(
        "/api/ingest", content=chunks(), headers={**AUTH, "content-type": "application/json"}
    )  # noqa: E501
    assert res.status_code == 413
    files = {"files": ("a.txt", b"z" * 7000)}
    assert c.post("/api/ingest/files", files=files, headers=AUTH).status_code == 413
    # under the body limit but over max_input_bytes: refused by the ingest route itself
    assert c.post("/api/ingest", json={"text": "x" * 2500}, headers=AUTH).status_code == 413
    assert c.post("/api/ingest", json={"text": "Polisi datang."}, headers=AUTH).status_code == 200


def test_default_body_limit_follows_max_input_bytes():
    c = client()  # 2 * 2000 + 1 MiB
    big = b"x" * (2 * 2000 + (1 << 20) + 1)
    res = c.post("/api/ingest", content=big, headers={**AUTH, "content-type": "application/json"})
    assert res.status_code == 413


def test_security_headers_on_every_answer():
    c = client(protect_reads=True)
    for res in (
        c.get("/"),
        c.get("/api/health"),
        c.get("/api/health", headers=AUTH),
        c.get("/static/app.js"),
        c.get("/nope"),
        c.post("/api/ingest", content=b"x" * 10**7, headers=AUTH),
    ):
        h = res.headers
        assert "script-src 'self'" in h["content-security-policy"], res.request.url
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "no-referrer"


def test_lone_surrogates_over_the_api_are_stored_not_crashed():
    c = client()
    res = c.post(
        "/api/ingest",
        headers={**AUTH, "content-type": "application/json"},
        content=b'{"text": "Polisi \\ud800 datang ke \\udfff lokasi.", "title": "\\ud83d"}',
    )
    assert res.status_code == 200, res.text
    key = res.json()["key"]
    got = c.get(f"/api/articles?limit=5").json()  # noqa: F541
    assert any(a.get("key") == key for a in got.get("items", got.get("articles", [])))
