"""Merged events for people: one event's articles, sentences and claims as text or a dict."""

from __future__ import annotations

from typing import Any

from ..codec import to_dict
from .view import MergedEventDetail, MergedEventRow

_ROLE = {
    "first": "reported first",
    "independent": "independent report",
    "duplicate": "copy of",
    "relay": "relays",
}


def row_line(r: MergedEventRow) -> str:
    """One line per merged event for the table view."""
    when = f"{r.date_start or '?'}..{r.date_end or '?'}"
    who = f"{r.actor_text or r.actor_code or '-'} -> {r.recipient_text or r.recipient_code or '-'}"
    line = (
        f"{r.id} {when} {r.type:<9} {r.n_sources} src/{r.n_articles} art | {who} | "
        f"{r.place or '-'} | {', '.join(r.sources)}"
    )
    return line + (f" | {r.summary}" if r.summary else "")


def detail_dict(d: MergedEventDetail) -> dict[str, Any]:
    e = d.event
    return {
        "merged_event": e.flat() | {"claims_by_stance": e.claims, "quantities": e.quantities},
        "articles": [
            {
                "article": m.article_key,
                "title": m.title,
                "url": m.url,
                "publisher": m.publisher,
                "published": m.published,
                "language": m.language,
                "story": m.cluster_id,
                "role": m.role,
                "relay_of": m.relay_of,
                "origin": m.origin,
                "event": to_dict(m.event),
                "claims": [to_dict(c) for c in m.claims],
            }  # fmt: skip
            for m in d.members
        ],
        "links": [
            {
                "id": l_.id,
                "a": list(l_.a),
                "b": list(l_.b),
                "score": l_.score,
                "state": l_.state,
                "decided_by": l_.decided_by,
                "evidence": l_.evidence,
            }  # fmt: skip
            for l_ in d.links
        ],
    }


def detail_text(d: MergedEventDetail) -> str:
    e = d.event
    out = [
        f"{e.id}  {e.type}  {e.date_start or '?'}..{e.date_end or '?'}  {e.place or '-'}"
        f" ({e.country or '-'})",
        f"  {e.actor_text or e.actor_code or '-'} -> {e.recipient_text or e.recipient_code or '-'}",
        f"  {e.n_sources} independent source(s): {', '.join(e.sources)};"
        f" {e.n_articles} article(s), languages {', '.join(e.languages) or '-'}",
    ]
    if e.summary:
        out.append(f"  claims: {e.summary}")
    for q in e.quantities:
        reports = ", ".join(f"{r['text']!r} ({r['qualifier']})" for r in q["reports"])
        out.append(f"  quantities{' in ' + q['unit'] if q['unit'] else ''}: "
                   f"{q['min']:g}..{q['max']:g} from {reports}")  # fmt: skip
    for m in d.members:
        role = _ROLE.get(m.role or "", m.role or "-")
        relay = f" {m.relay_of}" if m.relay_of and m.role in ("duplicate", "relay") else ""
        out.append("")
        out.append(f"- {m.published or '?'} {m.publisher or m.origin or '-'} [{m.language or '-'}]"
                   f" {role}{relay}")  # fmt: skip
        out.append(f"  {m.title or m.article_key}")
        out.append(f"  {m.url or m.article_key}  (event {m.event.id}, story {m.cluster_id})")
        for s in m.event.evidence:
            out.append(f"  > {s.text}")
        for c in m.claims:
            out.append(f"  claim [{c.stance}] {c.speaker.text}: {c.content.text}")
    if d.links:
        out.append("")
        out.append("links:")
        for l_ in d.links:
            out.append(f"  {l_.id} {l_.state} ({l_.decided_by}) score {l_.score}: {l_.evidence}")
    return "\n".join(out)
