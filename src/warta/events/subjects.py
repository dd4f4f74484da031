"""Who the subject of a trigger is when the words before it do not name an actor outright.

- A reporting verb between subject and trigger ("Rusia mengatakan pasukannya akan menyerang
  Kyiv", "Russia said its forces would strike Kyiv"): the actor is the subject of the
  reported clause, not the speaker; a possessive there ("pasukannya", "its forces") or no
  subject at all ("X said it would ...", "X mengatakan akan ...") points back at the speaker.
- A pronoun or definite description ("mereka", "they", "it", "the group"): the last earlier
  entity of a compatible type (``[pronoun_actors]`` in ``triggers.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import lang as langdata
from ..records import Participant, Record
from .resolve import governed, mentions_in, person_code, place_codes_in, sector_of
from .tokens import Token, phrase_key

_REACH = 600  # characters back an antecedent may sit: about the two previous sentences


@dataclass(frozen=True, slots=True)
class Embedding:
    subject_start: int  # first token of the reported clause
    speaker_end: int  # token index of the reporting cue (speaker words come before it)


@cache
def _reporting(lang: str) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    data = langdata.load(lang, "reporting")
    cues = frozenset(phrase_key(w) for w in data.get("before", {}))
    return cues, frozenset(data.get("complementizers", ()))


@cache
def _pronouns(lang: str, reported: bool = True) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Pronoun key -> entity types; ``[reported_pronoun_actors]`` ("it", "they": too often
    expletive or generic in running text) count only inside a reported clause."""
    data = langdata.load(lang, "triggers")
    table = dict(data.get("pronoun_actors", {}))
    if reported:
        table.update(data.get("reported_pronoun_actors", {}))
    return {phrase_key(k): tuple(v) for k, v in table.items()}


def pronoun_types(lang: str, key: tuple[str, ...]) -> tuple[str, ...]:
    """The entity types a pronoun or description may point back to."""
    return _pronouns(lang).get(key, ())


@cache
def _prepositions(lang: str) -> frozenset[str]:
    return frozenset(langdata.load(lang, "triggers").get("morphology", {}).get("prepositions", ()))


def embedding(toks: list[Token], clause_start: int, t: int, lang: str) -> Embedding | None:
    """The reporting cue governing the trigger at ``t``: in its clause, or just before the
    clause when a complementizer opened it ("mengatakan bahwa ...", "said that ...")."""
    cues, comps = _reporting(lang)
    if not cues:
        return None
    lo = max(0, clause_start - 3)
    for k in range(t - 1, lo - 1, -1):
        for n in (3, 2, 1):
            a = k - n + 1
            if a < lo or tuple(x.low for x in toks[a : k + 1]) not in cues:
                continue
            if a > 0 and toks[a].text[:1].isupper() and toks[a - 1].text[:1].isupper():
                continue  # "United States", not "states"
            start = k + 1
            while start < t and toks[start].low in comps:
                start += 1
            if start < clause_start - 1:  # a cue before the clause needs its complementizer
                continue
            return Embedding(max(start, clause_start), a)
    return None


def possessive(toks: list[Token], a: int, b: int, grammar: dict) -> bool:
    """Whether tokens [a, b) hold a possessive ("pasukannya", "its forces")."""
    words = set(grammar.get("possessives", ()))
    suffixes = tuple(grammar.get("possessive_suffixes", ()))
    return any(
        t.low in words or (suffixes and t.low.endswith(suffixes) and len(t.low) > 5)
        for t in toks[a:b]
    )


@cache
def _fused_cues(lang: str) -> frozenset[str]:
    suffixes = tuple(
        langdata.load(lang, "triggers").get("morphology", {}).get("possessive_suffixes", ())
    )
    after = langdata.load(lang, "reporting").get("after", {})
    return frozenset(w for w in after if suffixes and w.endswith(suffixes))


def _fused(word: str, lang: str) -> bool:
    return word in _fused_cues(lang)


@cache
def _after_cues(lang: str) -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_key(w) for w in langdata.load(lang, "reporting").get("after", {}))


def cue_after(toks: list[Token], end: int, lang: str) -> int | None:
    """Index just past the last cue before ``end`` whose speaker follows it (", kata Budi",
    ", said Hale"), or ``None``."""
    cues = _after_cues(lang)
    for k in range(end - 1, -1, -1):
        for n in (2, 1):
            if k - n + 1 >= 0 and tuple(t.low for t in toks[k - n + 1 : k + 1]) in cues:
                return k + 1
    return None


def fused_speaker(toks: list[Token], end: int, lang: str) -> int | None:
    """Index of the last cue with a fused pronoun ("ujarnya", "katanya") before ``end``."""
    return next((k for k in range(end - 1, -1, -1) if _fused(toks[k].low, lang)), None)


def description_at(toks: list[Token], k: int, lang: str) -> int:
    """Length of a pronoun or description ("kota tersebut", "the country") starting at
    token ``k``, or 0."""
    table = _pronouns(lang, reported=False)
    for n in (3, 2, 1):
        if k + n <= len(toks) and tuple(t.low for t in toks[k : k + n]) in table:
            return n
    return 0


def pronoun_at(
    toks: list[Token], a: int, b: int, lang: str, reported: bool
) -> tuple[int, int] | None:
    """(first, end) of the last pronoun actor key within tokens [a, b)."""
    table = _pronouns(lang, reported)
    for i in range(b - 1, a - 1, -1):
        for n in (3, 2, 1):
            if i + n <= b and tuple(t.low for t in toks[i : i + n]) in table:
                return i, i + n
    return None


def antecedent(
    record: Record,
    toks: list[Token],
    first: int,
    end: int,
    lang: str,
    exclude: str | None = None,
    subject: bool = True,
) -> Participant | None:
    """The participant a pronoun/description at tokens [first, end) refers back to; never
    one coded ``exclude`` ("Ruritania attacked the country": not Ruritania)."""
    types = _pronouns(lang).get(tuple(t.low for t in toks[first:end]), ())
    if not types and end - first == 1 and _fused(toks[first].low, lang):
        types = ("PERSON",)  # "ujarnya": the person last named
    at = toks[first].start
    found = [(m, e) for m, e in mentions_in(record, max(0, at - _REACH), at) if e.type in types]
    found = [(m, e) for m, e in found if m.end <= at and (exclude is None or e.code != exclude)]
    text = record.article.text
    if subject:
        # a subject, not a place or an object: "serangan dari ISIL" is no antecedent of "they"
        preps = _prepositions(lang)
        found = [(m, e) for m, e in found if not governed(text, m.start, preps)] or found
    if not found:
        return None
    # In the pronoun's own sentence the nearest candidate ("kapal patroli Ruritania saat mereka
    # ..."); before it, the subject of the nearest sentence with one, as news sentences
    # open with their subject ("Pasukan X dikerahkan ... tempat pasukan Y berpijak.
    # Mereka ..." = X).
    here = max((r.start for r in record.sentences if r.start <= at), default=0)
    if found[-1][0].start >= here:
        m, ent = found[-1]
    else:
        starts = [r.start for r in record.sentences if r.start <= found[-1][0].start] or [0]
        m, ent = next((m, e) for m, e in found if m.start >= starts[-1])
    # the sector of the phrase the antecedent heads ("Pasukan Korea Utara" -> MIL)
    near = " ".join(
        [
            *text[max(0, m.start - 40) : m.start].split()[-2:],
            m.text,
            *text[m.end : m.end + 40].split()[:2],
        ]
    )
    # a person's office says more than their standing ("Menlu ... Sheikh X": GOV, not ELI)
    office = sector_of(ent.role, lang) if ent.type == "PERSON" and ent.role else None
    sector = office or ent.sector or sector_of(near, lang)
    code = ent.code
    if code is None and ent.type == "PERSON":
        code = person_code(record, ent, lang)
    if code is None:  # a city: the state it lies in
        code = next((c for _, _, c in place_codes_in(record, m.start, m.end)), None)
    words = text[toks[first].start : toks[end - 1].end]
    return Participant(words, ent.id, code, sector)
