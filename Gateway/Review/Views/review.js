// The expert's review page: signs in with an API key (kept in this tab's sessionStorage, sent in X-Api-Key from fetch,
// never a cookie), lists the pending approvals and reviews of the expert's domains with their context, decides them, and
// follows the pending list live over the server-sent event stream (read with fetch, which can send the key's header).
import { el, badge, ago } from './common.js';

const KEY = 'rayswarm_review_key';
const $ = id => document.getElementById(id);
const cards = new Map(); // review_id -> card element
const deciding = new Set(); // review ids with a decision of this page under way
let streamAbort = null;

/** An answer of the API that was not a success, with the problem's detail. */
class Refusal extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

function key() { return sessionStorage.getItem(KEY); }

/** Calls the API with the tab's key (no cookie: the page acts with its own key only). */
async function call(path, { method = 'GET', body, signal, withKey = key() } = {}) {
  const headers = { Accept: 'application/json' };
  if (withKey) headers['X-Api-Key'] = withKey;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', signal });
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail ?? ''; } catch { /* not JSON */ }
    throw new Refusal(response.status, detail);
  }
  return response;
}

function domainFilter() { return new URLSearchParams(location.search).get('domain') ?? ''; }
function query(extra = {}) {
  const params = new URLSearchParams(extra);
  if (domainFilter()) params.set('domain', domainFilter());
  const text = params.toString();
  return text ? `?${text}` : '';
}

function setStatus(text, stale = false) {
  $('status').textContent = text;
  $('status').classList.toggle('stale', stale);
}

function note(text) {
  $('log').prepend(el('li', {}, el('time', { text: new Date().toLocaleTimeString() }), ' ', text));
  while ($('log').children.length > 20) $('log').lastChild.remove();
}

// ---- signing in and out ----

function showSignIn(message) {
  stopStream();
  $('reviews-section').hidden = true;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-message').hidden = !message;
  $('sign-in-message').textContent = message ?? '';
  setStatus('Signed out');
  $('key').focus();
}

function signOut(message) {
  sessionStorage.removeItem(KEY);
  for (const id of [...cards.keys()]) removeCard(id);
  $('log').replaceChildren();
  showSignIn(message);
}

async function signIn(event) {
  event.preventDefault();
  const candidate = $('key').value.trim();
  try {
    await call(`/domains/reviews${query({ status: 'pending', limit: 1 })}`, { withKey: candidate });
  } catch (error) {
    $('sign-in-message').hidden = false;
    $('sign-in-message').textContent = error.status === 401 ? 'The API key is not known.'
      : error.status === 403 ? `This key may not read reviews: ${error.message}` : `Cannot sign in: ${error.message}`;
    $('key').focus();
    return;
  }
  sessionStorage.setItem(KEY, candidate);
  $('key').value = '';
  await start(true);
}

/** Shows the list for the tab's key (or keyless on a gateway without keys); the sign-in form when it is refused. */
async function start(signedIn) {
  let list;
  try {
    list = await (await call(`/domains/reviews${query({ status: 'pending' })}`)).json();
  } catch (error) {
    if (error.status === 401) {
      if (key()) signOut('Your key is no longer accepted: sign in again.');
      else showSignIn();
      return;
    }
    setStatus(`Cannot list reviews: ${error.message}`, true);
    $('reviews-section').hidden = false;
    return;
  }
  $('sign-in').hidden = true;
  $('reviews-section').hidden = false;
  $('who').hidden = false;
  $('who').textContent = key() ? 'Signed in with your key' : 'Running as local (this gateway has no keys)';
  $('sign-out').hidden = !key();
  $('domain').value = domainFilter();
  render(list.reviews);
  if (signedIn) $('reviews-heading').focus();
  startStream();
}

// ---- the list ----

function render(pending) {
  const ids = new Set(pending.map(r => r.review_id));
  for (const id of [...cards.keys()]) {
    if (!ids.has(id)) left(id);
  }
  for (const review of pending) {
    if (!cards.has(review.review_id)) {
      const card = reviewCard(review);
      cards.set(review.review_id, card);
      $('reviews').append(card);
    }
  }
  $('count').textContent = `(${cards.size})`;
  $('empty').hidden = cards.size > 0;
}

/** A review that left the pending list without a decision from this page: says why (decided elsewhere, timed out). */
async function left(id) {
  if (deciding.has(id)) return; // the decision's answer removes it
  const card = cards.get(id);
  const title = card?.dataset.title ?? id;
  removeCard(id);
  try {
    const review = await (await call(`/domains/reviews/${encodeURIComponent(id)}`)).json();
    note(`Left the list: ${title} — ${review.status.replace('_', ' ')}${review.decided_by ? ` (by ${review.decided_by})` : ''}.`);
  } catch {
    note(`Left the list: ${title}.`);
  }
}

function removeCard(id, hadFocus = false) {
  const card = cards.get(id);
  if (!card) return;
  hadFocus ||= card.contains(document.activeElement);
  card.remove();
  cards.delete(id);
  $('count').textContent = `(${cards.size})`;
  $('empty').hidden = cards.size > 0;
  if (hadFocus) $('reviews-heading').focus(); // never leave the keyboard user on a removed element
}

function reviewCard(review) {
  const id = review.review_id;
  const isContribution = review.kind === 'contribution';
  const title = review.prompt || (isContribution ? `Review contribution ${review.subject_id}` : `Approve ${review.step_id} of ${review.subject_id}`);
  const headingId = `title-${id}`;
  const message = el('p', { className: 'message', attrs: { role: 'alert' }, hidden: true });
  const comment = el('textarea', { id: `comment-${id}`, className: 'comment', rows: 2, maxLength: 4000 });
  const content = isContribution
    ? el('textarea', { id: `content-${id}`, className: 'content', rows: 6, spellcheck: false, value: pretty(review.context?.content ?? {}) })
    : null;
  const button = (decision, text, className) => el('button', {
    type: 'button', className: `decide ${className}`, text, attrs: { 'aria-describedby': headingId, 'data-decision': decision },
    onclick: () => decide(review, decision, { comment, content, message, card }),
  });
  const card = el('li', { className: 'review', attrs: { 'data-review-id': id } },
    el('article', { attrs: { 'aria-labelledby': headingId } },
      el('h3', { id: headingId, className: 'review-title' }, badge(review.kind), ' ', title),
      meta(review),
      isContribution ? contributionContext(review.context) : approvalContext(review),
      el('div', { className: 'decision' },
        el('label', { attrs: { for: comment.id }, text: 'Comment' }), comment,
        content && el('label', { attrs: { for: content.id }, text: 'Corrected content (JSON object, for Correct)' }), content,
        el('div', { className: 'buttons' },
          button('approve', isContribution ? 'Accept' : 'Approve', 'approve'),
          content && button('correct', 'Correct', 'correct'),
          button('reject', 'Reject', 'reject')),
        message)));
  card.dataset.title = `“${title}” (${id})`;
  return card;
}

function meta(review) {
  const items = [
    ['Domain', review.domain_id],
    ['Approvers', (review.approvers ?? []).join(', ')],
    [review.kind === 'contribution' ? 'Contribution' : 'Workflow', review.kind === 'contribution' ? review.subject_id
      : el('span', {}, `${review.context?.workflow_name ?? ''} `, el('a', { href: `/dashboard/domains/workflows/${encodeURIComponent(review.subject_id)}`, text: review.subject_id }))],
    review.step_id && ['Step', review.step_id],
    ['Requested by', review.requested_by ?? '—'],
    ['Opened', ago(review.created_at)],
    review.deadline_at && ['Deadline', el('time', { text: new Date(review.deadline_at).toLocaleString(), attrs: { datetime: review.deadline_at } })],
    ['Id', el('code', { text: review.review_id })],
  ].filter(Boolean);
  return el('dl', { className: 'meta' }, items.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', {}, value)]));
}

/** The workflow's steps this approval depends on, with their outputs. */
function approvalContext(review) {
  const dependencies = Object.entries(review.context?.dependencies ?? {});
  return el('div', { className: 'context' },
    el('h4', { text: 'Steps so far' }),
    dependencies.length === 0 ? el('p', { className: 'empty', text: 'This step depends on no other step.' })
      : el('ol', { className: 'steps' }, dependencies.map(([stepId, step]) => el('li', { className: 'step', attrs: { 'data-step-id': stepId } },
        el('div', { className: 'step-head' }, el('strong', { text: stepId }), ` ${step.domain_id ?? ''}.${step.action ?? ''} `, badge(step.status)),
        el('pre', { className: 'output', text: pretty(step.output) })))));
}

/** The contribution under review: its fields, its content and the versions before it, as the context carries them. */
function contributionContext(contribution) {
  const c = contribution ?? {};
  const fields = Object.entries(c).filter(([name, value]) => name !== 'content' && (value === null || typeof value !== 'object'));
  const nested = Object.entries(c).filter(([name, value]) => name !== 'content' && value !== null && typeof value === 'object');
  return el('div', { className: 'context' },
    el('h4', { text: 'Contribution' }),
    el('dl', { className: 'meta' }, fields.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: String(value) })])),
    el('h4', { text: 'Content' }), el('pre', { className: 'output', text: pretty(c.content) }),
    nested.flatMap(([name, value]) => [el('h4', { text: name === 'history' ? 'History' : name }), el('pre', { className: 'output', text: pretty(value) })]));
}

function pretty(value) { return value === undefined ? '—' : JSON.stringify(value, null, 2); }

// ---- decisions ----

const done = { approve: 'Approved', reject: 'Rejected', correct: 'Corrected' };

async function decide(review, decision, { comment, content, message, card }) {
  const body = {};
  if (comment.value.trim()) body.comment = comment.value.trim();
  if (decision === 'correct') {
    try {
      body.content = JSON.parse(content.value);
    } catch (error) {
      return refuse(message, `The corrected content is not JSON: ${error.message}`, content);
    }
    if (body.content === null || typeof body.content !== 'object' || Array.isArray(body.content)) {
      return refuse(message, 'The corrected content must be a JSON object.', content);
    }
  }
  const buttons = [...card.querySelectorAll('button')];
  const hadFocus = card.contains(document.activeElement); // a button loses focus once disabled
  buttons.forEach(b => { b.disabled = true; });
  message.hidden = true;
  deciding.add(review.review_id);
  try {
    const decided = await (await call(`/domains/reviews/${encodeURIComponent(review.review_id)}/${decision}`, { method: 'POST', body })).json();
    note(`${review.kind === 'contribution' && decision === 'approve' ? 'Accepted' : done[decision]}: ${card.dataset.title} as ${decided.decided_by}${decided.result_id ? `; new version ${decided.result_id}` : ''}.`);
    removeCard(review.review_id, hadFocus);
  } catch (error) {
    buttons.forEach(b => { b.disabled = false; });
    if (error.status === 401) return signOut('Your key is no longer accepted: sign in again.');
    const reason = error.status === 403 ? `Not allowed: ${error.message}`
      : error.status === 409 ? `Already decided: ${error.message}`
      : error.status === 404 ? `Not found: ${error.message}`
      : error.status === 400 ? `Not accepted: ${error.message}`
      : `The decision failed: ${error.message}`;
    refuse(message, reason, comment);
  } finally {
    deciding.delete(review.review_id);
  }
}

function refuse(message, text, focus) {
  message.hidden = false;
  message.textContent = text;
  focus?.focus();
}

// ---- live updates ----

function stopStream() {
  streamAbort?.abort();
  streamAbort = null;
}

/** Follows GET /domains/reviews/stream; reconnects after a failure, waiting twice as long each time (at most 30 s). */
function startStream() {
  stopStream();
  const abort = new AbortController();
  streamAbort = abort;
  (async () => {
    let delay = 1000;
    while (!abort.signal.aborted) {
      try {
        const response = await call(`/domains/reviews/stream${query()}`, { signal: abort.signal, withKey: key() });
        setStatus('Live');
        delay = 1000;
        await readEvents(response.body, (type, data) => { if (type === 'pending') render(JSON.parse(data).reviews); });
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error.status === 401) return signOut('Your key is no longer accepted: sign in again.');
        setStatus(`Live updates interrupted (${error.message}) — retrying in ${Math.round(delay / 1000)} s`, true);
      }
      if (abort.signal.aborted) return;
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
    }
  })();
}

/** Reads server-sent events (event: / data: lines, a blank line ends one) until the stream ends. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) throw new Error('the stream ended');
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(type, data.join('\n'));
    }
  }
}

// ---- start ----

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', () => signOut());
$('filter').addEventListener('submit', event => {
  event.preventDefault();
  const url = new URL(location.href);
  const value = $('domain').value.trim();
  if (value) url.searchParams.set('domain', value); else url.searchParams.delete('domain');
  history.replaceState(null, '', url);
  for (const id of [...cards.keys()]) removeCard(id);
  start(false);
});
start(false);
