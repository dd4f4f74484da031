"""Property-based fuzzing (hypothesis): arbitrary bytes, text, JSON rows and metadata
through the readers, the pipeline and the store. No input may raise, crash a stage
("internal"), lose a row, or leave the store inconsistent.

Bounded for CI (``WARTA_FUZZ_EXAMPLES``, default 25 per property); benchmarks/fuzz_run.py
runs the same properties much longer and prints the totals.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_common import EXAMPLES, robust_settings, shared_pipeline
from robust_corpus import NASTY_CHARS, REASONS, SENTENCE

from warta.errors import InputError
from warta.ingest import RawDocument, RowMeta
from warta.ingest.readers import read_file
from warta.store import MemoryStore
from warta.store.base import InputRef
from warta.store.integrity import check_store

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
EXTENSIONS = [".txt", ".html", ".htm", ".jsonl", ".csv", ".json", ".warc", ".warc.gz", ".xyz", ""]
NASTY = NASTY_CHARS
text_chars = st.one_of(
    st.characters(codec="utf-8"), st.sampled_from(NASTY), st.characters(categories=["Cs"])
)
nasty_text = st.text(text_chars, max_size=400)
news_text = st.builds(
    lambda a, b, c: a + SENTENCE + b + SENTENCE + c, nasty_text, nasty_text, nasty_text
)
far_dates = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat() + "Z"),
    st.sampled_from(["0000-00-00", "-0044-03-15", "99999-01-01", "1e400", "NaN", "", "  "]),
    nasty_text,
)


@pytest.fixture(scope="module")
def pipeline():
    return shared_pipeline()


def _check_item(item: object, path: str) -> None:
    assert isinstance(item, RawDocument | InputError), type(item)
    if isinstance(item, InputError):
        assert item.reason in REASONS and item.reason != "internal", item
    assert item.path == path or item.path.startswith(path + "#"), (item.path, path)


@FUZZ
@given(data=st.binary(max_size=20000), ext=st.sampled_from(EXTENSIONS))
def test_readers_never_raise_on_bytes(data, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / f"input{ext}")
        Path(path).write_bytes(data)
        for item in read_file(path, robust_settings()):
            _check_item(item, path)


@FUZZ
@given(
    lines=st.lists(
        st.one_of(
            st.builds(lambda b, d: json.dumps({"body": b, "published": d}), news_text, far_dates),
            st.recursive(
                st.none() | st.booleans() | st.floats() | nasty_text,
                lambda c: st.lists(c, max_size=3) | st.dictionaries(nasty_text, c, max_size=3),
                max_leaves=8,
            ).map(json.dumps),
            nasty_text,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_every_jsonl_row_gives_exactly_one_item(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "rows.jsonl")
        Path(path).write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        items = list(read_file(path, robust_settings()))
        for item in items:
            _check_item(item, path)
        numbered = [i.path for i in items if "#" in i.path]
        assert len(numbered) == len(set(numbered))  # one item per row, never two


@FUZZ
@given(
    text=news_text, kind=st.sampled_from(["text", "html"]), published=far_dates, title=nasty_text
)
def test_pipeline_and_store_survive_any_text(pipeline, text, kind, published, title):
    doc = RawDocument("fuzz#1", text, kind, RowMeta(title=title or None, published=published))
    # the readers scrub surrogates at the door; the pipeline gets what a reader would give
    from warta.ingest.decode import scrub_surrogates

    doc = RawDocument(
        doc.path,
        scrub_surrogates(doc.content),
        kind,
        RowMeta(title=scrub_surrogates(title) or None, published=scrub_surrogates(published)),
    )
    [outcome] = list(pipeline.process([doc]))
    if outcome.error is not None:
        assert outcome.error.reason in REASONS - {"internal"}, outcome.error
        return
    with MemoryStore() as store:
        store.put(outcome.record, InputRef(doc.path, "h"))
        assert store.count_articles() == 1
        assert check_store(store).problems == ()
        again = store.get(doc.path)
        assert again is not None and again.article.text == outcome.record.article.text


@FUZZ
@given(rows=st.lists(st.tuples(nasty_text, nasty_text), min_size=1, max_size=6))
def test_csv_rows_are_each_accounted_for(rows):
    import csv

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "rows.csv")
        with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as f:
            w = csv.writer(f)
            w.writerow(["title", "body"])
            for title, text in rows:
                w.writerow([title, SENTENCE + text])
        for item in read_file(path, robust_settings()):
            _check_item(item, path)
