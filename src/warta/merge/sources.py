"""Who reported first, who relayed whom, and how many independent sources a story has.

Within a story cluster, articles are taken in publication order. An article is a
``duplicate`` of the earliest earlier article it near-copies, a ``relay`` when it cites an
outlet ("Melansir BBC", "dikutip dari", "according to Reuters") — the earlier article of
that outlet when the store holds one — and otherwise ``independent`` (``first`` for the
earliest). Its origin is the outlet whose reporting it carries; independent sources are
distinct origins, so copies, relays and an outlet's own follow-ups never count twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .signature import outlet_key
from .types import ArticleSig


@dataclass(frozen=True, slots=True)
class Role:
    key: str
    position: int  # 0 = reported first
    role: str  # first | independent | duplicate | relay
    relay_of: str | None  # the article (key) or outlet (name) it relays or copies
    origin: str  # the outlet whose reporting it carries


def same_outlet(cited: str, outlet: str | None) -> bool:
    """``cited`` (a folded name from the text) names ``outlet`` (a folded publisher)."""
    if not outlet or len(cited) < 3 or len(outlet) < 3:
        return False
    return cited == outlet or outlet.startswith(cited) or cited.startswith(outlet)


def relay_chain(members: Iterable[ArticleSig], duplicates: set[frozenset[str]]) -> list[Role]:
    """The role of each member of one story cluster, in publication order."""
    order = sorted(
        members, key=lambda m: (m.published_ts if m.published_ts is not None else 1e18, m.key)
    )
    origin: dict[str, str] = {}
    out: list[Role] = []
    for i, m in enumerate(order):
        earlier = order[:i]
        own = m.outlet or m.key
        copied = next((e for e in earlier if frozenset((e.key, m.key)) in duplicates), None)
        if copied is not None:
            role = Role(m.key, i, "duplicate", copied.key, origin[copied.key])
        else:
            role = _cited(m, earlier, origin, i) or Role(
                m.key, i, "first" if i == 0 else "independent", None, own
            )
        origin[m.key] = role.origin
        out.append(role)
    return out


def _cited(m: ArticleSig, earlier: list[ArticleSig], origin: dict[str, str], i: int) -> Role | None:
    for name in m.cited:
        if same_outlet(name, m.outlet):
            continue  # an outlet naming itself
        source = next((e for e in earlier if same_outlet(name, e.outlet)), None)
        if source is not None:
            return Role(m.key, i, "relay", source.key, origin[source.key])
        return Role(m.key, i, "relay", name, name)
    return None


def independent_sources(origins: Iterable[str]) -> list[str]:
    """Distinct origins, in first-seen order."""
    return list(dict.fromkeys(origins))


def shown_names(origins: Iterable[str], names: Iterable[str]) -> list[str]:
    """Origins as people read them: a folded origin ("sindonews") becomes the first of
    ``names`` (publishers and cited outlets as written) that folds to it ("SINDOnews")."""
    spelled: dict[str, str] = {}
    for name in names:
        key = outlet_key(name)
        if key:
            spelled.setdefault(key, name.removeprefix("www."))
    return [spelled.get(o, o) for o in origins]
