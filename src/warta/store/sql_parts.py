"""Small SQL pieces the query builders share: keyset paging and geographic filters.

Each returns constant SQL text with ``?`` placeholders and the values that fill them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_EARTH_KM = 6371.0088

Clause = tuple[str, list[Any]]


def keyset(order: Sequence[tuple[str, bool]], values: Sequence[Any]) -> Clause:
    """Rows strictly after ``values`` in ``ORDER BY order`` (``(expr, descending)`` pairs).

    The expressions must be NULL-free (wrap them in coalesce) so comparisons are total.
    """
    ors: list[str] = []
    params: list[Any] = []
    for i, (expr, desc) in enumerate(order):
        parts = [f"{order[j][0]} = ?" for j in range(i)] + [f"{expr} {'<' if desc else '>'} ?"]
        ors.append("(" + " AND ".join(parts) + ")")
        params.extend(values[: i + 1])
    return "(" + " OR ".join(ors) + ")", params


def order_by(order: Sequence[tuple[str, bool]]) -> str:
    return " ORDER BY " + ", ".join(f"{expr}{' DESC' if desc else ''}" for expr, desc in order)


def in_bbox(lat: str, lon: str, bbox: tuple[float, float, float, float]) -> Clause:
    """Inside (west, south, east, north); a box across the antimeridian has west > east."""
    west, south, east, north = bbox
    lons = f"{lon} BETWEEN ? AND ?" if west <= east else f"({lon} >= ? OR {lon} <= ?)"
    return f"({lat} BETWEEN ? AND ? AND {lons})", [south, north, west, east]


def within_km(lat: str, lon: str, near: tuple[float, float, float]) -> Clause:
    """Great-circle (haversine) distance from (lat, lon) at most ``km``."""
    plat, plon, km = near
    sql = (
        f"(2 * ? * asin(sqrt(pow(sin(radians({lat} - ?) / 2), 2) + cos(radians(?))"
        f" * cos(radians({lat})) * pow(sin(radians({lon} - ?) / 2), 2))) <= ?)"
    )
    return sql, [_EARTH_KM, plat, plat, plon, km]
