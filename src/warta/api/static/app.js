// The dashboard: filters, map, timeline and event list (#/?filters), one event with its
// evidence (#/event/REF), and a form to add an article (#/add). Plain ES modules, no build.

import { api, el, query, setToken, status, token } from "./dom.js";
import { renderEvent } from "./eventpage.js";
import { PRECISION_LABEL, QUAD_LABEL, drawMap } from "./map.js";
import { drawTimeline } from "./timeline.js";

const FIELDS = [
  ["q", "Text", "text"], ["since", "From", "date"], ["until", "To", "date"],
  ["country", "Country (ISO)", "text"], ["type", "Event type", "select:types"],
  ["status", "Status", "select:statuses"], ["stance", "Claim stance", "select:stances"],
  ["precision", "Place precision", "select:precisions"], ["actor", "Actor", "text"],
  ["recipient", "Recipient", "text"], ["sector", "Sector", "text"],
  ["language", "Language", "text"], ["outlet", "Outlet", "text"],
];
const EXPORTS = [
  ["CSV (ACLED-like)", "/api/export/events.csv"],
  ["PLOVER JSONL", "/api/export/events.plover.jsonl"],
  ["Parquet", "/api/export/events.parquet"],
  ["Records JSONL", "/api/export/records.jsonl"],
];
const PAGE = 50;
let vocab = null;

function route() {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  return { path, params: Object.fromEntries(new URLSearchParams(search || "")) };
}

function go(path, params = {}) {
  const q = query(params);
  window.location.hash = "#" + path + (q ? "?" + q : "");
}

function filterForm(params) {
  const form = el("form", { class: "filters", id: "filters" });
  for (const [name, label, kind] of FIELDS) {
    let input;
    if (kind.startsWith("select:")) {
      input = el("select", { name }, el("option", { value: "" }, "any"));
      for (const v of vocab[kind.slice(7)] || []) {
        input.append(el("option", { value: v },
          name === "precision" ? PRECISION_LABEL[v] || v : v));
      }
    } else {
      input = el("input", { name, type: kind, autocomplete: "off" });
    }
    input.value = params[name] || "";
    form.append(el("label", {}, el("span", {}, label), input));
  }
  if (vocab.merged) form.append(...mergedFields(params));
  form.append(el("div", { class: "buttons" },
    el("button", { type: "submit" }, "Apply"), el("button", { type: "reset" }, "Reset")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go("/", { near: params.near, bbox: params.bbox, ...Object.fromEntries(new FormData(form)) });
  });
  if (params.near || params.bbox) {
    const where = params.near ? `near ${params.near} (lat, lon, km)` : `in box ${params.bbox}`;
    const clear = el("button", { type: "button" }, "clear");
    clear.addEventListener("click", () => go("/", { ...params, near: null, bbox: null }));
    form.prepend(el("p", { class: "place-filter" }, `Place: ${where} `, clear));
  }
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    go("/", {});
  });
  return form;
}

// Merged events (one per happening) or one row per article event, and the least number of
// independent sources a merged event needs: only offered when the store has been merged.
function mergedFields(params) {
  const view = el("select", { name: "merged" },
    el("option", { value: "" }, "merged events"), el("option", { value: "false" }, "per article"));
  view.value = params.merged === "false" ? "false" : "";
  const min = el("input", { name: "min_sources", type: "number", min: 1, step: 1,
    placeholder: "1", autocomplete: "off" });
  min.value = params.min_sources || "";
  return [el("label", {}, el("span", {}, "View"), view),
    el("label", {}, el("span", {}, "Min. sources"), min)];
}

function exportLinks(params) {
  const q = query(params);
  return el("p", { class: "exports" }, "Export: ",
    ...EXPORTS.flatMap(([label, path], i) => [i ? " · " : "",
      el("a", { href: path + (q ? "?" + q : ""), download: "" }, label)]));
}

function legend() {
  const box = el("div", { class: "map-legend" });
  for (const [q, label] of Object.entries(QUAD_LABEL)) {
    box.append(el("span", { class: "key" }, el("i", { class: "swatch " + q }), label));
  }
  box.append(el("span", { class: "key muted" }, "dot size: exact place → province → country"));
  return box;
}

function eventRow(row) {
  // a merged row carries its fields itself; an article event's sit under row.event
  const e = row.merged ? row : row.event;
  const when = row.day || "undated";
  const place = row.place ? row.place.name : "—";
  const outlets = row.merged ? row.outlets.join(", ") : row.publisher || "";
  const tr = el("tr", { "data-ref": row.ref, tabindex: 0 },
    el("td", {}, when), el("td", {}, el("span", { class: "type" }, e.type)),
    el("td", {}, (e.actor ? e.actor.text : "—") + " → " + (e.recipient ? e.recipient.text : "—")),
    el("td", {}, place),
    el("td", { class: "sources", title: outlets }, String(row.sources)),
    el("td", {}, row.merged ? row.summary || "—" : e.status),
    el("td", { class: "title" }, row.title || ""));
  const open = () => go("/event/" + encodeURIComponent(row.ref));
  tr.addEventListener("click", open);
  tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
  return tr;
}

async function renderEvents(main, params) {
  const filters = { ...params };
  const mapBox = el("div", { class: "map-box", id: "map" });
  const timeBox = el("div", { class: "time-box", id: "timeline" });
  const body = el("tbody");
  const more = el("button", { type: "button", class: "more", hidden: true }, "More events");
  const count = el("span", { class: "muted" });
  main.replaceChildren(el("div", { class: "layout" },
    el("aside", {}, filterForm(params), exportLinks(filters)),
    el("section", { class: "views" },
      el("h2", {}, "Map"), mapBox, legend(),
      el("h2", {}, "Timeline"), timeBox,
      el("h2", {}, "Events ", count),
      el("table", { class: "events" },
        el("thead", {}, el("tr", {}, ...["Date", "Type", "Actor → recipient", "Place", "Sources",
          "Status / claims", "Article"].map((h) => el("th", {}, h)))), body), more)));
  const q = query(filters);
  const started = performance.now();
  const [points, timeline, first] = await Promise.all([
    api("/api/events/points?" + query({ ...filters, limit: 5000 })),
    api("/api/events/timeline" + (q ? "?" + q : "")),
    api("/api/events?" + query({ ...filters, limit: PAGE })),
  ]);
  await drawMap(mapBox, points, (pick) => {
    if (pick.ref) go("/event/" + encodeURIComponent(pick.ref));
    else go("/", { ...filters, near: `${pick.lat},${pick.lon},1`, precision: pick.precision });
  });
  drawTimeline(timeBox, timeline.bins, (from, to) => go("/", { ...filters, since: from, until: to }));
  let shown = 0;
  const add = (page) => {
    for (const row of page.items) body.append(eventRow(row));
    shown += page.items.length;
    count.textContent = `(${shown}${page.next_cursor ? "+" : ""})`;
    more.hidden = !page.next_cursor;
    more.dataset.cursor = page.next_cursor || "";
  };
  add(first);
  more.addEventListener("click", async () => {
    add(await api("/api/events?" + query({ ...filters, limit: PAGE, cursor: more.dataset.cursor })));
  });
  document.body.dataset.rendered = String(Math.round(performance.now() - started));
  status(`${points.features.length} located events on the map`);
}

function renderAdd(main) {
  const form = el("form", { class: "add" },
    el("h1", {}, "Add an article"),
    el("p", { class: "muted" }, "Paste a page (text or HTML). It is processed and stored by this server; nothing is fetched."),
    el("label", {}, el("span", {}, "Title"), el("input", { name: "title" })),
    el("label", {}, el("span", {}, "URL (kept, not fetched)"), el("input", { name: "url" })),
    el("label", {}, el("span", {}, "Published"), el("input", { name: "published", placeholder: "2025-06-18T10:00+07:00" })),
    el("label", {}, el("span", {}, "Outlet"), el("input", { name: "source" })),
    el("label", {}, el("span", {}, "Kind"),
      el("select", { name: "kind" }, el("option", { value: "text" }, "text"), el("option", { value: "html" }, "HTML"))),
    el("label", { class: "wide" }, el("span", {}, "Page"), el("textarea", { name: "body", rows: 14, required: true })),
    el("div", { class: "buttons" }, el("button", { type: "submit" }, "Process and store")));
  const out = el("p", { class: "result", role: "status" });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    const doc = { title: data.title || null, url: data.url || null,
      published: data.published || null, source: data.source || null };
    doc[data.kind === "html" ? "html" : "text"] = data.body;
    out.textContent = "Processing…";
    try {
      const result = await api("/api/ingest", { method: "POST",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(doc) });
      out.textContent = `Stored with ${result.events.length} event(s) and ${result.claims} claim(s).`;
      if (result.events.length) go("/event/" + encodeURIComponent(result.events[0]));
    } catch (err) {
      out.textContent = "Not stored: " + err.message;
    }
  });
  main.replaceChildren(form, out);
}

async function render() {
  const main = document.getElementById("main");
  const { path, params } = route();
  status("");
  try {
    if (!vocab) vocab = await api("/api/meta");
    if (path.startsWith("/event/")) await renderEvent(main, decodeURIComponent(path.slice(7)));
    else if (path === "/add") renderAdd(main);
    else await renderEvents(main, params);
  } catch (err) {
    main.replaceChildren(el("p", { class: "error" }, "Could not load: " + err.message));
  }
}

function tokenForm() {
  const form = document.getElementById("token-form");
  const input = document.getElementById("token-input");
  document.addEventListener("warta:token", () => { form.hidden = false; });
  if (token()) form.hidden = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setToken(input.value.trim());
    input.value = "";
    render();
  });
}

window.addEventListener("hashchange", render);
window.addEventListener("DOMContentLoaded", () => {
  tokenForm();
  render();
});
