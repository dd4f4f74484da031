"""An article's evidence about where it is: votes for countries and admin regions.

Every toponym votes, weighted by how many times it is named and spread over its readings
by how likely each is; the states an article names, its dateline and its outlet's home
vote too. A toponym is then judged against the evidence of the rest of the article
(:func:`leave_one_out`), and a toponym the gazetteer lacks may take the area most of the
evidence points to (:meth:`Prior.main_area`). The words of an article that mark a
country's civic life (``data/country_cues.toml``: "sheriff's office", "lakh", "Polres")
are weak votes of their own (:func:`cue_votes`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from .. import lang as langdata
from .gazetteer import Gazetteer, GeoEntry

# Weights of the prior, in the resolver's score units (log10 population)
PRIOR_COUNTRY = 3.0  # in the article's main country (scaled by its share of evidence)
PRIOR_ADMIN1 = 2.0  # in a region the article names or implies
PRIOR_ADMIN2 = 1.0
FALLBACK_SHARE = 0.5  # share of the evidence an area needs to hold unplaced toponyms
FALLBACK_VOTES = 2.0  # ... and votes: one passing mention is no article's main area
CUE_VOTE = 0.25  # each distinct civic cue of a country an article uses ...
CUE_CAP = 0.75  # ... up to less than one mention of a state (1.0)

Votes = defaultdict[str, float]  # country or region code -> weight of evidence
Ballots = dict[frozenset[str], "Evidence"]  # each toponym's votes, by its name keys


class Evidence:
    """Votes for the countries and regions an article is about."""

    def __init__(self) -> None:
        self.countries: Votes = defaultdict(float)
        self.admin1: Votes = defaultdict(float)
        self.admin2: Votes = defaultdict(float)

    def add(self, e: GeoEntry, w: float = 1.0) -> None:
        """A vote of weight ``w`` for ``e``'s country, admin1 and admin2 region."""
        if e.country:
            self.countries[e.country] += w
        if e.admin1_code and not e.feature.startswith("PCL"):
            self.admin1[e.admin1_code] += w
        if e.admin2_code:
            self.admin2[e.admin2_code] += w

    def copy(self) -> Evidence:
        out = Evidence()
        out.update(self)
        return out

    def update(self, other: Evidence, sign: float = 1.0) -> None:
        for mine, theirs in (
            (self.countries, other.countries),
            (self.admin1, other.admin1),
            (self.admin2, other.admin2),
        ):
            for key, v in theirs.items():
                mine[key] += sign * v

    def without(self, other: Evidence) -> Evidence:
        out = self.copy()
        out.update(other, -1.0)
        return out

    def prior(self) -> Prior:
        return Prior(self.countries, self.admin1, self.admin2)


class Prior:
    """The article's evidence, as shares of its strongest country and region."""

    def __init__(self, countries: Votes, admin1: Votes, admin2: Votes):
        self.countries = _shares(countries)
        self.admin1 = _shares(admin1)
        self.admin2 = _shares(admin2)
        self._main = [_dominant(c) for c in (countries, admin1, admin2)]

    def of(self, e: GeoEntry) -> float:
        s = PRIOR_COUNTRY * self.countries.get(e.country or "", 0.0)
        s += PRIOR_ADMIN1 * self.admin1.get(e.admin1_code or "", 0.0)
        return s + PRIOR_ADMIN2 * self.admin2.get(e.admin2_code or "", 0.0)

    @property
    def main_country(self) -> str | None:
        """The country holding most of the article's evidence, if one does."""
        return self._main[0]

    def supports(self, area: GeoEntry) -> bool:
        """Whether the article's evidence includes ``area``'s country."""
        return self.countries.get(area.country or "", 0.0) > 0

    def main_area(self, gaz: Gazetteer) -> GeoEntry | None:
        """The area the article is about, as precisely as its evidence says: a region
        that holds most of its places, else a country that holds most of them."""
        country, admin1, admin2 = self._main
        if country is None:
            return None
        for area in (gaz.admin2(admin2 or ""), gaz.admin1.get(admin1 or "")):
            if area is not None and area.country == country and area.lat is not None:
                return area
        return gaz.countries.get(country)


def _dominant(c: Votes) -> str | None:
    """The key holding more than ``FALLBACK_SHARE`` of the votes, if any, and at least
    ``FALLBACK_VOTES``: one passing mention is no article's main area."""
    total = sum(v for v in c.values() if v > 0)
    top = max(c.items(), key=lambda kv: kv[1], default=None)
    if top is None or top[1] < FALLBACK_VOTES or top[1] <= FALLBACK_SHARE * total:
        return None
    return top[0]


def total(base: Evidence, votes: Ballots) -> Evidence:
    """``base`` plus every toponym's votes."""
    out = base.copy()
    for v in votes.values():
        out.update(v)
    return out


def leave_one_out(base: Evidence, votes: Ballots) -> dict[frozenset[str], Prior]:
    """Each toponym's prior: the article's evidence without its own votes."""
    whole = total(base, votes)
    return {key: whole.without(v).prior() for key, v in votes.items()}


def _shares(c: Votes) -> dict[str, float]:
    top = max(c.values(), default=0.0)
    return {k: v / top for k, v in c.items() if v > 0} if top > 0 else {}


@cache
def _cue_patterns() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], tuple[str, ...]]]]:
    """The cues of ``data/country_cues.toml``: one regular expression that finds where any
    of them is, tried only where no letter or digit precedes (4x faster than a group per
    cue, which defeats the matcher's first-character check), and each cue on its own
    with its countries, to tell which ones match there."""
    cues = [
        (re.compile(pattern), tuple(codes.split()))
        for codes, patterns in langdata.data("country_cues")["cues"].items()
        for pattern in patterns
    ]
    anywhere = "|".join(f"(?:{c.pattern})" for c, _ in cues)
    # a lookahead, so that a cue starting inside another's match is found too
    return re.compile(rf"(?<!\w)(?=(?:{anywhere}))"), cues


def cue_votes(text: str, toponyms: Iterable[tuple[int, int]] = ()) -> dict[str, float]:
    """The countries whose civic words (currency, offices, courts, police, local
    government) ``text`` uses: ``CUE_VOTE`` for each distinct cue, at most ``CUE_CAP``;
    a cue several countries share votes for each of them. A cue that overlaps one of
    the ``toponyms`` spans ("Ohio" named as a place) is left out: the toponym votes."""
    finder, cues = _cue_patterns()
    spans = sorted(toponyms)
    starts = [s for s, _ in spans]
    seen: set[int] = set()
    for m in finder.finditer(text):
        for i, (cue, _) in enumerate(cues):
            if i in seen or not (hit := cue.match(text, m.start())):
                continue
            j = bisect_left(starts, hit.end()) - 1  # the last toponym starting before its end
            if j < 0 or spans[j][1] <= hit.start():
                seen.add(i)
    votes: dict[str, float] = defaultdict(float)
    for i in seen:
        for code in cues[i][1]:  # a mark several states share votes for each
            votes[code] += CUE_VOTE
    return {code: min(v, CUE_CAP) for code, v in votes.items()}
