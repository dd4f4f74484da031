"""WARC/WARC.gz and Parquet inputs through read_inputs (fixtures built in the test)."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.errors import InputError
from warta.ingest import RawDocument
from warta.ingest.readers import read_inputs
from warta.settings import Settings

PAGE = (
    "<html><head><title>Jembatan ambruk</title></head>"
    "<body><p>Jembatan di Desa Contoh ambruk.</p></body></html>"
)


def _response(
    writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    )


def make_warc(path: Path, gzip: bool) -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://kabar.example.id/1", PAGE.encode(), "text/html; charset=utf-8")
        _response(writer, "https://kabar.example.id/logo.png", b"\x89PNG....", "image/png")
        _response(
            writer, "https://kabar.example.id/404", b"<p>gone</p>", "text/html", "404 Not Found"
        )
        latin = "<html><body><p>Caf\xe9 di Bandung ditutup.</p></body></html>".encode("cp1252")
        _response(writer, "https://kabar.example.id/2", latin, "text/html; charset=windows-1252")


def test_warc_gz_pages_only_with_urls_and_paths(tmp_path: Path) -> None:
    for name, gz in (("crawl.warc.gz", True), ("crawl.warc", False)):
        path = tmp_path / name
        make_warc(path, gz)
        docs = list(read_inputs([str(path)], Settings()))
        assert all(isinstance(d, RawDocument) for d in docs)
        assert [d.meta.url for d in docs] == [
            "https://kabar.example.id/1",
            "https://kabar.example.id/2",
        ]  # type: ignore[union-attr]
        # N counts response records: the PNG (#2) and the 404 (#3) are skipped
        assert [d.path for d in docs] == [f"{path}#1", f"{path}#4"]  # type: ignore[union-attr]
        assert docs[0].kind == "html" and "Caf\u00e9" in docs[1].content  # type: ignore[union-attr]


def test_warc_files_are_found_in_folders_and_a_truncated_one_keeps_its_whole_records(
    tmp_path: Path,
) -> None:
    good = tmp_path / "a.warc.gz"
    make_warc(good, True)
    data = good.read_bytes()
    (tmp_path / "b.warc.gz").write_bytes(data[: len(data) // 2])  # a download cut short
    (tmp_path / "notes.md").write_text("not an input")
    items = list(read_inputs([str(tmp_path)], Settings()))
    assert all(isinstance(i, RawDocument) for i in items)
    paths = [i.path.rsplit("/", 1)[1] for i in items]  # type: ignore[union-attr]
    assert paths == ["a.warc.gz#1", "a.warc.gz#4", "b.warc.gz#1"]


def test_parquet_rows_are_documents(tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    con = duckdb.connect()
    rows = (
        "SELECT * FROM (VALUES"
        " ('Judul satu', 'Polisi menangkap dua orang di Medan.', 'https://x.example/1'),"
        " ('Judul dua', '', 'https://x.example/2')) t(title, body, url)"
    )
    con.execute(f"COPY ({rows}) TO '{path}' (FORMAT parquet)")
    items = list(read_inputs([str(path)], Settings()))
    assert isinstance(items[0], RawDocument) and items[0].path == f"{path}#1"
    assert items[0].meta.title == "Judul satu" and items[0].meta.url == "https://x.example/1"
    assert isinstance(items[1], InputError) and items[1].reason == "empty"


def test_a_damaged_header_is_read_without_warcio_quoting_it_to_stderr(
    tmp_path: Path, caplog
) -> None:
    path = tmp_path / "spaced.warc"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        _response(writer, "https://kabar.example.id/a b", PAGE.encode(), "text/html")
    with caplog.at_level("WARNING"):
        docs = list(read_inputs([str(path)], Settings()))
    assert [d.meta.url for d in docs] == ["https://kabar.example.id/a%20b"]  # type: ignore[union-attr]
    assert not [r for r in caplog.records if r.name.startswith("warcio")]
