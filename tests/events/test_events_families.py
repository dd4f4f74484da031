"""Trigger families: street protest words, explosions and property coercion, legal and
diplomatic complaint, asylum; lower-case-only roots; frames that need a civilian actor."""

from __future__ import annotations

import pytest
from helpers_events import make_record, run

from warta.events.lexicon import find_triggers, lexicon
from warta.events.tokens import tokenize

_ENTS = [("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
         ("Freedonia", "GPE", "FRE", None, ["Freedonia"])]  # fmt: skip


def _events(text: str, lang: str = "en"):
    return run(make_record(text, lang, "2025-03-10T09:00:00+07:00", _ENTS)).events


def _types(text: str, lang: str = "en") -> list[str]:
    return [e.type for e in _events(text, lang)]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Hundreds of dock workers in Ruritania marched to the ministry on Monday.", "PROTEST"),
        ("Nurses in Ruritania took out a procession to the health office.", "PROTEST"),
        ("Angry farmers in Ruritania blocked the main highway for six hours.", "PROTEST"),
        ("Students in Ruritania burnt an effigy of the minister.", "PROTEST"),
        ("Ruritanian rebels blew up a railway bridge in Freedonia.", "ASSAULT"),
        ("Ruritania summoned the Freedonian ambassador over the raid.", "ACCUSE"),
        ("The Ruritanian government complained to Freedonia about the shelling.", "ACCUSE"),
        ("Ruritania has granted political asylum to three Freedonian officers.", "AID"),
        ("The Ruritanian army demolished a dozen homes in the village.", "COERCE"),
        ("Ruritania plans to impose restrictions on traders from Freedonia.", "COERCE"),
    ],
)
def test_english_families(text: str, type_: str) -> None:
    assert type_ in _types(text), _types(text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Kementerian Luar Negeri Ruritania memanggil duta besar Freedonia.", "ACCUSE"),
        ("Pemerintah Ruritania memberikan suaka kepada tiga perwira Freedonia.", "AID"),
        ("Ruritania mengumumkan darurat militer di wilayah perbatasan.", "COERCE"),
        ("Ratusan mahasiswa Ruritania menggelar aksi damai di depan istana.", "PROTEST"),
    ],
)
def test_indonesian_families(text: str, type_: str) -> None:
    assert type_ in _types(text, "id"), _types(text, "id")


def test_a_capitalised_month_is_no_march() -> None:
    toks = tokenize("Talks resume in March; workers will march on Friday.")
    hits = [toks[h.first].text for h in find_triggers(toks, lexicon("en"))]
    assert [h for h in hits if h.lower() == "march"] == ["march"]


def test_an_army_on_the_march_is_no_protest() -> None:
    text = "Ruritanian troops seized three villages on their march to the border town."
    assert "PROTEST" not in _types(text)


def test_police_closing_a_road_is_no_protest() -> None:
    assert "PROTEST" not in _types("Ruritanian police blocked the roads leading to the square.")


def test_a_modal_is_trimmed_from_the_actor() -> None:
    ev = [e for e in _events("Workers in Ruritania will march to the capital.")
          if e.type == "PROTEST"]  # fmt: skip
    assert ev and ev[0].actor is not None and "will" not in ev[0].actor.text.split()


def test_even_keeps_a_coordinated_second_event() -> None:
    text = "Residents in Ruritania protested the plan and even beat up two officials."
    assert {"PROTEST", "ASSAULT"} <= set(_types(text))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ruritania menolak seruan Freedonia untuk menarik pasukannya.", "id"),
        ("Ruritania tidak mau menerima seruan Freedonia agar pasukannya mundur.", "id"),
    ],
)
def test_answering_a_call_reports_the_call(text: str, lang: str) -> None:
    calls = [e for e in _events(text, lang) if e.type == "REQUEST"]
    assert calls and calls[0].actor is not None and calls[0].actor.code == "FRE"
    assert calls[0].status == "occurred"  # refusing it does not undo the call


def test_an_answered_call_without_its_maker_is_no_event() -> None:
    assert "REQUEST" not in _types("Ruritania menolak seruan untuk menyerah.", "id")


def test_fire_by_weapon_is_an_attack() -> None:
    text = "Ruritanian troops came under heavy mortar fire from Freedonian positions."
    assert "ASSAULT" in _types(text)


def test_people_of_a_body_keep_their_own_sector() -> None:
    text = "Hundreds of employees of the municipal transport department held a rally on Monday."
    ev = [e for e in _events(text) if e.type == "PROTEST"]
    assert ev and ev[0].actor is not None and ev[0].actor.sector == "LAB"


def test_members_of_a_body_take_its_sector() -> None:
    text = "Members of the Ruritanian opposition staged a walkout on Monday."
    ev = [e for e in _events(text) if e.type == "PROTEST"]
    assert ev and ev[0].actor is not None and ev[0].actor.sector == "OPP"


def test_an_adjective_between_light_verb_and_noun() -> None:
    text = "Ruritanian farmers held a massive rally outside the ministry."
    ev = [e for e in _events(text) if e.type == "PROTEST"]
    assert ev and "held" in ev[0].trigger


def _with(text: str, lang: str, ents) -> list[str]:
    return [e.type for e in run(make_record(text, lang, "2025-03-10T09:00:00+07:00", ents)).events]


def test_a_state_named_bare_complains_through_its_government() -> None:
    ents = [("Chile", "GPE", "CHL", None, ["Chile"]), ("Peru", "GPE", "PER", None, ["Peru"])]
    assert "ACCUSE" in _with("Chile complained to Peru about the shelling.", "en", ents)


def test_a_pronoun_for_a_state_is_no_government() -> None:
    # players of a country "membela" (play for) a club: no state defends anything
    ents = [("Chile", "GPE", "CHL", None, ["Chile"])]
    text = "Para pemain asal Chile tampil gemilang. Kini mereka membela klub-klub di Eropa."
    assert "SUPPORT" not in _with(text, "id", ents)


def test_a_singer_complaining_accuses_nobody() -> None:
    ents = [("Italy", "GPE", "ITA", None, ["Italy"])]
    assert "ACCUSE" not in _with("The singer complained about the heat in Italy.", "en", ents)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry warned the striking teachers in Ruritania.",
        "Ruritanian bank employees observed a strike on Thursday.",
        "Doctors in Ruritania struck work on Friday.",
    ],
)
def test_strike_by_workers_is_a_protest(text: str) -> None:
    ev = [e for e in _events(text) if e.type == "PROTEST"]
    assert ev and ev[0].mode == "strike" and ev[0].actor is not None


def test_an_air_strike_is_no_work_stoppage() -> None:
    ents = [*_ENTS]
    text = "Ruritanian jets carried out strikes on Freedonia on Friday."
    assert "PROTEST" not in _with(text, "en", ents)


def test_a_title_before_a_state_is_taken_whole() -> None:
    # "Luar" and "Dalam" start no phrase: the whole capitalised title names the side
    text = "Menteri Luar Negeri Ruritania bertemu Menteri Dalam Negeri Freedonia di Lama."
    ev = next(e for e in _events(text, "id") if e.type == "CONSULT")
    assert ev.actor is not None and ev.actor.text == "Menteri Luar Negeri Ruritania"
    assert ev.recipient is not None and ev.recipient.text == "Menteri Dalam Negeri Freedonia"
    assert (ev.actor.sector, ev.recipient.sector) == ("GOV", "GOV")
