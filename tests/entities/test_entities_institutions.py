"""Institutions named by a head word and a state: code and sector from the words."""

import pytest

from warta.entities.institutions import find_institutions


@pytest.mark.parametrize(
    "text,lang,span,code,sector",
    [
        ("Serangan militer Israel berlanjut.", "id", "militer Israel", "ISR", "MIL"),
        ("kata Kementerian Luar Negeri Republik Indonesia.", "id",
         "Kementerian Luar Negeri Republik Indonesia", "IDN", "GOV"),
        ("Pesawat Angkatan Udara AS tiba.", "id", "Angkatan Udara AS", "USA", "MIL"),
        ("Kedutaan Besar Rusia di Jakarta", "id", "Kedutaan Besar Rusia", "RUS", "GOV"),
        ("menurut Badan mata-mata Korea Selatan", "id", "Badan mata-mata Korea Selatan",
         "KOR", "SPY"),
        ("the Iraqi Armed Forces advanced", "en", "Iraqi Armed Forces", "IRQ", "MIL"),
        ("Russia’s Defense Ministry said", "en", "Russia’s Defense Ministry", "RUS", "MIL"),
        ("the Armed Forces of Ukraine said", "en", "Armed Forces of Ukraine", "UKR", "MIL"),
    ],
)  # fmt: skip
def test_institutions(text: str, lang: str, span: str, code: str, sector: str) -> None:
    hits = list(find_institutions(text, lang))
    assert [h.text for h in hits] == [span]
    assert hits[0].value.code == code and hits[0].value.sector == sector


def test_known_institution_is_the_named_org() -> None:
    (hit,) = find_institutions("kata militer Israel", "id")
    (en,) = find_institutions("the Israeli military said", "en")
    assert hit.value.name == en.value.name == "Israel Defense Forces"


def test_no_state_no_institution() -> None:
    assert not list(find_institutions("kata militer setempat dan the military said", "id"))
