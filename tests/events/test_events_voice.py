"""Run-on quotes, "X said:" statements, first-person press releases, reference dates,
default state sectors and person codes (invented sentences)."""

from helpers_events import make_record, run

from warta.events.dates import reference_date
from warta.events.resolve import person_code, state_sector
from warta.records import Article, Image, Participant, Record

QUOTE = (
    'Menlu Hartono mengatakan, "Kami senang dengan hasil pertemuan ini. '
    'Kami menyambut baik masuknya Brasil sebagai anggota forum."\n'
    '"Kerja sama kita akan terus tumbuh di masa depan."\n'
    "Cuaca di ibu kota cerah sepanjang hari itu dan jalanan ramai."
)
QUOTE_ENTS = [
    ("Budi Hartono", "PERSON", "IDN", "GOV", ["Hartono"]),
    ("Brazil", "GPE", "BRA", None, ["Brasil"]),
]


def test_quote_running_on_keeps_its_speaker() -> None:
    rec = run(make_record(QUOTE, "id", "2025-06-18T10:00:00+07:00", QUOTE_ENTS))
    texts = {c.content.text[:20]: c.speaker.entity for c in rec.claims}
    assert texts.get("Kami menyambut baik ") == "e1"
    assert texts.get('"Kerja sama kita aka') == "e1"
    assert not any(c.content.text.startswith("Cuaca") for c in rec.claims)


def test_first_person_event_takes_the_speaker_as_actor() -> None:
    rec = run(make_record(QUOTE, "id", "2025-06-18T10:00:00+07:00", QUOTE_ENTS))
    support = [e for e in rec.events if e.type == "SUPPORT"]
    assert support and support[0].actor is not None
    assert support[0].actor.code == "IDN" and support[0].actor.entity == "e1"


RELEASE = (
    "The Republic of Freedonia strongly condemns the attack on the refugee camp in Ruritania.\n\n"
    "We urge the authorities of Ruritania to protect the camp residents without delay.\n\n"
    "The weather in the region has been mild this week, officials noted."
)
RELEASE_ENTS = [
    ("Freedonia", "GPE", "FRD", None, ["Republic of Freedonia"]),
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
]


def test_press_release_voice_speaks_first_person_sentences() -> None:
    rec = run(make_record(RELEASE, "en", "2024-05-02T10:00:00+00:00", RELEASE_ENTS))
    urge = [c for c in rec.claims if c.content.text.startswith("We urge")]
    assert urge and urge[0].speaker.entity == "e1" and urge[0].stance == "demand"


def test_colon_introduces_the_statement() -> None:
    text = (
        "Minister Jane Doe welcomes the report on the convoy attack.\n\n"
        "The Minister said:\n\n"
        "This was an appalling attack on people who deliver aid.\n\n"
        "The regime must allow full access for the aid agencies."
    )
    ents = [("Jane Doe", "PERSON", "GBR", "GOV", ["Jane Doe", "The Minister"])]
    rec = run(make_record(text, "en", "2024-05-02T10:00:00+00:00", ents))
    got = {c.content.text[:12]: (c.speaker.entity, c.stance) for c in rec.claims}
    assert got.get("This was an ") == ("e1", "assert")
    assert got.get("The regime m") == ("e1", "demand")


def test_reference_date_falls_back_to_a_caption() -> None:
    caption = "Volunteers clear rubble in Ostburg, Freedonia, early Oct. 4, 2023."
    rec = Record(
        doc_id="t",
        article=Article(text="Officials said Monday that drones hit the city.", language="en",
                        images=(Image(caption=caption),)),
    )  # fmt: skip
    assert reference_date(rec, "en") == "2023-10-04"
    dated = Record(doc_id="t", article=Article(text="x", published="2025-01-02T00:00:00+07:00"))
    assert reference_date(dated, "en") == "2025-01-02T00:00:00+07:00"
    assert reference_date(Record(doc_id="t", article=Article(text="no date")), "en") is None


def test_state_actor_gets_sector_from_the_kind_of_act() -> None:
    rec = make_record("Russia attacked Ukraine.", "en", "2024-05-02", [
        ("Russia", "GPE", "RUS", None, ["Russia"]),
        ("Ivan Petrov", "PERSON", "RUS", None, ["Petrov"]),
    ])  # fmt: skip
    state = Participant("Russia", "e1", "RUS", None)
    assert state_sector(rec, state, "ASSAULT").sector == "MIL"  # type: ignore[union-attr]
    assert state_sector(rec, state, "ACCUSE").sector == "GOV"  # type: ignore[union-attr]
    person = Participant("Petrov", "e2", "RUS", None)
    assert state_sector(rec, person, "ASSAULT").sector is None  # type: ignore[union-attr]


def test_person_code_from_the_title_before_the_name() -> None:
    text = "Menlu Rusia Sergei Petrov bertemu wartawan di Jakarta."
    rec = make_record(
        text, "id", "2025-06-18", [("Sergei Petrov", "PERSON", None, "GOV", ["Sergei Petrov"])]
    )
    assert person_code(rec, rec.entities[0], "id") == "RUS"
