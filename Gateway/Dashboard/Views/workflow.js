// One workflow: its steps with their timings, its audit trail, its proof, and a button that verifies the chain.
import { ApiError, ago, api, badge, duration, el, poll, show, table } from './common.js';

const id = decodeURIComponent(location.pathname.split('/').pop());
const path = `/domains/workflows/${encodeURIComponent(id)}`;
let finished = false;

function renderSteps(workflow) {
  const times = workflow.steps.flatMap(s => [s.started_at, s.completed_at]).filter(Boolean).map(Date.parse);
  const start = workflow.started_at ? Date.parse(workflow.started_at) : Math.min(...times);
  const end = Math.max(start + 1, ...times, workflow.finished_at ? Date.parse(workflow.finished_at) : start + 1);
  const span = end - start;
  show('steps', table([
    { title: 'Step', value: s => el('code', { text: s.step_id }) },
    { title: 'Domain', value: s => s.domain_id },
    { title: 'Action', value: s => s.action },
    { title: 'Depends on', value: s => s.depends_on.join(', ') || '—' },
    { title: 'Status', value: s => badge(s.status) },
    { title: 'Took', value: s => duration(s.started_at && s.completed_at ? Date.parse(s.completed_at) - Date.parse(s.started_at) : null), className: 'num' },
    {
      title: 'Timeline', className: 'timeline-cell',
      value: s => s.started_at ? el('span', {
        className: `timeline timeline-${String(s.status).replace(/[^a-z_]/g, '')}`,
        style: {
          marginLeft: `${(100 * (Date.parse(s.started_at) - start)) / span}%`,
          width: `${Math.max(0.5, (100 * ((s.completed_at ? Date.parse(s.completed_at) : Date.now()) - Date.parse(s.started_at))) / span)}%`,
        },
      }) : '',
    },
    { title: 'Error', value: s => s.error ?? '' },
  ], workflow.steps));
}

function renderAudit(workflow) {
  show('audit', table([
    { title: '#', value: a => a.index, className: 'num' },
    { title: 'Time', value: a => el('time', { text: new Date(a.timestamp).toLocaleTimeString(), title: a.timestamp }) },
    { title: 'Transition', value: a => a.type },
    { title: 'Step', value: a => a.step_id ?? '' },
    { title: 'Detail', value: a => a.detail ?? '' },
    { title: 'Hash', value: a => el('code', { text: a.hash.slice(0, 16), title: a.hash }) },
  ], workflow.audit));
  show('proof', el('dl', {},
    el('dt', { text: 'Head hash' }), el('dd', {}, el('code', { text: workflow.proof.head_hash })),
    el('dt', { text: 'Algorithm' }), el('dd', { text: workflow.proof.algorithm }),
    el('dt', { text: 'Signature' }), el('dd', {}, el('code', { className: 'wrap', text: workflow.proof.signature }))));
}

async function refresh() {
  if (finished) return;
  const workflow = await api(path);
  document.title = `${workflow.name} — Rayswarm workflow`;
  show('title', workflow.name, ' ', badge(workflow.status));
  show('summary', el('p', {},
    el('code', { text: workflow.workflow_id }), ' · created ', ago(workflow.created_at),
    workflow.started_at && workflow.finished_at ? ` · took ${duration(Date.parse(workflow.finished_at) - Date.parse(workflow.started_at))}` : '',
    workflow.error ? el('span', { className: 'bad-text', text: ` · ${workflow.error}` }) : ''));
  renderSteps(workflow);
  renderAudit(workflow);
  // A finished workflow never changes again: stop polling it.
  finished = ['completed', 'rolled_back', 'failed'].includes(workflow.status);
}

async function verify() {
  const button = document.getElementById('verify');
  button.disabled = true;
  show('verification', el('span', { text: 'Verifying…' }));
  try {
    const result = await api(`${path}/verify`);
    show('verification', el('div', { className: `verdict ${result.valid ? 'good' : 'bad'}`, attrs: { 'data-valid': result.valid } },
      el('strong', { text: result.valid ? 'Valid: the audit chain and its signature check out.' : 'Invalid: the audit trail does not check out.' }),
      el('span', { text: ` ${result.entries} entries · chain ${result.chain_valid ? 'valid' : 'broken'} · signature ${result.signature_valid ? 'valid' : 'invalid'}` }),
      result.problems.length ? el('ul', {}, result.problems.map(p => el('li', { text: p }))) : ''));
  } catch (error) {
    show('verification', el('span', { className: 'bad-text', text: error instanceof ApiError ? error.message : String(error) }));
  } finally {
    button.disabled = false;
  }
}

document.getElementById('verify').addEventListener('click', verify);
poll(refresh, 2000);
