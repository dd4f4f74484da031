"""Names known by their head word: organisations ("Free Highland Coalition", "UN Board of
Auditors", "Komisi Pemberantasan Korupsi"), the short forms a text gives them ("the
Coalition"; "KPK" for "Komisi Pemberantasan Korupsi") and facilities ("Camp Liberty",
"Al Noor hospital", "Katedral Santo Yosef").

An organisation is a run of capitalised words (joined by a language's small linking words:
"of", "for the") that holds an organisation head word; a facility is a capitalised name
with a facility head word before or after it. Head words and links live in
``lang/<code>/institutions.toml`` under ``[named]``. A name the state table or the
gazetteer knows stays a place ("pelabuhan Odesa" is Odesa), and lexicon hits found earlier
are never overridden (the caller passes what is still free).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from .. import lang as langdata
from ..geo.gazetteer import Gazetteer
from .knowledge import calendar_words, groups, name_words, org_table, title_table
from .sectors import country_of, sector_of
from .states import state_table

# A capitalised word or acronym: "Coalition", "UN", "G20", "Saint-Peterburg"
_CAP = r"(?:[A-Z\u00C0-\u00DE][\w’'-]*|\d+[A-Z]\w*)"
_WORD = re.compile(r"[\w’'-]+")
_GAP = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class Named:
    """A name found by its head word; ``type`` ORG or FAC."""

    start: int
    end: int
    text: str
    type: str
    name: str
    code: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class _Heads:
    cap: re.Pattern[str]  # a word of a name, "al-Assad" included
    links: re.Pattern[str]
    org: frozenset[str]
    short: frozenset[str]
    articles: frozenset[str]
    not_first: frozenset[str]
    head_first: bool
    modifiers: tuple[str, ...]
    groups: frozenset[str]
    # facility heads: leading the name / right before it; ending it / right after it
    first: re.Pattern[str] | None
    before: re.Pattern[str] | None
    last: re.Pattern[str] | None
    after: re.Pattern[str] | None


def _alternation(phrases: list[str]) -> str:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


def _compile(pattern: str, alternation: str) -> re.Pattern[str] | None:
    return re.compile(pattern.format(alternation), re.IGNORECASE) if alternation else None


@cache
def _heads(lang: str) -> _Heads:
    data = langdata.load(lang, "institutions").get("named", {})
    links = _alternation(data.get("links", [])) or r"(?!)"
    before = _alternation(data.get("facility_before", []))
    after = _alternation(data.get("facility_after", []))
    particles = _alternation(list(name_words(lang).get("hyphen_particles", ()))) or r"(?!)"
    return _Heads(
        re.compile(rf"(?:(?:{particles})-)?{_CAP}"),
        re.compile(rf"\s+(?:{links})\s+(?={_CAP})", re.IGNORECASE),
        frozenset(w.lower() for w in data.get("org", ())),
        frozenset(w.lower() for w in data.get("short", ())),
        frozenset(w.lower() for w in data.get("articles", ())),
        frozenset(w.lower() for w in data.get("not_first", ())),
        bool(data.get("head_first", False)),
        tuple(data.get("modifiers", ())),
        groups(lang),
        _compile(r"(?<![\w-])(?:{})\s+", before),
        _compile(r"(?<![\w-])(?:{})\s+$", before),
        _compile(r"\s+(?:{})$", after),
        _compile(r"\s+(?:{})(?![\w-])", after),
    )


def _runs(text: str, lang: str, stop: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words joined by spaces or linking words ("Board of Auditors")."""
    heads = _heads(lang)
    cap = heads.cap
    pos = 0
    while True:
        m = cap.search(text, pos)
        if m is None:
            return
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_@#"):
            pos = m.end()  # inside a glued or tagged word
            continue
        start, end = m.start(), m.end()
        if m.group().lower() in stop:
            pos = end
            continue
        while True:
            gap = _GAP.match(text, end)
            link = heads.links.match(text, end)
            nxt = cap.match(text, link.end()) if link else None
            if nxt is None and gap:
                nxt = cap.match(text, gap.end())
            if nxt is None or nxt.group().lower() in stop:
                break
            end = nxt.end()
        yield start, end
        pos = end


def find_named(
    text: str,
    lang: str,
    free: Callable[[int, int], bool],
    gazetteer: Gazetteer,
    people: Sequence[tuple[int, int]] = (),
) -> list[Named]:
    """Organisations and facilities in ``text`` (see the module docstring); ``free``
    says whether a span is still unclaimed; ``people``: where a statistical model sees
    a person's name, which ends a body's name ("Kementerian Luar Negeri Bambang ...")."""
    heads = _heads(lang)
    stop = heads.not_first | calendar_words(lang)
    out: list[tuple[Named, str]] = []
    # a title inside a run of capitalised words is no part of a body's name ("Presiden
    # Federasi Rusia", "Direktur Jenderal Cagar Alam Nasional")
    titles = [(h.start, h.end) for h in title_table(lang).find(text)]

    def unclaimed(s: int, e: int) -> bool:
        return free(s, e) and not any(a < e and s < b for a, b in titles)

    heads_lines = headlines(text)
    for run_start, run_end in _runs(text, lang, stop):
        if any(a <= run_start < b for a, b in heads_lines):
            continue  # "Russia Says Its Forces Hit Power Grid": capitals tell nothing
        for s, e in _free_parts(text, run_start, run_end, unclaimed):
            found = _org(text, lang, s, e, heads, people)
            if found is not None and _is_place(found[0].text, lang, gazetteer):
                continue  # "West Bank", "Union City": a place, whatever its words
            found = found or _facility(text, lang, s, e, heads, gazetteer)
            if found is not None:
                out.append(_quoted(text, *found))
    out = _same_facilities(out)
    return [n for n, _ in out] + _short_forms(text, out, free, stop, lang)


# A proper name in quotes right after a body's name: Taman Nasional "Gunung Hijau"
_QUOTED_RE = re.compile(r"[ \t]*[\"“][A-Z][^\"“”\n]{0,60}[\"”]")


def _quoted(text: str, n: Named, core: str) -> tuple[Named, str]:
    m = _QUOTED_RE.match(text, n.end)
    if m is None or n.type != "ORG" or not core:
        return n, core
    name = text[n.start : m.end()]
    return Named(n.start, m.end(), name, n.type, name, n.code, n.sector), core


def _same_facilities(found: list[tuple[Named, str]]) -> list[tuple[Named, str]]:
    """Facilities with the same bare name written differently ("Katedral Saint Yosef",
    "Katedral St Yosef") take the first one's name, so they link as one."""
    first: dict[str, str] = {}
    out = []
    for n, core in found:
        if n.type == "FAC":
            name = first.setdefault(_key(core), n.name)
            n = Named(n.start, n.end, n.text, n.type, name, n.code, n.sector)
        out.append((n, core))
    return out


def _key(name: str) -> str:
    words = [w.lower().rstrip(".") for w in name.split()]
    return " ".join(_SAME.get(w, (w,))[0].lower() for w in words)


def headlines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines left in the body): five words or more,
    nearly all capitalised."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        words = _WORD.findall(line.group())
        caps = sum(1 for w in words if w[:1].isupper())
        if len(words) >= 5 and caps >= 0.8 * len(words):
            out.append((line.start(), line.end()))
    return out


def _free_parts(
    text: str, s: int, e: int, free: Callable[[int, int], bool]
) -> Iterator[tuple[int, int]]:
    """The stretches of whole words in ``[s, e)`` no earlier mention holds ("UN Board of
    Auditors" minus the UN's "UN"), a possessive "'s" left off."""
    part: tuple[int, int] | None = None
    for m in _WORD.finditer(text, s, e):
        if free(m.start(), m.end()):
            part = (part[0] if part else m.start(), m.end())
        elif part:
            yield _trim(text, *part)
            part = None
    if part:
        yield _trim(text, *part)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    if text[e - 2 : e] in ("'s", "’s"):
        e -= 2
    while e > s and text[e - 1] in "-'’":
        e -= 1
    return s, e


def _org(
    text: str, lang: str, s: int, e: int, heads: _Heads, people: Sequence[tuple[int, int]]
) -> tuple[Named, str] | None:
    # words of a state's name are not heads ("Amerika Serikat", "Federasi Rusia")
    in_state = {w.lower() for h in state_table(lang).find(text, s, e) for w in h.text.split()}
    words = [m for m in _WORD.finditer(text, s, e)]
    at = [i for i, m in enumerate(words) if _is_head(m.group(), heads) and m.group().lower()
          not in in_state]  # fmt: skip
    if not at:
        return None
    # "Fighters of the Lower Valley Coalition": words before a link with no head in them
    # describe the body; its name starts after the link
    for link in heads.links.finditer(text, s, words[at[0]].start()):
        words = [m for m in words if m.start() >= link.end()]
        at = [i for i, m in enumerate(words) if _is_head(m.group(), heads)
              and m.group().lower() not in in_state]  # fmt: skip
        s = words[0].start()
    if heads.head_first:
        # "Rekomendasi Bank Dunia", "Sidang Majelis Komisi": the name starts at its head;
        # an acronym closes it ("Kementerian ESDM Tri Winarno": a person follows)
        words = words[at[0] :]
        s = words[0].start()
        for i, m in enumerate(words[1:-1], 1):
            nxt = words[i + 1].group()
            if _is_acronym(m.group()) and nxt[:1].isupper() and not _is_acronym(nxt):
                words = words[: i + 1]
                e = m.end()
                break
    while len(words) > 1 and words[0].group().lower().endswith(heads.modifiers):
        words = words[1:]  # "US-backed", "Kurdish-led": said of the body, not its name
        s = words[0].start()
    # a person's name a model sees at the end of the run follows the body's name
    # ("Kementerian Luar Negeri Bambang"), unless the body is named after one
    # ("Universitas Gadjah Mada": nothing would be left but the head)
    starts = [m.start() for m in words]
    cut = [p for p, q in people if p in starts[2:] and q >= e - 1]
    if cut:
        words = [m for m in words if m.start() < cut[0]]
        e = words[-1].end()
    caps = [m for m in words if m.group()[:1].isupper() or m.group()[:1].isdigit()]
    if len(caps) < 2:
        return _short(text, lang, s, e, heads)
    name = text[s:e]
    # the body or state it belongs to, in it or right before it ("UN Board of Auditors")
    before = [h for h in org_table().find(text, max(0, s - 40), s) if not text[h.end : s].strip()]
    inner = next(iter(org_table().find(name)), None) or (before[-1] if before else None)
    code = inner.value.code if inner is not None else country_of(name, lang)
    return Named(s, e, name, "ORG", name, code, sector_of(name, lang)), name


def _is_acronym(word: str) -> bool:
    """ "ESDM", "DPR", "III": capitals only (Roman numerals are too)."""
    return len(word) >= 2 and word.isupper()


def _is_head(word: str, heads: _Heads) -> bool:
    return word.lower() in heads.org


def _short(text: str, lang: str, s: int, e: int, heads: _Heads) -> tuple[Named, str] | None:
    """A lone capitalised head naming a body the reader knows: "the Coalition" (after an
    article) or "Coalition aircraft" (capitalised mid-sentence)."""
    word = text[s:e]
    if word.lower() not in heads.short or not word[:1].isupper():
        return None
    before = re.search(r"(\w+)\s+$", text[max(0, s - 12) : s])
    sector = sector_of(word, lang)
    if before and before.group(1).lower() in heads.articles:
        a = s - len(before.group(0))
        return Named(a, e, text[a:e], "ORG", word, sector=sector), ""
    prev = text[:s].rstrip(" \t")
    if prev and prev[-1] not in ".!?:\"“”'‘’(\n":
        return Named(s, e, word, "ORG", word, sector=sector), ""
    return None


def _facility(
    text: str, lang: str, s: int, e: int, heads: _Heads, gazetteer: Gazetteer
) -> tuple[Named, str] | None:
    """A capitalised name with a facility head before ("Camp Liberty", "pangkalan Teluk
    Biru") or after it ("Al Noor hospital"). Returns the facility and its bare name."""
    first = heads.first.search(text, s, e) if heads.first else None
    if first and first.start() > s:
        s = first.start()  # "Pengurus Katedral St Yosef": the name starts at its head
    name = text[s:e]
    last = heads.last.search(name) if heads.last else None
    before = after = None
    if first and first.end() < e:
        core = text[first.end() : e]
    elif last and last.start() > 0:
        core = name[: last.start()]
    else:
        core, first, last = name, None, None
        # a lower-case head before or after the name: "pangkalan Teluk Biru" is
        # Teluk Biru, "the Al Noor hospital" the hospital
        before = heads.before.search(text, max(0, s - 30), s) if heads.before else None
        after = heads.after.match(text, e) if heads.after and not before else None
        if before is None and after is None:
            return None
    if org_table().get(core) is not None:
        return None
    if (before or after) and _is_place(core, lang, gazetteer):
        # "pelabuhan Odesa", "Kyiv hospital": the place itself; a capitalised head makes
        # a name of its own ("Bandara Surat Thani", "Mosul Dam")
        return None
    if core.lower() in heads.groups or state_table(lang).get(core.split()[-1]) is not None:
        return None  # "Yazidi temple", "kuil Hindu", "Russian base": a kind, not a name
    if before:
        return Named(before.start(), e, text[before.start() : e], "FAC", name), core
    if after:
        return Named(s, after.end(), text[s : after.end()], "FAC", text[s : after.end()]), core
    return Named(s, e, name, "FAC", name), core


def _short_forms(
    text: str,
    found: list[tuple[Named, str]],
    free: Callable[[int, int], bool],
    stop: frozenset[str],
    lang: str,
) -> list[Named]:
    """Later mentions of names found above: a facility's bare name ("St Yosef" after
    "Katedral Saint Yosef") and an organisation's initials ("FHC" after "Free Highland
    Coalition")."""
    taken = [(n.start, n.end) for n, _ in found]
    out: list[Named] = []
    seen: dict[str, Named] = {}
    for n, core in found:
        if n.type == "FAC" and len(core.split()) >= 2:
            seen.setdefault(core, n)
        elif n.type == "ORG" and core:
            caps = [w for w in _WORD.findall(core) if w[:1].isupper() and w.lower() not in stop]
            initials = "".join(w[0] for w in caps)
            if len(initials) >= 3 and not _known(initials, lang):
                seen.setdefault(initials, n)
    for key, n in seen.items():
        if key.isupper():
            pattern = rf"(?<![\w-]){re.escape(key)}(?![\w-])"
        else:
            pattern = r"(?<![\w-])" + r"\.?\s+".join(map(_variants, key.split())) + r"(?![\w-])"
        for m in re.finditer(pattern, text):
            span = (m.start(), m.end())
            if any(a < span[1] and span[0] < b for a, b in taken) or not free(*span):
                continue
            taken.append(span)
            out.append(Named(m.start(), m.end(), m.group(), n.type, n.name, n.code, n.sector))
    return out


def _is_place(name: str, lang: str, gazetteer: Gazetteer) -> bool:
    return state_table(lang).get(name) is not None or bool(gazetteer.lookup(name))


def _known(acronym: str, lang: str) -> bool:
    return state_table(lang).get(acronym) is not None or org_table().get(acronym) is not None


# Words that name the same thing in a facility's name ("St Yosef" = "Saint Yosef" =
# "Santo Yosef"); the title a church's name starts with, in the languages news mixes.
_SAINT = ("Saint", "St", "Santo", "Santa", "Sainte", "San")
_SAME = {w.lower(): _SAINT for w in _SAINT}


def _variants(word: str) -> str:
    forms = _SAME.get(word.lower().rstrip("."), (word.rstrip("."),))
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"
