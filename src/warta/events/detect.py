"""Finding event mentions: triggers, their clause, actor and recipient, place, date, status.

Each trigger becomes at most one :class:`Mention`; :mod:`warta.events.merge` folds the
mentions of one happening into one event. A mention whose actor and recipient both stay
unresolved is dropped: a trigger word alone is too weak to report an event.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import DateWindow, Participant, Record, Span
from .dates import default_window, find_dates, reference_date
from .lexicon import Hit, Lexicon, find_triggers, lexicon
from .resolve import mentions_in, participant, state_sector
from .status import status_of
from .tokens import Token, tokenize

# Types whose passive subject is the actor's own means ("pasukan X dikerahkan" = X deploys)
_THEME_ACTOR = frozenset({"MOBILIZE", "AID"})
_BREAK_CHARS = ",;:"
_MAX_PHRASE = 8


@dataclass(frozen=True, slots=True)
class Mention:
    type: str
    mode: str | None
    actor: Participant | None
    recipient: Participant | None
    place: str | None
    date: DateWindow | None
    status: str
    evidence: Span
    trigger: str
    sentence: int
    anaphoric: bool = False  # "the attack", "pengerahan tersebut": refers back to an event


@dataclass(frozen=True, slots=True)
class _Ctx:
    record: Record
    lang: str
    lex: Lexicon
    toks: list[Token]


def clause_bounds(text: str, toks: list[Token], t: int, breaks: set[str]) -> tuple[int, int]:
    """Token range [start, end) of the clause holding token ``t``."""
    start = 0
    for k in range(t, 0, -1):
        if any(c in text[toks[k - 1].end : toks[k].start] for c in _BREAK_CHARS):
            start = k
            break
        if toks[k - 1].low in breaks and k - 1 < t:
            start = k
            break
    end = len(toks)
    for k in range(t + 1, len(toks)):
        if (
            any(c in text[toks[k - 1].end : toks[k].start] for c in _BREAK_CHARS)
            or toks[k].low in breaks
        ):
            end = k
            break
    return start, end


def _phrase(ctx: _Ctx, a: int, b: int) -> Span | None:
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


def _mention_phrase(ctx: _Ctx, a: int, b: int, first: bool = True) -> Participant | None:
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
    ctx: _Ctx, t: int, end: int, markers: set[str], reach: int = 8
) -> Participant | None:
    for k in range(t + 1, min(end, t + reach)):
        if ctx.toks[k].low in markers:
            return _mention_phrase(ctx, k + 1, min(end, k + 1 + _MAX_PHRASE), first=False)
    return None


def _is_passive(ctx: _Ctx, hit: Hit) -> bool:
    if hit.sense.voice == "passive":
        return True
    if hit.sense.voice != "past":
        return False
    aux = set(ctx.lex.grammar.get("passive_aux", ()))
    return any(ctx.toks[k].low in aux for k in range(max(0, hit.first - 2), hit.first))


def _is_nominal(ctx: _Ctx, hit: Hit) -> bool:
    if hit.sense.voice == "nominal":
        return True
    dets = set(ctx.lex.grammar.get("determiners", ()))
    if not dets or hit.first == 0:
        return False
    prev = ctx.toks[hit.first - 1]
    return prev.low in dets or (
        prev.text[:1].isupper() and hit.first > 1 and ctx.toks[hit.first - 2].low in dets
    )


def _between(ctx: _Ctx, hit: Hit, ce: int) -> tuple[Participant | None, Participant | None] | None:
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


def is_anaphoric(ctx: _Ctx, hit: Hit) -> bool:
    """A nominal trigger with a demonstrative ("serangan tersebut", "the attack")."""
    anaphors = set(ctx.lex.grammar.get("anaphors", ()))
    near = [ctx.toks[k].low for k in (hit.first - 1, hit.last + 1) if 0 <= k < len(ctx.toks)]
    return _is_nominal(ctx, hit) and any(w in anaphors for w in near)


def _arguments(
    ctx: _Ctx, hit: Hit, cs: int, ce: int
) -> tuple[Participant | None, Participant | None]:
    g = ctx.lex.grammar
    agents = set(g.get("agent_markers", ()))
    rmarks = set(g.get("recipient_markers", ()))
    t, last = hit.first, hit.last
    pair = _between(ctx, hit, ce)
    if pair:
        return pair
    subject = _mention_phrase(ctx, cs, t)
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


def _place(record: Record, start: int, end: int, trigger_at: int) -> str | None:
    """The most specific place mentioned in [start, end), nearest the trigger."""
    best: tuple[int, int, str] | None = None
    for p in record.places:
        country_level = (p.feature or "").startswith("PCL") or p.precision == "country"
        for m in p.mentions:
            if start <= m.start < end:
                key = (int(country_level), abs(m.start - trigger_at), p.id)
                best = min(best, key) if best else key
    return best[2] if best else None


def _date(
    text: str, pub: str | None, lang: str, s: int, e: int, cs: int, ce: int, at: int, status: str
) -> DateWindow | None:
    found = find_dates(text, s, e, lang, pub)
    inside = [d for d in found if cs <= d.start < ce] or found
    if inside:
        return min(inside, key=lambda d: abs(d.start - at)).window
    return default_window(pub, status)


def detect(record: Record, lang: str) -> list[Mention]:
    """Every codable event mention in the record, in text order."""
    lex = lexicon(lang)
    if not lex.words and not lex.phrases:
        return []
    text = record.article.text
    breaks = set(lex.grammar.get("clause_breaks", ()))
    pub = reference_date(record, lang)
    out: list[Mention] = []
    for si, sent in enumerate(record.sentences):
        toks = tokenize(text, sent.start, sent.end)
        ctx = _Ctx(record, lang, lex, toks)
        done: set[int] = set()  # clauses that already gave an event: one event per clause
        for hit in find_triggers(toks, lex):
            cs, ce = clause_bounds(text, toks, hit.first, breaks)
            if cs in done:
                continue
            actor, recipient = _arguments(ctx, hit, cs, ce)
            anaphoric = False
            if not any(p and (p.code or p.entity) for p in (actor, recipient)):
                if not is_anaphoric(ctx, hit):
                    continue
                anaphoric = True
            done.add(cs)
            actor = state_sector(record, actor, hit.sense.type)
            if ce - cs < 5:
                cs, ce = 0, len(toks)
            ev = Span(toks[cs].start, toks[ce - 1].end, text[toks[cs].start : toks[ce - 1].end])
            status = status_of(toks, hit.first, cs, lang)
            at = toks[hit.first].start
            words = text[at : toks[hit.last].end]
            out.append(
                Mention(
                    hit.sense.type, hit.sense.mode, actor, recipient,
                    _place(record, ev.start, ev.end, at)
                    or _place(record, sent.start, sent.end, at),
                    _date(text, pub, lang, sent.start, sent.end, ev.start, ev.end, at, status),
                    status, ev, words, si, anaphoric,
                )
            )  # fmt: skip
    return out
