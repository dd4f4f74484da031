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
