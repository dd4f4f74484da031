"""Families of state bodies in short form ("Kemensos", "Polres Bogor", "KBRI Tokyo") and
datelines glued to a paragraph: invented snippets through the entity stage."""

import pytest
from helpers_entities import entities_of

from warta.entities import EntityStage
from warta.entities.institutions import find_families
from warta.records import Entity


def run(stage: EntityStage, text: str) -> tuple[Entity, ...]:
    return entities_of(stage, text, "id")


@pytest.mark.parametrize(
    "text,name,code,sector",
    [
        ("Kemenparekraf menggelar pameran di Medan.", "Kemenparekraf", "IDN", "GOV"),
        ("Kemenko Polkam menggelar rapat.", "Kemenko Polkam", "IDN", "GOV"),
        ("Petugas Polsek Ciawi menangkap dua pelaku.", "Polsek Ciawi", "IDN", "COP"),
        ("Warga melapor ke Polres Metro Jakarta Barat kemarin.", "Polres Metro Jakarta Barat",
         "IDN", "COP"),
        ("KJRI Hong Kong memantau kondisi pekerja migran.", "KJRI Hong Kong", "IDN", "GOV"),
        ("Korem 071/Wijayakusuma mengerahkan prajurit.", "Korem 071/Wijayakusuma", "IDN", "MIL"),
        ("Pemkab Sleman menutup jalan itu.", "Pemkab Sleman", "IDN", "GOV"),
        ("Rapat DPRD Jawa Tengah ditunda.", "DPRD Jawa Tengah", "IDN", "LEG"),
        ("Basarnas mengerahkan perahu karet.", "National Search and Rescue Agency", "IDN", "GOV"),
        ("BPBD Kabupaten Garut mengerahkan perahu karet.", "BPBD Kabupaten Garut", "IDN", "GOV"),
        ("Bhayangkari membagikan sembako.", "Bhayangkari", "IDN", "CVL"),
    ],
)  # fmt: skip
def test_family_bodies(stage: EntityStage, text: str, name: str, code: str, sector: str) -> None:
    found = [e for e in run(stage, text) if e.name == name]
    assert found, [e.name for e in run(stage, text)]
    assert (found[0].type, found[0].code, found[0].sector) == ("ORG", code, sector)


def test_family_place_ends_before_a_title_or_a_word_of_the_sentence() -> None:
    hits = [h.text for h in find_families(
        "Kapolres menyebut Polres Sleman AKBP Budi datang. Pemkot Malang Senin lalu.", "id",
        frozenset({"akbp", "senin"}))]  # fmt: skip
    assert hits == ["Polres Sleman", "Pemkot Malang"]


def test_family_place_after_a_title_ends_at_a_known_place() -> None:
    (hit,) = find_families("kata Kalak BPBD Kabupaten Garut Wiryo Santoso, Selasa.", "id",
                           known=lambda w: w == "Garut")  # fmt: skip
    assert hit.text == "BPBD Kabupaten Garut"


def test_stem_is_not_an_ordinary_word() -> None:
    assert not list(find_families("Kemenangan itu diraih. Kementerian tidak hadir.", "id"))


def test_glued_dateline_is_no_name(stage: EntityStage) -> None:
    ents = run(
        stage, "Warga berkumpul di alun-alun.\n\nLONDON -Keir Starmer mengecam serangan itu."
    )
    people = [e for e in ents if e.type == "PERSON"]
    assert [e.name for e in people] == ["Keir Starmer"]
    assert not any("LONDON" in m.text for e in ents for m in e.mentions)


def test_dateline_spans() -> None:
    from warta.entities.mentions import datelines

    text = "SURABAYA–Warga keluar.\nTNI-Polri berjaga.\nPADANG, Koran.com - Hujan turun."
    assert [text[s:e] for s, e in datelines(text)] == ["SURABAYA", "PADANG, Koran.com"]
