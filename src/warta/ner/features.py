"""Token features for the NER model: word form, shape, affixes, neighbours, and whether
the token is inside a known name (states, organisations, titles, sector words, places).

The same function featurises training sentences and article sentences, so a model sees
at run time exactly the kind of features it was trained on; sentences without a capital
letter get a feature set of their own. The lexicons are warta's own (``lang/<code>/*.toml``,
``data/*.toml``) and the gazetteer the entity stage uses.
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


@lru_cache(maxsize=1 << 16)  # the same capitalised words come up sentence after sentence
def _known_place(gazetteer: Gazetteer, phrase: str) -> bool:
    return phrase in gazetteer


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

    uncased = is_uncased(tokens)  # no capitals to go by: every place name counts
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
        if gazetteer is not None and (uncased or t[:1].isupper()):
            for n in range(min(_MAX_PLACE_WORDS, len(tokens) - i), 0, -1):
                words = tokens[i : i + n]
                named = uncased or all(w[:1].isupper() for w in words)
                if named and _known_place(gazetteer, " ".join(words)):
                    mark(starts[i], starts[i + n - 1] + len(words[-1]), "PLACE")
                    break
    return out


def is_uncased(tokens: Sequence[str]) -> bool:
    """A sentence written all in lower case (some corpora, chat, headlines gone through
    a lower-casing scraper): capitals tell nothing there."""
    return not any(t[:1].isupper() for t in tokens)


def _word(tok: str, prefix: str) -> tuple[str, str]:
    low = tok.lower()
    return f"{prefix}w={low}", f"{prefix}shape={shape(tok)}"


# A token's own features, the same wherever it stands. Bounded: a long run meets new
# words all the time, and each entry is a dozen strings.
@lru_cache(maxsize=1 << 14)
def _own(tok: str) -> tuple[list[str], bool, list[str]]:
    """(features up to "cap_at_start", whether the token is capitalised, the rest);
    the word and shape features are the first two after "bias"."""
    low = tok.lower()
    head = ["bias", *_word(tok, ""), f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}",
            f"s3={low[-3:]}", f"len={min(len(tok), 8)}"]  # fmt: skip
    cap = tok[:1].isupper()
    if cap:
        head.append("cap")
    tail = []
    if tok.isupper() and len(tok) > 1:
        tail.append("allcaps")
    if any(c.isdigit() for c in tok):
        tail.append("digit")
    if "-" in tok:
        tail.append("hyphen")
    return head, cap, tail


def sentence_features(
    tokens: Sequence[str], lang: str, gazetteer: Gazetteer | None
) -> list[list[str]]:
    """crfsuite feature strings for every token of a sentence."""
    lex = lexicon_tags(tokens, lang, gazetteer)
    # Lower-case text gets features of its own ("u" prefix): one model holds two, so
    # training on lower-cased copies of sentences teaches it lower-case text without
    # changing what it learns from capitals.
    regime = "u" if is_uncased(tokens) else ""
    n = len(tokens)
    lows = [t.lower() for t in tokens]
    own = [_own(t) for t in tokens]
    feats: list[list[str]] = []
    for i in range(n):
        low = lows[i]
        head, cap, tail = own[i]
        f = head.copy()
        if cap and (i == 0 or tokens[i - 1] in ('"', "“", "(", ":")):
            f.append("cap_at_start")
        f += tail
        # sorted: a set's order follows the per-process string hash, and the order of
        # features changes the last digits of the model's marginals
        f.extend(f"lex={t}" for t in sorted(lex[i]))
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                pre = _PREFIX[off]
                feats_j, cap_j, _ = own[j]
                f += (pre + feats_j[1], pre + feats_j[2])  # its word and shape
                if off == -1 or off == 1:
                    f.extend(f"{off}:lex={t}" for t in sorted(lex[j]))
                    if cap_j:
                        f.append(_CAP_AT[off])
            else:
                f.append(_EDGE[off])
        if i > 0:
            f.append(f"-1|0={lows[i - 1]}|{low}")
        if i + 1 < n:
            f.append(f"0|+1={low}|{lows[i + 1]}")
        feats.append([regime + x for x in f] if regime else f)
    return feats


_PREFIX = {off: f"{off}:" for off in (-2, -1, 1, 2)}
_CAP_AT = {off: f"{off}:cap" for off in (-1, 1)}
_EDGE = {off: f"{off}:edge" for off in (-2, -1, 1, 2)}
