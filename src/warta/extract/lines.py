"""Separate a page dump's body from its furniture, line by line.

A line is classified from general features (length, sentence punctuation, position before
the first real paragraph or after the last one) plus the per-language furniture rules in
``lang/<code>/furniture.toml``. Every line left out is kept as a :class:`Discard` with a
reason code, and the header lines that carry metadata (title, date line, byline, photo
caption) are handed back for :mod:`.meta` to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Discard
from .dates import date_line
from .lexicon import Lexicon

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_SIGNOFF = re.compile(r"^\(\s*[a-z]{2,6}(?:\s*[/,]\s*[a-z]{2,6})*\s*\)$")
_TRAILING_CREDIT = re.compile(
    r"^(?P<cap>.+?)\s*\((?P<credit>[^()]*(?:\bvia\b|\bPhoto\b|\bFoto\b|/)[^()]*)\)\s*$"
)
_TEASER = re.compile(r"(\.\.\.|…)$")
# "Simak juga Video: <headline>!", "Saksikan juga Blak-blakan, <name>: <headline>": a cue,
# a label of at most four words and a colon announce a link whatever the headline ends with
_LABELLED = re.compile(r"(?:[^\W_][\w'’.-]*,?\s+){0,3}[^\W_][\w'’.-]*:\s")
MAX_LINK_WORDS = 40  # a linked headline with its cue is never longer than this


# A paragraph break the scraper lost: a sentence end glued to the next sentence's capital
# ("(18/6/2025).Kapolres", "ujarnya.“Kita"). Three lowercase letters before the stop keep
# abbreviations ("Jl.Sudirman", "Dr.") whole.
_GLUED_STOP = re.compile(
    r"(?:(?<=[a-z]{3}[.!?])|(?<=[a-z]{2}[.!?][\"”’])|(?<=\)[.!?]))(?=[\"“]?[A-Z][a-z])"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# 'Italia 2025"Anda ...', "E-Prix 2025Apakah": a quote or a word glued behind a number
_QUOTE_GLUED = re.compile(r"(?<=\S)(?=[\"“][A-Z])|(?<=\d)(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based, in the input as read
    text: str
    start: int = 0  # offset of ``text`` in the input as read


@dataclass(slots=True)
class Layout:
    """What the classifier found: body paragraphs and the metadata-bearing lines."""

    body: list[Line] = field(default_factory=list)
    title: Line | None = None
    published: str | None = None
    bylines: list[Line] = field(default_factory=list)
    captions: list[tuple[str, str | None]] = field(default_factory=list)
    signoffs: list[str] = field(default_factory=list)
    trailer: list[Line] = field(default_factory=list)  # non-body lines after the body
    discarded: list[Discard] = field(default_factory=list)


def words(text: str) -> int:
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(_END.search(text))


def is_prose(text: str) -> bool:
    """A real paragraph: long enough, and shaped like sentences."""
    n = words(text)
    return (n >= 8 and (ends_sentence(text) or ". " in text)) or n >= 20


def headline_like(text: str) -> bool:
    n = words(text)
    return 1 <= n <= 30 and not ends_sentence(text) and not text.endswith(":")


def name_like(text: str, lex: Lexicon) -> bool:
    """2-5 capitalised words and nothing else: a byline such as "Khairisa Ferida"."""
    parts = [p for p in re.split(r"\s*,\s*|\s+", text) if p]
    if not 2 <= len(parts) <= 8 or any(ch.isdigit() for ch in text) or ends_sentence(text):
        return False
    caps = [p for p in parts if p[0].isupper() or p.lower() in lex.name_joiners]
    return len(caps) == len(parts) and not any(p.lower() in lex.not_name for p in parts)


def caption(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """("caption", "credit") if the line is a photo caption with a credit."""
    m = _TRAILING_CREDIT.match(text)
    if m and words(m.group("credit")) <= 10:
        return m.group("cap").strip(), m.group("credit").strip()
    m = lex.credit.search(text)
    if m and words(m.group(1)) <= 8 and len(text) - m.start() < 80:
        return text[: m.start()].strip(" -|,("), m.group(1).strip(" )")
    return None


def rule_reason(text: str, lex: Lexicon) -> str | None:
    n = words(text)
    for rx, reason, max_words in lex.rules:
        if n <= max_words and rx.search(text):
            return reason
    m = lex.read_also.match(text)
    if (
        m
        and (
            m.end() == len(text)
            or not ends_sentence(text)
            or ":" in m.group()
            or _LABELLED.match(text, m.end()) is not None
        )
        and n <= MAX_LINK_WORDS
    ):
        return "furniture:read_also"
    return None


def _stripped(number: int, text: str, start: int) -> Line:
    lead = len(text) - len(text.lstrip())
    return Line(number, text.strip(), start + lead)


def split_lines(content: str, lex: Lexicon) -> list[Line]:
    """Non-empty lines with their offsets; a line the scraper glued together is cut apart."""
    out: list[Line] = []
    pos = 0
    for number, raw in enumerate(content.split("\n"), 1):
        cuts = [0, *(m.start() for m in _GLUED_STOP.finditer(raw)), len(raw)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            out += _read_also_block(_stripped(number, raw[a:b], pos + a), lex)
        pos += len(raw) + 1
    return [ln for ln in out if ln.text]


def _read_also_block(ln: Line, lex: Lexicon) -> list[Line]:
    """ "Baca JugaJudul SatuJudul DuaKalimat berikutnya ..." -> cue, headlines, the rest."""
    m = lex.read_also_glued.match(ln.text)
    if not m:
        return [ln]
    inner = sorted(
        c.start() for rx in (_CAMEL, _QUOTE_GLUED) for c in rx.finditer(ln.text, m.end() + 1)
    )
    if not m.group()[-1:].isalpha() and (not inner or not ends_sentence(ln.text)):
        # "Baca juga: <headline>" alone, or with more non-sentence text after it: the line
        # rules drop it whole; only a body sentence glued behind the headlines is cut free
        return [ln]
    out = [Line(ln.number, ln.text[: m.end()], ln.start)]
    cuts = [m.end(), *inner, len(ln.text)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = ln.text[a:b]
        if not (headline_like(piece) and words(piece) <= 20 and _title_case(piece)):
            out.append(_stripped(ln.number, ln.text[a:], ln.start + a))
            break
        out.append(_stripped(ln.number, piece, ln.start + a))
    return out


# Reasons judged from a line's shape alone; an HTML extractor's paragraphs (headings, list
# items, table cells) already passed a markup-aware filter, so there only content rules apply.
_SHAPE_ONLY = frozenset({"short_nonsentence", "headline_like"})


def classify(content: str, lex: Lexicon, markup: bool = False, title: str | None = None) -> Layout:
    """Body and furniture of ``content``; ``markup``: lines come from an HTML extractor.

    With ``markup``, the page's ``title`` repeated above the first paragraph is dropped.
    """
    lines = split_lines(content, lex)
    out = Layout()
    prose = [i for i, ln in enumerate(lines) if is_prose(ln.text) and not _meta_line(ln.text, lex)]
    first = prose[0] if prose else len(lines)
    last = prose[-1] if prose else -1
    if markup:
        key = _fold(title or "")
        while lines[:1] and key and _fold(lines[0].text) == key:
            out.discarded.append(Discard(lines[0].number, lines[0].text, "title"))
            lines, first = lines[1:], first - 1
        first, last = 0, len(lines)
    for ln in lines[:first]:
        _header(ln, lex, out)
    after_cue = False
    for i in range(first, len(lines)):
        ln = lines[i]
        reason = _body_reason(ln.text, lex, out, after_cue)
        if markup and reason in _SHAPE_ONLY:
            reason = None
        after_cue = reason == "furniture:read_also" and (
            lex.read_also.fullmatch(ln.text) is not None or after_cue
        )
        if reason is None and i > last:
            reason = "trailer"
        if reason is None:
            out.body.append(ln)
            continue
        out.discarded.append(Discard(ln.number, ln.text, reason))
        if i > last and reason in ("trailer", "short_nonsentence", "headline_like"):
            out.trailer.append(ln)
    return out


def _fold(text: str) -> str:
    return "".join(text.casefold().split())


def _meta_line(text: str, lex: Lexicon) -> bool:
    return rule_reason(text, lex) is not None or caption(text, lex) is not None


def _header(ln: Line, lex: Lexicon, out: Layout) -> None:
    text = ln.text
    reason = rule_reason(text, lex)
    if reason is None:
        iso = date_line(text, lex)
        cap = caption(text, lex)
        if iso is not None:
            out.published = out.published or iso
            reason = "dateline_meta"
        elif cap is not None:
            if cap not in out.captions:
                out.captions.append(cap)
            reason = "caption"
        elif _TEASER.search(text) and words(text) <= 12:
            reason = "teaser"
        elif out.title is None and headline_like(text) and words(text) >= 2:
            out.title = ln
            reason = "title"
        elif out.title is not None and (name_like(text, lex) or _byline_shape(text, lex)):
            out.bylines.append(ln)
            reason = "byline"
        else:
            reason = "header"
    out.discarded.append(Discard(ln.number, text, reason))


def _byline_shape(text: str, lex: Lexicon) -> bool:
    low = text.lower()
    if any(low.startswith(c + " ") or low.startswith(c + ":") for c in lex.author_cues):
        return words(text) <= 10
    # "Rina Kusuma -detikNews": a name, a dash, then a brand glued to it
    return bool(re.match(r"^[\w .'’]{2,60}\s[-–—]\s?\w+$", text)) and words(text) <= 8


def _body_reason(text: str, lex: Lexicon, out: Layout, after_cue: bool) -> str | None:
    reason = rule_reason(text, lex)
    if reason:
        return reason
    if _SIGNOFF.match(text):
        out.signoffs.append(text.strip("() "))
        return "signoff"
    cap = caption(text, lex)
    if cap is not None:
        if cap not in out.captions:
            out.captions.append(cap)
        return "caption"
    if after_cue and headline_like(text) and words(text) <= 20:
        return "furniture:read_also"
    if date_line(text, lex) is not None and words(text) <= 8:
        return "dateline_meta"
    n = words(text)
    if ends_sentence(text) or (text.endswith(":") and n >= 3):
        return None
    if n < 6:
        return "short_nonsentence"
    if n <= 15 and not is_prose(text) and _title_case(text):
        return "headline_like"
    return None


def _title_case(text: str) -> bool:
    ws = _WORD.findall(text)
    caps = sum(1 for w in ws if w[:1].isupper() or w[:1].isdigit())
    return caps >= 0.6 * len(ws)
