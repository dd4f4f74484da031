"""Trigger lexicons: ``lang/<code>/triggers.toml`` expanded into surface forms.

A root expands through the language's affix patterns (Indonesian meN-/peN- take the
nasal assimilation table: serang -> menyerang, tembak -> menembak, kirim -> mengirim,
kerah -> mengerahkan/pengerahan), so the data lists roots, not every inflected word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import lang as langdata
from .frames import Frame, LightVerbs, build_frames, extend_light, frame_hits, light_verbs
from .tokens import Token, phrase_key


@dataclass(frozen=True, slots=True)
class Sense:
    """What a trigger form means: PLOVER type, mode, and the voice of this form."""

    type: str
    mode: str | None
    voice: str  # active | passive | past | nominal
    root: str
    # sectors the actor must have for the form to count ("memasuki", "enter": only forces
    # entering a place is an event); empty = any actor
    agents: tuple[str, ...] = ()
    # only written in lower case: a capitalised "March" or "Rally" is a month or a name
    lower: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, Sense]
    phrases: dict[tuple[str, ...], Sense]
    blocked: frozenset[tuple[str, ...]]
    grammar: dict[str, Any]
    frames: tuple[Frame, ...] = ()
    light: LightVerbs | None = None
    # first word -> length of the longest phrase (blocked idiom) it starts: most tokens
    # start none, and their candidate keys are then never built
    phrase_starts: dict[str, int] = field(init=False, repr=False, compare=False)
    blocked_starts: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrase_starts", _starts(self.phrases))
        object.__setattr__(self, "blocked_starts", _starts(self.blocked))


def _starts(keys: Iterable[tuple[str, ...]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in keys:
        if k:
            out[k[0]] = max(out.get(k[0], 0), len(k))
    return out


def _nasal(root: str, prefix: str, table: dict[str, list[Any]], vowels: str = "") -> str:
    """meN-/peN- + root with assimilation: ("meN", "tembak") -> "menembak"; a consonant
    cluster keeps its first letter when ``vowels`` are given ("kritik" -> "mengkritik")."""
    stem = prefix[:-1]  # "me" / "pe"
    rule = table.get(root[0], table.get("*", ["", False]))
    inserted, drop = rule[0], bool(rule[1])
    if drop and vowels and len(root) > 1 and root[1] not in vowels:
        drop = False
    if len(root) <= 3 and root.isalpha():  # monosyllables take "menge-"/"penge-": mengebom
        return stem + "nge" + root
    return stem + inserted + (root[1:] if drop else root)


def expand(root: str, patterns: list[str], grammar: dict[str, Any]) -> dict[str, str]:
    """Surface form -> voice for ``root`` under the named affix patterns."""
    table = grammar.get("patterns", {})
    nasal = grammar.get("nasal", {})
    single = set(grammar.get("degeminate", ()))
    out: dict[str, str] = {}
    for name in patterns:
        if name not in table:
            continue
        prefix, suffix, voice, *rest = table[name]
        drop = rest[0] if rest else ""
        stem = root
        if drop:
            if not root.endswith(drop):
                continue
            stem = root[: -len(drop)]
        if prefix.endswith("N") and nasal:
            word = _nasal(stem, prefix, nasal, grammar.get("cluster_vowels", "")) + suffix
        elif prefix and stem and prefix[-1] == stem[0] and stem[0] in single:
            word = prefix[:-1] + stem + suffix  # ber- + runding -> berunding
        else:
            word = prefix + stem + suffix
        out.setdefault(word, voice)
    return out


@cache
def lexicon(lang: str) -> Lexicon:
    """The trigger lexicon of ``lang`` (empty when the language has no triggers.toml)."""
    data = langdata.load(lang, "triggers")
    grammar = data.get("morphology", {})
    default = grammar.get("default", ["base"])
    words: dict[str, Sense] = {}
    for root, entry in data.get("roots", {}).items():
        # `voice` overrides the voice of the expanded forms; literal `forms` keep their own
        forms = {
            f: entry.get("voice", v)
            for f, v in expand(root, entry.get("affixes", default), grammar).items()
        }
        forms.update(entry.get("forms", {}))
        agents = tuple(entry.get("agents", ()))
        lower = bool(entry.get("lower_case", False))
        for form, voice in forms.items():
            words.setdefault(
                form, Sense(entry["type"], entry.get("mode"), voice, root, agents, lower)
            )
    phrases = {
        phrase_key(p): Sense(
            e["type"], e.get("mode"), e.get("voice", "active"), p, tuple(e.get("agents", ()))
        )
        for p, e in data.get("phrases", {}).items()
    }
    blocked = frozenset(phrase_key(p) for p in data.get("blocked", {}).get("phrases", ()))
    frames = build_frames(
        data.get("frames", {}), lambda root, affixes: expand(root, affixes or default, grammar)
    )
    return Lexicon(words, phrases, blocked, grammar, tuple(frames), light_verbs(grammar))


# types a frame's object noun keeps as an event of its own: "menolak seruan X" (X's call),
# "membalas serangan X" (X's attack)
_IMPLIED = frozenset({"REQUEST", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger found in text: its first and last token index and its sense."""

    first: int
    last: int
    sense: Sense


def find_triggers(toks: list[Token], lex: Lexicon) -> list[Hit]:
    """Trigger hits in a token list: multiword phrases first, blocked idioms skipped."""
    hits: list[Hit] = []
    taken: set[int] = set()
    for i, tok in enumerate(toks):
        for n in range(min(5, lex.blocked_starts.get(tok.low, 0)), 1, -1):
            key = tuple(t.low for t in toks[i : i + n])
            if len(key) == n and key in lex.blocked:
                taken.update(range(i, i + n))
    # verb+object frames first: "lifted the curfew" is a concession, not a curfew
    for a, b, sense in frame_hits(toks, list(lex.frames), lambda *s: Sense(*s)):
        if not taken & set(range(a, b + 1)):
            taken.update(range(a, b + 1))
            if sense.type == "_none":  # a non-event use: "mengirim doa", "sent a signal"
                continue
            hits.append(Hit(a, b, sense))
            # answering a call implies the call: "menolak seruan X", "accepted X's demand"
            # also report X's request, when the text names X (a nominal needs its own actor)
            own = lex.words.get(toks[b].low)
            if own is not None and own.type in _IMPLIED and own.voice == "nominal":
                hits.append(Hit(b, b, own))
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        for n in range(min(5, lex.phrase_starts.get(tok.low, 0)), 1, -1):
            key = tuple(t.low for t in toks[i : i + n])
            if len(key) == n and key in lex.phrases and not taken & set(range(i, i + n)):
                if lex.phrases[key].type != "_none":
                    hits.append(Hit(i, i + n - 1, lex.phrases[key]))
                taken.update(range(i, i + n))
                break
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        sense = lex.words.get(tok.low)
        if sense is not None and not (sense.lower and tok.text != tok.low):
            hits.append(Hit(i, i, sense))
    if lex.light is not None and (lex.light.before or lex.light.after):
        hits = extend_light(toks, hits, lex.light, taken)
    return sorted(hits, key=lambda h: h.first)
