"""The cleaner on the seed page and on invented dumps in the outlets' styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.extract import make_cleaner
from warta.ingest import RawDocument, RowMeta
from warta.settings import Settings
from warta.text import doc_id

ROOT = Path(__file__).resolve().parents[2]
FIX = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def clean():
    return make_cleaner(Settings())


def _doc(name: str, kind: str = "text") -> RawDocument:
    path = FIX / name
    return RawDocument(str(path), path.read_text("utf-8"), kind)  # type: ignore[arg-type]


def test_seed(clean) -> None:
    path = ROOT / "examples" / "000_6282b0001a3db50d.txt"
    rec = clean(RawDocument(str(path), path.read_text("utf-8")))
    art = rec.article
    assert art.title == "Pasukan Korea Utara Dapat Tugas Usir Pasukan Ukraina dari Kursk di Rusia"
    assert art.published == "2024-10-28T19:04:00+07:00"
    assert art.dateline == "MOSKOW"
    assert art.authors == ("ahm",)
    assert art.cited_sources == ("BBC",)
    assert [(i.caption, i.credit) for i in art.images] == [
        ("Pasukan Korea Utara ditugaskan di Kursk, Rusia.", "Rodong Sinmun")
    ]
    assert art.text.startswith("Pasukan Korea Utara telah dikerahkan")
    assert art.text.endswith("dalam operasi kejutan.")
    for junk in (
        "loading...",
        "A A A",
        "(ahm)",
        "Foto/",
        "Klik Disini",
        "Copyright",
        "All Rights Reserved",
        "rendering in",
        "Baca Berita Terkait",
        "19:04 WIB",
    ):
        assert junk not in art.text
    assert "\n\n" in art.text and "\n\n\n" not in art.text
    assert rec.source.publisher == "SINDOnews" and rec.source.domain == "sindonews.com"
    assert rec.doc_id == doc_id(art.text)
    reasons = {d.text: d.reason for d in art.discarded}
    assert reasons["(ahm)"] == "signoff"
    assert reasons["Senin, 28 Oktober 2024 - 19:04 WIB"] == "dateline_meta"
    assert all(d.line >= 1 for d in art.discarded)


def test_detik_style(clean) -> None:
    art = (rec := clean(_doc("detik_style.txt"))).article
    assert art.title == "Warga Desa Sukamaju Gelar Lomba Perahu Tahunan"
    assert art.published == "2025-04-03T09:15:00+07:00"
    assert art.authors == ("Siti Rahmawati",)
    assert rec.source.publisher == "detikcom"
    assert art.dateline is None
    assert art.text.startswith("Ratusan warga Desa Sukamaju")
    assert "Panitia berharap lomba tahun depan" in art.text
    for junk in (
        "SCROLL TO CONTINUE",
        "Simak Video",
        "Gambas",
        "halaman selanjutnya",
        "-detikNews",
    ):
        assert junk not in art.text
    assert set(art.cited_sources) == {"Reuters", "Antara", "Xinhua"}


def test_liputan6_style(clean) -> None:
    rec = clean(_doc("liputan6_style.txt"))
    art = rec.article
    assert art.dateline == "Kuala Lumpur"
    assert art.text.startswith("Menteri Luar Negeri bertemu")
    assert art.authors == ("Budi Santoso",)
    assert art.published == "2025-03-12T14:30:00+07:00"
    assert rec.source.publisher == "Liputan6"
    assert art.cited_sources == ("Al Jazeera",)
    assert "Baca Juga" not in art.text and "Advertisement" not in art.text
    assert "Kedua menteri juga menandatangani" in art.text


def test_wire_style_english(clean) -> None:
    art = clean(_doc("wire_style.txt")).article
    assert art.title == "Flooding forces thousands from homes in river valley"
    assert art.dateline == "RIVERTOWN"
    assert art.text.startswith("Heavy rains forced thousands")
    assert art.images[0].credit == "AP Photo/Jane Roe"
    assert art.images[0].caption.startswith("Rescue workers carry a resident")
    assert "Copyright" not in art.text and "Skip to main content" not in art.text
    assert "Reuters" in art.cited_sources
    assert art.published is None  # the caption's date is not a date line


def test_scraper_row_meta(clean) -> None:
    body = (
        "JAKARTA, KOMPAS.com - Pemerintah kota mengumumkan jadwal baru angkutan umum "
        "mulai pekan depan.\n"
        "Baca juga: Jadwal Kereta Berubah Mulai Senin\n"
        "Kepala dinas perhubungan mengatakan perubahan itu untuk mengurangi kepadatan penumpang."
    )
    meta = RowMeta(
        title="Jadwal Baru Angkutan Umum",
        published="Kompas.com- 18/06/2025, 21:35 WIB",
        url="https://nasional.kompas.com/read/2025/06/18/x",
        source="kompas.com",
        author="Andi Wijaya, Rina Putri",
    )
    rec = clean(RawDocument("rows.jsonl#3", body, "text", meta))
    assert rec.source.path == "rows.jsonl#3"
    assert rec.source.publisher == "Kompas.com" and rec.source.domain == "kompas.com"
    assert rec.article.published == "2025-06-18T21:35:00+07:00"
    assert rec.article.dateline == "JAKARTA"
    assert rec.article.authors == ("Andi Wijaya", "Rina Putri")
    assert rec.article.text.startswith("Pemerintah kota mengumumkan")
    assert "Baca juga" not in rec.article.text


def test_no_title_when_first_line_is_prose(clean) -> None:
    text = (
        "QUESTION: Minister, did you discuss the border crossing? Was there any agreement?\n\n"
        "MINISTER: We talked about the situation at length and will meet again tomorrow morning."
    )
    art = clean(RawDocument("t.txt", text)).article
    assert art.title is None and art.published is None and art.dateline is None
    assert art.text.startswith("QUESTION: Minister")


def test_html_page(clean) -> None:
    rec = clean(_doc("page.html", "html"))
    art = rec.article
    assert art.title == "Banjir Rendam Ratusan Rumah di Kota Contoh"
    assert art.published == "2025-02-10T08:30:00+07:00"
    assert art.authors == ("Dewi Lestari",)
    assert rec.source.publisher == "Contoh News"
    assert art.dateline == "KOTA CONTOH"
    assert art.text.startswith("Hujan deras yang turun")
    assert "Baca juga" not in art.text and "Beranda" not in art.text
    assert "Wali kota meminta warga tetap waspada" in art.text
