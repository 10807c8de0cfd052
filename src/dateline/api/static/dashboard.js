// dateline dashboard: plain JavaScript and SVG, no library, no network beyond this server.
// Every piece of article text is inserted with textContent, never as HTML.
"use strict";

const PLOVER = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];
// Cooperation in greens and blues, conflict in oranges and reds (PLOVER's order).
const TYPE_COLORS = {
  AGREE: "#1b9e77", CONSULT: "#4daf8a", SUPPORT: "#7fbc41", CONCEDE: "#a6c96a",
  COOPERATE: "#4292c6", AID: "#2166ac", RETREAT: "#80b1d3", REQUEST: "#8da0cb",
  ACCUSE: "#f2b447", REJECT: "#fd8d3c", THREATEN: "#e6550d", PROTEST: "#c51b7d",
  SANCTION: "#a63603", MOBILIZE: "#8c6d31", COERCE: "#d7301f", ASSAULT: "#7f0000",
};
const QUADS = [
  { key: "quad1", label: "1 verbal cooperation", color: "#4daf8a" },
  { key: "quad2", label: "2 material cooperation", color: "#2166ac" },
  { key: "quad3", label: "3 verbal conflict", color: "#f2b447" },
  { key: "quad4", label: "4 material conflict", color: "#d7301f" },
];
const PAGE = 25;
const SVG_NS = "http://www.w3.org/2000/svg";

const state = { offset: 0, total: 0, selected: null };

// -- small helpers -----------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "style") node.setAttribute("style", value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    body = null;
  }
  if (!response.ok) {
    const detail = body && (body.message || body.detail) ? (body.message || body.detail) : response.statusText;
    throw new Error(`${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return body;
}

function typeBadge(type) {
  return el("span", { class: "type", style: `--type-color: ${TYPE_COLORS[type] || "#777"}` }, type || "?");
}

function actorCell(name, country) {
  if (!name && !country) return el("span", { class: "muted" }, "—");
  return el("span", {}, name || "", country ? el("span", { class: "country" }, ` ${country}`) : null);
}

function statusCell(status) {
  return el("span", { class: `status status-${status}` }, status || "");
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function filterParams() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) {
    if (String(value).trim()) params.set(name, String(value).trim());
  }
  return params;
}

function withParams(path, extra) {
  const params = filterParams();
  for (const [name, value] of Object.entries(extra || {})) params.set(name, String(value));
  return `${path}?${params.toString()}`;
}

// -- text with highlighted spans ------------------------------------------------------
// ``spans``: [{start, end, cls, title}] in code points of ``text`` (Python offsets).
function annotated(text, spans) {
  const chars = Array.from(text); // code points, as the record's offsets
  const cuts = new Set([0, chars.length]);
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= chars.length && s.start < s.end);
  for (const span of valid) { cuts.add(span.start); cuts.add(span.end); }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const container = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { container.append(piece); continue; }
    let node = document.createTextNode(piece);
    for (const span of covering) {
      const wrapper = el(span.cls === "evidence" ? "mark" : "span", { class: span.cls, title: span.title || null });
      wrapper.append(node);
      node = wrapper;
    }
    container.append(node);
  }
  return container;
}

// -- corpus: chart -------------------------------------------------------------------
// Buckets of ``period`` from the first to the last one given (ISO dates, UTC).
function buckets(first, last, period) {
  const out = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (day <= end && out.length < 5000) {
    out.push(day.toISOString().slice(0, 10));
    if (period === "week") day.setUTCDate(day.getUTCDate() + 7);
    else if (period === "month") day.setUTCMonth(day.getUTCMonth() + 1);
    else if (period === "year") day.setUTCFullYear(day.getUTCFullYear() + 1);
    else day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

function drawChart(rows, by, period) {
  const chart = clear(document.getElementById("chart"));
  const legend = clear(document.getElementById("legend"));
  if (!rows.length) {
    chart.append(el("p", { class: "empty" }, "No dated events match these filters."));
    return;
  }
  const periods = rows.map((r) => r.period).sort();
  const weeks = buckets(periods[0], periods[periods.length - 1], period);
  // series: [{key, label, color}] and counts[week][key]
  const counts = new Map(weeks.map((w) => [w, {}]));
  let series;
  if (by === "quad") {
    series = QUADS;
    for (const row of rows) {
      const cell = counts.get(row.period) || {};
      for (const q of QUADS) cell[q.key] = (cell[q.key] || 0) + (row[q.key] || 0);
      counts.set(row.period, cell);
    }
  } else {
    const present = new Set(rows.map((r) => r.type));
    series = PLOVER.filter((t) => present.has(t)).concat([...present].filter((t) => !PLOVER.includes(t)))
      .map((t) => ({ key: t, label: t, color: TYPE_COLORS[t] || "#888" }));
    for (const row of rows) {
      const cell = counts.get(row.period) || {};
      cell[row.type] = (cell[row.type] || 0) + row.events;
      counts.set(row.period, cell);
    }
  }
  const totals = weeks.map((w) => series.reduce((sum, s) => sum + (counts.get(w)[s.key] || 0), 0));
  const max = Math.max(1, ...totals);
  const [W, H, left, right, top, bottom] = [760, 300, 38, 10, 10, 44];
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const step = plotW / weeks.length;
  const barW = Math.max(2, Math.min(40, step * 0.75));
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, "data-weeks": weeks.length, "data-total": totals.reduce((a, b) => a + b, 0) });
  const ticks = niceTicks(max);
  for (const tick of ticks) {
    const y = top + plotH - (tick / ticks[ticks.length - 1]) * plotH;
    root.append(svg("line", { class: "grid-line", x1: left, x2: W - right, y1: y, y2: y }));
    root.append(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end" }, tick));
  }
  const scaleMax = ticks[ticks.length - 1];
  root.append(svg("line", { class: "axis", x1: left, x2: W - right, y1: top + plotH, y2: top + plotH }));
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 10));
  weeks.forEach((week, i) => {
    const x = left + i * step + (step - barW) / 2;
    let y = top + plotH;
    for (const s of series) {
      const n = counts.get(week)[s.key] || 0;
      if (!n) continue;
      const h = (n / scaleMax) * plotH;
      y -= h;
      const bar = svg("rect", { class: "bar", x, y, width: barW, height: h, fill: s.color, "data-week": week, "data-series": s.key, "data-count": n });
      bar.append(svg("title", {}, `${period} of ${week}: ${s.label} ${n}`));
      root.append(bar);
    }
    if (i % labelEvery === 0) {
      const label = period === "year" ? week.slice(0, 4) : period === "month" ? week.slice(0, 7) : week.slice(5);
      root.append(svg("text", { x: x + barW / 2, y: H - bottom + 16, "text-anchor": "middle" }, label));
    }
  });
  const basis = document.querySelector("#filters select[name=date]").value;
  const unit = period === "week" ? `weeks starting on Monday (${weeks[0].slice(0, 4)})` : `${period}s`;
  root.append(svg("text", { x: W - right, y: H - 4, "text-anchor": "end" }, `${unit}, by ${basis} date`));
  chart.append(root);
  for (const s of series) legend.append(el("span", { style: `--swatch: ${s.color}` }, s.label));
}

function niceTicks(max) {
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) || raw;
  const ticks = [];
  for (let t = 0; t <= max + step - 1e-9; t += step) ticks.push(Math.max(0, Math.round(t)));
  return [...new Set(ticks)].filter((t) => Number.isFinite(t)).length > 1 ? [...new Set(ticks)] : [0, 1];
}

// -- corpus: side tables -----------------------------------------------------------------
function barRows(tbody, items) {
  clear(tbody);
  if (!items.length) {
    tbody.append(el("tr", {}, el("td", { class: "empty" }, "none")));
    return;
  }
  const max = Math.max(...items.map((i) => i.n));
  for (const item of items) {
    tbody.append(el("tr", { title: item.title || null },
      el("td", {}, item.label),
      el("td", { class: "bar" }, el("div", { class: "fill", style: `width: ${(100 * item.n) / max}%` })),
      el("td", { class: "n" }, item.n)));
  }
}

async function loadDyads() {
  const by = document.getElementById("dyad-by").value;
  const data = await getJSON(withParams("/v1/aggregates", { period: "all", dyad: by, limit: 11, merged: true }));
  // Events with neither side known say nothing about who acts on whom.
  const known = data.rows.filter((r) => r.actor1 || r.actor2).slice(0, 10);
  barRows(document.querySelector("#dyads tbody"), known.map((r) => ({
    label: `${r.actor1 || "?"} → ${r.actor2 || "—"}`,
    n: r.events,
    title: r.goldstein_mean === null ? null : `Goldstein sum ${r.goldstein_sum.toFixed(1)}, mean ${r.goldstein_mean.toFixed(2)}`,
  })));
}

async function loadActors() {
  const data = await getJSON(withParams("/v1/actors", { limit: 10, merged: true }));
  barRows(document.querySelector("#actors tbody"), data.rows.map((r) => ({ label: r.actor, n: r.events })));
}

// Weekly when the selection spans up to three years; else months, else years, so
// that bars stay readable (a corpus may cite events decades back).
const MAX_BARS = 160;

async function loadChart() {
  const by = document.getElementById("series-by").value;
  let data;
  let period = "week";
  for (period of ["week", "month", "year"]) {
    const extra = { period, dyad: "none", merged: true };
    if (by === "type") extra.by_type = true;
    data = await getJSON(withParams("/v1/aggregates", extra));
    const periods = data.rows.map((r) => r.period).sort();
    if (!periods.length || buckets(periods[0], periods[periods.length - 1], period).length <= MAX_BARS) break;
  }
  document.getElementById("chart-title").textContent = `Events per ${period}`;
  drawChart(data.rows, by, period);
}

// -- corpus: events table -------------------------------------------------------------------
async function loadEvents() {
  const data = await getJSON(withParams("/v1/events", { merged: true, limit: PAGE, offset: state.offset, order: "desc" }));
  state.total = data.total;
  const tbody = clear(document.querySelector("#events tbody"));
  document.getElementById("events-count").textContent = `(${data.total} merged events)`;
  const last = Math.min(data.total, state.offset + data.items.length);
  document.getElementById("page-info").textContent = data.total ? `${state.offset + 1}–${last} of ${data.total}` : "";
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= data.total;
  if (!data.items.length) {
    tbody.append(el("tr", {}, el("td", { colspan: 8, class: "empty" }, "No events match these filters.")));
    return;
  }
  for (const item of data.items) {
    const row = el("tr", { "data-id": item.id, class: item.id === state.selected ? "selected" : null, tabindex: 0 },
      el("td", { class: "date" }, item.event_date || item.first_report || ""),
      el("td", {}, actorCell(item.actor1_name, item.actor1_country)),
      el("td", {}, typeBadge(item.type)),
      el("td", {}, actorCell(item.actor2_name, item.actor2_country)),
      el("td", {}, statusCell(item.status)),
      el("td", { class: "num" }, item.num_articles),
      el("td", { class: "num" }, item.num_sources),
      el("td", { class: "evidence", title: item.evidence_text || "" }, item.evidence_text || ""));
    row.addEventListener("click", () => showEvent(item.id));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") showEvent(item.id); });
    tbody.append(row);
  }
}

// -- corpus: one event with its reports and evidence -------------------------------------------
async function showEvent(id) {
  state.selected = id;
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.id === id);
  }
  const card = document.getElementById("detail");
  const body = clear(document.getElementById("detail-body"));
  card.hidden = false;
  card.dataset.loaded = "";
  body.append(el("p", { class: "muted" }, "loading…"));
  let data;
  try {
    data = await getJSON(`/v1/events/${encodeURIComponent(id)}`);
  } catch (error) {
    clear(body).append(el("p", { class: "error" }, String(error.message)));
    return;
  }
  const ev = data.event;
  document.getElementById("detail-title").replaceChildren(
    typeBadge(ev.type), " ", `${ev.actor1_name || "?"} → ${ev.actor2_name || "—"}`, " ",
    el("span", { class: "muted" }, `${ev.event_date || ev.first_report || ""} · ${ev.status}`));
  clear(body);
  body.append(el("dl", { class: "facts" },
    el("dt", {}, "CAMEO / PLOVER"), el("dd", {}, `${ev.cameo || "—"} / ${ev.plover || "—"}`),
    el("dt", {}, "Goldstein · QuadClass"), el("dd", {}, `${ev.goldstein ?? "—"} · ${ev.quad_class ?? "—"}`),
    el("dt", {}, "Place"), el("dd", {}, ev.location_name ? `${ev.location_name} ${ev.location_country || ""}` : "—"),
    el("dt", {}, "Reports"), el("dd", {}, `${data.reports.length} (${ev.num_sources ?? 1} outlets)`)));
  body.append(el("div", { class: "key" },
    el("mark", { class: "evidence" }, "evidence sentence"), el("span", { class: "trigger" }, "trigger"),
    el("span", { class: "quote" }, "quote"), el("span", { class: "speaker" }, "speaker")));
  body.append(...(await Promise.all(data.reports.map(reportView))));
  card.dataset.loaded = id;
  const first = body.querySelector("mark.evidence");
  card.scrollIntoView({ behavior: "instant", block: "start" });
  if (first) first.scrollIntoView({ block: "nearest" });
}

async function reportView(report) {
  const box = el("div", { class: "report", "data-article": report.article_key });
  box.append(el("div", { class: "report-head" },
    el("span", { class: "title" }, report.article_title || report.article_id || report.article_key),
    el("span", { class: "muted" }, `${report.outlet || "unknown outlet"} · published ${report.published || "?"}`),
    report.url ? el("a", { href: report.url, rel: "noopener noreferrer", target: "_blank" }, "source") : null));
  if (report.quote_text) {
    box.append(el("div", { class: "quote-box" },
      `“${report.quote_text}”`,
      el("div", { class: "muted" }, `— ${report.speaker_name || report.speaker_text || "unattributed"}`,
        report.cue_text ? ` (${report.cue_text})` : "", report.quote_kind ? ` · ${report.quote_kind} quote` : "")));
  }
  let article;
  try {
    article = await getJSON(`/v1/articles/${encodeURIComponent(report.article_key)}`);
  } catch (error) {
    box.append(el("p", { class: "error" }, String(error.message)));
    return box;
  }
  const spans = [
    { start: report.evidence_start, end: report.evidence_end, cls: "evidence", title: "evidence" },
    { start: report.trigger_start, end: report.trigger_end, cls: "trigger", title: "trigger" },
  ];
  if (report.quote_text) {
    spans.push({ start: report.quote_start, end: report.quote_end, cls: "quote", title: "quote" });
    spans.push({ start: report.speaker_start, end: report.speaker_end, cls: "speaker", title: "speaker" });
  }
  box.append(annotated(article.text || "", spans));
  return box;
}

// -- paste box: live extraction --------------------------------------------------------------
function looksLikeHTML(text) {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || /<(body|head|div|p)[\s>]/.test(head);
}

async function extractPasted(event) {
  event.preventDefault();
  const form = event.target;
  const text = form.elements.text.value;
  const status = document.getElementById("extract-status");
  const result = clear(document.getElementById("extract-result"));
  const payload = { id: "pasted" };
  payload[looksLikeHTML(text) ? "html" : "text"] = text;
  if (form.elements.published.value) payload.published = form.elements.published.value;
  if (form.elements.source.value.trim()) payload.source = form.elements.source.value.trim();
  const button = document.getElementById("extract-button");
  button.disabled = true;
  status.textContent = "extracting…";
  const started = performance.now();
  try {
    const record = await getJSON("/v1/extract", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    status.textContent = `${record.events.length} events, ${record.quotes.length} quotes in ${Math.round(performance.now() - started)} ms`;
    result.append(recordView(record));
  } catch (error) {
    status.textContent = "";
    result.append(el("p", { class: "error" }, String(error.message)));
  } finally {
    button.disabled = false;
  }
}

function recordView(record) {
  const view = el("div", { class: "record", "data-events": record.events.length });
  if (record.error) view.append(el("p", { class: "error" }, record.error));
  const actors = new Map(record.actors.map((a) => [a.id, a]));
  const names = (ids) => (ids || []).map((id) => (actors.get(id) || { name: id }).name).join(", ") || "—";
  const grid = el("div", { class: "result-grid" });
  const left = el("div", {});
  const right = el("div", {});
  left.append(el("h3", {}, `Events (${record.events.length})`));
  const events = el("table", { class: "events extracted-events" },
    el("thead", {}, el("tr", {}, ["Date", "Source", "Type", "Target", "Status", "Trigger"].map((h) => el("th", {}, h)))));
  const tbody = el("tbody", {});
  for (const e of record.events) {
    tbody.append(el("tr", { title: record.text.slice(e.evidence.start, e.evidence.end) },
      el("td", {}, e.date && e.date.value ? e.date.value : "—"),
      el("td", {}, names(e.source)), el("td", {}, typeBadge(e.type)), el("td", {}, names(e.target)),
      el("td", {}, statusCell(e.status)), el("td", {}, e.trigger ? e.trigger.text : "")));
  }
  if (!record.events.length) tbody.append(el("tr", {}, el("td", { colspan: 6, class: "empty" }, "no events")));
  events.append(tbody);
  left.append(events);
  left.append(el("h3", {}, `Quotes (${record.quotes.length})`));
  for (const q of record.quotes) {
    left.append(el("div", { class: "quote-box" }, `“${q.text}”`,
      el("div", { class: "muted" }, `— ${q.speaker ? (actors.get(q.speaker) || { name: q.speaker }).name : (q.speaker_mention ? q.speaker_mention.text : "unattributed")} · ${q.kind}`)));
  }
  right.append(el("h3", {}, `Actors (${record.actors.length})`));
  right.append(el("table", {}, el("tbody", {}, record.actors.map((a) => el("tr", {},
    el("td", {}, a.name), el("td", { class: "muted" }, a.kind), el("td", {}, a.country || ""), el("td", {}, a.cameo || ""))))));
  right.append(el("h3", {}, `Dates (${record.timexes.length})`));
  right.append(el("table", {}, el("tbody", {}, record.timexes.map((t) => el("tr", {},
    el("td", {}, t.text), el("td", { class: "muted" }, t.type), el("td", {}, t.value))))));
  grid.append(left, right);
  view.append(grid);
  if (record.text) {
    const spans = [];
    for (const e of record.events) {
      spans.push({ start: e.evidence.start, end: e.evidence.end, cls: "evidence", title: `${e.type} (${e.status})` });
      if (e.trigger) spans.push({ start: e.trigger.start, end: e.trigger.end, cls: "trigger", title: e.type });
    }
    for (const q of record.quotes) spans.push({ start: q.start, end: q.end, cls: "quote", title: `${q.kind} quote` });
    for (const a of record.actors) {
      for (const m of a.mentions) spans.push({ start: m.start, end: m.end, cls: "mention", title: a.name });
    }
    for (const t of record.timexes) spans.push({ start: t.start, end: t.end, cls: "timex", title: t.value });
    view.append(el("h3", {}, "Text"));
    view.append(el("div", { class: "key" },
      el("mark", { class: "evidence" }, "event evidence"), el("span", { class: "trigger" }, "trigger"),
      el("span", { class: "mention" }, "actor"), el("span", { class: "timex" }, "date"),
      el("span", { class: "quote" }, "quote")));
    view.append(annotated(record.text, spans));
  }
  return view;
}

// -- start-up -------------------------------------------------------------------------------
async function refresh() {
  state.offset = 0;
  await Promise.all([loadChart(), loadDyads(), loadActors(), loadEvents()]).catch((error) => {
    document.getElementById("corpus-info").textContent = `error: ${error.message}`;
  });
}

async function start() {
  const typeSelect = document.querySelector("#filters select[name=type]");
  for (const t of PLOVER) typeSelect.append(el("option", { value: t }, t));
  document.getElementById("extract-form").addEventListener("submit", extractPasted);
  let health;
  try {
    health = await getJSON("/health");
  } catch (error) {
    document.getElementById("corpus-info").textContent = `server not reachable: ${error.message}`;
    return;
  }
  const info = document.getElementById("corpus-info");
  if (!health.corpus) {
    info.textContent = `v${health.version} · extraction only`;
    document.getElementById("no-corpus").hidden = false;
    document.body.dataset.ready = "true";
    return;
  }
  document.getElementById("corpus-body").hidden = false;
  const stats = await getJSON("/v1/stats");
  info.textContent = `${stats.counts.articles} articles · ${stats.counts.events} event reports · ${stats.counts.event_clusters} merged events · published ${stats.first_published || "?"} to ${stats.last_published || "?"}`;
  // A corpus spanning years opens on its last year of reporting (editable; Reset
  // returns to it): events cited from decades back would flatten the chart.
  const last = stats.last_published;
  if (stats.first_published && last && Date.parse(last) - Date.parse(stats.first_published) > 400 * 86400e3) {
    const since = new Date(`${last}T00:00:00Z`);
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const input = document.querySelector("#filters input[name=since]");
    input.defaultValue = since.toISOString().slice(0, 10);
    input.value = input.defaultValue;
  }
  const countries = document.getElementById("countries");
  for (const c of stats.countries) countries.append(el("option", { value: c.country }, `${c.events}`));
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  document.getElementById("reset-filters").addEventListener("click", () => { document.getElementById("filters").reset(); refresh(); });
  document.getElementById("series-by").addEventListener("change", () => loadChart());
  document.getElementById("dyad-by").addEventListener("change", () => loadDyads());
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  document.getElementById("detail-close").addEventListener("click", () => { document.getElementById("detail").hidden = true; });
  await refresh();
  document.body.dataset.ready = "true";
}

start();
