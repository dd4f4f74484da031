"""Link teasers and pointers that survived the cleaner before (invented lines)."""

from __future__ import annotations

import pytest

from warta.extract.lexicon import build
from warta.extract.lines import classify, rule_reason, split_lines

LEX = build(("id", "en", "ms"))


@pytest.mark.parametrize(
    "line",
    [
        "Simak juga Video: Harga Cabai Naik Jelang Hari Raya, Pedagang Mengeluh!",
        "Tonton juga Video: Jembatan Baru Dibuka, Begini Kondisinya...",
        "Saksikan juga Bincang Santai, Dr. Contoh: Guru Harus Terus Belajar!",
        "Artikel ini sudah lebih dulu tayang di detikcontoh. Selengkapnya klik disini.",
        "Artikel ini telah tayang di Contoh.com dengan judul Banjir Surut.",
        "Untuk melihat jadwal lengkap hari ini, bisa diklik di sini.",
        "Baca selengkapnya di tautan berikut ini.",
        "Ke halaman 2 lihat daftar lengkapnya",
        "Related: Council Approves New Bridge.",
        "For the full schedule, click here.",
    ],
)
def test_link_lines_are_furniture(line: str) -> None:
    assert rule_reason(line, LEX) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Populer di media sosial, video itu memperlihatkan seorang pria berlari di jalan.",
        "Rekomendasi Bank Dunia mencakup penurunan ambang batas pajak bagi usaha kecil.",
        "Artikel ilmiah itu menyebut tingkat polusi naik dua kali lipat dalam setahun.",
        "Warga bisa mendaftar lewat aplikasi yang tersedia di ponsel masing-masing.",
    ],
)
def test_prose_with_cue_words_stays(line: str) -> None:
    assert rule_reason(line, LEX) is None


def test_sentence_glued_behind_read_also_headline_is_kept() -> None:
    text = (
        "Baca Juga:Jembatan Baru Segera Dibuka“Kami menargetkan jembatan selesai bulan depan,”"
        " kata kepala dinas kepada wartawan di lokasi proyek.\n"
    )
    lines = [ln.text for ln in split_lines(text, LEX)]
    assert lines[0] == "Baca Juga:"
    assert "Jembatan Baru Segera Dibuka" in lines
    assert lines[-1].startswith("“Kami menargetkan")


def test_read_also_with_question_headline_dropped_whole() -> None:
    body = (
        "Pemerintah daerah menyiapkan tenda darurat bagi warga yang mengungsi sejak Minggu malam."
    )
    text = f"{body}\nBaca juga:Kenapa Sungai Contoh Selalu Meluap?\n{body}\n"
    lay = classify(text, LEX)
    assert [ln.text for ln in lay.body] == [body, body]
    assert any(d.reason == "furniture:read_also" for d in lay.discarded)
