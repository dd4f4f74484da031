"""Resolving date expressions against the publication date, per language (``dates.toml``).

"Kamis (12/6/2025)", "Jumat (20/6)", "Senin" (the last Monday on or before publication),
"kemarin", "pekan lalu", "awal bulan ini", "akhir Mei", "sejak Maret lalu", "Sept. 23",
"19 September", "in 2022", "last week" -> an inclusive :class:`DateWindow` with a precision.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from .. import lang as langdata
from ..records import DateWindow, Record
from .tokens import Token, phrase_key, tokenize

_SLASH_RE = re.compile(r"\s*\(?\s*(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\s*\)?")
_DASH_RE = re.compile(r"\d\s*[-–—]\s*\d")
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    window: DateWindow
    # a year naming an edition ("Piala Dunia 2026"): it dates an event only when nothing
    # else in the sentence does
    label: bool = False


def publication_day(published: str | None) -> date | None:
    """The calendar day of an ISO 8601 publication time (in the page's own offset)."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    # a day at the calendar's ends ("0001-01-01", "9999-12-31") is a placeholder, not a
    # reference: relative dates around it would fall off the calendar
    return day if _FIRST_DAY <= day <= _LAST_DAY else None


_FIRST_DAY, _LAST_DAY = date(100, 1, 1), date(9000, 12, 31)


def _win(a: date, b: date, precision: str) -> DateWindow:
    return DateWindow(a.isoformat(), b.isoformat(), precision)  # type: ignore[arg-type]


def _month_window(y: int, m: int, part: str | None = None, pub: date | None = None) -> DateWindow:
    last = calendar.monthrange(y, m)[1]
    if part == "sofar" and pub:
        return _win(date(y, m, 1), pub, "month")
    lo, hi = _PARTS.get(part or "", (1, last))
    return _win(date(y, m, lo), date(y, m, min(hi, last)), "month" if not part else "week")


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def relative(kind: str, pub: date) -> DateWindow:
    """Resolve a relative kind from ``dates.toml`` ("day:-1", "week:-1", ...)."""
    head, *args = kind.split(":")
    n = int(args[0]) if args else 0
    if head == "day":
        d = pub + timedelta(days=n)
        return _win(d, d, "day")
    if head == "span":
        return _win(pub + timedelta(days=n), pub + timedelta(days=int(args[1])), "week")
    if head == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=n)
        return _win(monday, monday + timedelta(days=6), "week")
    if head == "weekend":
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        return _win(sat, min(sat + timedelta(days=1), pub), "day")
    if head == "month":
        y, m = _shift_month(pub.year, pub.month, n)
        return _month_window(y, m, args[1] if len(args) > 1 else None, pub)
    y = pub.year + n
    return _win(date(y, 1, 1), date(y, 12, 31), "year")


def _year_for(month: int, day: int, pub: date) -> int:
    """News reports the past: a month/day later than publication belongs to last year."""
    try:
        return pub.year - 1 if date(pub.year, month, day) > pub + timedelta(days=31) else pub.year
    except ValueError:
        return pub.year


@cache
def _lex(lang: str) -> dict[str, Any]:
    data = langdata.load(lang, "dates")
    return {
        "weekdays": data.get("weekdays", {}),
        "months": data.get("months", {}),
        "parts": data.get("parts", {}),
        "relative": {phrase_key(k): v for k, v in data.get("relative", {}).items()},
        "since": set(data.get("since", ())),
        "future": set(data.get("future", ())),
        "past": set(data.get("past", ())),
        "ordinals": set(data.get("ordinals", ())),
        "ranges": set(data.get("ranges", ())),
        "day_of": set(data.get("day_of", ())),
        "year_cues": set(data.get("year_cues", ())),
        "relatives": set(data.get("relatives", ())),
    }


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _tokens_to(toks: list[Token], i: int, end: int) -> int:
    """How many tokens from ``i`` on start before ``end`` (tokens are in text order)."""
    k = i
    while k < len(toks) and toks[k].start < end:
        k += 1
    return k - i


def _at(
    text: str, toks: list[Token], i: int, pub: date, lex: dict[str, Any], ahead: bool = False
) -> tuple[int, int, DateWindow] | None:
    """A date expression starting at token ``i``: (token count, end offset, window).

    ``ahead``: the clause speaks of the future, so a bare weekday is the coming one."""
    low = toks[i].low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    for n in range(4, 0, -1):
        key = tuple(t.low for t in toks[i : i + n])
        if len(key) == n and key in lex["relative"]:
            return n, toks[i + n - 1].end, relative(lex["relative"][key], pub)
    if low in lex["weekdays"]:
        m = _SLASH_RE.match(text, toks[i].end)
        if m and m.group(1):
            d, mo = int(m.group(1)), int(m.group(2))
            y = int(m.group(3)) if m.group(3) else _year_for(mo, d, pub)
            y = y + 2000 if y < 100 else y
            day = _safe(y, mo, d)
            if day:
                end = m.end()
                return _tokens_to(toks, i, end), end, _win(day, day, "day")
        wd = lex["weekdays"][low]
        back = (pub.weekday() - wd) % 7
        if nxt in lex["future"] or (ahead and nxt not in lex["past"]):
            coming = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
            used = 2 if nxt in lex["future"] else 1
            return used, toks[i + used - 1].end, _win(coming, coming, "day")
        last = pub - timedelta(days=back)
        return 1, toks[i].end, _win(last, last, "day")
    if low in lex["parts"] and nxt in lex["months"]:
        got = _at(text, toks, i + 1, pub, lex)
        if got and got[2].precision == "day":  # "early Sept. 23": early in that day
            return got[0] + 1, got[1], got[2]
        if got:
            mo = lex["months"][nxt]
            y = int(got[2].start[:4])
            return got[0] + 1, got[1], _month_window(y, mo, lex["parts"][low])
    if low.isdecimal() and 1 <= int(low) <= 31:
        got = _day_month(text, toks, i, pub, lex)
        if got:
            return got
    if low in lex["months"] and (len(low) > 3 or toks[i].text[:1].isupper()):
        mo = lex["months"][low]
        if nxt.isdecimal() and 1 <= int(nxt) <= 31 and len(nxt) <= 2:  # "Sept. 23", "Nov 5, 2016"
            j = _skip_ordinal(toks, i + 1, lex)
            upto = _range_end(text, toks, j, lex)  # "June 16-18"
            k = upto + 1 if upto is not None else j + 1
            lo, hi = int(nxt), int(toks[upto].low) if upto is not None else int(nxt)
            yt = toks[k] if k < len(toks) else None
            if yt and yt.low.isdecimal() and len(yt.low) == 4:
                return _days(int(yt.low), mo, lo, hi, k + 1 - i, yt.end)
            return _days(_year_for(mo, lo, pub), mo, lo, hi, k - i, toks[k - 1].end)
        if nxt.isdecimal() and len(nxt) == 4:
            return 2, toks[i + 1].end, _month_window(int(nxt), mo)
        if toks[i].text[:1].isupper():
            return 1, toks[i].end, _month_window(_year_for(mo, 1, pub), mo)
    if low.isdecimal() and len(low) == 4 and 1900 < int(low) < 2100 and i > 0:
        return 1, toks[i].end, _win(date(int(low), 1, 1), date(int(low), 12, 31), "year")
    if low.isdecimal() and text[toks[i].end : toks[i].end + 1] == "/":
        m2 = _SLASH_RE.match(text, toks[i].start)
        if m2:
            d, mo = int(m2.group(1)), int(m2.group(2))
            y = int(m2.group(3)) if m2.group(3) else _year_for(mo, d, pub)
            day = _safe(y + 2000 if y < 100 else y, mo, d)
            if day:
                return _tokens_to(toks, i, m2.end()), m2.end(), _win(day, day, "day")
    return None


def _skip_ordinal(toks: list[Token], j: int, lex: dict[str, Any]) -> int:
    """The last token of a day number, past an ordinal suffix ("6th", "the 19th of")."""
    suffix = toks[j + 1] if j + 1 < len(toks) else None
    if suffix and suffix.low in lex["ordinals"] and suffix.start == toks[j].end:
        j += 1
    if j + 2 < len(toks) and toks[j + 1].low in lex["day_of"] and toks[j + 2].low in lex["months"]:
        return j + 1
    return j


def _range_end(text: str, toks: list[Token], j: int, lex: dict[str, Any]) -> int | None:
    """The token holding the last day of a range after the day at ``j`` ("16-18",
    "16 hingga 18", "16 to 18"), or None."""
    k = j + 1
    if k >= len(toks):
        return None
    gap = text[toks[j].end : toks[k].start].strip()
    if gap in ("-", "–", "—", "/-") or (gap == "" and toks[k].low in lex["ranges"]):
        if gap == "" and toks[k].low in lex["ranges"]:
            k += 1
        if k < len(toks) and toks[k].low.isdecimal() and len(toks[k].low) <= 2:
            k = _skip_ordinal(toks, k, lex)
            if toks[k].low.isdecimal() and int(toks[j].low) < int(toks[k].low) <= 31:
                return k
    return None


def _days(
    y: int, mo: int, lo: int, hi: int, n: int, end: int
) -> tuple[int, int, DateWindow] | None:
    """Days ``lo``..``hi`` of a month as ``_at`` answers them (``n`` tokens, ending at ``end``)."""
    a, b = _safe(y, mo, lo), _safe(y, mo, hi)
    if not (a and b):
        return None
    return n, end, _win(a, b, "day" if a == b else "week")


def _day_month(
    text: str, toks: list[Token], i: int, pub: date, lex: dict[str, Any]
) -> tuple[int, int, DateWindow] | None:
    """ "16 Juni", "19th September", "the 6th of December", "16-18 Juni 2025"."""
    last = _range_end(text, toks, _skip_ordinal(toks, i, lex), lex)
    j = _skip_ordinal(toks, last if last is not None else i, lex)
    if j + 1 >= len(toks) or toks[j + 1].low not in lex["months"]:
        return None
    mo, lo = lex["months"][toks[j + 1].low], int(toks[i].low)
    hi = int(toks[last].low) if last is not None else lo
    yt = toks[j + 2] if j + 2 < len(toks) else None
    if yt and yt.low.isdecimal() and len(yt.low) == 4:
        return _days(int(yt.low), mo, lo, hi, j + 3 - i, yt.end)
    return _days(_year_for(mo, lo, pub), mo, lo, hi, j + 2 - i, toks[j + 1].end)


def _label(toks: list[Token], i: int, lex: dict[str, Any]) -> bool:
    """A year right after a capitalised word that is no date cue names an edition, not a
    time ("Piala Dunia 2026", "Music Awards 2025", "Euro 2024")."""
    prev = toks[i - 1]
    if i > 1 and toks[i - 2].low.isdecimal() and prev.low in lex["year_cues"]:
        return True  # a regulation's number: "No. 2 Tahun 2005", "Act No. 5 of 2019"
    return (
        prev.text[:1].isupper()
        and prev.low not in lex["year_cues"]
        and not (prev.low in lex["months"] or prev.low.isdecimal())
    )


def relative_past(text: str, at: int, d: DateMention, lang: str, published: str | None) -> bool:
    """Whether ``d``, a date wholly in a year before publication, follows a relative
    pronoun after ``at`` with no comma closing that relative clause first."""
    pub = publication_day(published)
    if pub is None or d.window.end[:4] >= f"{pub.year:04d}":
        return False
    rel = _lex(lang)["relatives"]
    starts = [t.end for t in tokenize(text, at, d.start) if t.low in rel]
    return bool(starts) and "," not in text[starts[-1] : d.start]


def find_dates(
    text: str, start: int, end: int, lang: str, published: str | None, ahead: bool = False
) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` resolved against ``published`` (``ahead``:
    the text speaks of the future, so "on Thursday" is the coming Thursday)."""
    pub = publication_day(published)
    if pub is None:
        return []
    lex = _lex(lang)
    toks = tokenize(text, start, end)
    out: list[DateMention] = []
    i = 0
    while i < len(toks):
        got = _at(text, toks, i, pub, lex, ahead)
        if got is None:
            i += 1
            continue
        n, stop, window = got
        # "sejak Maret", "sejak awal 2017" = from then until publication
        since = i - 1 if i > 1 and toks[i - 1].low in lex["parts"] else i
        # ... unless it states its own end ("sejak 16-18 Juni")
        ranged = _DASH_RE.search(text, toks[i].start, stop) or any(
            t.low in lex["ranges"] for t in toks[i : i + n]
        )
        if since > 0 and toks[since - 1].low in lex["since"] and not ranged:
            window = DateWindow(window.start, max(window.end, pub.isoformat()), window.precision)
            out.append(DateMention(toks[since - 1].start, stop, window))
        else:
            label = window.precision == "year" and n == 1 and _label(toks, i, lex)
            out.append(DateMention(toks[i].start, stop, window, label))
        i += max(n, 1)
    return out


def default_window(published: str | None, status: str) -> DateWindow | None:
    """The window an undated event gets: news reports the recent past (or near future)."""
    pub = publication_day(published)
    if pub is None:
        return None
    if status in ("planned", "threatened", "hypothetical"):
        return _win(pub, pub + timedelta(days=30), "month")
    return _win(pub - timedelta(days=7), pub, "week")


_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")


_LEAD_CHARS = 400  # the dateline and first paragraph: where a page dates its news


def _full_days(text: str, lang: str) -> list[tuple[int, str]]:
    """(offset, ISO day) of every date in ``text`` that states its own year."""
    probe = "2100-01-01"  # only expressions with their own year are kept, so any day works
    return [
        (d.start, d.window.start)
        for d in find_dates(text, 0, len(text), lang, probe)
        if d.window.precision == "day" and _YEAR_RE.search(text[d.start : d.end])
    ]


def reference_date(record: Record, lang: str) -> str | None:
    """The day relative dates resolve against: the publication date, else a full date of
    the page ("WASHINGTON, Dec. 7, 2016", "late Oct. 4, 2023"): one in the dateline or
    the first paragraph first, else the latest in the body or a photo caption. Dates from
    years well before the year the text mostly talks about are history, not the news day."""
    published = record.article.published
    if publication_day(published):
        return published
    dateline = [day for _, day in _full_days(record.article.dateline or "", lang)]
    if dateline:
        return max(dateline)
    text = record.article.text
    texts = [text, *(i.caption for i in record.article.images if i.caption)]
    years = Counter(int(y) for t in texts for y in _YEAR_RE.findall(t))
    top = max(years.values(), default=0)
    usual = max((y for y, n in years.items() if n == top), default=0)

    def recent(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
        return [(at, d) for at, d in found if int(d[:4]) >= usual - 1]

    body = recent(_full_days(text, lang))
    lead = [d for at, d in body if at < _lead_end(text)]
    days = lead or [d for _, d in body] + [
        d for t in texts[1:] for _, d in recent(_full_days(t, lang))
    ]
    return max(days) if days else None


def _lead_end(text: str) -> int:
    """End of the first paragraph (at most ``_LEAD_CHARS`` characters in)."""
    cut = text.find("\n", 40)
    return min(cut if cut > 0 else len(text), _LEAD_CHARS)
