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
from functools import cache

from ..records import Claim, Event, Participant, Range, Record, Span, Speaker, Stance
from .resolve import own_voice_state, person_code, state_sector
from .tokens import Token, phrase_key, tokenize

# curly or straight double quotes, and the doubled apostrophes some wire copy types for
# them (''...'', ``...'')
_QUOTE_RE = re.compile(r"“[^”]{3,3000}”|\"[^\"]{3,3000}\"|(?:''|``)(?:(?!'')[^\n]){3,3000}''")
_STATEMENT_PARAGRAPHS = 12  # "X said:" then the statement, paragraph breaks doubled
_MIN_CLAUSE = 4  # words of a statement split off a longer sentence
_QUOTE_MARKS = "\"“'‘"
_RUN_ON_PARAGRAPHS = 2  # a bare quoted paragraph belongs to a speaker named this recently
_PARAGRAPH_LEAD = 12  # words before a claim's content that still open its paragraph
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
    ("The Kingdom of Ruritania firmly rejects ...", "Foreign Secretary X welcomes ..."); a
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


def _stance(toks: list[Token], demands: set[tuple[str, ...]]) -> Stance:
    lows = [t.low for t in toks]
    sizes = {len(key) for key in demands}
    if any(tuple(lows[i : i + n]) in demands for n in sizes for i in range(len(lows) - n + 1)):
        return "demand"
    return "assert"


def demand_keys(tab: dict) -> set[tuple[str, ...]]:
    """Token keys that make a statement a demand: demand cues and modals ("must", "harus")."""
    return {k for k, s in tab["cues"]["before"].items() if s == "demand"} | {
        phrase_key(w) for w in tab["demand_modals"]
    }


def run_on_claims(
    record: Record,
    tab: dict,
    claims: list[Claim],
    date_of: Callable[[Range], str | None],
    sentences: list[tuple[Range, list[Token]]],
    quotes: list[Range],
) -> list[Claim]:
    """Claims for sentences that continue a speaker's quote or statement, added to
    ``claims`` in text order (ids renumbered). ``sentences``: the record's sentences with
    their tokens; ``quotes``: :func:`quoted` of its text."""
    text = record.article.text
    first = set(tab["first_person"])
    demands = tab["demands"]
    voice = document_voice(record) if first else None
    if voice is not None and not _speaks_as_we(sentences, quotes, first):
        voice = None  # a news report whose lead is a statement act, not a statement itself

    @cache
    def new_voice(start: int) -> bool:  # asked of each earlier cue claim, for every sentence
        return _new_voice(text, start, first)

    added: list[Claim] = []
    ordered = sorted(claims, key=lambda c: c.content.start)
    for sent, toks in sentences:
        if len(toks) < 4:
            continue
        quote = _inside(sent, quotes)
        speaker = (
            _quoted_by(text, sent, quote, ordered)
            if quote
            else _statement_by(text, sent, toks, ordered, voice, first, record, new_voice)
        )
        if speaker is None:
            continue
        taken = [c for c in claims if c.content.start < sent.end and sent.start < c.content.end]
        if taken and (
            quote is not None
            or _first_person(toks, first) is None
            or any(_same(c.speaker, speaker) for c in taken)
        ):
            continue  # the sentence has its own cue; "We welcome the report, which found
            # that ...": a first-person sentence is the speaker's even around another's claim
        pieces = clauses(text, toks, tab)
        for a, b in pieces:
            start = toks[a].start if a else sent.start  # a whole sentence keeps its quote marks
            end = toks[b - 1].end if b < len(toks) else sent.end
            content = Span(start, end, text[start:end])
            stance = _stance(toks[a:b], demands)
            added.append(Claim("", speaker, stance, "", content, date_of(sent), ()))
        if quote:  # a quote running over several paragraphs goes on from this one
            ordered = sorted([*ordered, added[-1]], key=lambda c: c.content.start)
    kept = [c for c in claims if not _introduces(text, c)]
    merged = sorted([*kept, *added], key=lambda c: c.content.start)
    return [replace(c, id=f"c{i + 1}") for i, c in enumerate(merged)]


def clauses(text: str, toks: list[Token], tab: dict) -> list[tuple[int, int]]:
    """Token ranges of the statements a sentence strings together: split at a semicolon, a
    spaced dash ("... by the floods – most have had no water") or ", and we ...", a new
    subject after a comma. Each statement is its own claim; short pieces stay joined."""
    subjects = set(tab["first_person"]) | set(tab["pronouns"])
    cuts = [0]
    for k in range(1, len(toks) - 1):
        gap = text[toks[k - 1].end : toks[k].start]
        dash = any(d in gap for d in (" – ", " — ", " -- ")) and toks[k].low not in tab["stops"]
        joined = "," in gap and toks[k].low in tab["coordinators"] and toks[k + 1].low in subjects
        if (";" in gap or dash or joined) and k - cuts[-1] >= _MIN_CLAUSE:
            cuts.append(k)
    if len(toks) - cuts[-1] < _MIN_CLAUSE:
        cuts.pop()
    cuts = cuts or [0]
    return list(zip(cuts, [*cuts[1:], len(toks)], strict=True))


def _same(a: Speaker, b: Speaker) -> bool:
    return a.entity == b.entity if a.entity and b.entity else a.text == b.text


def _quoted_by(text: str, sent: Range, quote: Range, ordered: list[Claim]) -> Speaker | None:
    """Whose quote a sentence inside quotation marks continues: the speaker of the same
    quote before or after it ('"A. B. C," kata X': A and B are X's too), else of the claim
    just before a quote that opens its own paragraph."""
    before = [c for c in ordered if c.content.end <= sent.start]
    prev = before[-1] if before else None
    if prev and quote.start <= prev.content.end and prev.content.start < quote.end:
        return prev.speaker
    nxt = next((c for c in ordered if c.content.start >= sent.end), None)
    if nxt and quote.start <= nxt.content.start < quote.end and nxt.cue:
        return nxt.speaker
    if prev is None or text[quote.start - 1 : quote.start] not in ("", "\n"):
        return None
    if _paragraph(text, sent.start) - _paragraph(text, prev.content.end) <= _RUN_ON_PARAGRAPHS:
        return prev.speaker
    return None


def _statement_by(
    text: str,
    sent: Range,
    toks: list[Token],
    ordered: list[Claim],
    voice: Speaker | None,
    first: set[str],
    record: Record,
    new_voice: Callable[[int], bool],
) -> Speaker | None:
    """Who an unquoted sentence without a cue speaks for: the speaker of a recent
    "X said:" (or a transcript turn "X: ..." in the same paragraph), else the document's
    voice when the sentence says "we" or has the voice as its subject."""
    here = _paragraph(text, sent.start)
    for c in reversed([c for c in ordered if c.content.end <= sent.start]):
        if c.cue == ":" and _paragraph(text, c.content.end) == here:
            return c.speaker  # the rest of a transcript turn
        if _introduces(text, c):
            quoted_block = text[c.content.end + 1 :].lstrip()[:1] in _QUOTE_MARKS
            if here - _paragraph(text, c.content.end) <= _STATEMENT_PARAGRAPHS and not quoted_block:
                return c.speaker  # an unquoted statement; a quoted one ends with its quotes
            break
        if c.cue and new_voice(c.content.start):
            break  # "Meanwhile, Y said that ...": another speaker's paragraph ends the statement
    if voice is None:
        return None
    opening = record.sentences[0].start == sent.start  # the statement act itself is an event
    if any(t.low in first for t in toks) or (
        not opening and _subject_is(record, sent, toks, voice)
    ):
        return voice
    return None


def _new_voice(text: str, start: int, first: set[str]) -> bool:
    """Whether a cue claim whose content starts at ``start`` starts a paragraph of its own
    speaker's, rather than being reported inside the statement ("I welcome the report,
    which found that ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = tokenize(text, line_start, start)
    return len(lead) <= _PARAGRAPH_LEAD and not any(t.low in first for t in lead)


def _subject_is(record: Record, sent: Range, toks: list[Token], voice: Speaker) -> bool:
    """Whether the sentence opens with the voice itself ("The Kingdom of Ruritania remains ...")."""
    if voice.entity is None or not toks:
        return False
    lead = toks[min(2, len(toks) - 1)].end
    return any(
        e.id == voice.entity and any(sent.start <= m.start < lead for m in e.mentions)
        for e in record.entities
    )


def _speaks_as_we(
    sentences: list[tuple[Range, list[Token]]], quotes: list[Range], first: set[str]
) -> bool:
    """Whether the text speaks in its own first person somewhere outside quotation marks
    (a statement or release does; a news report only quotes others doing so)."""
    for _, toks in sentences:
        at = _first_person(toks, first)
        if at is not None and _inside(Range(toks[at].start, toks[at].end), quotes) is None:
            return True
    return False


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
        if at is not None and claim is None and own_voice_state(record):
            # a ministry's release speaks as "we" with no speaker named: the government
            actor = Participant(toks[at].text, None, own_voice_state(record), "GOV")
            out.append(replace(ev, actor=actor))
            continue
        if at is None or claim is None:
            out.append(ev)
            continue
        ent = by_id.get(claim.speaker.entity or "")
        code = ent.code if ent else None
        if code is None and ent is not None and ent.type == "PERSON":
            code = person_code(record, ent, lang)
        actor = Participant(toks[at].text, claim.speaker.entity, code, ent.sector if ent else None)
        recipient = ev.recipient or _counterpart(out, ev.type, code)
        out.append(replace(ev, actor=state_sector(record, actor, ev.type), recipient=recipient))
    return tuple(out)


# what two sides do together: "we reached an agreement" after a meeting is with the other side
_JOINT = {"AGREE", "COOPERATE", "CONSULT"}


def _counterpart(before: list[Event], kind: str, code: str | None) -> Participant | None:
    """The other side of the latest meeting the speaker's state held, for a joint act
    told as "we" with no counterpart ("Kami mencapai kesepakatan ...")."""
    if kind not in _JOINT or code is None:
        return None
    for ev in reversed(before):
        if ev.type != "CONSULT" or ev.actor is None or ev.recipient is None:
            continue
        if ev.actor.code == code and ev.recipient.code not in (None, code):
            return ev.recipient
        if ev.recipient.code == code and ev.actor.code not in (None, code):
            return ev.actor
    return None
