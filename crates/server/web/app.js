// claimgraph web page: network, evidence, actor profile, timeline and document views.
// Every piece of data reaches the page through textContent or attributes set by the DOM API;
// nothing is parsed as HTML.
'use strict';

const TYPE_COLOURS = {
  state: '#3b6fb6', armed_group: '#c0392b', political_org: '#8e44ad', state_agency: '#16a085',
  person: '#e67e22', media: '#7f8c8d', organization: '#2c3e50', population: '#b7950b',
};
const FAMILY_COLOURS = { cooperation: '#2e8b57', conflict: '#c0392b', structural: '#6c7a89' };
const CATEGORIES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE',
  'ASSAULT', 'AFFILIATE', 'LEADS', 'MEMBER'];
const STANCES = ['asserted', 'alleged', 'reported', 'confirmed', 'denied', 'assessed'];

const $ = (s) => document.querySelector(s);

// Build an element; string children become text nodes.
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'data') for (const [dk, dv] of Object.entries(v)) e.dataset[dk] = dv;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function say(msg) { $('#message').textContent = msg || ''; }

const state = {
  graph: { nodes: [], edges: [] }, byId: new Map(), center: null,
  view: { x: 0, y: 0, scale: 0.3 }, selectedEdge: null, selectedNode: null,
  aliases: new Map(), edgeGeom: [],
};

// ---------- filters ----------
function filters() {
  const min = parseInt($('#f-min-origins').value, 10);
  return {
    category: $('#f-category').value,
    min_origins: min > 1 ? min : '',
    since: $('#f-since').value.trim(),
    until: $('#f-until').value.trim(),
    stance: $('#f-stance').value,
  };
}

async function loadGraph(actor) {
  say('');
  const params = { ...filters(), limit: 5000 };
  if (actor) params.actor = actor;
  try {
    const g = await api('/api/graph', params);
    state.graph = g;
    state.center = g.center;
    state.byId = new Map(g.nodes.map((n) => [n.id, n]));
    state.selectedEdge = null;
    fitView();
    draw();
    if (!g.edges.length) say('No relations match these filters.');
  } catch (e) { say(e.message); }
}

// ---------- network drawing ----------
const canvas = $('#network');
const ctx = canvas.getContext('2d');

function resize() {
  const r = canvas.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(r.width * dpr));
  canvas.height = Math.max(1, Math.round(r.height * dpr));
  draw();
}

function fitView() {
  const r = canvas.getBoundingClientRect();
  const ns = state.graph.nodes;
  if (!ns.length || !r.width) return;
  let minx = Infinity, maxx = -Infinity, miny = Infinity, maxy = -Infinity;
  for (const n of ns) {
    minx = Math.min(minx, n.x); maxx = Math.max(maxx, n.x);
    miny = Math.min(miny, n.y); maxy = Math.max(maxy, n.y);
  }
  const w = Math.max(maxx - minx, 200), h = Math.max(maxy - miny, 200);
  state.view.scale = Math.min(r.width / (w * 1.15), r.height / (h * 1.15));
  state.view.x = r.width / 2 - ((minx + maxx) / 2) * state.view.scale;
  state.view.y = r.height / 2 - ((miny + maxy) / 2) * state.view.scale;
}

function toScreen(x, y) { return [x * state.view.scale + state.view.x, y * state.view.scale + state.view.y]; }
function radius(n) { return 4 + Math.sqrt(n.degree) * 2.5; }

// Screen geometry of every edge: parallel edges between one pair are bowed apart.
function edgeGeometry() {
  const pairs = new Map();
  const geom = [];
  for (const e of state.graph.edges) {
    const a = state.byId.get(e.subject), b = state.byId.get(e.object);
    if (!a || !b) continue;
    const key = a.id < b.id ? a.id + '\u0000' + b.id : b.id + '\u0000' + a.id;
    const k = pairs.get(key) || 0;
    pairs.set(key, k + 1);
    const [x1, y1] = toScreen(a.x, a.y), [x2, y2] = toScreen(b.x, b.y);
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    const sign = a.id < b.id ? 1 : -1;
    const off = (k === 0 ? 0 : (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 14) * sign;
    const cx = (x1 + x2) / 2 - (dy / len) * off, cy = (y1 + y2) / 2 + (dx / len) * off;
    geom.push({ e, a, b, x1, y1, x2, y2, cx, cy });
  }
  return geom;
}

function draw() {
  const dpr = window.devicePixelRatio || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const W = canvas.width / dpr, H = canvas.height / dpr;
  ctx.clearRect(0, 0, W, H);
  const geom = edgeGeometry();
  state.edgeGeom = geom;
  const sel = state.selectedEdge, selNode = state.selectedNode;
  for (const g of geom) {
    const e = g.e;
    const highlighted = sel === e.id || (selNode && (e.subject === selNode || e.object === selNode));
    ctx.strokeStyle = FAMILY_COLOURS[e.family] || '#888';
    ctx.globalAlpha = sel || selNode ? (highlighted ? 1 : 0.25) : 0.75;
    ctx.lineWidth = (1 + Math.log2(1 + e.origins) * 1.6) * (sel === e.id ? 2 : 1);
    ctx.setLineDash(e.unconfirmed ? [6, 4] : []);
    ctx.beginPath();
    ctx.moveTo(g.x1, g.y1);
    ctx.quadraticCurveTo(g.cx, g.cy, g.x2, g.y2);
    ctx.stroke();
    ctx.setLineDash([]);
    // Arrowhead near the object.
    const r = radius(g.b) * Math.min(1.5, Math.max(0.6, state.view.scale * 2)) + 2;
    const ang = Math.atan2(g.y2 - g.cy, g.x2 - g.cx);
    const tx = g.x2 - Math.cos(ang) * r, ty = g.y2 - Math.sin(ang) * r;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath();
    ctx.moveTo(tx, ty);
    ctx.lineTo(tx - Math.cos(ang - 0.4) * 9, ty - Math.sin(ang - 0.4) * 9);
    ctx.lineTo(tx - Math.cos(ang + 0.4) * 9, ty - Math.sin(ang + 0.4) * 9);
    ctx.fill();
    const mx = 0.25 * g.x1 + 0.5 * g.cx + 0.25 * g.x2, my = 0.25 * g.y1 + 0.5 * g.cy + 0.25 * g.y2;
    if (e.disputed || e.negated) {
      // Disputed: a red ring on the edge; negated: a red bar across it.
      ctx.strokeStyle = '#d0021b';
      ctx.lineWidth = 2;
      ctx.beginPath();
      if (e.disputed) ctx.arc(mx, my, 6, 0, Math.PI * 2);
      else { ctx.moveTo(mx - 5, my - 5); ctx.lineTo(mx + 5, my + 5); }
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  const scale = Math.min(1.5, Math.max(0.6, state.view.scale * 2));
  for (const n of state.graph.nodes) {
    const [x, y] = toScreen(n.x, n.y);
    if (x < -50 || y < -50 || x > W + 50 || y > H + 50) continue;
    ctx.beginPath();
    ctx.arc(x, y, radius(n) * scale, 0, Math.PI * 2);
    ctx.fillStyle = TYPE_COLOURS[n.type] || '#555';
    ctx.globalAlpha = selNode && selNode !== n.id && !neighbours(selNode).has(n.id) ? 0.35 : 1;
    ctx.fill();
    ctx.lineWidth = n.id === state.center || n.id === selNode ? 3 : 1;
    ctx.strokeStyle = n.known ? '#fff' : '#222';
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  drawLabels(W, H, scale);
}

function neighbours(id) {
  const s = new Set();
  for (const e of state.graph.edges) {
    if (e.subject === id) s.add(e.object);
    if (e.object === id) s.add(e.subject);
  }
  return s;
}

// Labels: most connected first; one is skipped where it would overlap a drawn one.
function drawLabels(W, H, scale) {
  ctx.font = '12px system-ui, "DejaVu Sans", sans-serif';
  ctx.textBaseline = 'middle';
  const placed = [];
  const order = [...state.graph.nodes].sort((a, b) => b.degree - a.degree);
  let count = 0;
  for (const n of order) {
    if (count > 400) break;
    const [x, y] = toScreen(n.x, n.y);
    if (x < 0 || y < 0 || x > W || y > H) continue;
    const text = n.name.length > 32 ? n.name.slice(0, 31) + '…' : n.name;
    const w = ctx.measureText(text).width, r = radius(n) * scale + 3;
    const box = [x + r, y - 8, x + r + w, y + 8];
    if (placed.some((p) => !(box[2] < p[0] || box[0] > p[2] || box[3] < p[1] || box[1] > p[3]))) continue;
    placed.push(box);
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(text, box[0], y);
    ctx.fillStyle = '#1d2330';
    ctx.fillText(text, box[0], y);
    count++;
  }
}

function legend() {
  const L = $('#legend');
  clear(L);
  for (const [t, c] of Object.entries(TYPE_COLOURS)) {
    const sw = el('span', { class: 'swatch' });
    sw.style.background = c;
    L.append(el('div', { class: 'row' }, sw, t.replace('_', ' ')));
  }
  for (const [f, c] of Object.entries(FAMILY_COLOURS)) {
    const ln = el('span', { class: 'line' });
    ln.style.borderColor = c;
    L.append(el('div', { class: 'row' }, ln, f));
  }
  const d = el('span', { class: 'line dashed' });
  d.style.borderColor = '#555';
  L.append(el('div', { class: 'row' }, d, 'unconfirmed only'));
  L.append(el('div', { class: 'row muted wide' }, 'width = independent origins; red ring = disputed'));
}

// ---------- hit testing and interaction ----------
function nodeAt(px, py) {
  const scale = Math.min(1.5, Math.max(0.6, state.view.scale * 2));
  let best = null, bd = Infinity;
  for (const n of state.graph.nodes) {
    const [x, y] = toScreen(n.x, n.y);
    const d = Math.hypot(px - x, py - y);
    if (d <= radius(n) * scale + 3 && d < bd) { best = n; bd = d; }
  }
  return best;
}

function edgeAt(px, py) {
  let best = null, bd = 7;
  for (const g of state.edgeGeom) {
    // Sample the curve.
    for (let i = 0; i <= 24; i++) {
      const t = i / 24, u = 1 - t;
      const x = u * u * g.x1 + 2 * u * t * g.cx + t * t * g.x2;
      const y = u * u * g.y1 + 2 * u * t * g.cy + t * t * g.y2;
      const d = Math.hypot(px - x, py - y);
      if (d < bd) { bd = d; best = g.e; }
    }
  }
  return best;
}

let drag = null;
canvas.addEventListener('mousedown', (ev) => {
  drag = { x: ev.clientX, y: ev.clientY, vx: state.view.x, vy: state.view.y, moved: false };
  canvas.classList.add('dragging');
});
window.addEventListener('mousemove', (ev) => {
  if (!drag) return;
  const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
  if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
  state.view.x = drag.vx + dx;
  state.view.y = drag.vy + dy;
  draw();
});
window.addEventListener('mouseup', (ev) => {
  if (!drag) return;
  const moved = drag.moved;
  drag = null;
  canvas.classList.remove('dragging');
  if (moved) return;
  const r = canvas.getBoundingClientRect();
  const px = ev.clientX - r.left, py = ev.clientY - r.top;
  if (px < 0 || py < 0 || px > r.width || py > r.height) return;
  const n = nodeAt(px, py);
  if (n) { showActor(n.id); return; }
  const e = edgeAt(px, py);
  if (e) showEdge(e);
});
canvas.addEventListener('wheel', (ev) => {
  ev.preventDefault();
  const r = canvas.getBoundingClientRect();
  const px = ev.clientX - r.left, py = ev.clientY - r.top;
  const f = Math.exp(-ev.deltaY * 0.0015);
  const s = Math.min(20, Math.max(0.02, state.view.scale * f));
  state.view.x = px - ((px - state.view.x) * s) / state.view.scale;
  state.view.y = py - ((py - state.view.y) * s) / state.view.scale;
  state.view.scale = s;
  draw();
}, { passive: false });

// ---------- evidence panel ----------
async function aliasesOf(id) {
  if (state.aliases.has(id)) return state.aliases.get(id);
  let names = [];
  try {
    const p = await api('/api/actors/' + encodeURIComponent(id));
    names = [p.actor.name, ...p.aliases];
  } catch (e) { names = []; }
  state.aliases.set(id, names);
  return names;
}

// The sentence with every form of the two actors marked.
function markedSentence(sentence, subjForms, objForms) {
  const marks = [];
  const find = (forms, cls) => {
    for (const f of [...forms].sort((a, b) => b.length - a.length)) {
      if (!f || f.length < 2) continue;
      let i = 0;
      const hay = sentence.toLowerCase(), needle = f.toLowerCase();
      while ((i = hay.indexOf(needle, i)) >= 0) {
        const end = i + f.length;
        const okStart = i === 0 || !/[\p{L}\p{N}]/u.test(sentence[i - 1]);
        const okEnd = end >= sentence.length || !/[\p{L}\p{N}]/u.test(sentence[end]);
        if (okStart && okEnd && !marks.some((m) => i < m.end && end > m.start)) marks.push({ start: i, end, cls });
        i = end;
      }
    }
  };
  find(subjForms, 'subj');
  find(objForms, 'obj');
  marks.sort((a, b) => a.start - b.start);
  const p = el('p', { class: 'sentence' });
  let at = 0;
  for (const m of marks) {
    p.append(sentence.slice(at, m.start), el('mark', { class: m.cls, text: sentence.slice(m.start, m.end) }));
    at = m.end;
  }
  p.append(sentence.slice(at));
  return p;
}

function claimItem(c, subjForms, objForms) {
  return el('div', { class: 'claim', data: { claim: String(c.id) } },
    markedSentence(c.sentence, subjForms, objForms),
    el('div', { class: 'meta' },
      el('span', { class: 'grade', title: 'Admiralty grade: source reliability, information credibility', text: c.grade }),
      el('span', { class: 'stance stance-' + c.stance, text: c.stance }),
      c.negated ? el('span', { class: 'negated', text: 'negated' }) : null,
      el('span', { class: 'source', text: 'source: ' + (c.source_name || 'the outlet') }),
      el('span', { class: 'date', text: c.time || 'undated' }),
      el('span', { class: 'outlet', text: c.outlet || '' }),
      el('button', { type: 'button', class: 'link doc-link', text: 'document ' + c.document, onclick: () => showDocument(c.document, c) })));
}

async function showEdge(e) {
  state.selectedEdge = e.id;
  state.selectedNode = null;
  draw();
  const panel = $('#panel');
  clear(panel);
  panel.append(el('h2', { id: 'evidence-title' },
    el('button', { type: 'button', class: 'link', text: e.subject_name, onclick: () => showActor(e.subject) }),
    ' ', el('span', { class: e.negated ? 'negated' : '', text: (e.negated ? 'NOT ' : '') + e.category }),
    e.modes.length ? ' (' + e.modes.join(', ') + ') ' : ' ',
    el('button', { type: 'button', class: 'link', text: e.object_name, onclick: () => showActor(e.object) })));
  panel.append(el('p', { class: 'muted' },
    `${e.claims} claims in ${e.documents} documents, ${e.origins} independent origins; grade `,
    el('span', { class: 'grade', id: 'edge-grade', text: e.grade }),
    e.disputed ? el('span', { class: 'stance-denied', text: ' disputed' }) : '',
    e.first ? ` · ${e.first}${e.last && e.last !== e.first ? '–' + e.last : ''}` : ''));
  panel.append(el('div', {}, el('button', { type: 'button', class: 'link', text: 'Timeline of this edge', onclick: () => showTimeline(null, e) })));
  const list = el('div', { id: 'evidence' });
  panel.append(el('h3', { text: 'Evidence' }), list);
  try {
    const [sf, of] = await Promise.all([aliasesOf(e.subject), aliasesOf(e.object)]);
    const r = await api('/api/evidence', { subject: e.subject, object: e.object, category: e.category, limit: 500 });
    const items = r.items.filter((c) => c.negated === e.negated && sameDirection(c, e));
    for (const c of items) list.append(claimItem(c, sf, of));
    if (!items.length) list.append(el('p', { class: 'muted', text: 'No claims.' }));
  } catch (err) { say(err.message); }
}

// CONSULT and COOPERATE edges hold both directions.
function sameDirection(c, e) {
  if (e.category === 'CONSULT' || e.category === 'COOPERATE') return true;
  return c.subject === e.subject && c.object === e.object;
}

// ---------- actor profile ----------
async function showActor(id) {
  state.selectedNode = id;
  state.selectedEdge = null;
  draw();
  const panel = $('#panel');
  clear(panel);
  try {
    const p = await api('/api/actors/' + encodeURIComponent(id));
    const a = p.actor;
    panel.append(el('h2', { id: 'profile-title', text: a.name }));
    panel.append(el('p', { class: 'muted' }, `${a.kind.replace('_', ' ')}${a.known ? '' : ' (found in text)'} · ${a.documents} documents · ${a.claims} claims · id ${a.id}`));
    panel.append(el('div', {},
      el('button', { type: 'button', class: 'link', text: 'Centre the graph here', onclick: () => { $('#actor-search').value = a.name; loadGraph(a.id); } }),
      ' · ',
      el('button', { type: 'button', class: 'link', text: 'Timeline', onclick: () => showTimeline(a.id, null) })));
    if (p.aliases.length) panel.append(el('h3', { text: 'Aliases' }), el('p', { text: p.aliases.join(' · ') }));
    if (p.parent || p.children.length) {
      panel.append(el('h3', { text: 'Hierarchy' }));
      const ul = el('ul', { class: 'plain' });
      if (p.parent) ul.append(el('li', {}, 'part of ', el('button', { type: 'button', class: 'link', text: p.parent.name, onclick: () => showActor(p.parent.id) })));
      for (const c of p.children) ul.append(el('li', {}, 'has part ', el('button', { type: 'button', class: 'link', text: c.name, onclick: () => showActor(c.id) })));
      panel.append(ul);
    }
    for (const [cat, edges] of Object.entries(p.relations)) {
      panel.append(el('h3', { text: cat }));
      const ul = el('ul', { class: 'plain' });
      for (const e of edges) {
        const out = e.subject === a.id;
        ul.append(el('li', { class: 'rel' },
          el('span', { text: out ? '→' : '←' }),
          el('button', { type: 'button', class: 'link', text: (e.negated ? 'NOT ' : '') + (out ? e.object_name : e.subject_name), onclick: () => showEdge(e) }),
          el('span', { class: 'grade', text: e.grade }),
          el('span', { class: 'muted', text: `${e.origins} origins, ${e.claims} claims` })));
      }
      panel.append(ul);
    }
  } catch (err) { say(err.message); }
}

// ---------- timeline ----------
async function showTimeline(actor, edge) {
  switchView('timeline');
  const box = $('#timeline');
  clear(box);
  try {
    let items;
    let title;
    if (edge) {
      const r = await api('/api/evidence', { subject: edge.subject, object: edge.object, category: edge.category, limit: 5000 });
      items = r.items.filter((c) => c.time && c.negated === edge.negated && sameDirection(c, edge));
      items.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : x.id - y.id));
      title = `${edge.subject_name} ${edge.category} ${edge.object_name}`;
    } else {
      const r = await api('/api/timeline', { actor: actor || '', limit: 5000 });
      items = r.items;
      title = actor ? (state.byId.get(actor)?.name || actor) : 'All dated claims';
    }
    box.append(el('h2', { text: 'Timeline: ' + title }));
    if (!items.length) { box.append(el('p', { class: 'muted', text: 'No dated claims.' })); return; }
    const years = new Map();
    for (const c of items) {
      const y = c.time.slice(0, 4);
      if (!years.has(y)) years.set(y, []);
      years.get(y).push(c);
    }
    const max = Math.max(...[...years.values()].map((v) => v.length));
    for (const [y, cs] of years) {
      const bar = el('span', { class: 'bar' });
      bar.style.width = Math.round((cs.length / max) * 200) + 'px';
      const sec = el('section', { class: 'year' }, el('h3', {}, y, bar, el('span', { class: 'muted', text: `${cs.length} claims` })));
      for (const c of cs) {
        sec.append(el('div', { class: 'tl-item' },
          el('span', { class: 'date', text: c.time }),
          el('div', {},
            el('div', {}, el('strong', { text: `${c.subject_name} ${c.negated ? 'NOT ' : ''}${c.category}${c.mode ? ' (' + c.mode + ')' : ''} ${c.object_name}` }),
              ' ', el('span', { class: 'grade', text: c.grade }), ' ', el('span', { class: 'stance-' + c.stance, text: c.stance })),
            el('div', { text: c.sentence }),
            el('button', { type: 'button', class: 'link', text: 'document ' + c.document, onclick: () => showDocument(c.document, c) }))));
      }
      box.append(sec);
    }
  } catch (err) { say(err.message); }
}

// ---------- document view ----------
async function showDocument(id, focus) {
  switchView('document');
  const box = $('#document');
  clear(box);
  try {
    const d = await api('/api/documents/' + encodeURIComponent(id));
    box.append(el('h2', { id: 'document-title', text: d.title || d.id }));
    const meta = el('p', { class: 'muted' }, [d.outlet, d.published, 'id ' + d.id].filter(Boolean).join(' · '));
    if (d.url && /^https?:\/\//i.test(d.url)) meta.append(' · ', el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank', text: 'source' }));
    box.append(meta);
    // Offsets are in characters (code points).
    const chars = Array.from(d.text);
    const bounds = new Set([0, chars.length]);
    for (const m of d.mentions) { bounds.add(m.start); bounds.add(m.end); }
    for (const c of d.claims) { bounds.add(c.start); bounds.add(c.end); }
    const cuts = [...bounds].filter((x) => x >= 0 && x <= chars.length).sort((a, b) => a - b);
    const text = el('div', { class: 'text' });
    let para = el('p');
    let focusEl = null;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const s = cuts[i], e = cuts[i + 1];
      const piece = chars.slice(s, e).join('');
      const mention = d.mentions.find((m) => m.start <= s && m.end >= e);
      const claims = d.claims.filter((c) => c.start <= s && c.end >= e);
      const isFocus = focus && claims.some((c) => c.id === focus.id);
      // Paragraph breaks stay breaks.
      const parts = piece.split(/\n\s*\n/);
      parts.forEach((part, k) => {
        if (k > 0) { text.append(para); para = el('p'); }
        if (!part) return;
        let node = document.createTextNode(part);
        if (mention) {
          const name = state.byId.get(mention.actor)?.name || mention.actor;
          node = el('span', { class: 'mention', title: name, data: { actor: mention.actor } }, node);
        }
        if (claims.length) {
          const span = el('span', {
            class: 'claim-span' + (isFocus ? ' focus' : ''),
            title: claims.map((c) => `${c.subject_name} ${c.negated ? 'NOT ' : ''}${c.category} ${c.object_name} (${c.stance}, ${c.grade})`).join('\n'),
          }, node);
          if (isFocus && !focusEl) focusEl = span;
          node = span;
        }
        para.append(node);
      });
    }
    text.append(para);
    box.append(text);
    if (focusEl) focusEl.scrollIntoView({ block: 'center' });
  } catch (err) { say(err.message); }
}

// ---------- views, search, startup ----------
function switchView(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.view === name);
  for (const v of document.querySelectorAll('.view')) v.classList.toggle('active', v.id === 'view-' + name);
  if (name === 'network') resize();
}

async function suggest() {
  const q = $('#actor-search').value.trim();
  if (q.length < 2) return;
  try {
    const r = await api('/api/actors', { search: q, limit: 20 });
    const dl = $('#actor-options');
    clear(dl);
    for (const a of r.items) dl.append(el('option', { value: a.name }));
  } catch (e) { /* suggestions are optional */ }
}

// Links into the page: #actor=NAME centres the graph, #doc=ID opens a document.
async function route(first) {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('actor')) {
    $('#actor-search').value = hash.get('actor');
    switchView('network');
    await loadGraph(hash.get('actor'));
    if (state.center) showActor(state.center);
  } else if (first) {
    await loadGraph(null);
  }
  if (hash.get('doc')) await showDocument(hash.get('doc'), null);
}

async function init() {
  for (const c of CATEGORIES) $('#f-category').append(el('option', { value: c, text: c }));
  for (const s of STANCES) $('#f-stance').append(el('option', { value: s, text: s }));
  legend();
  $('#find').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $('#actor-search').value.trim();
    switchView('network');
    if (q) loadGraph(q).then(() => { if (state.center) showActor(state.center); });
  });
  $('#actor-search').addEventListener('input', suggest);
  $('#show-all').addEventListener('click', () => { $('#actor-search').value = ''; switchView('network'); loadGraph(null); });
  $('#filters').addEventListener('submit', (ev) => { ev.preventDefault(); switchView('network'); loadGraph(state.center); });
  for (const b of document.querySelectorAll('#tabs button')) {
    b.addEventListener('click', () => {
      if (b.dataset.view === 'timeline') showTimeline(state.selectedNode, null);
      else switchView(b.dataset.view);
    });
  }
  window.addEventListener('resize', resize);
  resize();
  try {
    const s = await api('/api/stats');
    $('#stats').textContent = `${s.documents} documents · ${s.actors} actors · ${s.claims} claims · ${s.edges} edges · ${s.disputed} disputed`;
  } catch (e) { say(e.message); }
  await route(true);
  window.addEventListener('hashchange', () => route(false));
  document.body.dataset.ready = '1';
}

// For tests and scripted use: where an edge or a node is drawn, in page coordinates.
window.claimgraph = {
  edgePoint(id) {
    const g = state.edgeGeom.find((x) => x.e.id === id);
    if (!g) return null;
    const r = canvas.getBoundingClientRect();
    return { x: r.left + 0.25 * g.x1 + 0.5 * g.cx + 0.25 * g.x2, y: r.top + 0.25 * g.y1 + 0.5 * g.cy + 0.25 * g.y2 };
  },
  nodePoint(id) {
    const n = state.byId.get(id);
    if (!n) return null;
    const r = canvas.getBoundingClientRect();
    const [x, y] = toScreen(n.x, n.y);
    return { x: r.left + x, y: r.top + y };
  },
  edges: () => state.graph.edges.map((e) => ({ id: e.id, subject: e.subject, object: e.object, category: e.category, negated: e.negated, grade: e.grade })),
  center: () => state.center,
};

init();
