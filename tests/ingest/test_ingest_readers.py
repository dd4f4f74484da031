"""Readers: every input kind and every failure reason, on files made in tmp_path."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from warta.errors import InputError
from warta.ingest import RawDocument, RowMeta
from warta.ingest.readers import count_documents, read_inputs
from warta.settings import FieldMap, Settings

SETTINGS = Settings()
TEXT = "JAKARTA - Polisi membubarkan unjuk rasa di depan gedung DPR, Senin (16/6/2025).\n"
HTML = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Isi berita.</p></body></html>"


def read(*paths: Path | str, settings: Settings = SETTINGS) -> list[RawDocument | InputError]:
    return list(read_inputs([str(p) for p in paths], settings))


def only(items: list[RawDocument | InputError]) -> RawDocument | InputError:
    assert len(items) == 1, items
    return items[0]


def reason(item: RawDocument | InputError) -> str:
    assert isinstance(item, InputError), item
    return item.reason


def test_text_and_html_pages(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "c.htm").write_text(HTML, encoding="utf-8")
    a, b, c = read(tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.htm")
    assert a == RawDocument(str(tmp_path / "a.txt"), TEXT, "text", RowMeta())
    assert isinstance(b, RawDocument) and b.kind == "html" and b.content == HTML
    assert isinstance(c, RawDocument) and c.kind == "html"


def test_seed_example_is_read_as_text() -> None:
    seed = Path(__file__).parents[2] / "examples" / "000_6282b0001a3db50d.txt"
    doc = only(read(seed))
    assert isinstance(doc, RawDocument) and doc.kind == "text"
    assert doc.content == seed.read_text(encoding="utf-8")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    doc = only(read(f))
    assert isinstance(doc, RawDocument) and doc.content == TEXT


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    doc = only(read(f))
    assert isinstance(doc, RawDocument) and doc.content == TEXT


def test_latin1_and_cp1252_are_decoded(tmp_path: Path) -> None:
    words = "Menurut “sumber” itu — kata René Müller di café, señor. " * 3
    f = tmp_path / "legacy.txt"
    f.write_bytes(words.encode("cp1252"))
    g = tmp_path / "latin1.txt"
    latin = "Déjà vu à São Tomé: façade, naïve, Ærø, œuvre? Non: Ångström. " * 3
    g.write_bytes(latin.replace("œ", "o").encode("latin-1"))
    a, b = read(f, g)
    assert isinstance(a, RawDocument) and a.content == words
    assert isinstance(b, RawDocument) and b.content == latin.replace("œ", "o")


def test_binary_empty_and_whitespace(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"abc\x00\x01\x02" * 50)
    (tmp_path / "ctrl.txt").write_bytes(bytes(range(1, 9)) * 40)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"  \n\t \r\n")
    got = {Path(x.path).name: reason(x) for x in read(tmp_path)}
    assert got == {
        "bin.txt": "binary",
        "ctrl.txt": "binary",
        "empty.txt": "empty",
        "blank.html": "empty",
    }


def test_undecodable_bytes_are_an_encoding_error(tmp_path: Path) -> None:
    f = tmp_path / "soup.txt"
    f.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xC0, 0xC1, 0xF5, 0xFF] * 40))
    err = only(read(f))
    assert reason(err) == "encoding" and err.path == str(f)  # type: ignore[union-attr]


def test_missing_path_is_unreadable_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    missing, ok = read(tmp_path / "nope.txt", tmp_path / "ok.txt")
    assert reason(missing) == "unreadable"
    assert isinstance(ok, RawDocument)


def test_too_large_page(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(TEXT * 10, encoding="utf-8")
    err = only(read(f, settings=Settings(max_input_bytes=100)))
    assert reason(err) == "too_large"


def test_unknown_extension_is_sniffed_when_named(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(HTML, encoding="utf-8")
    (tmp_path / "NOTES").write_text(TEXT, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    named = [tmp_path / "page.php", tmp_path / "NOTES", tmp_path / "photo.jpg"]
    by_name = {Path(x.path).name: x for x in read_inputs([str(p) for p in named], Settings())}
    assert isinstance(by_name["page.php"], RawDocument) and by_name["page.php"].kind == "html"
    assert isinstance(by_name["NOTES"], RawDocument) and by_name["NOTES"].kind == "text"
    assert reason(by_name["photo.jpg"]) == "unknown_format"
    # a directory walk reads only input endings: notes and images beside articles are not articles
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert [Path(x.path).name for x in read(tmp_path)] == ["a.txt"]


def test_directory_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", ".git/x.txt", "a/.cache/y.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(TEXT + rel, encoding="utf-8")
    got = [Path(x.path).relative_to(tmp_path).as_posix() for x in read(tmp_path)]
    assert got == ["a/b/c.txt", "a/z.txt", "b.txt"]


def jsonl(path: Path, rows: list[object | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_rows_with_malformed_rows_in_the_middle(tmp_path: Path) -> None:
    f = jsonl(
        tmp_path / "dump.jsonl",
        [
            {"title": "Satu", "body": "Isi satu.", "url": "https://x.test/1", "author": ["A", "B"]},
            "{not json",
            "",
            [1, 2],
            {"title": "tanpa isi"},
            {"body": 42},
            {"body": "   "},
            {
                "title": "Dua",
                "body": "<p>Isi</p><p>dua</p>",
                "published": "2025-06-18",
                "source": "x.test",
            },
        ],
    )
    items = read(f)
    assert [x.path for x in items] == [f"{f}#{n}" for n in (1, 2, 4, 5, 6, 7, 8)]
    first, last = items[0], items[-1]
    assert isinstance(first, RawDocument) and first.kind == "text" and first.content == "Isi satu."
    assert first.meta == RowMeta(title="Satu", url="https://x.test/1", author="A, B")
    assert [reason(x) for x in items[1:-1]] == [
        "malformed_row",
        "malformed_row",
        "malformed_row",
        "malformed_row",
        "empty",
    ]
    assert isinstance(last, RawDocument) and last.kind == "html"
    assert last.meta == RowMeta(title="Dua", published="2025-06-18", source="x.test")


def test_jsonl_custom_field_names_bom_and_bad_utf8_row(tmp_path: Path) -> None:
    f = tmp_path / "rows.ndjson"
    good = json.dumps({"judul": "J", "isi": "Isi berita."}).encode()
    f.write_bytes(codecs.BOM_UTF8 + good + b"\n" + b'{"isi": "caf\xe9"}\n' + good + b"\n")
    settings = Settings(fields=FieldMap(title="judul", body="isi"))
    a, b, c = read(f, settings=settings)
    assert isinstance(a, RawDocument) and a.meta.title == "J" and a.content == "Isi berita."
    assert reason(b) == "encoding" and b.path == f"{f}#2"  # type: ignore[union-attr]
    assert isinstance(c, RawDocument)


def test_jsonl_file_level_failures(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_text("\n\n  \n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "big.jsonl").write_text(json.dumps({"body": "x" * 500}) + "\n", encoding="utf-8")
    e, b = read(tmp_path / "e.jsonl", tmp_path / "b.jsonl")
    assert (reason(e), reason(b)) == ("empty", "binary")
    big = only(read(tmp_path / "big.jsonl", settings=Settings(max_input_bytes=100)))
    assert reason(big) == "too_large" and big.path.endswith("big.jsonl#1")


def test_jsonl_streams_rows_lazily(tmp_path: Path) -> None:
    f = jsonl(tmp_path / "many.jsonl", [{"body": f"Isi {i}."} for i in range(1000)])
    it = read_inputs([str(f)], SETTINGS)
    first = next(it)
    assert isinstance(first, RawDocument) and first.path == f"{f}#1"
    # appending after the first row was read is seen: the file is read line by line
    with open(f, "a", encoding="utf-8") as out:
        out.write(json.dumps({"body": "ekor"}) + "\n")
    rest = list(it)
    assert len(rest) == 1000 and isinstance(rest[-1], RawDocument) and rest[-1].content == "ekor"


def test_csv_rows(tmp_path: Path) -> None:
    f = tmp_path / "rows.csv"
    f.write_text(
        'title,body,url\nSatu,"Isi, dengan koma\ndan baris baru.",https://x.test/1\n'
        "Kosong,,https://x.test/2\nTiga,<div>Isi</div><p>tiga</p>,\n",
        encoding="utf-8",
    )
    a, b, c = read(f)
    assert isinstance(a, RawDocument) and a.path == f"{f}#1"
    assert a.content == "Isi, dengan koma\ndan baris baru." and a.meta.url == "https://x.test/1"
    assert reason(b) == "empty" and b.path == f"{f}#2"  # type: ignore[union-attr]
    assert isinstance(c, RawDocument) and c.kind == "html" and c.meta.url is None


def test_csv_latin1_and_missing_body_column(tmp_path: Path) -> None:
    f = tmp_path / "legacy.csv"
    f.write_bytes("title,body\nCafé,Isi berita di café René.\n".encode("latin-1"))
    g = tmp_path / "nobody.csv"
    g.write_text("title,text\nA,B\n", encoding="utf-8")
    a, b = read(f, g)
    assert isinstance(a, RawDocument) and a.content == "Isi berita di café René."
    assert reason(b) == "unknown_format"


def test_json_file_list_of_rows(tmp_path: Path) -> None:
    f = tmp_path / "rows.json"
    f.write_text(json.dumps([{"body": "Isi satu."}, {"nobody": 1}]), encoding="utf-8")
    a, b = read(f)
    assert isinstance(a, RawDocument) and a.path == f"{f}#1"
    assert reason(b) == "malformed_row"


def test_count_documents_matches_rows(tmp_path: Path) -> None:
    jsonl(tmp_path / "a.jsonl", [{"body": "x"}, {"body": "y"}, "", {"body": "z"}])
    (tmp_path / "b.csv").write_text("body\nx\ny\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    assert count_documents([str(tmp_path)], SETTINGS) == len(read(tmp_path)) == 6


def test_broken_link_and_directory_errors_are_unreadable(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    bad, ok = read(tmp_path)
    assert reason(bad) == "unreadable" and bad.path.endswith("dangling.txt")
    assert isinstance(ok, RawDocument)
