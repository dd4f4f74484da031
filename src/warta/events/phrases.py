"""Phrases around a trigger: the words of an argument, the mention it names, the voice of
the trigger itself (active, passive, nominal, anaphoric).

Language knowledge comes from the ``[morphology]`` table of ``lang/<code>/triggers.toml``:
prepositions, purpose markers and verbal prefixes, determiners and anaphors.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Participant, Record, Span
from .lexicon import Hit, Lexicon
from .resolve import governed, mentions_in, participant
from .tokens import Token, phrase_key

MAX_PHRASE = 8
MAX_TITLE = 5  # words of a capitalised title before a name that a phrase takes in


@dataclass(frozen=True, slots=True)
class Ctx:
    record: Record
    lang: str
    lex: Lexicon
    toks: list[Token]


def phrase(ctx: Ctx, a: int, b: int) -> Span | None:
    """Span of tokens [a, b) with function words trimmed from both edges."""
    trim = set(ctx.lex.grammar.get("phrase_trim", ()))
    while a < b and ctx.toks[a].low in trim:
        a += 1
    while b > a and ctx.toks[b - 1].low in trim:
        b -= 1
    if a >= b:
        return None
    text = ctx.record.article.text
    return Span(
        ctx.toks[a].start, ctx.toks[b - 1].end, text[ctx.toks[a].start : ctx.toks[b - 1].end]
    )


def token_at(toks: list[Token], offset: int) -> int:
    return next((i for i, t in enumerate(toks) if t.end > offset), len(toks))


def mention_phrase(
    ctx: Ctx, a: int, b: int, first: bool = True, free: bool = False
) -> Participant | None:
    """The participant named in tokens [a, b): around its first (or last) entity mention.

    ``free``: only mentions no preposition governs (a subject, not "di Gaza")."""
    if a >= b:
        return None
    found = mentions_in(ctx.record, ctx.toks[a].start, ctx.toks[b - 1].end)
    if free:
        preps = prepositions(ctx)
        text = ctx.record.article.text
        kept = [f for f in found if not governed(text, f[0].start, preps)]
        if found and not kept:  # "polisi di Makassar": the words before the place
            b = min(token_at(ctx.toks, f[0].start) for f in found) - 1
            if b <= a:
                return None
        found = kept
    if found:
        anchor = found[0] if first else found[-1]
        at = token_at(ctx.toks, anchor[0].start)
        lo = max(a, at - 2)
        # a title runs on in capitals ("Menteri Luar Negeri RI", "Wakil Menteri Pertahanan
        # Ruritania"): take it whole, so its office gives the sector
        text = ctx.record.article.text
        while (
            lo > a
            and at - lo < MAX_TITLE
            and ctx.toks[lo - 1].text[:1].isupper()
            and ctx.toks[lo].text[:1].isupper()
            and not text[ctx.toks[lo - 1].end : ctx.toks[lo].start].strip()
        ):
            lo -= 1
        hi = min(b, token_at(ctx.toks, anchor[0].end - 1) + 1)
        span = phrase(ctx, lo, hi)
        return participant(ctx.record, span, ctx.lang, anchor) if span else None
    span = (
        phrase(ctx, max(a, b - MAX_PHRASE), b) if first else phrase(ctx, a, min(b, a + MAX_PHRASE))
    )
    return participant(ctx.record, span, ctx.lang) if span else None


def prepositions(ctx: Ctx) -> frozenset[str]:
    return frozenset(ctx.lex.grammar.get("prepositions", ()))


def purpose_bound(ctx: Ctx, a: int, b: int) -> int:
    """End of an argument phrase opened at ``a``: a purpose clause ("untuk membantu X",
    "to help X") names whom the act is for, not whom it is done to."""
    purpose = set(ctx.lex.grammar.get("purpose_markers", ()))
    return next(
        (k for k in range(a, b - 1) if ctx.toks[k].low in purpose and verb_like(ctx, k + 1)),
        b,
    )


def verb_like(ctx: Ctx, k: int) -> bool:
    """Whether token ``k`` opens a verb phrase: a verbal prefix where the language has them
    ("membantu", "diserang"), else a lower-case word that is no determiner ("help")."""
    g = ctx.lex.grammar
    tok = ctx.toks[k]
    if not tok.text[:1].islower():
        return False
    prefixes = tuple(g.get("verb_prefixes", ()))
    if prefixes:
        return tok.low.startswith(prefixes) and len(tok.low) > 4
    return tok.low not in set(g.get("determiners", ())) | set(g.get("phrase_trim", ()))


def after_marker(
    ctx: Ctx, t: int, end: int, markers: set[str], reach: int = 8, bound: bool = False
) -> Participant | None:
    end = purpose_bound(ctx, t + 1, end) if bound else end
    for k in range(t + 1, min(end, t + reach)):
        if ctx.toks[k].low in markers:
            return mention_phrase(ctx, k + 1, min(end, k + 1 + MAX_PHRASE), first=False)
    return None


def coded(p: Participant | None) -> Participant | None:
    return p if p is not None and (p.code or p.entity) else None


def is_passive(ctx: Ctx, hit: Hit) -> bool:
    if hit.sense.voice == "passive":
        return True
    if hit.sense.voice != "past":
        return False
    aux = set(ctx.lex.grammar.get("passive_aux", ()))
    if any(ctx.toks[k].low in aux for k in range(max(0, hit.first - 2), hit.first)):
        return True
    # "towns shelled by the army": a participle whose agent follows
    after = hit.last + 1
    return after < len(ctx.toks) and ctx.toks[after].low in set(
        ctx.lex.grammar.get("agent_markers", ())
    )


def is_nominal(ctx: Ctx, hit: Hit) -> bool:
    if hit.sense.voice == "nominal":
        return True
    dets = set(ctx.lex.grammar.get("determiners", ()))
    if not dets or hit.first == 0:
        return False
    prev = ctx.toks[hit.first - 1]
    # "the Ruritanian attack" is a noun, but "the Department urged" has a finite verb
    return prev.low in dets or (
        hit.sense.voice != "past"
        and prev.text[:1].isupper()
        and hit.first > 1
        and ctx.toks[hit.first - 2].low in dets
    )


def is_anaphoric(ctx: Ctx, hit: Hit) -> bool:
    """A nominal trigger with a demonstrative ("serangan tersebut", "the attack"), or a
    verb in a relative clause closed by one ("rumah yang dibakar itu"): an event told
    before."""
    g = ctx.lex.grammar
    anaphors = set(g.get("anaphors", ()))
    near = [ctx.toks[k].low for k in (hit.first - 1, hit.last + 1) if 0 <= k < len(ctx.toks)]
    if is_nominal(ctx, hit):
        same = [phrase_key(w) for w in g.get("same_markers", ())]
        around = [t.low for t in ctx.toks[max(0, hit.first - 2) : hit.last + 3]]
        return any(w in anaphors for w in near) or any(
            tuple(around[i : i + len(k)]) == k for k in same for i in range(len(around))
        )
    rel = set(g.get("relativizers", ()))
    return (
        hit.first > 0
        and ctx.toks[hit.first - 1].low in rel
        and any(t.low in anaphors for t in ctx.toks[hit.last + 1 : hit.last + 3])
    )
