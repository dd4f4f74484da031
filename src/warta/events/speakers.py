"""Who speaks: the speaker phrase of a reporting cue, for :mod:`warta.events.claims`.

News names its speakers in a few shapes, all handled here from the tokens of one sentence:

- a name, title or source noun next to the cue ("Rutte mengatakan", ", kata Rutte",
  "the ministry said"); a pronoun ("ia", "she") or a bare title ("The Foreign Secretary",
  "sang menteri") names someone mentioned earlier;
- a name set off from its cue by an appositive, a date or a source ("Anna Koval,
  mayor of the town, said"; "Budi Santoso, seperti dilansir Reuters, Kamis (5/9),
  menyebut"): the speaker is the name that heads an earlier comma chunk;
- a second verb of the same subject ("... dan menyerukan", ", adding", "dengan
  mengatakan"): the speaker of the sentence's previous claim, else its subject;
- a relative clause ("the audit, which showed that"): the noun phrase before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..entities.link import pronoun_fits
from ..records import Entity, Record, Span, Speaker
from .resolve import mentions_in
from .tokens import Token, tokenize

_MAX_SPEAKER = 8  # words of a speaker phrase before the cue
_MAX_PLAIN = 5  # words of a phrase accepted without a name in it ("senior opposition lawmakers")
_WALK_BACK = 4  # comma chunks searched for the name an appositive describes
_CHUNK_CHARS = ',;:"“”'


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence's tokens and what speaker finding needs around them."""

    record: Record
    toks: list[Token]
    tab: dict[str, Any]
    last: Speaker | None  # the last named speaker before this point
    is_date: Callable[[int, int], bool]  # whether text[start:end] holds a date
    titles: Titles  # the record's bare titles, shared by its sentences
    recent: Speaker | None = None  # the speaker of the sentence just before, if it has one

    @property
    def text(self) -> str:
        return self.record.article.text

    def gap(self, k: int) -> str:
        """The characters between token ``k - 1`` and token ``k``."""
        return self.text[self.toks[k - 1].end : self.toks[k].start] if k > 0 else ""

    def span(self, a: int, b: int) -> Span | None:
        if a >= b:
            return None
        s, e = self.toks[a].start, self.toks[b - 1].end
        return Span(s, e, self.text[s:e])


def chunks(s: Sentence, lo: int, upto: int) -> list[tuple[int, int]]:
    """Comma chunks of tokens [lo, upto) in order, as token ranges; the last one is empty
    when a comma or quote mark stands right before token ``upto``. A clause-break word
    ("after", "setelah") opens a chunk."""
    cuts = [lo]
    for k in range(lo + 1, upto + 1):
        if k < len(s.toks) and any(c in s.gap(k) for c in _CHUNK_CHARS):
            cuts.append(k)
        elif k < upto and s.toks[k].low in s.tab["breaks"]:
            cuts.append(k)
    return list(zip(cuts, [*cuts[1:], upto], strict=True))


def _trim(s: Sentence, a: int, b: int) -> tuple[int, int]:
    trim = s.tab["trim"]
    while a < b and s.toks[a].low in trim:
        a += 1
    while b > a and s.toks[b - 1].low in trim:
        b -= 1
    return a, b


def _capitalized(t: Token) -> bool:
    return t.text[:1].isupper()


def named(s: Sentence, a: int, b: int, plain: bool = False) -> Speaker | None:
    """The speaker named by tokens [a, b), or ``None`` when nobody identifiable is there.
    ``plain``: also accept a short phrase without a name ("the bank", "top officials")."""
    a, b = _trim(s, a, b)
    a = max(a, b - _MAX_SPEAKER)
    span = s.span(a, b)
    if span is None:
        return None
    lows = [t.low for t in s.toks[a:b]]
    if b - a == 1 and lows[0] in s.tab["pronouns"]:
        found = mentions_in(s.record, span.start, span.end)
        if found:
            return Speaker(span.text, found[0][1].id)
        ref = s.last or person_before(s.record, span.start)
        if ref is None or not ref.entity:
            return None
        if not _may_be(s, lows[0], ref.entity):
            # "they" is never one person, "she" not a man: the nearest person that fits
            ref = person_before(s.record, span.start, lambda e: _may_be(s, lows[0], e.id))
            return Speaker(span.text, ref.entity if ref else None)
        return Speaker(span.text, ref.entity)
    if any(w in s.tab["first_person"] for w in lows):
        return None  # "kami mengatakan": the quoted voice, not a reported speaker
    found = [f for f in mentions_in(s.record, span.start, span.end)
             if not _possessor(s, f[0], span.end)]  # fmt: skip
    if found:
        person = next((e for _, e in found if e.type == "PERSON"), None)
        return Speaker(span.text, (person or found[0][1]).id)
    holder = s.titles.holder(lows)
    if holder is not None:
        return Speaker(span.text, holder.id)
    generic, sizes = s.tab["generic"], s.tab["generic_sizes"]  # "a spokesperson" in the phrase
    if any(tuple(lows[i : i + n]) in generic for n in sizes for i in range(len(lows))):
        return Speaker(span.text, None)
    if _proper(s, a, b):
        return Speaker(span.text, None)  # a name the entity stage missed ("OCHA", "Melanie")
    if plain and b - a <= _MAX_PLAIN and not set(lows) & s.tab["not_plain"]:
        return Speaker(span.text, None)
    return None


def _possessor(s: Sentence, m: Span, end: int) -> bool:
    """Whether mention ``m`` owns the rest of a phrase ending at ``end``: "his" in "his
    lawyer", "Hale" in "Hale's spokesman". The owner does not speak."""
    if end - m.end < 2:
        return False
    owns = m.text.lower() in s.tab.get("possessive", ())
    return owns or s.text[m.end : m.end + 2] in ("'s", "’s") or m.text.endswith(("'s", "’s"))


def _may_be(s: Sentence, pronoun: str, entity: str) -> bool:
    """Whether ``pronoun`` may stand for the entity: "they" and "it" for no person, a
    gendered pronoun for no person of the other gender."""
    e = next((e for e in s.record.entities if e.id == entity), None)
    if e is None or e.type != "PERSON":
        return True
    return pronoun not in s.tab["plural_pronouns"] and pronoun_fits(
        e, pronoun, s.text, s.tab["lang"]
    )


def _proper(s: Sentence, a: int, b: int) -> bool:
    """A short run of capitalised words, no date, not only a sentence-opening word."""
    toks = s.toks[a:b]
    if not 0 < len(toks) <= 4 or not all(_capitalized(t) and _wordy(t.text) for t in toks):
        return False
    if a == 0 and len(toks) == 1 and not toks[0].text.isupper():
        return False  # "Hujan", "Officials": a capitalised first word says nothing
    return not s.is_date(toks[0].start, toks[-1].end)


def _wordy(word: str) -> bool:
    return word.replace("-", "").replace("'", "").replace("’", "").isalpha()


def person_before(
    record: Record, offset: int, fits: Callable[[Entity], bool] | None = None
) -> Speaker | None:
    """The nearest PERSON mentioned before ``offset`` (of those ``fits`` accepts): who
    "ia", "she" or "ujarnya" is when no speaker has been named yet."""
    best: tuple[int, Speaker] | None = None
    for e in record.entities:
        if e.type != "PERSON" or (fits is not None and not fits(e)):
            continue
        for m in e.mentions:
            if m.end <= offset and (best is None or m.end > best[0]):
                best = (m.end, Speaker(m.text, e.id))
    return best[1] if best else None


_MAX_TITLE = 5  # words of a bare title ("the foreign secretary")
_TITLE_REACH = 80  # characters searched for a title beside a name


class Titles:
    """The person a bare title stands for: "The Home Secretary said" after "Home
    Secretary Jane Hale" (title before the name) or "Hale, the Home Secretary".
    Built on first use, once per record: the words beside every PERSON mention."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self._holders: dict[tuple[str, ...], Entity] | None = None

    def holder(self, words: list[str]) -> Entity | None:
        if not words or len(words) > _MAX_TITLE:
            return None
        if self._holders is None:
            self._holders = self._index()
        return self._holders.get(tuple(words))

    def _index(self) -> dict[tuple[str, ...], Entity]:
        # every title key each mention answers, the first mention in entity order winning
        text = self.record.article.text
        out: dict[tuple[str, ...], Entity] = {}
        for e in self.record.entities:
            if e.type != "PERSON":
                continue
            for m in e.mentions:
                before = [t.low for t in tokenize(text, max(0, m.start - _TITLE_REACH), m.start)]
                after = [t.low for t in tokenize(text, m.end, m.end + _TITLE_REACH)]
                comma = text[m.end : m.end + 2].startswith(",")
                for n in range(1, _MAX_TITLE + 1):
                    keys = []
                    if len(before) >= n:
                        keys.append(before[-n:])  # "Home Secretary Jane Hale"
                    if after[:1] == ["the"] and len(after) > n:
                        keys.append(after[1 : n + 1])  # "Johnson, the Foreign Secretary"
                    if comma and len(after) >= n:
                        keys.append(after[:n])  # "Johnson, Foreign Secretary, said"
                    for key in keys:
                        out.setdefault(tuple(key), e)
        return out


def _head(s: Sentence, a: int, b: int) -> tuple[int, int]:
    """The capitalised run (titles and names) a chunk opens with."""
    k = a
    while k < b and (_capitalized(s.toks[k]) or s.toks[k].low in s.tab["name_links"]):
        k += 1
    return a, k


def inside_quote(s: Sentence, a: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether token ``a`` stands inside one of the quotation ``quotes``."""
    at = s.toks[a].start
    return any(qs <= at < qe for qs, qe in quotes)


def head_speaker(s: Sentence, a: int, b: int) -> tuple[Speaker | None, bool]:
    """The speaker a chunk's opening run of capitalised words names, and whether a person."""
    a, b = _trim(s, a, b)  # "But Senator X, ...": a conjunction opens the chunk
    if a >= b or s.toks[a].low in s.tab["adverbial"]:
        return None, False  # "After meeting Putin", "Di Gaza": not the subject
    if s.toks[a].low in s.tab.get("possessive", ()):
        return None, False  # "His lawyer, ...": no name heads the chunk
    ha, hb = _head(s, a, b)
    span = s.span(ha, hb)
    if span is None:
        return None, False
    found = mentions_in(s.record, span.start, span.end)
    person = next((e for _, e in found if e.type == "PERSON"), None)
    if person is not None:
        return Speaker(span.text, person.id), True
    if found:
        return Speaker(span.text, found[0][1].id), False
    if hb == b and _proper(s, ha, hb):
        return Speaker(span.text, None), False
    return None, False


def appositive(
    s: Sentence,
    parts: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    person_only: bool,
    strict: bool,
) -> tuple[Speaker, int] | None:
    """The name heading an earlier chunk that the last chunk of ``parts`` describes
    ("Budi Santoso, seperti dilansir Reuters, Kamis (5/9), menyebut"), with the token it
    starts at. A person is taken over an organisation; ``person_only`` when the last chunk
    names a speaker itself. ``strict`` (the last chunk is a description, not a date or
    nothing): only a chunk that is all name and set off by a comma counts ("Megan Hester,
    senior associate at X, said"), so a plain subject after a clause ("Trump's claim is
    false, top lawmakers said") stays the speaker."""
    fallback: tuple[Speaker, int] | None = None
    reached = 0
    for a, b in reversed(parts[-1 - _WALK_BACK : -1]):
        if a < b and inside_quote(s, a, quotes) or "," not in s.gap(b):
            break  # a quote is content, and only commas set off an appositive
        reached = a
        speaker, person = head_speaker(s, a, b)
        if speaker is None or (strict and not _all_name(s, a, b)):
            continue
        if person or strict:
            return speaker, a
        fallback = fallback or (speaker, a)
    a, b = parts[0]
    opener = len(parts) > 1 and reached == a and s.toks[a].low not in s.tab["adverbial"]
    if fallback is None and not strict and opener:
        # "Laporan kantor berita Antara yang mengutip X, seperti dilansir Reuters, menyebut":
        # the sentence opens with its subject, a source phrase with no name at its head
        found = named(s, a, b)
        fallback = (found, a) if found is not None else None
    return None if person_only else fallback


def _all_name(s: Sentence, a: int, b: int) -> bool:
    a, b = _trim(s, a, b)
    return a < b and _head(s, a, b)[1] == b


def dateish(s: Sentence, a: int, b: int) -> bool:
    """A chunk that only dates the statement ("Kamis (5/9/2024)", "on Monday")."""
    a, b = _trim(s, a, b)
    if a >= b:
        return False
    if all(t.text.isdigit() for t in s.toks[a:b]):
        return True
    return b - a <= 5 and s.is_date(s.toks[a].start, s.toks[b - 1].end)


def subject(
    s: Sentence, parts: list[tuple[int, int]], quotes: list[tuple[int, int]]
) -> tuple[Speaker, int] | None:
    """The subject of the sentence's main clause, with the token it starts at: the name
    heading its first chunk that is not an adverbial ("Setelah invasi Rusia, UNESCO telah
    menempatkan ...")."""
    for a, b in parts:
        if a < b and not inside_quote(s, a, quotes):
            speaker, _ = head_speaker(s, a, b)
            if speaker is not None and speaker.entity:
                return speaker, a
    return None
