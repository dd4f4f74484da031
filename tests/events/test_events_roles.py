"""Who acts on whom: nested nominal events, borrowed subjects, causes, purposes, people
named by their sector, and protests whose object is a rejection."""

from helpers_events import make_record, run

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania", "Ruritanian"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
    ("Sylvania", "GPE", "SYL", None, ["Sylvania"]),
]
OSTBURG = [("Ostburg", "FRE", ["Ostburg"])]


def _events(text: str, lang: str = "id", places=(), ents=ENTS):
    return run(make_record(text, lang, PUB, ents, list(places))).events


def _codes(ev):
    return (
        ev.actor.code if ev.actor else None,
        ev.recipient.code if ev.recipient else None,
    )


def test_condemned_attack_is_an_event_of_its_own() -> None:
    evs = _events("Sylvania mengutuk serangan Ruritania terhadap Freedonia.")
    got = {(e.type, *_codes(e)) for e in evs}
    assert ("ACCUSE", "SYL", "RUR") in got and ("ASSAULT", "RUR", "FRE") in got


def test_coordinated_verb_after_a_reporting_verb_shares_its_subject() -> None:
    evs = _events("Ruritania memperingatkan bahaya konflik dan menyerukan Freedonia berunding.")
    req = next(e for e in evs if e.type == "REQUEST")
    assert _codes(req) == ("RUR", "FRE")


def test_english_clause_without_subject_borrows_the_sentences() -> None:
    evs = _events(
        "The Ruritanian president is set to speak at a summit, and to meet with Freedonia's"
        " leader.",
        "en",
    )
    meet = next(e for e in evs if e.type == "CONSULT")
    assert _codes(meet) == ("RUR", "FRE") and meet.status == "planned"


def test_victims_take_the_actor_of_their_cause() -> None:
    evs = _events("Sedikitnya 12 warga tewas akibat tembakan Ruritania di Ostburg.", places=OSTBURG)
    ev = next(e for e in evs if e.type == "ASSAULT")
    assert _codes(ev) == ("RUR", "FRE")  # the people of the town where it happened


def test_deaths_with_no_attacker_in_the_story_are_no_assault() -> None:
    evs = _events("Sedikitnya 12 warga tewas dalam kecelakaan bus di Ostburg.", places=OSTBURG)
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_aid_goes_to_whom_the_purpose_clause_names() -> None:
    evs = _events("Ruritania mengirim ribuan tentara untuk membantu Freedonia.")
    aid = next(e for e in evs if e.type == "AID")
    assert _codes(aid) == ("RUR", "FRE")


def test_forces_sent_to_give_options_are_not_sent_against_anyone() -> None:
    evs = _events("Kapal Ruritania dikerahkan guna memberikan opsi kepada Freedonia.")
    mob = [e for e in evs if e.type == "MOBILIZE"]
    assert all(e.recipient is None or e.recipient.code != "FRE" for e in mob)


def test_police_and_students_are_coded_where_they_act() -> None:
    text = (
        "Polisi menangkap 12 demonstran dalam unjuk rasa menolak kenaikan harga di Ostburg."
        " Ribuan mahasiswa turun ke jalan sejak pagi."
    )
    evs = _events(text, places=OSTBURG)
    coerce = next(e for e in evs if e.type == "COERCE")
    assert coerce.actor is not None and (coerce.actor.code, coerce.actor.sector) == ("FRE", "COP")
    protest = next(e for e in evs if e.type == "PROTEST")
    assert protest.actor is not None and protest.actor.sector == "EDU"
    # the police do not protest, and the protest's "menolak" is no separate rejection
    assert not [e for e in evs if e.type == "REJECT"]
    assert all(e.actor is None or e.actor.sector != "COP" for e in evs if e.type == "PROTEST")


def test_refusing_to_accept_a_call_is_a_rejection() -> None:
    evs = _events("Freedonia tidak mau menerima seruan Ruritania untuk menyerah.")
    rej = next(e for e in evs if e.type == "REJECT")
    assert _codes(rej) == ("FRE", "RUR") and rej.status == "occurred"


def test_vowing_to_strike_is_a_threat() -> None:
    evs = _events("Ruritania bersumpah untuk menyerang Freedonia.")
    assert [e.type for e in evs] == ["THREATEN"]


def test_first_person_body_keeps_its_event_for_the_speaker() -> None:
    evs = _events('Menurut Menlu Ruritania, "Kami menyambut baik keputusan itu."')
    assert any(e.type == "SUPPORT" for e in evs)


def test_capitalised_trigger_inside_a_name_is_no_event() -> None:
    evs = _events("Ruritania hadir dalam Kemitraan Dialog Freedonia-Sylvania.")
    assert not [e for e in evs if e.type == "COOPERATE"]


def test_united_states_is_no_reporting_verb() -> None:
    ents = [("Freedonian States", "GPE", "FRE", None, ["Freedonian States"])]
    evs = _events(
        "The Freedonian States remains determined to keep assisting Sylvania.",
        "en",
        ents=ents + ENTS[2:],
    )
    aid = next(e for e in evs if e.type == "AID")
    assert _codes(aid) == ("FRE", "SYL")
