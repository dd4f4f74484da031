"""Where an event told with no place of its own happened: the story's town or region when
its parties belong there, else the story's country."""

import re
from dataclasses import replace

from helpers_events import make_record, run

from warta.records import Event, Place, Span

PUB = "2025-03-10T09:00:00+07:00"
ENTS = [
    ("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
    ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
]
LEAD = (
    "Banjir besar melanda Ost, Freedonia, pada Senin. Ribuan warga Ost mengungsi ke tempat"
    " yang lebih tinggi.\n\n"
)
LOOTING = "Polisi menangkap dua orang penjarah pada Selasa.\n\n"
FOREIGN = "Ruritania mengirim bantuan kemanusiaan berupa tenda dan selimut.\n\n"


def _spans(text: str, form: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(form), text))


def _events(text: str, dateline: str | None = None, town: str = "Ost") -> tuple[Event, ...]:
    rec = make_record(text, "id", PUB, ENTS)
    places = (
        Place("p1", town, feature="PPL", country="FRE", admin1="Westmark",
              mentions=_spans(text, town)),
        Place("p2", "Freedonia", feature="PCLI", country="FRE",
              mentions=_spans(text, "Freedonia")),
    )  # fmt: skip
    return run(replace(rec, places=places, article=replace(rec.article, dateline=dateline))).events


def _one(evs: tuple[Event, ...], type_: str) -> Event:
    (ev,) = [e for e in evs if e.type == type_]
    return ev


def test_local_event_takes_the_town_the_story_is_about() -> None:
    evs = _events(LEAD + LOOTING + FOREIGN)
    assert _one(evs, "COERCE").place == "p1"


def test_foreign_act_with_no_target_there_takes_the_country() -> None:
    evs = _events(LEAD + LOOTING + FOREIGN)
    assert _one(evs, "AID").place == "p2"


def test_material_act_on_people_of_the_town_takes_it() -> None:
    evs = _events(LEAD + "Pasukan Ruritania menembaki para pengungsi pada malam hari.\n\n")
    strike = _one(evs, "ASSAULT")
    assert strike.recipient is not None and strike.recipient.code == "FRE"
    assert strike.place == "p1"


def test_country_told_more_than_the_town_keeps_the_country() -> None:
    text = (
        "Banjir besar melanda Ost, Freedonia, pada Senin. Freedonia menetapkan status"
        " darurat.\n\nPemerintah Freedonia menyiapkan dana.\n\n" + LOOTING
    )
    assert _one(_events(text), "COERCE").place == "p2"


def test_town_named_only_late_in_the_story_is_not_its_place() -> None:
    text = (
        "Cuaca buruk melanda sebagian besar wilayah pada Senin.\n\n"
        + LOOTING
        + "Hujan deras diperkirakan turun sepanjang pekan di banyak daerah, dan warga diminta"
        " waspada terhadap pohon tumbang serta genangan di jalan raya utama menuju pelabuhan"
        " dan bandara. Badan cuaca meminta nelayan tidak melaut hingga akhir pekan karena"
        " gelombang tinggi, dan penerbangan kecil ditunda sampai angin mereda.\n\n"
        "Petugas menyiapkan pompa air di Ost. Sekolah di Ost diliburkan. Pasar di Ost sepi.\n\n"
    )
    assert _one(_events(text), "COERCE").place == "p2"


def test_dateline_town_used_as_a_place_is_the_story_place() -> None:
    text = (
        "Freedonia kembali dilanda cuaca ekstrem, kata badan cuaca Freedonia. Pemerintah"
        " Freedonia siaga.\n\n" + LOOTING + "Pengungsi di Ost terus bertambah.\n\n"
    )
    assert _one(_events(text, dateline="OST"), "COERCE").place == "p1"
    assert _one(_events(text), "COERCE").place == "p2"
