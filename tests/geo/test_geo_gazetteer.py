"""The gazetteer's two tiers, its compact minor tier, and area points (invented entries)."""

import pickle

from warta.geo import GeoEntry, gazetteer_for
from warta.geo.gazetteer import Gazetteer
from warta.geo.geocode import named_after
from warta.geo.points import Box, country_centres, km


def test_minor_tier_is_seen_only_by_the_resolver() -> None:
    gaz = Gazetteer()
    town = GeoEntry(9000001, "Hopewell Junction", "PPL", "USA", "New York", 41.5, -73.8, 3000,
                    "US.NY", "US.NY.027")  # fmt: skip
    county = GeoEntry(9000002, "Orchard County", "ADM2", "USA", "New York", None, None, 0,
                      "US.NY", "US.NY.999")  # fmt: skip
    gaz.add(town, ["Hopewell"], minor=True)
    gaz.add(county, minor=True)
    assert gaz.lookup("Hopewell") == [] and "Hopewell" not in gaz
    assert gaz.candidates("hopewell") == [town]  # the row comes back as it went in
    assert gaz.candidates("Orchard County") == [county]  # a missing point stays missing
    assert gaz.admin2("US.NY.999") == county and gaz.admin2("US.NY.000") is None


def test_minor_tier_loads_on_first_use_only() -> None:
    whole = Gazetteer()
    city = GeoEntry(9000021, "Westbrook", "PPLA", "USA", population=90000)
    hamlet = GeoEntry(9000022, "Westbrook", "ADM2", "GBR", population=400, admin2_code="GB.ENG.X1")
    whole.add(city)
    whole.add(hamlet, minor=True)
    gaz = whole.without_minor()
    assert gaz.candidates("Westbrook") == [city]  # the copy's minor tier is empty
    calls: list[int] = []

    def load():  # type: ignore[no-untyped-def]
        calls.append(1)
        return whole.minor_tier()

    lazy = whole.without_minor()
    lazy.defer_minor(load)
    assert lazy.lookup("Westbrook") == [city] and not calls  # major tier: no load
    assert lazy.candidates("westbrook") == [city, hamlet] and calls == [1]
    assert lazy.admin2("GB.ENG.X1") == hamlet and len(lazy) == 2 and calls == [1]
    lazy2 = whole.without_minor()
    lazy2.defer_minor(load)
    copy = pickle.loads(pickle.dumps(lazy2))  # pickling takes the tier in, not the loader
    assert copy.candidates("Westbrook") == [city, hamlet] and calls == [1, 1]


def test_one_name_many_places() -> None:
    gaz = Gazetteer()
    a = GeoEntry(9000011, "Springvale", "PPL", "AUS", population=20000)
    b = GeoEntry(9000012, "Springvale", "PPL", "USA", population=3000)
    gaz.add(a)
    gaz.add(b)
    gaz.add(GeoEntry(9000013, "Springvale", "PPL", "GBR", population=600), minor=True)
    assert [e.country for e in gaz.candidates("Springvale")] == ["AUS", "USA", "GBR"]
    assert gaz.lookup("springvale") == [a, b]


def test_packaged_gazetteer_has_regions_and_small_towns() -> None:
    gaz = gazetteer_for()
    assert any(e.feature == "ADM2" and e.country == "USA" for e in gaz.candidates("Rapides Parish"))
    texas = next(e for e in gaz.lookup("Texas") if e.feature == "ADM1")
    assert texas.population > 10_000_000 and km((texas.lat, texas.lon), (31.3, -99.3)) < 161


def test_box_across_the_antimeridian() -> None:
    box = Box()
    for lat, lon in ((51.0, 178.0), (52.0, -176.0), (53.0, 179.5)):
        box.add(lat, lon)
    lat, lon = box.middle()  # type: ignore[misc]
    assert lat == 52.0 and abs(abs(lon) - 179.0) < 0.01
    assert Box().middle() is None


def test_country_centres_lie_in_the_main_land_mass() -> None:
    centres = country_centres()
    assert km(centres[840], (39.8, -98.6)) < 161  # contiguous United States
    assert km(centres[643], (60.0, 100.0)) < 161  # Russia, across the antimeridian
    assert km(centres[250], (46.5, 2.5)) < 161  # France, not French Guiana


def test_a_region_named_after_its_town() -> None:
    town = GeoEntry(1, "Kherson", "PPL", "UKR", admin1_code="UA.08")
    region = GeoEntry(2, "Khersonska oblast", "ADM1", "UKR", admin1_code="UA.08")
    other = GeoEntry(3, "Mykolaivska oblast", "ADM1", "UKR", admin1_code="UA.09")
    assert named_after(town, region) and not named_after(town, other)
    city = GeoEntry(4, "New York City", "PPL", "USA", admin1_code="US.NY")
    state = GeoEntry(5, "New York", "ADM1", "USA", admin1_code="US.NY")
    assert not named_after(city, state)


def _invented() -> Gazetteer:
    gaz = Gazetteer()
    gaz.add(GeoEntry(9100001, "Pulau Contoh", "PCLI", "XCT", lat=1.5, lon=100), ["Contohland"])
    gaz.add(GeoEntry(9100002, "Tanjung Raya", "ADM1", "XCT", admin1_code="XC.01"))
    city = GeoEntry(9100003, "Kota Baru", "PPLA", "XCT", "Tanjung Raya", -2.25, 101.5, 50000,
                    "XC.01")  # fmt: skip
    gaz.add(city, ["Kotabaru", "KB"])  # "KB": too short a code to be an alias
    gaz.add(GeoEntry(9100004, "Kota Baru", "PPL", "YCT", population=9000))
    gaz.add(GeoEntry(9100005, "Kota Baru", "PPL", "XCT", None, 0.5, 99.0, 300, "XC.01",
                     "XC.01.07"), minor=True)  # fmt: skip
    gaz.add(GeoEntry(9100006, "Lembah Sunyi", "ADM2", "XCT", "Tanjung Raya", None, None, 0,
                     "XC.01", "XC.01.07"), minor=True)  # fmt: skip
    return gaz


def test_stored_index_answers_as_the_gazetteer_it_was_written_from(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from warta.geo.gazetteer import write_index

    whole = _invented()
    write_index(whole, tmp_path / "g.sqlite")
    stored = Gazetteer.from_index(tmp_path / "g.sqlite")
    for name in ("Kota Baru", "kotabaru", "Contohland", "Lembah Sunyi", "KB", "Nowhere"):
        assert stored.lookup(name) == whole.lookup(name)
        assert stored.candidates(name) == whole.candidates(name)
        assert (name in stored) == (name in whole)
    assert stored.admin2("XC.01.07") == whole.admin2("XC.01.07") and stored.admin2("X") is None
    assert stored.countries["XCT"] is stored.lookup("Contohland")[0]  # one object per entry
    assert stored.admin1.get("XC.01") == whole.admin1["XC.01"] and "XC.02" not in stored.admin1
    assert dict(stored.by_id) == dict(whole.by_id) and len(stored) == len(whole)
    # entries added afterwards come after the stored ones, as they would in memory
    extra = GeoEntry(-7, "Kota Baru", "RGN", None)
    for gaz in (whole, stored):
        gaz.add(extra, ["Teluk Kota"])
        gaz.add(GeoEntry(9100009, "Kota Baru", "PPL", "ZCT"), minor=True)
        gaz.add(GeoEntry(9100010, "Contoh Lain", "PCLI", "XCT"))  # a second name: first kept
    assert stored.candidates("Kota Baru") == whole.candidates("Kota Baru")
    assert stored.lookup("Teluk Kota") == [extra] and stored.by_id[-7] is extra
    assert stored.countries["XCT"].geonameid == 9100001 and list(stored.by_id) == list(whole.by_id)
    copy = pickle.loads(pickle.dumps(stored))  # the copy opens the file itself
    assert copy.candidates("Kota Baru") == stored.candidates("Kota Baru")


def test_packaged_gazetteer_without_a_usable_cache_is_built_in_memory(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch
) -> None:
    from warta.geo import gazetteer as module
    from warta.geo import sources

    builds: list[int] = []

    def build(min_city_population: int) -> Gazetteer:
        builds.append(min_city_population)
        return _invented()

    monkeypatch.setattr(sources, "build_packaged", build)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    for where in (str(blocker / "cache"), "off"):  # cannot be written / switched off
        monkeypatch.setenv("WARTA_CACHE_DIR", where)
        gaz = module._packaged(777)
        assert gaz.lookup("Kotabaru")[0].geonameid == 9100003 and gaz._base is None
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    first = module._packaged(777)  # built, and stored
    again = module._packaged(777)  # opened from the file
    assert again._base is not None and len(builds) == 3
    assert again.candidates("Kota Baru") == first.candidates("Kota Baru")
    for entry in (tmp_path / "cache").glob("gazetteer-index-*"):
        entry.write_bytes(b"not a database" * 100)
    damaged = module._packaged(777)  # rebuilt
    assert len(builds) == 4 and damaged.candidates("Kota Baru") == first.candidates("Kota Baru")
