"""Linking mentions into entities: one entity per thing named, every mention attached.

Rules, in order: names of the same state/organisation/place are one entity; a person's
later short name ("Rutte") joins the full name ("Mark Rutte"); a head-of description
("Kepala NATO") joins the person holding that office in the text; a pronoun ("Ia", "he")
joins the most recent person mentioned before it whose gender fits. Office holders give a
role only when the text gives none.

A person's gender comes from the text first (an honorific, "Mrs Hale"; a kinship or role
noun in apposition, "his wife, Ana Ruiz", "Ruiz, the bank's chairwoman"), then from the
usual gender of the given name (``data/given_names.toml``). Pronouns are never evidence:
"Ana Ruiz said he ..." would otherwise prove itself. Unknown gender fits every pronoun, and
a language whose pronouns carry none (``[pronoun_gender]`` absent) links as before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from .. import lang as langdata
from ..records import Entity, Span
from ..text import fold
from .knowledge import holder_for, holders
from .mentions import Mention
from .mentions import given_names as _given_names
from .mentions import plain_word as _plain

_WORD_RE = re.compile(r"[\w’'-]+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass
class _Cluster:
    type: str
    name: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    head: bool = False
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None  # "male", "female", or unknown
    # the folded words of every name it was written with, and (mentions, name) they are of
    _words: tuple[tuple[int, str], frozenset[str]] | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def name_words(self) -> frozenset[str]:
        """The words of every name it was written with ("Bartholomeus (Bart) Wirawan"),
        folded; mentions are only ever added, so their count and the name date them."""
        key = (len(self.mentions), self.name)
        if self._words is None or self._words[0] != key:
            written = [self.name, *(m.text for m in self.mentions if m.kind == "name")]
            words = frozenset(fold(w) for n in written for w in _WORD_RE.findall(n))
            self._words = (key, words)
        return self._words[1]


def _key(m: Mention) -> tuple[str, str]:
    if m.type == "GPE" and m.code:
        return ("STATE", m.code)
    if m.type in ("ORG", "MEDIA"):
        return ("ORG", m.name)
    return (m.type, fold(m.name))


def link(
    mentions: list[Mention], day: str | None = None, text: str = "", lang: str = ""
) -> tuple[Entity, ...]:
    """Entities from mentions (sorted by position), ids e1.. in order of first mention.
    ``text`` (the article the offsets are in) and ``lang`` give people their gender."""
    cues = _cues(lang)
    clusters: dict[tuple[str, str], _Cluster] = {}
    people: list[_Cluster] = []
    pending: list[Mention] = []
    for m in mentions:
        if m.kind != "name":
            pending.append(m)
            continue
        if m.type == "PERSON" and _POSSESSIVE_RE.search(m.name):
            # "Clinton’s", "Sanders's": the person, not a name of its own
            m = replace(m, name=_POSSESSIVE_RE.sub("", m.name))
        key = _key(m)
        c = clusters.get(key)
        if c is None and m.type == "PERSON":
            # "Mrs. Clinton" after Hillary and Bill Clinton: the one the honorific fits
            said = _said(text, m, cues)
            c = _person_for(m.name, [p for p in people if _fits(p, said, text, cues)], m.start)
        if c is None:
            c = clusters[key] = _Cluster(m.type, m.name, m.code, m.sector, m.role, m.head)
            if m.type == "PERSON":
                people.append(c)
        c.mentions.append(m)
        if m.role and not c.role:
            c.role, c.code, c.sector, c.head = m.role, m.code, m.sector, m.head
        if m.type == "PERSON" and len(m.name.split()) > len(c.name.split()):
            c.name = m.name
    _surnames_as_places(clusters, people)
    for p in people:
        p.gender = _gender(p, text, cues)
    for m in pending:
        if m.kind == "surname?":
            # "Mr. Clinton" after Hillary and Bill Clinton: the one the honorific fits
            said = _said(text, m, cues)
            c = _person_for(m.text, [p for p in people if _fits(p, said)], m.start)
            if c is not None:
                c.mentions.append(m)
                c.gender = c.gender or said
        elif m.kind == "description":
            holders_of = [p for p in people if p.code == m.code and p.head and p.role]
            if holders_of:
                holders_of[0].mentions.append(m)
        elif m.kind == "pronoun":
            asked = cues.pronouns.get(m.text.lower())
            before = [(max(x.start for x in p.mentions if x.start < m.start), p)
                      for p in people if _fits(p, asked)
                      and any(x.start < m.start for x in p.mentions)]  # fmt: skip
            if before:
                max(before, key=lambda t: t[0])[1].mentions.append(m)
    out = []
    for c in sorted(clusters.values(), key=lambda c: c.first):
        if c.type == "PERSON" and (not c.role or " of " not in c.role):
            # the text's role wins; a bare "Presiden" is completed from the office table
            h = holder_for(c.name, day, c.role)
            if h is not None and (not c.role or h.role.startswith(c.role)):
                c.role, c.code, c.sector = h.role, h.code, h.sector
        spans = tuple(
            Span(m.start, m.end, m.text) for m in sorted(c.mentions, key=lambda m: m.start)
        )
        out.append((c, spans))
    return tuple(
        Entity(f"e{i}", c.name, c.type, c.code, c.sector, c.role, spans)  # type: ignore[arg-type]
        for i, (c, spans) in enumerate(out, 1)
    )


def _surnames_as_places(clusters: dict[tuple[str, str], _Cluster], people: list[_Cluster]) -> None:
    """A lone word the gazetteer took for a town ("Clinton", "Bush") that is also part of
    the name of a person in the text is that person, wherever the full name comes."""
    for key, c in list(clusters.items()):
        if c.type not in ("GPE", "LOC") or c.code or any(" " in m.text for m in c.mentions):
            continue
        word = fold(c.mentions[0].text)
        owners = [p for p in people
                  if len(p.name.split()) > 1 and word in map(fold, p.name.split()[1:])]  # fmt: skip
        if not owners:
            continue
        for m in c.mentions:  # each to the one it means there (Jeh or Gary Johnson)
            owner = _person_for(m.text, owners, m.start) or owners[0]
            owner.mentions.append(replace(m, type="PERSON"))
        del clusters[key]


# A full name this close before a short one is who the short one means ("Melania Trump
# ... Trump said"), however often another person of that name was mentioned before.
_NEAR_CHARS = 250


def _person_for(name: str, people: list[_Cluster], at: int | None = None) -> _Cluster | None:
    """The person already seen whose name contains ``name`` word for word ("Rutte" in
    "Mark Rutte") or who is known under it as an office holder ("Putin"). Of several
    (Donald, Melania and Ivanka Trump), the one whose full name was written just before
    ``at``, else the one mentioned most often before it, else the latest."""
    words = fold(name)
    known = holders().get(name)
    full = known[0].name if known else None
    nw = [fold(w) for w in name.split()]
    fits = []
    for p in reversed(people):
        if full and p.name == full:
            return p
        if nw and all(w in p.name_words() for w in nw) or words == fold(p.name):
            fits.append(p)
    if len(fits) < 2 or at is None:
        return fits[0] if fits else None

    def before(p: _Cluster) -> list[Mention]:
        return [m for m in p.mentions if m.start < at]

    seen = [p for p in fits if before(p)] or fits
    near = [(max(m.start for m in before(p) if " " in m.text.strip()), p) for p in seen
            if any(" " in m.text.strip() for m in before(p))]  # fmt: skip
    if near:
        last, p = max(near, key=lambda t: t[0])
        if at - last <= _NEAR_CHARS:
            return p
    return max(seen, key=lambda p: (len(before(p)), max((m.start for m in before(p)), default=-1)))


# -- gender -----------------------------------------------------------------------------
_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w’'-]*)(\.?)([ \t]*,?[ \t]*)$")
_CLAUSE_RE = re.compile(r"[ \t]*,[ \t]*([^,.;:()\"“”\n]*)([,.;:()\"“”\n]?)")
_APPOSITION_WORDS = 4  # words after "Name," searched for a noun ("the bank's chairwoman")
_POSSESSIVES = frozenset({"his", "her", "their", "its"})
_NOT_APPOSITION = frozenset({"and", "or", "who", "whose", "which", "with", "while", "as"})


@dataclass(frozen=True, slots=True)
class _Cues:
    pronouns: dict[str, str]  # "she" -> "female"
    honorifics: dict[str, str]  # "mrs" -> "female"
    nouns: dict[str, str]  # "chairwoman" -> "female"


@cache
def _cues(lang: str) -> _Cues:
    data = langdata.load(lang, "pronouns") if lang else {}

    def table(key: str) -> dict[str, str]:
        return {_plain(w): g for g, words in data.get(key, {}).items() for w in words}

    return _Cues(table("pronoun_gender"), table("honorifics"), table("gender_nouns"))


def pronoun_fits(person: Entity, pronoun: str, text: str, lang: str) -> bool:
    """Whether ``pronoun`` ("she") may refer to ``person``, an entity of ``text``: for
    stages that resolve a pronoun the entity stage left unlinked."""
    cues = _cues(lang)
    asked = cues.pronouns.get(pronoun.lower())
    if asked is None:
        return True
    said = [Mention(sp.start, sp.end, sp.text, person.type, sp.text,
                    kind="pronoun" if sp.text.lower() in cues.pronouns else "name")
            for sp in person.mentions]  # fmt: skip
    return _fits(_Cluster(person.type, person.name, mentions=said), asked, text, cues)


def _fits(p: _Cluster, gender: str | None, text: str = "", cues: _Cues | None = None) -> bool:
    """Whether a person may be referred to with ``gender``; while names are still being
    linked (``cues`` given) the person's gender is worked out from the names so far."""
    if gender is None:
        return True
    known = _gender(p, text, cues) if cues is not None else p.gender
    return known is None or known == gender


def _said(text: str, m: Mention, cues: _Cues) -> str | None:
    """The gender the words around one name mention give its person, if any: an honorific
    or a role noun right before it ("Mrs Hale", "his wife, Ana Ruiz", "Queen Rania"), or a
    role noun heading an apposition after it ("Ana Ruiz, the bank's chairwoman,")."""
    if not text or not (cues.honorifics or cues.nouns):
        return None
    before = _WORD_BEFORE_RE.search(text, max(0, m.start - 40), m.start)
    if before is not None:
        word, dot, gap = _plain(before.group(1)), before.group(2), before.group(3)
        if word in cues.honorifics and "," not in gap:
            return cues.honorifics[word]  # "Mrs Hale", "Mr. Ruiz"
        if not dot and word in cues.nouns:  # a full stop ends a sentence: "... the king. Ana"
            return cues.nouns[word]
    after = _CLAUSE_RE.match(text, m.end, min(len(text), m.end + 120))
    if after is None:
        return None
    words = after.group(1).split()
    if not words or set(map(str.lower, words)) & _NOT_APPOSITION:
        return None  # "Hale, whose wife ...", "Hale, his wife and their son"
    for i, w in enumerate(words[:_APPOSITION_WORDS]):
        g = cues.nouns.get(_plain(w))
        if g is None:
            continue
        if i + 1 < len(words) and words[i + 1][:1].isupper():
            return None  # "Hale, his wife Ana": the noun is Ana's
        if i and words[i - 1].lower() in _POSSESSIVES and i + 1 < len(words):
            return None  # "Hale, his wife was ...": a clause, not an apposition
        return g
    return None


def _gender(p: _Cluster, text: str, cues: _Cues) -> str | None:
    """A person's gender: what the text says around its names (most votes, a tie says
    nothing), else the usual gender of its given name; ``None`` when neither tells."""
    if not cues.pronouns:
        return None  # the language's pronouns ask for none: no need to know
    votes = Counter(g for m in p.mentions if m.kind != "pronoun" and (g := _said(text, m, cues)))
    ranked = votes.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    names = _given_names()
    for written in (p.name, *(m.name for m in p.mentions if m.kind == "name")):
        for w in written.split()[:-1]:
            for part in (w, w.split("-")[0]):  # "Frank-Walter", "Jean-Luc"
                g = names.get(_plain(part.strip(".,")))
                if g is not None:
                    return g
    return None
