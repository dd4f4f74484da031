"""Events whose actors are groups named by a common noun: workers, students, police, crowds."""

from helpers_events import make_record, run

PUB = "2025-03-10T09:00:00+07:00"
# a parliament named in a place phrase: a tempting but wrong antecedent for "mereka"/"they"
ID_ENTS = [("Dewan Rakyat Ruritania", "ORG", "RUR", "LEG", ["Dewan Rakyat"])]
EN_ENTS = [("Ruritanian Assembly", "ORG", "RUR", "LEG", ["Assembly"])]


def _events(text: str, lang: str, ents=(), places=()):
    return run(make_record(text, lang, PUB, list(ents), list(places))).events


def _types(evs) -> list[str]:
    return sorted(e.type for e in evs)


def test_workers_protest_without_a_known_country() -> None:
    evs = _events("Ribuan buruh pabrik berunjuk rasa di depan Dewan Rakyat, Kamis.", "id", ID_ENTS)
    protest = next(e for e in evs if e.type == "PROTEST")
    assert protest.actor is not None and protest.actor.sector == "LAB"


def test_police_dispersing_a_crowd_is_coercion() -> None:
    evs = _events("Aparat polisi membubarkan massa dengan gas air mata pada Kamis sore.", "id")
    assert "COERCE" in _types(evs)
    assert next(e for e in evs if e.type == "COERCE").actor.sector == "COP"


def test_students_protest_in_english() -> None:
    evs = _events(
        "hundreds of pupils staged a protest outside the district office on monday.", "en"
    )
    assert _types(evs) == ["PROTEST"]
    evs = _events("the lecturers were protesting against the new rules of the board.", "en")
    assert _types(evs) == ["PROTEST"]


def test_south_asian_protest_words() -> None:
    evs = _events("the farmers began an indefinite dharna near the dam site.", "en")
    assert _types(evs) == ["PROTEST"]


def test_group_localised_where_the_country_is_known() -> None:
    evs = _events(
        "Ratusan mahasiswa berunjuk rasa di Kota Ardenna pada Senin.",
        "id",
        places=[("Ardenna", "RUR", ["Kota Ardenna"])],
    )
    protest = next(e for e in evs if e.type == "PROTEST")
    assert (protest.actor.code, protest.actor.sector) == ("RUR", "EDU")


def test_bodies_still_need_a_name_for_talks() -> None:
    # a meeting or accusation by a bare common noun says too little to code
    assert _events("Para pekerja bertemu di sebuah gedung pada Kamis.", "id") == ()


def test_mereka_means_the_protesters_not_the_place() -> None:
    text = (
        "Ribuan buruh berunjuk rasa di depan Dewan Rakyat pada Kamis. "
        "Polisi membubarkan massa dengan gas air mata. "
        "Mereka menuntut kenaikan upah minimum."
    )
    evs = _events(text, "id", ID_ENTS)
    req = next(e for e in evs if e.type == "REQUEST")
    assert req.actor.entity is None and req.actor.sector == "LAB"


def test_they_means_the_students_not_the_assembly() -> None:
    text = (
        "Hundreds of students protested outside the Assembly on Monday. "
        "They demanded a rollback of the fee increase."
    )
    evs = _events(text, "en", EN_ENTS)
    req = next(e for e in evs if e.type == "REQUEST")
    assert req.actor.entity is None and req.actor.sector == "EDU"


def test_they_after_a_named_subject_keeps_the_name() -> None:
    text = (
        "The Assembly rejected the budget on Monday. They demanded a new draft from the ministry."
    )
    evs = _events(text, "en", EN_ENTS)
    req = next(e for e in evs if e.type == "REQUEST")
    assert req.actor.entity == "e1"


def test_a_strike_by_workers_is_a_protest_not_an_attack() -> None:
    evs = _events("the nurses' strike entered its third day at the district hospital.", "en")
    assert _types(evs) == ["PROTEST"]
    evs = _events("striking teachers blocked the road near the school board office.", "en")
    assert "ASSAULT" not in _types(evs)


def test_a_strike_by_an_army_stays_an_attack() -> None:
    evs = _events(
        "Ruritanian troops launched a strike on the Assembly building.",
        "en",
        [("Ruritania", "GPE", "RUR", None, ["Ruritanian"]), *EN_ENTS],
    )
    assert "ASSAULT" in _types(evs) and "PROTEST" not in _types(evs)
