"""States: ISO codes, canonical English names, and every way a language names them.

Names come from packages (pycountry for codes and English names, babel for each
language's territory names) plus ``lang/<code>/countries.toml`` (aliases, demonyms,
metonyms such as capitals standing for governments, and territories such as the Gaza
Strip that are places of their own yet code as their state). Built once per language and
cached.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .. import lang as langdata
from ..cache import cached, dist_version
from .lexicon import PhraseTable

# Building these tables from pycountry and babel takes a tenth of a second of the first
# record (imports included); they load from warta's disk cache, keyed by the packages'
# versions, the language files and this module's code (see ``warta.cache``).
_SOURCES = ("warta.entities.states", "warta.entities.lexicon")

# babel's English short names read best as canonical names; a few are not what news uses.
_CANONICAL_OVERRIDES = {
    "PSE": "Palestine",
    "TUR": "Turkey",
    "CZE": "Czech Republic",
    "MMR": "Myanmar",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "VAT": "Vatican City",
    "CIV": "Ivory Coast",
}


@dataclass(frozen=True, slots=True)
class StateName:
    """What a phrase names: a state (``code``), and how (name, demonym or metonym)."""

    code: str
    kind: str  # "name" | "demonym" | "metonym" | "territory"
    # a territory's own English name ("Gaza Strip"): a place of its own, coded with the state
    territory: str | None = None


def _clean(name: str) -> list[str]:
    # "Myanmar (Burma)" -> ["Myanmar", "Burma"]; "Kongo - Kinshasa" is not a usable name
    if " - " in name:
        return []
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    return [m.group(1), m.group(2)] if m else [name]


def _versions() -> tuple[str, str]:
    return dist_version("pycountry"), dist_version("babel")  # not importlib.metadata: 0.1 s


def _lang_file(lang: str) -> bytes:
    path = resources.files("warta").joinpath("lang").joinpath(lang).joinpath("countries.toml")
    return path.read_bytes() if path.is_file() else b""


@cache
def alpha2_to_alpha3() -> dict[str, str]:
    return cached("alpha3", _versions(), _alpha2_to_alpha3, sources=_SOURCES)


def _alpha2_to_alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@cache
def canonical_names() -> dict[str, str]:
    """ISO alpha-3 -> English name as news writes it ("North Korea", "Russia")."""
    return cached("state-names", _versions(), _canonical_names, sources=_SOURCES)


def _canonical_names() -> dict[str, str]:
    import pycountry
    from babel import Locale

    en = Locale("en").territories
    out: dict[str, str] = {}
    for c in pycountry.countries:
        names = _clean(en.get(c.alpha_2, "")) or [getattr(c, "common_name", None) or c.name]
        out[c.alpha_3] = names[0]
    out.update(_CANONICAL_OVERRIDES)
    return out


def canonical_name(code: str) -> str | None:
    return canonical_names().get(code)


@cache
def state_table(lang: str) -> PhraseTable[StateName]:
    """Every name of every state in ``lang`` (and English, which news in any language
    borrows), mapped to its code."""
    langs = dict.fromkeys((lang, "en"))
    files = tuple(hashlib.sha256(_lang_file(lg)).hexdigest() for lg in langs)
    key: Any = (lang, _versions(), files)
    return cached(f"states-{lang}", key, lambda: _state_table(lang), sources=_SOURCES)


def _state_table(lang: str) -> PhraseTable[StateName]:
    import pycountry
    from babel import Locale, UnknownLocaleError

    a3 = alpha2_to_alpha3()
    table: PhraseTable[StateName] = PhraseTable()
    for lg in dict.fromkeys((lang, "en")):
        data = langdata.load(lg, "countries")
        for kind, section in (
            ("name", "aliases"),
            ("demonym", "demonyms"),
            ("metonym", "metonyms"),
        ):
            for code, names in data.get(section, {}).items():
                for n in names:
                    table.add(n, StateName(code, kind))
        for code, places in data.get("territories", {}).items():
            for english, names in places.items():
                for n in (english, *names):
                    table.add(n, StateName(code, "territory", english))
        try:
            territories = Locale(lg).territories
        except (UnknownLocaleError, ValueError):
            territories = {}
        for alpha2, name in territories.items():
            if alpha2 in a3:
                for n in _clean(name):
                    table.add(n, StateName(a3[alpha2], "name"))
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n:
                table.add(n, StateName(c.alpha_3, "name"))
    return table
