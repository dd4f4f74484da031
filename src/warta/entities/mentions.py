"""Finding entity mentions in an article: the swappable first half of the entity stage.

A :class:`MentionFinder` turns text into :class:`Mention` candidates; linking them into
entities is :mod:`warta.entities.link`. :class:`RuleMentionFinder` uses lexicons
(states, organisations, titles, office holders) and the gazetteer; a statistical NER
model can replace or complement it by implementing the same protocol.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

from .. import lang as langdata
from ..geo.gazetteer import Gazetteer, GeoEntry
from ..text import fold
from .institutions import find_families, find_institutions
from .knowledge import (
    Org,
    Title,
    calendar_words,
    groups,
    holders,
    name_words,
    org_last_words,
    org_table,
    place_alias,
    place_alias_table,
    place_words,
    pronouns,
    title_table,
)
from .lexicon import Hit
from .named import find_named, headlines
from .placecues import compass_places, jurisdiction, place_in_state, region_of_city
from .states import StateName, canonical_name, state_table

# A capitalised word: "Rutte", "al-Assad", "O'Brien", "NATO", "Zelenskyy"
_CAP_RE = re.compile(r"[A-Z\u00C0-\u00DE][\w’'-]*(?:\.(?=\s[A-Z]))?")
_WORD_RE = re.compile(r"[\w’'-]+")
# A dateline opening a paragraph: capitals, maybe the outlet, then a dash ("NEW YORK -",
# "WASHINGTON DC–", "JAKARTA, KOMPAS.com -")
# A hyphen glued on both sides follows only a longer word: "TNI-Polri" is no dateline.
_DATELINE_RE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.']{2,}(?:[ \t]+[A-Z][A-Z.']*){0,3}(?:,[ \t]*[\w.]+)?"
    r"(?=(?:[ \t]*[–—]|[ \t]+-|-[ \t]|(?<=[A-Z]{4})-)[ \t]*[A-Z\d\"“])"
)
# A nickname in brackets inside a name: "Bartholomeus (Bart) Wirawan"
_NICKNAME_RE = re.compile(r"\s+\(([A-Z][a-z][\w'-]*)\)(?=\s+[A-Z])")
_SPACE_RE = re.compile(r"\s*")
_OF_RE = re.compile(r"\s+(?:of\s+(?:the\s+)?)?")
# An acronym word ("BI", "DPR"): a body's short name, not a person's
_ACRONYM_RE = re.compile(r"[A-Z]{2,}(?=\s)")
_BRACKETS_RE = re.compile(r"\([^)]*\)")
_ANY_WORD_RE = re.compile(r"\w+")
_LAST_WORD_RE = re.compile(r"(\w+)\W*$")
# A social-media handle standing for a person after a title: "Presiden @prabowo"
_HANDLE_RE = re.compile(r"\s*@(\w{3,})")
# What may stand between an office and an honorific of the same person: the office's
# body abbreviated in brackets ("Menlu Uni Emirat Arab (UEA) Sheikh Abdullah").
_OFFICE_GAP_RE = re.compile(r"\s*(?:\([^()]{1,15}\))?\s*")


def plain_name(written: str) -> str:
    """A name without the nickname in brackets it was written with."""
    return " ".join(_BRACKETS_RE.sub(" ", written).split())


def datelines(text: str) -> list[tuple[int, int]]:
    """Spans of the datelines opening paragraphs of ``text`` (see ``_DATELINE_RE``)."""
    return [m.span() for m in _DATELINE_RE.finditer(text)]


@cache
def _family_stops(lang: str) -> frozenset[str]:
    """Words that end the place after a body's short form ("Polres Bogor AKBP Andi",
    "Polda Jatim Senin"): titles, calendar words, pronouns and words no name starts with."""
    titles = {p.split()[0].lower() for p in langdata.load(lang, "titles").get("titles", {})}
    openers = langdata.load(lang, "institutions").get("named", {}).get("not_first", ())
    return frozenset(titles | calendar_words(lang) | pronouns(lang) | set(openers))


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
    names = {"id": "Indonesian", "en": "English", "ms": "Malay"}
    # read as justext.get_stoplist reads it, without importing justext (which pulls in
    # lxml.html and ssl: a tenth of a second at start-up for a list of words)
    spec = importlib.util.find_spec("justext")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return frozenset()
    path = Path(next(iter(folders)), "stoplists", f"{names.get(lang, 'English')}.txt")
    try:
        data = path.read_bytes()
    except OSError:
        return frozenset()
    return frozenset(w.decode("utf8").lower() for w in data.splitlines())


def plain_word(word: str) -> str:
    """A word without case or accents ("Ségolène" and "Segolene" are one name)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def given_names() -> dict[str, str]:
    """Given names and the gender they are usually given to (``data/given_names.toml``),
    keyed by :func:`plain_word`."""
    data = langdata.data("given_names")
    return {plain_word(n): g for g in ("male", "female") for n in data.get(g, ())}


def _code_name(value: Org | StateName) -> tuple[str | None, str | None]:
    if isinstance(value, StateName):
        return value.code, canonical_name(value.code)
    return value.code, value.name


def _particle_name(word: str, particles: frozenset[str]) -> bool:
    """ "al-Kubra", "el-Sisi": a particle joined to a capitalised name part."""
    head, _, rest = word.partition("-")
    return head.lower() in particles and rest[:1].isupper()


def _capitalised(text: str, start: int) -> bool:
    return text[start : start + 1].isupper()


def _capitalised_tail(text: str, lang: str, hit: Hit[StateName]) -> Hit[StateName] | None:
    """The state name that ends a lower-case-led ``hit``, from its first capital on."""
    for w in _WORD_RE.finditer(text, hit.start, hit.end):
        if w.start() > hit.start and w.group()[:1].isupper():
            value = state_table(lang).get(text[w.start() : hit.end])
            if value is not None:
                return Hit(w.start(), hit.end, text[w.start() : hit.end], value)
            return None
    return None


def _affixed(word: str, affixes: frozenset[str]) -> bool:
    """Whether ``word`` has one of the circumfixes ``affixes`` ("per-an") around a stem of
    at least four letters."""
    for a in affixes:
        pre, _, suf = a.partition("-")
        if word.startswith(pre) and word.endswith(suf) and len(word) >= len(pre) + len(suf) + 4:
            return True
    return False


def _lowercase_elsewhere(text: str, word: str) -> bool:
    """Whether ``word`` is also written in lower case in the text: a common word ("Kalau",
    "Bank", "Real" at a sentence start), not a place the gazetteer knows by that name."""
    low = word.lower()
    if low == word:
        return False
    if _RUN_RE.fullmatch(low):  # a whole run of word characters: look it up
        return low in _runs(text)
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


_RUN_RE = re.compile(r"[\w-]+")


@lru_cache(maxsize=2)
def _runs(text: str) -> frozenset[str]:
    """The text's maximal runs of word characters and hyphens: a word delimited by neither
    is one of them (a set, so asking for every capitalised word is not quadratic)."""
    return frozenset(_RUN_RE.findall(text))


# A one-word name the gazetteer knows only under another name (an alternate spelling:
# "Kairo" for Cairo, but also "Saya" for Suya, "Siti" for the City of London) is taken
# for that place only when the place is a capital or a big city.
_ALIAS_MIN_POPULATION = 100_000


def _prominent_alias(written: str, looked_up: str, best: GeoEntry) -> bool:
    if fold(looked_up) == fold(best.name) or fold(written) == fold(best.name):
        return True
    return best.feature == "PPLC" or best.population >= _ALIAS_MIN_POPULATION


class RuleMentionFinder:
    """Lexicon, title-cue and gazetteer rules (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(
        self, text: str, lang: str, people: Sequence[tuple[int, int]] | None = None
    ) -> list[Mention]:
        """Mentions in ``text``; ``people``: spans a statistical model reads as persons'
        names, which end a body's name found by its head word."""
        taken = bytearray(len(text))  # 1 where a mention already covers the character
        out: list[Mention] = []

        def add(m: Mention) -> None:
            out.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)

        def free(s: int, e: int) -> bool:
            return not any(taken[s:e])

        for s, e in datelines(text):
            # a dateline the page glued to its paragraph ("WASHINGTON DC -Donald Trump"):
            # the place it was filed from, never part of a name or an actor
            taken[s:e] = b"\x01" * (e - s)
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
        # the families are the home country's bodies, its civil associations included
        home = (place_words(lang).get("home_country") or (None,))[0]
        for fam in find_families(text, lang, _family_stops(lang), self._known_place):
            if free(fam.start, fam.end):
                add(Mention(fam.start, fam.end, fam.text, "ORG", fam.text, code=home,
                            sector=fam.value))  # fmt: skip
        for n in find_named(text, lang, free, self.gazetteer, people or ()):
            if free(n.start, n.end):
                add(Mention(n.start, n.end, n.text, n.type, n.name, code=n.code, sector=n.sector))
        for st in state_table(lang).find(text):
            if not _capitalised(text, st.start):
                # "wilayah Palestina": a lower-case word begins a longer name of the state
                st = _capitalised_tail(text, lang, st)  # type: ignore[assignment]
            if st is None or not free(st.start, st.end):
                continue
            if st.value.kind == "metonym":
                continue
            code = st.value.code
            if st.value.territory:  # "Jalur Gaza": a place of its own, coded PSE
                add(Mention(st.start, st.end, st.text, "LOC", st.value.territory, code=code))
                continue
            name = canonical_name(code) or code
            add(Mention(st.start, st.end, st.text, "GPE", name, code=code))
        for pa in place_alias_table(lang).find(text):
            # "Timur Tengah", "Asia Tenggara": regions named with words that are no name
            # on their own ("Timur"), so the name rules below would miss them
            if _capitalised(text, pa.start) and free(pa.start, pa.end):
                add(self._place(pa.start, pa.end, pa.text, pa.value))
        for area in compass_places(text, place_words(lang), self.gazetteer.lookup):
            if free(area.start, area.end):  # "Jawa Barat", "South Sulawesi": one name
                add(self._place(area.start, area.end, text[area.start : area.end], area.name))
        titles = self._people(text, lang, add, free, out, people)
        self._names(text, lang, add, free, out, titles)
        said = pronouns(lang)
        for m in _ANY_WORD_RE.finditer(text):
            if m.group().lower() in said and free(m.start(), m.end()):
                add(Mention(m.start(), m.end(), m.group(), "PERSON", "", kind="pronoun"))
        return sorted(out, key=lambda m: m.start)

    def _known_place(self, name: str) -> bool:
        return bool(self.gazetteer.lookup(name))

    def _place(self, start: int, end: int, written: str, name: str) -> Mention:
        """A mention of the place the gazetteer knows as ``name`` (else a region, LOC)."""
        places = self.gazetteer.lookup(name)
        if not places:
            return Mention(start, end, written, "LOC", name)
        best = max(places, key=lambda g: (g.population, g.feature == "PPLC"))
        typ = "GPE" if best.feature[:3] in ("PPL", "ADM", "PCL") else "LOC"
        return Mention(start, end, written, typ, name)

    # -- people announced by a title ------------------------------------------------
    def _complement(
        self, text: str, lang: str, start: int, end: int, found: Sequence[Mention] = ()
    ) -> tuple[str | None, str | None, int, int]:
        """The state or organisation a title at [start,end) is the title of: right after it
        ("Presiden Rusia", "Secretary General of NATO", a body ``found`` by its head word)
        or right before it ("Russian Foreign Minister"). Returns (code, English name,
        span start, span end)."""
        gap = _OF_RE.match(text, end)
        pos = gap.end() if gap else end
        body = next((m for m in found if m.start == pos and m.type == "ORG"), None)
        if body is not None:
            return body.code, body.name, start, body.end
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
        start = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
        words = name_words(lang)
        honorifics = words.get("honorifics", frozenset())
        end = start
        count = 0
        at = start
        while (m := _WORD_RE.search(text, at)) is not None:
            at = m.end()
            if count and "\n" in text[end : m.start()]:
                break  # a name does not run on into the next line or paragraph
            if m.start() != end and text[end : m.start()].strip() != "":
                gap = text[end : m.start()]
                last = text[start:end].split()[-1] if count else ""
                if len(last) == 1 and last.isupper() and gap.strip() == "." and gap[0] == ".":
                    # a middle initial: "George W. Bush", "John G. Roberts"
                    end = end + 1
                    at = m.start()
                    continue
                nick = _NICKNAME_RE.match(text, end) if count else None
                last = text[start:end].split()[-1] if count else ""
                # a nickname shares the initial of the name it shortens ("Bartholomeus
                # (Bart)"); "Sosial (Mensos)" is a title's abbreviation
                if nick is None or nick.group(1)[0] != last[:1]:
                    break
                end = at = nick.end()  # "Bartholomeus (Bart) Wirawan": read on past it
                continue
            w = m.group()
            # an honorific starts no name ("MR KIRBY": the name is KIRBY)
            starts = w.lower() not in honorifics or count
            if w[:1].isupper() and w not in words.get("not_names", ()) and starts:
                cut = self._unglue(text, lang, start, m.start(), w)
                if cut is not None:
                    end, count = cut, count + 1
                    break
                end, count = m.end(), count + 1
            elif count and _particle_name(w, words.get("hyphen_particles", frozenset())):
                end, count = m.end(), count + 1  # "Tell al-Abyad", "Abdel Fattah el-Sisi"
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

    def _unglue(self, text: str, lang: str, start: int, at: int, word: str) -> int | None:
        """Where a scraper glued a function word onto a name ("Karel Novakjuga", "Kim
        Jong Ununtuk"): the end of the name, when the name without the tail is a known
        person or the bare word stands alone elsewhere in the text; else None."""
        tails = name_words(lang).get("glued_tails", frozenset())
        if not tails or not word.endswith(tuple(tails)):
            return None
        for tail in tails:
            stem = word[: -len(tail)]
            if not word.endswith(tail) or len(stem) < 2 or not stem[-1].isalpha():
                continue
            if self.gazetteer.lookup(word) or state_table(lang).get(word) is not None:
                return None
            name = text[start:at] + stem
            alone = re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text)
            if holders().get(name) is not None or alone is not None:
                return at + len(stem)
        return None

    def _people(self, text: str, lang: str, add, free, out, people=None) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
        """People announced by a title; returns the titles' spans (no name starts there).
        ``people``: where a model reads persons (None: no model ran)."""
        titles = []
        office: tuple[int, str | None, str, Title] | None = None  # (end, code, role, title)
        hits = list(title_table(lang).find(text))
        starts = {h.start: h.end for h in hits}
        for hit in hits:
            titles.append((hit.start, hit.end))
            t: Title = hit.value
            if free(hit.start, hit.end):
                code, body, s, e = self._complement(text, lang, hit.start, hit.end, out)
                role = f"{t.role} of {body}" if body else t.role
                gap = _OFFICE_GAP_RE.match(text, office[0]) if office else None
                if office and t.sector == "ELI" and gap and gap.end() == hit.start:
                    # a royal or religious honorific right after an office names the
                    # office holder: the office, not the honorific, codes the person
                    code, role, t = office[1], office[2], office[3]
                office = (e, code, role, t) if t.sector != "ELI" else None
            else:
                # "Wakil Ketua DPR": a title holding the body it is the title of
                inside = [m for m in out if hit.start < m.start and m.end <= hit.end]
                if not inside or not free(hit.start, inside[0].start):
                    continue
                code, role, s, e = inside[-1].code, t.role, hit.start, hit.end
            area = None if code else jurisdiction(
                text, place_words(lang), lambda n: self.gazetteer.lookup(place_alias(n, lang)),
                hit.text, e,
            )  # fmt: skip
            if area is not None:
                # "Gubernur Jawa Barat Dedi Mulyadi": the area the office governs, then a name
                if free(area.start, area.end):
                    written = text[area.start : area.end]
                    add(Mention(area.start, area.end, written, "GPE", area.name))
                role, e = f"{t.role} of {area.name}", area.end
            span = self._name_after(text, lang, e)
            while span and _ACRONYM_RE.match(text, span[0]) and " " in text[span[0] : span[1]]:
                # "Gubernur BI Perry Warjiyo": the body's acronym, then the name
                span = (text.index(" ", span[0]) + 1, span[1])
            inner = [a for a in starts if span and span[0] <= a < span[1] and starts[a] < span[1]]
            if span and inner:
                # "Kapolda Irjen Budi Santoso", "Kapolda Sumut Irjen Budi Santoso": an office
                # (and the area it serves), then a rank, then the name; the office gives
                # the role
                span = self._name_after(text, lang, starts[max(inner)])
            if span and self._portfolio(text, lang, span, people):
                span = None
            handle = _HANDLE_RE.match(text, e) if span is None else None
            if handle is not None and free(handle.start(1) - 1, handle.end()):
                known = holders().get(handle.group(1))
                add(Mention(handle.start(1) - 1, handle.end(), handle.group().strip(), "PERSON",
                            known[0].name if known else handle.group(1), code=code,
                            sector=t.sector, role=role, head=t.head))  # fmt: skip
            elif span and free(*span) and self._person_like(text[span[0] : span[1]], lang):
                ns, ne = span
                name = plain_name(text[ns:ne])
                known = holders().get(name)
                full = known[0].name if known else name
                add(
                    Mention(
                        ns,
                        ne,
                        text[ns:ne],
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
        return titles

    def _portfolio(
        self,
        text: str,
        lang: str,
        span: tuple[int, int],
        people: Sequence[tuple[int, int]] | None,
    ) -> bool:
        """Whether the capitalised words after a title name what the office is in charge
        of ("Wakil Menteri Pekerjaan Umum", "Dirjen Perhubungan Laut", "Ketua Umum
        Himpunan ..."), not its holder: the model reads no person there and one of the
        words is written in lower case elsewhere in the text, as common words are, or has
        the shape of a noun naming a field ("per-...-an": "Perhubungan", "Perumahan")."""
        s, e = span
        if holders().get(plain_name(text[s:e])):
            return False
        fields = name_words(lang).get("field_affixes", frozenset())
        words = _WORD_RE.findall(text[s:e])
        if _affixed(words[0].lower(), fields):
            return True  # no personal name starts with "Penyelenggaraan"
        if people is None or any(a < e and s < b for a, b in people):
            return False
        return any(_lowercase_elsewhere(text, w) or _affixed(w.lower(), fields) for w in words)

    def _person_like(self, name: str, lang: str) -> bool:
        """Whether the capitalised words after a title can be a person: not a known body or
        state, no acronym first ("Direktur Utama PLN"), no digits."""
        if org_table().get(name) is not None or state_table(lang).get(name) is not None:
            return False
        if any(w in org_last_words(lang) for w in name.split()):
            return False  # "Direktur Eksekutif Center of ...": a body's name
        first = name.split()[0]
        return not (len(first) > 1 and first.isupper() or any(c.isdigit() for c in name))

    def _apposition(self, text: str, lang: str, end: int) -> Title | None:
        """A title right after ", " following a name ("Marta Kovac, mayor of ...")."""
        m = re.match(r",\s+(?:the\s+|a\s+)?", text[end : end + 8])
        if not m:
            return None
        pos = end + m.end()
        hit = next(iter(title_table(lang).find(text, pos, min(len(text), pos + 60))), None)
        if hit is None or hit.start != pos:
            return None
        # "X, Mendagri Tito Karnavian": the title of the next person in a list
        after = self._complement(text, lang, hit.start, hit.end)[3]
        return None if self._name_after(text, lang, after) else hit.value

    # -- bare capitalised names -----------------------------------------------------
    def _names(self, text: str, lang: str, add, free, out: list[Mention], titles) -> None:  # type: ignore[no-untyped-def]
        words = name_words(lang)
        calendar = calendar_words(lang)
        peoples = groups(lang)
        pw = place_words(lang)
        not_places = set(pw.get("not_places", ()))
        stop = stopwords(lang)
        person_words: set[str] = set()  # of full names (a title glued on shows no word)
        person_single: set[str] = set()  # of surnames and single words
        seen = 0
        pos = 0
        # a title-case headline capitalises its verbs too ("Ana Ruiz Says ...")
        lines = headlines(text)

        def in_headline(at: int) -> bool:
            return any(a <= at < b for a, b in lines)

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
            title = next((b for a, b in titles if a < e and s < b), None)
            if title is not None:
                pos = title  # "Juru bicara", "Wakil Ketua DPR": a title, then maybe a name
                continue
            if not free(s, e):
                continue
            # the words of every person named so far; ``out`` only grows, so the set
            # takes in the mentions added since it was last brought up to date
            for m_ in out[seen:]:
                if m_.type == "PERSON" and (m_.kind != "name" or " " not in m_.text):
                    person_single.update(_WORD_RE.findall(m_.text))
                elif m_.type == "PERSON":
                    person_words.update(_WORD_RE.findall(m_.text))
            seen = len(out)
            if holders().get(plain_name(text[s:e])) is None:
                before = _LAST_WORD_RE.search(text[max(0, s - 20) : s])
                titled = before is not None and before.group(1).lower() in words.get(
                    "honorifics", ()
                )
                s = _person_start(text, s, e, person_words, person_single, titled)
            name = plain_name(text[s:e])
            if " " not in name and (name.lower() in calendar or name.lower() in peoples):
                continue  # "Nov. 5", "Selasa"; "Arab", "Kurdish" (no place, no person)
            held = holders().get(name)
            if " " not in name and (name in person_words or name in person_single):
                # a surname of someone already named outranks a same-named place (Kerry)
                add(Mention(s, e, text[s:e], "PERSON", name, kind="surname?"))
                continue
            if held:
                add(Mention(s, e, text[s:e], "PERSON", held[0].name))
                continue
            appos = self._apposition(text, lang, e) if " " in name else None
            if appos is not None:
                add(Mention(s, e, text[s:e], "PERSON", name, sector=appos.sector, role=appos.role))
                continue
            common = " " not in name and (
                name in not_places or name.lower() in stop or name in words.get("not_names", ())
                or _lowercase_elsewhere(text, name)
            )  # fmt: skip
            places = self.gazetteer.lookup(place_alias(name, lang)) if not common else []
            if places and (name.isupper() is False):
                best = max(places, key=lambda g: (g.population, g.feature == "PPLC"))
                if " " not in name and not _prominent_alias(name, place_alias(name, lang), best):
                    places = []
            if places and (name.isupper() is False):
                typ = "GPE" if best.feature[:3] in ("PPL", "ADM", "PCL") else "LOC"
                # the gazetteer's name is the English exonym when the text used an
                # alias it knows ("Moskow" -> "Moscow"); regions keep the text's form
                canon = (
                    best.name if best.feature.startswith("PPL") and best.name.isascii() else name
                )
                if region_of_city(text, pw, s, e, name):
                    # "Kherson region" beside "the city of Kherson": two places
                    add(Mention(s, e, text[s:e], "GPE", f"{canon} region"))
                    continue
                add(Mention(s, e, text[s:e], typ, canon, code=None))
                continue
            if place_in_state(text, lang, pw, s, e):
                # "in Kafr Nasir, northern Syria": a place the gazetteer lacks
                add(Mention(s, e, text[s:e], "GPE", name))
                continue
            nxt = _WORD_RE.search(text, e)
            prev = _LAST_WORD_RE.search(text[max(0, s - 20) : s])
            n_words = len(name.split())
            by_verb = nxt is not None and nxt.group().lower() in words.get("person_verbs", ())
            by_honorific = prev is not None and prev.group(1).lower() in words.get("honorifics", ())
            if by_honorific:
                # "a former Miss Universe": an honorific after an article is a title's
                lead = _LAST_WORD_RE.search(text[max(0, s - 40) : s - len(prev.group(0))])
                by_honorific = not (
                    lead and lead.group(1).lower() in words.get("not_before_honorific", ())
                )
            if n_words >= 2 and not (by_verb or by_honorific):
                # "Ana Ruiz Speaks Out" in a headline: a word written in lower case
                # elsewhere ends the name
                for w in reversed(list(_WORD_RE.finditer(text, s, e))[1:]):
                    if not _lowercase_elsewhere(text, w.group()):
                        break
                    e = w.start() - 1
                name = plain_name(text[s:e].rstrip())
                e = s + len(text[s:e].rstrip())
                n_words = len(name.split())
            # "billionaire Jan Hale", "candidate Ana Ruiz": a noun only people are
            by_noun = prev is not None and prev.group(1).lower() in words.get("person_nouns", ())
            if by_honorific:
                # "MR KIRBY" in a transcript is Mr Kirby
                add(Mention(s, e, text[s:e], "PERSON", name.title() if name.isupper() else name))
            elif n_words >= 2 and (
                by_verb or by_noun or (_given_first(text, name, lang) and not in_headline(s))
            ):
                add(Mention(s, e, text[s:e], "PERSON", name))
            elif n_words == 1:
                # a lone word: maybe a surname of a person named earlier (link decides)
                add(Mention(s, e, text[s:e], "PERSON", name, kind="surname?"))


def _given_first(text: str, name: str, lang: str) -> bool:
    """A run of two or three capitalised words led by a usual given name ("Ana Ruiz, who
    ..."): a person's name wherever it stands, unless a body's last word ends it."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and plain_word(words[0]) in given_names()
        and not _lowercase_elsewhere(text, words[0])  # "Tim Nasional": "tim" is a team
        and words[-1] not in org_last_words(lang)
        and not words[-1].isupper()
    )


def _person_start(
    text: str, s: int, e: int, known: set[str], surnames: set[str], titled: bool
) -> int:
    """Where a person's name starts in a run of capitalised words that glues a title or a
    body before it ("Miss Universe Ana Ruiz", "told the Daily Ledger Hale"): at a given
    name that a full name follows, or at a last word that is the surname of someone
    already named (``surnames``: also words named alone). The words before it must be no
    name: none a given name or a word of a full name seen (``known``); two or more of
    them, or one written in lower case elsewhere or right after an honorific
    (``titled``): "Imelda Maria Loho" is one name."""
    words = list(_WORD_RE.finditer(text, s, e))
    if len(words) < 2:
        return s
    given = given_names()
    for i, w in enumerate(words):
        lead = words[:i]
        if any(plain_word(x.group()) in given or x.group() in known for x in lead):
            return s
        if any(len(x.group()) == 1 for x in lead[-1:]):
            return s  # "J. Ana Ruiz": an initial is part of the name
        common = (
            len(lead) >= 2 or titled or any(_lowercase_elsewhere(text, x.group()) for x in lead)
        )
        if not i or not common:
            continue
        if i < len(words) - 1 and plain_word(w.group()) in given:
            return w.start()
        if i == len(words) - 1 and (w.group() in known or w.group() in surnames):
            return w.start()
    return s
