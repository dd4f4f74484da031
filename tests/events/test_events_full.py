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


# --- event coding: office nouns, topic objects, addressed "you", a ministry's "we" ---

_RUR = [("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
        ("Freedonia", "GPE", "FRE", None, ["Freedonia"])]  # fmt: skip


def _coded(text: str, lang: str = "en", publisher: str | None = None, ents=_RUR):
    from dataclasses import replace

    from helpers_events import make_record, run

    from warta.records import Source

    rec = make_record(text, lang, "2025-03-10T09:00:00+07:00", ents)
    return run(replace(rec, source=Source(publisher=publisher))).events


@pytest.mark.parametrize("office", ["Department", "Secretary", "Foreign Secretary"])
def test_a_capitalised_office_before_a_past_verb_is_its_subject(office: str) -> None:
    # "the Department urged" is a clause, not a noun phrase like "the Ruritanian attack"
    (ev,) = _coded(f"The {office} urged Ruritania to halt its offensive.", publisher="GOV.UK")
    assert ev.type == "REQUEST" and ev.actor is not None
    assert (ev.actor.code, ev.actor.sector) == ("GBR", "GOV")
    assert ev.recipient is not None and ev.recipient.code == "RUR"


def test_a_national_adjective_before_a_noun_trigger_stays_nominal() -> None:
    (ev,) = _coded("The Ruritanian attack killed four people.")
    assert ev.type == "ASSAULT" and ev.actor is not None and ev.actor.code == "RUR"


def test_the_topic_of_a_discussion_is_not_its_counterpart() -> None:
    (ev,) = _coded("Ruritania discussed the fate of Freedonia with the Secretary.",
                   publisher="GOV.UK")  # fmt: skip
    assert ev.type == "CONSULT" and ev.actor.code == "RUR"
    assert ev.recipient is not None and ev.recipient.code == "GBR"


def test_id_the_topic_of_a_discussion_is_not_its_counterpart() -> None:
    (ev,) = _coded("Ruritania membahas nasib Freedonia dalam rapat kabinet kemarin.", "id")
    assert ev.type == "CONSULT" and ev.actor.code == "RUR" and ev.recipient is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("REPORTER: Minister Ivo Marek, did you discuss the harbour dispute?", "en"),
        ("Pak Menteri Ivo Marek, apakah Anda membahas sengketa pelabuhan itu?", "id"),
    ],
)
def test_the_person_addressed_is_the_you_who_acts(text: str, lang: str) -> None:
    ents = [("Ivo Marek", "PERSON", "RUR", "GOV", ["Ivo Marek"])]
    (ev,) = _coded(text, lang, ents=ents)
    assert ev.type == "CONSULT" and ev.actor is not None and ev.actor.code == "RUR"


def test_advice_to_the_reader_is_no_address() -> None:
    ents = [("Ivo Marek", "PERSON", "RUR", "GOV", ["Ivo Marek"])]
    (ev,) = _coded("Menurut Ivo Marek, Anda perlu membahas sengketa itu dengan Freedonia.", "id",
                   ents=ents + _RUR[1:])  # fmt: skip
    assert ev.actor is None or ev.actor.code != "RUR"


def test_you_without_an_addressee_stays_unresolved() -> None:
    ents = [("Ivo Marek", "PERSON", "RUR", "GOV", ["Ivo Marek"])]
    # the name comes after "you" and is not set off by a comma: not the one addressed
    (ev,) = _coded("Did you discuss the harbour dispute with Ivo Marek?", ents=ents)
    assert ev.actor is None and ev.recipient is not None and ev.recipient.code == "RUR"


@pytest.mark.parametrize(("publisher", "code"), [("GOV.UK", "GBR"), ("Reuters", None)])
def test_a_ministry_release_speaks_as_its_government(publisher: str, code: str | None) -> None:
    (ev,) = _coded("We exchanged views with Ruritania on the border talks.", publisher=publisher)
    assert ev.type == "CONSULT" and ev.recipient.code == "RUR"
    assert ev.actor is not None and ev.actor.code == code


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Ruritania menuding Freedonia melanggar gencatan senjata.", "id", "ACCUSE"),
        ("Freedonia dituding Ruritania melanggar gencatan senjata.", "id", "ACCUSE"),
        ("Ruritania repeated its accusations against Freedonia on Monday.", "en", "ACCUSE"),
        ("The Secretary talked with Ruritania about the border.", "en", "CONSULT"),
    ],
)
def test_trigger_families(text: str, lang: str, kind: str) -> None:
    evs = _coded(text, lang, publisher="GOV.UK")
    assert [e.type for e in evs] == [kind]
    assert any(p and p.code == "RUR" for p in (evs[0].actor, evs[0].recipient))


def test_a_joint_act_told_as_we_is_with_the_side_just_met() -> None:
    ents = [("Ivo Marek", "PERSON", "RUR", "GOV", ["Ivo Marek"]),
            ("Freedonia", "GPE", "FRE", None, ["Freedonia"])]  # fmt: skip
    text = ("Menteri Luar Negeri Ruritania Ivo Marek bertemu dengan Presiden Freedonia di "
            "istana pada Selasa. \"Kami mencapai kesepakatan untuk memperluas perdagangan,\" "
            "kata Ivo Marek.")  # fmt: skip
    evs = _coded(text, "id", ents=ents)
    (agree,) = [e for e in evs if e.type == "AGREE"]
    assert agree.actor is not None and agree.actor.code == "RUR"
    assert agree.recipient is not None and agree.recipient.code == "FRE"
