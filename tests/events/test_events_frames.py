"""Light verbs, verb+object frames, entry of forces and instrument modes, on invented text."""

import pytest
from helpers_events import make_record, run

from warta.events.lexicon import find_triggers, lexicon
from warta.events.tokens import tokenize

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
]


def _types(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    toks = tokenize(text)
    return [
        (h.sense.type, h.sense.mode, " ".join(t.text for t in toks[h.first : h.last + 1]))
        for h in find_triggers(toks, lexicon(lang))
    ]


def _events(text: str, lang: str, ents=ENTS, places=()):
    return run(make_record(text, lang, PUB, ents, list(places))).events


@pytest.mark.parametrize(
    ("text", "lang", "type_", "words"),
    [
        ("Kelompok itu menghentikan bantuan pangan", "id", "SANCTION", "menghentikan bantuan"),
        ("Pemerintah mengusir dua diplomat asing", "id", "SANCTION", "mengusir dua diplomat"),
        ("Wali kota mencabut jam malam di kota itu", "id", "CONCEDE", "mencabut jam malam"),
        ("Serikat buruh membatalkan aksi mogok", "id", "CONCEDE", "membatalkan aksi mogok"),
        ("Dua badan berbagi informasi intelijen", "id", "COOPERATE", "berbagi informasi intelijen"),
        ("Angkatan darat memperkuat pasukan di perbatasan", "id", "MOBILIZE", "memperkuat pasukan"),
        ("The ministry suspended military aid", "en", "SANCTION", "suspended military aid"),
        ("The governor lifted the night curfew", "en", "CONCEDE", "lifted the night curfew"),
        ("The union called off its strike", "en", "CONCEDE", "called off its strike"),
        ("The agencies shared intelligence on the plot", "en", "COOPERATE", "shared intelligence"),
        ("The army reinforced its troops", "en", "MOBILIZE", "reinforced its troops"),
        ("The two states restored diplomatic ties", "en", "SUPPORT", "restored diplomatic ties"),
    ],
)  # fmt: skip
def test_verb_object_frames(text: str, lang: str, type_: str, words: str) -> None:
    assert (type_, words) in [(t, w) for t, _, w in _types(text, lang)]


def test_frame_object_decides_between_types() -> None:
    assert _types("Menteri itu mencabut sanksi", "id")[0][0] == "CONCEDE"
    assert _types("Menteri itu mencabut bantuan", "id")[0][0] == "SANCTION"
    # a bare "curfew" is still a coercion; lifting one is not
    assert _types("The army imposed a curfew", "en")[0][0] == "COERCE"


@pytest.mark.parametrize(
    ("text", "lang", "type_", "voice", "words"),
    [
        ("Militer melakukan serangan ke desa", "id", "ASSAULT", "active", "melakukan serangan"),
        ("Warga menggelar aksi unjuk rasa", "id", "PROTEST", "active", "menggelar aksi unjuk rasa"),
        ("Serangan itu dilakukan milisi", "id", "ASSAULT", "passive", "Serangan itu dilakukan"),
        ("The jets conducted three strikes", "en", "ASSAULT", "active", "conducted three strikes"),
        ("The envoys held talks in the capital", "en", "CONSULT", "active", "held talks"),
        ("The raid was carried out by militia", "en", "ASSAULT", "passive", "raid was carried out"),
    ],
)  # fmt: skip
def test_light_verbs(text: str, lang: str, type_: str, voice: str, words: str) -> None:
    toks = tokenize(text)
    hits = find_triggers(toks, lexicon(lang))
    got = [
        (h.sense.type, h.sense.voice, " ".join(t.text for t in toks[h.first : h.last + 1]))
        for h in hits
    ]
    assert (type_, voice, words) in got


def test_light_verb_takes_the_subject_as_actor() -> None:
    evs = _events("Ruritania melancarkan serangan udara terhadap Freedonia.", "id")
    assert [(e.type, e.actor.code, e.recipient.code, e.mode) for e in evs] == [
        ("ASSAULT", "RUR", "FRE", "aerial")
    ]


def test_entry_of_forces_is_mobilize_only_for_forces() -> None:
    evs = _events("Pasukan Ruritania memasuki wilayah Freedonia pada Senin.", "id")
    assert [(e.type, e.actor.code) for e in evs] == [("MOBILIZE", "RUR")]
    ents = [*ENTS, ("Ann Vale", "PERSON", "RUR", "GOV", ["Ann Vale"])]
    assert _events("Menteri Ann Vale memasuki ruang sidang.", "id", ents) == ()
    evs = _events("Ruritanian troops crossed into Freedonia overnight.", "en",
                  [*ENTS, ("Ruritanian", "NORP", "RUR", None, ["Ruritanian"])])  # fmt: skip
    assert [(e.type, e.actor.code) for e in evs] == [("MOBILIZE", "RUR")]
    assert _events("Ann Vale entered the hall with Freedonia officials.", "en", ents) == ()


@pytest.mark.parametrize(
    ("text", "lang", "mode"),
    [
        ("Ruritania menyerang Freedonia dengan drone.", "id", "drone"),
        ("Ruritania menyerang Freedonia dengan artileri berat.", "id", "heavy-weapons"),
        ("Ruritania menyerang Freedonia dengan rudal balistik.", "id", "aerial"),
        ("Ruritania attacked Freedonia with rockets and mortars.", "en", "heavy-weapons"),
        ("Ruritania attacked Freedonia with a car bomb.", "en", "explosives"),
        ("Ruritania attacked Freedonia with drones.", "en", "drone"),
    ],
)  # fmt: skip
def test_mode_from_instrument(text: str, lang: str, mode: str) -> None:
    evs = _events(text, lang)
    assert [(e.type, e.mode) for e in evs] == [("ASSAULT", mode)]


def test_trigger_mode_beats_instrument() -> None:
    evs = _events("Ruritania mengebom Freedonia dengan artileri.", "id")
    assert evs[0].mode == "aerial"


def test_no_instrument_no_mode() -> None:
    assert _events("Ruritania menyerang Freedonia.", "id")[0].mode is None


def test_offers_to_act_are_agree_but_product_offers_are_not() -> None:
    assert _types("Ruritania offered to hand over the suspects", "en")[0][:1] == ("AGREE",)
    assert _types("The new phone offers fast charging", "en") == []
    assert _types("Ruritania berjanji mengirim bantuan", "id")[0][0] == "AGREE"
    assert _types("Ponsel ini menawarkan kamera bagus", "id") == []
