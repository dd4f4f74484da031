"""The scorer against hand-written mini gold and records (invented text, no shared gold)."""

from __future__ import annotations

import pytest

from warta.eval import Counts, explain_record, match, score_record
from warta.eval.spans import TextIndex
from warta.records import (
    Article,
    Claim,
    DateWindow,
    Entity,
    Event,
    Participant,
    Place,
    Quantity,
    Range,
    Record,
    Source,
    Span,
    Speaker,
)

TEXT = (
    "JAKARTA - Tentara Negara Alfa menembaki desa Beta pada Senin, "
    "kata juru bicara Budi Santoso.\n\n"
    "Sedikitnya 12 warga tewas dalam serangan Israel yang berlangsung semalam.\n\n"
    "Menteri Luar Negeri Gamma mengutuk serangan itu."
)


def at(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def rec(text: str = TEXT, **parts) -> Record:
    art = parts.pop("article", {})
    return Record(doc_id="t", article=Article(text=text, **art), **parts)


def only(measure: str, record: Record, gold: dict) -> Counts:
    return score_record(record, gold)[measure]


# --- folding and spans ------------------------------------------------------------------


def test_text_index_maps_glued_gold_to_repaired_offsets():
    index = TextIndex("Ada  serangan Israel\nyang besar")
    ((start, end),) = index.find("seranganIsraelyang")
    assert index.text[start:end] == "serangan Israel\nyang"
    assert index.find("SERANGAN israel") == ((5, 20),)
    assert index.find("tidak ada") == ()


def test_must_include_matches_across_repaired_whitespace_and_case():
    record = rec("Dalam serangan Israel yang brutal.\n\nBaca juga: lainnya")
    gold = {"article": {"must_include": ["seranganIsraelyang", "DALAM SERANGAN"]}}
    assert only("body.paragraphs", record, gold) == Counts(tp=2)
    gold = {"article": {"must_include": ["tidak tertulis"], "must_exclude": ["Baca juga", "Iklan"]}}
    counts = score_record(record, gold)
    assert counts["body.paragraphs"] == Counts(fn=1)
    assert counts["body.boilerplate"] == Counts(tp=1, fp=1)


def test_event_evidence_given_glued_still_overlaps_repaired_body():
    gold = {
        "events": [
            {
                "type": ["ASSAULT"],
                "actor": {"code": [None]},
                "recipient": {"code": [None]},
                "status": ["occurred"],
                "evidence": ["dalam seranganIsraelyang berlangsung"],
            }
        ]
    }
    event = Event("v1", "ASSAULT", evidence=(at(TEXT, "serangan Israel yang"),))
    assert only("events.type", rec(events=(event,)), gold) == Counts(tp=1)
    elsewhere = Event("v1", "ASSAULT", evidence=(at(TEXT, "Menteri Luar Negeri"),))
    assert only("events.type", rec(events=(elsewhere,)), gold) == Counts(fp=1, fn=1)


# --- meta -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("JAKARTA", "Jakarta", Counts(tp=1)),
        (["Moskow", "Moscow"], "moscow", Counts(tp=1)),
        ("JAKARTA", None, Counts(fn=1)),
        ("JAKARTA", "Bandung", Counts(fp=1, fn=1)),
        (None, None, Counts(tp=1)),
        (None, "JAKARTA", Counts(fp=1)),
        ([None, "JAKARTA"], None, Counts(tp=1)),
        ([None, "JAKARTA"], "Bandung", Counts(fp=1)),
    ],
)
def test_meta_values_lists_and_nulls(gold, predicted, expected):
    record = rec(article={"dateline": predicted})
    assert only("meta.dateline", record, {"article": {"dateline": gold}}) == expected


def test_meta_field_absent_from_gold_is_not_scored():
    assert "meta.dateline" not in score_record(rec(), {"article": {"title": None}})


def test_publisher_comes_from_source():
    record = Record(doc_id="t", source=Source(publisher="detikNews"))
    gold = {"article": {"publisher": ["detikcom", "detikNews"]}}
    assert only("meta.publisher", record, gold) == Counts(tp=1)


@pytest.mark.parametrize(
    ("predicted", "right"),
    [
        ("2025-06-18T17:07:00+07:00", True),
        ("2025-06-18T17:07:45+07:00", True),  # to the minute
        ("2025-06-18T10:07:00+00:00", False),  # same instant, other offset
        ("2025-06-18T17:07:00", False),  # no offset at all
        ("2025-06-18T17:08:00+07:00", False),
        ("kemarin", False),
    ],
)
def test_published_needs_same_instant_and_offset(predicted, right):
    record = rec(article={"published": predicted})
    counts = only("meta.published", record, {"article": {"published": "2025-06-18T17:07:00+07:00"}})
    assert counts == (Counts(tp=1) if right else Counts(fp=1, fn=1))


def test_authors_item_by_item_with_duplicates():
    record = rec(article={"authors": ("Novi C", "novi c", "Ahm")})
    counts = only("meta.authors", record, {"article": {"authors": ["Novi C", "Rahman"]}})
    assert counts == Counts(tp=1, fp=1, fn=1, duplicates=1)


# --- entities and places ------------------------------------------------------------------


def test_entities_type_list_names_mentions_and_gpe_code():
    gold = {
        "entities": [
            {"type": ["ORG", "MEDIA"], "names": ["Antara", "Kantor berita Antara"]},
            {"type": "GPE", "code": "IDN", "names": ["Indonesia"]},
            {"type": "PERSON", "names": ["Budi Santoso"]},
        ]
    }
    mention = at(TEXT, "Budi Santoso")
    entities = (
        Entity("e1", "Kantor Berita ANTARA", "MEDIA"),
        Entity("e2", "Republik Indonesia", "GPE", code="IDN"),  # code alone is enough for GPE
        Entity("e3", "Pak Budi", "PERSON", mentions=(mention,)),  # a mention's text matches
    )
    assert only("entities", rec(entities=entities), gold) == Counts(tp=3)
    wrong_type = (Entity("e3", "Budi Santoso", "ORG"),)
    assert only("entities", rec(entities=wrong_type), gold) == Counts(fp=1, fn=3)
    org_code = (Entity("e1", "Negara", "ORG", code="IDN"),)  # code counts for GPE only
    assert only("entities", rec(entities=org_code), gold).tp == 0


def test_places_by_geonameid_or_country_and_names():
    gold = {
        "places": [
            {"names": ["Kursk", "Kursk Oblast"], "geonameid": [538555, 538560], "country": "RUS"},
            {"names": ["Desa Beta", "Beta"], "country": "ALF"},
            {"names": ["Middle East", "Timur Tengah"], "country": None},
        ]
    }
    places = (
        Place("p1", "Kursk (city)", geonameid=538560, country="RUS"),
        Place("p2", "Beta village", country="ALF", mentions=(at(TEXT, "Beta"),)),
        Place("p3", "Timur Tengah"),
    )
    assert only("places", rec(places=places), gold) == Counts(tp=3)
    wrong = (
        Place("p1", "Kursk", geonameid=1, country="RUS"),  # a name is no help once ids are given
        Place("p2", "Beta", country="XYZ"),
        Place("p3", "Timur Tengah", country="IRN"),  # gold's country null: only missing is right
    )
    assert only("places", rec(places=wrong), gold) == Counts(fp=3, fn=3)


# --- events -------------------------------------------------------------------------------


def gold_event(**over) -> dict:
    event = {
        "type": ["ASSAULT", "COERCE"],
        "actor": {"code": ["ALF"], "sector": ["MIL"]},
        "recipient": {"code": ["BET", None]},
        "place": {"country": "ALF", "names": ["Beta", "desa Beta"]},
        "date": {"start": "2025-06-16", "end": "2025-06-16"},
        "status": ["occurred"],
        "evidence": ["Tentara Negara Alfa menembaki desa Beta"],
    }
    event.update(over)
    return event


def shot(**over) -> Event:
    fields = {
        "type": "ASSAULT",
        "actor": Participant("Tentara Negara Alfa", code="ALF", sector="MIL"),
        "recipient": None,
        "place": "p1",
        "date": DateWindow("2025-06-15", "2025-06-16"),
        "status": "occurred",
        "evidence": (at(TEXT, "menembaki desa"),),
    }
    fields.update(over)
    return Event("v1", **fields)


BETA = Place("p1", "Beta", country="ALF")


def test_events_full_checks_codes_sector_null_recipient_and_date():
    gold = {"events": [gold_event()]}
    good = score_record(rec(events=(shot(),), places=(BETA,)), gold)
    for measure in ("events.type", "events.full", "events.status", "events.place"):
        assert good[measure] == Counts(tp=1), measure
    for bad in (
        shot(actor=Participant("x", code="ALF", sector="GOV")),  # sector given by gold
        shot(actor=Participant("x", code="ALF", sector=None)),  # no null in gold's sector list
        shot(recipient=Participant("x", code="GAM")),
        shot(date=DateWindow("2025-06-17", "2025-06-20")),  # windows do not overlap
        shot(date=None),
    ):
        counts = score_record(rec(events=(bad,), places=(BETA,)), gold)
        assert counts["events.type"] == Counts(tp=1)
        assert counts["events.full"] == Counts(fp=1, fn=1)


def test_events_full_sector_unchecked_when_gold_gives_none_and_null_accepts_missing():
    gold = {"events": [gold_event(actor={"code": ["ALF"]}, recipient={"code": ["BET", None]})]}
    event = shot(actor=Participant("x", code="alf", sector="GOV"), recipient=None)
    assert only("events.full", rec(events=(event,)), gold) == Counts(tp=1)
    gold = {"events": [gold_event(actor={"code": ["ALF"], "sector": ["GOV", None]})]}
    event = shot(actor=Participant("x", code="ALF", sector=None))
    assert only("events.full", rec(events=(event,)), gold) == Counts(tp=1)


def test_event_duplicates_are_their_own_column():
    gold = {"events": [gold_event()]}
    twice = (shot(), shot(evidence=(at(TEXT, "Tentara Negara"),)), shot(type="PROTEST"))
    counts = score_record(rec(events=twice), gold)
    assert counts["events.type"] == Counts(tp=1, fp=1, duplicates=1)
    assert counts["events.type"].precision == 0.5


def test_event_status_and_place_judge_matched_pairs():
    gold = {"events": [gold_event(status=["planned", "threatened"])]}
    elsewhere = Place("p1", "Gamma", country="GAM")
    counts = score_record(rec(events=(shot(),), places=(elsewhere,)), gold)
    assert counts["events.status"] == Counts(fp=1, fn=1)
    assert counts["events.place"] == Counts(fp=1, fn=1)
    counts = score_record(rec(events=(shot(place=None),)), gold)
    assert counts["events.place"] == Counts(fn=1)
    counts = score_record(
        rec(events=(shot(),), places=(BETA,)), {"events": [gold_event(place=None)]}
    )
    assert counts["events.place"] == Counts()


def test_optional_gold_neither_missed_nor_wrong():
    gold = {
        "events": [
            gold_event(),
            gold_event(type=["ACCUSE"], optional=True, evidence=["mengutuk serangan itu"]),
        ]
    }
    condemn = Event("v2", "ACCUSE", evidence=(at(TEXT, "mengutuk"),))
    with_optional = score_record(rec(events=(shot(), condemn)), gold)
    without = score_record(rec(events=(shot(),)), gold)
    assert with_optional["events.type"] == without["events.type"] == Counts(tp=1)
    # a second prediction matching the optional item is dropped too, not a false positive
    again = Event("v3", "ACCUSE", evidence=(at(TEXT, "serangan itu"),))
    assert only("events.type", rec(events=(shot(), condemn, again)), gold) == Counts(tp=1)


def test_one_to_one_in_document_order():
    # gold A accepts both predictions, gold B only the first: greedy in document order gives
    # A the first one, B nothing, and the second prediction is a duplicate of A.
    gold = [{"ok": {1, 2}}, {"ok": {1}}]
    result = match(gold, [1, 2], lambda g, p: p in g["ok"])
    assert result.pairs == ((0, 0),)
    assert result.counts == Counts(tp=1, fn=1, duplicates=1)
    # the scorer feeds events in document order, whatever order the record lists them in
    gold_events = {"events": [gold_event(), gold_event(evidence=["Tentara Negara Alfa"])]}
    late = shot(evidence=(at(TEXT, "desa Beta"),))
    early = shot(evidence=(at(TEXT, "Tentara Negara Alfa menembaki"),))
    counts = only("events.type", rec(events=(late, early)), gold_events)
    assert counts == Counts(tp=1, fn=1, duplicates=1)


# --- claims and quantities -----------------------------------------------------------------


def claim(speaker: Speaker, stance: str = "assert", content: str = "menembaki desa Beta") -> Claim:
    return Claim("c1", speaker, stance, "kata", at(TEXT, content))


def test_claims_speaker_containment_stance_and_content():
    gold = {
        "claims": [
            {
                "speaker": {"names": ["Budi Santoso", "juru bicara"]},
                "stance": ["assert", "confirm"],
                "evidence": ["menembaki desa Beta"],
            }
        ]
    }
    budi = Entity("e1", "Budi Santoso", "PERSON")
    for speaker in (
        Speaker("juru bicara Budi Santoso"),  # speaker text contains a gold name
        Speaker("Budi"),  # contained in a gold name
        Speaker("dia", entity="e1"),  # resolved through the entity's name
    ):
        record = rec(claims=(claim(speaker),), entities=(budi,))
        assert only("claims", record, gold) == Counts(tp=1), speaker
    for wrong in (
        claim(Speaker("Menteri")),
        claim(Speaker("Budi"), stance="deny"),
        claim(Speaker("Budi"), content="Menteri Luar Negeri"),
    ):
        assert only("claims", rec(claims=(wrong,)), gold) == Counts(fp=1, fn=1)


def test_quantities_value_unit_qualifier_lists():
    gold = {
        "quantities": [
            {
                "text": "Sedikitnya 12 warga",
                "value": 12,
                "qualifier": "at_least",
                "unit": ["person", "civilian"],
            },
            {
                "text": "puluhan desa",
                "value": [10, 12],
                "qualifier": "order_of_magnitude",
                "unit": "village",
                "optional": True,
            },
        ]
    }
    right = Quantity("q1", "Sedikitnya 12 warga", 12, "at_least", Range(0, 1), unit="civilian")
    assert only("quantities", rec(quantities=(right,)), gold) == Counts(tp=1)
    assert only("quantities", rec(quantities=(right, right)), gold).duplicates == 1
    wrong = Quantity("q1", "12 warga", 12, "exact", Range(0, 1), unit="person")
    assert only("quantities", rec(quantities=(wrong,)), gold) == Counts(fp=1, fn=1)
    optional = Quantity("q2", "puluhan desa", 10, "order_of_magnitude", Range(0, 1), unit="village")
    assert only("quantities", rec(quantities=(right, optional)), gold) == Counts(tp=1)


# --- the whole record -----------------------------------------------------------------------


def test_perfect_record_scores_one_everywhere():
    gold = {
        "article": {
            "title": "Alfa tembaki desa Beta",
            "published": "2025-06-16T09:30:00+07:00",
            "language": "id",
            "dateline": "JAKARTA",
            "publisher": ["Warta Contoh"],
            "authors": ["Rina"],
            "cited_sources": [],
            "must_include": ["Sedikitnya 12 warga tewas"],
            "must_exclude": ["Baca juga"],
        },
        "entities": [
            {"type": "PERSON", "names": ["Budi Santoso"]},
            {"type": "GPE", "code": "ALF", "names": ["Alfa"], "optional": True},
        ],
        "places": [{"names": ["Beta"], "country": "ALF"}],
        "events": [gold_event()],
        "claims": [
            {
                "speaker": {"names": ["Budi Santoso"]},
                "stance": ["assert"],
                "evidence": ["menembaki desa Beta pada Senin"],
            }
        ],
        "quantities": [
            {"text": "Sedikitnya 12 warga", "value": 12, "qualifier": "at_least", "unit": "person"}
        ],
    }
    record = Record(
        doc_id="t",
        source=Source(publisher="Warta Contoh"),
        article=Article(
            title="Alfa tembaki desa Beta",
            published="2025-06-16T09:30:00+07:00",
            language="id",
            dateline="JAKARTA",
            authors=("Rina",),
            text=TEXT,
        ),
        entities=(Entity("e1", "Budi Santoso", "PERSON", mentions=(at(TEXT, "Budi Santoso"),)),),
        places=(BETA,),
        events=(shot(),),
        claims=(claim(Speaker("Budi Santoso"), content="menembaki desa Beta pada Senin"),),
        quantities=(
            Quantity("q1", "Sedikitnya 12 warga", 12, "at_least", Range(0, 0), unit="person"),
        ),
    )
    counts = score_record(record, gold)
    assert len(counts) == 17
    for measure, c in counts.items():
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), (measure, c)
        assert c.fp == c.fn == c.duplicates == 0, measure


def test_explain_record_names_what_was_missed_and_what_was_wrong():
    gold = {"events": [gold_event()]}
    stray = Event("v9", "PROTEST", evidence=(at(TEXT, "Menteri"),))
    notes = explain_record(rec(events=(stray,)), gold)
    assert [line.split(":")[0] for line in notes["events.type"]] == ["missed", "false"]
    assert "menembaki desa Beta" in notes["events.type"][0]
    assert "PROTEST" in notes["events.type"][1]
    assert "entities" not in notes
