// The timeline: matching events per day (per month when the span is long), stacked by
// PLOVER quad class. Clicking a bar narrows the filters to that day or month.

import { svg } from "./dom.js";
import { QUAD_LABEL, quad } from "./map.js";

const DAY_MS = 86400000;

function parseDay(day) {
  const t = Date.parse(day + "T00:00:00Z");
  return Number.isNaN(t) ? null : t;
}

function isoDay(t) {
  return new Date(t).toISOString().slice(0, 10);
}

// bins [{day, type, count}] -> [{key, from, to, counts: {quad: n}, total}] without gaps,
// by day, or by month / year when there would be too many bars to read.
// The days holding the middle 90% of events: a few misread dates (year 25, 2045) must
// not stretch the axis until the real weeks shrink to one bar.
export function core(bins) {
  const dated = bins.filter((b) => parseDay(b.day) !== null).sort((a, b) => (a.day < b.day ? -1 : 1));
  const total = dated.reduce((n, b) => n + b.count, 0);
  if (!total) return null;
  const cut = Math.floor(total * 0.05);
  let seen = 0;
  let first = null;
  let last = null;
  for (const b of dated) {
    seen += b.count;
    if (first === null && seen > cut) first = b.day;
    if (last === null && seen >= total - cut) last = b.day;
  }
  return [first, last];
}

export function buckets(bins) {
  const range = core(bins);
  if (!range) return [];
  const [first, last] = range;
  const spanDays = (parseDay(last) - parseDay(first)) / DAY_MS;
  const unit = spanDays <= 120 ? "day" : spanDays <= 3650 ? "month" : "year";
  const keyOf = (day) => (unit === "day" ? day : unit === "month" ? day.slice(0, 7) : day.slice(0, 4));
  const out = new Map();
  for (const key of keysBetween(first, last, unit)) {
    const from = unit === "day" ? key : unit === "month" ? key + "-01" : key + "-01-01";
    const to = unit === "day" ? key : unit === "month" ? lastOfMonth(from) : key + "-12-31";
    out.set(key, { key, from, to, counts: {}, total: 0 });
  }
  for (const b of bins) {
    const bucket = out.get(keyOf(b.day));
    if (!bucket) continue;
    const q = quad(b.type);
    bucket.counts[q] = (bucket.counts[q] || 0) + b.count;
    bucket.total += b.count;
  }
  return [...out.values()];
}

function keysBetween(first, last, unit) {
  const keys = [];
  if (unit === "day") {
    for (let t = parseDay(first); t <= parseDay(last); t += DAY_MS) keys.push(isoDay(t));
    return keys;
  }
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  if (unit === "year") {
    for (; y <= ly; y++) keys.push(String(y).padStart(4, "0"));
    return keys;
  }
  while (y < ly || (y === ly && m <= lm)) {
    keys.push(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`);
    if (++m > 12) { m = 1; y++; }
  }
  return keys;
}

function lastOfMonth(day) {
  const [y, m] = day.split("-").map(Number);
  return isoDay(Date.UTC(y, m, 0));
}

export function drawTimeline(host, bins, onPick) {
  const data = buckets(bins);
  const inside = data.reduce((n, d) => n + d.total, 0);
  const outside = bins.reduce((n, b) => n + b.count, 0) - inside;
  // drawn at the host's pixel width, so text is never stretched
  const width = Math.max(host.clientWidth || 1000, 300);
  const height = 140;
  const bottom = 22;
  const root = svg("svg", {
    class: "timeline", viewBox: `0 0 ${width} ${height}`,
    role: "img", "aria-label": `timeline of ${data.length} periods`,
  });
  if (!data.length) {
    root.append(svg("text", { x: width / 2, y: height / 2, class: "empty" }, "no dated events"));
    host.replaceChildren(root);
    return root;
  }
  const max = Math.max(...data.map((d) => d.total), 1);
  const step = width / data.length;
  const plot = height - bottom - 6;
  data.forEach((d, i) => {
    let y = height - bottom;
    const g = svg("g", { class: "bar", tabindex: 0, "data-from": d.from, "data-to": d.to });
    for (const q of Object.keys(QUAD_LABEL)) {
      const n = d.counts[q] || 0;
      if (!n) continue;
      const h = (n / max) * plot;
      y -= h;
      g.append(svg("rect", { x: i * step + step * 0.1, y, width: Math.max(step * 0.8, 1),
        height: h, class: q }));
    }
    // a full-height invisible target so thin bars stay easy to click
    g.append(svg("rect", { x: i * step, y: 0, width: step, height: height - bottom,
      class: "hit" }));
    g.append(svg("title", {}, `${d.key}: ${d.total} event${d.total === 1 ? "" : "s"}`));
    g.addEventListener("click", () => onPick(d.from, d.to));
    root.append(g);
  });
  const ticks = Math.min(data.length, 6);
  for (let j = 0; j < ticks; j++) {
    const i = Math.round((j * (data.length - 1)) / Math.max(ticks - 1, 1));
    const edge = j === 0 ? " first" : j === ticks - 1 ? " last" : "";
    const x = j === 0 ? 2 : j === ticks - 1 ? width - 2 : i * step + step / 2;
    root.append(svg("text", { x, y: height - 6, class: "tick" + edge },
      data[i].key));
  }
  root.append(svg("line", { x1: 0, x2: width, y1: height - bottom, y2: height - bottom,
    class: "axis" }));
  if (outside > 0) {
    root.append(svg("text", { x: 8, y: 14, class: "note" },
      `${outside} event${outside === 1 ? "" : "s"} dated outside this range`));
  }
  host.replaceChildren(root);
  return root;
}
