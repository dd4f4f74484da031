"""Finding event mentions: triggers, their clause, actor and recipient, place, date, status.

Each trigger becomes at most one :class:`Mention`; :mod:`warta.events.merge` folds the
mentions of one happening into one event. One event per clause, except a coordinated verb
and a nominal event naming its own actor ("mengecam serangan Ruritania terhadap Freedonia"). A
mention needs a party we can code: a name, a code, people named by a sector where the
event's country is known ("polisi", "ribuan warga"), or a body's own "we" for the claims
stage to resolve; a trigger word alone is too weak to report an event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Any

from ..entities.knowledge import place_words
from ..entities.placecues import place_anaphors
from ..entities.states import state_table
from ..geo.geocode import JOIN_REACH, cues
from ..records import DateWindow, Participant, Place, Record, Span
from .arguments import arguments, own_actor
from .clauses import (
    addressee,
    bare_clause,
    coordinator,
    first_person,
    main_subject,
    mutual,
    named_speaker,
    other_party,
)
from .dates import default_window, find_dates, reference_date, relative_past
from .instruments import instrument_mode
from .lexicon import Hit, find_triggers, lexicon
from .phrases import Ctx, is_anaphoric, is_nominal, is_passive, phrase
from .resolve import home_country, localize, per_record, sector_of, state_sector
from .status import status_of
from .subjects import embedding
from .tokens import Token, phrase_key, tokenize

_BREAK_CHARS = ",;:"
# An act refused is a rejection: "tidak akan menyerah", "refused to accept the offer"
_REFUSED = {"CONCEDE": "REJECT", "AGREE": "REJECT"}
# Force threatened ("vowed to strike", "mengancam akan menyerang") is a threat (PLOVER)
_FORCE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
# Types that groups named by a common noun carry out themselves, even where no country is
# known: "ribuan buruh berunjuk rasa", "polisi membubarkan massa", "students protested".
# Types between states and bodies (CONSULT, AGREE, ACCUSE ...) still need a name.
_GROUP_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "REQUEST"})
# What protesters go on to do: a "mereka" making demands after a protest is the protesters
_CLAIMS = frozenset({"PROTEST", "REQUEST", "REJECT"})
# Who stops work: a strike by them is a protest ("striking teachers", "doctors' strike")
_STRIKERS = frozenset({"LAB", "EDU", "MED", "AGR", "BUS", "JRN"})
# Sectors a common noun names as a group on the street: workers, students, police, crowds
_GROUP_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "COP", "AGR", "REF", "MED", "JRN"})


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
    dated: bool = True  # the date was stated, not assumed from the news day
    mutual: bool = False  # "saling serang", "clashes between X and Y": either side acts
    distinct: bool = False  # "19 orang lainnya", "another strike": not an event told before
    country: str | None = None  # where it happened: the state of people named by sector only


def clause_bounds(
    text: str,
    toks: list[Token],
    t: int,
    breaks: set[str],
    keep: frozenset[tuple[str, ...]] = frozenset(),
) -> tuple[int, int]:
    """Token range [start, end) of the clause holding token ``t``. A break word that opens
    one of the ``keep`` phrases ("saat ini", "such as") is an adverbial, not a clause."""

    def breaks_at(k: int) -> bool:
        if toks[k].low not in breaks:
            return False
        return not any(tuple(x.low for x in toks[k : k + len(p)]) == p for p in keep)

    start = 0
    for k in range(t, 0, -1):
        if any(c in text[toks[k - 1].end : toks[k].start] for c in _BREAK_CHARS):
            start = k
            break
        if k - 1 < t and breaks_at(k - 1):
            start = k
            break
    end = len(toks)
    for k in range(t + 1, len(toks)):
        if any(c in text[toks[k - 1].end : toks[k].start] for c in _BREAK_CHARS) or breaks_at(k):
            end = k
            break
    return start, end


def _place(record: Record, start: int, end: int, trigger_at: int) -> str | None:
    """The place of [start, end): a mention used as a location ("di Makassar", "kantor
    Gubernur Jawa Barat") outranks one naming a party ("pasukan Moskow", "Iraqi forces");
    then the most specific (a town before a facility the gazetteer lacks, a region, an
    island, a country), nearest the trigger. A phrase pointing back to a place
    ("wilayah tersebut", "the area") stands for the last one named as a location."""
    text = record.article.text
    lang = record.article.language or "en"
    located = _located(record, lang)
    said = cues(lang)
    index = per_record(_PLACE_INDEX, record.places, lambda: _PlaceIndex(record.places))
    pairs = index.starting(start, end)
    inside = {m for m, _ in pairs}
    # "di depan kantor Gubernur Sulawesi Selatan, Makassar": a place qualifying one in the
    # range is part of its phrase, though the comma between ends the clause
    grow = inside
    while grow:
        ends = {m.end for m in grow}
        near = index.starting(end, max(ends) + JOIN_REACH + 1)
        grow = {
            m for m, _ in near
            if m not in inside and said.joined(text, m.start, m.end, ends)
        }  # fmt: skip
        inside |= grow
        pairs += [(m, p) for m, p in near if m in grow]
    best: tuple[int, int, int, str] | None = None
    for m, p in pairs:
        if m in located or _as_place(text, lang, m):
            key = (int(m not in located), _specificity(p), abs(m.start - trigger_at), p.id)
            best = min(best, key) if best else key
    for at in place_anaphors(text, place_words(lang), start, end):
        told = [(m.start, p) for p in record.places for m in p.mentions
                if m.end <= at and m in located and _specificity(p) < 4]  # fmt: skip
        if told:
            p = max(told, key=lambda x: x[0])[1]
            key = (0, _specificity(p), abs(at - trigger_at), p.id)
            best = min(best, key) if best else key
    return best[3] if best else None


class _PlaceIndex:
    """Every place mention with its place, by start: the few in a range are found by
    bisection, not by a pass over all places for each event of a long document."""

    def __init__(self, places: tuple[Place, ...]) -> None:
        self.pairs = sorted(((m, p) for p in places for m in p.mentions), key=lambda x: x[0].start)
        self.starts = [m.start for m, _ in self.pairs]

    def starting(self, start: int, end: int) -> list[tuple[Span, Place]]:
        """The mentions starting in ``[start, end)``."""
        return self.pairs[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


_PLACE_INDEX: list[tuple[object, Any]] = []


def _as_place(text: str, lang: str, m: Span) -> bool:
    """Whether a mention no cue calls a location may still be the event's place: not a
    capital standing for its government ("pasukan Moskow", "Tel Aviv membalas") nor the
    area of a body or office ("Polda Sulawesi Selatan", "Gubernur Jawa Barat")."""
    hit = state_table(lang).get(m.text)
    if hit is not None and hit.kind == "metonym":
        return False
    before = re.search(r"([\w-]+)\s+$", text[max(0, m.start - 30) : m.start])
    pw = place_words(lang)
    offices = {*pw.get("office_words", ()), *pw.get("jurisdiction_titles", ())}
    return before is None or before.group(1).lower() not in offices


def _specificity(p: Place) -> int:
    """0 a town, 1 a place the gazetteer lacks (held at its area), 2 an administrative
    region, 3 a named region, island or sea, 4 a country."""
    feature = p.feature or ""
    if feature.startswith("PCL"):
        return 4
    if not feature:
        return 1
    return 0 if feature.startswith("PPL") else 2 if feature.startswith("ADM") else 3


_LOCATED: list[tuple[object, Any]] = []


def _located(record: Record, lang: str) -> set[Span]:
    """The place mentions the words around them use as locations, and those joined to one
    ("di Jawa dan Bali", "di Kuningan, Jakarta Selatan"); once per record."""
    return per_record(_LOCATED, record, lambda: _find_located(record, lang))


def _find_located(record: Record, lang: str) -> set[Span]:
    text, said = record.article.text, cues(lang)
    mentions = [m for p in record.places for m in p.mentions]
    located = {m for m in mentions if said.as_place(text, m.start, m.end)}
    ends = {m.end for m in located}
    return located | {m for m in mentions if said.joined(text, m.start, m.end, ends)}


def _date(
    text: str,
    pub: str | None,
    lang: str,
    s: int,
    e: int,
    cs: int,
    ce: int,
    at: int,
    status: str,
    reported: bool = False,
    triggers: tuple[tuple[int, str], ...] = (),
    kind: str = "",
) -> tuple[DateWindow | None, bool]:
    """The mention's date window, and whether the text states it. A date belongs to the
    triggers of the type nearest it ("toured Japan ... the blockade Ruritania began in
    2019": 2019 is the blockade's), or to every trigger when it opens the sentence; in a
    reported clause ("Rutte mengatakan pada Senin bahwa ...") a date outside it dates the
    saying."""
    forward = status in ("planned", "threatened", "hypothetical")
    every = find_dates(text, s, e, lang, pub, ahead=forward)
    found = [
        d
        for d in every
        if d.start < min((t for t, _ in triggers), default=at)
        or min(triggers or ((at, kind),), key=lambda t: abs(t[0] - d.start))[1] == kind
    ]
    # a past year after a relative clause is that clause's history told in passing
    # ("mengecam pernyataan yang menyangkal peristiwa pada 1998"), not the event's
    found = [d for d in found if not (d.start > at and relative_past(text, at, d, lang, pub))]
    inside = [d for d in found if cs <= d.start < ce] or ([] if reported else found)
    inside = [d for d in inside if not d.label] or inside  # an edition's year comes last
    if inside:
        return min(inside, key=lambda d: abs(d.start - at)).window, True
    if pub and not any(not d.label for d in every):
        # no date in the sentence: the paragraph's latest one before it dates the same
        # happening ("Kamis (12/6) ... Dalam aksi itu, polisi menangkap ..."), if it lies
        # on the same side of publication as the event
        day = pub[:10]
        earlier = [
            d.window
            for d in find_dates(text, text.rfind("\n", 0, s) + 1, s, lang, pub)
            if d.window.precision in ("day", "week")
        ]
        if earlier and (earlier[-1].end >= day if forward else earlier[-1].start <= day):
            return earlier[-1], True
    return default_window(pub, status), False


def _protests(hits: list[Hit]) -> list[Hit]:
    """ "unjuk rasa menolak kenaikan tarif", "demo tolak X": what a protest rejects is the
    protest's object, not a second event; the two read as one verb phrase."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (
            prev
            and prev.sense.type == "PROTEST"
            and h.sense.type == "REJECT"
            and (h.first - prev.last <= 2)
        ):
            out[-1] = replace(prev, last=h.last, sense=replace(prev.sense, voice="active"))
            continue
        out.append(h)
    return out


def _attributed(mentions: list[Mention]) -> list[Mention]:
    """Deaths with nobody named as their cause ("30 orang tewas") are an attack's toll in a
    story that names attackers, and an accident's in one that names none."""
    if any(m.type == "ASSAULT" and m.actor and (m.actor.code or m.actor.entity) for m in mentions):
        return mentions
    return [
        m
        for m in mentions
        if m.type != "ASSAULT"
        or any(p and (p.code or p.entity) for p in (m.actor, m.recipient))
        or m.actor is not None
    ]


def _group(ctx: Ctx, hit: Hit, actor: Participant | None, recipient: Participant | None) -> bool:
    """A group named by a common noun doing what groups do: the clause's own subject (or
    a passive's agent) when the verb's type is one groups carry out ("ribuan buruh
    berunjuk rasa", "police dispersed the crowd"), or the target of force ("warga
    ditembak")."""
    if hit.sense.type not in _GROUP_TYPES:
        return False
    if actor is not None and actor.sector in _GROUP_SECTORS:
        return True
    # "polisi menembak warga", "demonstran ditangkap": a group on the receiving end of
    # force, or a protest's group ("a protest by students"), is an event even with the
    # other side unnamed; a demand needs its maker
    acted_on = hit.sense.type in _FORCE | {"PROTEST"} and recipient is not None
    return acted_on and recipient.sector in _GROUP_SECTORS


def _work_stoppage(ctx: Ctx, hit: Hit, actor: Participant | None, story: bool) -> Hit:
    """ "Teachers went on strike", "striking workers", "the employees' strike": a strike
    word whose actor, or the group noun right by it, is a body of workers is a labour
    strike (PROTEST), not an attack; so is one without an actor in a story already
    told of a labour strike ("the strike entered its third day")."""
    words = set(ctx.lex.grammar.get("work_stoppage", ()))
    # the strike word may follow a light verb: "observed a strike", "went on a strike"
    said = {t.low for t in ctx.toks[hit.first : hit.last + 1]}
    if hit.sense.type != "ASSAULT" or not said & words:
        return hit
    near = ctx.toks[max(0, hit.first - 2) : hit.last + 3]
    sector = (actor.sector if actor else None) or sector_of(" ".join(t.low for t in near), ctx.lang)
    if sector not in _STRIKERS and not (story and actor is None and sector is None):
        return hit
    return replace(hit, sense=replace(hit.sense, type="PROTEST", mode="strike"))


def _agent(record: Record, actor: Participant | None, agents: tuple[str, ...]) -> bool:
    """Whether the actor is of a sector the trigger needs; a state named bare ("Ecuador
    complained") acts through its government, where the trigger allows one. Only the
    name itself: a pronoun or a longer phrase around it ("mereka", "Persatuan Voli
    Seluruh Indonesia") may be a team or a body."""
    if actor is None:
        return False
    if actor.sector is None and "GOV" in agents:
        entity = next((e for e in record.entities if e.id == actor.entity), None)
        named = entity is not None and any(m.text == actor.text for m in entity.mentions)
        return named and state_sector(record, actor, "") is not actor
    return actor.sector in agents


def _strikers_after(ctx: Ctx, hit: Hit, ce: int) -> Participant | None:
    """The workers a strike word qualifies ("the striking teachers", "mogok para guru"):
    the group noun right after it, when it names a body of workers."""
    for n in (1, 2):  # "striking teachers", "striking junior doctors"
        words = phrase(ctx, hit.last + 1, min(ce, hit.last + 1 + n))
        sector = sector_of(words.text, ctx.lang) if words else None
        if words and sector in _STRIKERS:
            return Participant(words.text, None, None, sector)
    return None


def _group_pronoun(ctx: Ctx, hit: Hit, cs: int, actor: Participant | None) -> bool:
    """Whether the actor of an active verb is a plural pronoun ("mereka", "they") standing
    right before it, resolved or not."""
    words = set(ctx.lex.grammar.get("group_pronouns", ()))
    if not words or is_nominal(ctx, hit) or is_passive(ctx, hit):
        return False
    reach = int(ctx.lex.grammar.get("pronoun_reach", 2))
    near = [t.low for t in ctx.toks[max(cs, hit.first - reach - 1) : hit.first]]
    if actor is not None:
        return actor.text.lower() in words and actor.text.lower() in near
    return any(w in words for w in near)


def _titled(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text[1:2].islower()


def _in_name(text: str, toks: list[Token], hit: Hit, sent_start: int) -> bool:
    """A capitalised trigger inside a capitalised name ("Forum Dialog Jepang–ASEAN",
    "Operasi Militer Khusus"), not at the start of its sentence or quotation."""
    first = toks[hit.first]
    if not _titled(first) or hit.first == 0:
        return False
    if text[toks[hit.first - 1].end : first.start].strip(" ") in ('"', "“", "(", "'", "‘"):
        return False
    nxt = toks[hit.last + 1] if hit.last + 1 < len(toks) else None
    prev = toks[hit.first - 1]
    return (_titled(prev) and prev.end + 1 >= first.start) or (
        nxt is not None and _titled(nxt) and nxt.start <= toks[hit.last].end + 1
    )


def _nested(ctx: Ctx, outer: Hit, hit: Hit, cs: int, ce: int) -> bool:
    """A nominal event inside another's clause that names its own actor ("Indonesia
    mengecam serangan Ruritania terhadap Freedonia", "condemned Ruritania's attack"): an event
    too."""
    # the object noun of a frame may be an event of its own ("menolak seruan X")
    inside = hit.first <= outer.last and not (hit.first == outer.last > outer.first)
    if hit.sense.type == outer.sense.type or inside or not is_nominal(ctx, hit):
        return False
    actor = own_actor(ctx, hit, cs, ce)
    return actor is not None and actor.code is not None


def _borrowed(ctx: Ctx, hit: Hit, cs: int, owners: dict[int, Participant]) -> Participant | None:
    """The actor of a clause without a subject of its own (", menewaskan 20 orang", ", and
    to meet with X"): the subject of the clause before it, else the sentence's. A trigger
    that counts only for forces ("memasuki") must name them itself."""
    if hit.sense.agents or not bare_clause(ctx, hit, cs):
        return None
    earlier = [a for c, a in owners.items() if c <= cs]
    return (
        owners.get(cs)
        or named_speaker(ctx, cs)
        or (earlier[-1] if earlier else None)
        or main_subject(ctx, hit.first)
    )


def detect(record: Record, lang: str) -> list[Mention]:
    """Every codable event mention in the record, in text order."""
    lex = lexicon(lang)
    if not lex.words and not lex.phrases:
        return []
    text = record.article.text
    breaks = set(lex.grammar.get("clause_breaks", ()))
    keep = frozenset(phrase_key(p) for p in lex.grammar.get("not_breaks", ()))
    distinct = set(lex.grammar.get("distinct_markers", ()))
    pub = reference_date(record, lang)
    where = {
        p.id: p.country
        for p in record.places
        if not ((p.feature or "").startswith("PCL") or p.precision == "country")
    }
    home = home_country(record)
    out: list[Mention] = []
    # the subject of the latest clause with an event, and its sentence: a group named by a
    # common noun there ("ribuan buruh berunjuk rasa") is whom a following "mereka" means
    last: tuple[int, Participant] | None = None
    protesters: tuple[int, Participant] | None = None  # the latest group that protested
    strikes = False  # a labour strike told already
    for si, sent in enumerate(record.sentences):
        toks = tokenize(text, sent.start, sent.end)
        ctx = Ctx(record, lang, lex, toks)
        # one event per clause, unless a verb is coordinated with the clause's trigger
        done: dict[int, Hit] = {}
        owners: dict[int, Participant] = {}  # the subject of each clause's own event
        hits = _protests(find_triggers(toks, lex))
        for n, hit in enumerate(hits):
            if _in_name(text, toks, hit, sent.start):
                continue
            cs, ce = clause_bounds(text, toks, hit.first, breaks, keep)
            subj_end = None
            if cs in done and not _nested(ctx, done[cs], hit, cs, ce):
                if coordinator(ctx, done[cs], hit) is None:
                    continue
                subj_end = done[cs].first  # "X menyerang Y dan menangkap Z": X does both
            nxt = next(
                (h for h in hits[n + 1 :] if h.first < ce and coordinator(ctx, hit, h)), None
            )
            arg_end = coordinator(ctx, hit, nxt) if nxt else ce
            actor, recipient = arguments(ctx, hit, cs, arg_end or ce, subj_end)
            # the call a frame answers ("menolak seruan X"): X called on the one answering,
            # and the call was made whether or not it is refused
            implied = cs in done and done[cs].first < hit.first == done[cs].last
            if implied:
                recipient = owners.get(cs)
            hit = _work_stoppage(ctx, hit, actor, strikes)
            qualifies = None  # "the striking teachers": "the" is the teachers', not a strike's
            if actor is None and hit.sense.mode == "strike" and hit.sense.type == "PROTEST":
                actor = qualifies = _strikers_after(ctx, hit, ce)
            # what protesters do ("Mereka menuntut ...") is theirs even when police acted
            # on them in between
            group = protesters if hit.sense.type in _CLAIMS and protesters else last
            if group and si - group[0] <= 2 and _group_pronoun(ctx, hit, cs, actor):
                # a group just named as a subject, not a body in a place phrase before it
                pro = actor.text if actor else next(
                    t.text for t in ctx.toks[cs : hit.first]
                    if t.low in ctx.lex.grammar.get("group_pronouns", ())
                )  # fmt: skip
                actor = Participant(pro, None, None, group[1].sector)
            actor = actor or _borrowed(ctx, hit, cs, owners)
            # "Kami menyambut baik ...": the speaker acts; the claims stage knows who speaks
            speaker = first_person(ctx, cs, hit.first) if actor is None else None
            actor = actor or speaker or addressee(ctx, cs, hit.first)
            both = mutual(ctx, hit)
            if both and recipient is None:
                recipient = other_party(ctx, cs, hit.first, actor)
            evs, eve = (0, len(toks)) if ce - cs < 5 else (cs, ce)
            at = toks[hit.first].start
            # a nested event ("mengecam serangan Ruritania terhadap Freedonia") lies in its own
            # words
            lo = at if cs in done else toks[evs].start
            place = _place(record, lo, toks[eve - 1].end, at) or _place(
                record, sent.start, sent.end, at
            )
            # a town or region places its people; a country named in the clause is as
            # often a party ("serangan udara Israel") as a place
            country = where.get(place or "") or home
            anaphoric = is_anaphoric(ctx, hit) and qualifies is None
            if cs not in done and not is_nominal(ctx, hit):
                # the clause's subject, which a bare clause after it shares: the one
                # acted on when the verb is passive ("demonstran ditangkap karena melempari")
                subject = recipient if is_passive(ctx, hit) else actor
                if subject is not None and (subject.code or subject.entity or subject.sector):
                    owners.setdefault(cs, subject)
                    group = (
                        not (subject.code or subject.entity) and subject.sector in _GROUP_SECTORS
                    )
                    last = (si, subject) if group else None
            named = [localize(actor, country), localize(recipient, country)]
            grouped = _group(ctx, hit, actor, recipient)
            if not (
                anaphoric or speaker or grouped or any(p and (p.code or p.entity) for p in named)
            ):
                if actor is not None and not hit.sense.agents and not is_nominal(ctx, hit):
                    done.setdefault(cs, hit)  # "Polisi menangkap ... dalam unjuk rasa": the
                    # clause is the police's even when they stay uncoded
                continue
            if hit.sense.agents and not _agent(record, actor, hit.sense.agents):
                continue  # "memasuki", "enter": an event only when forces do it
            done.setdefault(cs, hit)
            if hit.sense.type == "PROTEST" and actor and not actor.entity and actor.sector:
                protesters = (si, actor)
            actor = state_sector(record, actor, hit.sense.type)
            mode = hit.sense.mode or instrument_mode(toks, cs, ce, hit.first, hit.sense.type, lang)
            ev = Span(toks[evs].start, toks[eve - 1].end, text[toks[evs].start : toks[eve - 1].end])
            status = "occurred" if implied else status_of(toks, hit.first, cs, lang, ce)
            if subj_end is not None and status == "occurred":
                # "akan menyerang X dan menduduki Y": the modal covers both verbs
                status = next((m.status for m in reversed(out) if m.sentence == si), status)
            kind = hit.sense.type
            if status == "denied" and kind in _REFUSED:
                kind, status = _REFUSED[kind], "occurred"  # "tidak akan menyerah": a refusal
            if status == "threatened" and kind in _FORCE:
                kind = "THREATEN"  # "bersumpah untuk menyerang": the threat is the act
            words = text[at : toks[hit.last].end]
            reported = embedding(toks, cs, hit.first, lang) is not None
            date, dated = _date(
                text, pub, lang, sent.start, sent.end, ev.start, ev.end, at, status, reported,
                tuple((toks[h.first].start, h.sense.type) for h in hits), hit.sense.type,
            )  # fmt: skip
            out.append(
                Mention(
                    kind, mode, actor, recipient, place,
                    # "pengerahan tersebut" on Monday: the day of the telling, not the deed
                    date, status, ev, words, si, anaphoric, dated and not anaphoric, both,
                    distinct=any(t.low in distinct for t in toks[evs:eve]), country=country,
                )
            )  # fmt: skip
            strikes = strikes or (kind == "PROTEST" and mode == "strike")
    return _attributed(out)
