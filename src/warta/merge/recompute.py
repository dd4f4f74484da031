"""Recomputing the clusters some links touch: story clusters, relay roles, merged events.

Only the connected parts of the link graph that hold a seed are redone; everything else
keeps its rows. Ids are stable: a story cluster is named after its first report, a merged
event after its first reported member event.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from ..codec import from_json
from .cluster import cluster, components
from .config import MergeConfig
from .signature import outlet_name
from .sources import independent_sources, relay_chain, shown_names
from .summary import (
    Member,
    best_place,
    claims_by_stance,
    common,
    date_window,
    quantity_spread,
    stance_line,
)  # fmt: skip
from .tables import Con, cluster_mates, load_links, merged_mates, replace_clusters, replace_merged
from .types import ArticleSig, EventSig, Link

Node = tuple[str, str]


def _hid(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


def _adjacency(links: list[Link], level: str) -> dict[Any, set[Any]]:
    adj: dict[Any, set[Any]] = defaultdict(set)
    for l_ in links:
        a, b = (l_.a[0], l_.b[0]) if level == "article" else (l_.a, l_.b)
        adj[a].add(b)
        adj[b].add(a)
    return adj


def recompute(
    con: Con,
    sigs: dict[str, ArticleSig],
    events: list[EventSig],
    seeds: set[str],
    e_seeds: set[Node],
    gone: set[str],
    config: MergeConfig | None = None,
) -> tuple[int, int]:
    """Redo the story clusters reachable from ``seeds`` and the merged events reachable
    from ``e_seeds`` (plus those of every article whose story changed); returns how many
    of each were written."""
    config = config or MergeConfig()
    a_links = load_links(con, "article")
    adj = _adjacency(a_links, "article")
    seeds = set(seeds) | cluster_mates(con, seeds)  # a split cluster's other half is redone too
    comp = components({k for k in seeds if k in sigs}, lambda k: adj.get(k, ()))
    inside = [(l_.a[0], l_.b[0], l_.score) for l_ in a_links if l_.a[0] in comp and l_.b[0] in comp]
    dups = {frozenset((l_.a[0], l_.b[0])) for l_ in a_links if l_.kind == "duplicate"}
    rows = []
    for members in cluster(sorted(comp), inside, config.link_density):
        roles = relay_chain([sigs[k] for k in members], dups)
        cid = _hid("S", roles[0].key)
        for r in roles:
            rows.append((r.key, cid, r.position, r.role, r.relay_of, r.origin, None))
    replace_clusters(con, comp | gone, rows)
    n_clusters = len({r[1] for r in rows})

    e_links = load_links(con, "event")
    eadj = _adjacency(e_links, "event")
    index = {e.node: e for e in events}
    e_seeds = set(e_seeds) | {e.node for e in events if e.article_key in comp}
    e_seeds |= merged_mates(con, nodes=e_seeds)
    ecomp = components({n for n in e_seeds if n in index}, lambda n: eadj.get(n, ()))
    linked = [(l_.a, l_.b, l_.score) for l_ in e_links if l_.a in ecomp and l_.b in ecomp]
    groups = cluster(sorted(ecomp), linked, config.event_density, group_of=lambda n: n[0])
    merged, members = _merged_rows(con, groups, index, linked)
    replace_merged(con, ecomp | e_seeds, gone, merged, members)
    return n_clusters, len(merged)


def _merged_rows(
    con: Con,
    groups: list[list[Node]],
    index: dict[Node, EventSig],
    linked: list[tuple[Node, Node, float]],
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    keys = sorted({n[0] for g in groups for n in g})
    if not keys:
        return [], []
    found = con.execute(
        "SELECT a.key, a.record, a.published, a.language, c.origin FROM articles a"
        " LEFT JOIN article_clusters c ON c.key = a.key WHERE list_contains(?::VARCHAR[], a.key)",
        [keys],
    ).fetchall()
    info = {k: (from_json(r), p, lang, o) for k, r, p, lang, o in found}
    score_of = {frozenset((a, b)): s for a, b, s in linked}
    merged, member_rows = [], []
    for group in groups:
        nodes = [n for n in group if n[0] in info]
        if not nodes:
            continue
        nodes.sort(key=lambda n: (index[n].published_ts or 1e18, n[0], n[1]))
        ms = []
        for key, eid in nodes:
            record = info[key][0]
            ev = next((e for e in record.events if e.id == eid), None)
            if ev is not None:
                ms.append(Member(key, record, ev))
        if not ms:
            continue
        mid = _hid("E", ms[0].key, ms[0].event.id)
        scores = [s for p, s in score_of.items() if p <= set(nodes)]
        origins = shown_names(
            independent_sources(info[m.key][3] or m.key for m in ms),
            [n for m in ms for n in (outlet_name(m.record), *m.record.article.cited_sources) if n],
        )
        place = best_place(ms)
        start, end = date_window(ms)
        by_stance = claims_by_stance(ms)
        actor = common([m.event.actor.code if m.event.actor else None for m in ms])
        recipient = common([m.event.recipient.code if m.event.recipient else None for m in ms])
        merged.append(
            (
                mid,
                common([m.event.type for m in ms]),
                len(ms),
                len({m.key for m in ms}),
                len(origins),
                origins,
                actor,
                _text(ms, "actor", actor),
                recipient,
                _text(ms, "recipient", recipient),
                place.name if place else None,
                place.country if place else None,
                place.lat if place else None,
                place.lon if place else None,
                start,
                end,
                info[ms[0].key][1],
                ms[0].key,
                sorted({info[m.key][2] for m in ms if info[m.key][2]}),
                round(sum(scores) / len(scores), 4) if scores else None,
                json.dumps(by_stance, ensure_ascii=False),
                json.dumps(quantity_spread(ms), ensure_ascii=False),
                stance_line(by_stance),
            )  # fmt: skip
        )
        member_rows.extend((mid, m.key, m.event.id) for m in ms)
    return merged, member_rows


def _text(ms: list[Member], side: str, code: str | None) -> str | None:
    texts = [getattr(m.event, side) for m in ms]
    for p in texts:
        if p is not None and (code is None or p.code == code):
            return p.text
    return None
