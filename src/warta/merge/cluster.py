"""Links -> clusters: strongest links first, two groups join only when densely linked.

Plain connected components chain (A~B, B~C, ... until a whole war is one "story"); here
two groups join only when at least ``density`` of the pairs between them are linked, and,
for events, never when both hold an event of the same article (an article's own events
were already folded by the event stage, so two of them are two happenings).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

Node = Hashable


def cluster(
    nodes: Iterable[Node],
    links: Iterable[tuple[Node, Node, float]],
    density: float,
    group_of: Callable[[Node], Hashable] | None = None,
) -> list[list[Node]]:
    """Clusters of ``nodes`` (every node in exactly one, singletons included).

    ``group_of(node)``: nodes of one group (an article) never share a cluster.
    """
    members: dict[Node, list[Node]] = {n: [n] for n in nodes}
    root: dict[Node, Node] = {n: n for n in members}
    adjacent: dict[Node, set[Node]] = defaultdict(set)
    ordered = sorted(
        ((s, a, b) for a, b, s in links if a in members and b in members and a != b),
        key=lambda x: (-x[0], str(x[1]), str(x[2])),
    )
    for _, a, b in ordered:
        adjacent[a].add(b)
        adjacent[b].add(a)
    for _, a, b in ordered:
        ra, rb = root[a], root[b]
        if ra == rb:
            continue
        ma, mb = members[ra], members[rb]
        if group_of is not None:
            groups = {group_of(n) for n in ma}
            if any(group_of(n) in groups for n in mb):
                continue
        linked = sum(len(adjacent[n].intersection(mb)) for n in ma)
        if linked < density * len(ma) * len(mb):
            continue
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        ma.extend(mb)
        for n in mb:
            root[n] = ra
        del members[rb]
    return list(members.values())


def components(seeds: Iterable[Node], neighbours: Callable[[Node], Iterable[Node]]) -> set[Node]:
    """Every node reachable from ``seeds`` through ``neighbours``."""
    seen: set[Node] = set()
    todo = list(seeds)
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(m for m in neighbours(n) if m not in seen)
    return seen
