"""The entity stage's fast paths give what the plain computations give (invented text).

Each fast path (tokens cut from the whole article, phrase lookups over all tokens at
once, cached token features, the stop list read without justext, the state tables from
the disk cache) is checked against a plain reimplementation of what it replaced.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

import pytest

from warta.entities import lexicon, states
from warta.entities.lexicon import _GLUE_RE, PhraseTable, _norm, _tokens, words
from warta.entities.mentions import stopwords
from warta.ner.features import _own, lexicon_tags, sentence_features, shape
from warta.text import WORD_RE

# Invented text with what the tokeniser treats specially: glued words ("DilansirAPK",
# "ZYPeter"), possessives, hyphens, abbreviations with dots, apostrophes, accents.
PARAGRAPH = (
    "DilansirAPK, Menteri Luar Negeri Ruritania's envoy al-Zahar met O'Neill in Nové "
    "Město on Tuesday. The U.S. delegation and ZYPeter Hollis said the Kementerian "
    "Kelautan would answer. Polisi Ruritania menangkap 12 orang di Kota Baru–Selatan; "
    "Ruritania’s army denied it. KKB dan TNI-AD berjaga di perbatasan sejak 2024.\n"
)
TEXT = PARAGRAPH * 6  # long enough to be tokenised whole and cut into stretches


def _plain_tokens(text: str, start: int, end: int | None) -> tuple[tuple, tuple, tuple, tuple]:
    """Tokens of ``text[start:end]`` as the entity stage computed them before."""
    out = []
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        pos = m.start()
        for piece in _GLUE_RE.split(m.group()):
            if piece:
                out.append((pos, pos + len(piece), piece))
            pos += len(piece)
    normed = tuple(_norm(t) for _, _, t in out)
    return (
        tuple(s for s, _, _ in out),
        tuple(e for _, e, _ in out),
        normed,
        tuple(t.casefold() for t in normed),
    )


def _stretches(text: str, count: int) -> Iterator[tuple[int, int | None]]:
    rng = random.Random(8)
    yield 0, None
    yield 0, 0
    yield len(text), None
    for _ in range(count):
        a = rng.randrange(len(text) + 1)
        yield a, min(len(text), a + rng.randrange(1, 120))
    for _ in range(count // 4):
        yield rng.randrange(len(text)), None


def test_text_is_long_enough_to_be_cut_from_whole_tokens() -> None:
    assert len(TEXT) >= lexicon._WHOLE_FROM


def test_stretch_tokens_match_a_plain_scan() -> None:
    for start, end in _stretches(TEXT, 600):
        assert _tokens(TEXT, start, end) == _plain_tokens(TEXT, start, end), (start, end)


def test_short_text_tokens_match_a_plain_scan() -> None:
    for start, end in _stretches(PARAGRAPH, 200):
        assert _tokens(PARAGRAPH, start, end) == _plain_tokens(PARAGRAPH, start, end)


def test_glued_words_split_and_plain_words_kept() -> None:
    assert [t.group() for t in words("DilansirAPK ZYPeter al-Zahar Ruritania's")] == [
        "Dilansir", "APK", "ZY", "Peter", "al-Zahar", "Ruritania's",
    ]  # fmt: skip


def _plain_find(table: PhraseTable, text: str, start: int = 0, end: int | None = None) -> list:
    """The leftmost-longest scan one token at a time, as ``find`` was written before."""
    starts, ends, normed, folded = _plain_tokens(text, start, end)
    out, i = [], 0
    while i < len(starts):
        longest = max(table._first_exact.get(normed[i], 0), table._first_folded.get(folded[i], 0))
        for n in range(min(longest, len(starts) - i), 0, -1):
            key = normed[i : i + n]
            value = (
                table._exact.get(key)
                if key in table._exact
                else table._folded.get(folded[i : i + n])
            )
            if value is not None:
                out.append((starts[i], ends[i + n - 1], value))
                i += n
                break
        else:
            i += 1
    return out


def test_find_matches_the_plain_scan() -> None:
    table: PhraseTable[str] = PhraseTable(
        [("Ruritania", "RUR"), ("Kementerian Kelautan", "KKP"), ("KKB", "KKB"),
         ("Nové Město", "NM"), ("Menteri Luar Negeri", "FM"), ("Menteri", "M"),
         ("U.S.", "USA"), ("Peter Hollis", "PH"), ("Kota Baru", "KB"), ("TNI-AD", "AD"),
         ("army", "ARMY"), ("APK", "APK")]
    )  # fmt: skip
    found = [(h.start, h.end, h.value) for h in table.find(TEXT)]
    assert found == _plain_find(table, TEXT)
    assert {"RUR", "KKP", "KKB", "NM", "FM", "USA", "PH", "KB", "AD", "ARMY", "APK"} <= {
        v for _, _, v in found
    }
    for start, end in _stretches(TEXT, 300):
        got = [(h.start, h.end, h.value) for h in table.find(TEXT, start, end)]
        assert got == _plain_find(table, TEXT, start, end), (start, end)


def test_get_reads_a_phrase_as_find_does() -> None:
    table: PhraseTable[str] = PhraseTable([("Ruritania", "RUR"), ("KKB", "KKB")])
    assert table.get("Ruritania’s") == "RUR"
    assert table.get("ruritania") == "RUR"
    assert table.get("kkb") is None  # an acronym matches only in capitals
    assert table.get("KKB") == "KKB"


def _plain_features(tokens: Sequence[str], lang: str) -> list[list[str]]:
    """``sentence_features`` as it was written before its per-token caches."""

    def word(tok: str, prefix: str) -> list[str]:
        return [f"{prefix}w={tok.lower()}", f"{prefix}shape={shape(tok)}"]

    lex = lexicon_tags(tokens, lang, None)
    regime = "u" if not any(t[:1].isupper() for t in tokens) else ""
    n = len(tokens)
    feats = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        f = ["bias", *word(tok, ""), f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}",
             f"s3={low[-3:]}", f"len={min(len(tok), 8)}"]  # fmt: skip
        if tok[:1].isupper():
            f.append("cap")
            if i == 0 or tokens[i - 1] in ('"', "“", "(", ":"):
                f.append("cap_at_start")
        if tok.isupper() and len(tok) > 1:
            f.append("allcaps")
        if any(c.isdigit() for c in tok):
            f.append("digit")
        if "-" in tok:
            f.append("hyphen")
        f.extend(f"lex={t}" for t in sorted(lex[i]))
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(word(tokens[j], f"{off}:"))
                if abs(off) == 1:
                    f.extend(f"{off}:lex={t}" for t in sorted(lex[j]))
                    if tokens[j][:1].isupper():
                        f.append(f"{off}:cap")
            else:
                f.append(f"{off}:edge")
        if i > 0:
            f.append(f"-1|0={tokens[i - 1].lower()}|{low}")
        if i + 1 < n:
            f.append(f"0|+1={low}|{tokens[i + 1].lower()}")
        feats.append([regime + x for x in f] if regime else f)
    return feats


@pytest.mark.parametrize(
    "sentence",
    [
        'Menurut " Juru Bicara Polri , Brigjen Tono Sastro , KKB menyerang 3 pos TNI-AD .',
        "( Presiden Ruritania ) : Rusia dan Amerika Serikat sepakat di Jakarta",
        "polisi menangkap dua orang di jakarta pada 2024 .",
        "X",
    ],
)
def test_sentence_features_match_the_plain_ones(sentence: str) -> None:
    tokens = sentence.split()
    for _ in range(2):  # the second time from the caches
        assert sentence_features(tokens, "id", None) == _plain_features(tokens, "id")


def test_cached_token_features_are_not_shared_lists() -> None:
    first = sentence_features(["Ruritania", "menang"], "id", None)
    first[0].append("mutated")
    assert "mutated" not in sentence_features(["Ruritania", "menang"], "id", None)[0]
    assert _own("Ruritania")[0][1:3] == ["w=ruritania", "shape=Xx"]


def test_stopwords_are_justexts_list() -> None:
    justext = pytest.importorskip("justext")
    assert stopwords("id") == frozenset(justext.get_stoplist("Indonesian"))
    assert stopwords("en") == frozenset(justext.get_stoplist("English"))
    assert "selama" in stopwords("id")


def test_state_tables_from_the_disk_cache_match_a_fresh_build(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    fresh = states._state_table("id")
    for built in (states.state_table.__wrapped__("id"), states.state_table.__wrapped__("id")):
        assert len(built) == len(fresh)
        assert built._folded == fresh._folded and built._exact == fresh._exact
    assert any(p.name.startswith("states-id-") for p in tmp_path.iterdir())  # written, then read
    assert states.alpha2_to_alpha3.__wrapped__()["ID"] == "IDN"
    assert states.canonical_names.__wrapped__()["PRK"] == "North Korea"


def test_a_lone_surname_of_a_person_named_before_is_that_person() -> None:
    from warta.entities.mentions import RuleMentionFinder
    from warta.geo.gazetteer import gazetteer_for

    text = (
        "Menteri Luar Negeri Ruritania Bartolomeus Kerrigan tiba di Jakarta. "
        "Setelah itu Kerrigan bertemu wartawan."
    )
    found = RuleMentionFinder(gazetteer_for())(text, "id")
    lone = [m for m in found if m.text == "Kerrigan" and m.start > text.index(".")]
    assert lone and lone[0].type == "PERSON" and lone[0].kind == "surname?"
