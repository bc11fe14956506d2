// Shared by the domain views: reading the gateway's JSON API, building the DOM without ever parsing data as HTML, and
// polling with backoff. No framework, no build step.

/** An answer of the API that was not a success. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(`HTTP ${status}${detail ? `: ${detail}` : ''}`);
    this.status = status;
  }
}

/** GETs a JSON route of the gateway with the browser's session (the HttpOnly cookie set at login, if keys are in use). */
export async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    // The session ended (logged out, key removed): log in again and come back here.
    location.assign(`/dashboard/login?return_url=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, 'log in again');
  }
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail ?? ''; } catch { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

/**
 * Creates an element. props: className, text (textContent), href, title, id, style (object), attrs (object of attributes).
 * Children are nodes or strings (added as text nodes): data is never parsed as HTML.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'className') node.className = value;
    else if (name === 'style') Object.assign(node.style, value);
    else if (name === 'attrs') for (const [a, v] of Object.entries(value)) node.setAttribute(a, String(v));
    else if (name === 'onclick') node.addEventListener('click', value);
    else node[name] = value;
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the content of the element with this id. */
export function show(id, ...nodes) {
  document.getElementById(id).replaceChildren(...nodes.flat());
}

/**
 * A table: columns are { title, value: row => string | number | Node, className }. An empty list shows `empty`.
 */
export function table(columns, rows, empty = 'None yet.') {
  if (rows.length === 0) return el('p', { className: 'empty', text: empty });
  return el('table', {},
    el('thead', {}, el('tr', {}, columns.map(c => el('th', { text: c.title, className: c.className })))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => el('td', { className: c.className }, c.value(row)))))));
}

/** Figure cards: [label, value, className?]. */
export function cards(items) {
  return items.map(([label, value, className]) =>
    el('div', { className: `card ${className ?? ''}` }, el('span', { className: 'value', text: value }), el('span', { className: 'label', text: label })));
}

/** A status word as a coloured badge (the class is the status itself, limited to letters and _). */
export function badge(status) {
  const safe = String(status ?? '').replace(/[^a-z_]/g, '');
  return el('span', { className: `badge badge-${safe}`, text: String(status ?? '') });
}

export const number = n => (n ?? 0).toLocaleString('en-US', { maximumFractionDigits: 2 });
export const percent = x => `${((x ?? 0) * 100).toFixed(1)} %`;

/** "12 s ago" for a time; the exact time in the title. */
export function ago(iso) {
  if (!iso) return el('span', { text: '—' });
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  const text = seconds < 60 ? `${seconds} s ago` : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago` : `${Math.floor(seconds / 3600)} h ago`;
  return el('time', { text, title: iso, attrs: { datetime: iso } });
}

/** A duration in ms, readable. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

/**
 * Calls `load` now and again every `interval` ms; after a failure it waits twice as long each time (at most 30 s), and while
 * the tab is hidden at least 15 s, so an idle or broken dashboard costs the cluster little. The status element says when the
 * figures were taken or why they are stale.
 */
export function poll(load, interval = 3000) {
  const status = document.getElementById('status');
  let delay = interval;
  async function tick() {
    try {
      await load();
      delay = interval;
      status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
      status.classList.remove('stale');
    } catch (error) {
      delay = Math.min(delay * 2, 30000);
      status.textContent = `${error.message} — retrying in ${Math.round(delay / 1000)} s`;
      status.classList.add('stale');
    }
    setTimeout(tick, document.hidden ? Math.max(delay, 15000) : delay);
  }
  tick();
}
