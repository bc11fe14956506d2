// The domain views' overview: domains, event flow, workflows and shared memory, refreshed by polling the JSON API.
import { ago, api, badge, cards, duration, el, number, percent, poll, show, table } from './common.js';

const workflowLink = w => el('a', { href: `/dashboard/domains/workflows/${encodeURIComponent(w.workflow_id)}`, text: w.name, title: w.workflow_id });

function renderDomains(list, registry) {
  show('domain-totals', cards([
    ['domains', number(registry.total_domains)],
    ['healthy', number(registry.healthy), 'good'],
    ['unhealthy', number(registry.unhealthy), registry.unhealthy > 0 ? 'bad' : ''],
    ['capabilities', number(registry.capabilities)],
  ]));
  show('domain-table', table([
    { title: 'Domain', value: d => el('span', { className: 'domain-id', text: d.domain_id }) },
    { title: 'Health', value: d => badge(d.status) },
    { title: 'Kind', value: d => d.kind },
    { title: 'Capabilities', value: d => el('span', {}, d.capabilities.map(c => el('span', { className: 'tag', text: c }))) },
    { title: 'Last heartbeat', value: d => ago(d.last_heartbeat_at) },
    { title: 'Heartbeats', value: d => number(d.heartbeat_count), className: 'num' },
  ], list.domains, 'No domain is registered.'));
}

function renderEvents(stats, rates, subscriptions) {
  show('event-totals', cards([
    ['published', number(stats.total_published)],
    ['events/s (last minute)', number(stats.events_per_second)],
    ['subscriptions', number(stats.subscriptions)],
    ['delivered', number(stats.delivered)],
    ['pending (lag)', number(stats.pending), stats.pending > 0 ? 'warn' : ''],
    ['dead letters', number(stats.dead_letters), stats.dead_letters > 0 ? 'bad' : ''],
  ]));
  const fastest = Math.max(1e-9, ...rates.types.map(t => t.per_second));
  show('event-rates', table([
    { title: 'Event type', value: t => el('code', { text: t.event_type }) },
    { title: 'Events/s', value: t => number(t.per_second), className: 'num' },
    { title: '', value: t => el('span', { className: 'bar', style: { width: `${(100 * t.per_second) / fastest}%` } }), className: 'bar-cell' },
    { title: 'Last minute', value: t => number(t.last_minute), className: 'num' },
    { title: 'Total', value: t => number(t.total), className: 'num' },
  ], rates.types, 'No event was published yet.'));
  show('subscriptions', table([
    { title: 'Domain', value: s => s.domain_id },
    { title: 'Pattern', value: s => el('code', { text: s.pattern }) },
    { title: 'Delivered', value: s => number(s.delivered), className: 'num' },
    { title: 'Lag', value: s => el('span', { className: s.pending > 0 ? 'warn-text' : '', text: number(s.pending) }), className: 'num' },
    { title: 'Dead letters', value: s => el('span', { className: s.dead_letters > 0 ? 'bad-text' : '', text: number(s.dead_letters) }), className: 'num' },
    { title: 'Since', value: s => ago(s.created_at) },
  ], subscriptions.subscriptions, 'No domain subscribes to events.'));
}

function workflowTable(workflows, empty) {
  return table([
    { title: 'Workflow', value: workflowLink },
    { title: 'Status', value: w => badge(w.status) },
    { title: 'Steps', value: w => `${w.steps_completed}/${w.steps}`, className: 'num' },
    { title: 'Took', value: w => duration(w.started_at && w.finished_at ? Date.parse(w.finished_at) - Date.parse(w.started_at) : null), className: 'num' },
    { title: 'Created', value: w => ago(w.created_at) },
  ], workflows, empty);
}

function renderWorkflows(stats, active, completed, rolledBack) {
  const by = stats.by_status;
  show('workflow-totals', cards([
    ['workflows', number(stats.total_workflows)],
    ['running', number((by.running ?? 0) + (by.rolling_back ?? 0))],
    ['completed', number(by.completed), 'good'],
    ['rolled back', number(by.rolled_back), by.rolled_back > 0 ? 'warn' : ''],
    ['failed', number(by.failed), by.failed > 0 ? 'bad' : ''],
    ['average duration', duration(stats.average_duration_ms)],
  ]));
  show('wf-running', workflowTable(active, 'Nothing is running.'));
  show('wf-completed', workflowTable(completed.workflows, 'None completed yet.'));
  show('wf-rolled-back', workflowTable(rolledBack.workflows, 'None rolled back.'));
}

function renderMemory(stats, top, confidence) {
  show('memory-totals', cards([
    ['contributions', number(stats.total_contributions)],
    ['contributing domains', number(stats.total_domains)],
    ['verifications', number(stats.total_verifications)],
    ['rejections', number(stats.total_rejections)],
    ['applications', number(stats.total_applications)],
    ['success rate', percent(stats.success_rate)],
    ['average confidence', number(stats.average_confidence)],
  ]));
  show('top-contributors', table([
    { title: 'Domain', value: c => c.domain_id },
    { title: 'Contributions', value: c => number(c.contributions), className: 'num' },
    { title: 'Avg. confidence', value: c => number(c.average_confidence), className: 'num' },
    { title: 'Verified', value: c => number(c.verifications_received), className: 'num' },
    { title: 'Applied OK', value: c => number(c.successful_applications), className: 'num' },
  ], top.contributors, 'Nobody contributed yet.'));
  const most = Math.max(1, ...confidence.buckets.map(b => b.count));
  show('confidence', confidence.total === 0 ? el('p', { className: 'empty', text: 'No contribution yet.' }) :
    el('div', { className: 'histogram', attrs: { role: 'img', 'aria-label': 'contributions per confidence range' } },
      confidence.buckets.map(b => el('div', { className: 'column', title: `${b.count} with confidence ${b.from.toFixed(1)}–${b.to.toFixed(1)}` },
        el('span', { className: 'count', text: b.count }),
        el('span', { className: 'fill', style: { height: `${(100 * b.count) / most}%` } }),
        el('span', { className: 'range', text: b.from.toFixed(1) })))));
}

async function refresh() {
  const [overview, list, rates, subscriptions, completed, rolledBack, top, confidence] = await Promise.all([
    api('/domains/system/overview'),
    api('/domains/list'),
    api('/domains/events/rates'),
    api('/domains/events/subscriptions'),
    api('/domains/workflows/list?status=completed&limit=10'),
    api('/domains/workflows/list?status=rolled_back&limit=10'),
    api('/domains/memory/top-contributors?limit=10'),
    api('/domains/memory/confidence'),
  ]);
  renderDomains(list, overview.registry);
  renderEvents(overview.events, rates, subscriptions);
  renderWorkflows(overview.workflows, overview.active_workflows, completed, rolledBack);
  renderMemory(overview.knowledge, top, confidence);
}

poll(refresh);
