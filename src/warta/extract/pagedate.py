"""An HTML page's publication time: structured markup checked against htmldate's reading.

JSON-LD ``datePublished`` and OpenGraph ``article:published_time`` give an exact time, but
many CMSs write it in UTC, so an evening or early-morning story lands on the wrong local
day, and some templates fill it with an import or template date. htmldate (run by
trafilatura with ``original_date=True``) reads the visible date, the URL and the markup and
gives the local day only. The rules, in order:

1. a structured time written with the page's own non-zero offset is kept as written;
2. a UTC time is moved into the offset the page uses elsewhere (``<time datetime=...-05:00>``,
   ``article:modified_time``), when the page shows one;
3. a UTC or zone-less time whose day disagrees with htmldate's is replaced by htmldate's
   day when the gap is explained by a time-zone shift (an early-UTC hour read one day
   earlier in the Americas, a late-UTC hour one day later east of Greenwich) or when the
   two are more than a day apart (the structured field then holds another event's date).
   The day alone is then returned: the local time of day is not known.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

__all__ = ["Stamp", "choose_published", "page_offset", "parse_stamp"]

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:[.,]\d+)?\s*"
    r"(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
# an explicit offset inside any ISO date-time on the page (attributes, JSON, scripts)
_PAGE_OFFSET = re.compile(r"(?<=\d)T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?([+-]\d{2}:?\d{2})\b")
# Offsets a UTC hour may plausibly be shifted by when the local day differs: the Americas
# reach -10 h, Asia and Oceania +11 h. An hour outside the window is not explained by a zone.
_WEST_HOURS = 9  # UTC hours 00-08 may still be the previous local day
_EAST_HOURS = 13  # UTC hours 13-23 may already be the next local day


@dataclass(frozen=True, slots=True)
class Stamp:
    """A parsed date, with its time and UTC offset when the source gave them."""

    moment: datetime  # naive when the source gave no zone
    has_time: bool

    @property
    def day(self) -> date:
        return self.moment.date()

    @property
    def utc_or_naive(self) -> bool:
        off = self.moment.utcoffset()
        return off is None or off == timedelta(0)

    def iso(self) -> str:
        if not self.has_time:
            return self.day.isoformat()
        return self.moment.isoformat(timespec="seconds")


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4])
    if hours > 14 or minutes >= 60:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_stamp(value: str | None) -> Stamp | None:
    """ISO 8601 (loosely: "2022-5-5 22:17:36", "+0200", fractions) or RFC 2822, else None."""
    if not value:
        return None
    text = value.strip()
    m = _ISO.match(text)
    if m:
        try:
            if m.group("h") is None:
                return Stamp(datetime(int(m["y"]), int(m["mo"]), int(m["d"])), False)
            moment = datetime(
                int(m["y"]), int(m["mo"]), int(m["d"]), int(m["h"]), int(m["mi"]), int(m["s"] or 0)
            )
        except ValueError:
            return None
        zone = _zone(m.group("z"))
        return Stamp(moment.replace(tzinfo=zone) if zone else moment, True)
    try:  # "Wed, 04 May 2022 00:25:56 GMT" (RSS and some JSON-LD)
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return Stamp(moment, True)


def page_offset(html: str) -> timezone | None:
    """The non-zero UTC offset most date-times on the page are written in, if any."""
    counts = Counter(z for z in _PAGE_OFFSET.findall(html) if z.replace(":", "")[1:] != "0000")
    if not counts:
        return None
    return _zone(counts.most_common(1)[0][0])


def _shift_explains(stamp: Stamp, reading: date) -> bool:
    """Could the page's local day be ``reading`` for a UTC/zone-less ``stamp``?"""
    if not stamp.has_time:
        return False
    gap = (reading - stamp.day).days
    hour = stamp.moment.hour
    return (gap == -1 and hour < _WEST_HOURS) or (gap == 1 and hour >= _EAST_HOURS)


def choose_published(
    structured: list[str | None],
    reading: str | None,
    offset: timezone | None | Callable[[], timezone | None] = None,
) -> str | None:
    """The page's publication time as ISO 8601 (see the module docstring for the rules).

    ``structured``: markup values, most trusted first (JSON-LD ``datePublished``,
    ``article:published_time``, ...); ``reading``: htmldate's day (YYYY-MM-DD) or None;
    ``offset``: :func:`page_offset` of the page, or a function giving it (called only
    when rule 2 needs it: scanning a whole page costs milliseconds).
    """
    stamp = next((s for s in map(parse_stamp, structured) if s is not None), None)
    read = parse_stamp(reading)
    read_day = read.day if read else None
    if stamp is None:
        return read_day.isoformat() if read_day else None
    if not stamp.utc_or_naive:
        return stamp.iso()  # the page's own local time
    if stamp.moment.tzinfo is not None and stamp.has_time:
        if callable(offset):
            offset = offset()
        if offset is not None:
            return stamp.moment.astimezone(offset).isoformat(timespec="seconds")
    if read_day is None or read_day == stamp.day:
        return stamp.iso()
    if _shift_explains(stamp, read_day) or abs((read_day - stamp.day).days) > 1:
        return read_day.isoformat()
    return stamp.iso()
