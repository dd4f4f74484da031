"""The nasty-file corpus through the real readers, pipeline and store: every input ends as
a stored article or a failure with a known reason, no stage crashes ("internal"), the
limits hold, and the store stays consistent."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from robust_common import robust_settings, shared_pipeline, unaccounted
from robust_corpus import REASONS, body, write_corpus

from warta.errors import InputError
from warta.ingest import RawDocument
from warta.ingest.readers import read_inputs
from warta.pipeline import Pipeline
from warta.records import Article, Record, Source
from warta.runner import ingest
from warta.store import MemoryStore
from warta.store.integrity import check_store


@pytest.fixture(scope="module")
def settings():
    return robust_settings()


@pytest.fixture(scope="module")
def pipeline(settings):
    return shared_pipeline()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nasty")
    write_corpus(folder, bomb_mb=32)
    return folder


@pytest.fixture(scope="module")
def ingested(corpus, pipeline, settings):
    store = MemoryStore()
    failures: list[InputError] = []
    summary = ingest([str(corpus)], pipeline, store, settings=settings, on_failure=failures.append)
    yield summary, failures, store
    store.close()


def by_name(failures):
    out: dict[str, set[str]] = {}
    for f in failures:
        out.setdefault(f.path.rsplit("/", 1)[-1], set()).add(f.reason)
    return out


def test_every_input_is_stored_or_reported(ingested, corpus):
    summary, failures, store = ingested
    assert summary.read == summary.stored + summary.failed + summary.skipped_unchanged
    assert {f.reason for f in failures} <= REASONS
    assert [str(f) for f in failures if f.reason == "internal"] == []
    assert unaccounted([str(corpus)], store) == []
    assert check_store(store).problems == ()
    assert summary.stored >= 30  # the readable pages and rows are there


def test_reasons_are_the_right_ones(ingested):
    _, failures, _ = ingested
    got = by_name(failures)
    assert got["huge.html"] == {"too_large"}
    assert got["random.txt"] == {"binary"} and got["png-named.html"] == {"binary"}
    assert got["empty.txt"] == {"empty"} and got["spaces.txt"] == {"empty"}
    assert got["binary.jsonl"] == {"binary"}
    assert got["utf16-nobom.txt"] == {"binary"}  # NULs and no byte-order mark
    assert got["bom-then-garbage.txt"] == {"encoding"}
    assert got["nobody.csv"] == {"unknown_format"}
    assert got["deep.json"] == {"malformed_row"}
    rows = {k: v for k, v in got.items() if k.startswith("rows.jsonl#")}
    assert rows["rows.jsonl#7"] == {"malformed_row"}  # unterminated
    assert rows["rows.jsonl#8"] == {"malformed_row"}  # a list
    assert rows["rows.jsonl#11"] == {"empty"}
    assert rows["rows.jsonl#12"] == {"malformed_row"}  # {{{{ recursion bomb
    assert rows["rows.jsonl#15"] == {"encoding"}
    assert rows["rows.jsonl#13"] == {"too_large"}  # 2 MB row, 1.5 MB limit
    # pages too slow for the time limit (a megabyte of sentences, one enormous "word")
    # end as timeouts, not as a stalled batch
    assert got.get("many-sentences.txt", {"timeout"}) == {"timeout"}


def test_hard_pages_become_articles(ingested, corpus):
    _, _, store = ingested
    stored = {p.rsplit("/", 1)[-1] for (p,) in store.select("SELECT path FROM inputs")}
    for name in (
        "truncated.html",
        "deep.html",
        "hostile.html",
        "cp1252.txt",
        "mixed.txt",
        "utf8-bom.txt",
        "utf16le-bom.txt",
        "utf16be-bom.html",
        "utf32-bom.txt",
        "rtl.txt",
        "zero-width.txt",
        "dates.txt",
        "nul-late.txt",
        "rows.jsonl#1",
        "rows.jsonl#2",
        "rows.jsonl#3",
        "rows.jsonl#4",
        "rows.jsonl#5",
        "rows.jsonl#6",
        "rows.csv#1",
        "list.json#1",
    ):
        assert name in stored, name
    # the far dates are kept verbatim as metadata, never crash date parsing
    published = dict(store.select("SELECT path, published FROM articles"))
    assert any(v == "9999-12-31T23:59:59+14:00" for v in published.values() if v)
    # lone surrogates became U+FFFD; the text is storable UTF-8
    texts = [r for (r,) in store.select("SELECT record FROM articles WHERE path LIKE '%#5'")]
    assert texts and "\ufffd" in texts[0]
    # a script in a page never reaches the article text as markup
    hostile = store.get(str(corpus / "hostile.html"))
    assert hostile is not None and "alert(1)" not in hostile.article.text


def test_warc_bombs_are_bounded(ingested):
    _, failures, store = ingested
    got = by_name(failures)
    stored = {p.rsplit("/", 1)[-1] for (p,) in store.select("SELECT path FROM inputs")}
    assert {"news.warc#1", "news.warc#3", "news.warc.gz#1", "news.warc.gz#3"} <= stored
    assert got["news.warc#2"] == {"too_large"}  # 32 MB of gzip-encoded zeros, cut at 1.5 MB
    assert got["news.warc.gz#2"] == {"too_large"}
    assert got["garbage.warc.gz#1"] == {"empty"}  # gzip, but no WARC inside


def test_gzip_file_named_directly_is_refused_unread(corpus, settings):
    items = list(read_inputs([str(corpus / "bomb.jsonl.gz")], settings))
    assert [(type(i).__name__, getattr(i, "reason", None)) for i in items] == [
        ("InputError", "unknown_format")
    ]


# -- the per-document time limit ---------------------------------------------------------


def _record(doc: RawDocument) -> Record:
    return Record(
        doc_id=doc.content[:16].ljust(16, "0"),
        source=Source(doc.path),
        article=Article(text=doc.content),
    )


class _Sleepy:
    name, requires, assigns = "sleepy", (), ()

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, record: Record) -> Record:
        if "slow" in record.article.text:
            deadline = time.monotonic() + self.seconds
            while time.monotonic() < deadline:  # busy Python code, as a runaway stage is
                pass
        return record


class _Swallower(_Sleepy):
    """A stage that catches every Exception: it must not swallow the timeout."""

    def __call__(self, record: Record) -> Record:
        try:
            return super().__call__(record)
        except Exception:
            return record


def _docs():
    return [
        RawDocument("a", "fast one aaaaaaaaaaaa"),
        RawDocument("b", "slow one bbbbbbbbbbbb"),
        RawDocument("c", "fast two cccccccccccc"),
    ]


@pytest.mark.parametrize("stage", [_Sleepy, _Swallower])
def test_timeout_stops_one_document_not_the_batch(stage):
    pipe = Pipeline(robust_settings(max_seconds_per_doc=0.3), cleaner=_record, stages=[stage(5.0)])
    outcomes = list(pipe.process(_docs()))
    assert [o.record is not None for o in outcomes] == [True, False, True]
    assert outcomes[1].error is not None and outcomes[1].error.reason == "timeout"
    assert "max_seconds_per_doc" in outcomes[1].error.detail


def test_timeout_between_stages_in_a_worker_thread():
    # no SIGALRM outside the main thread: the deadline is checked between stages
    pipe = Pipeline(
        robust_settings(max_seconds_per_doc=0.2),
        cleaner=_record,
        stages=[_Sleepy(0.15) for _ in range(4)],
    )
    out: list = []
    worker = threading.Thread(target=lambda: out.extend(pipe.process(_docs())))
    worker.start()
    worker.join()
    assert [o.error.reason if o.error else "ok" for o in out] == ["ok", "timeout", "ok"]


def test_no_limit_when_zero():
    pipe = Pipeline(robust_settings(max_seconds_per_doc=0), cleaner=_record, stages=[_Sleepy(0.05)])
    assert all(o.record is not None for o in pipe.process(_docs()))


def test_size_limit_is_configurable(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(body(1), encoding="utf-8")
    small = replace(robust_settings(), max_input_bytes=50)
    assert [getattr(i, "reason", "ok") for i in read_inputs([str(page)], small)] == ["too_large"]
    assert [getattr(i, "reason", "ok") for i in read_inputs([str(page)], robust_settings())] == [
        "ok"
    ]
