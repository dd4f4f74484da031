// The event map: country outlines (packaged TopoJSON) and one dot per located event,
// drawn in SVG with an equirectangular projection (x = lon, y = -lat).

import { svg } from "./dom.js";

let countryPaths = null; // decoded once per page

// TopoJSON -> one SVG path string per country (arcs are delta-encoded and quantized).
function decode(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, -(y * sy + ty)];
    });
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    // a ring crossing the antimeridian jumps from +180 to -180: lift the pen there rather
    // than draw a line across the whole world
    let d = "";
    let prev = null;
    for (const [x, y] of points) {
      d += (prev === null || Math.abs(x - prev) > 180 ? "M" : "L") + x.toFixed(2) + "," + y.toFixed(2);
      prev = x;
    }
    return d + "Z";
  };
  return topology.objects.countries.geometries.map((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    const d = polygons.map((rings) => rings.map(ring).join("")).join("");
    return { name: (g.properties && g.properties.name) || "", d };
  });
}

async function countries() {
  if (!countryPaths) {
    const response = await fetch("/static/countries-110m.json");
    countryPaths = decode(await response.json());
  }
  return countryPaths;
}

// Pixel radius by place precision: the vaguer the place, the bigger and fainter the dot.
const RADIUS = { point: 4, town: 4, admin2: 6, admin1: 9, country: 13 };
export const PRECISION_LABEL = {
  point: "exact point", town: "town", admin2: "district", admin1: "province", country: "country",
};

// PLOVER types grouped by PLOVER's quad classes, one colour each.
const QUAD = {
  AGREE: "vcoop", CONSULT: "vcoop", SUPPORT: "vcoop", CONCEDE: "vcoop",
  COOPERATE: "mcoop", AID: "mcoop", RETREAT: "mcoop",
  REQUEST: "vconf", ACCUSE: "vconf", REJECT: "vconf", THREATEN: "vconf",
  PROTEST: "mconf", SANCTION: "mconf", MOBILIZE: "mconf", COERCE: "mconf", ASSAULT: "mconf",
};
export const QUAD_LABEL = {
  vcoop: "verbal cooperation", mcoop: "material cooperation",
  vconf: "verbal conflict", mconf: "material conflict",
};
export function quad(type) {
  return QUAD[type] || "vconf";
}

function sourceCount(n) {
  return n === 1 ? "1 source" : `${n} sources`;
}

// The box to show: around the events (at least 24 degrees wide), else the whole world.
function extent(features) {
  if (!features.length) return [-180, -70, 360, 150];
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    w = Math.min(w, lon); e = Math.max(e, lon);
    s = Math.min(s, lat); n = Math.max(n, lat);
  }
  const pad = 4;
  let width = Math.max(e - w + 2 * pad, 24);
  let height = Math.max(n - s + 2 * pad, 12);
  if (width / height < 2) width = height * 2; // keep the map's 2:1 frame filled
  else height = width / 2;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  return [cx - width / 2, -(cy + height / 2), width, height];
}

// Draw into `host`; onPick({ref}) for a one-event dot, onPick({lat, lon, precision}) for a
// dot standing for several events at one place.
export async function drawMap(host, geojson, onPick) {
  const features = geojson.features || [];
  const box = extent(features);
  const root = svg("svg", {
    class: "map", viewBox: box.join(" "), preserveAspectRatio: "xMidYMid meet",
    role: "img", "aria-label": `map of ${features.length} located events`,
  });
  root.append(svg("rect", { class: "sea", x: -540, y: -270, width: 1080, height: 540 }));
  const land = svg("g", { class: "countries" });
  for (const c of await countries()) {
    land.append(svg("path", { d: c.d }, svg("title", {}, c.name)));
  }
  root.append(land);
  host.replaceChildren(root);
  const k = box[2] / Math.max(root.clientWidth || host.clientWidth || 800, 1); // deg/px
  const dots = svg("g", { class: "dots" });
  // events at the same place and precision share one dot, sized by their number
  const groups = new Map();
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const precision = f.properties.precision || "town";
    const key = `${lon.toFixed(3)},${lat.toFixed(3)},${precision}`;
    if (!groups.has(key)) groups.set(key, { lon, lat, precision, items: [] });
    groups.get(key).items.push(f.properties);
  }
  // the vaguest places first, so precise dots stay on top and clickable
  const order = Object.keys(RADIUS);
  const sorted = [...groups.values()].sort((a, b) =>
    order.indexOf(b.precision) - order.indexOf(a.precision) || b.items.length - a.items.length);
  for (const g of sorted) {
    const first = g.items[0];
    const n = g.items.length;
    const counts = {};
    for (const p of g.items) counts[quad(p.type)] = (counts[quad(p.type)] || 0) + 1;
    const main = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
    const sources = g.items.reduce((total, p) => total + (p.sources || 1), 0);
    const label = n === 1
      ? `${first.type} · ${first.place || "?"} (${PRECISION_LABEL[g.precision] || g.precision})`
        + ` · ${first.day || "undated"} · ${sourceCount(sources)}\n${first.title || ""}`
      : `${n} events · ${first.place || "?"} (${PRECISION_LABEL[g.precision] || g.precision})`
        + ` · ${sourceCount(sources)}`;
    const r = (RADIUS[g.precision] || 5) * (1 + Math.min(Math.sqrt(n) - 1, 3) * 0.5);
    const dot = svg("circle", {
      cx: g.lon, cy: -g.lat, r: r * k, class: `dot ${main} prec-${g.precision}`, tabindex: 0,
      "data-ref": n === 1 ? first.ref : null, "data-count": n, "data-sources": sources,
    }, svg("title", {}, label));
    const pick = () => onPick(n === 1 ? { ref: first.ref } : { lat: g.lat, lon: g.lon, precision: g.precision });
    dot.addEventListener("click", pick);
    dot.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
    dots.append(dot);
  }
  root.append(dots);
  return root;
}
