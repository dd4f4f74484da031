"""NER: reading CoNLL files, training a CRF, the packaged Indonesian model, and the
model-plus-rules mention finder."""

from pathlib import Path

import pytest

from warta.entities import ModelMentionFinder, RuleMentionFinder
from warta.errors import InputError
from warta.geo.gazetteer import gazetteer_for
from warta.ner import evaluate, load_model, packaged_model_path, read_conll, spans, train
from warta.ner.conll import normalise_tag

TRAIN = """Presiden NOUN O
Joko PROPN B-PERSON
Widodo PROPN I-PERSON
tiba VERB O
di ADP O
Bandung PROPN B-PLACE
. PUNCT O

Menteri NOUN O
Sri PROPN B-PER
Mulyani PROPN I-PER
bertemu VERB O
pejabat NOUN O
Bank PROPN B-ORG
Dunia PROPN I-ORG
di ADP O
Surabaya PROPN B-LOC
. PUNCT O
"""


def test_tags_are_normalised_and_spans_read() -> None:
    assert normalise_tag("B-PERSON") == "B-PER" and normalise_tag("I-PLACE") == "I-LOC"
    assert normalise_tag("B-FNB") == "O" and normalise_tag("X") == "O"
    assert spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]) == [
        ("PER", 0, 2), ("LOC", 3, 4), ("ORG", 4, 5)
    ]  # fmt: skip


def test_read_conll(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text(TRAIN, "utf-8")
    sents = read_conll(f)
    assert len(sents) == 2 and sents[0].tags[1:3] == ("B-PER", "I-PER")
    (tmp_path / "empty.txt").write_text("\n\n", "utf-8")
    with pytest.raises(InputError):
        read_conll(tmp_path / "empty.txt")


def test_train_and_tag_a_tiny_model(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text(TRAIN * 5, "utf-8")
    sents = read_conll(f)
    path = train(sents, tmp_path / "m.crfsuite", "id", None)
    model = load_model(path, "id", None)
    scores = evaluate(model, sents)
    assert scores["ALL"].f1 > 0.9  # it fits its own training data
    found = model.find("Presiden Joko Widodo tiba di Bandung .")
    assert ("Joko Widodo", "PER") in {(s.text, s.type) for s in found}


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return gazetteer_for()


def test_packaged_model_finds_names(gaz) -> None:  # type: ignore[no-untyped-def]
    path = packaged_model_path("id")
    assert path is not None and path.stat().st_size < 10_000_000
    model = load_model(path, "id", gaz)
    text = (
        "Juru bicara Badan Nasional Penanggulangan Bencana Abdul Muhari mengatakan "
        "banjir melanda Kabupaten Bekasi."
    )
    found = {(s.text, s.type) for s in model.find(text)}
    assert ("Abdul Muhari", "PER") in found
    assert all(0 < s.confidence <= 1 for s in model.find(text))


def test_model_adds_what_rules_miss_and_keeps_rule_hits(gaz) -> None:  # type: ignore[no-untyped-def]
    rules = RuleMentionFinder(gaz)
    both = ModelMentionFinder(rules, gaz)
    text = "Kepala desa Suparman Wijaya menyebut warga mengungsi ke Jakarta, kata PBB."
    names = {m.text: m for m in both(text, "id")}
    assert names["PBB"].code == "UN"  # the lexicon's reading, with its code
    assert names["Suparman Wijaya"].type == "PERSON"
    assert not ModelMentionFinder(rules, gaz).model("en")  # no English model: rules only


def test_lowercase_text_has_features_of_its_own() -> None:
    from warta.ner.features import is_uncased, sentence_features

    cased = sentence_features(["Joko", "tiba", "di", "Bandung"], "id", None)
    lower = sentence_features(["joko", "tiba", "di", "bandung"], "id", None)
    assert is_uncased(["joko", "tiba"]) and not is_uncased(["Joko", "tiba"])
    assert "bias" in cased[0] and "cap" in cased[0]
    assert all(f.startswith("u") for f in lower[0])  # nothing shared with cased text
    assert "uw=joko" in lower[0]


def test_lowercase_copies_teach_lowercase_text(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text(TRAIN * 5, "utf-8")
    sents = read_conll(f)
    plain = load_model(train(sents, tmp_path / "a.crfsuite", "id", None, lowercase_copies=False),
                       "id", None)  # fmt: skip
    both = load_model(train(sents, tmp_path / "b.crfsuite", "id", None), "id", None)
    text = "presiden joko widodo tiba di bandung ."
    assert ("joko widodo", "PER") not in {(s.text, s.type) for s in plain.find(text)}
    assert ("joko widodo", "PER") in {(s.text, s.type) for s in both.find(text)}
    # and the cased reading is unchanged
    assert ("Joko Widodo", "PER") in {(s.text, s.type) for s in both.find(text.title())}


def test_packaged_model_reads_lowercase_text(gaz) -> None:  # type: ignore[no-untyped-def]
    model = load_model(packaged_model_path("id"), "id", gaz)  # type: ignore[arg-type]
    text = "menteri luar negeri retno marsudi bertemu pejabat pbb di jakarta ."
    found = {(s.text, s.type) for s in model.find(text)}
    assert ("retno marsudi", "PER") in found and ("jakarta", "LOC") in found


def test_model_ends_a_rule_body_name_where_it_sees_a_person(gaz) -> None:  # type: ignore[no-untyped-def]
    both = ModelMentionFinder(RuleMentionFinder(gaz), gaz)
    text = "Hal itu disampaikan juru bicara Dewan Ekonomi Nasional Suparman Wijaya kemarin."
    names = {m.text: m for m in both(text, "id")}
    assert names["Dewan Ekonomi Nasional"].type == "ORG"
    assert names["Suparman Wijaya"].type == "PERSON"
    assert names["Suparman Wijaya"].role == "Spokesperson of Dewan Ekonomi Nasional"
