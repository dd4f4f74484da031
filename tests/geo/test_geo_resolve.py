"""The place resolver: qualifiers, demonyms, world regions, dropped words."""

import pytest

from warta.geo import PlaceStage
from warta.settings import Settings


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage(Settings())


def resolve(stage: PlaceStage, text: str, name: str, lang: str = "en", context=()):  # type: ignore[no-untyped-def]
    s = text.index(name)
    return stage.resolve(text, lang, [name], [(s, s + len(name))], set(context))


def test_qualifier_picks_the_town_in_that_region(stage: PlaceStage) -> None:
    assert resolve(stage, "He was born in Paris, Texas, in 1950.", "Paris").country == "USA"
    assert resolve(stage, "He was born in Paris last year.", "Paris").country == "FRA"


def test_demonym_and_world_region(stage: PlaceStage) -> None:
    assert resolve(stage, "Russian officials met.", "Russian").feature.startswith("PCL")
    me = resolve(stage, "Ketegangan di Timur Tengah meningkat.", "Timur Tengah", "id")
    assert me.name == "Middle East" and me.country is None
    assert resolve(stage, "Aid reached Africa today.", "Africa").feature == "CONT"


def test_dropped_words_find_the_base_place(stage: PlaceStage) -> None:
    e = resolve(stage, "Banjir di Semarang Timur meluas.", "Semarang Timur", "id")
    assert e.country == "IDN" and e.name == "Semarang"


def test_admin2_named_without_its_designator(stage: PlaceStage) -> None:
    # GeoNames: "Kota Administrasi Jakarta Timur"; the news: "Jakarta Timur"
    e = resolve(stage, "Banjir di Jakarta Timur meluas.", "Jakarta Timur", "id")
    assert e.feature == "ADM2" and e.country == "IDN" and e.lat is not None


def test_region_cue_does_not_cross_a_sentence(stage: PlaceStage) -> None:
    text = "Protes meluas di wilayah Iran. Teheran menutup jalan."
    e = resolve(stage, text, "Teheran", "id", {"IRN"})
    assert e.feature == "PPLC"
