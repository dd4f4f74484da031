"""Curated knowledge the entity stage looks things up in: organisations and media
(``data/orgs.toml``), office holders (``data/office_holders.toml``) and each language's
titles (``lang/<code>/titles.toml``). Read once per process."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .. import lang as langdata
from ..cache import cached, parse_toml
from .lexicon import PhraseTable


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    type: str  # ORG | MEDIA
    code: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    role: str
    code: str | None
    sector: str | None
    start: str
    end: str  # "" while in office

    def holds_on(self, day: str | None) -> bool:
        return day is None or (self.start <= day and (not self.end or day < self.end))


@dataclass(frozen=True, slots=True)
class Title:
    role: str
    sector: str | None
    head: bool


@cache
def org_table() -> PhraseTable[Org]:
    # building it is most of the NER's first-use cost: the disk cache keeps it, keyed by
    # the file's text and the code that builds it
    text = resources.files("warta").joinpath("data", "orgs.toml").read_text("utf-8")
    key = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    return cached("orgs", key, lambda: _org_table(text), sources=_SOURCES)


_SOURCES = ("warta.entities.knowledge", "warta.entities.lexicon")


def _org_table(text: str) -> PhraseTable[Org]:
    table: PhraseTable[Org] = PhraseTable()
    for row in parse_toml(text, "data-orgs.toml")["org"]:
        org = Org(row["name"], row["type"], row["code"] or None, row["sector"] or None)
        for alias in (row["name"], *row["aliases"]):
            table.add(alias, org)
    return table


@cache
def institution_orgs() -> dict[tuple[str, str], Org]:
    """(state code, institution head in English) -> the named organisation that is that
    institution ("ISR", "Armed Forces") -> Israel Defense Forces."""
    out: dict[tuple[str, str], Org] = {}
    for row in langdata.data("orgs")["org"]:
        org = Org(row["name"], row["type"], row["code"] or None, row["sector"] or None)
        for head in row.get("institution", ()):
            out.setdefault((row["code"], head), org)
    return out


@cache
def holders() -> PhraseTable[tuple[Holder, ...]]:
    """Name or alias -> every term of office under that name (a person may hold several)."""
    by_alias: dict[str, list[Holder]] = {}
    for row in langdata.data("office_holders")["holder"]:
        h = Holder(row["name"], row["role"], row["code"] or None, row["sector"] or None,
                   row["start"], row["end"])  # fmt: skip
        for alias in (row["name"], *row["aliases"]):
            by_alias.setdefault(alias, []).append(h)
    return PhraseTable((a, tuple(hs)) for a, hs in by_alias.items())


def holder_for(name: str, day: str | None, role: str | None = None) -> Holder | None:
    """The term of office of ``name`` on ``day`` (the latest term when none fits). A
    ``role`` the text gives ("Foreign Secretary") keeps only the terms of that office, so
    an undated page still finds the office it names, not the person's latest one."""
    terms = holders().get(name)
    if not terms:
        return None
    if role:
        terms = tuple(t for t in terms if t.role.startswith(role)) or terms
    fitting = [t for t in terms if t.holds_on(day)]
    return (fitting or sorted(terms, key=lambda t: t.start))[-1]


@cache
def title_table(lang: str) -> PhraseTable[Title]:
    table: PhraseTable[Title] = PhraseTable()
    for phrase, row in langdata.load(lang, "titles").get("titles", {}).items():
        t = Title(row["role"], row.get("sector") or None, bool(row.get("head", False)))
        # titles are matched in any case: "Presiden", "presiden", "PRESIDEN"
        table.add(phrase.lower(), t)
    return table


@cache
def name_words(lang: str) -> dict[str, frozenset[str]]:
    names = langdata.load(lang, "titles").get("names", {})
    return {k: frozenset(v) for k, v in names.items()}


@cache
def place_words(lang: str) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in langdata.load(lang, "places").items() if k != "aliases"}


@cache
def pronouns(lang: str) -> frozenset[str]:
    return frozenset(langdata.load(lang, "pronouns").get("person", ()))


@cache
def _place_aliases(lang: str) -> dict[str, str]:
    return dict(langdata.load(lang, "places").get("aliases", {}))


@cache
def place_alias_table(lang: str) -> PhraseTable[str]:
    """The language's own names of places and regions, found in text ("Timur Tengah")."""
    return PhraseTable(_place_aliases(lang).items())


def place_alias(name: str, lang: str) -> str:
    """The gazetteer's name for a local place name ("Timur Tengah" -> "Middle East")."""
    return _place_aliases(lang).get(name, name)


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """Day and month names and their abbreviations ("Nov", "Selasa"), lower-cased from
    ``lang/<code>/dates.toml``: capitalised, yet never a name on their own."""
    data = langdata.load(lang, "dates")
    return frozenset(w.lower() for key in ("weekdays", "months") for w in data.get(key, {}))


@cache
def groups(lang: str) -> frozenset[str]:
    """Peoples, faiths and languages (``groups`` in ``countries.toml``), lower-cased."""
    return frozenset(w.lower() for w in langdata.load(lang, "countries").get("groups", ()))


@cache
def org_last_words(lang: str) -> frozenset[str]:
    """Words that end the name of a company, club or institute and no person's name
    ("Counterpoint Research", "Arema FC"): ``org_last`` in ``institutions.toml``."""
    named = langdata.load(lang, "institutions").get("named", {})
    return frozenset(named.get("org_last", ()))


@cache
def international_words(lang: str) -> frozenset[str]:
    """Words that make a body international rather than a state's ("Badan Tenaga Atom
    Internasional"): ``international`` in ``institutions.toml``, lower-cased."""
    named = langdata.load(lang, "institutions").get("named", {})
    return frozenset(w.lower() for w in named.get("international", ()))
