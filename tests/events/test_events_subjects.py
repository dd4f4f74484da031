"""Coordinated events, reported subjects, pronoun actors and the reference-date fallback."""

from helpers_events import make_record, run

from warta.events.dates import reference_date
from warta.records import Article, Record

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
    ("Sylvania", "GPE", "SYL", None, ["Sylvania"]),
]


def _events(text: str, lang: str, ents=ENTS):
    return run(make_record(text, lang, PUB, ents)).events


def _run(text: str, lang: str, ents=ENTS):
    return run(make_record(text, lang, PUB, ents))


def test_coordinated_verbs_give_two_events_with_one_actor() -> None:
    evs = _events("Ruritania menyerang Freedonia dan menangkap warga Sylvania.", "id")
    got = {(e.type, e.actor.code, e.recipient.code) for e in evs}
    assert got == {("ASSAULT", "RUR", "FRE"), ("COERCE", "RUR", "SYL")}
    evs = _events("Ruritania attacked Freedonia and then arrested Sylvania citizens.", "en")
    got = {(e.type, e.actor.code, e.recipient.code) for e in evs}
    assert got == {("ASSAULT", "RUR", "FRE"), ("COERCE", "RUR", "SYL")}


def test_coordinated_nouns_stay_one_event() -> None:
    evs = _events("Ruritania mengecam serangan dan penangkapan di Freedonia.", "id")
    assert [e.type for e in evs] == ["ACCUSE"]


def test_new_subject_after_and_is_not_coordination() -> None:
    evs = _events("Ruritania menyerang Freedonia dan Sylvania menangkap warga Ruritania.", "id")
    assert {(e.type, e.actor.code) for e in evs} == {("ASSAULT", "RUR")}


def test_reported_subject_is_the_actor_not_the_speaker() -> None:
    evs = _events("Ruritania mengatakan Sylvania menyerang Freedonia.", "id")
    assault = next(e for e in evs if e.type == "ASSAULT")
    assert (assault.actor.code, assault.recipient.code) == ("SYL", "FRE")


def test_possessive_subject_takes_the_speaker_country() -> None:
    rec = _run("Ruritania mengatakan pasukannya akan menyerang Freedonia.", "id")
    ev = next(e for e in rec.events if e.type == "ASSAULT")
    assert (ev.actor.code, ev.actor.sector, ev.status) == ("RUR", "MIL", "planned")
    claim = rec.claims[0]
    assert ev.id in claim.events and claim.id in ev.claims
    rec = _run("Ruritania said its forces would strike Freedonia.", "en")
    ev = next(e for e in rec.events if e.type == "ASSAULT")
    assert (ev.actor.code, ev.recipient.code) == ("RUR", "FRE")
    assert ev.id in rec.claims[0].events


def test_speaker_is_the_actor_when_the_reported_clause_has_no_subject() -> None:
    evs = _events("Ruritania menegaskan akan menyerang Freedonia.", "id")
    assert [(e.type, e.actor.code) for e in evs] == [("ASSAULT", "RUR")]


def test_pronoun_actor_is_the_last_compatible_entity() -> None:
    ents = [*ENTS, ("Red Band", "ORG", None, "REB", ["Red Band"])]
    text = "Red Band membantah laporan itu. Pada Senin, mereka menyerang Freedonia."
    ev = next(e for e in _events(text, "id", ents) if e.type == "ASSAULT")
    assert (ev.actor.entity, ev.actor.sector) == ("e4", "REB")
    text = "The Red Band issued a statement. The group later attacked Freedonia."
    ev = next(e for e in _events(text, "en", ents) if e.type == "ASSAULT")
    assert ev.actor.entity == "e4"


def test_far_pronoun_is_not_an_actor() -> None:
    ents = [("Ruritania", "GPE", "RUR", None, ["Ruritania"])]
    text = "Ruritania banned the party because of what it called its role in killing."
    assert not any(e.type == "ASSAULT" for e in _events(text, "en", ents))


def _ref(text: str, dateline: str | None = None) -> str | None:
    article = Article(text=text, language="en", dateline=dateline)
    return reference_date(Record(doc_id="t", article=article), "en")


def test_reference_date_prefers_the_lead() -> None:
    text = (
        "GENEVA, March 3, 2024 - Talks resumed on Monday.\n"
        "The last round ended on May 20, 2024, officials said."
    )
    assert _ref(text) == "2024-03-03"


def test_reference_date_ignores_history() -> None:
    text = (
        "Talks resumed on Monday in Geneva, the first since 2023.\n"
        "In 2024 the envoys met twice and in 2024 they signed a truce.\n"
        "The city last hosted such talks on June 1, 1998.\n"
        "Officials said on Feb. 2, 2024, that the truce held."
    )
    assert _ref(text) == "2024-02-02"
    assert _ref("Nothing here happened after June 1, 1998, but 2024 and 2024 matter.") is None


def test_pronoun_prefers_the_subject_of_the_previous_sentence() -> None:
    text = (
        "Pasukan Ruritania berjaga di wilayah tempat pasukan Freedonia bertahan. "
        "Mereka ditugaskan untuk menyerang Sylvania."
    )
    ev = next(e for e in _events(text, "id") if e.type == "ASSAULT")
    assert (ev.actor.code, ev.recipient.code) == ("RUR", "SYL")


def test_it_is_an_actor_only_in_a_reported_clause() -> None:
    ents = [("Ruritania", "GPE", "RUR", None, ["Ruritania"])]
    said = _events("Ruritania said it would strike the rebels.", "en", ents)
    assert [(e.type, e.actor.code) for e in said] == [("ASSAULT", "RUR")]
    text = "Ruritania held elections. It avoided shooting itself in the foot."
    assert _events(text, "en", ents) == ()


def test_pronoun_inside_a_quotation_is_not_resolved() -> None:
    ents = [*ENTS, ("Red Band", "ORG", None, "REB", ["Red Band"])]
    text = 'Red Band membantah laporan itu. "Mereka menyerang kami," kata seorang warga.'
    assert not any(e.type == "ASSAULT" for e in _events(text, "id", ents))
