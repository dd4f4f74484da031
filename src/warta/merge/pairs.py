"""Scoring a candidate pair: two articles (copy? same story?) or two events (same happening?).

Every score comes with its evidence (the signals that fired and their values) so a merge
can be shown and audited. Event conflicts veto: a known, different actor, place or date
keeps two events apart whatever the text says.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np

from .config import FAMILIES, SYMMETRIC, EncoderThresholds, MergeConfig
from .types import ArticleSig, EventSig, Link

DAY = 86400.0


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of two shingle sets."""
    return float(np.mean(a == b)) if len(a) and len(a) == len(b) else 0.0


def score_articles(
    a: ArticleSig, b: ArticleSig, config: MergeConfig, thr: EncoderThresholds
) -> Link | None:
    """A duplicate or same-story link between two articles, or None."""
    j = jaccard(a.minhash, b.minhash)
    cos = float(a.emb @ b.emb)
    tcos = float(a.temb @ b.temb)
    gap = (
        abs(a.published_ts - b.published_ts) / DAY
        if a.published_ts is not None and b.published_ts is not None
        else None
    )
    bodies = min(a.n_shingles, b.n_shingles) >= config.min_shingles
    evidence: dict[str, object] = {
        "jaccard": round(j, 3), "cosine": round(cos, 3), "title_cosine": round(tcos, 3),
        "gap_days": None if gap is None else round(gap, 2),
    }  # fmt: skip
    # one body under two unrelated headlines is scraped boilerplate, not a copy
    if bodies and j >= config.duplicate and tcos >= thr.title_dup:
        return Link("article", (a.key, None), (b.key, None), "duplicate", round(j, 4), evidence)
    if gap is not None and gap > config.story_days:
        return None
    story_cut = thr.story if a.language == b.language else thr.cross_language
    if cos >= story_cut or (bodies and j >= config.shared_text and tcos >= thr.title_dup):
        score = max(cos, min(1.0, j / config.duplicate))
        return Link("article", (a.key, None), (b.key, None), "story", round(score, 4), evidence)
    return None


def _km(a: EventSig, b: EventSig) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)  # type: ignore[operator]
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _window(e: EventSig) -> tuple[date, date] | None:
    start, end = _day(e.date_start), _day(e.date_end)
    if start is None and end is None:
        return None
    return (start or end, end or start)  # type: ignore[return-value]


def _sides(a: EventSig, b: EventSig) -> tuple[int, list[str]]:
    """Matched sides (actor, recipient) and conflicts, allowing swaps for symmetric types."""
    pairs = [(a.actor_code, b.actor_code), (a.recipient_code, b.recipient_code)]
    if a.type in SYMMETRIC and b.type in SYMMETRIC:
        swapped = [(a.actor_code, b.recipient_code), (a.recipient_code, b.actor_code)]
        if sum(x == y for x, y in swapped if x and y) > sum(x == y for x, y in pairs if x and y):
            pairs = swapped
    matched = sum(1 for x, y in pairs if x and y and x == y)
    conflicts = [f"{x}!={y}" for x, y in pairs if x and y and x != y]
    return matched, conflicts


def score_events(
    a: EventSig,
    b: EventSig,
    story: float,
    config: MergeConfig,
    thr: EncoderThresholds,
) -> Link | None:
    """A same-happening link between events of two articles, or None.

    ``story`` is the score of the link between their articles (0 when none).
    """
    if a.article_key == b.article_key:
        return None
    fam_a, fam_b = FAMILIES.get(a.type), FAMILIES.get(b.type)
    if fam_a is None or fam_a != fam_b:
        return None
    matched, conflicts = _sides(a, b)
    if conflicts:
        return None
    ev: dict[str, object] = {"type": a.type if a.type == b.type else f"{a.type}~{b.type}"}
    score = 0.15 if a.type == b.type else 0.05
    score += 0.15 * matched
    if matched:
        ev["sides"] = matched
    km = _km(a, b)
    if a.geonameid and a.geonameid == b.geonameid or (km is not None and km <= config.near_km):
        score += 0.15
        ev["place"] = "same"
    elif a.country and b.country and a.country != b.country:
        return None
    elif km is not None and km > config.far_km and "country" not in (a.precision, b.precision):
        return None
    elif a.admin1 and a.admin1 == b.admin1:
        score += 0.1
        ev["place"] = "same admin1"
    elif a.country and a.country == b.country:
        score += 0.05
        ev["place"] = "same country"
    wa, wb = _window(a), _window(b)
    if wa and wb:
        slack = config.date_slack_days
        gap = max((wb[0] - wa[1]).days, (wa[0] - wb[1]).days)
        if gap > slack:
            return None
        score += 0.1
        ev["dates"] = "overlap"
    cos = float(a.emb @ b.emb)
    ev["text_cosine"] = round(cos, 3)
    score += 0.3 * min(1.0, max(0.0, (cos - thr.event_text + 0.2) / 0.4))
    if story:
        score += 0.2 * story
        ev["story"] = round(story, 3)
    # without a shared story, the structure alone must carry it: both sides, one place
    # (not just one country: a war has many strikes) and one day
    if not story and (
        matched < 2 or ev.get("place") != "same" or "dates" not in ev or cos < thr.event_text
    ):
        return None
    if score < config.event_threshold:
        return None
    return Link(
        "event", (a.article_key, a.event_id), (b.article_key, b.event_id), "event",
        round(min(score, 1.0), 4), ev,
    )  # fmt: skip
