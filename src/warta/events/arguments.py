"""Arguments of a trigger: actor and recipient phrases around it, voice and coordination.

Language knowledge comes from the ``[morphology]`` table of ``lang/<code>/triggers.toml``:
agent and recipient markers ("oleh", "by", "terhadap", "against"), whether a nominal's
actor follows it ("serangan Israel") or precedes it ("Israeli strikes"), determiners,
anaphors and coordinators.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..records import Participant, Record, Span
from .lexicon import Hit, Lexicon
from .resolve import mentions_in, participant, sector_of
from .subjects import antecedent, embedding, possessive, pronoun_at
from .tokens import Token
from .voice import quoted

# Types whose passive subject is the actor's own means ("pasukan X dikerahkan" = X deploys)
_THEME_ACTOR = frozenset({"MOBILIZE", "AID"})
_MAX_PHRASE = 8


@dataclass(frozen=True, slots=True)
class Ctx:
    record: Record
    lang: str
    lex: Lexicon
    toks: list[Token]


def _phrase(ctx: Ctx, a: int, b: int) -> Span | None:
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


def _index(toks: list[Token], offset: int) -> int:
    return next((i for i, t in enumerate(toks) if t.end > offset), len(toks))


def _mention_phrase(ctx: Ctx, a: int, b: int, first: bool = True) -> Participant | None:
    """The participant named in tokens [a, b): around its first (or last) entity mention."""
    if a >= b:
        return None
    found = mentions_in(ctx.record, ctx.toks[a].start, ctx.toks[b - 1].end)
    if found:
        m = found[0][0] if first else found[-1][0]
        lo = max(a, _index(ctx.toks, m.start) - 2)
        hi = min(b, _index(ctx.toks, m.end - 1) + 1)
        span = _phrase(ctx, lo, hi)
    else:
        span = (
            _phrase(ctx, max(a, b - _MAX_PHRASE), b)
            if first
            else _phrase(ctx, a, min(b, a + _MAX_PHRASE))
        )
    return participant(ctx.record, span, ctx.lang) if span else None


def _after_marker(
    ctx: Ctx, t: int, end: int, markers: set[str], reach: int = 8
) -> Participant | None:
    for k in range(t + 1, min(end, t + reach)):
        if ctx.toks[k].low in markers:
            return _mention_phrase(ctx, k + 1, min(end, k + 1 + _MAX_PHRASE), first=False)
    return None


def _is_passive(ctx: Ctx, hit: Hit) -> bool:
    if hit.sense.voice == "passive":
        return True
    if hit.sense.voice != "past":
        return False
    aux = set(ctx.lex.grammar.get("passive_aux", ()))
    return any(ctx.toks[k].low in aux for k in range(max(0, hit.first - 2), hit.first))


def _is_nominal(ctx: Ctx, hit: Hit) -> bool:
    if hit.sense.voice == "nominal":
        return True
    dets = set(ctx.lex.grammar.get("determiners", ()))
    if not dets or hit.first == 0:
        return False
    prev = ctx.toks[hit.first - 1]
    return prev.low in dets or (
        prev.text[:1].isupper() and hit.first > 1 and ctx.toks[hit.first - 2].low in dets
    )


def _between(ctx: Ctx, hit: Hit, ce: int) -> tuple[Participant | None, Participant | None] | None:
    """ "bentrokan antara pasukan X dan Y", "clashes between X and Y": X and Y."""
    markers = set(ctx.lex.grammar.get("between_markers", ()))
    for k in range(hit.last + 1, min(ce, hit.last + 5)):
        if ctx.toks[k].low in markers:
            end = min(ce, k + 1 + _MAX_PHRASE)
            found = (
                mentions_in(ctx.record, ctx.toks[k + 1].start, ctx.toks[end - 1].end)
                if k + 1 < end
                else []
            )
            if not found:
                return None
            second = _index(ctx.toks, found[1][0].start) if len(found) > 1 else end
            return _mention_phrase(ctx, k + 1, second), _mention_phrase(ctx, second, end) if len(
                found
            ) > 1 else None
    return None


def is_anaphoric(ctx: Ctx, hit: Hit) -> bool:
    """A nominal trigger with a demonstrative ("serangan tersebut", "the attack")."""
    anaphors = set(ctx.lex.grammar.get("anaphors", ()))
    near = [ctx.toks[k].low for k in (hit.first - 1, hit.last + 1) if 0 <= k < len(ctx.toks)]
    return _is_nominal(ctx, hit) and any(w in anaphors for w in near)


def _subject(ctx: Ctx, cs: int, t: int) -> Participant | None:
    """The subject phrase before token ``t``, seen through a reporting verb ("X said its
    forces ...") and pronouns ("mereka", "the group")."""
    emb = embedding(ctx.toks, cs, t, ctx.lang)
    lo = emb.subject_start if emb else cs
    subject = _mention_phrase(ctx, lo, t) if lo < t else None
    if subject is not None and subject.sector is None:  # "Russian troops": the head follows
        head = _phrase(ctx, max(lo, t - 3), t)
        sector = sector_of(head.text, ctx.lang) if head else None
        subject = replace(subject, sector=sector) if sector else subject
    if subject is None or not (subject.code or subject.entity):
        # the subject right before the verb, not any "it" in the clause; a pronoun inside
        # a quotation speaks from the speaker's side, where our antecedents do not reach
        reach = 4 if emb is not None else int(ctx.lex.grammar.get("pronoun_reach", 2))
        pro = pronoun_at(ctx.toks, lo, t, ctx.lang, emb is not None)
        if pro and (pro[1] < t - reach or _quoted(ctx.record.article.text, ctx.toks[pro[0]].start)):
            pro = None
        ref = antecedent(ctx.record, ctx.toks, pro[0], pro[1], ctx.lang) if pro else None
        if ref is not None:
            return Participant(
                ref.text, ref.entity, ref.code, (subject and subject.sector) or ref.sector
            )
    if emb is None or (subject is not None and (subject.code or subject.entity)):
        return subject
    speaker = _mention_phrase(ctx, max(0, emb.speaker_end - _MAX_PHRASE), emb.speaker_end, False)
    if speaker is None or not (speaker.code or speaker.entity):
        return subject
    if possessive(ctx.toks, lo, t, ctx.lex.grammar):  # "pasukannya", "its forces"
        words = _phrase(ctx, lo, t)
        if words is not None:
            sector = (subject and subject.sector) or sector_of(
                _unpossess(ctx, words.text), ctx.lang
            )
            return Participant(words.text, speaker.entity, speaker.code, sector)
    if subject is None and t - lo <= 2:  # "X mengatakan akan menyerang": X is the subject
        return speaker
    return subject


def _quoted(text: str, at: int) -> bool:
    return any(r.start < at < r.end for r in quoted(text))


def _unpossess(ctx: Ctx, text: str) -> str:
    """``text`` without possessive suffixes ("pasukannya" -> "pasukan")."""
    suffixes = tuple(ctx.lex.grammar.get("possessive_suffixes", ()))
    return " ".join(
        w[: -len(next(x for x in suffixes if w.endswith(x)))]
        if suffixes and w.endswith(suffixes)
        else w
        for w in text.split()
    )


def arguments(
    ctx: Ctx, hit: Hit, cs: int, ce: int, subj_end: int | None = None
) -> tuple[Participant | None, Participant | None]:
    g = ctx.lex.grammar
    agents = set(g.get("agent_markers", ()))
    rmarks = set(g.get("recipient_markers", ()))
    t, last = hit.first, hit.last
    pair = _between(ctx, hit, ce)
    if pair:
        return pair
    subject = _subject(ctx, cs, t if subj_end is None else subj_end)
    after = _mention_phrase(ctx, last + 1, min(ce, last + 1 + _MAX_PHRASE), first=True)
    if _is_passive(ctx, hit):
        actor = _after_marker(ctx, last, ce, agents, reach=4)
        if actor is None and g.get("agent_without_marker") and last + 1 < ce:
            nxt = ctx.toks[last + 1]
            if (
                mentions_in(ctx.record, nxt.start, ctx.toks[min(ce, last + 4) - 1].end)
                and nxt.low not in rmarks
            ):
                actor = _mention_phrase(ctx, last + 1, min(ce, last + 5))
        if actor is None and hit.sense.type in _THEME_ACTOR:
            return subject, _after_marker(ctx, last, ce, rmarks) or None
        return actor, subject
    if _is_nominal(ctx, hit):
        actor = None
        if (
            g.get("nominal_actor") == "after"
            and last + 1 < ce
            and ctx.toks[last + 1].low not in rmarks
        ):
            actor = _mention_phrase(ctx, last + 1, min(ce, last + 4))
        elif g.get("nominal_actor") == "before" and t > cs:
            actor = _mention_phrase(ctx, max(cs, t - 2), t, first=False)
        actor = actor or _after_marker(ctx, last, ce, agents, reach=4)
        if actor is None and not is_anaphoric(ctx, hit):
            actor = subject
        recipient = _after_marker(ctx, last, ce, rmarks)
        return actor, recipient
    recipient = after or _after_marker(ctx, last, ce, rmarks)
    return subject, recipient


def coordinator(ctx: Ctx, prev: Hit, hit: Hit) -> int | None:
    """Index of the coordinator joining verb ``hit`` to the earlier trigger ``prev`` of its
    clause ("menyerang X dan menangkap Y", "attacked X and then seized Y"), else ``None``."""
    g = ctx.lex.grammar
    coords, adverbs = set(g.get("coordinators", ())), set(g.get("coordinator_adverbs", ()))
    if hit.first <= prev.last + 1 or _is_nominal(ctx, hit) or hit.sense.voice == "nominal":
        return None
    k = hit.first - 1
    if k > prev.last and ctx.toks[k].low in adverbs:  # "dan kemudian menangkap", "and then"
        k -= 1
    return k if k > prev.last and ctx.toks[k].low in coords else None
