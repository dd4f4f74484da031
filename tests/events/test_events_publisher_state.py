"""A government outlet's unnamed offices ("the Foreign Minister", "officials") are its state's."""

from dataclasses import replace

import pytest
from helpers_events import make_record, run

from warta.records import Source

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Ivo Marek", "PERSON", None, None, ["Ivo Marek", "Marek"]),
]


def _actor(text: str, publisher: str | None, role: str | None = None):
    record = make_record(text, "en", PUB, ENTS)
    people = tuple(replace(e, role=role) if e.type == "PERSON" else e for e in record.entities)
    record = replace(record, source=Source(publisher=publisher), entities=people)
    (event,) = run(record).events
    return event.actor


@pytest.mark.parametrize(
    ("publisher", "code"),
    [("U.S. Department of State", "USA"), ("TASS", "RUS"), ("Reuters", None), (None, None)],
)
def test_a_bare_title_serves_the_government_publisher(publisher, code) -> None:
    actor = _actor("The Foreign Minister urged Ruritania to halt its offensive.", publisher)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("publisher", "code"), [("GOV.UK", "GBR"), ("TASS", None)])
def test_generic_officials_only_on_a_ministry_page(publisher, code) -> None:
    # a news agency reports other states' officials too; a ministry's release means its own
    actor = _actor("Officials urged Ruritania to halt its offensive.", publisher)
    assert actor is not None and actor.code == code


def test_a_non_office_word_keeps_no_state() -> None:
    actor = _actor("The regime urged Ruritania to halt its offensive.", "GOV.UK")
    assert actor is not None and actor.code is None


@pytest.mark.parametrize(
    ("publisher", "code"), [("U.S. Central Command", "USA"), ("Reuters", None)]
)
def test_a_person_with_a_bare_office_serves_the_publisher(publisher, code) -> None:
    actor = _actor(
        "Secretary Ivo Marek urged Ruritania to halt its offensive.", publisher, "Secretary"
    )
    assert actor is not None and actor.code == code


def test_publisher_countries_are_states() -> None:
    from warta.events.resolve import _outlet_states
    from warta.extract.lexicon import outlets_table

    states = {c for c, _ in _outlet_states().values()}
    assert {"USA", "GBR", "IDN"} <= states and all(len(c) == 3 and c.isupper() for c in states)
    assert any(o.name == "GOV.UK" for o in outlets_table()[0])  # the cleaner still reads it
