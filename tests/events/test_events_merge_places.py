"""Merging mentions whose places differ only in precision (a town and its country)."""

from dataclasses import replace

from helpers_events import make_record, run

from warta.records import Place

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
