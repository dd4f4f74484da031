"""Non-event uses of trigger words, new trigger families, weak modals and answered acts,
on invented text."""

import pytest
from helpers_events import make_record, run

from warta.events.lexicon import find_triggers, lexicon
from warta.events.tokens import tokenize

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
]


def _types(text: str, lang: str) -> list[str]:
    return [h.sense.type for h in find_triggers(tokenize(text), lexicon(lang))]


def _events(text: str, lang: str = "id"):
    return run(make_record(text, lang, PUB, ENTS)).events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Para tokoh mengirimkan doa bagi para relawan", "id"),
        ("Menteri itu mengirim sinyal yang saling bertentangan", "id"),
        ("Tambang itu dinilai mengancam ekosistem pesisir", "id"),
        ("Pelaku dijerat pasal dengan ancaman hukuman sepuluh tahun", "id"),
        ("Warga desa itu berada dalam ancaman banjir", "id"),
        ("Para peziarah segera bertemu keluarganya di kampung", "id"),
        ("Negara itu berhak membela diri", "id"),
        ("The minister sent a clear message to the markets", "en"),
        ("The new mine threatens the ecosystem of the bay", "en"),
        ("The country has the right to defend itself", "en"),
    ],
)
def test_non_event_uses(text: str, lang: str) -> None:
    assert _types(text, lang) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Menteri itu menyambangi kantor komisi", "CONSULT"),
        ("Gubernur berkonsultasi dengan ketua dewan", "CONSULT"),
        ("Pengacara itu menyampaikan permohonan maaf", "CONCEDE"),
        ("Permintaan maaf itu disampaikan lewat video", "CONCEDE"),
        ("Para aktivis mengkritik kebijakan itu", "ACCUSE"),
        ("Buruh memprotes kenaikan harga", "PROTEST"),
        ("Warga mempolisikan kepala desa", "ACCUSE"),
    ],
)
def test_new_families(text: str, type_: str) -> None:
    assert type_ in _types(text, "id")


def test_retaliation_strikes_back_and_keeps_the_first_attack() -> None:
    types = _types("Ruritania membalas serangan Freedonia", "id")
    assert types.count("ASSAULT") == 2
    ev = [e for e in _events("Ruritania membalas serangan Freedonia.") if e.type == "ASSAULT"]
    assert any(e.actor and e.actor.code == "RUR" for e in ev)


def test_warned_response_is_a_threat_with_its_target() -> None:
    ev = _events("Ruritania akan merespons Freedonia dengan tegas.")
    threats = [e for e in ev if e.type == "THREATEN"]
    assert threats and threats[0].actor.code == "RUR" and threats[0].recipient.code == "FRE"


def test_report_to_police_accuses_the_one_reported() -> None:
    ev = _events("Ruritania melaporkan Freedonia ke polisi setempat.")
    acc = [e for e in ev if e.type == "ACCUSE"]
    assert acc and acc[0].actor.code == "RUR" and acc[0].recipient.code == "FRE"


def test_denied_accusation_names_the_accused_not_the_accuser() -> None:
    ev = _events("Ruritania membantah tudingan itu.")
    acc = [e for e in ev if e.type == "ACCUSE"]
    assert all(e.actor is None or e.actor.code != "RUR" for e in acc)
    assert any(e.recipient and e.recipient.code == "RUR" for e in acc)


def test_passive_report_to_police_keeps_the_reported_as_recipient() -> None:
    ev = _events("Freedonia dilaporkan ke polisi oleh Ruritania.")
    acc = [e for e in ev if e.type == "ACCUSE"]
    assert acc and acc[0].actor.code == "RUR" and acc[0].recipient.code == "FRE"


def test_missing_person_report_is_no_accusation() -> None:
    assert "ACCUSE" not in _types("Anak itu dilaporkan hilang ke polisi", "id")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Warga Freedonia ditangkap dan disiksa berulang kali oleh Ruritania.", "id"),
        ("Freedonian villagers were arrested and tortured repeatedly by Ruritania.", "en"),
    ],
)
def test_coordinated_passives_share_their_agent(text: str, lang: str) -> None:
    ev = _events(text, lang)
    arrest = [e for e in ev if e.type == "COERCE"]
    assert arrest and arrest[0].actor is not None and arrest[0].actor.code == "RUR"
