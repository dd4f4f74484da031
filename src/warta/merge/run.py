"""Incremental merging over a store: new articles in, links added, affected clusters redone.

A run signs only articles that are new or changed since the last run (their ``stored_at``
moved), drops what belonged to changed or removed ones, links the new ones to everything
stored (MinHash LSH for copies, nearest embeddings for rewritten and translated reports,
event fields for the rest), then recomputes only the clusters those links touch. Links are
kept with their evidence; :func:`set_link` undoes or redoes one, recomputing its clusters.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from ..codec import from_json
from ..records import Record
from .config import FAMILIES, MergeConfig
from .encoder import Encoder, get_encoder
from .pairs import score_articles, score_events
from .recompute import recompute
from .signature import SCHEME, article_sigs, event_sigs
from .tables import (
    Con,
    cluster_mates,
    delete_auto_links,
    delete_where_in,
    load_article_sigs,
    load_event_sigs,
    load_links,
    merged_mates,
    save_article_sigs,
    save_event_sigs,
    save_links,
)  # fmt: skip
from .types import ArticleSig, EventSig, Link, MergeError, MergeSummary

Node = tuple[str, str]


@dataclass
class _Timer:
    laps: dict[str, float] = field(default_factory=dict)
    _t: float = field(default_factory=time.monotonic)

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.laps[name] = round(self.laps.get(name, 0.0) + now - self._t, 3)
        self._t = now


@contextmanager
def _transaction(con: Con) -> Iterator[Con]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _connection(store: object) -> Con:
    con = getattr(store, "con", None)
    if con is None:
        raise MergeError("merging needs a DuckDB store")
    return con


def load_records(con: Con, keys: Iterable[str]) -> dict[str, tuple[object, Record]]:
    keys = list(keys)
    if not keys:
        return {}
    rows = con.execute(
        "SELECT key, stored_at, record FROM articles WHERE list_contains(?::VARCHAR[], key)",
        [keys],
    ).fetchall()
    return {k: (t, from_json(r)) for k, t, r in rows}


def merge_store(
    store: object,
    config: MergeConfig | None = None,
    *,
    encoder: str | Encoder = "auto",
    full: bool = False,
    relink: bool = False,
) -> MergeSummary:
    """Bring the store's merge tables up to date with its articles (incrementally).

    ``full`` drops every automatic link and signature first (a person's undo/redo stays);
    ``relink`` keeps the signatures but links and clusters everything again (after a
    change of thresholds: no text is encoded again).
    """
    config = config or MergeConfig()
    enc = get_encoder(encoder) if isinstance(encoder, str) else encoder
    con = _connection(store)
    timer = _Timer()
    stored = dict(con.execute("SELECT key, stored_at FROM articles").fetchall())
    sigs = load_article_sigs(con)
    if full or any(s.encoder != enc.name for s in sigs.values()):
        sigs = {}  # another encoder's vectors are not comparable: sign everything again
    changed = [k for k, t in stored.items() if k not in sigs or sigs[k].stored_at != t]
    gone = [k for k in sigs if k not in stored or k in set(changed)]
    all_gone = list(stored) + gone if full or not sigs else gone
    timer.lap("diff")
    records = load_records(con, changed)
    new_sigs = article_sigs([(k, t, r) for k, (t, r) in records.items()], enc, config)
    new_events = event_sigs([(k, r) for k, (_, r) in records.items()], enc, config)
    fresh_sigs, fresh_events = new_sigs, new_events
    timer.lap("sign")
    with _transaction(con):
        if relink and not full:
            con.execute("DELETE FROM merge_links WHERE decided_by = 'auto'")
            kept = set(changed) | set(gone)
            new_sigs = [s for k, s in sigs.items() if k not in kept] + new_sigs
            new_events = [e for e in load_event_sigs(con) if e.article_key not in kept] + new_events
            changed = [s.key for s in new_sigs]
        if full or not sigs:
            con.execute("DELETE FROM merge_articles")
            con.execute("DELETE FROM merge_events")
            con.execute("DELETE FROM merge_links WHERE decided_by = 'auto'")
        else:
            for table, col in (("merge_articles", "key"), ("merge_events", "article_key")):
                delete_where_in(con, table, col, gone)
            delete_auto_links(con, gone)
        for k in gone:
            sigs.pop(k, None)
        old_mates = cluster_mates(con, all_gone)
        old_merged = merged_mates(con, all_gone)
        for s in new_sigs:
            sigs[s.key] = s
        save_article_sigs(con, fresh_sigs)
        save_event_sigs(con, fresh_events)
        timer.lap("store")
        thr = config.thresholds(enc.name)
        a_links = save_links(con, _article_links(new_sigs, sigs, config, thr))
        timer.lap("article links")
        all_events = load_event_sigs(con)
        e_links = save_links(con, _event_links(new_events, all_events, con, config, thr))
        timer.lap("event links")
        seeds = (
            set(changed)
            | (old_mates & set(stored))
            | {n for l_ in a_links for n in (l_.a[0], l_.b[0])}
        )
        e_seeds = {e.node for e in new_events} | {n for n in old_merged if n[0] in stored}
        e_seeds |= {n for l_ in e_links for n in (l_.a, l_.b)}  # type: ignore[misc]
        n_clusters, n_merged = recompute(
            con, sigs, all_events, seeds, e_seeds, set(all_gone) - set(stored), config
        )
        timer.lap("clusters")
    return MergeSummary(
        new_articles=len(changed), removed_articles=len(set(gone) - set(stored)),
        article_links=len(a_links), event_links=len(e_links), clusters_recomputed=n_clusters,
        merged_recomputed=n_merged, encoder=enc.name, seconds=round(sum(timer.laps.values()), 3),
        timings=timer.laps,
    )  # fmt: skip


def _article_links(
    new: list[ArticleSig], sigs: dict[str, ArticleSig], config: MergeConfig, thr: object
) -> list[Link]:
    """Links from each new article to any stored one: LSH copies and nearest embeddings."""
    if not new:
        return []
    from datasketch import LeanMinHash, MinHashLSH

    keys = list(sigs)
    lsh = MinHashLSH(threshold=config.lsh_threshold, num_perm=config.num_perm)
    lean = {}
    for k in keys:
        lean[k] = LeanMinHash(seed=1, hashvalues=sigs[k].minhash, scheme=SCHEME)
        if sigs[k].n_shingles:
            lsh.insert(k, lean[k], check_duplication=False)
    matrix = np.stack([sigs[k].emb for k in keys])
    out: list[Link] = []
    seen: set[frozenset[str]] = set()
    for s in new:
        cands = set(lsh.query(lean[s.key])) if s.n_shingles else set()
        sims = matrix @ s.emb
        top = np.argsort(-sims)[: config.neighbours + 1]
        floor = thr.story - 0.1  # type: ignore[attr-defined]
        cands |= {keys[i] for i in top if sims[i] >= floor}
        for c in cands:
            pair = frozenset((s.key, c))
            if c == s.key or pair in seen:
                continue
            seen.add(pair)
            link = score_articles(s, sigs[c], config, thr)  # type: ignore[arg-type]
            if link is not None:
                out.append(link)
    return out


def _event_links(
    new: list[EventSig], everything: list[EventSig], con: Con, config: MergeConfig, thr: object
) -> list[Link]:
    """Links from each new event: to events of articles its article is linked to (story),
    and to events sharing its family and a side code (structure alone)."""
    if not new:
        return []
    by_article: dict[str, list[EventSig]] = defaultdict(list)
    by_code: dict[tuple[str, str], list[EventSig]] = defaultdict(list)
    for e in everything:
        by_article[e.article_key].append(e)
        for code in {e.actor_code, e.recipient_code} - {None}:
            by_code[(FAMILIES.get(e.type, ""), code)].append(e)  # type: ignore[index]
    story: dict[frozenset[str], float] = {}
    for l_ in load_links(con, "article"):
        pair = frozenset((l_.a[0], l_.b[0]))
        story[pair] = max(story.get(pair, 0.0), l_.score)
    new_by_article: dict[str, list[EventSig]] = defaultdict(list)
    for e in new:
        new_by_article[e.article_key].append(e)
    candidates: dict[frozenset[str], None] = {}
    for key, events in new_by_article.items():
        for pair in story:
            if key in pair:
                candidates[pair] = None
        for e in events:
            if e.actor_code and e.recipient_code:
                for code in (e.actor_code, e.recipient_code):
                    for other in by_code[(FAMILIES.get(e.type, ""), code)]:
                        if other.article_key != key:
                            candidates[frozenset((key, other.article_key))] = None
    out: list[Link] = []
    for pair in candidates:
        a, b = sorted(pair)
        out.extend(_match(by_article[a], by_article[b], story.get(pair, 0.0), config, thr))
    return out


def _match(
    xs: list[EventSig], ys: list[EventSig], story: float, config: MergeConfig, thr: object
) -> list[Link]:
    """One-to-one links between two articles' events, best pairs first."""
    scored = []
    for x in xs:
        for y in ys:
            link = score_events(x, y, story, config, thr)  # type: ignore[arg-type]
            if link is not None:
                scored.append(link)
    scored.sort(key=lambda l_: -l_.score)
    used: set[Node] = set()
    out = []
    for l_ in scored:
        if l_.a in used or l_.b in used:  # type: ignore[operator]
            continue
        used.update((l_.a, l_.b))  # type: ignore[arg-type]
        out.append(l_)
    return out


def set_link(store: object, link: str, state: str) -> Link:
    """Undo (``state="undone"``) or redo (``"active"``) one link; recompute its clusters."""
    if state not in ("active", "undone"):
        raise MergeError(f"a link is 'active' or 'undone', not {state!r}")
    con = _connection(store)
    found = [l_ for l_ in load_links(con, active=False) if l_.id == link]
    if not found:
        raise MergeError(f"no merge link {link!r} (see `warta merge --links`)")
    l_ = found[0]
    with _transaction(con):
        con.execute(
            "UPDATE merge_links SET state = ?, decided_by = 'user', updated = now() WHERE id = ?",
            [state, link],
        )
        sigs = load_article_sigs(con)
        events = load_event_sigs(con)
        if l_.level == "article":
            seeds = {l_.a[0], l_.b[0]} | cluster_mates(con, [l_.a[0], l_.b[0]])
            recompute(con, sigs, events, seeds, set(), set())
        else:
            nodes = {l_.a, l_.b}
            recompute(con, sigs, events, set(), nodes | merged_mates(con, nodes=nodes), set())  # type: ignore[arg-type]
    from dataclasses import replace

    return replace(l_, state=state, decided_by="user")
