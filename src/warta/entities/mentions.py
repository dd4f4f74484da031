"""Finding entity mentions in an article: the swappable first half of the entity stage.

A :class:`MentionFinder` turns text into :class:`Mention` candidates; linking them into
entities is :mod:`warta.entities.link`. :class:`RuleMentionFinder` uses lexicons
(states, organisations, titles, office holders) and the gazetteer; a statistical NER
model can replace or complement it by implementing the same protocol.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from ..geo.gazetteer import Gazetteer
from .institutions import find_institutions
from .knowledge import (
    Org,
    Title,
    holders,
    name_words,
    org_table,
    place_alias,
    place_words,
    pronouns,
    title_table,
)
from .states import StateName, canonical_name, state_table

# A capitalised word: "Rutte", "al-Assad", "O'Brien", "NATO", "Zelenskyy"
_CAP_RE = re.compile(r"[A-Z\u00C0-\u00DE][\w’'-]*(?:\.(?=\s[A-Z]))?")
_WORD_RE = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text naming (or referring to) an entity.

    ``kind``: "name" (a proper name), "pronoun" ("Ia", "he"), or "description" ("Kepala
    NATO": a head-of title with no name, resolved to the person holding that office).
    """

    start: int
    end: int
    text: str
    type: str  # PERSON ORG GPE LOC MEDIA NORP FAC
    name: str
    kind: str = "name"
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    head: bool = False  # the role is the top office of ``code``


class MentionFinder(Protocol):
    def __call__(self, text: str, lang: str) -> list[Mention]: ...


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The language's function words (justext's stoplists, shipped with trafilatura's
    dependency): a capitalised "Selama" or "Law" at a sentence start is not a place."""
    import justext

    names = {"id": "Indonesian", "en": "English", "ms": "Malay"}
    try:
        return frozenset(justext.get_stoplist(names.get(lang, "English")))
    except (ValueError, KeyError):
        return frozenset()


def _code_name(value: Org | StateName) -> tuple[str | None, str | None]:
    if isinstance(value, StateName):
        return value.code, canonical_name(value.code)
    return value.code, value.name


def _capitalised(text: str, start: int) -> bool:
    return text[start : start + 1].isupper()


class RuleMentionFinder:
    """Lexicon, title-cue and gazetteer rules (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, text: str, lang: str) -> list[Mention]:
        taken = bytearray(len(text))  # 1 where a mention already covers the character
        out: list[Mention] = []

        def add(m: Mention) -> None:
            out.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)

        def free(s: int, e: int) -> bool:
            return not any(taken[s:e])

        for hit in org_table().find(text):
            if _capitalised(text, hit.start):
                o = hit.value
                add(
                    Mention(
                        hit.start, hit.end, hit.text, o.type, o.name, code=o.code, sector=o.sector
                    )
                )
        for hit in find_institutions(text, lang):
            if free(hit.start, hit.end):
                o = hit.value
                add(Mention(hit.start, hit.end, hit.text, "ORG", o.name, code=o.code,
                            sector=o.sector))  # fmt: skip
        states = [h for h in state_table(lang).find(text) if _capitalised(text, h.start)]
        for hit in states:
            if free(hit.start, hit.end) and hit.value.kind != "metonym":
                code = hit.value.code
                add(
                    Mention(
                        hit.start, hit.end, hit.text, "GPE", canonical_name(code) or code, code=code
                    )
                )
        self._people(text, lang, add, free)
        self._names(text, lang, add, free, out)
        for m in re.finditer(r"\w+", text):
            if m.group().lower() in pronouns(lang) and free(m.start(), m.end()):
                add(Mention(m.start(), m.end(), m.group(), "PERSON", "", kind="pronoun"))
        return sorted(out, key=lambda m: m.start)

    # -- people announced by a title ------------------------------------------------
    def _complement(
        self, text: str, lang: str, start: int, end: int
    ) -> tuple[str | None, str | None, int, int]:
        """The state or organisation a title at [start,end) is the title of: right after it
        ("Presiden Rusia", "Secretary General of NATO") or right before it ("Russian
        Foreign Minister"). Returns (code, English name, span start, span end)."""
        gap = re.match(r"\s+(?:of\s+(?:the\s+)?)?", text[end:])
        pos = end + (gap.end() if gap else 0)
        inst = next(find_institutions(text, lang, pos, min(len(text), pos + 100)), None)
        if inst and inst.start == pos:
            return (*_code_name(inst.value), start, inst.end)
        for table in (org_table(), state_table(lang)):
            hit = next(iter(table.find(text, pos, min(len(text), pos + 80))), None)
            if hit and hit.start == pos and _capitalised(text, pos):
                return (*_code_name(hit.value), start, hit.end)
        lead = max(0, start - 40)
        for table in (org_table(), state_table(lang)):
            hits = list(table.find(text, lead, start))
            between = text[hits[-1].end : start].strip() if hits else "x"
            # "U.S. Secretary of State": the abbreviation's own final period may sit between
            if (
                hits
                and (not between or (between == "." and "." in hits[-1].text))
                and _capitalised(text, hits[-1].start)
            ):
                return (*_code_name(hits[-1].value), hits[-1].start, end)
        return None, None, start, end

    def _name_after(self, text: str, lang: str, pos: int) -> tuple[int, int] | None:
        """A capitalised personal name starting right at ``pos`` (after spaces)."""
        gap = re.match(r"\s*", text[pos:])
        start = pos + (gap.end() if gap else 0)
        words = name_words(lang)
        end = start
        count = 0
        for m in _WORD_RE.finditer(text, start):
            if m.start() != end and text[end : m.start()].strip() not in ("",):
                break
            w = m.group()
            if w[:1].isupper() and w not in words.get("not_names", ()):
                end, count = m.end(), count + 1
            elif w.lower() in words.get("particles", ()) and count:
                end_candidate = m.end()
                nxt = _WORD_RE.match(text, end_candidate + 1)
                if not (nxt and nxt.group()[:1].isupper()):
                    break
                end = end_candidate
            else:
                break
            if count >= 5:
                break
        return (start, end) if count else None

    def _people(self, text: str, lang: str, add, free) -> None:  # type: ignore[no-untyped-def]
        for hit in title_table(lang).find(text):
            if not free(hit.start, hit.end):
                continue
            t: Title = hit.value
            code, body, s, e = self._complement(text, lang, hit.start, hit.end)
            role = f"{t.role} of {body}" if body else t.role
            span = self._name_after(text, lang, e)
            if span and free(*span) and not self._is_org_or_state(text[span[0] : span[1]], lang):
                ns, ne = span
                name = text[ns:ne]
                known = holders().get(name)
                full = known[0].name if known else name
                add(
                    Mention(
                        ns,
                        ne,
                        name,
                        "PERSON",
                        full,
                        code=code,
                        sector=t.sector,
                        role=role,
                        head=t.head,
                    )
                )
            elif t.head and code and free(hit.start, hit.end):
                add(Mention(s, e, text[s:e], "PERSON", "", kind="description", code=code,
                            sector=t.sector, role=role, head=True))  # fmt: skip

    def _is_org_or_state(self, name: str, lang: str) -> bool:
        return org_table().get(name) is not None or state_table(lang).get(name) is not None

    def _apposition(self, text: str, lang: str, end: int) -> Title | None:
        """A title right after ", " following a name ("Ivan Fedorov, governor of ...")."""
        m = re.match(r",\s+(?:the\s+|a\s+)?", text[end : end + 8])
        if not m:
            return None
        pos = end + m.end()
        hit = next(iter(title_table(lang).find(text, pos, min(len(text), pos + 60))), None)
        return hit.value if hit and hit.start == pos else None

    # -- bare capitalised names -----------------------------------------------------
    def _names(self, text: str, lang: str, add, free, out: list[Mention]) -> None:  # type: ignore[no-untyped-def]
        words = name_words(lang)
        pw = place_words(lang)
        not_places = set(pw.get("not_places", ()))
        stop = stopwords(lang)
        pos = 0
        while True:
            m = _CAP_RE.search(text, pos)
            if not m:
                return
            span = self._name_after(text, lang, m.start())
            if not span:
                pos = m.end()
                continue
            s, e = span
            pos = e
            if not free(s, e):
                continue
            name = text[s:e]
            held = holders().get(name)
            if " " not in name and name in {
                w for m in out if m.type == "PERSON" for w in m.text.split()
            }:
                # a surname of someone already named outranks a same-named place (Kerry)
                add(Mention(s, e, name, "PERSON", name, kind="surname?"))
                continue
            if held:
                add(Mention(s, e, name, "PERSON", held[0].name))
                continue
            appos = self._apposition(text, lang, e) if " " in name else None
            if appos is not None:
                add(Mention(s, e, name, "PERSON", name, sector=appos.sector, role=appos.role))
                continue
            common = " " not in name and (name in not_places or name.lower() in stop)
            places = self.gazetteer.lookup(place_alias(name, lang)) if not common else []
            if places and (name.isupper() is False):
                best = max(places, key=lambda g: (g.population, g.feature == "PPLC"))
                typ = "GPE" if best.feature[:3] in ("PPL", "ADM", "PCL") else "LOC"
                # the gazetteer's name is the English exonym when the text used an
                # alias it knows ("Moskow" -> "Moscow"); regions keep the text's form
                canon = (
                    best.name if best.feature.startswith("PPL") and best.name.isascii() else name
                )
                add(Mention(s, e, name, typ, canon, code=None))
                continue
            nxt = _WORD_RE.search(text, e)
            prev = re.search(r"(\w+)\W*$", text[max(0, s - 20) : s])
            n_words = len(name.split())
            by_verb = nxt is not None and nxt.group().lower() in words.get("person_verbs", ())
            by_honorific = prev is not None and prev.group(1).lower() in words.get("honorifics", ())
            if (n_words >= 2 and by_verb) or by_honorific:
                add(Mention(s, e, name, "PERSON", name))
            elif n_words == 1:
                # a lone word: maybe a surname of a person named earlier (link decides)
                add(Mention(s, e, name, "PERSON", name, kind="surname?"))
