/* geoevents live dashboard: polls the worker's JSON API every 2 s and draws plain DOM + inline SVG.
 *
 * Every piece of text from the API goes through textContent / setAttribute (never innerHTML), so
 * article text cannot inject markup. Each panel is fetched on its own: a failed or missing
 * endpoint shows "no data" in that panel only and is retried on the next poll.
 */
"use strict";

const POLL_MS = 2000;
const FETCH_TIMEOUT_MS = 5000;
const SVG_NS = "http://www.w3.org/2000/svg";

// ---------------------------------------------------------------- small DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else node.setAttribute(k, String(v));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function fmtNum(x, digits = 0) {
  if (typeof x !== "number" || !Number.isFinite(x)) return "–";
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function fmtSigned(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) return "–";
  return (x > 0 ? "+" : "") + x.toFixed(1);
}

function fmtTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso || "");
  return d.toISOString().slice(0, 16).replace("T", " ");
}

function goldsteinClass(g) {
  if (typeof g !== "number") return "g-neutral";
  if (g >= 1) return "g-pos";
  if (g <= -1) return "g-neg";
  return "g-neutral";
}

/** Measured width of a panel body (SVG charts are drawn in CSS pixels, then scale with it). */
function widthOf(container, fallback) {
  const w = Math.floor(container.clientWidth);
  return w > 50 ? w : fallback;
}

// ---------------------------------------------------------------- fetching

async function getJSON(path) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  try {
    const resp = await fetch(path, { signal: ctrl.signal, cache: "no-store" });
    let body = null;
    try { body = await resp.json(); } catch (_) { /* not JSON */ }
    if (!resp.ok) {
      const msg = body && body.error ? body.error : `HTTP ${resp.status}`;
      throw new Error(`${path}: ${msg}`);
    }
    if (body === null || typeof body !== "object") throw new Error(`${path}: not a JSON object`);
    return body;
  } finally {
    clearTimeout(timer);
  }
}

/** Replace a panel's content and record its state (loading | ok | empty | error). */
function show(container, state, ...nodes) {
  container.dataset.state = state;
  container.replaceChildren(...nodes);
}

function showEmpty(container, message) {
  show(container, "empty", el("p", { class: "empty", text: message }));
}

function showError(container, err) {
  container.dataset.key = "";
  show(container, "error", el("p", { class: "empty error", text: "no data", title: String(err && err.message || err) }));
}

/** Skip redrawing when the data did not change (keeps scroll position and avoids flicker). */
function unchanged(container, data) {
  const key = JSON.stringify(data) + "|" + container.clientWidth + "x" + container.clientHeight;
  if (container.dataset.key === key && container.dataset.state !== "error") return true;
  container.dataset.key = key;
  return false;
}

// ---------------------------------------------------------------- header: /api/health

const COUNTER_LABELS = [
  ["articles_in", "articles in"],
  ["articles_extracted", "extracted"],
  ["articles_rejected", "rejected"],
  ["events_out", "events"],
  ["mentions_out", "mentions"],
  ["mentions_counted", "counted"],
];

function renderHealth(body) {
  const box = document.getElementById("health");
  const pill = document.getElementById("health-status");
  const status = String(body.status || "unknown");
  const state = body.rebalancing ? "rebalancing" : status;
  box.dataset.state = state === "ok" ? "ok" : "warn";
  pill.textContent = state;
  pill.title = `app ${body.app_id || "?"} · ${body.url || ""} · ${(body.assigned || []).length} partitions assigned`;
  const counters = body.counters || {};
  const dl = document.getElementById("health-counters");
  dl.replaceChildren(...COUNTER_LABELS.filter(([k]) => k in counters).map(([k, label]) =>
    el("div", { class: "counter" }, el("dt", { text: label }), el("dd", { text: fmtNum(Number(counters[k])) }))));
  document.getElementById("health-updated").textContent = "updated " + new Date().toLocaleTimeString();
}

function healthFailed(err) {
  const box = document.getElementById("health");
  box.dataset.state = "down";
  const pill = document.getElementById("health-status");
  pill.textContent = "unreachable";
  pill.title = String(err && err.message || err);
}

// ---------------------------------------------------------------- top actors: horizontal bars

const windowSelect = () => document.getElementById("window-select");
let actorsRequest = 0;

async function refreshActors() {
  const container = document.getElementById("top-actors");
  const win = windowSelect().value;
  const seq = ++actorsRequest;
  try {
    const body = await getJSON(`/api/actors/top?window=${encodeURIComponent(win)}&n=10`);
    if (seq !== actorsRequest) return; // a newer request (window switch) is in flight
    renderActors(container, win, Array.isArray(body.actors) ? body.actors : []);
  } catch (err) {
    if (seq !== actorsRequest) return;
    container.dataset.window = win;
    showError(container, err);
  }
}

function renderActors(container, win, actors) {
  if (unchanged(container, [win, actors])) return;
  container.dataset.window = win;
  if (actors.length === 0) {
    showEmpty(container, `No actor mentions in the ${win === "all" ? "stream yet" : "last " + win}.`);
    return;
  }
  const W = widthOf(container, 420);
  const rowH = 26, barH = 18, labelW = Math.min(190, Math.round(W * 0.45)), countW = 44;
  const H = actors.length * rowH + 4;
  const max = Math.max(1, ...actors.map((a) => Number(a.mentions) || 0));
  const barMax = Math.max(20, W - labelW - countW - 8);
  const chart = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `Top actors, window ${win}` });
  actors.forEach((a, i) => {
    const mentions = Number(a.mentions) || 0;
    const y = i * rowH + 2;
    const w = Math.max(2, (mentions / max) * barMax);
    const code = String(a.code);
    const name = a.name && a.name !== a.code ? String(a.name) : "";
    chart.append(svg("g", { class: "bar", "data-code": code, "data-mentions": mentions, transform: `translate(0,${y})` },
      svg("title", { text: `${code}${name ? " · " + name : ""}: ${mentions} mentions` }),
      svg("text", { class: "bar-label", x: labelW - 8, y: barH / 2, "text-anchor": "end", "dominant-baseline": "central" },
        svg("tspan", { class: "code", text: code }),
        name ? svg("tspan", { class: "name", dx: 5, text: name }) : null),
      svg("rect", { class: "bar-rect", x: labelW, y: 0, width: w, height: barH, rx: 3 }),
      svg("text", { class: "bar-count", x: labelW + w + 5, y: barH / 2, "dominant-baseline": "central", text: fmtNum(mentions) })));
  });
  show(container, "ok", chart);
  fitLabels(chart, labelW - 12);
}

/** Shorten actor names (never codes) until each label fits left of its bar. */
function fitLabels(chart, maxW) {
  for (const label of chart.querySelectorAll(".bar-label")) {
    const name = label.querySelector(".name");
    if (!name) continue;
    const full = name.textContent;
    let keep = full.length;
    while (keep > 1 && label.getComputedTextLength() > maxW) {
      keep -= 1;
      name.textContent = full.slice(0, keep).trimEnd() + "…";
    }
    if (label.getComputedTextLength() > maxW) name.textContent = "";
  }
}

// ---------------------------------------------------------------- events per minute: columns

async function refreshRate() {
  const container = document.getElementById("events-rate");
  try {
    const body = await getJSON("/api/events/rate?minutes=60");
    renderRate(container, Array.isArray(body.minutes) ? body.minutes : []);
  } catch (err) {
    document.getElementById("rate-total").textContent = "";
    showError(container, err);
  }
}

function renderRate(container, minutes) {
  // Bucket by minute; the axis ends at the current minute (or the newest bucket if later).
  const counts = new Map();
  let newest = Math.floor(Date.now() / 60000);
  for (const m of minutes) {
    const t = Date.parse(m.minute);
    if (Number.isNaN(t)) continue;
    const k = Math.floor(t / 60000);
    counts.set(k, (counts.get(k) || 0) + (Number(m.events) || 0));
    newest = Math.max(newest, k);
  }
  const series = [];
  for (let k = newest - 59; k <= newest; k++) series.push([k, counts.get(k) || 0]);
  const total = series.reduce((s, [, v]) => s + v, 0);
  if (unchanged(container, series)) return;
  document.getElementById("rate-total").textContent = `${fmtNum(total)} events`;
  if (total === 0) {
    showEmpty(container, "No events in the last 60 minutes.");
    return;
  }
  const W = widthOf(container, 420), padL = 28, padB = 18, padT = 8;
  const H = Math.max(110, Math.min(240, Math.floor(container.clientHeight) - 6 || 0));
  const max = Math.max(1, ...series.map(([, v]) => v));
  const colW = (W - padL - 2) / series.length;
  const plotH = H - padB - padT;
  const chart = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Events per minute" },
    svg("line", { class: "axis", x1: padL, x2: W, y1: H - padB + 0.5, y2: H - padB + 0.5 }),
    svg("line", { class: "grid-line", x1: padL, x2: W, y1: padT + 0.5, y2: padT + 0.5 }),
    svg("text", { class: "tick", x: padL - 4, y: padT, "text-anchor": "end", "dominant-baseline": "central", text: fmtNum(max) }),
    svg("text", { class: "tick", x: padL - 4, y: H - padB, "text-anchor": "end", "dominant-baseline": "central", text: "0" }),
    svg("text", { class: "tick", x: padL, y: H - 4, text: minuteLabel(series[0][0]) }),
    svg("text", { class: "tick", x: W - 2, y: H - 4, "text-anchor": "end", text: minuteLabel(newest) }));
  series.forEach(([k, v], i) => {
    if (v === 0) return;
    const h = Math.max(1, (v / max) * plotH);
    chart.append(svg("rect", { class: "col", x: padL + 1 + i * colW + 0.5, y: H - padB - h, width: Math.max(1, colW - 1), height: h,
      "data-minute": new Date(k * 60000).toISOString(), "data-events": v },
      svg("title", { text: `${minuteLabel(k)} UTC: ${v} event${v === 1 ? "" : "s"}` })));
  });
  show(container, "ok", chart);
}

function minuteLabel(k) {
  return new Date(k * 60000).toISOString().slice(11, 16);
}

// ---------------------------------------------------------------- latest events

async function refreshEvents() {
  const container = document.getElementById("latest-events");
  try {
    const body = await getJSON("/api/events/recent?limit=30");
    renderEvents(container, Array.isArray(body.events) ? body.events : []);
  } catch (err) {
    showError(container, err);
  }
}

function renderEvents(container, events) {
  if (unchanged(container, events.map((e) => e && e.event_id))) return;
  if (events.length === 0) {
    showEmpty(container, "No events yet.");
    return;
  }
  const list = el("ol", { class: "event-list" });
  for (const ev of events) {
    if (ev && typeof ev === "object") list.append(renderEvent(ev));
  }
  show(container, "ok", list);
}

function actorCode(actor) {
  if (!actor) return el("span", { class: "code none", text: "—", title: "no target" });
  const tip = [actor.name, actor.text && `“${actor.text}”`].filter(Boolean).join(" · ");
  return el("span", { class: "code", text: actor.code || "?", title: tip });
}

function renderEvent(ev) {
  const cameo = ev.cameo || {};
  const loc = ev.location;
  const flags = [];
  if (ev.negated) flags.push(el("span", { class: "flag negated", text: "negated" }));
  if (ev.hypothetical) flags.push(el("span", { class: "flag hypothetical", text: "hypothetical" }));
  const place = loc ? [loc.resolved || loc.name, loc.country].filter(Boolean).join(", ") : "";
  return el("li", { class: `event quad-${Number(ev.quad_class) || 0}`, "data-event-id": ev.event_id || "" },
    el("div", { class: "event-meta" },
      el("time", { datetime: ev.published_at || "", title: "published (UTC)", text: fmtTime(ev.published_at) }),
      el("span", { class: "dyad" }, actorCode(ev.source), el("span", { class: "arrow", text: " → " }), actorCode(ev.target)),
      el("span", { class: "cameo", title: ev.plover ? `PLOVER ${ev.plover}` : null },
        el("span", { class: "cameo-code", text: cameo.code || "?" }), " ", cameo.name || ""),
      el("span", { class: `goldstein ${goldsteinClass(ev.goldstein)}`, title: "Goldstein scale", text: fmtSigned(ev.goldstein) }),
      flags,
      place ? el("span", { class: "place", title: loc.how ? `located by ${loc.how}` : null, text: "at " + place }) : null),
    el("p", { class: "sentence" }, highlight(ev)));
}

/** The sentence as text nodes with <mark class="src|tgt|trg"> around the event's parts. */
function highlight(ev) {
  const sentence = String(ev.sentence || "");
  const base = Array.isArray(ev.sentence_span) ? Number(ev.sentence_span[0]) || 0 : 0;
  const parts = [
    ["src", ev.source],
    ["tgt", ev.target],
    ["trg", ev.trigger],
  ];
  const ranges = [];
  for (const [cls, part] of parts) {
    const r = locate(sentence, base, part);
    if (r) ranges.push({ cls, start: r[0], end: r[1], title: part.name || part.lemma || "" });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start < pos) continue; // overlaps the previous highlight: keep the first
    if (r.start > pos) out.push(sentence.slice(pos, r.start));
    out.push(el("mark", { class: r.cls, title: r.title || null, text: sentence.slice(r.start, r.end) }));
    pos = r.end;
  }
  out.push(sentence.slice(pos));
  return out;
}

/** [start, end) of an actor or trigger inside the sentence, or null. Article offsets first, then text search. */
function locate(sentence, base, part) {
  if (!part || typeof part !== "object") return null;
  const text = typeof part.text === "string" ? part.text : "";
  if (Array.isArray(part.span) && part.span.length === 2) {
    const start = Number(part.span[0]) - base, end = Number(part.span[1]) - base;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= sentence.length) {
      if (!text || sentence.slice(start, end) === text) return [start, end];
    }
  }
  if (text) {
    const i = sentence.indexOf(text);
    if (i >= 0) return [i, i + text.length];
  }
  return null;
}

// ---------------------------------------------------------------- dyads table

async function refreshDyads() {
  const container = document.getElementById("top-dyads");
  try {
    const body = await getJSON("/api/dyads/top?n=10");
    renderDyads(container, Array.isArray(body.dyads) ? body.dyads : []);
  } catch (err) {
    showError(container, err);
  }
}

function renderDyads(container, dyads) {
  if (unchanged(container, dyads)) return;
  if (dyads.length === 0) {
    showEmpty(container, "No dyads yet.");
    return;
  }
  const tbody = el("tbody", {}, dyads.map((d) => el("tr", { "data-source": d.source, "data-target": d.target || "" },
    el("td", { class: "code", text: d.source || "?" }),
    el("td", { class: "arrow", text: "→" }),
    el("td", { class: "code", text: d.target || "—" }),
    el("td", { class: "num", text: fmtNum(Number(d.events)) }),
    el("td", { class: "num" }, el("span", { class: `goldstein ${goldsteinClass(d.mean_goldstein)}`, text: fmtSigned(d.mean_goldstein) })))));
  const table = el("table", { class: "dyads" },
    el("thead", {}, el("tr", {},
      el("th", { text: "source" }), el("th", {}), el("th", { text: "target" }),
      el("th", { class: "num", text: "events" }), el("th", { class: "num", text: "mean Goldstein" }))),
    tbody);
  show(container, "ok", table);
}

// ---------------------------------------------------------------- places: list + dot map

async function refreshPlaces() {
  const container = document.getElementById("places");
  try {
    const body = await getJSON("/api/places/top?n=20");
    renderPlaces(container, Array.isArray(body.places) ? body.places : []);
  } catch (err) {
    showError(container, err);
  }
}

function renderPlaces(container, places) {
  if (unchanged(container, places)) return;
  if (places.length === 0) {
    showEmpty(container, "No located events yet.");
    return;
  }
  const max = Math.max(1, ...places.map((p) => Number(p.events) || 0));
  const list = el("ol", { class: "place-list" }, places.map((p) => {
    const n = Number(p.events) || 0;
    return el("li", { "data-country": p.country || "" },
      el("span", { class: "code", text: p.country || "?" }),
      el("span", { class: "place-name", text: p.name || "" }),
      el("span", { class: "meter" }, el("span", { style: `width:${Math.round((n / max) * 100)}%` })),
      el("span", { class: "num", text: fmtNum(n) }));
  }));
  show(container, "ok", dotMap(places, max), list);
}

/** Very coarse continent outlines (lon, lat pairs), only for orientation behind the dots. */
const LAND = [
  [-168, 65, -165, 70, -140, 70, -120, 74, -95, 72, -80, 73, -62, 66, -55, 52, -66, 44, -70, 41, -76, 35, -81, 31,
    -80, 25, -83, 29, -90, 29, -97, 27, -97, 21, -92, 18, -87, 21, -88, 16, -83, 10, -79, 9, -85, 11, -92, 14, -105, 20,
    -110, 24, -112, 30, -117, 32, -124, 40, -124, 48, -133, 56, -145, 60, -155, 58, -165, 54, -158, 58, -165, 62],
  [-73, 78, -60, 82, -30, 83, -20, 75, -22, 70, -42, 60, -50, 64, -55, 70, -70, 76],
  [-80, 9, -72, 12, -62, 11, -52, 5, -50, 0, -35, -5, -39, -13, -41, -22, -48, -26, -53, -34, -58, -38, -65, -41,
    -65, -47, -68, -52, -75, -53, -73, -45, -73, -37, -71, -30, -70, -18, -76, -14, -81, -6, -80, 1, -78, 7],
  [-10, 36, -9, 43, -2, 44, -5, 48, 2, 51, 8, 54, 10, 57, 5, 59, 5, 62, 14, 67, 20, 70, 30, 71, 40, 67, 45, 68,
    60, 69, 70, 73, 80, 73, 100, 77, 112, 74, 130, 71, 140, 72, 160, 70, 180, 68, 180, 65, 172, 60, 163, 59, 156, 51,
    156, 57, 143, 59, 135, 55, 140, 48, 132, 43, 129, 35, 126, 38, 121, 40, 122, 31, 120, 23, 110, 20, 106, 11,
    100, 13, 104, 1, 100, 3, 98, 16, 94, 17, 90, 22, 80, 15, 77, 8, 73, 17, 67, 25, 57, 25, 56, 27, 48, 30, 50, 25,
    56, 24, 59, 22, 52, 16, 44, 12, 40, 20, 35, 28, 33, 31, 36, 36, 27, 37, 26, 40, 23, 36, 19, 42, 13, 45, 16, 40,
    12, 38, 8, 44, 3, 43, -1, 37],
  [-17, 21, -13, 28, -8, 33, -1, 35, 10, 37, 11, 33, 20, 31, 30, 31, 33, 31, 35, 28, 43, 12, 51, 12, 50, 6, 40, -3,
    40, -15, 35, -24, 32, -29, 26, -34, 19, -35, 17, -29, 12, -17, 13, -9, 9, -1, 9, 4, 4, 6, -4, 5, -8, 4, -13, 8, -17, 14],
  [114, -22, 114, -34, 118, -35, 124, -33, 131, -31, 138, -35, 141, -38, 150, -37, 153, -28, 153, -25, 146, -19,
    142, -11, 140, -17, 136, -12, 131, -11, 125, -14, 122, -18],
  [-5, 50, 1, 51, 0, 53, -2, 56, -3, 58.5, -6, 58, -5, 55, -3, 54],
  [130, 31, 135, 34, 140, 35, 142, 40, 141, 45, 145, 44, 140, 41, 137, 37, 131, 34],
  [95, 5, 106, -6, 103, -5, 95, 3],
  [109, 1, 117, 7, 119, 1, 116, -4, 110, -3],
  [131, -1, 141, -3, 150, -10, 141, -9, 138, -8, 132, -3],
  [44, -25, 47, -25, 50, -15, 49, -12, 44, -16],
];

/** Equirectangular dot map: x = lon + 180, y = 90 - lat on a 360 x 180 canvas, dot area ~ events. */
function dotMap(places, max) {
  const map = svg("svg", { class: "dot-map", viewBox: "0 0 360 180", role: "img", "aria-label": "Event locations",
    preserveAspectRatio: "xMidYMid meet" },
    svg("rect", { class: "sea", x: 0, y: 0, width: 360, height: 180 }));
  for (const ring of LAND) {
    const pts = [];
    for (let i = 0; i < ring.length; i += 2) pts.push(`${ring[i] + 180},${90 - ring[i + 1]}`);
    map.append(svg("polygon", { class: "land", points: pts.join(" ") }));
  }
  for (let lon = -150; lon <= 150; lon += 30) map.append(svg("line", { class: "graticule", x1: lon + 180, x2: lon + 180, y1: 0, y2: 180 }));
  for (let lat = -60; lat <= 60; lat += 30) map.append(svg("line", { class: lat === 0 ? "graticule equator" : "graticule", x1: 0, x2: 360, y1: 90 - lat, y2: 90 - lat }));
  const located = places.filter((p) => typeof p.lat === "number" && typeof p.lon === "number")
    .sort((a, b) => (Number(b.events) || 0) - (Number(a.events) || 0));
  for (const p of located) {
    const n = Number(p.events) || 0;
    const r = 2 + 7 * Math.sqrt(n / max);
    map.append(svg("circle", { class: "dot", cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2), r: r.toFixed(2),
      "data-country": p.country || "" }, svg("title", { text: `${p.name || p.country}: ${n} event${n === 1 ? "" : "s"}` })));
  }
  return map;
}

// ---------------------------------------------------------------- top stories

const openStories = new Set();

function minSourcesSelect() {
  return document.getElementById("min-sources-select");
}

async function refreshStories() {
  const container = document.getElementById("top-stories");
  const minSources = minSourcesSelect().value || "1";
  try {
    const body = await getJSON(`/api/stories/top?n=15&min_sources=${encodeURIComponent(minSources)}`);
    renderStories(container, Array.isArray(body.stories) ? body.stories : []);
  } catch (err) {
    showError(container, err);
  }
}

function renderStories(container, stories) {
  if (unchanged(container, [stories, [...openStories]])) return;
  if (stories.length === 0) {
    showEmpty(container, "No stories yet.");
    return;
  }
  const list = el("ol", { class: "story-list" }, stories.map(renderStory));
  show(container, "ok", list);
}

function renderStory(s) {
  const rep = s.representative || {};
  const flags = s.hypothetical ? el("span", { class: "flag hypothetical", text: "planned" }) : null;
  const item = el("li", { class: "story", "data-story-id": s.story_id || "", title: s.key || "" },
    el("div", { class: "story-meta" },
      el("time", { datetime: s.last_event_time || "", text: String(s.day || "") }),
      el("span", { class: "dyad" }, el("span", { class: "code", text: s.source || "?" }),
        el("span", { class: "arrow", text: " → " }), el("span", { class: "code", text: s.target || "—" })),
      el("span", { class: "cameo" }, el("span", { class: "cameo-code", text: rep.code || s.root || "?" }), " ", rep.name || ""),
      s.place ? el("span", { class: "place", text: "at " + s.place }) : null,
      flags,
      el("span", { class: "counts" },
        el("b", { class: "num-sources", text: fmtNum(Number(s.num_sources)) }), plural(s.num_sources, " source", " sources") + " · ",
        el("b", { class: "num-articles", text: fmtNum(Number(s.num_articles)) }), plural(s.num_articles, " article", " articles") + " · ",
        el("b", { class: "num-mentions", text: fmtNum(Number(s.num_mentions)) }), plural(s.num_mentions, " mention", " mentions")),
      el("span", { class: `goldstein ${goldsteinClass(s.mean_goldstein)}`, title: "mean Goldstein", text: fmtSigned(s.mean_goldstein) }),
      el("span", { class: "confidence", title: "story confidence", text: `conf ${fmtNum(Number(s.confidence), 2)}` })),
    el("p", { class: "sentence", text: String(rep.sentence || "") }));
  if (openStories.has(s.story_id)) item.append(renderArticles(s));
  item.addEventListener("click", (e) => {
    if (e.target.closest("a")) return; // a link to the article itself
    if (openStories.has(s.story_id)) openStories.delete(s.story_id);
    else openStories.add(s.story_id);
    refreshStories();
  });
  return item;
}

function plural(n, one, many) {
  return Number(n) === 1 ? one : many;
}

function renderArticles(s) {
  const articles = Array.isArray(s.articles) ? s.articles : [];
  return el("ul", { class: "story-articles" }, articles.map((a) => el("li", { "data-article-id": a.id || "" },
    safeUrl(a.url) ? el("a", { href: safeUrl(a.url), target: "_blank", rel: "noopener noreferrer", text: a.id || a.url })
      : el("span", { text: a.id || "?" }),
    el("span", { class: "publisher", text: a.publisher || "" }))));
}

/** Only http(s) links: an article's url comes from whoever published it. */
function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (err) {
    return null;
  }
}

// ---------------------------------------------------------------- polling loop

async function refreshHealth() {
  try {
    renderHealth(await getJSON("/api/health"));
  } catch (err) {
    healthFailed(err);
  }
}

let timer = null;

async function poll() {
  clearTimeout(timer);
  await Promise.allSettled([refreshHealth(), refreshActors(), refreshRate(), refreshEvents(), refreshDyads(), refreshPlaces(), refreshStories()]);
  timer = setTimeout(poll, POLL_MS);
}

function start() {
  windowSelect().addEventListener("change", () => {
    const container = document.getElementById("top-actors");
    container.dataset.state = "loading";
    container.dataset.window = "";
    refreshActors();
  });
  minSourcesSelect().addEventListener("change", () => {
    const container = document.getElementById("top-stories");
    container.dataset.state = "loading";
    refreshStories();
  });
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { refreshActors(); refreshRate(); }, 200);
  });
  poll();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
