"""States: ISO codes, canonical English names, and every way a language names them.

Names come from packages (pycountry for codes and English names, babel for each
language's territory names) plus ``lang/<code>/countries.toml`` (aliases, demonyms and
metonyms such as capitals standing for governments). Built once per language and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError

from .. import lang as langdata
from .lexicon import PhraseTable

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
    kind: str  # "name" | "demonym" | "metonym"


def _clean(name: str) -> list[str]:
    # "Myanmar (Burma)" -> ["Myanmar", "Burma"]; "Kongo - Kinshasa" is not a usable name
    if " - " in name:
        return []
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    return [m.group(1), m.group(2)] if m else [name]


@cache
def alpha2_to_alpha3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@cache
def canonical_names() -> dict[str, str]:
    """ISO alpha-3 -> English name as news writes it ("North Korea", "Russia")."""
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
