"""Glued-word repair and the map from clean offsets back to the input (invented texts)."""

from __future__ import annotations

import pytest

from warta.codec import from_json, to_json
from warta.extract import make_cleaner
from warta.extract.glue import Splitter, Vocabulary, dictionary, repair
from warta.extract.offsets import MapBuilder, copy_repaired, source_offset, source_span
from warta.ingest import RawDocument
from warta.settings import Settings

CONTEXT = (
    "Israel dan Iran saling serang. Kantor berita AFP melaporkan. Menteri Rusia Sergei Shoigu "
    "hadir. Dua orang tewas dalam kondisi kritis dan kesehatan mereka memburuk. Kasus itu "
    "menyangkut sengketa lahan. YouTube dan iPhone. DPRD Jabar rapat."
)


@pytest.fixture(scope="module")
def fix():
    sp = Splitter(
        dictionary(("id", "en")),
        Vocabulary(CONTEXT),
        frozenset({"detikNews", "KOMPAS.com"}),
        ("detik",),
    )
    return lambda s: repair(s, sp)[0]


@pytest.mark.parametrize(
    ("glued", "want"),
    [
        ("seranganIsraelyang", "serangan Israel yang"),
        ("PolisiIranmenangkap", "Polisi Iran menangkap"),
        ("dilansirAFP", "dilansir AFP"),
        ("menteriRusiaSergei Shoigupada", "menteri Rusia Sergei Shoigu pada"),
        ("KetuaDPRDJabar", "Ketua DPRD Jabar"),
        ("menewaskandua orang", "menewaskan dua orang"),
        ("kondisikesehatan", "kondisi kesehatan"),
        ("menguruskasussengketa", "mengurus kasus sengketa"),
        ("Terkini,Persija", "Terkini, Persija"),
        ("duaorang", "dua orang"),  # a bare pair of roots is no compound word
    ],
)
def test_splits_glued_words(fix, glued: str, want: str) -> None:
    assert fix(glued) == want


@pytest.mark.parametrize(
    "word",
    [
        "McDonald", "iPhone", "YouTube", "KOMPAS.com", "detikNews", "DPRRI", "Kalimantan",
        "ketidakpastian", "diberitahukan", "pertanggungjawaban", "wartawan", "@seranganIsrael",
        "www.seranganIsrael.com", "Polres", "mempertanyakan",
    ],
)  # fmt: skip
def test_leaves_words_alone(fix, word: str) -> None:
    assert fix(word) == word


def test_name_must_stand_alone_in_the_article() -> None:
    sp = Splitter(dictionary(("id",)), Vocabulary("tidak ada nama di sini"))
    assert repair("Gazayang", sp)[0] == "Gazayang"
    sp = Splitter(dictionary(("id",)), Vocabulary("Warga Gaza mengungsi."))
    assert repair("Gazayang", sp)[0] == "Gaza yang"


def test_map_builder_round_trip() -> None:
    raw = "xx seranganIsraelyang dekat"
    build = MapBuilder()
    copy_repaired(build, raw[3:21], 3, [8, 14])
    build.insert("\n\n")
    build.copy("dekat", 22)
    text = build.text()
    assert text == "serangan Israel yang\n\ndekat"
    anchors = build.result()
    for i, ch in enumerate(text):
        if ch not in " \n":
            assert raw[source_offset(anchors, i)] == ch
    assert source_offset(anchors, 8) == 11  # the inserted space points at the next letter
    assert source_offset((), 0) is None
    assert source_offset(((0, -1),), 3) is None


ARTICLE = """Serangan di Gaza

JAKARTA - Pasukan Israel menyerang Gaza. Warga Gaza mengungsi ke selatan menurut laporan.
Baca juga: Judul Lain Yang Tidak Penting
Menurut laporan AFP, seranganIsraelyang berlangsung Senin menewaskan sedikitnya lima orang.
Pemerintah setempat menyebut serangan itu melanggar hukum internasional dan meminta bantuan.
"""


def test_cleaner_maps_body_back_to_input() -> None:
    doc = RawDocument("a.txt", ARTICLE)
    art = make_cleaner(Settings())(doc).article
    assert "serangan Israel yang berlangsung" in art.text
    assert art.source_map and art.source_map[0][0] == 0
    i = art.text.index("Israel yang")
    a, b = source_span(art, i, i + len("Israel yang"))
    assert doc.content[a:b] == "Israelyang"
    j = art.text.index("Pemerintah setempat")
    a, b = source_span(art, j, j + 19)
    assert doc.content[a:b] == "Pemerintah setempat"
    # the dateline is cut off the first paragraph; its first word still maps home
    assert art.text.startswith("Pasukan")
    assert doc.content[source_offset(art.source_map, 0)] == "P"


def test_source_map_survives_json() -> None:
    rec = make_cleaner(Settings())(RawDocument("a.txt", ARTICLE))
    assert rec.article.source_map
    assert from_json(to_json(rec)) == rec


def test_glued_read_also_block_inside_a_line() -> None:
    line = (
        "Polisi menutup tambang itu pada Senin (9/6/2025) setelah warga melapor.Baca Juga"
        "Longsor Tutup Jalan Desa Di Cianjur SelatanDua Warga Hilang Terseret Banjir Bandang"
        "Kapolres mengatakan, penyelidikan masih berjalan dan lokasi itu dijaga petugas."
    )
    text = (
        f"Judul Berita Tambang\n\n{line}\nWarga diminta menjauhi lokasi karena tanah masih labil."
    )
    art = make_cleaner(Settings())(RawDocument("b.txt", text)).article
    assert "Longsor Tutup Jalan" not in art.text and "Baca Juga" not in art.text
    assert "Dua Warga Hilang" not in art.text
    assert "setelah warga melapor." in art.text
    assert "Kapolres mengatakan, penyelidikan masih berjalan" in art.text
    reasons = {d.text: d.reason for d in art.discarded}
    assert reasons["Dua Warga Hilang Terseret Banjir Bandang"] == "furniture:read_also"


def test_an_overlong_letter_run_is_left_whole(fix) -> None:
    # no two or three glued words are this long; splitting it would cost time and memory
    # quadratic in its length (a line of one letter, a pasted hash)
    run = "seranganIsraelyang" * 4
    assert fix(f"Ia {run} kemarin.") == f"Ia {run} kemarin."
    assert fix("seranganIsraelyang") == "serangan Israel yang"


def _fixer(context: str):
    sp = Splitter(dictionary(("id", "en")), Vocabulary(context))
    return lambda s: repair(s, sp)[0]


@pytest.mark.parametrize(
    ("glued", "want"),
    [
        # a lead word (preposition, title, reporting verb) splits off a name never seen alone
        ("dariWorthington", "dari Worthington"),
        ("PresidenFabrizio", "Presiden Fabrizio"),
        ("MengutipKantorBerita,", "Mengutip KantorBerita,"),
        # a name glued to a two-letter preposition
        ("Marokodi", "Maroko di"),
        ("Bantenke", "Banten ke"),
        # a number glued to a word
        ("2031digelar", "2031 digelar"),
        ("sebanyak 318jemaah", "sebanyak 318 jemaah"),
        ("timnas U-21asuhan", "timnas U-21 asuhan"),
        # a name glued behind a word and to a long function word, though never seen alone
        ("laporanZambiaterhadap", "laporan Zambia terhadap"),
        # ... or to a long derived word
        ("laporanZambiamengatakan", "laporan Zambia mengatakan"),
        ("kegiatanPendaftaran", "kegiatan Pendaftaran"),  # a capitalised word stays whole
        # ... but a name is not cut at a short function word or a root ending it
        ("dariKalimantan", "dari Kalimantan"),
        ("kotaBukittinggi", "kotaBukittinggi"),
        ("bulanRamadan", "bulan Ramadan"),
        ("dariSudan", "dari Sudan"),
        ("dariMancini", "dari Mancini"),
    ],
)
def test_splits_names_glued_everywhere(glued: str, want: str) -> None:
    fix = _fixer("Warga Maroko dan Banten datang. Pro dan kontra. Naik turun.")
    assert fix(glued) == want


@pytest.mark.parametrize(
    "text",
    [
        "Prodi", "Naikin", "SobatBangun", "DiCaprio", "KeMala", "YouTube", "7000mAh", "1990an",
        "PCSK9i", "5G", "kode 3fxq", "lihat contoh.com/2031berita", "kotaMancini",
        "a1b2c3d4e5f6a7b8c9d0e1f2a3b4digelar",
    ],
)  # fmt: skip
def test_new_rules_leave_words_alone(text: str) -> None:
    fix = _fixer("Warga Maroko datang. Pro dan kontra. Naik turun. You and me.")
    assert fix(text) == text


def test_name_seen_whole_behind_a_lead_word_splits_elsewhere() -> None:
    context = "Kabar itu dilansirWarnaBaru, lalu dilansirKoranpagi, kemarin."
    fix = _fixer(context)
    assert fix("kepadaKoranpagimengatakan") == "kepada Koranpagi mengatakan"
    # without that evidence the name could end in a word ("Tanjungbaru"): left whole
    assert _fixer("tidak ada")("Koranpagimengatakan") == "Koranpagimengatakan"
