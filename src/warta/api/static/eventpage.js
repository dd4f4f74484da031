// One event: what happened, the claim picture, and every source article with the
// sentences that support the event highlighted in its original text.

import { api, el, link } from "./dom.js";

const STANCE_CLASS = {
  confirm: "st-confirm", assert: "st-assert", refuse_to_deny: "st-assert",
  deny: "st-deny", predict: "st-other", demand: "st-other",
};

// Offsets are code points (as in Python); JS strings index UTF-16 units, so split first.
export function highlighted(text, highlights) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(h.start, chars.length)));
    cuts.add(Math.max(0, Math.min(h.end, chars.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "article-text", lang: "" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const kinds = new Set(highlights.filter((h) => h.start <= a && b <= h.end).map((h) => h.kind));
    if (!kinds.size) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const mark = el("mark", { class: [...kinds].map((k) => "hl-" + k).join(" ") }, piece);
    box.append(mark);
  }
  return box;
}

function who(p) {
  if (!p) return "(none)";
  return p.code ? `${p.text} [${p.code}]` : p.text;
}

function describe(detail) {
  const e = detail.event;
  const place = detail.place;
  const when = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start} – ${e.date.end}`) : "undated";
  return el("section", { class: "event-head" },
    el("h1", {}, el("span", { class: "type" }, e.type), e.mode ? ` (${e.mode})` : "",
      " ", who(e.actor), " → ", who(e.recipient)),
    el("dl", { class: "facts" },
      el("dt", {}, "Where"), el("dd", {}, place
        ? `${place.name}${place.country ? ", " + place.country : ""} (${place.precision || "?"})`
        : "—"),
      el("dt", {}, "When"), el("dd", {}, when),
      el("dt", {}, "Status"), el("dd", {}, e.status),
      el("dt", {}, "Trigger"), el("dd", {}, e.trigger || "—"),
      el("dt", {}, "Sources"), el("dd", {}, String(detail.sources.length))));
}

function picture(detail) {
  const box = el("section", { class: "picture" }, el("h2", {}, "Claim picture"));
  if (!detail.picture.length) {
    box.append(el("p", { class: "muted" }, "No attributed claims: the outlet reports it in its own voice."));
    return box;
  }
  const line = el("p", { class: "picture-line" });
  detail.picture.forEach((g, i) => {
    if (i) line.append("; ");
    line.append(el("span", { class: `stance ${STANCE_CLASS[g.stance] || ""}` }, g.words),
      " ", g.speakers.join(", "));
  });
  box.append(line);
  return box;
}

// Where an article stands in the story of a merged event.
const ROLE_LABEL = {
  first: "reported first", independent: "independent report", relay: "relays",
  duplicate: "copy of",
};

function role(s) {
  if (!s.role) return null;
  const of = s.role === "relay" || s.role === "duplicate" ? s.origin || s.relay_of : null;
  return el("span", { class: `role role-${s.role}`, "data-role": s.role },
    ROLE_LABEL[s.role] || s.role, of ? " " + of : "");
}

function source(s, i) {
  const card = el("article", { class: "source", "data-article": s.article_key });
  card.append(el("h2", {}, `Source ${i + 1}: `, link(s.url, s.title || s.url || s.article_key)));
  card.append(el("p", { class: "muted" }, role(s), s.role ? " " : "",
    [s.publisher, s.published, s.language].filter(Boolean).join(" · ")));
  if (s.claims.length) {
    const list = el("ul", { class: "claims" });
    for (const c of s.claims) {
      list.append(el("li", {},
        el("span", { class: `stance ${STANCE_CLASS[c.stance] || ""}` }, c.stance), " ",
        el("strong", {}, c.speaker.text), ` (${c.cue}): `, el("q", {}, c.content.text)));
    }
    card.append(list);
  }
  const legend = el("p", { class: "legend" },
    el("mark", { class: "hl-sentence" }, "supporting sentence"), " ",
    el("mark", { class: "hl-evidence" }, "evidence"), " ",
    el("mark", { class: "hl-claim" }, "claim"));
  const text = highlighted(s.text, s.highlights);
  if (s.language) text.setAttribute("lang", s.language);
  card.append(legend, text);
  return card;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// A merged event: one happening with every article that reported it.
function describeMerged(d) {
  const when = d.date ? (d.date.start === d.date.end ? d.date.start : `${d.date.start} – ${d.date.end}`)
    : d.day || "undated";
  const place = d.place ? `${d.place.name || "?"}${d.place.country ? ", " + d.place.country : ""}` : "—";
  return el("section", { class: "event-head merged" },
    el("h1", {}, el("span", { class: "type" }, d.type), " ", who(d.actor), " → ", who(d.recipient)),
    el("dl", { class: "facts" },
      el("dt", {}, "Where"), el("dd", {}, place),
      el("dt", {}, "When"), el("dd", {}, when),
      el("dt", {}, "Sources"), el("dd", { class: "n-sources" },
        `${plural(d.n_sources, "independent source")} · ${plural(d.articles, "article")}`),
      el("dt", {}, "Outlets"), el("dd", {}, d.outlets.join(", ") || "—"),
      el("dt", {}, "Languages"), el("dd", {}, d.languages.join(", ") || "—")));
}

function quantities(d) {
  if (!d.quantities || !d.quantities.length) return null;
  const list = el("ul", { class: "quantities" });
  for (const q of d.quantities) {
    const range = q.min === q.max ? String(q.min) : `${q.min} – ${q.max}`;
    list.append(el("li", {}, el("strong", {}, range), q.unit ? " " + q.unit : "", ": ",
      q.reports.map((r) => `“${r.text}”`).join(", ")));
  }
  return el("section", { class: "picture" }, el("h2", {}, "Reported numbers"), list);
}

function partOf(detail) {
  if (!detail.merged || detail.merged === true) return null;
  return el("p", { class: "part-of" }, "Part of a merged event reported by ",
    el("a", { href: "#/event/" + encodeURIComponent(detail.merged.ref) },
      plural(detail.merged.sources, "independent source")), ".");
}

export async function renderEvent(main, ref) {
  main.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  const detail = await api("/api/events/" + encodeURIComponent(ref));
  const merged = detail.merged === true;
  const page = el("div", { class: "event-page" + (merged ? " merged" : "") },
    el("p", {}, el("a", { href: "#/" }, "← all events")),
    merged ? describeMerged(detail) : describe(detail), partOf(detail), picture(detail),
    merged ? quantities(detail) : null, ...detail.sources.map(source));
  main.replaceChildren(page);
  // bring the first supporting sentence into view inside each text box
  for (const box of main.querySelectorAll(".article-text")) {
    const mark = box.querySelector(".hl-evidence, .hl-sentence");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
  }
}
