"""Folding event mentions into events: one happening, one event, several evidence spans.

Two mentions are the same happening when they share a type and their actor and recipient
codes, places, stated dates and modes do not conflict. Within a sentence that is enough.
Across sentences the later mention must restate the event: its status agrees, it names no
participant the event lacks (a new recipient is a new act: "urged X" ... "urged Y"), it
shares at least one participant code with it, and it does not mark itself as another
happening ("19 orang lainnya", "another strike"). A plan and a happening are kept apart
even within a sentence when their date windows do not overlap. An undated mention takes
the news day by default, which never conflicts with a stated date. Mutual events ("saling
serang", "clashes between X and Y") match either way round. Places conflict only when
neither holds the other: a town fits the region it lies in ("di Pekanbaru" ... "di Riau").

An event told with no place of its own happened where the story is: the town or region
of the dateline, or the one most place mentions lie in, when its participants belong
there; otherwise the story's country.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..records import DateWindow, Event, Participant, Place, Quantity
from .detect import Mention
from .resolve import localize

# precisions from the finest; a place holds another only if it is coarser
_RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4}
_FEATURE_RANK = (("PPL", 1), ("ADM2", 2), ("ADM1", 3), ("PCL", 4))


@dataclass(frozen=True, slots=True)
class _Where:
    country: str | None
    whole: bool  # the country itself: "Kursk" and "Rusia" do not conflict
    region: str | None  # the first-level region it lies in (or is)
    rank: int | None  # see _RANK; None for seas, islands, world regions
    admin1: bool  # a first-level region the gazetteer knows (so it holds its towns)


_Places = dict[str, _Where]
_NOWHERE = _Where(None, True, None, None, False)

# Types whose act takes place where its target is: an air strike on a town's people, a
# blockade of a region happen there whoever carries them out (PLOVER material types)
_AT_TARGET = frozenset({
    "COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})  # fmt: skip

# statuses that can describe one happening told twice: it happened (and goes on), or not yet
_STATUS_GROUP = {"occurred": 0, "ongoing": 0, "planned": 1, "threatened": 1, "hypothetical": 1}


_LEAD_CHARS = 400  # the first paragraph, where a story says where it happens
_RESTATE = 6  # sentences after its last mention an event may be told again
_FOLLOW_UP = 2  # sentences back a mention without coded parties may continue an event


@dataclass(slots=True)
class _Group:
    event: Event
    sentences: set[int] = field(default_factory=set)
    dated: bool = False  # the event's date was stated, not assumed
    mutual: bool = False
    country: str | None = None


def _code(p: Participant | None) -> str | None:
    return p.code if p else None


def _sector(p: Participant | None) -> str | None:
    return p.sector if p else None


def _fits(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _dates_overlap(a: DateWindow | None, b: DateWindow | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _rank(p: Place) -> int | None:
    if p.precision:
        return _RANK.get(p.precision)
    feature = p.feature or ""
    return next((r for prefix, r in _FEATURE_RANK if feature.startswith(prefix)), None)


def _where(p: Place) -> _Where:
    rank = _rank(p)
    # a place the gazetteer does not know keeps its area's precision, not its extent
    admin1 = rank == 3 and (p.feature or "").startswith("ADM1")
    return _Where(p.country, rank == 4, p.admin1, rank, admin1)


def _within(a: _Where, b: _Where) -> bool:
    """``a`` lies in the first-level region ``b`` (a town or district of it)."""
    return (
        b.admin1 and a.rank is not None and a.rank < 3
        and a.region is not None and a.region == b.region and a.country == b.country
    )  # fmt: skip


def _place_fits(a: str | None, b: str | None, places: _Places) -> bool:
    """Equal places, either is a whole country, or one lies in the other: a country named
    in a clause is as often a party as a place, and a region named after its town tells
    the same happening at a coarser grain; only two towns or regions apart from each
    other tell two happenings apart."""
    if _fits(a, b):
        return True
    wa, wb = places.get(a or "", _NOWHERE), places.get(b or "", _NOWHERE)
    return wa.whole or wb.whole or _within(wa, wb) or _within(wb, wa)


def _finer(old: str | None, new: str | None, where: _Places) -> str | None:
    """The event's place after a mention placed at ``new`` joins it: the finer one."""
    if not new:
        return old
    wo, wn = where.get(old or "", _NOWHERE), where.get(new, _NOWHERE)
    return new if wo.whole or _within(wn, wo) else old


def _tenses_apart(g: _Group, m: Mention) -> bool:
    """A plan or threat and a happening of the same type are one event only when told of
    the same time: "met on Tuesday ... to prepare the visit next month" is two, even in one
    sentence (a future window never overlaps a past one)."""
    if _STATUS_GROUP.get(g.event.status, 2) == _STATUS_GROUP.get(m.status, 2):
        return False
    return not _dates_overlap(g.event.date, m.date)


def _pairs(g: _Group, m: Mention) -> list[tuple[str | None, str | None]]:
    """The mention's (actor, recipient) codes as the event's roles may read them."""
    a, r = _code(m.actor), _code(m.recipient)
    return [(a, r), (r, a)] if g.mutual or m.mutual else [(a, r)]


def _codes_fit(g: _Group, m: Mention) -> bool:
    ea, er = _code(g.event.actor), _code(g.event.recipient)
    return any(_fits(ea, a) and _fits(er, r) for a, r in _pairs(g, m))


def _restates(g: _Group, m: Mention) -> bool:
    """The mention names only participants the event has, and at least one of them."""
    ea, er = _code(g.event.actor), _code(g.event.recipient)
    return any((a or r) and a in (None, ea) and r in (None, er) for a, r in _pairs(g, m))


def _same(g: _Group, m: Mention, places: _Places) -> bool:
    ev = g.event
    if ev.type != m.type or not _place_fits(ev.place, m.place, places):
        return False
    if g.mutual != m.mutual:  # a war between X and Y is not X's strike on Y
        return False
    if g.dated and m.dated and not _dates_overlap(ev.date, m.date):
        return False
    if not _codes_fit(g, m):
        return False
    if _tenses_apart(g, m):
        return False
    if m.sentence in g.sentences:
        return True
    if m.distinct or _STATUS_GROUP.get(ev.status, 2) != _STATUS_GROUP.get(m.status, 2):
        return False
    if m.sentence - max(g.sentences) > _RESTATE:  # a long story tells several strikes
        return False
    if not _fits(_sector(ev.actor), _sector(m.actor)):  # "Otoritas Iran" vs "televisi Iran"
        return False
    return _fits(ev.mode, m.mode) and _restates(g, m)


def _anaphor_target(groups: list[_Group], m: Mention) -> int | None:
    """The latest event of the mention's type its participants do not contradict."""
    return next(
        (
            i
            for i in range(len(groups) - 1, -1, -1)
            if groups[i].event.type == m.type
            and _codes_fit(groups[i], m)
            and not _tenses_apart(groups[i], m)
        ),
        None,
    )


def _follow_up(groups: list[_Group], m: Mention, places: _Places) -> int | None:
    """A mention naming no coded party ("at least nine people were hurt", "warga
    mengungsi") continues the event of its type told in the last sentences, if any."""
    if m.distinct or _code(m.actor) or _code(m.recipient):
        return None
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g.event.type != m.type or max(g.sentences) < m.sentence - _FOLLOW_UP:
            continue
        ev = g.event
        fits = (
            _place_fits(ev.place, m.place, places)
            and (not (g.dated and m.dated) or _dates_overlap(ev.date, m.date))
            and _STATUS_GROUP.get(ev.status, 2) == _STATUS_GROUP.get(m.status, 2)
            and g.mutual == m.mutual
        )
        return i if fits else None
    return None


def _better(a: Participant | None, b: Participant | None) -> Participant | None:
    """Keep the participant that says more (a code beats none, a sector beats none)."""
    if a is None:
        return b
    if b is None:
        return a
    score = lambda p: (p.code is not None) * 2 + (p.sector is not None) + (p.entity is not None)  # noqa: E731
    return b if score(b) > score(a) else a


def _fold(g: _Group, m: Mention, where: _Places) -> None:
    ev = g.event
    actor, recipient = m.actor, m.recipient
    if (g.mutual or m.mutual) and not (
        _fits(_code(ev.actor), _code(actor)) and _fits(_code(ev.recipient), _code(recipient))
    ):
        actor, recipient = recipient, actor
    evidence = ev.evidence if m.evidence in ev.evidence else (*ev.evidence, m.evidence)
    g.event = replace(
        ev,
        mode=ev.mode or m.mode,
        actor=_better(ev.actor, actor),
        recipient=_better(ev.recipient, recipient),
        place=_finer(ev.place, m.place, where),
        date=m.date if m.dated and not g.dated else ev.date,
        evidence=evidence,
    )
    g.sentences.add(m.sentence)
    g.dated = g.dated or m.dated
    g.mutual = g.mutual or m.mutual
    g.country = g.country or m.country


def merge(
    mentions: list[Mention],
    quantities: tuple[Quantity, ...],
    places: tuple[Place, ...] = (),
    dateline: str | None = None,
) -> tuple[Event, ...]:
    """Events from mentions (ids v1, v2, ... in order of first mention)."""
    where: _Places = {p.id: _where(p) for p in places}
    groups: list[_Group] = []
    for m in mentions:
        target = next((i for i, g in enumerate(groups) if _same(g, m, where)), None)
        if target is None and m.anaphoric:  # "the attack": an event told before, or nothing
            target = _anaphor_target(groups, m)
            if target is None and not any(p and p.code for p in (m.actor, m.recipient)):
                continue
        if target is None:
            target = _follow_up(groups, m, where)
        if target is not None:
            _fold(groups[target], m, where)
            continue
        event = Event(
            id=f"v{len(groups) + 1}", type=m.type, mode=m.mode,  # type: ignore[arg-type]
            actor=m.actor, recipient=m.recipient, place=m.place, date=m.date,
            status=m.status, evidence=(m.evidence,), trigger=m.trigger,  # type: ignore[arg-type]
        )  # fmt: skip
        groups.append(_Group(event, {m.sentence}, m.dated, m.mutual, m.country))
    # an event told with no place of its own happened where the story is (at the precision
    # of that place); "polisi", "ribuan warga": people named by their sector only belong
    # where it happened, coded after merging so a guessed state never keeps mentions apart
    state = _story_state(places)
    country = next((p for p in places if p.country == state and _pcl(p)), None)
    local = _story_place(places, where, state, dateline)
    events = (
        replace(
            g.event,
            actor=localize(g.event.actor, g.country),
            recipient=localize(g.event.recipient, g.country),
            quantities=_quantities_in(g.event, quantities),
        )
        for g in groups
    )
    return tuple(replace(ev, place=ev.place or _unplaced(ev, local, country)) for ev in events)


def _pcl(p: Place) -> bool:
    """The place is a state itself (not a place only known to lie in one)."""
    return (p.feature or "").startswith("PCL")


def _story_state(places: tuple[Place, ...]) -> str | None:
    """The country most place mentions lie in."""
    weight: dict[str, int] = {}
    for p in places:
        if p.country:
            weight[p.country] = weight.get(p.country, 0) + max(1, len(p.mentions))
    return max(weight, key=lambda c: weight[c]) if weight else None


def _story_place(
    places: tuple[Place, ...], where: _Places, state: str | None, dateline: str | None
) -> Place | None:
    """The one town or region of the story's country the story is about: the dateline's,
    if the text also uses it as a place, or one named in the lead that more place
    mentions lie in than in the country named as a whole and than in any other town or
    region (a round-up of places, or one named only in passing, has none)."""
    # a place the gazetteer does not know (no feature) is a spot held at its area's grain
    local = [p for p in places if p.country == state and p.feature and (_rank(p) or 9) < 4]
    said = (dateline or "").split(",")[0].strip().casefold()
    for p in local:
        if said and said in {p.name.casefold(), *(m.text.casefold() for m in p.mentions)}:
            return p

    def inside(p: Place) -> list[Place]:  # it and the places that lie in it
        return [q for q in local if q is p or _within(where[q.id], where[p.id])]

    def told(p: Place) -> int:
        return sum(len(q.mentions) for q in inside(p))

    ranked = sorted(local, key=lambda p: (-told(p), where[p.id].rank or 0))
    if not ranked or told(ranked[0]) < 2:
        return None
    top = ranked[0]
    if not any(m.start < _LEAD_CHARS for q in inside(top) for m in q.mentions):
        return None
    whole = sum(len(p.mentions) for p in places if p.country == state and _pcl(p))
    # any other spot named competes, known to the gazetteer or not, in the country or not
    rivals = [
        told(p) if p in local else len(p.mentions)
        for p in places
        if p is not top and not _pcl(p)
        and not (_within(where[p.id], where[top.id]) or _within(where[top.id], where[p.id]))
    ]  # fmt: skip
    if told(top) <= whole or (rivals and told(top) < 2 * max(rivals)):
        return None
    # a region named for its one town ("di Jember, Jawa Timur") is there: the finer place
    inner = [q for q in inside(top) if q is not top]
    if len(inner) == 1 and len(inner[0].mentions) >= len(top.mentions):
        return inner[0]
    return top


def _unplaced(ev: Event, local: Place | None, country: Place | None) -> str | None:
    """Where an event with no place of its own happened: the story's town or region when
    it plausibly happened there, else the story's country. Plausibly: a party is of that
    country and none of another ("the Coalition supports ..." is told of no place), or it
    is a material act on people of that country (an air strike happens where it lands)."""
    if local is not None:
        codes = {_code(ev.actor), _code(ev.recipient)} - {None}
        if codes == {local.country} or (
            ev.type in _AT_TARGET and _code(ev.recipient) == local.country
        ):
            return local.id
    return country.id if country else None


def _quantities_in(ev: Event, quantities: tuple[Quantity, ...]) -> tuple[str, ...]:
    return tuple(
        q.id
        for q in quantities
        if any(s.start <= q.span.start and q.span.end <= s.end for s in ev.evidence)
    )
