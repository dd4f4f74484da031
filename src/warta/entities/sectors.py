"""Actor coding from words: the PLOVER sector and the state a phrase implies.

``sector_of("Pasukan Korea Utara", "id") == "MIL"``; ``country_of("Russian airstrikes",
"en") == "RUS"``. The events stage calls both on actor and recipient phrases; the entity
stage uses them on roles. Word lists live in ``lang/<code>/sectors.toml`` and
``countries.toml``.
"""

from __future__ import annotations

from functools import cache

from .. import lang as langdata
from .lexicon import PhraseTable
from .states import state_table


@cache
def _sector_tables(lang: str) -> tuple[PhraseTable[str], PhraseTable[str], bool]:
    data = langdata.load(lang, "sectors")
    strong: PhraseTable[str] = PhraseTable()
    weak: PhraseTable[str] = PhraseTable()
    weak_words = {w for words in data.get("weak", {}).values() for w in words}
    for code, words in data.get("weak", {}).items():
        for w in words:
            weak.add(w, code)
    # A weak word listed among the strong ones too would hide the specific word next to
    # it ("pejabat intelijen"), so the weak list takes it out of the strong table.
    for code, words in data.get("sectors", {}).items():
        for w in words:
            if w not in weak_words:
                strong.add(w, code)
    return strong, weak, data.get("head", "first") == "last"


def sector_of(text: str, lang: str) -> str | None:
    """The PLOVER sector code the words of ``text`` imply, or None.

    The head noun decides ("kepala polisi" -> COP, "police chief" -> COP): the first sector
    word in head-first languages, the last in head-last ones, as the language's
    ``sectors.toml`` says. Generic words ("pejabat", "officials") count only when nothing
    more specific is present.
    """
    strong, weak, head_last = _sector_tables(lang)
    hits = [h.value for h in strong.find(text)]
    if not hits:
        hits = [h.value for h in weak.find(text)]
    if not hits:
        return None
    return hits[-1] if head_last else hits[0]


def country_of(text: str, lang: str) -> str | None:
    """ISO 3166-1 alpha-3 of the state ``text`` names or implies (by name, demonym or a
    capital standing for its government), or None. When several states are named the
    first one wins ("pasukan Korea Utara di Rusia" -> PRK)."""
    for hit in state_table(lang).find(text):
        return hit.value.code
    return None


# the sectors of a state's own offices: its officials and bodies speak for it
_STATE_OFFICES = frozenset({"GOV", "MIL"})


@cache
def _office_table(lang: str, generic: bool) -> PhraseTable[bool]:
    table: PhraseTable[bool] = PhraseTable()
    for phrase, row in langdata.load(lang, "titles").get("titles", {}).items():
        if row.get("sector") in _STATE_OFFICES:
            table.add(phrase, True)
    for phrase, row in langdata.load(lang, "institutions").get("heads", {}).items():
        if row.get("sector") in _STATE_OFFICES:
            table.add(phrase, True)
    if generic:
        for word in langdata.load(lang, "sectors").get("weak", {}).get("GOV", ()):
            table.add(word, True)  # "the Department", "the agency", "officials"
    return table


def names_office(text: str, lang: str, generic: bool = False) -> bool:
    """Whether ``text`` names a state office or official by its title ("the Secretary",
    "the Foreign Ministry"); with ``generic`` also by a generic word ("the Department",
    "officials"), which only a body's own release uses of itself."""
    return any(True for _ in _office_table(lang, generic).find(text))
