"""Resolving an actor/recipient phrase to an entity, an actor code and a sector.

Span overlap with the entity stage's mentions comes first; the phrase itself is then
asked for a country and a sector through ``warta.entities.sectors`` (imported lazily so
this layer still runs, with less, when that module is absent).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from typing import Any, Generic, TypeVar, cast

from .. import lang as langdata
from ..records import Entity, Participant, Record, Span

T = TypeVar("T")
V = TypeVar("V")

# Entity types that can act (a LOC/FAC is where things happen, not who does them)
_ACTOR_TYPES = ("GPE", "ORG", "PERSON", "NORP", "MEDIA")


@cache
def _helper(name: str) -> Callable[[str, str], str | None] | None:
    try:
        from ..entities import sectors
    except ImportError:
        return None
    return getattr(sectors, name, None)


def country_of(text: str, lang: str) -> str | None:
    """ISO alpha-3 implied by a phrase ("pasukan Korea Utara" -> "PRK"), if known."""
    fn = _helper("country_of")
    try:
        return fn(text, lang) if fn and text.strip() else None
    except Exception:  # a helper bug must not cost the whole event layer
        return None


def sector_of(text: str, lang: str) -> str | None:
    """PLOVER sector implied by a phrase ("Pasukan Korea Utara" -> "MIL"), if known."""
    fn = _helper("sector_of")
    try:
        return fn(text, lang) if fn and text.strip() else None
    except Exception:
        return None


def names_office(text: str, lang: str, generic: bool = False) -> bool:
    """Whether a phrase names a state office by its title ("the Secretary"); ``generic``:
    or by a generic word ("the Department")."""
    fn = _helper("names_office")
    try:
        return bool(fn(text, lang, generic)) if fn and text.strip() else False
    except Exception:
        return False


@cache
def _outlet_states() -> dict[str, tuple[str, bool]]:
    """Publisher name or domain -> (the state a government outlet speaks for, whether it
    is a state body itself: ``cited = false``, a ministry or command, not an agency)."""
    out: dict[str, tuple[str, bool]] = {}
    for o in langdata.data("publishers").get("outlet", ()):
        if o.get("country"):
            out[o["name"]] = out[o["domain"]] = (o["country"], not o.get("cited", True))
    return out


def office_state(record: Record, text: str, lang: str) -> str | None:
    """The state an office named without one belongs to ("the Secretary", "the
    Department"): the government publisher's, when the record has one. A news agency
    reports on other states too, so there only a title counts; a ministry's own release
    speaks of itself as "the Department" or "officials" as well."""
    src = record.source
    table = _outlet_states()
    state, own = table.get(src.publisher or "") or table.get(src.domain or "") or (None, False)
    return state if state and names_office(text, lang, generic=own) else None


def own_voice_state(record: Record) -> str | None:
    """The state a state body's own release speaks for (a ministry or command page, not a
    news agency): its unattributed "we" is that government."""
    src = record.source
    table = _outlet_states()
    state, own = table.get(src.publisher or "") or table.get(src.domain or "") or (None, False)
    return state if own else None


class _ByStart(Generic[T]):
    """Items with a span, sorted by start (stably): those overlapping a range are found by
    bisection, so asking once per clause of a long document is not quadratic."""

    def __init__(self, items: list[tuple[Span, T]]) -> None:
        self.items = sorted(items, key=lambda p: p[0].start)
        self.starts = [p[0].start for p in self.items]
        self.longest = max((p[0].end - p[0].start for p in self.items), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[Span, T]]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [p for p in self.items[lo:hi] if p[0].end > start]


def per_record(memo: list[tuple[object, Any]], key: object, build: Callable[[], V]) -> V:
    """``build()``, kept for the record part ``key`` (a tuple or the record, held here so
    its id stays its own) and rebuilt only when another comes: what every clause of an
    article asks is computed once per article. One read and one slice assignment, both
    atomic: threads sharing a pipeline at worst rebuild each other's."""
    hit = memo[0] if memo else None
    if hit is None or hit[0] is not key:
        hit = (key, build())
        memo[:] = [hit]
    return cast(V, hit[1])


_MENTIONS: list[tuple[object, Any]] = []
_PLACES: list[tuple[object, Any]] = []


def mentions_in(record: Record, start: int, end: int) -> list[tuple[Span, Entity]]:
    """Entity mentions overlapping ``[start, end)``, in text order."""
    ents = record.entities
    index = per_record(_MENTIONS, ents, lambda: _ByStart([
        (m, e) for e in ents if e.type in _ACTOR_TYPES for m in e.mentions
    ]))  # fmt: skip
    return index.overlapping(start, end)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]*$")


def governed(text: str, start: int, prepositions: frozenset[str] | set[str]) -> bool:
    """Whether the word right before ``start`` is a preposition: "di Gaza", "on Facebook"
    name a place or a channel, not the subject of a clause."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    return m.group(1).lower() in prepositions and "," not in text[m.end(1) : start]


def place_codes_in(record: Record, start: int, end: int) -> list[tuple[int, str, str]]:
    """(offset, place id, country) of place mentions overlapping ``[start, end)``."""
    places = record.places
    index = per_record(_PLACES, places, lambda: _ByStart([
        (m, p) for p in places if p.country for m in p.mentions
    ]))  # fmt: skip
    return sorted((m.start, p.id, p.country) for m, p in index.overlapping(start, end))


def participant(
    record: Record, span: Span, lang: str, anchor: tuple[Span, Entity] | None = None
) -> Participant | None:
    """The participant a phrase names, or ``None`` when it names nobody we can code.

    ``anchor``: the mention the phrase was built around ("X, Menlu Budi" is Budi,
    not the platform X named before him)."""
    if not span.text.strip():
        return None
    found = mentions_in(record, span.start, span.end)
    if anchor is not None:
        found = [anchor, *(f for f in found if f[1] is not anchor[1])]
    entity = found[0][1] if found else None
    code = next((e.code for _, e in found if e.code), None)
    if code is None and entity is not None and entity.type == "PERSON":
        code = person_code(record, entity, lang)
    if code is None:
        code = country_of(span.text, lang)
    if code is None:
        places = place_codes_in(record, span.start, span.end)
        code = places[0][2] if places else None
    sector = _sector(span, found, lang)
    if code is None and sector in (None, "GOV", "MIL"):
        # "the Secretary" on a ministry's own page: its state's official
        code = office_state(record, span.text, lang)
        sector = sector or ("GOV" if code else None)
    if entity is None and code is None and sector is None:
        return None
    return Participant(span.text, entity.id if entity else None, code, sector)


# People named by what they are: "employees of the city administration" are workers,
# not the administration
_PEOPLE = frozenset({"CVL", "LAB", "EDU", "MED", "AGR", "JRN", "REF", "OPP", "REL"})


@cache
def _of_re(lang: str) -> re.Pattern[str] | None:
    words = langdata.load(lang, "triggers").get("morphology", {}).get("of_markers", ())
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None


def _people_before_of(text: str, lang: str) -> str | None:
    """The sector of the people an "A of B" phrase names when A names people ("workers of
    the municipal corporation", "Hundreds of employees of the ministry"); None when A
    names no people ("members of the opposition": B decides)."""
    pattern = _of_re(lang)
    for m in pattern.finditer(text) if pattern else ():
        sector = sector_of(text[: m.start()], lang)
        if sector is not None:
            return sector if sector in _PEOPLE else None
    return None


def _sector(span: Span, found: list[tuple[Span, Entity]], lang: str) -> str | None:
    """The phrase's sector; an organisation keeps its own unless words outside its name
    say otherwise ("Iraqi Security Forces" stay MIL, "polisi Hamas" are COP). A person's
    sector is the title the phrase gives them."""
    if not found or found[0][1].type != "ORG" or not found[0][1].sector:
        return (
            _people_before_of(span.text, lang)
            or sector_of(span.text, lang)
            or (found[0][1].sector if found else None)
        )
    m = found[0][0]
    outside = span.text[: max(0, m.start - span.start)] + " " + span.text[m.end - span.start :]
    return sector_of(outside, lang) or found[0][1].sector


# Sectors that act where they are: police, civilians, students, workers, courts. An armed
# force, a government or an elite may well be abroad ("jet tempur" over Tehran).
_LOCAL_SECTORS = frozenset(
    {"COP", "CVL", "OPP", "LAB", "EDU", "REF", "MED", "JRN", "BUS", "REL", "SOC", "CRM", "JUD",
     "AGR", "PTY", "LEG"}
)  # fmt: skip


def localize(p: Participant | None, country: str | None) -> Participant | None:
    """A participant named only by its sector ("polisi", "ribuan warga", "students") takes
    the country where the event happens."""
    if p is None or p.code or p.entity or not country or p.sector not in _LOCAL_SECTORS:
        return p
    return Participant(p.text, p.entity, country, p.sector)


def home_country(record: Record) -> str | None:
    """The country most of the record's place mentions lie in."""
    weight: dict[str, int] = {}
    for p in record.places:
        if p.country:
            weight[p.country] = weight.get(p.country, 0) + max(1, len(p.mentions))
    return max(weight, key=lambda c: weight[c]) if weight else None


# A state named as an actor acts through its armed forces when it uses or moves force,
# and through its government otherwise (the PLOVER/CAMEO reading of a bare country name).
_FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})


@cache
def _is_state(code: str) -> bool:
    try:
        import pycountry
    except ImportError:
        return False
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def state_sector(record: Record, p: Participant | None, event_type: str) -> Participant | None:
    """``p`` with a sector when it names a state (not a person or body) and has none."""
    if p is None or p.sector is not None or not p.code or not _is_state(p.code):
        return p
    entity = next((e for e in record.entities if e.id == p.entity), None)
    if entity is not None and entity.type not in ("GPE", "NORP"):
        return p
    sector = "MIL" if event_type in _FORCE_TYPES else "GOV"
    return Participant(p.text, p.entity, p.code, sector)


def person_code(record: Record, entity: Entity, lang: str) -> str | None:
    """The state a person serves when the entity stage left no code: the country named in
    the title before one of their mentions ("Menlu Ruritania Ivo Marek", "Freedonia's foreign
    minister Ana Vela"), else in their role, else (for a bare office) the government
    publisher's."""
    text = record.article.text
    for m in entity.mentions:
        words = text[max(0, m.start - 60) : m.start].split()[-5:]
        # glued scrapes ("(Menlu RI)Budi") keep the title within the last few words
        code = country_of(" ".join(words), lang) if words else None
        if code:
            return code
    if not entity.role:
        return None
    # a bare office ("Secretary Ivo Marek") on a ministry's own page serves its state
    return country_of(entity.role, lang) or office_state(record, entity.role, lang)
