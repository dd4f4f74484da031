"""Quantities: number forms, qualifiers and unit lemmas in Indonesian and English."""

from warta.events.numbers import parse_digits, table
from warta.events.quantities import find_quantities


def _q(text: str, lang: str) -> list[tuple[str, float, str, str | None]]:
    return [
        (q.text, q.value, q.qualifier, q.unit) for q in find_quantities(text, 0, len(text), lang)
    ]


def test_indonesian_forms() -> None:
    text = (
        "Sedikitnya 1.500 tentara tiba, disusul ribuan pasukan dan jutaan amunisi. "
        "Sekitar 2,5 juta warga sipil mengungsi, hampir 40 rudal ditembakkan, "
        "dan lima orang ditangkap."
    )
    assert _q(text, "id") == [
        ("Sedikitnya 1.500 tentara", 1500, "at_least", "soldier"),
        ("ribuan pasukan", 1000, "order_of_magnitude", "soldier"),
        ("jutaan amunisi", 1000000, "order_of_magnitude", "ammunition"),
        ("Sekitar 2,5 juta warga sipil", 2500000, "about", "civilian"),
        ("hampir 40 rudal", 40, "at_most", "missile"),
        ("lima orang", 5, "exact", "person"),
    ]


def test_english_forms() -> None:
    text = (
        "At least 43 people died; more than 200 strikes, "
        "two of the five Russian tanks and dozens of houses."
    )
    assert _q(text, "en") == [
        ("At least 43 people", 43, "at_least", "person"),
        ("more than 200 strikes", 200, "at_least", "strike"),
        ("two of the five Russian tanks", 2, "exact", "tank"),
        ("dozens of houses", 10, "order_of_magnitude", "house"),
    ]


def test_money_percentages_dates_and_ages_are_not_counts() -> None:
    text = "Anggaran Rp 5 miliar naik 30 persen pada 17/6/2025, ia berusia 45 tahun."
    assert _q(text, "id") == []


def test_separators_follow_the_language() -> None:
    assert parse_digits("1.500", table("id")) == 1500
    assert parse_digits("1,500", table("en")) == 1500
    assert parse_digits("2,5", table("id")) == 2.5


def test_people_counted_by_role_or_occupation() -> None:
    text = "Ribuan buruh dan sekitar 300 mahasiswa berdemo; 12 guru honorer ikut mogok."
    assert _q(text, "id") == [
        ("Ribuan buruh", 1000, "order_of_magnitude", "worker"),
        ("sekitar 300 mahasiswa", 300, "about", "student"),
        ("12 guru", 12, "exact", "teacher"),
    ]
    text = "Over 2,000 farmers marched while hundreds of nurses and 40 lecturers' aides watched."
    assert _q(text, "en") == [
        ("Over 2,000 farmers", 2000, "at_least", "farmer"),
        ("hundreds of nurses", 100, "order_of_magnitude", "nurse"),
    ]


def test_ordinals_percentages_and_punctuation_end_a_count() -> None:
    assert _q("On the 6th, Iraqi soldiers moved; the 2nd battalion soldiers too.", "en") == []
    assert _q("Sebanyak 16,52% mahasiswa dan 6,25% peserta lulus.", "id") == []
