"""Merging across sentences: a restated event folds in, another happening stays apart."""

from dataclasses import replace

from helpers_events import make_record, run

from warta.events.detect import Mention
from warta.events.merge import merge
from warta.records import DateWindow, Participant, Span

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
    ("Sylvania", "GPE", "SYL", None, ["Sylvania"]),
]


def _events(text: str, lang: str = "id", places=()):
    return run(make_record(text, lang, PUB, ENTS, list(places))).events


def _of(evs, type_):
    return [e for e in evs if e.type == type_]


def test_later_mention_naming_fewer_parties_folds_in() -> None:
    evs = _events(
        "Ruritania akan mengirim ribuan pekerja ke Freedonia.\n\n"
        "Cuaca di ibu kota cerah.\n\n"
        "Ruritania berencana mengirim lebih banyak insinyur."
    )
    aid = _of(evs, "AID")
    assert len(aid) == 1 and len(aid[0].evidence) == 2
    assert aid[0].recipient is not None and aid[0].recipient.code == "FRE"


def test_new_recipient_is_a_new_act() -> None:
    evs = _events("Ruritania mendesak Freedonia berunding.\n\nRuritania juga mendesak Sylvania.")
    assert {e.recipient.code for e in _of(evs, "REQUEST")} == {"FRE", "SYL"}


def test_other_victims_are_another_happening() -> None:
    evs = _events(
        "Sedikitnya 30 warga Freedonia tewas akibat serangan Ruritania pada Senin (10/3).\n\n"
        "Sedikitnya 19 warga Freedonia lainnya tewas dalam serangan Ruritania pada Senin (10/3)."
    )
    assert len(_of(evs, "ASSAULT")) == 2


def test_assumed_date_does_not_keep_a_restatement_apart() -> None:
    evs = _events(
        "Pasukan Ruritania dikerahkan ke Freedonia.\n\n"
        "Badan intelijen Sylvania mengatakan awal bulan ini bahwa 500 tentara Ruritania telah"
        " tiba di Freedonia."
    )
    assert len(_of(evs, "MOBILIZE")) == 1


def test_mutual_fighting_matches_either_way_round() -> None:
    evs = _events(
        "Ruritania terlibat aksi saling serang dengan Freedonia selama tiga hari.\n\n"
        "Pertempuran antara Freedonia dan Ruritania berlangsung sengit."
    )
    assault = _of(evs, "ASSAULT")
    assert len(assault) == 1 and len(assault[0].evidence) == 2


def test_a_war_between_two_is_not_ones_strike() -> None:
    evs = _events(
        "Pertempuran antara Ruritania dan Freedonia berlangsung sengit, yang dimulai oleh"
        " serangan Ruritania terhadap Freedonia."
    )
    assert len(_of(evs, "ASSAULT")) == 2


def test_english_follow_up_without_parties_joins_the_last_event() -> None:
    evs = _events(
        "Ruritanian forces attacked Ostburg overnight. "
        "At least nine people were killed, police said.",
        "en",
        [("Ostburg", "FRE", ["Ostburg"])],
    )
    assault = _of(evs, "ASSAULT")
    assert len(assault) == 1 and len(assault[0].evidence) == 2


def test_the_attacks_with_a_channel_before_them_join_the_attack() -> None:
    evs = _events(
        "Ruritanian air strikes hit Freedonia on Monday.\n\n"
        "The mayor wrote on Telegram the attacks had also hit a clinic.",
        "en",
    )
    assault = _of(evs, "ASSAULT")
    assert len(assault) == 1
    assert assault[0].actor is not None and assault[0].actor.code == "RUR"


def _visit(status: str, window: tuple[str, str], sentence: int, text: str, dated=True):
    """A mention of a Ruritanian visit to Freedonia at offset ``10 * sentence``."""
    start = 10 * sentence
    return Mention(
        type="CONSULT", mode="visit", place=None, date=DateWindow(*window, "day"),
        status=status, actor=Participant("Ruritania", "e1", "RUR", "GOV"),
        recipient=Participant("Freedonia", "e2", "FRE", "GOV"),
        evidence=Span(start, start + len(text), text), trigger="visit", sentence=sentence,
        dated=dated,
    )  # fmt: skip


def test_plan_told_beside_a_past_meeting_stays_apart() -> None:
    met = _visit("occurred", ("2025-03-10", "2025-03-10"), 0, "met on Monday")
    # undated: the month after the news day, so no stated dates conflict
    plan = _visit("planned", ("2025-03-11", "2025-04-10"), 0, "visit soon", dated=False)
    evs = merge([met, plan], ())
    assert [(e.status, e.date.start, len(e.evidence)) for e in evs] == [
        ("occurred", "2025-03-10", 1),
        ("planned", "2025-03-11", 1),
    ]


def test_plan_and_happening_of_one_time_still_fold() -> None:
    held = _visit("occurred", ("2025-03-10", "2025-03-10"), 0, "talks held")
    planned = _visit("planned", ("2025-03-08", "2025-03-14"), 0, "talks", dated=False)
    evs = merge([held, planned], ())
    assert len(evs) == 1 and len(evs[0].evidence) == 2


def test_future_plan_is_no_antecedent_of_a_past_happening() -> None:
    plan = _visit("planned", ("2025-04-01", "2025-04-30"), 0, "will visit")
    past = replace(  # "the visit" told of last month, naming nobody
        _visit("occurred", ("2025-02-01", "2025-02-28"), 1, "the visit"),
        anaphoric=True, actor=None, recipient=None,
    )  # fmt: skip
    evs = merge([plan, past], ())
    assert len(evs) == 1 and len(evs[0].evidence) == 1
