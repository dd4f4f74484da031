"""Record (de)serialisation and schema: exact round trips, strict shapes."""

import json

import jsonschema
import pytest

from warta.codec import from_dict, from_json, json_schema, to_dict, to_json
from warta.errors import RecordError
from warta.records import (
    Article,
    Claim,
    DateWindow,
    Entity,
    Event,
    Image,
    Participant,
    Place,
    Quantity,
    Range,
    Record,
    Source,
    Span,
    Speaker,
)  # fmt: skip


def sample_record() -> Record:
    text = "Pasukan X tiba di Kota Y. Ia mengatakan 1.500 tentara hadir."
    return Record(
        doc_id="abc",
        source=Source(path="a.txt", publisher="Demo", domain="demo.example"),
        article=Article(
            title="T", published="2024-10-28T19:04:00+07:00", language="id", dateline="KOTA Y",
            authors=("ahm",), cited_sources=("BBC",), images=(Image("cap", "cred"),), text=text,
        ),
        entities=(Entity("e1", "X", "GPE", code="XXX", mentions=(Span(8, 9, "X"),)),),
        places=(Place("p1", "Kota Y", geonameid=1, lat=1.5, lon=-2.0, precision="town"),),
        events=(
            Event(
                "v1", "MOBILIZE", mode="troops",
                actor=Participant("Pasukan X", "e1", "XXX", "MIL"),
                place="p1", date=DateWindow("2024-10-01", "2024-10-28", "month"),
                quantities=("q1",), claims=("c1",), evidence=(Span(0, 24, text[0:24]),),
                trigger="tiba",
            ),
        ),  # fmt: skip
        claims=(Claim("c1", Speaker("Ia", "e1"), "assert", "mengatakan", Span(39, 60, text[39:60]),
                      events=("v1",)),),
        quantities=(Quantity("q1", "1.500 tentara", 1500, "exact", Range(39, 52), "soldier"),),
        sentences=(Range(0, 24), Range(25, len(text))),
    )


def test_round_trip_is_exact() -> None:
    record = sample_record()
    data = to_dict(record)
    assert from_dict(Record, data) == record
    assert from_json(to_json(record)) == record
    # ints stay ints, floats stay floats
    assert isinstance(data["quantities"][0]["value"], int)
    assert data["places"][0]["lat"] == 1.5


def test_output_matches_schema() -> None:
    jsonschema.validate(json.loads(to_json(sample_record())), json_schema())


def test_schema_rejects_bad_enum_and_extra_field() -> None:
    data = to_dict(sample_record())
    data["events"][0]["type"] = "PARTY"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
    with pytest.raises(RecordError, match="PARTY"):
        from_dict(Record, data)
    data = to_dict(sample_record())
    data["article"]["titel"] = "typo"
    with pytest.raises(RecordError, match="titel"):
        from_dict(Record, data)


def test_wrong_types_are_reported_with_their_place() -> None:
    data = to_dict(sample_record())
    data["quantities"][0]["value"] = "many"
    with pytest.raises(RecordError, match=r"quantities\[0\]\.value"):
        from_dict(Record, data)
    with pytest.raises(RecordError, match="not JSON"):
        from_json("{nope")
