"""Repair words a scraper glued together ("seranganIsraelyang" -> "serangan Israel yang").

Link text pulled out of a page loses the spaces around it. A run of letters is split only
where a word list of a configured language (``lang/<code>/glue.toml`` names an installed
package's list) and the article's own vocabulary both show the split:

- lower->Upper ("seranganIsrael", "dilansirAFP"): the left part is a known word, the right a
  name or acronym the article also writes on its own (or a known word);
- Name->lower ("Israelyang", "Chinadi", "Shoigudalam"): the name stands alone elsewhere in
  the article and the rest is a function word, a word the article also uses on its own, or
  a known word of five letters or more ("Polres" stays whole);
- Name->Name ("RusiaSergei", "DPRDJabar"): both names stand alone elsewhere in the article;
- a listed ``lead`` word (a preposition, title or reporting verb: "dariHuffington",
  "PresidenVladimir", "MengutipAntara") before a capitalised word: a name glued after such a
  word is often glued everywhere in the article and never written alone, and camel-case
  brands do not start with one;
- a name the article writes only glued counts as standing alone if some run is a lead word
  and that name alone ("dilansirReuters," -> "kepadaReutersmengatakan" splits);
- word+Name+function word ("seranganIsraelterhadap"): a capitalised piece glued behind a word
  is link text, so a function word of five letters or more at its end splits off even if the
  name never stands alone (shorter ones do not: "Sudan", "Ramadan", "Mancini");
- digits then a known word ("2025digelar", "442jemaah"): link text after a date or a count
  ("7000mAh", "PCSK9i", "1990an" stay whole: no known lowercase word of three letters or more);
- lower->lower ("kondisikesehatan"): the run is no known word (nor a derived compound) and
  splits into two or three known words of three letters or more, one of two (two of three)
  of which the article also uses on its own (a word list alone would split loans such as
  "wartawan" or "postingan").

Conservative by design: a part of one letter never splits off ("iPhone", "eBay"), "Mc" is no
word ("McDonald"), "YouTube" needs both "You" and "Tube" on their own in the article, and runs
touching digits, dots, "@", "#", "/" or "_" (domains, handles: "KOMPAS.com") and outlet names
("detikNews") are left alone.
"""

from __future__ import annotations

import pickle
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .. import lang as langdata
from ..cache import cached

_RUN = re.compile(r"[^\W\d_]+")
_AFTER_DIGIT = re.compile(r"(?<=\d)[^\W\d_]+")
_STICKY = set("@#/_\\")
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_TOKEN_BACK = 24  # a number glued to a word sits in a short token ("U-23asuhan", "2025digelar")
_COMMA = re.compile(r"(?<=[^\W\d_]{2}[,;])(?=[A-Z][a-z])")
MIN_PART = 3  # a dictionary part shorter than this only splits off if listed as ``extra``
# Two or three glued words are far shorter than this; longer letter runs (a line of "x",
# a hash) are no words, and splitting them costs time and memory quadratic in length.
MAX_RUN = 64
_TAIL = 5  # a function word this long splits off an unseen name ("Israelterhadap")
_DERIVED = 7  # and so does a derived word this long ("Reutersmengatakan")


@cache
def _by_edge(
    affixes: tuple[tuple[str, str], ...], end: bool
) -> dict[str, tuple[tuple[str, str], ...]]:
    """``affixes`` grouped by their last letter (``end``) or first; "" holds empty ones."""
    out: dict[str, list[tuple[str, str]]] = {}
    for a, r in affixes:
        out.setdefault(a[-1:] if end else a[:1], []).append((a, r))
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class _Language:
    words: frozenset[str]
    extra: frozenset[str]
    prefixes: tuple[tuple[str, str], ...]
    suffixes: tuple[tuple[str, str], ...]
    undouble: bool
    lead: frozenset[str] = frozenset()

    def _strip(self, forms: set[str], affixes: tuple[tuple[str, str], ...], end: bool) -> set[str]:
        """Forms with one affix more removed (suffixes if ``end``, else prefixes)."""
        # only the affixes ending (starting) with the form's last (first) letter can match:
        # a few of the twenty or thirty, on every unknown word of every article
        index = _by_edge(affixes, end)
        every = index.get("", ())  # an empty affix matches any form
        if end:
            return {
                w[: -len(a)] + r
                for w in forms
                for a, r in (*index.get(w[-1:], ()), *every)
                if w.endswith(a)
            }
        return {
            r + w[len(a) :]
            for w in forms
            for a, r in (*index.get(w[:1], ()), *every)
            if w.startswith(a)
        }

    def _new_forms(self, word: str) -> Iterator[set[str]]:
        """The forms reached by stripping up to two suffixes, then up to two prefixes, a
        step at a time: each yield holds the forms that step added."""
        forms = {word}
        for affixes, end in ((self.suffixes, True), (self.prefixes, False)):
            new = self._strip(forms, affixes, end) - forms
            yield new
            forms |= new
            # a second pass strips one more affix; only forms new in the first can give any
            more = self._strip(new, affixes, end) - forms
            yield more
            forms |= more
        if self.undouble:
            yield {w[:-1] for w in forms if len(w) > 3 and w[-1] == w[-2]}

    def roots(self, word: str) -> set[str]:
        """``word`` and every form reached by stripping up to two suffixes and two prefixes."""
        forms = {word}.union(*self._new_forms(word))
        return {w for w in forms if len(w) >= MIN_PART}

    def known(self, word: str) -> bool:
        words = self.words
        if word in words or word in self.extra:
            return True
        # any root listed; stops at the first step that finds one
        return any(len(w) >= MIN_PART and w in words for new in self._new_forms(word) for w in new)

    def compound(self, word: str) -> bool:
        """Two roots inside a confix ("ketidakpastian" = ke+tidak+pasti+an).

        Only with a prefix and a suffix both removed: a bare glued pair ("duaorang") or one
        with a prefix alone ("mengurus"+"kasus") is not a word.
        """
        inner = self._strip({word}, self.suffixes, True)
        inner |= self._strip(inner, self.suffixes, True)
        inner = self._strip(inner, self.prefixes, False)
        inner |= self._strip(inner, self.prefixes, False)
        for r in inner:
            for i in range(MIN_PART, len(r) - MIN_PART + 1):
                if r[:i] in self.words and r[i:] in self.words:
                    return True
        return False


@dataclass(slots=True)
class Dictionary:
    """The union of the configured languages' word lists, with a per-process cache."""

    languages: tuple[_Language, ...]
    _seen: dict[str, bool] = field(default_factory=dict)
    _roots: dict[str, bool] = field(default_factory=dict)
    _tails: tuple[str, ...] | None = None

    def known(self, word: str) -> bool:
        w = word.lower()
        hit = self._seen.get(w)
        if hit is None:
            hit = self._seen[w] = any(lg.known(w) for lg in self.languages) or any(
                lg.compound(w) for lg in self.languages
            )
        return hit

    def extra(self, word: str) -> bool:
        return any(word.lower() in lg.extra for lg in self.languages)

    def tails(self) -> tuple[str, ...]:
        """Function words long enough that no name ends in one ("terhadap", "dengan"; not
        "dan": "Sudan", "Ramadan"), longest first."""
        if self._tails is None:
            found = {w for lg in self.languages for w in lg.extra if len(w) >= _TAIL}
            self._tails = tuple(sorted(found, key=len, reverse=True))
        return self._tails

    def listed(self, word: str) -> bool:
        """In a word list as it stands (a root or function word, not only a derived form)."""
        return any(word in lg.words or word in lg.extra for lg in self.languages)

    def lead(self, word: str) -> bool:
        """A word a name often follows ("dari", "Presiden"): it splits off a capital after it."""
        return any(word.lower() in lg.lead for lg in self.languages)

    def root_word(self, word: str) -> bool:
        """Known, and not only as a compound of two roots."""
        w = word.lower()
        hit = self._roots.get(w)
        if hit is None:
            hit = self._roots[w] = any(lg.known(w) for lg in self.languages)
        return hit


def _read_words(spec: dict[str, object]) -> frozenset[str]:
    try:
        ref = resources.files(str(spec["package"])).joinpath(str(spec["resource"]))
        fmt = spec.get("format")
        if not isinstance(ref, Path):  # not a plain file (a zip): read it every time
            return _parse_words(ref.read_bytes(), fmt)
        # folding a 200k-word list takes a fifth of a second of the first record; the
        # folded set loads from warta's cache in a third of that (keyed by the file's stat)
        st = ref.stat()
        key = (str(ref), fmt, st.st_size, st.st_mtime_ns)
        return cached("glue-words", key, lambda: _parse_words(ref.read_bytes(), fmt),
                      sources=[__name__])  # fmt: skip
    except (ModuleNotFoundError, FileNotFoundError, KeyError, pickle.UnpicklingError):
        return frozenset()  # no list installed: only the article's own vocabulary splits


def _parse_words(data: bytes, fmt: object) -> frozenset[str]:
    if fmt == "pickle":
        # a set of strings shipped inside an installed, pinned dependency
        return frozenset(str(w).lower() for w in pickle.loads(data))  # noqa: S301
    return frozenset(w.strip().lower() for w in data.decode("utf-8").split() if w.strip())


@cache
def dictionary(languages: tuple[str, ...]) -> Dictionary:
    """The glue dictionary for ``languages`` (loaded once per process)."""
    out = []
    for code in languages:
        table = langdata.load(code, "glue")
        if not table:
            continue
        d, m = table.get("dictionary", {}), table.get("morphology", {})
        out.append(
            _Language(
                words=_read_words(d) if d.get("package") else frozenset(),
                extra=frozenset(w.lower() for w in d.get("extra", ())),
                lead=frozenset(w.lower() for w in d.get("lead", ())),
                prefixes=tuple((p, r) for p, r in m.get("prefixes", ())),
                suffixes=tuple((s, r) for s, r in m.get("suffixes", ())),
                undouble=bool(m.get("undouble", False)),
            )
        )
    return Dictionary(tuple(out))


class Vocabulary:
    """How often each letter run stands on its own in the article (case kept, and folded)."""

    def __init__(self, text: str) -> None:
        self.count = Counter(_RUN.findall(text))
        self.lower: Counter[str] = Counter()
        for w, n in self.count.items():
            self.lower[w.lower()] += n

    def attested(self, word: str) -> bool:
        return self.count[word] > 0

    def used(self, word: str) -> bool:
        """Written on its own somewhere in the article, in any case."""
        return self.lower[word.lower()] > 0


def _case_pieces(run: str) -> list[str]:
    """Split at every case change that can start a word: "PSSIErick" -> ["PSSI", "Erick"]."""
    pieces: list[str] = []
    i, n = 0, len(run)
    while i < n:
        j = i + 1
        if run[i].isupper():
            while j < n and run[j].isupper():
                j += 1
            if j < n and j - i > 1:  # "PSSIErick": the last capital starts the next word
                pieces.append(run[i : j - 1])
                i = j - 1
                continue
        while j < n and not run[j].isupper():
            j += 1
        pieces.append(run[i:j])
        i = j
    return pieces


class Splitter:
    """Find the spaces a glued run is missing."""

    def __init__(
        self,
        words: Dictionary,
        vocab: Vocabulary,
        protected: frozenset[str] = frozenset(),
        prefixes: tuple[str, ...] = (),
    ) -> None:
        self.words, self.vocab = words, vocab
        self.protected, self.prefixes = protected, prefixes  # outlet names, brand prefixes
        self._gaps: dict[str, tuple[int, ...]] = {}  # an article repeats its words
        self._led: frozenset[str] | None = None

    def _name(self, piece: str) -> bool:
        if len(piece) < 2:
            return False
        return self.vocab.attested(piece) or piece in self.led()

    def led(self) -> frozenset[str]:
        """Names the article writes only glued, but somewhere as a whole run behind a lead
        word ("dilansirReuters," makes "Reuters" a name for "kepadaReutersmengatakan")."""
        if self._led is None:
            led = set()
            glued = [r for r in self.vocab.count if not r.islower() and r[0].islower()]
            for run in glued:
                if len(run) <= MAX_RUN:
                    *head, last = _case_pieces(run)
                    if len(head) == 1 and last[1:].islower() and self.words.lead(head[0]):
                        led.add(last)
            self._led = frozenset(led)
        return self._led

    def _used(self, piece: str) -> bool:
        """A known word the article also writes on its own."""
        return len(piece) >= MIN_PART and self.vocab.used(piece) and self.words.known(piece)

    def _word(self, piece: str, least: int = MIN_PART) -> bool:
        if self.words.extra(piece):
            return True
        return len(piece) >= least and self.words.known(piece)

    def _name_then_word(self, piece: str) -> list[str]:
        """ "Israelyang" -> ["Israel", "yang"] when "Israel" stands alone in the article."""
        if not piece[:1].isupper() or not piece[1:].islower() or self.vocab.count[piece] > 1:
            return [piece]
        if self.words.root_word(piece):
            return [piece]
        # from len - 2: a two-letter rest passes only as a lead word (a preposition) behind a
        # name of four letters or more ("Chinadi"; not "Prodi", nor slang "Naikin")
        for j in range(len(piece) - 2, 2, -1):
            rest = piece[j:]
            if len(rest) < MIN_PART and (j < 4 or not self.words.lead(rest)):
                continue
            if self._name(piece[:j]) and (
                self.words.extra(rest) or self._used(rest) or self._word(rest, 5)
            ):
                return [piece[:j], piece[j:]]
        return [piece]

    def _lower_run(self, piece: str) -> list[str]:
        """ "menewaskandua" -> ["menewaskan", "dua"]: only when the run is no word itself."""
        if len(piece) < 2 * MIN_PART + 1 or not piece.islower() or self.vocab.count[piece] > 1:
            return [piece]
        if self.words.known(piece):
            return [piece]
        best: tuple[int, list[str]] | None = None
        n = len(piece)
        for i in range(MIN_PART, n - MIN_PART + 1):
            a, b = piece[:i], piece[i:]
            if not self.words.known(a):
                continue
            # one part written alone in the article, the other at least a known word
            if self.words.known(b) and (self._used(a) or self._used(b)):
                # real roots over compounds, function words, then the more even split
                score = 5 * (self.words.root_word(a) + self.words.root_word(b))
                score += 3 * (self.words.extra(a) + self.words.extra(b)) + min(len(a), len(b))
                if best is None or score > best[0]:
                    best = (score, [a, b])
            elif best is None:
                for k in range(MIN_PART, len(b) - MIN_PART + 1):
                    parts = [a, b[:k], b[k:]]
                    if all(map(self.words.known, parts)) and sum(map(self._used, parts)) >= 2:
                        best = (0, parts)
                        break
        return best[1] if best else [piece]

    def _joinable(self, a: str, b: str) -> bool:
        """May a space go between pieces ``a`` and ``b``?"""
        a_low, b_caps = a[:1].islower(), b.isupper()
        # "dariHuffington", "PresidenVladimir": b need not stand alone; not "DIJakarta" (no
        # lead), "DiCaprio" (a two-letter capitalised lead is a name particle)
        if len(b) >= 2 and (a_low or len(a) >= 3 and not a.isupper()) and self.words.lead(a):
            return True
        if a_low:
            if b_caps:  # "dilansirAFP"; not "macOS"
                return self._word(a, 4) and len(b) >= 2 or self._word(a, 2) and self._name(b)
            # "seranganIsrael"; not "iPhone" (a is one letter), "detikNews" (protected)
            return self._word(a, 2) and (self._name(b) or self._word(b, 4))
        # a is a name, acronym or capitalised word: "RusiaSergei", "OtoritasIran", "DPRDJabar";
        # b must stand alone in the article ("YouTube" only if "Tube" does)
        left = self._name(a) or len(a) >= 4 and self.words.root_word(a)
        return left and self._name(b) and len(a) + len(b) >= 6

    def _pieces(self, run: str, freed: list[str]) -> list[str]:
        """``run`` cut at its case changes and name ends; ``freed`` gets the names cut out
        of link text by :meth:`_glued_between` (a space goes before them too)."""
        out: list[str] = []
        for p in _case_pieces(run):
            prev = out[-1] if out else ""
            # "PLKselaku": the acronym keeps its last capital when it stands alone so
            if len(prev) >= 2 and prev.isupper() and p[:1].isupper() and p[1:].islower():
                whole, rest = prev + p[0], p[1:]
                if self._name(whole) and self._word(rest):
                    out[-1:] = [whole, rest]
                    continue
            split = self._name_then_word(p) if p[:1].isupper() else [p]
            if prev and len(split) == 1 and prev[0].islower() and self._word(prev, 2):
                split = self._glued_between(p)
                if len(split) > 1:
                    freed.append(split[0])
            out += split
        return out

    def _glued_between(self, piece: str) -> list[str]:
        """ "seranganIsraelterhadap": a capitalised piece glued behind a word is link text,
        so a long function word at its end is glued on too, though the name never stands alone
        in the article."""
        if not piece[1:].islower() or self.words.known(piece):
            return [piece]  # "Pendaftaran", "Organisasi": a capitalised word, not a name
        low = piece.lower()
        for t in self.words.tails():
            if low.endswith(t) and len(piece) - len(t) >= MIN_PART:
                return [piece[: -len(t)], piece[-len(t) :]]
        # or a long derived word ("Reutersmengatakan"): names end in roots ("Kalimantan",
        # "Bukittinggi"), hardly ever in an affixed word; the longest such rest wins
        for j in range(MIN_PART, len(piece) - _DERIVED + 1):
            rest = low[j:]
            if not self.words.listed(rest) and self.words.root_word(rest):
                return [piece[:j], piece[j:]]
        return [piece]

    def gaps(self, run: str) -> list[int]:
        """Offsets inside ``run`` where a space belongs."""
        if run.islower() and len(run) < 2 * MIN_PART + 1 or len(run) > MAX_RUN:
            return []  # the common case: a plain short word
        hit = self._gaps.get(run)
        if hit is None:
            hit = self._gaps[run] = tuple(self._find_gaps(run))
        return list(hit)

    def _find_gaps(self, run: str) -> list[int]:
        if run in self.protected or any(run.startswith(p) for p in self.prefixes):
            return []
        freed: list[str] = []
        pieces = self._pieces(run, freed)
        out: list[int] = []
        pos = 0
        for k, p in enumerate(pieces):
            if k and (
                pieces[k - 1][:1].isupper()
                and p[:1].islower()
                or p in freed
                or self._joinable(pieces[k - 1], p)
            ):
                out.append(pos)
            sub = self._lower_run(p) if p.islower() else [p]
            inner = pos
            for s in sub[:-1]:
                inner += len(s)
                out.append(inner)
            pos += len(p)
        return out


def _run_cuts(text: str, m: re.Match[str], splitter: Splitter) -> list[int]:
    """The gaps inside the run ``m`` unless it runs into a handle, domain or number (as in
    :func:`repair`, whose hot loop has this inline)."""
    s, e = m.span()
    after = text[e] if e < len(text) else " "
    nxt = text[e + 1] if e + 1 < len(text) else " "
    if after in _STICKY or after.isdigit() or (after == "." and nxt.isalnum()):
        return []
    return [s + g for g in splitter.gaps(m.group())]


def _after_number(text: str, s: int, run: str, splitter: Splitter) -> bool:
    """Does ``run`` at ``s`` start a word glued behind a number ("2025digelar")?"""
    head = run[: len(run) - len(run.lstrip(_LOWER))]  # "dijadwalkan" of "dijadwalkanPada"
    words = splitter.words
    if len(head) < MIN_PART or not (words.root_word(head) or words.extra(head)):
        return False  # "7000mAh", "1990an", "5G", "PCSK9i": units, decades, codes
    # the number is a date or count, not part of a link, handle, file name or hash; a short
    # look back keeps a long unbroken token (a pasted hash) from costing quadratic time
    i = s
    while i and not text[i - 1].isspace():
        i -= 1
        dot = text[i] == "." and text[i - 1 : i].isalpha()  # "contoh.com/2031berita"
        if dot or s - i > _TOKEN_BACK or text[i] in _STICKY:
            return False
    return True


def repair(text: str, splitter: Splitter) -> tuple[str, list[int]]:
    """``text`` with the missing spaces put back, and where they went (offsets in ``text``)."""
    cuts: list[int] = []
    for m in _RUN.finditer(text):
        run = m.group()
        if len(run) < 2 * MIN_PART + 1 and run.islower():
            continue  # most words: a plain short word has no gap (see Splitter.gaps)
        s, e = m.span()
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        nxt = text[e + 1] if e + 1 < len(text) else " "
        if before in _STICKY or before.isdigit() or before == ".":
            continue  # a number glued in front is looked at below
        if after in _STICKY or after.isdigit() or (after == "." and nxt.isalnum()):
            continue
        cuts += [s + g for g in splitter.gaps(run)]
    # "2025digelar": a separate scan, so the loop above stays lean on the common short word
    for m in _AFTER_DIGIT.finditer(text):
        if _after_number(text, m.start(), m.group(), splitter):
            cuts.append(m.start())
            if not (len(m.group()) < 2 * MIN_PART + 1 and m.group().islower()):
                cuts += _run_cuts(text, m, splitter)
    # "Terkini,Persija": a comma glued between a word and a capitalised word
    cuts += [m.end() for m in _COMMA.finditer(text)]
    cuts.sort()
    if not cuts:
        return text, []
    parts, prev = [], 0
    for c in cuts:
        parts.append(text[prev:c])
        prev = c
    parts.append(text[prev:])
    return " ".join(parts), cuts
