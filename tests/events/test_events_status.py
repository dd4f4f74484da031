"""Status from modality words: their scope, reported "would", and markers after the event."""

import pytest
from helpers_events import make_record, run

from warta.events.lexicon import lexicon
from warta.events.status import status_of
from warta.events.tokens import tokenize

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
]


def _status(text: str, trigger: str, lang: str) -> str:
    toks = tokenize(text)
    at = next(i for i, t in enumerate(toks) if t.low == trigger)
    return status_of(toks, at, 0, lang, len(toks))


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "status"),
    [
        ("The government said it would meet the envoys", "meet", "en", "planned"),
        ("If talks fail, the army would attack the town", "attack", "en", "hypothetical"),
        ("Presiden dijadwalkan melakukan kunjungan ke ibu kota", "kunjungan", "id", "planned"),
        ("persiapan kunjungan presiden ke ibu kota mendatang", "kunjungan", "id", "planned"),
        # "terus" belongs to the war, not to the call made after "dan"
        ("perang yang terus berkecamuk dan menyerukan evakuasi", "menyerukan", "id", "occurred"),
        ("pasukan masih menyerang kota", "menyerang", "id", "ongoing"),
        # weak modals: ability and wishes are hypothetical, inability denied
        ("polisi seharusnya bisa menangkap pelaku", "menangkap", "id", "hypothetical"),
        ("ia berharap kedutaan dapat membantu mereka", "membantu", "id", "hypothetical"),
        ("polisi tidak bisa menangkap pelaku", "menangkap", "id", "denied"),
        ("kami senang bisa bertemu warga", "bertemu", "id", "occurred"),
        ("ini bukan pertama kalinya Ruritania mengancam", "mengancam", "id", "occurred"),
        ("the army could attack the town", "attack", "en", "hypothetical"),
        ("the army cannot attack the town", "attack", "en", "denied"),
    ],
)
def test_status_words(text: str, trigger: str, lang: str, status: str) -> None:
    assert _status(text, trigger, lang) == status


def test_a_modal_covers_both_coordinated_verbs() -> None:
    evs = run(
        make_record("Ruritania akan menyerang Freedonia dan menangkap warganya.", "id", PUB, ENTS)
    ).events
    assert {e.status for e in evs} == {"planned"}


@pytest.mark.parametrize(
    ("form", "voice"),
    [("berunding", "active"), ("perundingan", "nominal"), ("menewaskan", "active"),
     ("tewas", "passive")],
)  # fmt: skip
def test_indonesian_forms_and_their_voice(form: str, voice: str) -> None:
    assert lexicon("id").words[form].voice == voice


def test_killing_verb_has_its_subject_as_actor() -> None:
    evs = run(
        make_record("Serangan Ruritania menewaskan 20 warga Freedonia.", "id", PUB, ENTS)
    ).events
    ev = next(e for e in evs if e.type == "ASSAULT")
    assert ev.actor is not None and ev.actor.code == "RUR"
