"""Cues that settle a place name the gazetteer alone cannot: a region named beside the
city it is called after ("the Kherson region" and "the city of Kherson" are two
places) and a place the gazetteer lacks, placed in a state ("in Kafr Nasir, northern
Syria"). The cue words are the language's ``places.toml``."""

from __future__ import annotations

import re

from .states import state_table


def _words_re(phrases: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len)[::-1])


def region_of_city(text: str, pw: dict[str, tuple[str, ...]], s: int, e: int, name: str) -> bool:
    """Whether ``name`` at ``[s, e)`` is a region ("<name> region", "wilayah <name>") of a
    text that also names a city so called ("the city of <name>", "kota <name>")."""
    after, before = pw.get("region_after", ()), pw.get("region_before", ())
    region = bool(after) and re.compile(rf"\s+(?:{_words_re(after)})(?!\w)", re.I).match(text, e)
    if not region and before:
        window = text[max(0, s - 40) : s]
        region = re.search(rf"(?<!\w)(?:{_words_re(before)})\s+$", window, re.I)
    if not region:
        return False
    city_before, city_after = pw.get("city_before", ()), pw.get("city_after", ())
    n = re.escape(name)
    cues = []
    if city_before:
        cues.append(rf"(?<!\w)(?:{_words_re(city_before)})\s+{n}(?!\w)")
    if city_after:
        cues.append(rf"(?<!\w){n}\s+(?:{_words_re(city_after)})(?!\w)")
    return bool(cues) and re.search("|".join(cues), text, re.I) is not None


# ", northern Syria" / ", Suriah": a state (with at most one word before it) closing a clause
_IN_STATE_RE = re.compile(
    r",\s+(?:[a-z]+\s+)?(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?=\s*[.,;:)\n]|$)"
)


def place_in_state(text: str, lang: str, pw: dict[str, tuple[str, ...]], s: int, e: int) -> bool:
    """Whether the name at ``[s, e)`` follows a locative word and is placed in a state
    ("in Kafr Nasir, northern Syria", "di Desa Kafr, Suriah")."""
    before = re.search(r"(\w+)\s+$", text[max(0, s - 20) : s])
    # "of"/"dari" introduce owners and sources as often as places
    locative = set(pw.get("locative", ())) - {"of", "dari"}
    if before is None or before.group(1).lower() not in locative:
        return False
    m = _IN_STATE_RE.match(text, e)
    if m is None:
        return False
    hit = state_table(lang).get(m.group("state"))
    return hit is not None and hit.kind in ("name", "territory")
