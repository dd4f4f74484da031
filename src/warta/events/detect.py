"""Finding event mentions: triggers, their clause, actor and recipient, place, date, status.

Each trigger becomes at most one :class:`Mention`; :mod:`warta.events.merge` folds the
mentions of one happening into one event. A mention whose actor and recipient both stay
unresolved is dropped: a trigger word alone is too weak to report an event.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import DateWindow, Participant, Record, Span
from .arguments import Ctx, arguments, coordinator, is_anaphoric
from .dates import default_window, find_dates, reference_date
from .instruments import instrument_mode
from .lexicon import Hit, find_triggers, lexicon
from .resolve import state_sector
from .status import status_of
from .tokens import Token, tokenize

_BREAK_CHARS = ",;:"


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
    forward = status in ("planned", "threatened", "hypothetical")
    found = find_dates(text, s, e, lang, pub, ahead=forward)
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
        ctx = Ctx(record, lang, lex, toks)
        # one event per clause, unless a verb is coordinated with the clause's trigger
        done: dict[int, Hit] = {}
        hits = find_triggers(toks, lex)
        for n, hit in enumerate(hits):
            cs, ce = clause_bounds(text, toks, hit.first, breaks)
            subj_end = None
            if cs in done:
                if coordinator(ctx, done[cs], hit) is None:
                    continue
                subj_end = done[cs].first  # "X menyerang Y dan menangkap Z": X does both
            nxt = next(
                (h for h in hits[n + 1 :] if h.first < ce and coordinator(ctx, hit, h)), None
            )
            arg_end = coordinator(ctx, hit, nxt) if nxt else ce
            actor, recipient = arguments(ctx, hit, cs, arg_end or ce, subj_end)
            anaphoric = False
            if not any(p and (p.code or p.entity) for p in (actor, recipient)):
                if not is_anaphoric(ctx, hit):
                    continue
                anaphoric = True
            if hit.sense.agents and not (actor and actor.sector in hit.sense.agents):
                continue  # "memasuki", "enter": an event only when forces do it
            done[cs] = hit
            actor = state_sector(record, actor, hit.sense.type)
            mode = hit.sense.mode or instrument_mode(toks, cs, ce, hit.first, hit.sense.type, lang)
            if ce - cs < 5:
                cs, ce = 0, len(toks)
            ev = Span(toks[cs].start, toks[ce - 1].end, text[toks[cs].start : toks[ce - 1].end])
            status = status_of(toks, hit.first, cs, lang)
            at = toks[hit.first].start
            words = text[at : toks[hit.last].end]
            out.append(
                Mention(
                    hit.sense.type, mode, actor, recipient,
                    _place(record, ev.start, ev.end, at)
                    or _place(record, sent.start, sent.end, at),
                    _date(text, pub, lang, sent.start, sent.end, ev.start, ev.end, at, status),
                    status, ev, words, si, anaphoric,
                )
            )  # fmt: skip
    return out
