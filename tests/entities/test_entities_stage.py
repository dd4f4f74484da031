"""The entity stage on the seed article and on short invented snippets."""

from pathlib import Path

from helpers_entities import entities_of

from warta.entities import EntityStage
from warta.records import Entity

SEED = Path(__file__).parents[2] / "examples" / "000_6282b0001a3db50d.txt"


def run(
    stage: EntityStage, text: str, lang: str = "id", published: str | None = None
) -> tuple[Entity, ...]:
    return entities_of(stage, text, lang, published)


def by_name(ents: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert found, f"{name} not in {[e.name for e in ents]}"
    return found[0]


def test_seed_entities(stage: EntityStage) -> None:
    text = SEED.read_text("utf-8")
    ents = run(stage, text, published="2024-10-28T19:04:00+07:00")
    codes = {e.code for e in ents if e.type == "GPE"}
    assert {"PRK", "RUS", "UKR", "KOR"} <= codes
    assert by_name(ents, "NATO").type == "ORG"
    assert by_name(ents, "BBC").type == "MEDIA"
    rutte = by_name(ents, "Mark Rutte")
    assert rutte.role == "Secretary General of NATO" and rutte.code == "NATO"
    said = {m.text for m in rutte.mentions}
    assert {"Rutte", "Ia", "Kepala NATO"} <= said  # surname, pronoun and description
    putin = by_name(ents, "Vladimir Putin")
    assert putin.role == "President of Russia" and putin.type == "PERSON"
    assert by_name(ents, "Kursk").type == "GPE"
    assert by_name(ents, "Moscow").mentions[0].text == "Moskow"
    for e in ents:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_mentions_are_exact_spans_and_titles_give_roles(stage: EntityStage) -> None:
    text = ("Menteri Luar Negeri Iran Abbas Araghchi bertemu Presiden Prabowo di Jakarta. "
            "Araghchi mengatakan dia tidak akan mundur.")  # fmt: skip
    ents = run(stage, text)
    a = by_name(ents, "Abbas Araghchi")
    assert a.role == "Minister of Foreign Affairs of Iran" and a.code == "IRN"
    assert [m.text for m in a.mentions] == ["Abbas Araghchi", "Araghchi", "dia"]
    assert by_name(ents, "Prabowo Subianto").role == "President of Indonesia"
    assert by_name(ents, "Iran").code == "IRN"


def test_english_titles_before_names(stage: EntityStage) -> None:
    text = ("Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State John Kerry "
            "in Geneva on Friday. Kerry said he was hopeful, according to Reuters.")  # fmt: skip
    ents = run(stage, text, "en")
    assert by_name(ents, "Sergey Lavrov").role == "Minister of Foreign Affairs of Russia"
    kerry = by_name(ents, "John Kerry")
    assert kerry.code == "USA" and {"Kerry", "he"} <= {m.text for m in kerry.mentions}
    assert by_name(ents, "Reuters").type == "MEDIA"


def test_common_words_are_not_places(stage: EntityStage) -> None:
    text = "Baru saja tiba dari kota, warga hampir tidak percaya."
    assert run(stage, text) == ()


def test_office_holder_role_depends_on_date(stage: EntityStage) -> None:
    text = "Trump menandatangani perintah itu."
    ents = run(stage, text, published="2018-03-01T10:00:00+07:00")
    assert by_name(ents, "Donald Trump").role == "President of the United States"
    ents = run(stage, "Rutte berbicara.", published="2020-01-01T10:00:00+07:00")
    assert by_name(ents, "Mark Rutte").role == "Prime Minister of the Netherlands"
