"""Merging mentions whose places differ only in precision (a town and its country)."""

import re
from dataclasses import replace

from helpers_events import make_record, run

from warta.records import Place, Span

TEXT = (
    "Pasukan Ruritania dikerahkan ke Freedonia pada Senin.\n\n"
    "Sebanyak 1.500 tentara Ruritania tiba di Kota Ost, Freedonia, pada Senin."
)
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
]


def _record(town_country: str):
    rec = make_record(TEXT, "id", "2025-03-10T09:00:00+07:00", ENTS)
    country = rec.entities[1].mentions
    town = tuple(s for s in make_record(TEXT, "id", "", [("Ost", "GPE", None, None, ["Ost"])])
                 .entities[0].mentions)  # fmt: skip
    places = (
        Place("p1", "Freedonia", feature="PCLI", country="FRE", mentions=country),
        Place("p2", "Ost", feature="PPL", country=town_country, mentions=town),
    )
    return run(replace(rec, places=places))


def test_town_and_its_country_merge_keeping_the_town() -> None:
    evs = [e for e in _record("FRE").events if e.type == "MOBILIZE"]
    assert len(evs) == 1
    assert evs[0].place == "p2" and len(evs[0].evidence) == 2


def test_town_of_another_country_does_not_merge() -> None:
    evs = [e for e in _record("SYL").events if e.type == "MOBILIZE"]
    assert len(evs) == 2


# a town and the first-level region it lies in: one place told at two grains
PROTEST = (
    "Ribuan buruh Freedonia berunjuk rasa di {first} pada Senin.\n\n"
    "Unjuk rasa buruh Freedonia di {second} itu berlangsung damai."
)


def _protests(first: str, second: str, regions: dict[str, tuple[str, str]]):
    text = PROTEST.format(first=first, second=second)
    rec = make_record(text, "id", "2025-03-10T09:00:00+07:00", ENTS)
    places = tuple(
        Place(f"p{i}", name, feature=feature, country="FRE", admin1=region,
              mentions=_spans(text, name))
        for i, (name, (feature, region)) in enumerate(regions.items(), 1)
    )  # fmt: skip
    return [e for e in run(replace(rec, places=places)).events if e.type == "PROTEST"]


def _spans(text: str, form: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(form), text))


def test_town_and_its_region_merge_keeping_the_town() -> None:
    for first, second in (("Ost", "Westmark"), ("Westmark", "Ost")):
        evs = _protests(
            first, second, {"Ost": ("PPL", "Westmark"), "Westmark": ("ADM1", "Westmark")}
        )
        assert len(evs) == 1 and len(evs[0].evidence) == 2
        assert evs[0].place == "p1"


def test_town_of_another_region_does_not_merge() -> None:
    evs = _protests(
        "Ost", "Westmark", {"Ost": ("PPL", "Eastmark"), "Westmark": ("ADM1", "Westmark")}
    )
    assert len(evs) == 2


def test_two_towns_of_one_region_do_not_merge() -> None:
    evs = _protests("Ost", "Nord", {"Ost": ("PPL", "Westmark"), "Nord": ("PPL", "Westmark")})
    assert len(evs) == 2


def test_place_the_gazetteer_does_not_know_holds_no_towns() -> None:
    # an unknown place kept at its region's precision is somewhere in it, not all of it
    evs = _protests("Ost", "Kampung Baru",
                    {"Ost": ("PPL", "Westmark"), "Kampung Baru": ("", "Westmark")})  # fmt: skip
    assert len(evs) == 2
