from warta.geo.gazetteer import GeoEntry
from warta.geo.geocode import camel_case, entry_levels, is_brand, level_words


def _entry(name: str, feature: str = "ADM2") -> GeoEntry:
    fields = GeoEntry.__dataclass_fields__
    base = {k: None for k in fields}
    base.update(geonameid=1, name=name, feature=feature, population=0, lat=0.0, lon=0.0)
    return GeoEntry(**base)  # type: ignore[arg-type]


def test_level_words_before_and_after() -> None:
    text = "Banjir melanda Kabupaten Tirtamaya dan Bupati Tirtamaya mengungsikan warga."
    s = text.index("Tirtamaya")
    assert level_words(text, s, s + 9, ("Tirtamaya",), "id") == {"regency"}
    s2 = text.index("Tirtamaya", s + 1)
    assert level_words(text, s2, s2 + 9, ("Tirtamaya",), "id") == {"regency"}
    en = "Floods hit Tirtamaya Regency."
    s = en.index("Tirtamaya")
    assert level_words(en, s, s + 9, ("Tirtamaya",), "en") == {"regency"}
    assert level_words("di Tirtamaya.", 3, 12, ("Tirtamaya",), "id") == set()


def test_entry_levels() -> None:
    assert entry_levels(_entry("Kabupaten Tirtamaya")) == {"regency"}
    assert entry_levels(_entry("Kota Tirtamaya")) == {"city"}
    assert entry_levels(_entry("Carson City")) == frozenset()


def test_brands_and_camel_case() -> None:
    assert is_brand("Google") and is_brand("facebook")
    assert not is_brand("Bandung")
    assert camel_case("WhatsApp") and camel_case("iPhone")
    assert not camel_case("McAllen") and not camel_case("DeKalb") and not camel_case("Bandung")
