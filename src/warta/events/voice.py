"""Claims without a cue of their own: quotes that run on, statements after "X said:", and
first-person press-release prose ("We call on ...", "I welcome ...").

Reporting cues find the sentence that names a speaker; news then often keeps quoting the
same person for several sentences or paragraphs, and a government statement speaks in
its own voice ("we") throughout. Every such sentence is a claim of that speaker, one claim
per sentence, so each statement can be matched to the events it is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..records import Claim, Event, Participant, Range, Record, Span, Speaker
from .resolve import person_code, state_sector
from .tokens import Token, phrase_key, tokenize

_QUOTE_RE = re.compile(r"“[^”]{3,3000}”|\"[^\"]{3,3000}\"")
_STATEMENT_PARAGRAPHS = 12  # "X said:" then the statement, paragraph breaks doubled
_RUN_ON_PARAGRAPHS = 2  # a bare quoted paragraph belongs to a speaker named this recently
_STATEMENT_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "AGREE"})


def quoted(text: str) -> list[Range]:
    """Ranges of ``text`` inside paired quotation marks (marks included)."""
    return [Range(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def _paragraph(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _inside(r: Range, ranges: list[Range]) -> Range | None:
    mid = (r.start + r.end) // 2
    return next((q for q in ranges if q.start <= mid < q.end), None)


def _first_person(toks: list[Token], words: set[str], reach: int = 4) -> int | None:
    """Index of a first-person pronoun among the first words of a clause."""
    return next((i for i, t in enumerate(toks[:reach]) if t.low in words), None)


def document_voice(record: Record) -> Speaker | None:
    """Who a statement speaks for: the actor of a statement act in its first sentence
    ("The United States strongly condemns ...", "Foreign Secretary X welcomes ..."); a
    release that opens by narrating fighting has no voice of its own."""
    if not record.sentences:
        return None
    first = record.sentences[0]
    for ev in record.events:
        if ev.type not in _STATEMENT_TYPES or ev.actor is None or not ev.actor.entity:
            continue
        if any(first.start <= s.start < first.end for s in ev.evidence):
            return Speaker(ev.actor.text, ev.actor.entity)
    return None


def _stance(toks: list[Token], demands: set[tuple[str, ...]]) -> str:
    lows = [t.low for t in toks]
    for key in demands:
        n = len(key)
        if any(tuple(lows[i : i + n]) == key for i in range(len(lows) - n + 1)):
            return "demand"
    return "assert"


def run_on_claims(
    record: Record, tab: dict, claims: list[Claim], date_of: Callable[[Range], str | None]
) -> list[Claim]:
    """Claims for sentences that continue a speaker's quote or statement, added to
    ``claims`` in text order (ids renumbered)."""
    text = record.article.text
    quotes = quoted(text)
    first = set(tab["first_person"])
    demands = {k for k, s in tab["cues"]["before"].items() if s == "demand"} | {
        phrase_key(w) for w in tab["demand_modals"]
    }
    voice = document_voice(record) if first else None
    taken = [(c.content.start, c.content.end) for c in claims]
    added: list[Claim] = []
    ordered = sorted(claims, key=lambda c: c.content.start)
    for sent in record.sentences:
        if any(s < sent.end and sent.start < e for s, e in taken):
            continue
        toks = tokenize(text, sent.start, sent.end)
        if len(toks) < 4:
            continue
        before = [c for c in ordered if c.content.end <= sent.start]
        prev = before[-1] if before else None
        quote = _inside(sent, quotes)
        speaker: Speaker | None = None
        if quote and prev:
            same_quote = quote.start <= prev.content.end and prev.content.start < quote.end
            near = _paragraph(text, sent.start) - _paragraph(text, prev.content.end)
            if same_quote or (
                text[quote.start - 1 : quote.start] in ("", "\n") and near <= _RUN_ON_PARAGRAPHS
            ):
                speaker = prev.speaker
        elif (
            prev
            and _introduces(text, prev)  # "The Foreign Secretary said:"
            and _paragraph(text, sent.start) - _paragraph(text, prev.content.end)
            <= _STATEMENT_PARAGRAPHS
        ):
            speaker = prev.speaker
        elif quote is None and voice and _first_person(toks, first) is not None:
            speaker = voice
        if speaker is None:
            continue
        content = Span(sent.start, sent.end, text[sent.start : sent.end])
        added.append(
            Claim("", speaker, _stance(toks, demands), "", content, date_of(sent), ())  # type: ignore[arg-type]
        )
    kept = [c for c in claims if not _introduces(text, c)]
    merged = sorted([*kept, *added], key=lambda c: c.content.start)
    return [replace(c, id=f"c{i + 1}") for i, c in enumerate(merged)]


def _introduces(text: str, claim: Claim) -> bool:
    """A claim that is only its cue, ending its paragraph with a colon ("X said:")."""
    end = claim.content.end
    return claim.content.text == claim.cue and text[end : end + 1] == ":"


def speakers_as_actors(
    record: Record, claims: tuple[Claim, ...], lang: str, first: set[str]
) -> tuple[Event, ...]:
    """Events told in the first person ("Kami menyambut baik ...", "We urge ...") get the
    claim's speaker as their actor when they have none."""
    by_id = {e.id: e for e in record.entities}
    text = record.article.text
    out = []
    for ev in record.events:
        if ev.actor is not None and (ev.actor.code or ev.actor.entity):
            out.append(ev)
            continue
        span = ev.evidence[0]
        toks = tokenize(text, span.start, span.end)
        at = _first_person(toks, first, reach=6)
        claim = next(
            (
                c
                for c in claims
                if c.content.start <= span.start < c.content.end and c.speaker.entity
            ),
            None,
        )
        if at is None or claim is None:
            out.append(ev)
            continue
        ent = by_id.get(claim.speaker.entity or "")
        code = ent.code if ent else None
        if code is None and ent is not None and ent.type == "PERSON":
            code = person_code(record, ent, lang)
        actor = Participant(toks[at].text, claim.speaker.entity, code, ent.sector if ent else None)
        out.append(replace(ev, actor=state_sector(record, actor, ev.type)))
    return tuple(out)
