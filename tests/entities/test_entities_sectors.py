"""Actor coding from words: sectors and states, in Indonesian and English."""

import pytest

from warta.entities import country_of, sector_of


@pytest.mark.parametrize(
    ("text", "lang", "sector"),
    [
        ("Pasukan Korea Utara", "id", "MIL"),
        ("tentara", "id", "MIL"),
        ("kepala polisi", "id", "COP"),
        ("badan mata-mata Korea Selatan", "id", "SPY"),
        ("pejabat intelijen", "id", "SPY"),
        ("pejabat", "id", "GOV"),
        ("Menlu Iran", "id", "GOV"),
        ("KKB", "id", "REB"),
        ("warga sipil", "id", "CVL"),
        ("wartawan", "id", "JRN"),
        ("demonstran", "id", "OPP"),
        ("Russian troops", "en", "MIL"),
        ("police chief", "en", "COP"),
        ("military officials", "en", "MIL"),
        ("the government", "en", "GOV"),
        ("insurgents", "en", "REB"),
        ("civilians", "en", "CVL"),
        ("a bowl of rice", "en", None),
    ],
)
def test_sector_of(text: str, lang: str, sector: str | None) -> None:
    assert sector_of(text, lang) == sector


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("pasukan Korea Utara", "id", "PRK"),
        ("Korut", "id", "PRK"),
        ("Negeri Paman Sam", "id", "USA"),
        ("militer AS", "id", "USA"),
        ("Tiongkok", "id", "CHN"),
        ("Moskow", "id", "RUS"),
        ("Russian airstrikes", "en", "RUS"),
        ("Ukraine's military", "en", "UKR"),
        ("North Korean soldiers", "en", "PRK"),
        ("as well as the army", "en", None),
    ],
)
def test_country_of(text: str, lang: str, code: str | None) -> None:
    assert country_of(text, lang) == code
