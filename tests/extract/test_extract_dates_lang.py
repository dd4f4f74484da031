"""Date lines and language identification."""

from __future__ import annotations

import pytest

from warta.extract.dates import date_line
from warta.extract.language import LanguageStage, guess
from warta.extract.lexicon import build
from warta.records import Article, Record
from warta.settings import Settings


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Senin, 14 Oktober 2024 - 08:12 WIB", "2024-10-14T08:12:00+07:00"),
        ("Diperbarui 9 Jul 2025, 11:40 WIB", "2025-07-09T11:40:00+07:00"),
        (", Jurnalis-Rabu, 9 Juli 2025 |14:25 WIB", "2025-07-09T14:25:00+07:00"),
        ("Rabu, 9 Jul 2025 09:15 WIB", "2025-07-09T09:15:00+07:00"),
        ("Jumat, 7 Maret 2025 10:00 WITA", "2025-03-07T10:00:00+08:00"),
        ("Sabtu, 8 Maret 2025 10:00 WIT", "2025-03-08T10:00:00+09:00"),
        ("Kamis, 6 Maret 2025 10:00 GMT+7", "2025-03-06T10:00:00+07:00"),
        ("9 Juli 2025 | 16.45 WIB", "2025-07-09T16:45:00+07:00"),
        ("Kompas.com- 09/07/2025, 21:35 WIB", "2025-07-09T21:35:00+07:00"),
    ],
)
def test_indonesian_date_lines(line: str, iso: str) -> None:
    assert date_line(line, build(("id", "en", "ms"))) == iso


def test_english_date_lines() -> None:
    lex = build(("en", "id", "ms"))
    assert date_line("September 23, 2024 10:00 AM EDT", lex) == "2024-09-23T10:00:00-04:00"
    assert date_line("Sept. 23, 2024", lex) == "2024-09-23"
    assert date_line("Updated March 4, 2025 3:15 p.m. EST", lex) == "2025-03-04T15:15:00-05:00"


def test_sentence_with_date_is_not_a_date_line() -> None:
    lex = build(("en", "id", "ms"))
    assert (
        date_line(
            "Volunteers clear rubble after a storm hit the town, early Oct. 4, 2023.",
            lex,
        )
        is None
    )


@pytest.fixture(scope="module")
def stage() -> LanguageStage:
    return LanguageStage(Settings())


def _rec(text: str, title: str = "") -> Record:
    return Record(doc_id="x", article=Article(title=title, text=text))


def test_language_stage(stage: LanguageStage) -> None:
    idn = (
        "Pemerintah mengatakan tentara akan dikerahkan ke perbatasan pada hari Senin untuk "
        "membantu warga yang terdampak banjir, menurut keterangan resmi kantor presiden."
    )
    msa = (
        "Kerajaan berkata tentera akan dihantar ke sempadan pada hari Isnin bagi membantu "
        "rakyat yang terjejas akibat banjir, menurut kenyataan pejabat Perdana Menteri."
    )
    eng = "The government said troops would be deployed to the border on Monday to help residents."
    assert stage(_rec(idn, title="Tentera Dihantar")).article.language == "id"
    assert stage(_rec(msa)).article.language == "ms"
    assert stage(_rec(eng)).article.language == "en"
    assert stage(_rec("Oke.")).article.language == "id"  # too short: the default


def test_indonesian_read_as_malay_with_confidence_is_overruled_by_its_words(
    stage: LanguageStage,
) -> None:
    idn = (
        "Menteri Luar Negeri RI bertemu Menteri Luar Negeri Malaysia di Jakarta pada Rabu untuk "
        "membahas sengketa perbatasan laut. Pertemuan itu berlangsung selama dua jam dan kedua "
        "pihak sepakat melanjutkan perundingan."
    )
    values = stage._detector.compute_language_confidence_values(idn)
    assert values[0].language.iso_code_639_1.name == "MS"  # the detector's confident mistake
    assert stage(_rec(idn)).article.language == "id"
    msa = (
        "Askar Malaysia dihantar ke sempadan selepas laporan pencerobohan. Pihak berkuasa "
        "berkata keadaan terkawal dan orang ramai boleh meneruskan aktiviti harian seperti biasa."
    )
    assert stage(_rec(msa)).article.language == "ms"


def test_guess_is_cheap_and_sane() -> None:
    assert (
        guess("the army said that it was ready and the talks were over", ("id", "en", "ms"), "id")
        == "en"
    )
    assert guess("", ("id", "en", "ms"), "id") == "id"
