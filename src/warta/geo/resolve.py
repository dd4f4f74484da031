"""Resolving an article's toponyms together, each against what the rest of it says.

A toponym's candidates are every gazetteer entry its names (or a shorter form of them,
"Semarang Timur" -> "Semarang") are known by. Each is scored on its own prominence (log
population; a country, a capital or a named region outranks a village of the same name; a
region named after its main town yields to the town) and on the article's evidence
(:mod:`warta.geo.evidence`): the states it names, its dateline, its outlet's home country,
the words that mark a country's civic life ("sheriff's office", "lakh") and the votes of
its other toponyms, each spread over that toponym's readings by how likely they are.
"Place, Region", "Place, Country" and "Place in Country" restrict a name to places within.
Words around a mention that call it a region or a town decide between a region and the
town it is named after. A small town or district in a country the rest
of an article about another country hardly names fits no better than none. A toponym no
entry fits keeps the area the text gives it ("Village, Region"), else the area of the
place named next to it in its sentence, else the area most of the article is in, at that
area's precision: a point is never invented for it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..entities.knowledge import place_alias, place_words
from ..entities.states import state_table
from .evidence import Ballots, Evidence, Prior, cue_votes, leave_one_out, total
from .gazetteer import Gazetteer, GeoEntry, name_key
from .geocode import (
    NAMED_REGIONS,
    abbreviated_region,
    camel_case,
    container,
    cues,
    entry_levels,
    is_brand,
    level_words,
    named_after,
    qualifier,
    region_of,
)

# Weights of the score (log10 population is the unit: +1 = ten times the population)
_COUNTRY_BONUS = 2.0  # a state's name means the state, unless the article says otherwise
_CAPITAL_BONUS = 1.0
_REGION_BONUS = 12.0  # "Africa", "Java": a named region, never a village's homonym
_REGION_CUE = 6.0  # "wilayah Kursk", "Kursk region": the region, not the town
_CITY_CUE = 3.0  # "kota Kursk", "city of Kherson"
_LEVEL = 4.0  # "Kabupaten Bekasi", "Bekasi Regency": the entry named at that level
_SEAT = 3.0  # a region that holds a town of the same name yields to it
_SOFTNESS = 3.0  # how evenly a toponym spreads its vote over its readings
_ROUNDS = 2  # rounds of voting before the choice
_UNKNOWN_POPULATION = 300  # GeoNames gives many villages none: count them as this
_OWN_NAME = 1.0  # the text uses the entry's own name, not one of its alternate names
_NEAR_CHARS = 120  # how far in its sentence a named place may be to hold an unknown one
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# A town or district smaller than this in a country little else in the article is in,
# while the article is about another one, is a homonym of a place the gazetteer lacks (an
# airport named in a story about London is no village in Arkansas): it takes the article's
# area
_STRAY_POPULATION = 20_000
_STRAY_SHARE = 0.2  # "nothing else": under this share of the main country's evidence


@dataclass(frozen=True, slots=True)
class Toponym:
    """One place an article names: its names, where they occur, and the state it is
    already known to be (``code``), if any."""

    names: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    code: str | None = None
    facility: bool = False  # a building, camp or site: never a gazetteer town's homonym


@dataclass(frozen=True, slots=True)
class Hints:
    """What the article says about itself: the states it names, its dateline, and the
    country its outlet is at home in."""

    states: tuple[str, ...] = ()  # ISO alpha-3 codes of states named in the text
    dateline: str | None = None
    home: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """A toponym's place: a gazetteer entry, or (``fallback``) the area holding it."""

    entry: GeoEntry
    fallback: bool = False


@dataclass(slots=True)
class _Reading:
    toponym: Toponym
    code: str | None  # the state it names, if it names one
    fixed: GeoEntry | None  # a state named as such, with no homonym elsewhere
    cands: list[GeoEntry]
    want_region: bool
    want_city: bool
    within: GeoEntry | None
    exact: frozenset[str]  # name keys the text used
    seats: frozenset[int]  # regions named after a town it may also be
    named_for: list[GeoEntry]  # towns a facility's name ends with ("Bandara Denpasar")
    levels: frozenset[str] = frozenset()  # level words the text names it with ("regency")
    brand: bool = False  # a brand or company's name ("Google"), no place whatever it matches


class Resolver:
    """Resolves the toponyms of one article at a time (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def resolve(
        self, text: str, lang: str, toponyms: Sequence[Toponym], hints: Hints = Hints()
    ) -> list[Resolution | None]:
        readings = [self._read(text, lang, t) for t in toponyms]
        base = Evidence()
        own_states = {r.code for r in readings if r.code}
        for code in hints.states:  # once per mention: a state named often weighs more
            if code not in own_states:  # a state that is a toponym here votes as one
                base.countries[code] += 1.0
        if hints.home:
            base.countries[hints.home] += 0.5
        # the civic words of a country ("county sheriff", "lakh", "Polres"): weak, so a
        # homonym in a country the article names nothing of can still win on them alone
        for code, w in cue_votes(text, (s for t in toponyms for s in t.spans)).items():
            base.countries[code] += w
        if hints.dateline:
            cands = self.gaz.lookup(place_alias(hints.dateline, lang))
            if cands:
                base.add(max(cands, key=_prominence))
        # each toponym votes for the countries and regions it may be in, first on its
        # own (given the states named), then in the light of the others' votes; its own
        # votes are left out of its prior ("Paris" said three times is no evidence that
        # Paris is France)
        start = base.prior()
        votes = self._votes(readings, {r.exact: start for r in readings})
        for _ in range(_ROUNDS - 1):
            votes = self._votes(readings, leave_one_out(base, votes))
        priors = leave_one_out(base, votes)
        whole = total(base, votes).prior()
        out: list[Resolution | None] = []
        for r in readings:
            if r.fixed is not None:
                out.append(Resolution(r.fixed))
                continue
            if r.brand:
                out.append(None)
                continue
            prior = priors[r.exact]
            best = max(r.cands, key=lambda e: self._score(r, e, prior), default=None)
            if best is not None and r.want_region and best.feature.startswith("PPL"):
                best = region_of(self.gaz, best) or best
            if best is not None and _stray(best, prior):
                best = None
            out.append(Resolution(best) if best is not None else None)
        # toponyms no entry fits: the area the text or the article puts them in
        placed = [(r.toponym.spans, res.entry) for r, res in zip(readings, out, strict=True) if res]
        for i, r in enumerate(readings):
            if out[i] is None and not r.brand:
                # an area the text names right after it, if the article is about that
                # country at all ("RS X, Diana Lilim": Diana is no region of Madagascar)
                area = r.within if r.within is not None and whole.supports(r.within) else None
                # "Bandara Denpasar" is in Denpasar, if the article is about that country
                named_for = [e for e in r.named_for if whole.supports(e)]
                area = area or max(named_for, key=_prominence, default=None)
                area = area or self._neighbour(text, r.toponym.spans, placed)
                area = area or whole.main_area(self.gaz)
                out[i] = Resolution(area, fallback=True) if area is not None else None
        return out

    def _neighbour(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        placed: Sequence[tuple[Sequence[tuple[int, int]], GeoEntry]],
    ) -> GeoEntry | None:
        """The area of the place named nearest a mention in its sentence ("the village of
        X in western Aleppo", "X, south of Hebron"): a region, or a town's region."""
        best: tuple[int, GeoEntry] | None = None
        for s, e in spans:
            for other, entry in placed:
                if entry.country is None:  # "Middle East", "Europe": no area of a state
                    continue
                for s2, e2 in other:
                    lo, hi = (e, s2) if s2 >= e else (e2, s)
                    gap = hi - lo
                    if 0 <= gap <= _NEAR_CHARS and not _SENTENCE_END.search(text, lo, hi):
                        if best is None or gap < best[0]:
                            best = (gap, entry)
        if best is None:
            return None
        entry = best[1]
        if entry.feature in NAMED_REGIONS:
            return self.gaz.countries.get(entry.country or "")
        if entry.feature.startswith("PPL"):
            return self.gaz.admin1.get(entry.admin1_code or "") or self.gaz.countries.get(
                entry.country or ""
            )
        return entry

    def _votes(self, readings: Sequence[_Reading], priors: dict[frozenset[str], Prior]) -> Ballots:
        """Each toponym's votes, by its names: in proportion to how likely each reading
        is (scores are in log10 units), so Paris, France takes Paris's vote while
        "Anderson County" splits its vote for a state among the states that have one."""
        votes: Ballots = defaultdict(Evidence)
        for r in readings:
            weight = float(len(r.toponym.spans) or 1)
            if r.fixed is not None:
                votes[r.exact].add(r.fixed, weight)
                continue
            prior = priors[r.exact]
            scored = [(self._score(r, e, prior), e) for e in r.cands]
            if not scored:
                votes[r.exact]  # noqa: B018 - an empty ballot, so it has a prior
                continue
            top = max(sc for sc, _ in scored)
            odds = [(10 ** ((sc - top) / _SOFTNESS), e) for sc, e in scored]
            norm = sum(o for o, _ in odds)
            for o, e in odds:
                if o / norm >= 0.01:
                    votes[r.exact].add(e, weight * o / norm)
        return votes

    # -- one toponym ---------------------------------------------------------------
    def _read(self, text: str, lang: str, t: Toponym) -> _Reading:
        words = place_words(lang)
        said = cues(lang)
        names = [place_alias(n, lang) for n in t.names]
        code = t.code
        states = [h for n in t.names if (h := state_table(lang).get(n))]
        territories: list[str] = [x for h in states if (x := getattr(h, "territory", None))]
        if territories:
            # "Jalur Gaza" is the Gaza Strip, a place of its own, not all of Palestine
            code, names = None, [*names, *territories]
        elif code is None and states:
            # names and demonyms ("Russian") of states; capitals as metonyms stay cities
            code = states[0].code if states[0].kind not in ("metonym",) else None
        want_region = any(said.region(text, s, e) for s, e in t.spans)
        want_city = any(said.town(text, s, e) for s, e in t.spans)
        levels = frozenset(lv for s, e in t.spans for lv in level_words(text, s, e, t.names, lang))
        within = next(
            (q for _, e in t.spans if (q := qualifier(self.gaz, text, e, lang))), None
        ) or next((q for _, e in t.spans if (q := container(self.gaz, text, e, lang))), None)
        names = list(dict.fromkeys(names))
        cands: list[GeoEntry] = []
        if not t.facility:
            abbreviated = [a for n in t.names if (a := abbreviated_region(self.gaz, n, lang))]
            cands = abbreviated or self._candidates(names)
            if not cands:
                # "Semarang Timur", "Greater Manila": the place the name is built on
                drop = set(words.get("drop_words", ()))
                shorter = [" ".join(w for w in n.split() if w.lower() not in drop) for n in names]
                shorter = [place_alias(n, lang) for n in shorter if n and n not in names]
                cands = self._candidates(shorter)
        if within is not None:
            inside = [e for e in cands if _inside(e, within)]
            cands = inside or cands
        fixed = self.gaz.countries.get(code) if code else None
        if fixed is not None and not any(e.country != code for e in cands):
            cands = []  # no homonym elsewhere: the state it is
        elif fixed is not None:
            # "Georgia" in a story from Atlanta: the state competes with its homonyms
            cands = [fixed, *(e for e in cands if e.geonameid != fixed.geonameid)]
            fixed = None
        exact = frozenset(name_key(n) for n in names)
        towns = [e for e in cands if e.feature.startswith("PPL")]
        seats = frozenset(
            e.geonameid
            for e in cands
            if e.feature in ("ADM1", "ADM2") and any(named_after(t, e) for t in towns)
        )
        named_for = self._named_for(t.names) if t.facility else []
        return _Reading(
            t, code, fixed, cands, want_region, want_city, within, exact, seats, named_for,
            levels, brand=_brand(t.names, cands),
        )  # fmt: skip

    def _named_for(self, names: Iterable[str]) -> list[GeoEntry]:
        """Towns and regions the last one or two words of a facility's name name."""
        out: list[GeoEntry] = []
        for n in names:
            words = n.split()
            for k in (2, 1):
                tail = words[-k:]
                if len(words) > k and all(w[:1].isupper() for w in tail):
                    out += [e for e in self.gaz.lookup(" ".join(tail))
                            if e.feature.startswith(("PPL", "ADM"))]  # fmt: skip
        return out

    def _candidates(self, names: Iterable[str]) -> list[GeoEntry]:
        seen: dict[int, GeoEntry] = {}
        for n in names:
            acronym = n.isupper() and len(n.replace(".", "")) <= 4
            for e in self.gaz.candidates(n):
                # "EU" is no town Eu: an acronym names only what is itself written so
                if not acronym or e.name.isupper():
                    seen.setdefault(e.geonameid, e)
        return list(seen.values())

    def _score(self, r: _Reading, e: GeoEntry, prior: Prior) -> float:
        s = _prominence(e)
        if e.feature.startswith("ADM"):
            s += _REGION_CUE if r.want_region else (-_CITY_CUE if r.want_city else 0.0)
            if not r.want_region and e.geonameid in r.seats:
                # a region named after its main town (Mosul district, Kursk Oblast): the
                # bare name is the town
                s -= _SEAT
        elif e.feature.startswith("PPL") and r.want_city:
            s += _CITY_CUE
        if name_key(e.name) in r.exact:
            s += _OWN_NAME
        if r.levels and e.feature.startswith("ADM"):
            # "Kabupaten Sukabumi" is the regency, "Kota Sukabumi" the city's district
            named = entry_levels(e)
            s += _LEVEL if named & r.levels else (-_LEVEL if named else 0.0)
        elif "city" in r.levels and e.feature.startswith("PPL"):
            s += _LEVEL  # the city itself is as good as its "Kota X" district
        return s + prior.of(e)


def _brand(names: tuple[str, ...], cands: Sequence[GeoEntry]) -> bool:
    """A brand's name as the text writes it (``names[0]`` is the entity's canonical name):
    a listed one, or one written in camel case that is no entry's own name ("KwaZulu-Natal"
    is)."""
    written = names[1:] or names
    if any(is_brand(n) for n in written):
        return True
    own = {name_key(e.name) for e in cands}
    return any(camel_case(n) and name_key(n) not in own for n in written)


def _prominence(e: GeoEntry) -> float:
    s = math.log10(max(e.population, _UNKNOWN_POPULATION))
    if e.feature.startswith("PCL"):
        s += _COUNTRY_BONUS
    elif e.feature == "PPLC":
        s += _CAPITAL_BONUS
    elif e.feature in NAMED_REGIONS:
        s += _REGION_BONUS
    return s


def _stray(e: GeoEntry, prior: Prior) -> bool:
    """Whether ``e`` is a small place off the article's map (see ``_STRAY_POPULATION``)."""
    main = prior.main_country
    return (
        main is not None
        and e.country != main
        and e.population < _STRAY_POPULATION
        and e.feature.startswith(("PPL", "ADM2"))
        and prior.countries.get(e.country or "", 0.0) < _STRAY_SHARE
    )


def _inside(entry: GeoEntry, area: GeoEntry) -> bool:
    if entry.geonameid == area.geonameid:
        return False
    if area.feature.startswith("PCL"):
        return entry.country == area.country
    if area.feature == "ADM2":
        return entry.admin2_code == area.admin2_code
    return entry.admin1_code == area.admin1_code
