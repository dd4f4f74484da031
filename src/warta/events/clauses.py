"""The clause a trigger stands in: coordination, clauses without a subject of their own,
mutual acts and first-person actors.

"X menyerang Y dan menangkap Z", "..., menewaskan 20 orang", ", and to hold talks with X" all
borrow the sentence's subject; "saling serang" and "clashes between X and Y" are mutual.
"""

from __future__ import annotations

from ..records import Participant
from .lexicon import Hit
from .phrases import (
    Ctx,
    coded,
    is_anaphoric,
    is_nominal,
    mention_phrase,
    token_at,
    verb_like,
)
from .resolve import mentions_in
from .status import modal_words
from .subjects import antecedent, cue_after, fused_speaker
from .tokens import phrase_key


def first_person(ctx: Ctx, cs: int, t: int) -> Participant | None:
    """A first-person subject right before the trigger ("Kami menyambut baik", "We call
    on"): the speaker acts, and the claims stage knows who speaks."""
    words = frozenset(ctx.lex.grammar.get("acting_first_person", ()))
    for k in range(max(cs, t - 3), t):
        if ctx.toks[k].low in words:
            return Participant(ctx.toks[k].text)
    return None


def addressee(ctx: Ctx, cs: int, t: int) -> Participant | None:
    """A second-person subject in a sentence that opens by addressing someone ("Secretary
    X, did you discuss ...", "Pak Menteri Y, apakah Anda membahas ..."): that person acts."""
    words = frozenset(ctx.lex.grammar.get("second_person", ()))
    you = next((k for k in range(max(cs, t - 3), t) if ctx.toks[k].low in words), None)
    if you is None:
        return None
    text = ctx.record.article.text
    if "?" not in text[ctx.toks[-1].end : ctx.toks[-1].end + 2]:
        return None  # "Menurut X, Anda perlu ...": advice to the reader, not a question to X
    for m, e in mentions_in(ctx.record, ctx.toks[0].start, ctx.toks[you].start):
        opening = text[ctx.toks[0].start : m.start].split()
        if (
            e.type == "PERSON"
            and text[m.end : m.end + 1] == ","
            and all(w[:1].isupper() for w in opening)  # "QUESTION: Secretary X,"
        ):
            return Participant(m.text, e.id, e.code, e.sector)
    return None


def mutual(ctx: Ctx, hit: Hit) -> bool:
    """A reciprocal act: "saling serang", "saling melancarkan serangan", "fought each
    other"; either side is actor and recipient."""
    g = ctx.lex.grammar
    marks = {phrase_key(w) for w in g.get("reciprocal", ())}
    lo, hi = max(0, hit.first - 2), min(len(ctx.toks), hit.last + 4)
    lows = [t.low for t in ctx.toks[lo:hi]]
    if any(tuple(lows[i : i + len(m)]) == m for m in marks for i in range(len(lows))):
        return True
    between = set(g.get("between_markers", ()))  # "bentrokan antara X dan Y"
    return any(t.low in between for t in ctx.toks[hit.last + 1 : hit.last + 5])


def other_party(ctx: Ctx, cs: int, t: int, actor: Participant | None) -> Participant | None:
    """The second of two coordinated subjects ("Israel dan Iran saling ...")."""
    if actor is None or not actor.code:
        return None
    found = mentions_in(ctx.record, ctx.toks[cs].start, ctx.toks[t - 1].end) if cs < t else []
    for m, e in found:
        if e.code and e.code != actor.code:
            k = token_at(ctx.toks, m.start)
            return mention_phrase(ctx, k, min(t, k + 3))
    return None


def bare_clause(ctx: Ctx, hit: Hit, cs: int) -> bool:
    """Whether a verb trigger opens its clause with no subject of its own (", and to meet
    with X", ", menewaskan 20 orang"): the subject is the sentence's."""
    g = ctx.lex.grammar
    if hit.first == 0 or hit.sense.voice == "passive":
        return False
    if is_nominal(ctx, hit):  # "..., menyusul pertemuan dengan X": the subject met X
        # (a few plain words may come between: "after fierce fighting", "five days of")
        breaks = set(g.get("clause_breaks", ()))
        marked = bool(g.get("verb_prefixes"))  # where verbs show, none may come between
        plain = all(
            t.text[:1].islower() and not (marked and verb_like(ctx, k))
            for k, t in enumerate(ctx.toks[cs : hit.first], cs)
        )
        return (
            0 < cs
            and hit.first - cs <= 3
            and plain
            and ctx.toks[cs - 1].low in breaks
            and not is_anaphoric(ctx, hit)
        )
    k = hit.first - 1
    if k > 0 and ctx.toks[k].low in set(g.get("coordinator_adverbs", ())):
        k -= 1
    if ctx.toks[k].low in set(g.get("coordinators", ())):
        cs = max(cs, k + 1)  # "X memperingatkan ... dan menyerukan": X does both
    elif cs == 0 or hit.first - cs > 3:
        return False
    rel = set(g.get("relativizers", ()))
    if any(t.low in rel for t in ctx.toks[max(0, cs - 1) : hit.first]):
        return False  # "an attack that killed ...": the noun before is the subject
    # only function words before the verb: ", and to meet", ", lalu akan menyerang"
    small = _function_words(ctx)
    return all(t.low in small for t in ctx.toks[cs : hit.first])


def _function_words(ctx: Ctx) -> frozenset[str]:
    g = ctx.lex.grammar
    keys = ("coordinators", "coordinator_adverbs", "phrase_trim", "purpose_markers")
    return frozenset(w for k in keys for w in g.get(k, ())) | modal_words(ctx.lang)


def named_speaker(ctx: Ctx, cs: int) -> Participant | None:
    """The speaker named after a cue before clause start ``cs`` ('"...," kata Budi,
    berjanji untuk ...': Budi promises)."""
    after = cue_after(ctx.toks, cs, ctx.lang)
    return coded(mention_phrase(ctx, after, min(cs, after + 4))) if after else None


def main_subject(ctx: Ctx, cs: int) -> Participant | None:
    """The subject of the sentence's first clause: a free name before its first break."""
    breaks = set(ctx.lex.grammar.get("clause_breaks", ()))
    text = ctx.record.article.text
    end = cs
    for k in range(1, cs):
        if ctx.toks[k].low in breaks or "," in text[ctx.toks[k - 1].end : ctx.toks[k].start]:
            end = k
            break
    found = coded(mention_phrase(ctx, 0, end, free=True))
    cue = fused_speaker(ctx.toks, cs, ctx.lang) if found is None else None
    if cue is not None:  # '"...," ujarnya, sambil mendesak PBB': the speaker urges
        found = coded(antecedent(ctx.record, ctx.toks, cue, cue + 1, ctx.lang))
    return found


def coordinator(ctx: Ctx, prev: Hit, hit: Hit) -> int | None:
    """Index of the coordinator joining verb ``hit`` to the earlier trigger ``prev`` of its
    clause ("menyerang X dan menangkap Y", "attacked X and then seized Y"), else ``None``."""
    g = ctx.lex.grammar
    coords, adverbs = set(g.get("coordinators", ())), set(g.get("coordinator_adverbs", ()))
    if hit.first <= prev.last + 1 or is_nominal(ctx, hit) or hit.sense.voice == "nominal":
        return None
    k = hit.first - 1
    if k > prev.last and ctx.toks[k].low in adverbs:  # "dan kemudian menangkap", "and then"
        k -= 1
    return k if k > prev.last and ctx.toks[k].low in coords else None
