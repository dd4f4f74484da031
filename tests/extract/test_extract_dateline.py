"""Datelines at the head of a body: place, outlet and wire credit taken off the paragraph."""

import pytest

from warta.extract.meta import split_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "outlet", "rest"),
    [
        ("MOSKOW - Pasukan tiba.", "MOSKOW", None, "Pasukan tiba."),
        ("WASHINGTON (AP) — The talks ended.", "WASHINGTON", None, "The talks ended."),
        ("KYIV, Ukraine (Reuters) - Drones hit.", "KYIV", None, "Drones hit."),
        ("DILI (Kabar Timur Wire) — Warga berkumpul.", "DILI", None, "Warga berkumpul."),
        ("Contoh.com, Medan -Polisi menangkap dua orang.", "Medan", "Contoh.com",
         "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang di Medan.", None, None,
         "Polisi menangkap dua orang di Medan."),  # fmt: skip
    ],
)  # fmt: skip
def test_split_dateline(paragraph: str, place: str | None, outlet: str | None, rest: str) -> None:
    assert split_dateline(paragraph) == (place, outlet, rest)
