"""Listing merge links (to pick one to undo or redo) for an article or a merged event."""

from __future__ import annotations

from typing import Any

from .tables import load_links
from .types import Link, MergeError


def links_of(store: Any, ref: str) -> list[Link]:
    """Every link (active or undone) touching article ``ref`` or inside merged event ``ref``."""
    con = store.con
    nodes = {
        (k, e)
        for k, e in con.execute(
            "SELECT article_key, event_id FROM merged_members WHERE merged_id = ?", [ref]
        ).fetchall()
    }
    keys = {k for k, _ in nodes} or {ref}
    found = [
        l_
        for l_ in load_links(con, active=False)
        if (
            l_.level == "article"
            and (l_.a[0] in keys and l_.b[0] in keys if nodes else ref in (l_.a[0], l_.b[0]))
        )
        or (l_.level == "event" and (l_.a in nodes or l_.b in nodes or ref in (l_.a[0], l_.b[0])))
    ]
    if (
        not found
        and not nodes
        and not con.execute(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE key = ?)", [ref]
        ).fetchone()[0]
    ):
        raise MergeError(f"{ref!r} is neither an article key nor a merged event id")
    return found


def link_lines(store: Any, ref: str) -> list[str]:
    def node(n: tuple[str, str | None]) -> str:
        return n[0] + (f"#{n[1]}" if n[1] else "")

    return [
        f"{l_.id}\t{l_.level}\t{l_.kind}\t{l_.state}\t{l_.decided_by}\t{l_.score}\t"
        f"{node(l_.a)} ~ {node(l_.b)}\t{l_.evidence}"
        for l_ in links_of(store, ref)
    ]
