"""Publication dates: find a page's date line and read it as ISO 8601 with the page's offset.

Month, weekday and time-zone words come from the language tables (:mod:`.lexicon`), so
"Senin, 14 Oktober 2024 - 08:12 WIB", "Diperbarui 9 Jul 2025, 11:40 WIB",
"Kompas.com- 18/06/2025, 21:35 WIB" and "September 23, 2024 10:00 AM EDT" go through the
same code. dateparser is not used here: its language auto-detection is slow, and these
lines have a closed shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .lexicon import Lexicon

_WORD = r"[A-Za-z]+"
_TIME = r"(?P<h>\d{1,2})\s*[:.]\s*(?P<mi>\d{2})(?:\s*[:.]\s*\d{2})?\s*(?P<ap>[ap]\.?\s?m\.?)?"
_ZONE = (
    r"(?P<z>(?!(?:GMT|UTC)\s*[+-])[A-Za-z]{2,5})?\s*"
    r"(?:\(?\s*(?:GMT|UTC)\s*(?P<zs>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?\)?)?"
)
_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_WORD})\.?,?\s+(?P<y>\d{{4}})\b")
_MDY = re.compile(rf"\b(?P<m>{_WORD})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b")
_NUM = re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})\b")
_TIME_RE = re.compile(rf"{_TIME}\s*{_ZONE}", re.I)
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class Found:
    iso: str
    start: int
    end: int  # the stretch of the line the date and time cover


def find_date(line: str, lex: Lexicon) -> Found | None:
    """The first full date (day, month, year) in ``line``, with its time and zone if given."""
    if not _YEAR.search(line):
        return None  # every date shape below holds a four-digit year; most lines have none
    best: tuple[int, int, date] | None = None
    for rx in (_DMY, _MDY):
        for m in rx.finditer(line):
            month = lex.months.get(m.group("m").lower())
            if month is None:
                continue
            try:
                d = date(int(m.group("y")), month, int(m.group("d")))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end(), d)
    if best is None:
        for m in _NUM.finditer(line):
            a, b = int(m.group("a")), int(m.group("b"))
            day, month = (a, b) if lex.numeric_order == "dmy" else (b, a)
            try:
                best = (m.start(), m.end(), date(int(m.group("y")), month, day))
                break
            except ValueError:
                continue
    if best is None:
        return None
    start, end, d = best
    iso = d.isoformat()
    tm = _TIME_RE.search(line, end)
    if tm and tm.start() - end <= 12 and not re.search(r"[a-z]{4,}", line[end : tm.start()]):
        hour, minute = int(tm.group("h")), int(tm.group("mi"))
        ap = (tm.group("ap") or "").replace(".", "").replace(" ", "").lower()
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            iso += f"T{hour:02d}:{minute:02d}:00"
            offset = _offset(tm, lex)
            if offset:
                iso += offset
            end = tm.end()
    return Found(iso, start, end)


def _offset(m: re.Match[str], lex: Lexicon) -> str | None:
    if m.group("zs"):
        return f"{m.group('zs')}{int(m.group('zh')):02d}:{m.group('zm') or '00'}"
    zone = (m.group("z") or "").lower()
    if zone in lex.zones:
        return lex.zones[zone]
    return lex.default_offset


def date_line(line: str, lex: Lexicon) -> str | None:
    """The ISO date if ``line`` is a date line (a date plus at most a few filler words,
    e.g. weekday, "Diperbarui", a byline), not a sentence that happens to hold a date."""
    found = find_date(line, lex)
    if found is None:
        return None
    rest = line[: found.start] + " " + line[found.end :]
    words = [
        w
        for w in re.findall(r"[^\W\d_][\w.'’-]*", rest)
        if w.lower().strip(".") not in lex.weekdays
    ]
    words = [w for w in words if w.lower() not in lex.date_filler and w.lower() not in lex.zones]
    if len(words) > 4:
        return None
    return found.iso


def published_from_meta(value: str | None, lex: Lexicon) -> str | None:
    """A scraper row's ``published`` field: a date line, or already ISO 8601."""
    if not value:
        return None
    iso = re.match(
        r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?", value.strip()
    )
    if iso:
        return iso.group().replace(" ", "T").replace("Z", "+00:00")
    found = find_date(value, lex)
    return found.iso if found else None
