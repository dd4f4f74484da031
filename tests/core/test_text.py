"""Sentence splitting, tokens and ids."""

from warta.text import doc_id, fold, sentences, tokens


def _split(text: str, lang: str = "id") -> list[str]:
    return [text[r.start : r.end] for r in sentences(text, lang)]


def test_sentences_respect_numbers_abbreviations_and_quotes() -> None:
    text = (
        'Sedikitnya 1.500 tentara tiba. "Kami siap," kata Dr. Budi di Jl. Merdeka.\n\n'
        "Paragraf kedua dimulai di sini! Benarkah? Ya."
    )
    assert _split(text) == [
        "Sedikitnya 1.500 tentara tiba.",
        '"Kami siap," kata Dr. Budi di Jl. Merdeka.',
        "Paragraf kedua dimulai di sini!",
        "Benarkah?",
        "Ya.",
    ]


def test_english_abbreviations_and_initials() -> None:
    text = "Gen. Smith met Mr. J. Doe in the U.S. capital. They talked."
    assert _split(text, "en") == ["Gen. Smith met Mr. J. Doe in the U.S. capital.", "They talked."]


def test_unknown_language_still_splits() -> None:
    assert len(_split("One. Two.", "xx")) == 2


def test_tokens_and_ids() -> None:
    text = "Korea Utara mengirim 1.500 tentara berminggu-minggu."
    assert [t.text for t in tokens(text)] == [
        "Korea", "Utara", "mengirim", "1.500", "tentara", "berminggu-minggu",
    ]  # fmt: skip
    assert fold("Serangan  Israel\nyang") == fold("seranganIsraelyang")
    assert doc_id("a  b\n") == doc_id("a b") != doc_id("a c")
