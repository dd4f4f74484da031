"""Which of the places in an event's clause is the event's: a place the words use as a
location before one naming a party, the most specific, a place qualifying it after a
comma, and the place a phrase like "wilayah tersebut" points back to."""

import re
from dataclasses import replace

from helpers_events import make_record, run

from warta.records import Place, Span

PUB = "2025-03-10T09:00:00+07:00"


def _spans(text: str, form: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), form) for m in re.finditer(re.escape(form), text))


def _events(text: str, lang: str, ents, places: list[tuple[str, str, str]]):
    """``places``: (name, GeoNames feature, surface form)."""
    rec = make_record(text, lang, PUB, ents)
    plcs = tuple(
        Place(f"p{i}", name, feature=feature, country="RUR", mentions=_spans(text, form))
        for i, (name, feature, form) in enumerate(places, 1)
    )
    return run(replace(rec, places=plcs)).events


def _place_name(evs, kind: str, places: list[tuple[str, str, str]]) -> str | None:
    ev = next(e for e in evs if e.type == kind)
    return places[int(ev.place[1:]) - 1][0] if ev.place else None


def test_town_named_as_a_location_beats_a_region_naming_an_office() -> None:
    text = (
        "Ruritanian police arrested 12 protesters on Tuesday outside the Ostland governor's "
        "office in Varno."
    )
    ents = [("Ruritania", "GPE", "RUR", None, ["Ruritanian"])]
    places = [("Ostland", "ISL", "Ostland"), ("Varno", "PPL", "Varno")]
    assert _place_name(_events(text, "en", ents, places), "COERCE", places) == "Varno"


def test_town_after_a_comma_qualifies_the_facility_phrase() -> None:
    text = (
        "Polisi Ruritania menangkap 12 demonstran di depan kantor Gubernur Ostland Barat, "
        "Varno, pada Selasa."
    )
    ents = [("Ruritania", "GPE", "RUR", None, ["Ruritania"])]
    places = [("Ostland Barat", "ADM1", "Ostland Barat"), ("Varno", "PPL", "Varno")]
    assert _place_name(_events(text, "id", ents, places), "COERCE", places) == "Varno"


def test_a_place_phrase_points_back_to_the_place_told_before() -> None:
    text = (
        "Pasukan Ruritania dikerahkan ke wilayah Ostland pada Senin. "
        "Pasukan Ruritania menyerang pasukan Freedonia di wilayah tersebut pada Selasa."
    )
    ents = [
        ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
        ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
    ]
    places = [("Ostland", "ADM1", "Ostland"), ("Freedonia", "PCLI", "Freedonia")]
    assert _place_name(_events(text, "id", ents, places), "ASSAULT", places) == "Ostland"


def test_the_area_of_a_body_is_not_where_it_acted() -> None:
    text = "Polisi Ruritania menangkap lima orang, kata Kepala Humas Polda Ostland Barat."
    ents = [("Ruritania", "GPE", "RUR", None, ["Ruritania"])]
    places = [("Ostland Barat", "ADM1", "Ostland Barat")]
    assert _place_name(_events(text, "id", ents, places), "COERCE", places) is None
