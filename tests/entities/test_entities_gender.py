"""A gendered pronoun joins the most recent person of its gender (invented text)."""

import re

from helpers_entities import entities_of

from warta.entities import EntityStage
from warta.entities.link import link, pronoun_fits
from warta.entities.mentions import Mention
from warta.pipeline import _REGISTRY, _load_builtin_stages
from warta.records import Article, Entity, Record
from warta.settings import Settings
from warta.text import sentences


def run(stage: EntityStage, text: str, lang: str = "en") -> tuple[Entity, ...]:
    return entities_of(stage, text, lang)


def owner(ents: tuple[Entity, ...], text: str, word: str, nth: int = 0) -> str | None:
    """The name of the entity the ``nth`` mention written ``word`` belongs to."""
    at = [i for i in range(len(text)) if text.startswith(word, i)][nth]
    return next((e.name for e in ents for m in e.mentions if m.start == at), None)


def names(text: str, *written: str, pronouns: tuple[str, ...] = ()) -> list[Mention]:
    """Person mentions of ``written`` (each at its first place not yet taken) and of every
    whole-word pronoun in ``pronouns``, sorted, as the mention finder gives them."""
    out: list[Mention] = []
    for w in written:
        at = text.index(w)
        while any(m.start <= at < m.end for m in out):
            at = text.index(w, at + 1)
        out.append(Mention(at, at + len(w), w, "PERSON", w))
    for m in re.finditer(r"\b(" + "|".join(pronouns) + r")\b", text) if pronouns else ():
        out.append(Mention(m.start(), m.end(), m.group(), "PERSON", "", kind="pronoun"))
    return sorted(out, key=lambda m: m.start)


def linked(text: str, *written: str, pronouns: tuple[str, ...] = ("he", "she", "He", "She"),
           lang: str = "en") -> tuple[Entity, ...]:  # fmt: skip
    return link(names(text, *written, pronouns=pronouns), None, text, lang)


def test_pronoun_skips_the_nearer_person_of_the_other_gender(stage: EntityStage) -> None:
    text = ("Foreign Minister Maria Okafor met Defence Minister Peter Lindqvist in Oslo on "
            "Monday. She said the talks went well, and he agreed.")  # fmt: skip
    ents = run(stage, text)
    assert owner(ents, text, "She") == "Maria Okafor"
    assert owner(ents, text, " he ") is None  # the space before it
    assert owner(ents, text, "he agreed") == "Peter Lindqvist"


def test_given_name_table() -> None:
    text = "Maria Okafor met Peter Lindqvist. She spoke first. He spoke next."
    ents = linked(text, "Maria Okafor", "Peter Lindqvist")
    assert owner(ents, text, "She") == "Maria Okafor"
    assert owner(ents, text, "He") == "Peter Lindqvist"


def test_accents_do_not_hide_a_given_name() -> None:
    text = "Ségolène Varan met Bruno Kessel. She spoke first."
    ents = linked(text, "Ségolène Varan", "Bruno Kessel")
    assert owner(ents, text, "She") == "Ségolène Varan"


def test_honorific_before_a_name() -> None:
    text = "Mrs. Tavash greeted Peter Brandt. She spoke first. Mr Ruun met Rosa Kell. He left."
    ents = linked(text, "Tavash", "Peter Brandt", "Ruun", "Rosa Kell")
    assert owner(ents, text, "She") == "Tavash"
    assert owner(ents, text, "He") == "Ruun"


def test_role_noun_in_apposition_after_the_name() -> None:
    text = "Rin Tavash, the company's chairwoman, met Kael Morrow, a local spokesman. She left."
    ents = linked(text, "Rin Tavash", "Kael Morrow")
    assert owner(ents, text, "She") == "Rin Tavash"


def test_kinship_noun_before_the_name() -> None:
    text = "Rin Tavash came with her husband, Kael Tavash. She spoke first."
    ents = linked(text, "Rin Tavash", "Kael Tavash")
    assert owner(ents, text, "She") == "Rin Tavash"


def test_noun_of_someone_else_is_no_evidence() -> None:
    # "Kael, his wife Rin": the wife is Rin; "the wife of Kael": Kael is not the wife
    text = ("Kael Morrow, his wife Rin Tavash, arrived. Anu Brandt, the wife of Kael Morrow, "
            "waved. He spoke.")  # fmt: skip
    ents = linked(text, "Kael Morrow", "Rin Tavash", "Anu Brandt", "Kael Morrow")
    assert owner(ents, text, "He") == "Kael Morrow"


def test_a_pronoun_is_no_evidence_of_gender() -> None:
    # "she" after Avery does not make Avery a woman, or "He" would find no one
    text = "Avery Quill said she was ready. Later Avery Quill met Maria Okafor. He left."
    ents = linked(text, "Avery Quill", "Avery Quill", "Maria Okafor")
    assert owner(ents, text, "she") == "Avery Quill"
    assert owner(ents, text, "He") == "Avery Quill"


def test_no_fitting_person_leaves_the_pronoun_alone() -> None:
    text = "Maria Okafor spoke. He left."
    ents = linked(text, "Maria Okafor")
    assert owner(ents, text, "He") is None


def test_honorific_picks_the_person_a_surname_means() -> None:
    text = "Rosa Delgado and Mateo Delgado arrived. Mrs. Delgado spoke. She was brief."
    ents = linked(text, "Rosa Delgado", "Mateo Delgado", "Delgado")
    assert owner(ents, text, "Delgado", 2) == "Rosa Delgado"


def test_they_and_it_never_join_a_person(stage: EntityStage) -> None:
    text = ("Foreign Minister Maria Okafor met the envoys on Monday. They said it was late. "
            "It rained.")  # fmt: skip
    ents = run(stage, text)
    assert owner(ents, text, "They") is None
    assert owner(ents, text, "It") is None


def test_neutral_pronouns_join_the_most_recent_person() -> None:
    text = "Budi Santoso bertemu Maria Okafor di Jakarta. Ia mengatakan rapat lancar."
    ents = linked(text, "Budi Santoso", "Maria Okafor", pronouns=("Ia",), lang="id")
    assert owner(ents, text, "Ia") == "Maria Okafor"


def test_pronoun_fits_an_entity_by_its_names() -> None:
    text = "Maria Okafor met Avery Quill. She left."
    maria, avery = link(names(text, "Maria Okafor", "Avery Quill"), None, text, "en")
    assert pronoun_fits(maria, "she", text, "en") and not pronoun_fits(maria, "he", text, "en")
    assert pronoun_fits(avery, "he", text, "en") and pronoun_fits(avery, "she", text, "en")
    assert pronoun_fits(maria, "ia", text, "id")


def test_claims_give_a_pronoun_speaker_of_the_right_gender() -> None:
    text = ("Foreign Minister Maria Okafor met Defence Minister Peter Lindqvist in Oslo on "
            "Monday. She said the talks went well. The envoys met Peter Lindqvist later. "
            "They said the talks would go on.")  # fmt: skip
    _load_builtin_stages()
    settings = Settings()
    rec = Record(doc_id="t", article=Article(text=text, language="en"),
                 sentences=sentences(text, "en"))  # fmt: skip
    for name in ("entities", "places", "quantities", "events", "claims"):
        rec = _REGISTRY[name](settings)(rec)
    people = {e.id: e.name for e in rec.entities if e.type == "PERSON"}
    speakers = {c.speaker.text: people.get(c.speaker.entity or "") for c in rec.claims}
    assert speakers.get("She") == "Maria Okafor"
    assert "They" not in speakers or speakers["They"] is None
