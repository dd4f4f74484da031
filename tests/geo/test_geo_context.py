"""Resolving an article's toponyms together: evidence, fallbacks, cues (invented text)."""

import re

import pytest

from warta.geo import Hints, PlaceStage, Resolver, Toponym, gazetteer_for
from warta.geo.geocode import cues
from warta.records import Article, Entity, Record, Source, Span
from warta.settings import Settings


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(gazetteer_for())


def toponyms(text: str, *names: str) -> list[Toponym]:
    """One toponym per occurrence of each name, as a gold-annotated article gives them."""
    out = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            out.append(Toponym((name,), ((m.start(), m.end()),)))
    return out


def test_the_rest_of_the_article_picks_the_homonym(resolver: Resolver) -> None:
    text = (
        "The Paris school board met on Tuesday. Paris teachers asked for a raise, and the "
        "board will vote in Paris next month. The Illinois state budget is tight."
    )
    tops = toponyms(text, "Paris", "Illinois")
    res = resolver.resolve(text, "en", tops)
    paris = [r.entry for t, r in zip(tops, res, strict=True) if t.names == ("Paris",)]
    # Paris said three times is no evidence that it is the French capital
    assert {(e.country, e.admin1_code) for e in paris} == {("USA", "US.IL")}


def test_alone_a_name_is_its_most_prominent_place(resolver: Resolver) -> None:
    text = "Tourists crowded the museums of Paris."
    (res,) = resolver.resolve(text, "en", toponyms(text, "Paris"))
    assert res.entry.country == "FRA" and res.entry.feature == "PPLC"


def test_a_state_competes_with_its_homonyms(resolver: Resolver) -> None:
    us = "Storms hit Atlanta and Savannah overnight. Georgia declared an emergency."
    res = resolver.resolve(us, "en", toponyms(us, "Atlanta", "Savannah", "Georgia"))
    assert res[-1].entry.country == "USA" and res[-1].entry.feature == "ADM1"
    ge = "Protesters marched in Tbilisi. Georgia's parliament met."
    res = resolver.resolve(ge, "en", toponyms(ge, "Tbilisi", "Georgia"))
    assert res[-1].entry.country == "GEO" and res[-1].entry.feature.startswith("PCL")


def test_a_region_named_after_its_town_yields_to_the_town(resolver: Resolver) -> None:
    text = "Shelling hit Mosul again."
    (res,) = resolver.resolve(text, "en", toponyms(text, "Mosul"))
    assert res.entry.feature.startswith("PPL") and res.entry.country == "IRQ"
    text = "Evacuations began in the Kherson region."
    (res,) = resolver.resolve(text, "en", toponyms(text, "Kherson"))
    assert res.entry.feature == "ADM1" and res.entry.country == "UKR"


def test_press_abbreviations_qualify_a_town(resolver: Resolver) -> None:
    text = "The fair opens in Athens, Ga., on Friday."
    (res,) = resolver.resolve(text, "en", toponyms(text, "Athens"))
    assert (res.entry.country, res.entry.admin1_code) == ("USA", "US.GA")
    # "L.A." is Los Angeles, not Louisiana ("La.")
    text = "Traffic in L.A. was slow."
    (res,) = resolver.resolve(text, "en", toponyms(text, "L.A."))
    assert res.entry.name == "Los Angeles"


def test_an_acronym_is_no_town_of_that_name(resolver: Resolver) -> None:
    text = "Talks with the EU resumed."
    (res,) = resolver.resolve(text, "en", toponyms(text, "EU"))
    assert res is None or res.entry.name != "Eu"


def test_a_named_region_outranks_a_village(resolver: Resolver) -> None:
    text = "Banjir melanda sejumlah kota di Pulau Jawa."
    (res,) = resolver.resolve(text, "id", [Toponym(("Pulau Jawa",), ((36, 46),))])
    assert res.entry.name == "Java" and res.entry.country == "IDN"


def test_an_unknown_village_keeps_the_area_the_text_gives(resolver: Resolver) -> None:
    text = "Warga Desa Sukamaju Kidulwetan, Jawa Barat, mengungsi."
    res, _ = resolver.resolve(text, "id", toponyms(text, "Desa Sukamaju Kidulwetan", "Jawa Barat"))
    assert res.fallback and res.entry.feature == "ADM1" and res.entry.country == "IDN"
    # a name after the comma that the article gives no other reason to read as a place
    text = "Menurut dokter di RS Sukamaju Kidulwetan, Diana Lilim, pasien bertambah."
    (res,) = resolver.resolve(text, "id", toponyms(text, "RS Sukamaju Kidulwetan"))
    assert res is None
    text = "Rockets hit Camp Qarawaniyat in Iraq."
    (res,) = resolver.resolve(text, "en", toponyms(text, "Camp Qarawaniyat"), Hints(("IRQ",)))
    assert res.fallback and res.entry.country == "IRQ" and res.entry.feature == "PCLI"
    # else the country the article is about, when one holds most of its evidence
    text = "Rockets hit Camp Qarawaniyat overnight, officials said."
    hints = Hints(states=("IRQ", "IRQ", "USA"))
    (res,) = resolver.resolve(text, "en", toponyms(text, "Camp Qarawaniyat"), hints)
    assert res.fallback and res.entry.country == "IRQ"
    (res,) = resolver.resolve(text, "en", toponyms(text, "Camp Qarawaniyat"), Hints(("IRQ", "USA")))
    assert res is None  # no country holds most of it


def test_no_area_is_invented_without_evidence(resolver: Resolver) -> None:
    text = "Nobody had heard of Qzxwyville before."
    (res,) = resolver.resolve(text, "en", toponyms(text, "Qzxwyville"))
    assert res is None


def test_home_country_breaks_ties(resolver: Resolver) -> None:
    text = "Warga Kembangan mengungsi."
    tops = toponyms(text, "Kembangan")
    (res,) = resolver.resolve(text, "id", tops, Hints(home="IDN"))
    assert res.entry.country == "IDN"


def test_cues_are_clause_bound_and_need_a_place_word_between() -> None:
    said = cues("id")
    t = "Menteri Luar Negeri Indonesia tiba di Moskow."
    assert not said.as_place(t, t.index("Indonesia"), t.index("Indonesia") + 9)
    assert said.as_place(t, t.index("Moskow"), t.index("Moskow") + 6)
    t = "Setelah gempa di Aceh, Jepang mengirim tim medis."
    s = t.index("Jepang")
    assert not said.as_place(t, s, s + 6)
    t = "Banjir merendam pusat kota tua Semarang."
    assert said.as_place(t, t.index("Semarang"), t.index("Semarang") + 8)
    t = "Bantuan dibagikan di area Rafah."
    assert said.as_place(t, t.index("Rafah"), t.index("Rafah") + 5)


def entity(
    eid: str, name: str, typ: str, text: str, *spans: str, code: str | None = None
) -> Entity:
    mentions = []
    for s in spans:
        for m in re.finditer(re.escape(s), text):
            mentions.append(Span(m.start(), m.end(), s))
    return Entity(eid, name, typ, code=code, mentions=tuple(mentions))  # type: ignore[arg-type]


def test_town_and_region_mentions_of_one_entity_are_two_places() -> None:
    text = (
        "Drones struck the city of Kherson at night. The governor of the Kherson region "
        "said power was cut."
    )
    ent = entity("e1", "Kherson", "GPE", text, "Kherson")
    rec = Record(doc_id="t", article=Article(text=text, language="en"), entities=(ent,))
    places = PlaceStage(Settings())(rec).places
    assert sorted(p.precision for p in places) == ["admin1", "town"]
    assert all(p.country == "UKR" for p in places)


def test_a_facility_takes_the_area_around_it() -> None:
    text = "Shells hit the Grand Qalaat Hospital in Aleppo on Monday."
    ent = entity("e1", "Grand Qalaat Hospital", "FAC", text, "Grand Qalaat Hospital")
    city = entity("e2", "Aleppo", "GPE", text, "Aleppo")
    rec = Record(doc_id="t", article=Article(text=text, language="en"), entities=(ent, city))
    places = {p.name: p for p in PlaceStage(Settings())(rec).places}
    hospital = places["Grand Qalaat Hospital"]
    assert hospital.geonameid is None and hospital.country == "SYR"
    assert hospital.precision in ("admin1", "town")


def test_outlet_domain_gives_a_home_country() -> None:
    from warta.geo import home_country

    assert home_country(Source(domain="berita.example.co.id")) == "IDN"
    assert home_country(Source(domain="news.example.co.uk")) == "GBR"
    assert home_country(Source(domain="example.com")) is None


def places_of(text: str, lang: str, *ents: Entity) -> dict[str, str | None]:
    rec = Record(doc_id="t", article=Article(text=text, language=lang), entities=ents)
    return {p.name: p.precision for p in PlaceStage(Settings())(rec).places}


def test_names_joined_to_a_place_are_places() -> None:
    text = "Banjir melanda Sumbawa dan Bali. Warga Bali membantu."
    got = places_of(
        text,
        "id",
        entity("e1", "Sumbawa", "LOC", text, "Sumbawa"),
        entity("e2", "Bali", "GPE", text, "Bali"),
    )
    assert "Bali" in got and len(got) == 2
    text = "Ia ditemui di Kuningan, Jakarta Selatan, Rabu pagi."
    got = places_of(
        text,
        "id",
        entity("e1", "Kuningan", "GPE", text, "Kuningan"),
        entity("e2", "Jakarta Selatan", "GPE", text, "Jakarta Selatan"),
    )
    assert "admin2" in got.values()


def test_a_name_after_a_clause_comma_is_not_joined() -> None:
    text = "Setelah gempa di Aceh, Jepang telah mengirim tim medis."
    got = places_of(
        text,
        "id",
        entity("e1", "Aceh", "LOC", text, "Aceh"),
        entity("e2", "Japan", "GPE", text, "Jepang", code="JPN"),
    )
    assert set(got) == {"Aceh"}


def test_a_facility_named_for_its_town_is_in_that_town() -> None:
    text = "Pesawat dari Phnom Penh mendarat di Bandara Semarang pada Selasa, lalu ke Bali."
    got = places_of(
        text,
        "id",
        entity("e1", "Phnom Penh", "GPE", text, "Phnom Penh"),
        entity("e2", "Bandara Semarang", "FAC", text, "Bandara Semarang"),
        entity("e3", "Bali", "GPE", text, "Bali"),
    )
    assert got["Bandara Semarang"] == "town"


def test_a_small_foreign_homonym_yields_to_the_article_area() -> None:
    from warta.geo.gazetteer import Gazetteer, GeoEntry

    gaz = Gazetteer()
    for e in (
        GeoEntry(9100001, "Norland", "PCLI", "NRL", None, 60.0, 10.0, 5_000_000),
        GeoEntry(9100002, "Sudmark", "PCLI", "SDM", None, 10.0, 20.0, 9_000_000),
        GeoEntry(
            9100003, "Kessholm", "PPLC", "NRL", "North", 59.0, 11.0, 900_000, "NL.01"
        ),  # fmt: skip
        GeoEntry(9100004, "Brackwell", "PPL", "NRL", "North", 59.2, 11.2, 80_000, "NL.01"),
        # the only place the gazetteer knows by this name: a hamlet in another country
        GeoEntry(9100005, "Fennbury", "PPL", "SDM", "South", 10.1, 20.1, 900, "SD.02"),
    ):
        gaz.add(e, minor=e.geonameid == 9100005)
    text = "Flights left Kessholm late. Brackwell and Fennbury airports closed in Kessholm."
    tops = toponyms(text, "Kessholm", "Brackwell", "Fennbury")
    res = Resolver(gaz).resolve(text, "en", tops, Hints(states=("NRL",)))
    fenn = res[[t.names for t in tops].index(("Fennbury",))]
    # off the article's map and tiny: the area the article is about, not the hamlet
    assert fenn is not None and fenn.fallback and fenn.entry.country == "NRL"
    # the same hamlet in a story about its own country is the hamlet
    text = "Fennbury held a fair; Sudmark sent a minister."
    tops = toponyms(text, "Fennbury", "Sudmark")
    res = Resolver(gaz).resolve(text, "en", tops, Hints(states=("SDM",)))
    assert res[0] is not None and res[0].entry.geonameid == 9100005


def test_civic_words_mark_a_country() -> None:
    from warta.geo.evidence import CUE_CAP, cue_votes

    us = "Deputies from the county Sheriff's Office arrested him; bond was set at $5,000."
    votes = cue_votes(us)
    # the dollar sign says "a dollar country", not which one
    assert votes["USA"] > votes["CAN"] > 0 and "GBR" not in votes
    assert cue_votes("Dia membayar Rp 5 juta kepada Polres setempat.") == {"IDN": 0.5}
    many = "Rep. Lu (D-Ore.) and the state Senate, a felony, the grand jury, Interstate 5."
    assert cue_votes(many)["USA"] == CUE_CAP  # capped below one state named
    # a cue inside a toponym ("Ohio" named as a place) is left out: the toponym votes
    assert cue_votes("He moved to Ohio.", [(11, 15)]) == {}
    assert cue_votes("He moved to Ohio.") == {"USA": 0.25}
    # a cue starting inside another's match counts too
    assert cue_votes("The Lake County Sheriff's Office") == {"USA": 0.5}
    # not inside a word, nor words other languages use ("PC Ketapang": an Indonesian body)
    assert cue_votes("Ketua PC Ketapang dan 1080p video.") == {}


def test_civic_words_pick_a_homonym_no_toponym_decides(resolver: Resolver) -> None:
    local = (
        "The Dublin Police Department said a man was charged with a felony. A grand jury "
        "will hear the case; bond was set at $20,000."
    )
    (res,) = resolver.resolve(local, "en", toponyms(local, "Dublin"))
    assert res.entry.country == "USA"
    # weak: a state the article names still outweighs them
    abroad = (
        "Ireland's government met in Dublin on Monday, where the felony case of a "
        "tourist from Ireland was heard."
    )
    res = resolver.resolve(abroad, "en", toponyms(abroad, "Dublin"), Hints(states=("IRL", "IRL")))
    assert res[0].entry.country == "IRL"
