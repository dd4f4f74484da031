"""ClaimStage: cues, stances, speakers (incl. pronouns and "kata X"), content, event links."""

from pathlib import Path

import pytest
from helpers_events import make_record, run

from warta.events.claims import ClaimStage

TEXT = (
    "Menteri Luar Negeri Retno Marsudi mengatakan bahwa Indonesia mengecam serangan Israel. "
    "Ia menambahkan bahwa bantuan akan dikirim pekan depan.\n\n"
    '"Kami tidak akan mundur," kata Netanyahu.\n\n'
    "Israel membantah bahwa pasukannya menyerang rumah sakit.\n\n"
    "Presiden Putin menolak untuk menyangkal bahwa pasukan Korea Utara telah tiba di Rusia."
)
ENTITIES = [
    ("Retno Marsudi", "PERSON", None, "GOV", ["Retno Marsudi"]),
    ("Indonesia", "GPE", "IDN", None, ["Indonesia"]),
    ("Israel", "GPE", "ISR", None, ["Israel"]),
    ("Benjamin Netanyahu", "PERSON", "ISR", "GOV", ["Netanyahu"]),
    ("Vladimir Putin", "PERSON", "RUS", "GOV", ["Putin"]),
    ("North Korea", "GPE", "PRK", None, ["Korea Utara"]),
    ("Russia", "GPE", "RUS", None, ["Rusia"]),
]


def test_stage_contract() -> None:
    assert (ClaimStage.name, ClaimStage.requires, ClaimStage.assigns) == (
        "claims",
        ("entities", "events"),
        ("claims",),
    )


def test_indonesian_claims() -> None:
    rec = run(make_record(TEXT, "id", "2025-06-18T10:00:00+07:00", ENTITIES))
    by_cue = {c.cue: c for c in rec.claims}
    said = by_cue["mengatakan"]
    assert said.speaker.entity == "e1" and said.stance == "assert"
    assert said.content.text.startswith("Indonesia mengecam serangan Israel")
    # the ACCUSE event inside the content is linked both ways
    accuse = next(e for e in rec.events if e.type == "ACCUSE")
    assert accuse.id in said.events and said.id in accuse.claims
    # "Ia" resolves to the last named speaker
    assert by_cue["menambahkan"].speaker.entity == "e1"
    quote = by_cue["kata"]
    assert quote.speaker.entity == "e4" and "Kami tidak akan mundur" in quote.content.text
    assert by_cue["membantah"].stance == "deny"
    assert by_cue["menolak untuk menyangkal"].stance == "refuse_to_deny"
    assert by_cue["menolak untuk menyangkal"].speaker.entity == "e5"


def test_english_claims() -> None:
    text = (
        "Officials in Kharkiv said that Russian drones hit a school. "
        '"We will rebuild," the mayor said. '
        "According to the Ukrainian military, two missiles were intercepted. "
        "The ministry denied the report."
    )
    ents = [
        ("Russia", "GPE", "RUS", None, ["Russian"]),
        ("Ukraine", "GPE", "UKR", None, ["Ukrainian"]),
    ]
    rec = run(make_record(text, "en", "2024-09-23T09:00:00+00:00", ents))
    stances = [(c.speaker.text, c.stance) for c in rec.claims]
    assert ("Officials in Kharkiv", "assert") in stances
    assert any(s == "deny" and "ministry" in t for t, s in stances)
    source = next(c for c in rec.claims if c.cue == "According to")
    assert source.speaker.entity == "e2" and "two missiles" in source.content.text


def test_a_sentence_without_a_speaker_gives_no_claim() -> None:
    rec = run(
        make_record("Hujan turun dan mengatakan sesuatu.", "id", "2025-06-18T10:00:00+07:00", [])
    )
    assert rec.claims == ()


SEED = Path(__file__).resolve().parents[2] / "examples" / "000_6282b0001a3db50d.txt"


def test_seed_end_to_end() -> None:
    pytest.importorskip("warta.entities")
    pytest.importorskip("warta.geo")
    from warta.ingest import RawDocument
    from warta.pipeline import Pipeline
    from warta.settings import load_settings

    try:
        pipe = Pipeline(load_settings())
    except Exception as exc:  # a neighbouring stage not finished yet
        pytest.skip(f"pipeline not buildable yet: {exc}")
    rec = pipe(RawDocument(str(SEED), SEED.read_text(encoding="utf-8")))
    assert ("sedikitnya 1.500 tentara", 1500, "at_least", "soldier") in [
        (q.text, q.value, q.qualifier, q.unit) for q in rec.quantities
    ]
    mob = next(
        e
        for e in rec.events
        if e.type in ("MOBILIZE", "AID") and "dikerahkan" in e.evidence[0].text
    )
    assert mob.actor is not None and mob.actor.code == "PRK"
    assert {e.type for e in rec.events} >= {"MOBILIZE", "CONSULT", "ACCUSE", "AID", "ASSAULT"}
    stances = {c.stance for c in rec.claims}
    assert {"confirm", "refuse_to_deny", "assert"} <= stances
