"""Place cues: phrases pointing back to a place, the area an office governs, names built
with a compass word; and the entity stage reading them in invented sentences."""

from types import SimpleNamespace

from helpers_entities import entities_of

from warta.entities import EntityStage
from warta.entities.knowledge import place_words
from warta.entities.placecues import compass_places, jurisdiction, place_anaphors
from warta.records import Entity

# an invented gazetteer: two regions, a big town and a village too small to be a seat
_GAZ = {
    "ruritania barat": [SimpleNamespace(feature="ADM1", population=900_000, country="RUR")],
    "north ruritania": [SimpleNamespace(feature="ADM1", population=500_000, country="RUR")],
    "ost": [SimpleNamespace(feature="PPL", population=250_000, country="RUR")],
    "budi": [SimpleNamespace(feature="PPL", population=3_000, country="XYZ")],
}


def _lookup(name: str) -> list[SimpleNamespace]:
    return _GAZ.get(name.lower(), [])


def test_place_anaphors_in_both_languages() -> None:
    t = "Pasukan tiba di Ost. Mereka bertahan di wilayah tersebut selama sepekan."
    assert place_anaphors(t, place_words("id"), 0, len(t)) == [t.index("wilayah")]
    t = "Troops reached Ost. They held the area for a week, then left the city of Ost."
    assert place_anaphors(t, place_words("en"), 0, len(t)) == [t.index("the area")]


def test_jurisdiction_of_an_office() -> None:
    pw = place_words("id")
    t = "Gubernur Ruritania Barat Budi Santoso meninjau banjir."
    area = jurisdiction(t, pw, _lookup, "Gubernur", len("Gubernur"))
    assert area is not None and t[area.start : area.end] == "Ruritania Barat"
    # a village that shares a given name is no seat: the words are a person's name
    t = "Bupati Budi Santoso meninjau banjir."
    assert jurisdiction(t, pw, _lookup, "Bupati", len("Bupati")) is None
    # a title that governs no area
    t = "Menteri Ruritania Barat datang."
    assert jurisdiction(t, pw, _lookup, "Menteri", len("Menteri")) is None
    t = "The Governor of North Ruritania, Ana Varga, spoke."
    end = t.index("Governor") + len("Governor")
    area = jurisdiction(t, place_words("en"), _lookup, "Governor", end)
    assert area is not None and area.name == "North Ruritania"


def test_compass_places_read_whole() -> None:
    t = "Banjir melanda Ruritania Barat dan Ost pada Senin."
    found = compass_places(t, place_words("id"), _lookup)
    assert [t[a.start : a.end] for a in found] == ["Ruritania Barat"]
    t = "Floods hit North Ruritania on Monday."
    assert [a.name for a in compass_places(t, place_words("en"), _lookup)] == ["North Ruritania"]
    # more compass words follow: a different, longer name
    t = "Banjir melanda Ruritania Barat Daya pada Senin."
    assert compass_places(t, place_words("id"), _lookup) == []


def _entities(stage: EntityStage, text: str, lang: str = "id") -> tuple[Entity, ...]:
    return entities_of(stage, text, lang)


def test_region_after_a_title_is_a_place_not_a_person(stage: EntityStage) -> None:
    ents = _entities(stage, "Gubernur Jawa Tengah Ahmad Wiryawan meresmikan jembatan baru.")
    types = {e.name: e.type for e in ents}
    assert types.get("Jawa Tengah") == "GPE"
    person = next(e for e in ents if e.name == "Ahmad Wiryawan")
    assert person.type == "PERSON" and person.role == "Governor of Jawa Tengah"
    ents = _entities(stage, "Massa berkumpul di depan kantor Bupati Garut, Selasa.")
    assert [e.type for e in ents if e.name == "Garut"] == ["GPE"]


def test_provinces_with_compass_words(stage: EntityStage) -> None:
    ents = _entities(stage, "Hujan deras melanda Kalimantan Timur dan Sumatera Utara.")
    names = {e.name for e in ents if e.type == "GPE"}
    assert {"Kalimantan Timur", "Sumatera Utara"} <= names
    ents = _entities(stage, "Heavy rain hit East Java on Monday.", "en")
    assert "East Java" in {e.name for e in ents if e.type in ("GPE", "LOC")}
