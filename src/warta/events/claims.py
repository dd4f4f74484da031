"""Claim stage: attributed statements (who said what, with which stance) linked to events.

Reporting cues come from ``lang/<code>/reporting.toml``: a cue with its speaker before it
("Rutte mengatakan bahwa ..."), after it (", kata Rutte"; "tambahnya" = the last speaker),
or introducing a source ("menurut X", "according to X"). The content is the clause the
cue governs; an event whose evidence overlaps it is linked both ways.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any, ClassVar

from .. import lang as langdata
from ..records import Claim, Event, Range, Record, Span, Speaker
from ..settings import Settings
from .dates import find_dates, reference_date
from .detect import clause_bounds
from .lexicon import lexicon
from .resolve import mentions_in
from .tokens import Token, phrase_key, tokenize
from .voice import run_on_claims, speakers_as_actors

_MAX_SPEAKER = 8


@dataclass(frozen=True, slots=True)
class _Cue:
    first: int
    last: int
    kind: str  # before | after | source
    stance: str
    after_too: bool  # the same word also works with the speaker after it ("said X")


@cache
def _table(lang: str) -> dict[str, Any]:
    data = langdata.load(lang, "reporting")
    cues = {
        k: {phrase_key(w): s for w, s in data.get(k, {}).items()}
        for k in ("before", "after", "source")
    }
    return {
        "cues": cues,
        "complementizers": set(data.get("complementizers", ())),
        "pronouns": set(data.get("pronouns", ())) | set(data.get("plural_pronouns", ())),
        "trim": set(data.get("speaker_trim", ())),
        "generic": {phrase_key(w) for w in data.get("generic_speakers", ())},
        "first_person": [w.lower() for w in data.get("first_person", ())],
        "demand_modals": list(data.get("demand_modals", ())),
    }


def _find_cues(toks: list[Token], tab: dict[str, Any]) -> list[_Cue]:
    out: list[_Cue] = []
    i = 0
    while i < len(toks):
        best: tuple[int, str, str] | None = None
        for kind in ("source", "before", "after"):
            for n in range(4, 0, -1):
                key = tuple(t.low for t in toks[i : i + n])
                if len(key) == n and key in tab["cues"][kind] and (best is None or n > best[0]):
                    best = (n, kind, tab["cues"][kind][key])
        if best is None:
            i += 1
            continue
        n, kind, stance = best
        key = tuple(t.low for t in toks[i : i + n])
        out.append(_Cue(i, i + n - 1, kind, stance, key in tab["cues"]["after"]))
        i += n
    return out


class ClaimStage:
    name: ClassVar[str] = "claims"
    requires: ClassVar[tuple[str, ...]] = ("entities", "events")
    assigns: ClassVar[tuple[str, ...]] = ("claims",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, record: Record) -> Record:
        lang = record.article.language or self.settings.default_language
        claims = find_claims(record, lang)
        first = set(_table(lang)["first_person"])
        record = replace(record, events=speakers_as_actors(record, claims, lang, first))
        events = tuple(
            replace(ev, claims=tuple(c.id for c in claims if ev.id in c.events))
            for ev in record.events
        )
        return replace(record, claims=claims, events=events)


def _span(text: str, toks: list[Token], a: int, b: int) -> Span | None:
    if a >= b:
        return None
    s, e = toks[a].start, toks[b - 1].end
    return Span(s, e, text[s:e])


def _speaker(
    record: Record, toks: list[Token], a: int, b: int, tab: dict[str, Any], last: Speaker | None
) -> Speaker | None:
    """The speaker named by tokens [a, b), or ``None`` when nobody identifiable is there."""
    text = record.article.text
    while a < b and toks[a].low in tab["trim"]:
        a += 1
    while b > a and toks[b - 1].low in tab["trim"]:
        b -= 1
    a = max(a, b - _MAX_SPEAKER)
    span = _span(text, toks, a, b)
    if span is None:
        return None
    if b - a == 1 and toks[a].low in tab["pronouns"]:
        found = mentions_in(record, span.start, span.end)
        return (
            Speaker(span.text, found[0][1].id)
            if found
            else (last and Speaker(span.text, last.entity))
        )
    found = mentions_in(record, span.start, span.end)
    person = next((e for _, e in found if e.type == "PERSON"), None)
    if found:
        return Speaker(span.text, (person or found[0][1]).id)
    words = [t.low for t in toks[a:b]]
    if any(tuple(words[i : i + len(g)]) == g for g in tab["generic"] for i in range(len(words))):
        return Speaker(span.text, None)
    return None


def find_claims(record: Record, lang: str) -> tuple[Claim, ...]:
    """Claims of the record, ids c1, c2, ... in text order."""
    tab = _table(lang)
    if not any(tab["cues"].values()):
        return ()
    text = record.article.text
    breaks = set(lexicon(lang).grammar.get("clause_breaks", ()))
    pub = reference_date(record, lang)
    claims: list[Claim] = []
    last: Speaker | None = None
    for sent in record.sentences or (Range(0, len(text)),):
        toks = tokenize(text, sent.start, sent.end)
        prev_end = -10
        for cue in _find_cues(toks, tab):
            if (
                cue.first - prev_end <= 4
                and claims
                and claims[-1].stance == "assert"
                and cue.kind == "before"
            ):
                # "mengatakan ia dapat mengonfirmasi ...": the inner cue sets the stance
                claims[-1] = replace(
                    claims[-1], stance=cue.stance, cue=f"{claims[-1].cue} {toks[cue.first].text}"
                )  # type: ignore[arg-type]
                prev_end = cue.last
                continue
            cs, ce = clause_bounds(text, toks, cue.first, breaks - tab["complementizers"])
            got = _claim(record, toks, cue, cs, ce, tab, last)
            if got is None:
                continue
            speaker, content = got
            window = [d for d in find_dates(text, toks[cs].start, toks[ce - 1].end, lang, pub)]
            cue_text = text[toks[cue.first].start : toks[cue.last].end]
            events = tuple(ev.id for ev in record.events if _overlaps(ev, content))
            day = window[0].window if window else None
            said = day.start if day and day.precision == "day" else None
            claims.append(
                Claim(f"c{len(claims) + 1}", speaker, cue.stance, cue_text, content, said, events)  # type: ignore[arg-type]
            )
            last = speaker if speaker.entity else last
            prev_end = cue.last

    def date_of(r: Range) -> str | None:
        found = find_dates(text, r.start, r.end, lang, pub)
        return next((d.window.start for d in found if d.window.precision == "day"), None)

    claims = run_on_claims(record, tab, claims, date_of)
    return tuple(
        replace(c, events=tuple(ev.id for ev in record.events if _overlaps(ev, c.content)))
        for c in claims
    )


def _claim(
    record: Record,
    toks: list[Token],
    cue: _Cue,
    cs: int,
    ce: int,
    tab: dict[str, Any],
    last: Speaker | None,
) -> tuple[Speaker, Span] | None:
    text = record.article.text
    n = len(toks)
    body_start = cue.last + 1
    if body_start < n and toks[body_start].low in tab["complementizers"]:
        body_start += 1
    if cue.kind == "source":  # "Menurut X, <content>" / "<content>, according to X"
        speaker = _speaker(record, toks, cue.last + 1, ce, tab, last)
        content = _span(text, toks, ce, n) if ce < n else _span(text, toks, 0, cs)
        return (speaker, content) if speaker and content else None
    speaker = _speaker(record, toks, cs, cue.first, tab, last) if cue.kind == "before" else None
    if speaker is None and (cue.kind == "after" or cue.after_too):
        if cue.kind == "after" and toks[cue.first].low.endswith("nya") and last:
            speaker = Speaker(toks[cue.first].text, last.entity)  # "tambahnya": the last speaker
        else:
            speaker = _speaker(record, toks, cue.last + 1, ce, tab, last)
            speaker = speaker or (last if cue.kind == "after" and ce == cue.last + 1 else None)
        if speaker is None:
            return None
        before, after = _span(text, toks, 0, cs), _span(text, toks, ce, n)
        if before and after:
            return speaker, Span(before.start, after.end, text[before.start : after.end])
        content = before or after
        return (speaker, content) if content else None
    if speaker is None:
        return None
    content = _span(text, toks, body_start, n)
    if content is None or n - body_start < 3:  # '"...," the mayor said.': the quote before
        content = _span(text, toks, 0, cs) or content
    if content is None and text[toks[cue.last].end : toks[cue.last].end + 1] == ":":
        # "The Foreign Secretary said:" -- the statement follows; voice.run_on_claims takes it
        content = _span(text, toks, cue.first, cue.last + 1)
    return (speaker, content) if content else None


def _overlaps(ev: Event, content: Span) -> bool:
    return any(s.start < content.end and content.start < s.end for s in ev.evidence)
