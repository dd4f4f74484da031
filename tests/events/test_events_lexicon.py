"""Trigger lexicons: Indonesian affixes with nasal assimilation, English inflections."""

import pytest

from warta.events.lexicon import lexicon


@pytest.mark.parametrize(
    ("form", "type_", "voice"),
    [
        ("menyerang", "ASSAULT", "active"),
        ("diserang", "ASSAULT", "passive"),
        ("serangan", "ASSAULT", "nominal"),
        ("menembak", "ASSAULT", "active"),
        ("penembakan", "ASSAULT", "nominal"),
        ("mengirim", "AID", "active"),
        ("pengiriman", "AID", "nominal"),
        ("mengerahkan", "MOBILIZE", "active"),
        ("dikerahkan", "MOBILIZE", "passive"),
        ("pengerahan", "MOBILIZE", "nominal"),
        ("menangkap", "COERCE", "active"),
        ("mengecam", "ACCUSE", "active"),
        ("menyerukan", "REQUEST", "active"),
        ("pertemuan", "CONSULT", "nominal"),
        ("kesepakatan", "AGREE", "nominal"),
        ("mengebom", "ASSAULT", "active"),
    ],
)
def test_indonesian_morphology(form: str, type_: str, voice: str) -> None:
    sense = lexicon("id").words[form]
    assert (sense.type, sense.voice) == (type_, voice)


def test_ambiguous_roots_keep_only_safe_forms() -> None:
    words = lexicon("id").words
    assert "menarik" not in words  # "interesting" / "pull": only "menarik pasukan" is RETREAT
    assert "bertahan" not in words  # "survive", not a detention


@pytest.mark.parametrize(
    ("form", "type_"),
    [("attacked", "ASSAULT"), ("struck", "ASSAULT"), ("deployed", "MOBILIZE"),
     ("condemns", "ACCUSE"),
     ("met", "CONSULT"), ("agreed", "AGREE"), ("withdrew", "RETREAT"), ("sanctioned", "SANCTION")],
)  # fmt: skip
def test_english_inflections(form: str, type_: str) -> None:
    assert lexicon("en").words[form].type == type_


def test_every_plover_type_has_triggers_in_both_languages() -> None:
    from warta.records import EVENT_TYPES

    for lang in ("id", "en"):
        lx = lexicon(lang)
        types = {s.type for s in lx.words.values()} | {s.type for s in lx.phrases.values()}
        assert set(EVENT_TYPES) <= types, (lang, set(EVENT_TYPES) - types)
