"""Human-readable summaries of records and event rows (the CLI's ``--format table``)."""

from __future__ import annotations

from .records import Event, Record


def _who(record: Record, event: Event, which: str) -> str:
    part = getattr(event, which)
    if part is None:
        return "-"
    label = part.text
    code = "/".join(x for x in (part.code, part.sector) if x)
    return f"{label} [{code}]" if code else label


def _place(record: Record, event: Event) -> str:
    for place in record.places:
        if place.id == event.place:
            return f"{place.name} ({place.country})" if place.country else place.name
    return "-"


def _claimed_by(record: Record, event: Event) -> str:
    by_id = {c.id: c for c in record.claims}
    names = []
    for cid in event.claims:
        claim = by_id.get(cid)
        if claim is not None:
            names.append(f"{claim.speaker.text} ({claim.stance})")
    return "; ".join(dict.fromkeys(names)) or "-"


def record_table(record: Record) -> str:
    """A few lines on the article, then one line per event and per claim."""
    a = record.article
    lines = [
        f"# {a.title or '(untitled)'}",
        f"  source: {record.source.path or record.source.url or '-'}"
        f"  publisher: {record.source.publisher or '-'}  language: {a.language or '-'}",
        f"  published: {a.published or '-'}  dateline: {a.dateline or '-'}"
        f"  authors: {', '.join(a.authors) or '-'}  cites: {', '.join(a.cited_sources) or '-'}",
        f"  {len(record.entities)} entities, {len(record.places)} places, "
        f"{len(record.events)} events, {len(record.claims)} claims, "
        f"{len(record.quantities)} quantities",
    ]
    if record.events:
        lines.append("  events:")
    for e in record.events:
        when = f"{e.date.start}..{e.date.end}" if e.date else "-"
        mode = f"/{e.mode}" if e.mode else ""
        lines.append(
            f"    {e.id} {e.type}{mode}: {_who(record, e, 'actor')} -> "
            f"{_who(record, e, 'recipient')} | {_place(record, e)} | {when} | {e.status}"
            f" | claimed by: {_claimed_by(record, e)}"
        )
    if record.claims:
        lines.append("  claims:")
    for c in record.claims:
        text = c.content.text if len(c.content.text) <= 90 else c.content.text[:87] + "..."
        lines.append(f"    {c.id} {c.speaker.text} [{c.stance}, {c.cue}]: {text}")
    return "\n".join(lines)
