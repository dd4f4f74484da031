"""Token features for the NER model: word form, shape, affixes, neighbours, and whether
the token is inside a known name (states, organisations, titles, sector words, places).

The same function featurises training sentences and article sentences, so a model sees
at run time exactly the kind of features it was trained on. The lexicons are warta's own
(``lang/<code>/*.toml``, ``data/*.toml``) and the gazetteer the entity stage uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..entities.knowledge import name_words, org_table, title_table
from ..entities.sectors import sector_of
from ..entities.states import state_table

if TYPE_CHECKING:  # the gazetteer module imports the entity stage, which imports this
    from ..geo.gazetteer import Gazetteer

_MAX_PLACE_WORDS = 3


@lru_cache(maxsize=1 << 16)  # called for every token of every sentence; words repeat a lot
def shape(word: str) -> str:
    """Collapsed word shape: "Jakarta" -> "Xx", "PBB" -> "X", "2014" -> "d"."""
    s = re.sub(r"[A-Z\u00C0-\u00DE]", "X", word)
    s = re.sub(r"[a-z\u00DF-\u00FF]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1", s)


@cache
def _sector(word: str, lang: str) -> str | None:
    return sector_of(word, lang)


def lexicon_tags(tokens: Sequence[str], lang: str, gazetteer: Gazetteer | None) -> list[set[str]]:
    """For each token, the lexicons whose names cover it, with B/I position
    ("B-STATE", "I-ORG", "B-TITLE", "B-PLACE", ...)."""
    out: list[set[str]] = [set() for _ in tokens]
    starts: list[int] = []
    pos = 0
    for t in tokens:
        starts.append(pos)
        pos += len(t) + 1
    text = " ".join(tokens)
    index = {s: i for i, s in enumerate(starts)}

    def mark(start: int, end: int, kind: str) -> None:
        first = index.get(start)
        if first is None:
            return
        i = first
        while i < len(tokens) and starts[i] < end:
            out[i].add(("B-" if i == first else "I-") + kind)
            i += 1

    for hit in state_table(lang).find(text):
        mark(hit.start, hit.end, "STATE" if hit.value.kind != "demonym" else "DEMONYM")
    for hit in org_table().find(text):
        mark(hit.start, hit.end, hit.value.type)
    for hit in title_table(lang).find(text):
        mark(hit.start, hit.end, "TITLE")
    honorifics = name_words(lang).get("honorifics", frozenset())
    for i, t in enumerate(tokens):
        low = t.lower()
        sector = _sector(low, lang) if t.isalpha() else None
        if sector:
            out[i].add("SECTOR")
        if low in honorifics:
            out[i].add("HONORIFIC")
        if gazetteer is not None and t[:1].isupper():
            for n in range(min(_MAX_PLACE_WORDS, len(tokens) - i), 0, -1):
                words = tokens[i : i + n]
                if all(w[:1].isupper() for w in words) and " ".join(words) in gazetteer:
                    mark(starts[i], starts[i + n - 1] + len(words[-1]), "PLACE")
                    break
    return out


def _word(tok: str, prefix: str) -> list[str]:
    low = tok.lower()
    return [f"{prefix}w={low}", f"{prefix}shape={shape(tok)}"]


def sentence_features(
    tokens: Sequence[str], lang: str, gazetteer: Gazetteer | None
) -> list[list[str]]:
    """crfsuite feature strings for every token of a sentence."""
    lex = lexicon_tags(tokens, lang, gazetteer)
    n = len(tokens)
    feats: list[list[str]] = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        f = ["bias", *_word(tok, ""), f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}",
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
        f.extend(f"lex={t}" for t in lex[i])
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(_word(tokens[j], f"{off}:"))
                if abs(off) == 1:
                    f.extend(f"{off}:lex={t}" for t in lex[j])
                    if tokens[j][:1].isupper():
                        f.append(f"{off}:cap")
            else:
                f.append(f"{off}:edge")
        if i > 0:
            f.append(f"-1|0={tokens[i - 1].lower()}|{low}")
        if i + 1 < n:
            f.append(f"0|+1={low}|{tokens[i + 1].lower()}")
        feats.append(f)
    return feats
