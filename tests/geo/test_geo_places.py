"""Geocoding: the place stage on the seed and snippets, and the GeoNames dump loader."""

from pathlib import Path

import pytest

from warta.entities import EntityStage
from warta.geo import PlaceStage, load_geonames_dump
from warta.records import Article, Place, Record
from warta.settings import Settings
from warta.text import sentences

SEED = Path(__file__).parents[2] / "examples" / "000_6282b0001a3db50d.txt"


@pytest.fixture(scope="module")
def stages() -> tuple[EntityStage, PlaceStage]:
    s = Settings()
    return EntityStage(s), PlaceStage(s)


def places(
    stages: tuple[EntityStage, PlaceStage], text: str, lang: str = "id"
) -> tuple[Place, ...]:
    rec = Record(
        doc_id="t", article=Article(text=text, language=lang), sentences=sentences(text, lang)
    )
    ent, geo = stages
    return geo(ent(rec)).places


def test_seed_places(stages: tuple[EntityStage, PlaceStage]) -> None:
    ps = {p.geonameid: p for p in places(stages, SEED.read_text("utf-8"))}
    assert ps[538555].country == "RUS" and ps[538555].precision == "admin1"  # wilayah Kursk
    assert ps[524901].name == "Moscow" and ps[524901].feature == "PPLC"
    assert ps[2017370].precision == "country" and 690791 in ps


def test_city_without_region_cue_is_the_city(stages: tuple[EntityStage, PlaceStage]) -> None:
    ps = places(stages, "Drone Ukraina menyerang kota Kursk di Rusia pada Selasa.")
    kursk = [p for p in ps if p.geonameid in (538560, 538555)]
    assert kursk and kursk[0].geonameid == 538560 and kursk[0].precision == "town"


def test_english_region_suffix(stages: tuple[EntityStage, PlaceStage]) -> None:
    ps = places(stages, "Shelling hit the Zaporizhzhia region of Ukraine overnight.", "en")
    assert 687699 in {p.geonameid for p in ps}


def test_country_context_disambiguates(stages: tuple[EntityStage, PlaceStage]) -> None:
    # Moscow, Idaho is a real town; in an article about Russia Moscow is the capital
    ps = places(stages, "Rusia mengirim delegasi dari Moscow.")
    assert 524901 in {p.geonameid for p in ps}


def test_geonames_dump_loader(tmp_path: Path) -> None:
    # three rows in GeoNames' tab-separated dump format (19 columns)
    rows = [
        ["9990001", "Kampung Contoh", "Kampung Contoh", "Contoh,Kp. Contoh", "-6.2", "106.8",
         "P", "PPL", "ID", "", "04", "", "", "", "12000", "", "10", "Asia/Jakarta", "2024-01-01"],
        ["9990002", "Dusun Kecil", "Dusun Kecil", "", "-6.3", "106.9",
         "P", "PPL", "ID", "", "04", "", "", "", "20", "", "10", "Asia/Jakarta", "2024-01-01"],
        ["9990003", "Provinsi Contoh", "Provinsi Contoh", "", "-6.0", "107.0",
         "A", "ADM1", "ID", "", "99", "", "", "", "0", "", "10", "Asia/Jakarta", "2024-01-01"],
    ]  # fmt: skip
    f = tmp_path / "cities.txt"
    f.write_text("\n".join("\t".join(r) for r in rows) + "\n", "utf-8")
    gaz = load_geonames_dump(f, min_population=1000)
    (hit,) = gaz.lookup("kampung contoh")
    assert (hit.geonameid, hit.country, hit.population, hit.lat) == (9990001, "IDN", 12000, -6.2)
    assert gaz.lookup("Contoh")[0].geonameid == 9990001
    assert gaz.lookup("Dusun Kecil") == []  # below the population floor
    assert gaz.admin1["ID.99"].feature == "ADM1"


def test_regency_and_city_levels(stages: tuple[EntityStage, PlaceStage]) -> None:
    ps = places(stages, "Longsor menimbun rumah di Kabupaten Sukabumi pada Selasa malam.")
    assert [p.name for p in ps if "Sukabumi" in p.name] == ["Kabupaten Sukabumi"]
    ps = places(stages, "Bupati Bekasi meninjau banjir di Bekasi pada Senin.")
    assert "Kabupaten Bekasi" in {p.name for p in ps}


def test_brand_is_no_place(stages: tuple[EntityStage, PlaceStage]) -> None:
    ps = places(stages, "Warga mengunggah video itu di Facebook dan di Google pada Senin.")
    assert not ps


def test_state_name_inside_a_longer_place(stages: tuple[EntityStage, PlaceStage]) -> None:
    ps = places(stages, "Dua orang ditangkap di New Jersey, Amerika Serikat, pada Senin.")
    assert "JEY" not in {p.country for p in ps}
    assert any(p.name == "New Jersey" and p.feature == "ADM1" for p in ps)
