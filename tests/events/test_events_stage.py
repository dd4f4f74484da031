"""EventStage on invented articles: types, participants, status, dates, merging."""

from helpers_events import make_record, run

from warta.events import EventStage

ID_TEXT = (
    "JAKARTA - Militer Israel menyerang kamp pengungsi di Gaza pada Selasa (3/6/2025), "
    "menewaskan sedikitnya 20 orang.\n\n"
    "Pemerintah Indonesia mengecam serangan Israel terhadap warga sipil Palestina.\n\n"
    "Iran mengancam akan menyerang pangkalan Amerika Serikat.\n\n"
    "Cuaca di Jakarta cerah dan ramai."
)
ID_ENTITIES = [
    ("Israel", "GPE", "ISR", None, ["Israel"]),
    ("Indonesia", "GPE", "IDN", None, ["Indonesia"]),
    ("Palestine", "GPE", "PSE", None, ["Palestina"]),
    ("Iran", "GPE", "IRN", None, ["Iran"]),
    ("United States", "GPE", "USA", None, ["Amerika Serikat"]),
]


def _by_type(rec):
    return {ev.type: ev for ev in rec.events}


def test_stage_contract() -> None:
    assert EventStage.name == "events"
    assert EventStage.requires == ("entities", "places", "quantities")
    assert EventStage.assigns == ("events",)


def test_indonesian_events() -> None:
    rec = run(
        make_record(
            ID_TEXT, "id", "2025-06-18T10:00:00+07:00", ID_ENTITIES, [("Gaza", "PSE", ["Gaza"])]
        )
    )
    ev = _by_type(rec)
    assault = ev["ASSAULT"]
    assert assault.actor is not None and assault.actor.code == "ISR"
    assert assault.date is not None and (assault.date.start, assault.date.end) == (
        "2025-06-03",
        "2025-06-03",
    )
    assert assault.place == "p1"
    assert assault.status == "occurred"
    accuse = ev["ACCUSE"]
    assert accuse.actor is not None and accuse.actor.code == "IDN"
    assert accuse.recipient is not None and accuse.recipient.code in ("ISR", "PSE")
    threat = ev["THREATEN"]
    assert threat.actor is not None and threat.actor.code == "IRN"
    # the weather sentence holds no trigger: no event from it
    assert all("Cuaca" not in s.text for e in rec.events for s in e.evidence)


def test_passive_actor_after_oleh_and_status_words() -> None:
    text = (
        "Dua jurnalis Palestina ditembak oleh tentara Israel di Gaza.\n\n"
        "Israel akan mengerahkan pasukan ke perbatasan Lebanon.\n\n"
        "Israel membantah menyerang rumah sakit di Gaza."
    )
    ents = ID_ENTITIES + [("Lebanon", "GPE", "LBN", None, ["Lebanon"])]
    rec = run(make_record(text, "id", "2025-06-18T10:00:00+07:00", ents))
    shot = next(e for e in rec.events if e.trigger == "ditembak")
    assert shot.actor is not None and shot.actor.code == "ISR"
    assert shot.recipient is not None and shot.recipient.code == "PSE"
    mob = next(e for e in rec.events if e.type == "MOBILIZE")
    assert mob.status == "planned" and mob.actor is not None and mob.actor.code == "ISR"
    denied = next(e for e in rec.events if e.trigger == "menyerang")
    assert denied.status == "denied"


def test_english_events_and_merging() -> None:
    text = (
        "Russian forces attacked Kharkiv overnight, officials said. "
        "The attack damaged 11 apartment buildings.\n\n"
        "Ukraine condemned Russia and urged its allies to send air defenses."
    )
    ents = [
        ("Russia", "GPE", "RUS", None, ["Russian", "Russia"]),
        ("Ukraine", "GPE", "UKR", None, ["Ukraine"]),
    ]
    rec = run(
        make_record(
            text, "en", "2024-09-23T09:00:00+00:00", ents, [("Kharkiv", "UKR", ["Kharkiv"])]
        )
    )
    assaults = [e for e in rec.events if e.type == "ASSAULT"]
    assert len(assaults) == 1  # "The attack" is the same happening: one event, two evidence spans
    assert len(assaults[0].evidence) == 2
    assert assaults[0].actor is not None and assaults[0].actor.code == "RUS"
    assert assaults[0].date is not None and assaults[0].date.end == "2024-09-23"
    assert [rec.quantities[0].value, rec.quantities[0].unit] == [11, "apartment building"]
    assert rec.quantities[0].id in assaults[0].quantities
    accuse = next(e for e in rec.events if e.type == "ACCUSE")
    assert accuse.actor is not None and accuse.actor.code == "UKR"
    assert accuse.recipient is not None and accuse.recipient.code == "RUS"


def test_a_trigger_without_participants_is_not_an_event() -> None:
    rec = run(
        make_record("Serangan terjadi di sebuah desa kecil.", "id", "2025-06-18T10:00:00+07:00", [])
    )
    assert rec.events == ()
