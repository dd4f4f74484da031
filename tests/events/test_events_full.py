"""Actor coding that events.full depends on: a person's office gives the state even when
the text names neither the state nor a date, and an honorific does not hide an office."""

import pytest

from warta.entities import EntityStage
from warta.records import Article, Entity, Record
from warta.settings import Settings
from warta.text import sentences


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(Settings())


def _person(stage: EntityStage, text: str, lang: str, surname: str) -> Entity:
    rec = Record(doc_id="t", article=Article(text=text, language=lang, published=None),
                 sentences=sentences(text, lang))  # fmt: skip
    found = [e for e in stage(rec).entities if e.type == "PERSON" and surname in e.name]
    assert found, [e.name for e in stage(rec).entities]
    return found[0]


def test_undated_title_keeps_the_office_it_names(stage: EntityStage) -> None:
    # the person's latest office is another one; the title in the text decides
    p = _person(stage, "Foreign Secretary Boris Johnson praised the harbour talks.", "en",
                "Johnson")  # fmt: skip
    assert (p.code, p.sector) == ("GBR", "GOV")
    assert p.role and p.role.startswith("Foreign Secretary")


def test_title_and_surname_only_finds_the_office_holder(stage: EntityStage) -> None:
    p = _person(stage, "SECRETARY POMPEO: We spoke about the grain corridor at length.",
                "en", "Pompeo")  # fmt: skip
    assert p.code == "USA" and p.sector == "GOV"


def test_honorific_after_an_office_keeps_the_office(stage: EntityStage) -> None:
    text = ("Menteri Luar Negeri Qatar (QTR) Sheikh Hamad bin Khalid menyerukan dialog "
            "antara kedua pihak.")  # fmt: skip
    p = _person(stage, text, "id", "Hamad")
    assert (p.code, p.sector) == ("QAT", "GOV")


def test_honorific_alone_stays_an_elite(stage: EntityStage) -> None:
    text = "Dalam acara itu, Sheikh Hamad bin Khalid menyerukan dialog antara kedua pihak."
    p = _person(stage, text, "id", "Hamad")
    assert p.sector == "ELI"
