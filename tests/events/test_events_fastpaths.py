"""The fast paths of tokens, frames and numbers give what the plain algorithms give.

Each test checks a shortcut (a cache, a first-word index, a pre-check) against a plain
version of the same algorithm written here, on invented text.
"""

import re

import pytest

from warta.events.frames import Frame, frame_hits
from warta.events.lexicon import lexicon
from warta.events.numbers import NumberMatch, parse_digits, read_number, table
from warta.events.tokens import Token, phrase_key, tokenize

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")

TEXTS = [
    "Pasukan itu menyerbu desaKarangsari pada 12.30, kata juru bicaraPolisi.",
    "The iPhoneX ads ran on NATO's McDonald-style billboards; 1,500 don’t care.",
    "ÉCOLE Ñandú straße ABCdef aB Ab 2,5 juta dua-puluh x",
    "",
    "  ...  ",
]


def _plain_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _WORD.finditer(text, start, end):
        word, base = m.group(), m.start()
        cuts = [0, *(g.start() for g in _GLUE.finditer(word)), len(word)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b > a:
                out.append((base + a, base + b, word[a:b], word[a:b].lower()))
    return out


def _rows(toks: list[Token]) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.text, t.low) for t in toks]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_match_the_plain_split(text: str) -> None:
    for start, end in [(0, len(text)), (3, max(3, len(text) - 4)), (len(text) // 2, len(text))]:
        assert _rows(tokenize(text, start, end)) == _plain_tokens(text, start, end)
    assert _rows(tokenize(text)) == _plain_tokens(text, 0, len(text))


def test_glued_words_are_split_with_and_without_the_cache() -> None:
    text = "Serangan militerRuritania menewaskan tiga orang"
    first = [t.text for t in tokenize(text)]
    assert first == ["Serangan", "militer", "Ruritania", "menewaskan", "tiga", "orang"]
    assert [t.text for t in tokenize(text)] == first


def test_cached_tokens_are_a_fresh_list_each_call() -> None:
    text = "Dua kapal berlabuh di pelabuhan baru"
    toks = tokenize(text, 4, len(text))
    toks.pop()
    toks.append(Token(0, 3, "Dua", "dua"))
    again = tokenize(text, 4, len(text))
    assert isinstance(again, list)
    assert [t.text for t in again] == ["kapal", "berlabuh", "di", "pelabuhan", "baru"]


def _plain_match(toks: list[Token], i: int, keys, longest: int = 4) -> int:
    for n in range(longest, 0, -1):
        if i + n <= len(toks) and tuple(t.low for t in toks[i : i + n]) in keys:
            return n
    return 0


def _plain_frame_hits(toks: list[Token], frames: list[Frame]) -> list[tuple[int, int, tuple]]:
    out, i = [], 0
    while i < len(toks):
        found = None
        for fr in frames:
            n = _plain_match(toks, i, fr.verbs)
            if not n:
                continue
            voice = fr.verbs[tuple(t.low for t in toks[i : i + n])]
            for k in range(i + n, min(len(toks), i + n + fr.window)):
                m = _plain_match(toks, k, fr.objects)
                if m:
                    found = (i, k + m - 1, (fr.type, fr.mode, voice, toks[i].low, fr.agents))
                    break
            if found:
                break
        if found:
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


def _frame(type_: str, verbs: dict[str, str], objects: list[str], window: int = 3) -> Frame:
    return Frame(
        type_,
        None,
        {phrase_key(v): voice for v, voice in verbs.items()},
        frozenset(phrase_key(o) for o in objects),
        window,
    )


FRAMES = [
    _frame("SANCTION", {"froze": "active", "cut off": "active"}, ["aid", "food aid"]),
    _frame("CONCEDE", {"lifted": "active", "was lifted": "passive"}, ["the curfew", "ban"]),
    _frame("COOPERATE", {"cut off": "active"}, ["talks"], window=2),  # shadowed verb
]


def test_frames_know_the_first_words_of_their_verbs_and_objects() -> None:
    fr = FRAMES[1]
    assert fr.verb_starts == {"lifted", "was"}
    assert fr.object_starts == {"the", "ban"}
    assert fr == _frame(
        "CONCEDE", {"lifted": "active", "was lifted": "passive"}, ["the curfew", "ban"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "The council froze food aid and lifted the curfew before it cut off talks",
        "They cut off talks, then cut off the remaining aid",  # first frame wins on its window
        "The curfew was lifted the curfew ban",
        "Nothing here starts a frame at all",
        "lifted",
        "",
    ],
)
def test_frame_hits_match_the_plain_scan(text: str) -> None:
    toks = tokenize(text)
    got = frame_hits(toks, FRAMES, lambda *s: s)
    assert got == _plain_frame_hits(toks, FRAMES)


def test_frame_hits_find_what_the_scan_finds() -> None:
    toks = tokenize("The council froze food aid and later cut off talks")
    hits = frame_hits(toks, FRAMES, lambda *s: s)
    assert [(a, b, s[0]) for a, b, s in hits] == [(2, 4, "SANCTION"), (7, 9, "COOPERATE")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pemerintah menghentikan bantuan pangan lalu mencabut jam malam di kota itu", "id"),
        ("The ministry suspended military aid and the governor lifted the night curfew", "en"),
    ],
)
def test_language_frames_match_the_plain_scan(text: str, lang: str) -> None:
    frames = list(lexicon(lang).frames)
    toks = tokenize(text)
    got = frame_hits(toks, frames, lambda *s: s)
    assert got  # the sentences carry frames of the packaged lexicons
    assert got == _plain_frame_hits(toks, frames)


def test_digit_patterns_are_compiled_per_table() -> None:
    assert table("id").grouped.fullmatch("12.500.000,5")
    assert not table("id").grouped.fullmatch("12,500")
    assert table("en").grouped.fullmatch("12,500.5")
    assert parse_digits("12.500.000,5", table("id")) == 12500000.5
    assert parse_digits("12,500", table("id")) == 12.5
    assert parse_digits("3.75", table("en")) == 3.75
    assert parse_digits("1.2.3", table("en")) is None


def _plain_read_number(toks: list[Token], i: int, tab) -> NumberMatch | None:
    for n in range(5, 0, -1):
        key = tuple(t.low for t in toks[i : i + n])
        if len(key) == n and key in tab.phrases:
            return NumberMatch(n, tab.phrases[key], "exact")
        if len(key) == n and key in tab.magnitudes:
            return NumberMatch(n, tab.magnitudes[key], "order_of_magnitude")
    value = parse_digits(toks[i].text, tab)
    if value is not None and i + 1 < len(toks) and toks[i + 1].start == toks[i].end:
        return None
    if value is not None:
        n = 1
        if i + 1 < len(toks) and toks[i + 1].low in tab.multipliers:
            value *= tab.multipliers[toks[i + 1].low]
            n = 2
        return NumberMatch(n, value, "exact")
    total, current, n, seen = 0.0, 0.0, 0, False
    while i + n < len(toks):
        low = toks[i + n].low
        parts = low.split("-") if "-" in low else [low]
        if all(p in tab.units for p in parts):
            current += sum(tab.units[p] for p in parts)
        elif seen and tab.teen and low == tab.teen:
            current += 10
        elif seen and low in tab.multipliers:
            mult = tab.multipliers[low]
            if mult >= 1000:
                total += (current or 1) * mult
                current = 0
            else:
                current = (current or 1) * mult
        else:
            break
        seen = True
        n += 1
    return NumberMatch(n, total + current, "exact") if n else None


def _read(text: str, lang: str) -> dict[str, tuple[int, float, str]]:
    toks, tab = tokenize(text), table(lang)
    out = {}
    for i, tok in enumerate(toks):
        got = read_number(toks, i, tab)
        assert got == _plain_read_number(toks, i, tab), tok.text
        if got is not None:
            out[tok.text] = (got.length, got.value, got.qualifier)
    return out


def test_read_number_at_every_token_indonesian() -> None:
    text = (
        "Puluhan ribu warga, dua belas truk, tiga ratus ribu lima, 1.500 tentara, "
        "2,5 juta orang, setengah juta lebih, 10km, 6b, sebelas-dua"
    )
    values = _read(text, "id")
    assert values["Puluhan"] == (2, 10000, "order_of_magnitude")
    assert values["dua"] == (2, 12, "exact")
    assert values["tiga"] == (4, 300005, "exact")
    assert values["1.500"] == (1, 1500, "exact")
    assert values["2,5"] == (2, 2500000, "exact")
    assert values["setengah"] == (3, 500000, "exact")
    assert values["sebelas-dua"] == (1, 13, "exact")
    assert "10" not in values and "6" not in values  # digits glued to letters: a code
    assert "warga" not in values and "truk" not in values


def test_read_number_at_every_token_english() -> None:
    text = "Half a million people, twenty-five trucks, three hundred guards, 4,200.5 and dozens"
    values = _read(text, "en")
    assert values["Half"] == (3, 500000, "exact")
    assert values["twenty-five"] == (1, 25, "exact")
    assert values["three"] == (2, 300, "exact")
    assert values["4,200.5"] == (1, 4200.5, "exact")
    assert values["dozens"] == (1, 10, "order_of_magnitude")
    assert "people" not in values and "guards" not in values


def test_mentions_and_places_in_a_range_match_the_plain_scan() -> None:
    from helpers_events import make_record

    from warta.events.resolve import mentions_in, place_codes_in

    text = (
        "Presiden Ruritania Adam Kowal bertemu Menteri Freedonia di Kota Lama. "
        "Kowal dan menteri itu membahas Kota Lama, Ruritania Barat dan Freedonia."
    )
    rec = make_record(
        text, "id", "2025-01-01",
        [("Ruritania", "GPE", "RUR", None, ["Ruritania"]),
         ("Adam Kowal", "PERSON", "RUR", "GOV", ["Adam Kowal", "Kowal"]),
         ("Freedonia", "GPE", "FRE", None, ["Freedonia"]),
         ("Kota Lama", "LOC", None, None, ["Kota Lama"])],
        [("Kota Lama", "RUR", ["Kota Lama"]), ("Ruritania Barat", "RUR", ["Ruritania Barat"])],
    )  # fmt: skip
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 7):
            plain = sorted(
                ((m, e) for e in rec.entities if e.type != "LOC" for m in e.mentions
                 if m.start < end and m.end > start),
                key=lambda p: p[0].start,
            )  # fmt: skip
            assert mentions_in(rec, start, end) == plain
            assert place_codes_in(rec, start, end) == sorted(
                (m.start, p.id, p.country) for p in rec.places for m in p.mentions
                if m.start < end and m.end > start
            )  # fmt: skip
