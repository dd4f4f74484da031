"""Triggers made of two parts: a verb and the noun it governs.

Two constructions carry an event in a verb that means little alone:

- light verbs: "melakukan serangan", "menggelar unjuk rasa", "conducted a strike",
  "held talks". The noun is a trigger already; the light verb before it makes the whole
  an active verb with the noun's type ("X conducted strikes on Y" = X attacks Y), and a
  light verb after it a passive one ("the raid was conducted by X").
- verb-object frames: a verb whose type depends on its object ("suspended aid" and
  "memutus hubungan" are SANCTION, "lifted the curfew" and "mencabut larangan" CONCEDE,
  "shared intelligence" COOPERATE). ``[frames.<name>]`` in ``triggers.toml`` lists the
  verb roots (expanded by the language's morphology) and the object words.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .tokens import Token, phrase_key


@dataclass(frozen=True, slots=True)
class Frame:
    type: str
    mode: str | None
    verbs: dict[tuple[str, ...], str]  # surface form key -> voice
    objects: frozenset[tuple[str, ...]]
    window: int
    agents: tuple[str, ...] = ()  # sectors the actor must have, as a root's `agents`
    # the hit is the verb alone, the object only licenses it: "melaporkan X ke polisi",
    # "akan merespons X dengan tegas" keep X after the trigger as the recipient
    verb_only: bool = False
    # first words of the verb forms / objects: a token outside them cannot start one
    verb_starts: frozenset[str] = field(init=False, repr=False, compare=False)
    object_starts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verb_starts", frozenset(k[0] for k in self.verbs if k))
        object.__setattr__(self, "object_starts", frozenset(k[0] for k in self.objects if k))


def build_frames(data: dict[str, Any], expand_root: Any) -> list[Frame]:
    """Frames from the ``[frames]`` table; ``expand_root(root, affixes)`` -> {form: voice}."""
    out: list[Frame] = []
    for entry in data.values():
        verbs: dict[tuple[str, ...], str] = {}
        for root in entry.get("verbs", ()):
            for form, voice in expand_root(root, entry.get("affixes")).items():
                verbs.setdefault(phrase_key(form), voice)
        for form in entry.get("verb_forms", ()):
            verbs.setdefault(phrase_key(form), "active")
        objects = frozenset(phrase_key(o) for o in entry.get("objects", ()))
        window, agents = entry.get("window", 4), tuple(entry.get("agents", ()))
        only = bool(entry.get("verb_only", False))
        out.append(Frame(entry["type"], entry.get("mode"), verbs, objects, window, agents, only))
    return out


def _match(toks: list[Token], i: int, keys: Any, longest: int = 4) -> int:
    for n in range(longest, 0, -1):
        if i + n <= len(toks) and tuple(t.low for t in toks[i : i + n]) in keys:
            return n
    return 0


def frame_hits(toks: list[Token], frames: list[Frame], sense_of: Any) -> list[tuple[int, int, Any]]:
    """(first, last, sense) for every verb+object frame in ``toks``, leftmost first."""
    out: list[tuple[int, int, Any]] = []
    # most sentences hold no frame's verb at all: try only frames that could match, and
    # each only at a token that can start one of its verbs
    words = {t.low for t in toks}
    live = [fr for fr in frames if not fr.verb_starts.isdisjoint(words)]
    i = 0
    while live and i < len(toks):
        found = None
        low = toks[i].low
        for fr in live:
            if low not in fr.verb_starts:
                continue
            n = _match(toks, i, fr.verbs)
            if not n:
                continue
            voice = fr.verbs[tuple(t.low for t in toks[i : i + n])]
            for k in range(i + n, min(len(toks), i + n + fr.window)):
                m = _match(toks, k, fr.objects) if toks[k].low in fr.object_starts else 0
                if m:
                    sense = sense_of(fr.type, fr.mode, voice, toks[i].low, fr.agents)
                    found = (i, i + n - 1 if fr.verb_only else k + m - 1, sense)
                    break
            if found:
                break
        if found:
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


def _skip(toks: list[Token], k: int, step: int, skip: set[str], limit: int) -> int:
    """Index after skipping up to ``limit`` filler tokens (determiners, numbers) from ``k``."""
    n = 0
    while 0 <= k < len(toks) and n < limit and (toks[k].low in skip or toks[k].low[0].isdigit()):
        k += step
        n += 1
    return k


@dataclass(frozen=True, slots=True)
class LightVerbs:
    before: frozenset[tuple[str, ...]]  # "melakukan", "carried out"
    after: frozenset[tuple[str, ...]]  # "dilakukan", "carried out" (after a form of be)
    skip: frozenset[str]  # fillers between the two parts: "a", "sebuah", "more than"


def light_verbs(grammar: dict[str, Any]) -> LightVerbs:
    return LightVerbs(
        frozenset(phrase_key(w) for w in grammar.get("light_verbs", ())),
        frozenset(phrase_key(w) for w in grammar.get("light_passive", ())),
        frozenset(grammar.get("light_skip", ())),
    )


def extend_light(toks: list[Token], hits: list[Any], lv: LightVerbs, taken: set[int]) -> list[Any]:
    """Hits widened over a light verb before them (active) or after them (passive)."""
    out = []
    skip = set(lv.skip)
    for h in hits:
        new = h
        k = _skip(toks, h.first - 1, -1, skip, 4)
        for n in range(3, 0, -1):
            a = k - n + 1
            if a >= 0 and k < h.first and tuple(t.low for t in toks[a : k + 1]) in lv.before:
                if not taken & set(range(a, k + 1)):
                    new = replace(h, first=a, sense=replace(h.sense, voice="active"))
                break
        if new is h and h.sense.voice in ("nominal", "active"):
            k = _skip(toks, h.last + 1, 1, skip, 3)
            n = _match(toks, k, lv.after, 3)
            if n and k > h.last:
                new = replace(h, last=k + n - 1, sense=replace(h.sense, voice="passive"))
        out.append(new)
    return out
