"""Claim stage: attributed statements (who said what, with which stance) linked to events.

Reporting cues come from ``lang/<code>/reporting.toml``: a cue with its speaker before it
("Rutte mengatakan bahwa ..."), after it (", kata Rutte"; "tambahnya" = the last speaker;
"Ditegaskan Roy, ..."), or introducing a source ("menurut X", "according to X"); a
transcript's "NAME: ..." label is a cue too. The content is the clause the cue governs;
an event whose evidence overlaps it is linked both ways. Who the speaker is, when the
cue's neighbour is not simply a name, is :mod:`warta.events.speakers`' job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any, ClassVar, cast, get_args

from .. import lang as langdata
from ..records import Claim, Event, Range, Record, Span, Speaker, Stance
from ..settings import Settings
from .dates import find_dates, reference_date
from .detect import clause_bounds
from .lexicon import lexicon
from .speakers import (
    Sentence,
    Titles,
    appositive,
    chunks,
    dateish,
    head_speaker,
    inside_quote,
    named,
    person_before,
    subject,
)
from .tokens import Token, phrase_key, tokenize
from .voice import clauses, demand_keys, quoted, run_on_claims, speakers_as_actors

_STANCES: frozenset[str] = frozenset(get_args(Stance))
_ANY_DAY = "2000-01-01"  # resolves dates when a page has none: only *whether* one is there counts
_LABEL_WORDS = 5  # words of a transcript label ("MINISTER HALE:")
_QUOTE_MARKS = '"“”'
_CLOSING = ('"', "”", "''")  # marks that can close a quote ('' in some wire copy)
_ADJUNCT_WORDS = 6  # "at a party rally last week"
_HEARER_WORDS = 4  # "told Fox News", "told a local radio station"
_LONG_ADJUNCT = 10  # ", she said on the radio programme of her old school friend"
_OBJECT_WORDS = 6  # "told reporters in Kyiv that": words between a cue and its "that"
_MAX_AFTER_WORDS = 12  # ", kata juru bicara Badan Pangan Nasional Republik Indonesia X"


@dataclass(frozen=True, slots=True)
class _Cue:
    first: int
    last: int
    kind: str  # before | after | source
    stance: Stance
    after_too: bool  # the same word also works with the speaker after it ("said X")
    clitic: bool = False  # "ujarnya", "menggambarkannya": the pronoun is fused on
    clause_only: bool = False  # a cue only when a clause follows ("menyampaikan bahwa")
    quote_only: bool = False  # a cue only when a quote follows ('called it "a disaster"')


@dataclass(frozen=True, slots=True)
class _Found:
    speaker: Speaker
    content: Span
    cut: int | None = None  # token where the sentence's previous claim now ends (for a
    # transcript turn: where the words after the label start)


def _stance(value: str) -> Stance:
    if value not in _STANCES:
        raise ValueError(f"reporting.toml: unknown stance {value!r}")
    return cast(Stance, value)  # checked against Stance just above


@cache
def _table(lang: str) -> dict[str, Any]:
    data = langdata.load(lang, "reporting")
    cues = {
        k: {phrase_key(w): _stance(s) for w, s in data.get(k, {}).items()}
        for k in ("before", "after", "source", "quote_only")
    }
    quote_only = cues.pop("quote_only")  # before cues that need a quote after them
    cues["before"] = {**quote_only, **cues["before"]}
    complementizers = set(data.get("complementizers", ()))
    breaks = set(lexicon(lang).grammar.get("clause_breaks", ())) - complementizers
    stops = set(data.get("speaker_stops", ()))
    linkers = set(data.get("linkers", ()))
    first_person = [w.lower() for w in data.get("first_person", ())]
    relatives = set(data.get("relatives", ()))
    generic = {phrase_key(w) for w in data.get("generic_speakers", ())}
    # one lookup per phrase; one listed under several kinds is a source, else a before cue
    cue_of = {
        k: (kind, st) for kind in ("after", "before", "source") for k, st in cues[kind].items()
    }
    table: dict[str, Any] = {
        "cues": cues,
        "cue_of": cue_of,
        "cue_firsts": {key[0] for key in cue_of if key},
        "complementizers": complementizers,
        "breaks": breaks,
        "pronouns": set(data.get("pronouns", ())) | set(data.get("plural_pronouns", ())),
        "plural_pronouns": set(data.get("plural_pronouns", ())),
        "possessive": set(langdata.load(lang, "pronouns").get("possessive", ())),
        "lang": lang,
        "trim": set(data.get("speaker_trim", ())),
        "generic": generic,
        "generic_sizes": sorted({len(g) for g in generic}),
        "first_person": first_person,
        "demand_modals": list(data.get("demand_modals", ())),
        "stops": stops,
        "adverbial": breaks | stops,
        "linkers": linkers,
        "coordinators": set(data.get("coordinators", ())),
        "relatives": relatives,
        "determiners": set(data.get("determiners", ())),
        "name_links": set(data.get("name_links", ())),
        "anaphora": {phrase_key(w) for w in data.get("anaphora", ())},
        "clitics": tuple(data.get("clitics", ())),
        "clause_only": {phrase_key(w) for w in data.get("clause_only", ())},
        "quote_only": set(quote_only),
        "pause_before": {phrase_key(w) for w in data.get("pause_before", ())},
        "negations": set(data.get("negations", ())),
        "not_cues": {phrase_key(w) for w in data.get("not_cues", ())},
        "clause_words": set(data.get("not_plain", ())),  # auxiliaries: a clause, not a name
        "addressee": {phrase_key(w) for w in data.get("addressee", ())},
        "not_plain": linkers
        | set(data.get("not_plain", ()))
        | complementizers
        | relatives
        | set(first_person)
        | set(data.get("negations", ())),
    }
    table["demands"] = demand_keys(table)
    return table


def _find_cues(text: str, toks: list[Token], tab: dict[str, Any]) -> list[_Cue]:
    out: list[_Cue] = []
    cue_of, firsts, clitics = tab["cue_of"], tab["cue_firsts"], tab["clitics"]
    lows = [t.low for t in toks]
    i = 0
    while i < len(toks):
        best: tuple[int, str, Stance, bool] | None = None
        low = lows[i]
        if low in firsts:  # the longest phrase of up to 4 words wins
            for n in range(min(4, len(toks) - i), 0, -1):
                got = cue_of.get(tuple(lows[i : i + n]))
                if got is not None:
                    best = (n, got[0], got[1], False)
                    break
        if best is None and low.endswith(clitics):  # "menggambarkannya" = menggambarkan + -nya
            stem = next(low[: -len(c)] for c in clitics if low.endswith(c))
            got = cue_of.get((stem,)) if stem else None
            if got is not None:  # "Menurutnya" = according to him
                best = (1, got[0], got[1], True)
        if best is not None and _negated(text, toks, i, tab):
            # "tak menampik" = did not deny = acknowledged; "tidak menjelaskan": nothing said
            best = (best[0], best[1], "confirm", best[3]) if best[2] == "deny" else None
        if best is None or _proper_noun(text, toks, i) or _not_cue(text, toks, i, tab):
            i += 1
            continue
        n, kind, stance, clitic = best
        key = tuple(lows[i : i + n])
        if (
            key in tab["pause_before"]
            and i
            and not any(c in text[toks[i - 1].end : toks[i].start] for c in ",:" + _QUOTE_MARKS)
        ):
            i += 1  # "bernilai tambah", "sangat jelas": a word, not ', tambah X'
            continue
        only, quote = key in tab["clause_only"], key in tab["quote_only"]
        after_too = key in tab["cues"]["after"]
        out.append(_Cue(i, i + n - 1, kind, stance, after_too, clitic, only, quote))
        i += n
    return out


def _not_cue(text: str, toks: list[Token], i: int, tab: dict[str, Any]) -> bool:
    """A reporting word in a phrase that reports nothing: "adding to his lead", "than
    expected", "is expected to" -- a listed phrase starting at, or ending with, token ``i``,
    its words not parted by punctuation ('"... we are," said X' is a report)."""
    blocked, lows = tab["not_cues"], [t.low for t in toks]

    def phrase(a: int, b: int) -> bool:
        if a < 0 or b > len(toks) or tuple(lows[a:b]) not in blocked:
            return False
        return all(not text[toks[k - 1].end : toks[k].start].strip() for k in range(a + 1, b))

    return any(phrase(i, i + n) or phrase(i + 1 - n, i + 1) for n in (2, 3))


def _negated(text: str, toks: list[Token], i: int, tab: dict[str, Any]) -> bool:
    """ "tidak menjelaskan", "did not say": nothing was claimed ('"... or not," said X'
    is a report: punctuation parts the negation from the cue)."""
    k = i - 1
    while k >= 0 and toks[k].low in tab["trim"]:
        k -= 1
    if k < 0 or toks[k].low not in tab["negations"]:
        return False
    return not any(c in text[toks[k].end : toks[i].start] for c in ",;:.!?" + _QUOTE_MARKS + "'")


def _proper_noun(text: str, toks: list[Token], i: int) -> bool:
    """A cue word capitalised inside a sentence is part of a name ("the United States")."""
    t = toks[i]
    if i == 0 or not t.text[:1].isupper() or t.text.isupper():
        return False
    gap = text[toks[i - 1].end : t.start]
    return not any(c in gap for c in _QUOTE_MARKS + "‘’':(")


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


def find_claims(record: Record, lang: str) -> tuple[Claim, ...]:
    """Claims of the record, ids c1, c2, ... in text order."""
    tab = _table(lang)
    if not any(tab["cues"].values()):
        return ()
    text = record.article.text
    pub = reference_date(record, lang)
    quoted_ranges = quoted(text)
    quotes = [(q.start, q.end) for q in quoted_ranges]
    titles = Titles(record)

    def is_date(start: int, end: int) -> bool:
        return bool(find_dates(text, start, end, lang, pub or _ANY_DAY))

    def date_of(r: Range) -> str | None:
        found = find_dates(text, r.start, r.end, lang, pub)
        return next((d.window.start for d in found if d.window.precision == "day"), None)

    claims: list[Claim] = []
    last: Speaker | None = None
    sents = record.sentences or (Range(0, len(text)),)
    recent: Speaker | None = None
    sent_toks = [tokenize(text, sent.start, sent.end) for sent in sents]
    for k, sent in enumerate(sents):
        toks = sent_toks[k]
        here: list[tuple[int, _Cue]] = []  # (index in claims, cue) of this sentence's claims
        label = _label(Sentence(record, toks, tab, last, is_date, titles), sent)
        if label is not None:
            for a, b in clauses(text, toks[label.cut or 0 :], tab):
                first, end = toks[(label.cut or 0) + a], toks[(label.cut or 0) + b - 1]
                said = Span(first.start, end.end, text[first.start : end.end])
                claims.append(Claim("", label.speaker, "assert", ":", said, date_of(sent)))
            last = _named_last(last, label.speaker)
        cues = _find_cues(text, toks, tab)
        for j, cue in enumerate(cues):
            prev = here[-1] if here else None
            if prev is not None and _refines(text, toks, prev[1], cue, claims[prev[0]], tab):
                # "mengatakan ia dapat mengonfirmasi ...": the inner cue sets the stance
                c = claims[prev[0]]
                cue_text = f"{c.cue} {toks[cue.first].text}"
                claims[prev[0]] = replace(c, stance=cue.stance, cue=cue_text)
                continue
            if cue.kind == "source" and (here or any(c.kind != "source" for c in cues[j + 1 :])):
                # '"...," kata X, dikutip dari Euronews', "Laporan X yang mengutip Y, menyebut":
                # the source relays what the sentence's own speaker says
                continue
            s = Sentence(record, toks, tab, last, is_date, titles, recent)
            before = sents[k - 1] if k else None
            got = _claim(s, cue, claims[prev[0]] if prev else None, prev, quotes, before)
            if got is None:
                continue
            if got.cut is not None and prev is not None:
                claims[prev[0]] = _cut(claims[prev[0]], toks[got.cut].start, text)
            cue_text = text[toks[cue.first].start : toks[cue.last].end]
            cs, ce = clause_bounds(text, toks, cue.first, tab["breaks"])
            window = find_dates(text, toks[cs].start, toks[ce - 1].end, lang, pub)
            day = window[0].window if window else None
            when = day.start if day and day.precision == "day" else None
            here.append((len(claims), cue))
            claims.append(Claim("", got.speaker, cue.stance, cue_text, got.content, when))
            last = _named_last(last, got.speaker)
        recent = claims[here[-1][0]].speaker if here else None

    sentences = list(zip(record.sentences, sent_toks, strict=False))  # no sentences: no run-ons
    claims = run_on_claims(record, tab, claims, date_of, sentences, quoted_ranges)
    return tuple(
        replace(c, events=tuple(ev.id for ev in record.events if _overlaps(ev, c.content)))
        for c in claims
    )


def _named_last(last: Speaker | None, speaker: Speaker) -> Speaker | None:
    """The last speaker after ``speaker``: the same person keeps the fuller name first
    given ("Sri Mulyani" over a later "ia"), one without an entity changes nothing."""
    if speaker.entity is None or (last is not None and last.entity == speaker.entity):
        return last
    return speaker


def _refines(
    text: str, toks: list[Token], prev: _Cue, cue: _Cue, claim: Claim, tab: dict[str, Any]
) -> bool:
    """Whether ``cue`` only sharpens the previous cue's stance ("said he could confirm")."""
    if prev.kind != "before" or cue.kind != "before" or claim.stance != "assert":
        return False
    if not 0 < cue.first - prev.last <= 4:
        return False
    between = toks[prev.last + 1 : cue.first]
    gap = text[toks[prev.last].end : toks[cue.first].start]
    return not any(c in gap for c in ",;:") and not any(t.low in tab["linkers"] for t in between)


def _cut(claim: Claim, at: int, text: str) -> Claim:
    """``claim`` with its content ending before offset ``at`` (a second verb took the rest)."""
    c = claim.content
    if not c.start < at < c.end:
        return claim
    end = at
    while end > c.start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return replace(claim, content=Span(c.start, end, text[c.start : end]))


def _label(s: Sentence, sent: Range) -> _Found | None:
    """A transcript turn: "MINISTER HALE: We agreed on ..." opening a paragraph."""
    text = s.text
    if not sent.start or text[sent.start - 1] != "\n":
        return None  # the headline ("The Latest: ...") is no transcript
    toks = s.toks
    k = next((i for i in range(1, min(len(toks), _LABEL_WORDS + 1)) if ":" in s.gap(i)), None)
    if k is None or not all(t.text[:1].isupper() for t in toks[:k]):
        return None
    if len(toks) - k < 4 or text[: sent.end].rstrip().endswith("?"):
        return None  # a question or a "Thank you." is no statement
    speaker = named(s, 0, k)
    loud = all(t.text.isupper() and len(t.text) > 1 for t in toks[:k])  # "MR KIRBY", "PENCE"
    person = speaker is not None and _is_person(s.record, speaker)
    if not (loud or person):
        return None
    label = s.span(0, k)
    content = s.span(k, len(toks))
    assert label is not None and content is not None
    return _Found(speaker or Speaker(label.text, None), content, k)


def _is_person(record: Record, speaker: Speaker) -> bool:
    return any(e.id == speaker.entity and e.type == "PERSON" for e in record.entities)


def _claim(
    s: Sentence,
    cue: _Cue,
    prev: Claim | None,
    prev_cue: tuple[int, _Cue] | None,
    quotes: list[tuple[int, int]],
    before_sent: Range | None,
) -> _Found | None:
    text, toks, tab = s.text, s.toks, s.tab
    n = len(toks)
    cs, ce = clause_bounds(text, toks, cue.first, tab["breaks"])
    if cue.kind == "source":  # "Menurut X, <content>" / "<content>, according to X"
        if cue.clitic:  # "Menurutnya, ...": the last speaker
            source = s.last or person_before(s.record, toks[cue.first].start)
        else:
            source = named(s, cue.last + 1, ce, plain=True)
        opens = all(t.low in tab["trim"] for t in toks[: cue.first])
        after = s.span(ce, n)
        content = after if opens else _join(text, s.span(0, cs), after)
        if after is None and before_sent and cue.first and _anaphoric(s, 0, cue.first):
            # "That's according to X.": what X says is the sentence before
            content = _whole(text, before_sent)
        return _Found(source, content) if source and content else None
    if cue.kind == "before" and cue.clause_only and not _says_clause(s, cue):
        return None  # "menyampaikan apresiasi": an object, nothing claimed
    quoted_first = (
        cue.kind == "before" and cue.after_too and any(c in s.gap(cue.first) for c in _CLOSING)
    )
    if quoted_first:
        # '"...," said Jane Roe, a teacher who ...', '"...," said the 46-year-old': the
        # words after the cue speak, never a name inside the quote
        if _after(s, cue, ce, plain=True) is None:
            return None
    elif cue.kind == "before":
        got = _before(s, cue, prev, prev_cue, quotes)
        if got is not None:
            return _content_after(s, cue, got[0], got[1], quotes, got[2], before_sent)
    if not (cue.kind == "after" or (cue.after_too and cs > 0)):
        return None
    if cue.first and toks[cue.first - 1].low in tab["relatives"]:
        return None  # "rincian yang disampaikan X": a noun's modifier, not a report
    body = cue.last + 1
    while body < ce and toks[body].low in tab["trim"]:
        body += 1
    agentless = body < n and toks[body].low in tab["complementizers"]  # "Disebutkan bahwa"
    speaker: Speaker | None
    if cue.clitic or (cue.kind == "after" and toks[cue.first].low.endswith("nya")):
        speaker = s.last or person_before(s.record, toks[cue.first].start)  # "ujarnya"
    elif agentless:
        speaker = s.recent  # "Disebutkan juga bahwa": the source of the sentence before
    else:
        speaker = _after(s, cue, ce, plain=quoted_first)
        speaker = speaker or (s.last if cue.kind == "after" and ce == cue.last + 1 else None)
    if speaker is None:
        return None
    if agentless:
        content = s.span(body + 1, n)
        return _Found(speaker, content) if content else None
    said, after = s.span(0, cue.first), s.span(ce, n)
    if (
        said is None
        and before_sent is not None
        and _closes_quote(text, before_sent, toks[0])
        and n - ce <= _ADJUNCT_WORDS
    ):
        # 'A. B!" tulis X, Jakarta, Rabu (18/6).': the sentence split off the quote it
        # closes; only a place or date follows the speaker
        said, after = _whole(text, before_sent), None
    if said is not None and after is None and _anaphoric(s, 0, cue.first) and before_sent:
        # "Hal ini disampaikan oleh X.": what X said is the sentence before
        said = _whole(text, before_sent)
    if cue.kind != "after" and said is not None and cs >= 3:
        after = None  # '"...," said Douglas Holtz-Eakin, an economist who ...': a description
    content = _join(text, said, after)
    return _Found(speaker, content) if content else None


def _closes_quote(text: str, before: Range, first: Token) -> bool:
    """Whether a closing quote mark stands between the sentence before and ``first``."""
    gap = text[max(before.start, before.end - 2) : first.start]
    return any(c in gap for c in _CLOSING) and not any(c.isalnum() or c == "\n" for c in gap)


def _says_clause(s: Sentence, cue: _Cue) -> bool:
    """Whether a clause, a quote or a colon follows the cue (within a short object)."""
    toks, n = s.toks, len(s.toks)
    after = s.text[s.toks[cue.last].end : s.toks[cue.last].end + 3]
    if any(c in after for c in ":," + _QUOTE_MARKS) or cue.last + 1 >= n:
        return True
    window = toks[cue.last + 1 : cue.last + 1 + _OBJECT_WORDS]
    return any(t.low in s.tab["complementizers"] for t in window)


def _whole(text: str, r: Range) -> Span:
    return Span(r.start, r.end, text[r.start : r.end])


def _join(text: str, a: Span | None, b: Span | None) -> Span | None:
    if a is None or b is None:
        return a or b
    return Span(a.start, b.end, text[a.start : b.end])


def _anaphoric(s: Sentence, a: int, b: int) -> bool:
    words = tuple(t.low for t in s.toks[a:b] if t.low not in s.tab["trim"])
    return words in s.tab["anaphora"]


def _before(
    s: Sentence,
    cue: _Cue,
    prev: Claim | None,
    prev_cue: tuple[int, _Cue] | None,
    quotes: list[tuple[int, int]],
) -> tuple[Speaker, int, int | None] | None:
    """(speaker, first token of the speaker's words, token where the previous claim of the
    sentence now ends) for a cue whose speaker comes first."""
    toks, tab = s.toks, s.tab
    lo = prev_cue[1].last + 1 if prev_cue else 0
    parts = chunks(s, lo, cue.first)
    a0, b0 = parts[-1]
    words = {t.low for t in toks[a0:b0]} - tab["trim"]
    joined = cue.first > lo and toks[cue.first - 1].low in tab["linkers"]
    if not words or words <= tab["linkers"] or joined:
        # a second verb of the same subject: "... dan menyerukan", ", adding", "sambil mendesak"
        cut = cue.first - 1 if joined else a0
        if prev is not None:
            return prev.speaker, a0, cut
        found = (
            appositive(s, parts, quotes, False, False) if a0 == b0 else subject(s, parts, quotes)
        )
        return (found[0], found[1], None) if found else None
    if b0 - a0 == 1 and toks[a0].low in tab["relatives"] and len(parts) > 1:
        pa, pb = parts[-2]  # "the audit, which showed that ...": the phrase before "which"
        det = [i for i in range(pa, pb) if toks[i].low in tab["determiners"]]
        phrase = named(s, det[-1] if det else max(pa, pb - 4), pb, plain=True)
        return (phrase, pa, None) if phrase else None
    opened = toks[a0].low in tab["breaks"]  # "setelah militer mengumumkan": a clause of its own
    while a0 < b0 - 1 and toks[a0].low in tab["breaks"]:
        a0 += 1  # "ketika ia menyampaikan": the subordinator is not the speaker
    direct = named(s, a0, b0)
    if not opened and head_speaker(s, a0, b0)[0] is None and len(parts) > 1:
        # a description, a date or a source between the name and the cue
        strict = not dateish(s, a0, b0)
        found = appositive(s, parts, quotes, direct is not None, strict)
        if found is not None:
            return found[0], found[1], None
    inside = inside_quote(s, cue.first, quotes)
    if direct is not None and not (inside and b0 - a0 == 1 and toks[a0].low in tab["pronouns"]):
        return direct, a0, None  # '"... she said one thing, he claimed another"': not a report
    if prev_cue is not None or inside:
        return None  # a verb inside reported words needs a named subject to be a claim
    plain = named(s, a0, b0, plain=True)
    return (plain, a0, None) if plain else None


def _content_after(
    s: Sentence,
    cue: _Cue,
    speaker: Speaker,
    lead: int,
    quotes: list[tuple[int, int]],
    cut: int | None,
    before_sent: Range | None = None,
) -> _Found | None:
    """The content of a cue whose speaker comes first: what follows the cue, or the quote
    that opens the sentence ('"...," the mayor said on X')."""
    toks, text = s.toks, s.text
    n = len(toks)
    body = cue.last + 1
    if body < n and toks[body].low in s.tab["complementizers"]:
        body += 1
    else:
        # "told reporters that ...": the object before the complementizer is not said
        window = range(body, min(n, body + _OBJECT_WORDS))
        k = next((i for i in window if toks[i].low in s.tab["complementizers"]), None)
        if k is not None and not any(c in s.gap(i) for i in range(body + 1, k + 1) for c in ",;:"):
            body = k + 1
    clause = body > cue.last + 1  # a complementizer opens what was said
    content = s.span(body, n)
    opening = next((q for q in quotes if q[0] <= toks[0].start < q[1]), None)
    follows = None if clause else _quote_after(s, body, quotes)
    if cue.quote_only and follows is None:
        return None  # "called the meeting": no words of the speaker's
    if (
        opening is not None
        and cut is None
        and _named_after(text, opening[1], speaker, s.tab["trim"])
    ):
        # '"...," the mayor wrote on X late Friday': the opening quote is what was said
        content = Span(opening[0], opening[1], text[opening[0] : opening[1]])
    elif follows is not None:
        # 'wrote to her followers, "..."', 'called the plan "a disaster"': the quote, up to
        # the sentence's end (a quote's next sentences are claims of their own)
        end = min(follows[1], toks[-1].end)
        content = Span(follows[0], end, text[follows[0] : end])
    elif cut is None and (
        content is None
        or n - body < 3
        or (lead >= 3 and not clause and _placed_only(s, cue, body, lead))
    ):
        # '"...," the mayor said.'; "X is false, lawmakers said Friday": what came before
        content = s.span(0, lead) or content
    elif (
        cut is None
        and lead == 0
        and before_sent is not None
        and _closes_quote(text, before_sent, toks[0])
        and _adjunct(s, body, 0)
    ):
        # '"... votes!" Senator X said as he opened the session.': the quote was split off
        content = _whole(text, before_sent)
    if content is None and text[toks[cue.last].end : toks[cue.last].end + 1] == ":":
        # "The Home Secretary said:" -- the statement follows; voice.run_on_claims takes it
        content = s.span(cue.first, cue.last + 1)
    return _Found(speaker, content, cut) if content else None


def _quote_after(s: Sentence, body: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation opening within a short object after the cue ("told the crowd: "...",
    "called the plan "a disaster""), with nothing said before it."""
    toks = s.toks
    for k in range(body, min(len(toks), body + _OBJECT_WORDS + 1)):
        at = toks[k - 1].end if k else toks[k].start
        q = next((q for q in quotes if at <= q[0] <= toks[k].start), None)
        if q is not None:
            return q
        if toks[k].low in s.tab["complementizers"] or ";" in s.gap(k):
            return None
    return None


def _named_after(text: str, end: int, speaker: Speaker, trim: set[str]) -> bool:
    """Whether the speaker's words follow the quote ending at ``end`` ('"...," Trump said';
    '"...," the shipping magnate told reporters': a leading article is not part of the name)."""
    rest = text[end : end + len(speaker.text) + 24].lstrip(" ,\u00a0")
    for t in tokenize(rest, 0, len(rest)):
        if rest[t.start :].startswith(speaker.text):
            return True
        if t.low not in trim:
            return False
    return False


def _hearer_end(s: Sentence, cue: _Cue, body: int) -> int:
    """Token after the hearer a telling verb names first ("told reporters on Monday"):
    the adjunct that follows still only places the saying. Other cues: ``body``."""
    key = tuple(t.low for t in s.toks[cue.first : cue.last + 1])
    if key not in s.tab["addressee"]:
        return body
    k, n = body, len(s.toks)
    while k < n and k - body < _HEARER_WORDS and s.toks[k].low not in s.tab["stops"]:
        k += 1
        if k < n and any(c in s.gap(k) for c in ",;:" + _QUOTE_MARKS):
            break
    return k


def _placed_only(s: Sentence, cue: _Cue, body: int, lead: int) -> bool:
    """Whether what follows the cue only names the hearer, a place or a time."""
    k = _hearer_end(s, cue, body)
    return k >= len(s.toks) or _adjunct(s, k, lead)


def _adjunct(s: Sentence, k: int, lead: int) -> bool:
    """Whether the words from token ``k`` to the next comma only place or time the saying
    ("said on Monday evening, as ...", "at a briefing", ", and soon ..."); a longer one
    when a comma sets the speaker off from what came before ("..., she said on the
    radio programme of her old school friend")."""
    n = len(s.toks)
    if k >= n:
        return False
    end = next((i for i in range(k + 1, n) if "," in s.gap(i)), n)
    low = s.toks[k].low
    if "," in s.gap(k) and low in s.tab["linkers"]:
        return True
    led = low in s.tab["stops"] or dateish(s, k, min(k + 2, n))
    limit = _LONG_ADJUNCT if lead and "," in s.gap(lead) else _ADJUNCT_WORDS
    return led and end - k <= limit


def _after(s: Sentence, cue: _Cue, ce: int, plain: bool = False) -> Speaker | None:
    """The speaker named right after the cue (", kata Budi dalam sebuah wawancara",
    "said Anna Koval, mayor of ..."), which must end the clause or stop at a
    preposition: "said on Facebook the floods ..." names nobody after the cue."""
    toks, tab = s.toks, s.tab
    a = cue.last + 1
    if a >= ce or toks[a].low in tab["stops"]:
        return None
    b = a
    while b < ce and toks[b].low not in tab["stops"] and b - a < _MAX_AFTER_WORDS:
        b += 1
    if b < ce and toks[b].low not in tab["stops"]:
        return None  # a long clause, not a name
    if any(t.low in tab["clause_words"] for t in toks[a:b]):
        return None  # "said the response was undercut": a clause, not who spoke
    return named(s, a, b, plain=plain)


def _overlaps(ev: Event, content: Span) -> bool:
    return any(s.start < content.end and content.start < s.end for s in ev.evidence)
