// The eventcode workbench page. Report text and every value from the workspace are put in the page as text
// (textContent, value), never as HTML.
"use strict";

const TOKEN = document.querySelector('meta[name="eventcode-token"]').content;
const $ = (id) => document.getElementById(id);
const INTS = new Set(["time_precision", "geo_precision", "fatalities", "timestamp"]);
const FLOATS = new Set(["latitude", "longitude"]);
// The evidence kind each field is read from.
const EVIDENCE = {sub_event_type: "trigger", event_date: "date", time_precision: "date", actor1: "actor1",
  inter1: "actor1", assoc_actor_1: "actor1", actor2: "actor2", inter2: "actor2", assoc_actor_2: "actor2",
  location: "place", admin1: "place", admin2: "place", admin3: "place", latitude: "place", longitude: "place",
  geo_precision: "place", fatalities: "fatalities", notes: "trigger"};
const FIELDS = ["event_id_cnty", "event_date", "time_precision", "sub_event_type", "actor1", "inter1",
  "assoc_actor_1", "actor2", "inter2", "assoc_actor_2", "civilian_targeting", "country", "location", "admin1",
  "admin2", "admin3", "latitude", "longitude", "geo_precision", "fatalities", "source", "source_scale", "tags",
  "notes", "rationale"];
const SECTIONS = [["pending", "To review"], ["events", "Accepted"], ["rejected", "Rejected"]];

const state = {cb: null, queue: [], report: null, sel: {list: "pending", index: 0}, saveTimer: null};

// ---- talking to the server

async function api(method, url, data) {
  const init = {method, headers: {}};
  if (method !== "GET") {
    init.headers["X-Eventcode-Token"] = TOKEN;
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(data || {});
  }
  const response = await fetch(url, init);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(body.error || String(body));
    error.status = response.status;
    error.problems = body.problems || [];
    throw error;
  }
  return body;
}

function say(text, problems, kind) {
  const box = $("message");
  box.replaceChildren();
  box.className = kind || "error";
  box.hidden = !text;
  if (!text) return;
  box.append(document.createTextNode(text));
  if (problems && problems.length && !(problems.length === 1 && problems[0] === text)) {
    const list = document.createElement("ul");
    for (const p of problems) list.append(el("li", {}, p));
    box.append(list);
  }
}

function failed(error) {
  say(error.message, error.problems);
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// ---- the queue

async function loadQueue() {
  const data = await api("GET", "/api/reports");
  state.queue = data.reports;
  $("progress").textContent = `${data.done} done / ${data.left} left`;
  const items = document.createDocumentFragment();
  for (const entry of data.reports) {
    const current = state.report && state.report.name === entry.name;
    items.append(el("li", {class: `status-${entry.status}${current ? " current" : ""}`},
      el("button", {onclick: () => openReport(entry.name), "aria-current": current ? "true" : null,
        title: entry.problem || entry.status}, entry.name),
      el("span", {class: "badge"}, entry.status === "new" ? "new" : `${entry.events}✓ ${entry.pending}?`)));
  }
  $("queue").replaceChildren(items);
}

async function openReport(name) {
  try {
    let report = await api("GET", `/api/reports/${encodeURIComponent(name)}`);
    if (report.status === "new") report = await api("POST", `/api/reports/${encodeURIComponent(name)}/code`);
    report.units = unitsOf(report.text);
    state.report = report;
    state.sel = {list: "pending", index: 0};
    if (!report.doc.pending || !report.doc.pending.length) state.sel.list = "events";
    say("");
    show("workbench");
    render();
    await loadQueue();
  } catch (error) { failed(error); }
}

function show(id) {
  for (const section of ["new-form", "batch-form", "help", "workbench", "broken"]) $(section).hidden = section !== id;
}

function step(offset) {
  const names = state.queue.map((e) => e.name);
  const at = state.report ? names.indexOf(state.report.name) : -1;
  const next = names[at + offset];
  if (next) openReport(next);
}

async function doneNext() {
  const r = state.report;
  if (!r || r.problem) return;
  if (r.doc.pending.length) {
    say(`${r.doc.pending.length} candidate event(s) still to accept or reject`);
    return;
  }
  r.doc.status = "done";
  if (!(await save())) return;
  await loadQueue();
  const names = state.queue.map((e) => e.name);
  const at = names.indexOf(r.name);
  const next = [...state.queue.slice(at + 1), ...state.queue.slice(0, at)].find((e) => e.status !== "done");
  if (next) openReport(next.name);
  else say("Every report is done.", [], "info");
}

// ---- saving

let saving = Promise.resolve(true);

// Saves run one after another, each sending the report's coding as it is when its turn comes; the promise says
// whether this one was saved.
function save() {
  const r = state.report;
  clearTimeout(state.saveTimer);
  saving = saving.then(() => saveNow(r), () => saveNow(r));
  return saving;
}

async function saveNow(r) {
  if (!r || r.conflict) return false;
  try {
    const saved = await api("PUT", `/api/reports/${encodeURIComponent(r.name)}`, {version: r.version, doc: r.doc});
    r.version = saved.version;
    r.doc.events.forEach((event, i) => {
      if (!event.event_id_cnty && saved.doc.events[i]) event.event_id_cnty = saved.doc.events[i].event_id_cnty;
    });
    if (r !== state.report) return true;
    for (const input of document.querySelectorAll('[data-field="event_id_cnty"]')) {
      const record = recordOf(input);
      if (record && !input.value && record.event_id_cnty) input.value = record.event_id_cnty;
    }
    return true;
  } catch (error) {
    if (error.status === 409) {
      r.conflict = true;
      say(error.message);
      $("message").append(" ", el("button", {onclick: () => openReport(r.name)}, "Reload"));
    } else failed(error);
    return false;
  }
}

function saveSoon() {
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(save, 600);
}

// ---- the report text and its evidence

// The coder's offsets count characters (code points), the page's count UTF-16 units: they differ after an emoji.
function toUnit(point) {
  const units = state.report.units;
  return units ? units[point] : point;
}

function toPoint(unit) {
  return state.report.units ? [...state.report.text.slice(0, unit)].length : unit;
}

function unitsOf(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const units = [];
  let unit = 0;
  for (const character of text) { units.push(unit); unit += character.length; }
  units.push(unit);
  return units;
}

function showText(points) {
  const text = state.report.text;
  const spans = points.map((s) => ({...s, start: toUnit(s.start), end: toUnit(s.end)}));
  const pane = $("report-text");
  const nodes = [];
  let at = 0;
  const sorted = spans.filter((s) => s.start >= at && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    if (span.start < at) continue;
    nodes.push(document.createTextNode(text.slice(at, span.start)));
    nodes.push(el("mark", {class: `ev-${span.kind}`, title: span.kind}, text.slice(span.start, span.end)));
    at = span.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  pane.replaceChildren(...nodes);
  const first = pane.querySelector("mark");
  if (first) first.scrollIntoView({block: "center"});
}

function highlight(record, field) {
  const evidence = record.evidence || [];
  const kind = field ? EVIDENCE[field] : null;
  const spans = kind ? evidence.filter((e) => e.kind === kind) : evidence;
  if (kind && !spans.length) {
    // no evidence of its own: the sentence the event was read from, or the text it was added from
    const main = evidence.find((e) => e.kind === "trigger" || e.kind === "selection");
    if (!main) showText([]);
    else if (main.sentence_start !== undefined) {
      showText([{start: main.sentence_start, end: main.sentence_end, kind: "sentence"}]);
    } else showText([{start: main.start, end: main.end, kind: main.kind}]);
    return;
  }
  showText(spans);
}

function selectionOffsets() {
  const selection = window.getSelection();
  const pane = $("report-text");
  if (!selection.rangeCount || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.startContainer) || !pane.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(pane, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return {start: toPoint(start), end: toPoint(start + range.toString().length)};
}

async function addFromSelection() {
  const span = selectionOffsets();
  if (!span) { say("Select a sentence in the report first."); return; }
  try {
    const record = await api("POST", `/api/reports/${encodeURIComponent(state.report.name)}/draft`, span);
    state.report.doc.pending.push(record);
    state.sel = {list: "pending", index: state.report.doc.pending.length - 1};
    render();
    save();
  } catch (error) { failed(error); }
}

// ---- the events

function labelOf(code) {
  const found = state.cb.actor_categories.find((a) => String(a.code) === String(code) || a.label === code);
  return found ? found.label : (code === null || code === undefined ? "" : String(code));
}

function recordOf(node) {
  const card = node.closest(".event");
  if (!card) return null;
  return state.report.doc[card.dataset.list][Number(card.dataset.index)];
}

function typed(field, input) {
  if (input.type === "checkbox") return input.checked ? state.cb.civilian_targeting : "";
  const value = input.value.trim() === "" ? "" : input.value;
  if (value === "") return null;
  if (INTS.has(field) && /^-?\d+$/.test(value.trim())) return Number(value);
  if (FLOATS.has(field) && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

function options(choices, current, blank) {
  const nodes = blank ? [el("option", {value: ""}, "—")] : [];
  for (const [value, text] of choices) {
    nodes.push(el("option", {value, selected: String(current ?? "") === String(value)}, text));
  }
  return nodes;
}

function input(field, record, id) {
  const value = record[field];
  const attrs = {id, "data-field": field, oninput: edited, onchange: edited, onfocus: () => highlight(record, field)};
  const cb = state.cb;
  if (field === "sub_event_type") {
    const groups = cb.event_types.map((type) => el("optgroup", {label: type.name},
      ...options(type.sub_event_types.map((s) => [s, s]), value, false)));
    return el("select", attrs, el("option", {value: ""}, "—"), ...groups);
  }
  if (field === "inter1" || field === "inter2") {
    return el("select", attrs, ...options(cb.actor_categories.map((a) => [a.label, `${a.code} ${a.label}`]),
      labelOf(value), true));
  }
  if (field === "time_precision" || field === "geo_precision") {
    return el("select", attrs, ...options(cb[field].map((p) => [p.code, `${p.code} ${p.meaning}`]), value, true));
  }
  if (field === "civilian_targeting") {
    return el("input", {...attrs, type: "checkbox", checked: value === cb.civilian_targeting || value === true});
  }
  if (field === "notes" || field === "rationale") {
    const area = el("textarea", {...attrs, rows: 3});
    area.value = value ?? "";
    return area;
  }
  const box = el("input", {...attrs, type: "text", autocomplete: "off"});
  if (field === "country") box.setAttribute("list", "countries");
  if (field === "source_scale") box.setAttribute("list", "source-scales");
  if (field === "location") box.setAttribute("list", `${id}-places`);
  if (field === "event_id_cnty") box.placeholder = "given on accept";
  box.value = value ?? "";
  return box;
}

function card(list, index, record) {
  const key = `${list}-${index}`;
  const selected = state.sel.list === list && state.sel.index === index;
  const review = record.review || [];
  const head = el("div", {class: "event-head", onclick: () => { select(list, index); highlight(record, null); }},
    el("strong", {}, `${index + 1}. ${record.sub_event_type || "(no type)"}`), " ",
    el("span", {class: "when"}, `${record.event_date || "no date"} · ${record.location || "no place"}`), " ",
    review.length && list === "pending" ? el("span", {class: "flag", title: "review items"}, `⚑ ${review.length}`) : null);
  const buttons = el("div", {class: "actions"});
  if (list === "pending") {
    buttons.append(el("button", {class: "accept", title: "a", onclick: () => accept(index)}, "Accept"),
      el("button", {class: "reject", title: "r", onclick: () => askReason(index)}, "Reject"),
      el("button", {title: "s", onclick: () => split(index)}, "Split"),
      el("button", {title: "m", onclick: () => merge(index)}, "Merge with next"));
  } else {
    buttons.append(el("button", {title: "o", onclick: () => reopen(list, index)}, "Reopen"));
  }
  if (list === "rejected") buttons.append(el("span", {class: "reason"}, `Reason: ${record.reason}`));
  const grid = el("div", {class: "fields"});
  for (const field of FIELDS) {
    const id = `f-${key}-${field}`;
    const notes = review.filter((item) => item.field === field);
    const row = el("div", {class: `field${notes.length && list === "pending" ? " review" : ""} f-${field}`},
      el("label", {for: id, onclick: () => highlight(record, field)}, field), input(field, record, id),
      ...(list === "pending" ? notes.map((item) => el("div", {class: "review-note"}, `⚑ ${item.reason}`)) : []),
      el("div", {class: "issues", "data-issues": field}));
    if (field === "location") row.append(el("datalist", {id: `${id}-places`}));
    grid.append(row);
  }
  const other = review.filter((item) => !FIELDS.includes(item.field));
  const derived = el("div", {class: "derived"});
  const node = el("article", {class: `event ${list}${selected ? " selected" : ""}`, "data-list": list,
    "data-index": index, tabindex: -1}, head, buttons,
    ...(list === "pending" ? other.map((item) => el("div", {class: "review-note"}, `⚑ ${item.field}: ${item.reason}`)) : []),
    derived, el("div", {class: "issues", "data-issues": ""}), grid);
  if (list !== "pending") for (const field of grid.querySelectorAll("input, select, textarea")) field.disabled = true;
  check(node, record);
  return node;
}

function render() {
  const r = state.report;
  if (r.problem) {
    show("broken");
    $("broken-text").textContent = r.problem;
    return;
  }
  $("report-title").textContent = r.name;
  $("report-meta").textContent = `${r.doc.country} · published ${r.doc.published} · ${r.status}`;
  showText([]);
  const pane = $("events");
  const nodes = [];
  for (const [list, title] of SECTIONS) {
    const records = r.doc[list] || [];
    if (!records.length && list !== "pending") continue;
    nodes.push(el("h3", {}, `${title} (${records.length})`));
    records.forEach((record, i) => nodes.push(card(list, i, record)));
  }
  pane.replaceChildren(...nodes);
  $("events-count").textContent = `${r.doc.pending.length} to review · ${r.doc.events.length} accepted · ` +
    `${(r.doc.rejected || []).length} rejected`;
  $("not-coded-list").replaceChildren(...(r.doc.not_coded || []).map((n) =>
    el("li", {}, el("q", {}, n.statement), ` — ${n.reason}`)));
  const chosen = selectedCard();
  if (chosen) chosen.scrollIntoView({block: "nearest"});
}

function selectedCard() {
  return document.querySelector(`.event[data-list="${state.sel.list}"][data-index="${state.sel.index}"]`);
}

function select(list, index) {
  const records = state.report.doc[list] || [];
  if (!records.length) return;
  state.sel = {list, index: Math.max(0, Math.min(index, records.length - 1))};
  for (const node of document.querySelectorAll(".event.selected")) node.classList.remove("selected");
  const chosen = selectedCard();
  if (chosen) { chosen.classList.add("selected"); chosen.scrollIntoView({block: "nearest"}); }
}

function move(offset) {
  const order = [...document.querySelectorAll(".event")];
  const at = order.indexOf(selectedCard());
  const next = order[Math.max(0, Math.min(order.length - 1, at + offset))];
  if (next) { select(next.dataset.list, Number(next.dataset.index)); highlight(recordOf(next), null); }
}

let checkTimer = null;
function edited(event) {
  const target = event.target;
  const record = recordOf(target);
  if (!record) return;
  const field = target.dataset.field;
  const value = typed(field, target);
  if (value === null) delete record[field]; else record[field] = value;
  const node = target.closest(".event");
  if (field === "location" && event.type === "input") places(target, record);
  if (field === "location" && event.type === "change") placeChosen(node, record, target.value);
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => check(node, record), 200);
  saveSoon();
}

async function check(node, record) {
  const asked = (node.asked || 0) + 1;
  node.asked = asked;
  try {
    const result = await api("POST", "/api/check", {record});
    if (node.asked !== asked) return null;  // a later check is on its way
    const derived = result.derived;
    node.querySelector(".derived").textContent = state.cb.derived.map((f) => `${f}: ${derived[f] ?? "—"}`).join(" · ");
    for (const box of node.querySelectorAll("[data-issues]")) box.replaceChildren();
    for (const issue of result.issues) {
      const box = node.querySelector(`[data-issues="${issue.field || ""}"]`) || node.querySelector('[data-issues=""]');
      box.append(el("div", {class: "issue"}, `${issue.message} [${issue.code}]`,
        issue.hint ? ` — did you mean ${JSON.stringify(issue.hint)}?` : ""));
    }
    node.classList.toggle("invalid", result.issues.length > 0);
    return result.issues;
  } catch (error) { failed(error); return null; }
}

async function places(target, record) {
  if (target.value.length < 2) return;
  const found = await api("GET", `/api/places?q=${encodeURIComponent(target.value)}&country=${encodeURIComponent(record.country || "")}`);
  target._places = found;
  $(target.getAttribute("list")).replaceChildren(...found.map((p) =>
    el("option", {value: p.location}, [p.admin3, p.admin2, p.admin1, p.country].filter(Boolean).join(", "))));
}

function placeChosen(node, record, location) {
  const target = node.querySelector('[data-field="location"]');
  const place = (target._places || []).find((p) => p.location === location);
  if (!place) return;
  for (const field of ["admin1", "admin2", "admin3", "latitude", "longitude"]) {
    record[field] = place[field];
    node.querySelector(`[data-field="${field}"]`).value = place[field];
  }
}

// ---- decisions

function rationale(record) {
  const trigger = (record.evidence || []).find((e) => e.kind === "trigger" || e.kind === "selection");
  return trigger ? `"${trigger.sentence || trigger.text}"` : "Coded by hand in the workbench.";
}

async function accept(index) {
  const doc = state.report.doc;
  const record = doc.pending[index];
  const node = document.querySelector(`.event[data-list="pending"][data-index="${index}"]`);
  clearTimeout(checkTimer);
  const issues = await check(node, record);  // the event as it is now, not as it was last checked
  if (!issues || doc.pending[index] !== record) return;
  if (issues.length) {
    say("Fix this event's errors before accepting it.");
    return;
  }
  if (!record.rationale) record.rationale = rationale(record);
  doc.pending.splice(index, 1);
  doc.events.push(record);
  afterDecision();
}

function askReason(index) {
  select("pending", index);
  const node = selectedCard();
  const box = el("input", {class: "reason-input", placeholder: "Why is it rejected? Enter to reject, Esc to cancel",
    "aria-label": "Reason for rejecting"});
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && box.value.trim()) { event.preventDefault(); reject(index, box.value.trim()); }
    if (event.key === "Escape") { box.remove(); node.focus(); }
  });
  node.querySelector(".actions").append(box);
  box.focus();
}

function reject(index, reason) {
  const doc = state.report.doc;
  const [record] = doc.pending.splice(index, 1);
  record.reason = reason;
  doc.rejected = doc.rejected || [];
  doc.rejected.push(record);
  afterDecision();
}

function reopen(list, index) {
  const doc = state.report.doc;
  const [record] = doc[list].splice(index, 1);
  delete record.reason;
  doc.pending.push(record);
  doc.status = "open";
  state.sel = {list: "pending", index: doc.pending.length - 1};
  render();
  save();
}

function split(index) {
  const pending = state.report.doc.pending;
  const copy = JSON.parse(JSON.stringify(pending[index]));
  delete copy.event_id_cnty;
  pending.splice(index + 1, 0, copy);
  state.sel = {list: "pending", index: index + 1};
  render();
  save();
}

function merge(index) {
  const pending = state.report.doc.pending;
  if (index + 1 >= pending.length) { say("There is no next event to merge with."); return; }
  const [first, second] = [pending[index], pending[index + 1]];
  first.evidence = [...(first.evidence || []), ...(second.evidence || [])];
  first.review = [...(first.review || []), ...(second.review || [])];
  first.fatalities = (first.fatalities || 0) + (second.fatalities || 0);
  if (second.notes && second.notes !== first.notes) first.notes = [first.notes, second.notes].filter(Boolean).join(" ");
  pending.splice(index + 1, 1);
  render();
  save();
}

function afterDecision() {
  // the next event to review is always the first one left
  const doc = state.report.doc;
  say("");
  state.sel = doc.pending.length ? {list: "pending", index: 0} : {list: "events", index: 0};
  render();
  save().then(loadQueue);
}

// ---- forms

function readFile(input, target) {
  const file = input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => { target.value = reader.result; };
  reader.readAsText(file);
}

async function codeNew() {
  const context = $("nf-context").files[0];
  try {
    const report = await api("POST", "/api/reports", {name: $("nf-name").value.trim(), text: $("nf-text").value,
      published: $("nf-published").value, country: $("nf-country").value.trim(),
      context: context ? await context.text() : null});
    await loadQueue();
    await openReport(report.name);
  } catch (error) { failed(error); }
}

async function loadBatch() {
  try {
    const result = await api("POST", "/api/batch", {lines: $("bf-lines").value});
    await loadQueue();
    if (result.added.length) await openReport(result.added[0]);
    say(`${result.added.length} report(s) added` + (result.errors.length ? `, ${result.errors.length} not:` : "."),
      result.errors, result.errors.length ? "error" : "info");
  } catch (error) { failed(error); }
}

async function exportCsv() {
  const inter = $("inter").value;
  try {
    const csv = await api("GET", `/api/export.csv?inter=${inter}`);
    const rows = csv.trim().split("\n").length - 1;
    $("export-summary").textContent = `${rows} accepted event(s) exported as ACLED CSV (inter as ${inter}): ` +
      "the file is downloaded; its text is here";
    say("");
    $("export-preview").textContent = csv;
    $("export-result").hidden = false;
    const link = el("a", {href: URL.createObjectURL(new Blob([csv], {type: "text/csv"})),
      download: "accepted-events.csv"});
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) { failed(error); }
}

// ---- keyboard

function keys(event) {
  const target = event.target;
  if (target.matches("input, textarea, select")) {
    if (event.key === "Escape") { target.blur(); const node = selectedCard(); if (node) node.focus(); }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || !state.report || state.report.problem) {
    if (event.key === "?") toggleHelp();
    return;
  }
  const {list, index} = state.sel;
  const actions = {
    j: () => move(1), k: () => move(-1), ArrowDown: () => move(1), ArrowUp: () => move(-1),
    a: () => list === "pending" && accept(index), r: () => list === "pending" && askReason(index),
    s: () => list === "pending" && split(index), m: () => list === "pending" && merge(index),
    o: () => list !== "pending" && reopen(list, index), "+": addFromSelection, n: doneNext,
    "]": () => step(1), "[": () => step(-1), "?": toggleHelp,
    e: () => { const node = selectedCard(); const first = node && node.querySelector("input, select, textarea");
      if (first && !first.disabled) first.focus(); },
  };
  const action = actions[event.key];
  if (action) { event.preventDefault(); action(); }
}

function toggleHelp() {
  $("help").hidden = !$("help").hidden;
}

async function start() {
  state.cb = await api("GET", "/api/codebook");
  $("countries").replaceChildren(...state.cb.countries.map((c) => el("option", {value: c})));
  $("source-scales").replaceChildren(...state.cb.source_scales.map((c) => el("option", {value: c})));
  $("new-report").addEventListener("click", () => { show("new-form"); $("nf-name").focus(); });
  $("load-batch").addEventListener("click", () => { show("batch-form"); $("bf-lines").focus(); });
  $("nf-cancel").addEventListener("click", () => show(state.report ? "workbench" : null));
  $("bf-cancel").addEventListener("click", () => show(state.report ? "workbench" : null));
  $("nf-file").addEventListener("change", () => readFile($("nf-file"), $("nf-text")));
  $("bf-file").addEventListener("change", () => readFile($("bf-file"), $("bf-lines")));
  $("nf-code").addEventListener("click", codeNew);
  $("bf-load").addEventListener("click", loadBatch);
  $("export").addEventListener("click", exportCsv);
  $("help-button").addEventListener("click", toggleHelp);
  $("done-next").addEventListener("click", doneNext);
  $("add-selection").addEventListener("click", addFromSelection);
  document.addEventListener("keydown", keys);
  await loadQueue();
  const first = state.queue.find((e) => e.status !== "done");
  if (first) await openReport(first.name);
  else show("new-form");
  document.body.dataset.ready = "true";
}

start().catch(failed);
