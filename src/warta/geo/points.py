"""Representative points of areas (countries, admin regions) for the gazetteer.

The packages warta builds on give coordinates for towns only. An area's point is where a
map would put its label: for a country, the centre of its main land mass from the country
outlines warta ships for the dashboard (Natural Earth 1:110m, ``api/static``); for a
region, and for a country too small for those outlines, the middle of the box around its
towns. Either lies near GeoNames' own point for the area, which a weighted mean of towns
does not (a mean is pulled to where people live: Canada's would sit near Toronto).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from importlib import resources

Point = tuple[float, float]  # (lat, lon)

_NEAR_KM = 1000  # parts of a country this close to its largest are averaged with it


class Box:
    """The lat/lon box around points added one by one (two boxes for longitude: as
    given, and with western longitudes shifted east, for areas across the antimeridian:
    Chukotka, the Aleutians, Fiji)."""

    __slots__ = ("lat", "lon", "east")

    def __init__(self) -> None:
        self.lat = [math.inf, -math.inf]
        self.lon = [math.inf, -math.inf]
        self.east = [math.inf, -math.inf]

    def add(self, lat: float, lon: float) -> None:
        east = lon + 360 if lon < 0 else lon
        for span, x in ((self.lat, lat), (self.lon, lon), (self.east, east)):
            if x < span[0]:
                span[0] = x
            if x > span[1]:
                span[1] = x

    def middle(self) -> Point | None:
        if self.lat[0] > self.lat[1]:
            return None
        lon = self.lon if self.lon[1] - self.lon[0] <= 180 else self.east
        mid = (lon[0] + lon[1]) / 2
        return (self.lat[0] + self.lat[1]) / 2, (mid + 180) % 360 - 180


def box_middle(points: Iterable[Point]) -> Point | None:
    """The middle of the lat/lon box around ``points`` (see :class:`Box`)."""
    box = Box()
    for lat, lon in points:
        box.add(lat, lon)
    return box.middle()


def km(a: Point, b: Point) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def country_centres() -> dict[int, Point]:
    """ISO 3166 numeric code -> centre of the country's main land mass (with the parts
    within ~1000 km of it), from the shipped TopoJSON outlines."""
    raw = resources.files("warta").joinpath("api", "static", "countries-110m.json")
    topo = json.loads(raw.read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topo["arcs"]:  # delta-encoded, quantised (x = lon, y = lat)
        x = y = 0
        line = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            line.append((x * sx + tx, y * sy + ty))
        arcs.append(line)

    def ring(ids: list[int]) -> list[Point]:
        out: list[Point] = []
        for i in ids:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(part if not out else part[1:])
        return out

    out: dict[int, Point] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        kind, gid = geom.get("type"), geom.get("id")
        if not gid or not str(gid).isdigit() or kind not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geom["arcs"] if kind == "MultiPolygon" else [geom["arcs"]]
        parts = [_centroid(ring(p[0])) for p in polygons]
        big = max(parts)
        near = [p for p in parts if km((p[1], p[2]), (big[1], big[2])) <= _NEAR_KM]
        area = sum(p[0] for p in near)
        lat = sum(p[0] * p[1] for p in near) / area
        lon = sum(p[0] * p[2] for p in near) / area
        out[int(gid)] = (lat, (lon + 180) % 360 - 180)
    return out


def _centroid(ring: list[Point]) -> tuple[float, float, float]:
    """(area, lat, lon) of a polygon ring (x = lon, y = lat), computed on an equal-area
    projection (y = sin lat) so that the far north does not weigh more than it covers."""
    xs = [x for x, _ in ring]
    if max(xs) - min(xs) > 180:  # Russia's and Fiji's rings cross the antimeridian
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    flat = [(x, math.sin(math.radians(y))) for x, y in ring]
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(flat, flat[1:] + flat[:1], strict=True):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if not a:
        return 0.0, ring[0][1], ring[0][0]
    lat = math.degrees(math.asin(max(-1.0, min(1.0, cy / (3 * a)))))
    return abs(a / 2), lat, cx / (3 * a)
