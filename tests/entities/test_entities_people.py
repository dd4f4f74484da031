"""English people's names: names found with no cue verb, titles and outlets glued to a
name, shared surnames, and possessive phrases as speakers (invented text)."""

from dataclasses import replace

import pytest
from helpers_entities import entities_of

from warta.entities import EntityStage
from warta.pipeline import _REGISTRY, _load_builtin_stages
from warta.records import Article, Entity, Record
from warta.settings import Settings
from warta.text import sentences


def run(stage: EntityStage, text: str) -> tuple[Entity, ...]:
    return entities_of(stage, text, "en")


def people(ents: tuple[Entity, ...]) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in ents if e.type == "PERSON"}


def test_a_name_led_by_a_given_name_needs_no_verb(stage: EntityStage) -> None:
    text = "The council, led by Martha Quintrell, met the harbour board on Monday."
    assert "Martha Quintrell" in people(run(stage, text))


def test_a_noun_only_people_are_announces_a_name(stage: EntityStage) -> None:
    text = "The deal was backed by billionaire Oskarr Velmont and the port authority."
    assert "Oskarr Velmont" in people(run(stage, text))


def test_title_case_headline_verbs_are_no_part_of_a_name(stage: EntityStage) -> None:
    text = "Martha Quintrell Says Port Deal Will Go Ahead\n\nMartha Quintrell spoke on Monday."
    assert set(people(run(stage, text))) == {"Martha Quintrell"}


def test_a_title_or_outlet_glued_before_a_name_is_cut_off(stage: EntityStage) -> None:
    text = (
        "Edward Blask said the vote was rigged. He was mocking a former Miss Galaxy "
        "Helen Oyelowo, who answered. Speaking to the Harbour Ledger Blask said it again."
    )
    found = people(run(stage, text))
    assert "Helen Oyelowo" in found and "Galaxy Helen Oyelowo" not in found
    assert not any("Ledger" in n for n in found)
    assert found["Edward Blask"].count("Blask") == 1


def test_a_name_whose_given_name_is_unlisted_is_not_cut(stage: EntityStage) -> None:
    text = "Ilvane Maria Tosk said the plan would fail. Tosk said more later."
    assert "Ilvane Maria Tosk" in people(run(stage, text))


def test_a_shared_surname_goes_to_the_full_name_just_before(stage: EntityStage) -> None:
    text = (
        "Edward Blask said the vote was rigged. Edward Blask repeated it. Blask said so "
        "again.\n\nHis daughter Helen Blask disagreed. Blask said she would vote anyway."
    )
    ents = run(stage, text)
    last = text.rindex("Blask said")
    first = text.index("Blask said so")
    who = {m.start: e.name for e in ents for m in e.mentions}
    assert who[last] == "Helen Blask"
    assert who[first] == "Edward Blask"


def test_the_most_mentioned_namesake_when_none_is_near(stage: EntityStage) -> None:
    filler = "The committee then turned to the budget for the coming year. " * 6
    text = (
        "Edward Blask spoke first. Edward Blask then left. His brother Oliver Blask stayed. "
        + filler
        + "Blask later denied it."
    )
    ents = run(stage, text)
    at = text.rindex("Blask")
    assert next(e.name for e in ents for m in e.mentions if m.start == at) == "Edward Blask"


@pytest.fixture(scope="module")
def pipeline() -> list:
    _load_builtin_stages()
    settings = Settings()
    return [_REGISTRY[n](settings) for n in ("entities", "places", "quantities", "events",
                                              "claims")]  # fmt: skip


def test_a_possessive_phrase_speaks_not_its_owner(pipeline: list) -> None:
    text = (
        "Senator Edward Blask was charged with fraud on Monday.\n\n"
        "Blask denies any wrongdoing, his lawyer said on Tuesday.\n\n"
        "His spokesman said the senator would fight the charge."
    )
    rec = Record(doc_id="t", article=Article(text=text, language="en"))
    rec = replace(rec, sentences=sentences(text, "en"))
    for st in pipeline:
        rec = st(rec)
    blask = next(e.id for e in rec.entities if e.name == "Edward Blask")
    # "his" and "His" are mentions of Blask, yet neither makes him the speaker
    assert [m.text for e in rec.entities for m in e.mentions if e.id == blask].count("his") == 1
    speakers = {c.speaker.text: c.speaker.entity for c in rec.claims}
    assert speakers.get("his lawyer", "missing") is None
    assert speakers.get("His spokesman", "missing") is None
