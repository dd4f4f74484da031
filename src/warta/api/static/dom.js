// DOM and fetch helpers. Every piece of data reaches the page as text (textContent or
// attribute values set one by one): nothing from the store is ever parsed as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

// el("div", {class: "x"}, "text", child) -> element; strings become text nodes.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  return fill(node, attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  return fill(node, attrs, children);
}

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) throw new Error("use addEventListener, not on* attributes");
    node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only http(s) links leave the page; javascript:, data: and the rest become plain text.
export function safeUrl(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function link(href, text) {
  const url = safeUrl(href);
  if (!url) return el("span", {}, text);
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, text);
}

const TOKEN_KEY = "warta.token";

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// fetch JSON from this server, with the bearer token when one was given.
export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const t = token();
  if (t) headers.set("Authorization", "Bearer " + t);
  const response = await fetch(path, { ...options, headers, credentials: "same-origin" });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
    if (response.status === 401) document.dispatchEvent(new CustomEvent("warta:token"));
    throw new HttpError(response.status, detail);
  }
  return body;
}

export function status(message) {
  document.getElementById("status").textContent = message || "";
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && String(value).trim() !== "") q.set(key, value);
  }
  return q.toString();
}
