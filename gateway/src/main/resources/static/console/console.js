// Firebreak's console: agents' queue and case view, the phone form, and the supervisors' board, served by the
// gateway and calling the same API with the same roles. No build step, no framework: the DOM is built with h()
// (text is never parsed as HTML, so a customer's words cannot inject markup), and every view polls or streams
// what it shows so that it stays current without a reload.

const TEXT = {
  en: {
    queue: 'Queue', newComplaint: 'New complaint', board: 'Board', review: 'Review', signOut: 'Sign out',
    language: '中文', signInTitle: 'Sign in', signInAs: 'Sign in as', pasteToken: 'Bearer token from your identity provider',
    signIn: 'Sign in', standaloneTokens: 'The standalone system issued these tokens (data/tokens.env):',
    signInWith: 'Sign in with {name}', yourProvider: 'your identity provider', orPaste: 'Or paste a token:', oidcFailed: 'Sign-in with {name} did not complete: {why}',
    noTokens: 'Paste a token issued for Firebreak (roles AGENT, SUPERVISOR…).',
    myQueue: 'Mine', department: 'Department', allDepartments: 'All departments', state: 'State', anyState: 'Open',
    complaint: 'Complaint', cls: 'Class', emotion: 'Emotion', owner: 'Owner', due: 'Due', nothingQueued: 'Nothing waiting.',
    updated: 'Updated', overdue: 'overdue', customer: 'Customer', description: 'What happened', messages: 'Messages',
    timeline: 'Timeline', reasons: 'Why this class', clocks: 'Clocks', firstResponse: 'First response',
    resolution: 'Resolution', promises: 'Promises', status: 'Status', caseState: 'Case', handling: 'Handling',
    earlier: 'Earlier complaints', trajectory: 'Emotion over time', acknowledge: 'Acknowledge',
    ackMessage: 'Message to the customer', callbackBy: 'Call back by (optional)', investigate: 'Investigate',
    waitForCustomer: 'Wait for the customer', why: 'Why', resume: 'Resume', note: 'Note', noteText: 'Text',
    internal: 'Internal (not for the customer)', addNote: 'Add note', resolve: 'Resolve', summary: 'Summary',
    rootCause: 'Root cause', followUp: 'Follow-up', satisfied: 'The customer is satisfied', score: 'Score (1–5)',
    comment: 'Comment', record: 'Record', reclassify: 'Reclassify', newClass: 'New class', reason: 'Reason',
    channel: 'Channel', name: 'Name', phone: 'Phone', email: 'E-mail', orderRef: 'Order', remedySought: 'Remedy sought',
    submit: 'Submit', submitted: 'Complaint {id} taken', alerts: 'Alerts', acknowledgeAlert: 'Acknowledge',
    acknowledgedBy: 'Acknowledged by {who}', live: 'live', reconnecting: 'reconnecting…',
    superseded: 'Showing in another window of yours (one person watches in at most {cap} at once).', watchHere: 'Watch here', approvals: 'Proposals awaiting approval',
    approve: 'Approve', nothingToApprove: 'None waiting.', reviewQueue: 'Classes to review', confirm: 'Confirm',
    nothingToReview: 'Nothing to review.', done: 'Done', signedInAs: '{sub} ({roles})', shortcuts: 'Shortcuts',
    shortcutHelp: 'q queue · c new complaint · b board · a acknowledge · n note · r resolve · l language',
    loading: 'Loading…', notFound: 'Not found', refresh: 'Refresh', alsoOpen: 'Also open by {who}',
    changedSince: 'This case changed since you opened it: refresh to act on what it is now.',
    proposal: 'Proposal', propose: 'Propose', step: 'Step', what: 'What', who: 'Who', by: 'By', remedy: 'Remedy', remedyType: 'Type',
    amount: 'Amount', currency: 'Currency', awaitingApproval: 'The proposal waits for a supervisor’s approval.',
    reports: 'Reports', period: 'Last {days} days', classMix: 'Complaints by class', byDepartment: 'Complaints by department',
    slaMet: 'Clocks met', satisfaction: 'Satisfaction (score 1–5)', reopenRate: 'Reopened after resolution, by department',
    rootCauses: 'Root causes', preventionActions: 'Prevention actions', load: 'Open cases by owner', loadByDepartment: 'Open cases by department',
    atRisk: 'at risk', breached: 'breached', open: 'open', noData: 'Nothing in this period.', answered: '{n} answered',
    total: '{n} in all', rising: 'rising', falling: 'falling', flat: 'flat', before: 'before', after: 'after',
    more: 'Show more', shown: '{n} shown',
    tasks: 'Tasks for other departments', task: 'Task to another department', required: 'Required before resolving',
    dueAt: 'Due', claim: 'Claim', complete: 'Complete', decline: 'Decline', declineWhy: 'Why it is declined',
  },
  zh: {
    queue: '工作队列', newComplaint: '登记投诉', board: '监控台', review: '复核', signOut: '退出',
    language: 'English', signInTitle: '登录', signInAs: '登录身份', pasteToken: '身份提供方签发的令牌（Bearer）',
    signIn: '登录', standaloneTokens: '单机版系统签发的令牌（data/tokens.env）：',
    signInWith: '使用 {name} 登录', yourProvider: '身份提供方', orPaste: '或粘贴令牌：', oidcFailed: '使用 {name} 登录未完成：{why}',
    noTokens: '请粘贴为 Firebreak 签发的令牌（角色 AGENT、SUPERVISOR…）。',
    myQueue: '我的', department: '部门', allDepartments: '全部部门', state: '状态', anyState: '未结',
    complaint: '投诉', cls: '类别', emotion: '情绪', owner: '负责人', due: '时限', nothingQueued: '暂无待办。',
    updated: '更新于', overdue: '已超时', customer: '客户', description: '投诉内容', messages: '消息',
    timeline: '处理经过', reasons: '分类依据', clocks: '时限', firstResponse: '首次响应',
    resolution: '解决', promises: '承诺', status: '状态', caseState: '案件', handling: '特别处理',
    earlier: '历史投诉', trajectory: '情绪变化', acknowledge: '受理',
    ackMessage: '给客户的回复', callbackBy: '回电时间（可选）', investigate: '调查',
    waitForCustomer: '等待客户', why: '原因', resume: '继续处理', note: '备注', noteText: '内容',
    internal: '内部备注（客户不可见）', addNote: '添加备注', resolve: '解决', summary: '处理结果',
    rootCause: '根本原因', followUp: '回访', satisfied: '客户满意', score: '评分（1–5）',
    comment: '客户意见', record: '记录', reclassify: '调整类别', newClass: '新类别', reason: '理由',
    channel: '渠道', name: '姓名', phone: '电话', email: '电子邮件', orderRef: '订单号', remedySought: '客户诉求',
    submit: '提交', submitted: '已登记投诉 {id}', alerts: '预警', acknowledgeAlert: '确认',
    acknowledgedBy: '已由 {who} 确认', live: '实时', reconnecting: '重新连接中…',
    superseded: '已在您的另一个窗口中显示（每人最多同时在 {cap} 处查看）。', watchHere: '在此查看', approvals: '待审批的方案',
    approve: '批准', nothingToApprove: '暂无待审批。', reviewQueue: '待复核的分类', confirm: '确认',
    nothingToReview: '暂无待复核。', done: '完成', signedInAs: '{sub}（{roles}）', shortcuts: '快捷键',
    shortcutHelp: 'q 队列 · c 登记 · b 监控台 · a 受理 · n 备注 · r 解决 · l 语言',
    loading: '加载中…', notFound: '未找到', refresh: '刷新', alsoOpen: '{who} 也在查看此案件',
    changedSince: '您打开后，此案件已有变化：请刷新后按现状处理。',
    proposal: '解决方案', propose: '提出解决方案', step: '步骤', what: '做什么', who: '由谁', by: '完成时间', remedy: '补救', remedyType: '类型',
    amount: '金额', currency: '币种', awaitingApproval: '方案正等待主管批准。',
    reports: '报表', period: '近 {days} 天', classMix: '各类别投诉', byDepartment: '各部门投诉',
    slaMet: '时限达成', satisfaction: '满意度（1–5 分）', reopenRate: '解决后重开率（按部门）',
    rootCauses: '根本原因', preventionActions: '预防措施', load: '未结案件（按负责人）', loadByDepartment: '未结案件（按部门）',
    atRisk: '临近超时', breached: '已超时', open: '未结', noData: '此期间暂无数据。', answered: '{n} 份回复',
    total: '共 {n} 件', rising: '上升', falling: '下降', flat: '持平', before: '之前', after: '之后',
    more: '显示更多', shown: '已显示 {n} 件',
    tasks: '协同任务', task: '派任务给其他部门', required: '解决前必须完成',
    dueAt: '时限', claim: '认领', complete: '完成', decline: '退回', declineWhy: '退回理由',
  },
};
const CLASSES = ['ORDINARY', 'DIFFICULT', 'ESCALATED', 'MAJOR'];
const REMEDIES = ['APOLOGY', 'EXPLANATION', 'REPAIR', 'REPLACEMENT', 'REFUND', 'COMPENSATION', 'GOODWILL_GESTURE'];
const CHANNELS = ['PHONE', 'EMAIL', 'WEB_FORM', 'CHAT', 'LETTER', 'IN_PERSON', 'SOCIAL_MEDIA'];

let lang = localStorage.getItem('firebreak.lang') || ((navigator.language || 'en').startsWith('zh') ? 'zh' : 'en');
const t = (key, values = {}) =>
  (TEXT[lang][key] || TEXT.en[key] || key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');

/** An element with attributes (on… are listeners) and children (strings become text, never HTML). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// ---- The session: the bearer token lives in this tab's sessionStorage (this origin only) ----

const session = {
  get token() { return sessionStorage.getItem('firebreak.token'); },
  set token(value) { value ? sessionStorage.setItem('firebreak.token', value) : sessionStorage.removeItem('firebreak.token'); },
  /** The token's claims, for what the page shows and offers: the services decide what is allowed. */
  get claims() {
    try {
      const part = this.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0))));
    } catch { return null; }
  },
  has(role) {
    const roles = this.claims?.roles || [];
    return roles.includes(role) || (role === 'AGENT' && roles.includes('SUPERVISOR'));
  },
};

/** A problem+json answer as an error: its title, detail and field errors shown where the action was. */
class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function api(method, path, body, extraHeaders = {}) {
  const headers = { Authorization: `Bearer ${session.token}`, 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    session.token = null;
    location.hash = '#/sign-in';
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
  if (!response.ok) throw new Problem(response.status, data);
  return data;
}

const get = path => api('GET', path);
const post = (path, body = {}, headers = {}) => api('POST', path, body, headers);

function problemView(error) {
  const errors = error.body?.errors || [];
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, error.body?.title || t('notFound')), ' ', error.message === error.body?.title ? '' : error.message,
    errors.length ? h('ul', {}, errors.map(e => h('li', {}, `${e.field || e.name || ''}: ${e.reason || e.message || ''}`))) : null);
}

function toast(message) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { status.hidden = true; }, 2500);
}

// ---- Formatting ----

const when = instant => instant ? new Date(instant).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '';

/** Time left until {@code instant} (negative: overdue), as "2 h 05 min" or "overdue 12 min". */
function countdown(instant) {
  if (!instant) return h('span', { class: 'muted' }, '—');
  const ms = new Date(instant).getTime() - Date.now();
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const seconds = Math.floor(Math.abs(ms) / 1000) % 60;
  const text = minutes >= 60 * 24 ? `${Math.floor(minutes / 1440)} d ${Math.floor(minutes / 60) % 24} h`
    : minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
    : `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return h('time', { class: ms < 0 ? 'due late' : 'due', datetime: instant, 'data-due': instant },
    ms < 0 ? `${t('overdue')} ${text}` : text);
}

/** Keeps every countdown on the page ticking. */
setInterval(() => document.querySelectorAll('time[data-due]').forEach(el => el.replaceWith(countdown(el.dataset.due))), 1000);

const badge = value => value ? h('span', { class: `badge ${value}` }, value) : '';

// ---- Views: each renders into main and returns what stops its timers and streams ----

const main = () => document.getElementById('main');

function render(...nodes) {
  main().replaceChildren(...nodes);
}

function every(ms, task) {
  task();
  const timer = setInterval(task, ms);
  return () => clearInterval(timer);
}

/** Up to {@code count} pages of a cursor-paged list, as one: its items, and the cursor after the last page read. */
async function pagesOf(path, count) {
  const items = [];
  let next = null;
  for (let page = 0; page < count; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await get(next ? `${path}${separator}cursor=${encodeURIComponent(next)}` : path);
    items.push(...answer.items);
    next = answer.next;
    if (!next) break;
  }
  return { items, next };
}

const useToken = token => { session.token = token; location.hash = session.has('SUPERVISOR') ? '#/board' : '#/queue'; };

async function signInView() {
  const paste = h('form', { class: 'card', onsubmit: e => { e.preventDefault(); useToken(e.target.token.value.trim()); } },
    h('label', { for: 'token' }, t('pasteToken')),
    h('textarea', { id: 'token', name: 'token', required: true, autocomplete: 'off' }),
    h('p', {}, h('button', { type: 'submit' }, t('signIn'))));
  const failure = oidc.failure;
  oidc.failure = null;
  render(h('h1', {}, t('signInTitle')), failure ? h('div', { class: 'error', role: 'alert', id: 'sign-in-error' }, failure) : '',
    h('p', { class: 'muted' }, t('noTokens')), paste);
  try {
    const offered = await fetch('/console/sign-in').then(r => (r.ok ? r.json() : { tokens: [] }));
    if (offered.oidc) {
      main().insertBefore(h('div', { class: 'card' }, h('button', { type: 'button', id: 'sign-in-oidc',
        onclick: () => oidc.start(offered.oidc) }, t('signInWith', { name: offered.oidc.name })),
        h('p', { class: 'muted' }, t('orPaste'))), paste);
    }
    if (offered.tokens?.length) {
      main().insertBefore(h('div', { class: 'card' }, h('p', {}, t('standaloneTokens')),
        h('div', { class: 'roles' }, offered.tokens.map(o =>
          h('button', { type: 'button', 'data-role': o.role, onclick: () => useToken(o.token) }, `${t('signInAs')} ${o.role}`)))),
      paste);
    }
  } catch { /* no picker: paste a token */ }
}

/**
 * Sign-in with the identity provider: the authorization code flow with PKCE for a public client (RFC 7636). The
 * verifier and the state wait in this tab's sessionStorage while the browser is at the provider; the code that comes
 * back is exchanged for the access token, which is kept as a pasted one is. The address is cleaned of the code at once.
 */
const oidc = {
  failure: null,
  random(bytes) {
    return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
  },
  async start(provider) {
    const verifier = this.random(32);
    const state = this.random(16);
    const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
    sessionStorage.setItem('firebreak.oidc', JSON.stringify({ verifier, state, provider }));
    const url = new URL(provider.authorizationEndpoint);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri(), scope: provider.scope,
      state, code_challenge: challenge, code_challenge_method: 'S256',
    });
    location.assign(url);
  },
  /** Finishes a sign-in the provider sent the browser back from; true when it signed someone in. */
  async finish() {
    const params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('error')) return false;
    const pending = JSON.parse(sessionStorage.getItem('firebreak.oidc') || 'null');
    sessionStorage.removeItem('firebreak.oidc');
    history.replaceState(null, '', redirectUri() + '#/sign-in');
    const name = pending?.provider?.name || t('yourProvider');
    try {
      if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
      if (!pending || params.get('state') !== pending.state) throw new Error('the answer is not for this tab (state)');
      const response = await fetch(pending.provider.tokenEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
          client_id: pending.provider.clientId, code_verifier: pending.verifier,
        }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok || !answer.access_token) throw new Error(answer.error_description || answer.error || `HTTP ${response.status}`);
      useToken(answer.access_token);
      return true;
    } catch (error) {
      this.failure = t('oidcFailed', { name, why: error.message });
      return false;
    }
  },
};

/** Where the provider sends the browser back: the console's own address, without query or fragment. */
const redirectUri = () => location.origin + location.pathname;

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function queueView() {
  const filters = { mine: false, department: '' };
  // The first page is the 100 nearest due; "Show more" follows the cursor, and the refresh keeps as many pages.
  let pages = 1;
  const table = h('div', { 'aria-live': 'polite' }, t('loading'));
  const departments = new Set(session.claims?.departments?.filter(d => d !== '*') || []);
  const departmentSelect = h('select', { id: 'department', onchange: e => { filters.department = e.target.value; load(); } },
    h('option', { value: '' }, t('allDepartments')));
  const stamp = h('span', { class: 'muted' });
  render(h('h1', {}, t('queue')),
    h('div', { class: 'row' },
      h('label', {}, h('input', { type: 'checkbox', id: 'mine', onchange: e => { filters.mine = e.target.checked; load(); } }), ' ', t('myQueue')),
      h('div', {}, h('label', { for: 'department' }, t('department')), departmentSelect),
      stamp),
    table);

  async function load() {
    const query = new URLSearchParams({ limit: '100' });
    if (filters.mine) query.set('owner', session.claims?.sub || '');
    if (filters.department) query.set('department', filters.department);
    try {
      const [cases, complaints] = await Promise.all([pagesOf(`/api/v1/cases?${query}`, pages), get('/api/v1/complaints?limit=100')]);
      const files = new Map(complaints.items.map(c => [c.id, c]));
      const open = cases.items.filter(c => c.state !== 'RESOLVED');
      for (const c of cases.items) {
        if (c.department && !departments.has(c.department)) {
          departments.add(c.department);
          departmentSelect.append(h('option', { value: c.department }, c.department));
        }
      }
      stamp.textContent = `${t('updated')} ${new Date().toLocaleTimeString()}`;
      if (!open.length) { table.replaceChildren(h('p', {}, t('nothingQueued'))); return; }
      table.replaceChildren(h('table', { id: 'queue' },
        h('thead', {}, h('tr', {}, [t('complaint'), t('cls'), t('emotion'), t('owner'), t('caseState'), t('due')].map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, open.map(c => {
          const file = files.get(c.complaintId);
          return h('tr', { class: c.breached?.length ? 'breached' : c.warned?.length ? 'warned' : '', 'data-id': c.complaintId },
            h('td', {}, h('a', { href: `#/cases/${c.complaintId}` }, c.complaintId), file ? h('div', { class: 'muted' }, (file.description || '').slice(0, 80)) : ''),
            h('td', {}, badge(c.complaintClass)),
            h('td', {}, badge(file?.emotionNow || file?.emotion)),
            h('td', {}, c.owner || c.department),
            h('td', {}, c.state),
            h('td', {}, countdown(c.queueDue)));
        }))),
        h('p', { class: 'row' }, h('span', { class: 'muted' }, t('shown', { n: open.length })),
          cases.next ? h('button', { type: 'button', class: 'secondary', id: 'more', onclick: () => { pages++; load(); } }, t('more')) : ''));
    } catch (error) {
      table.replaceChildren(problemView(error));
    }
  }
  return every(3000, load);
}

function caseView(id) {
  const info = h('div', {}, t('loading'));
  const actions = h('div', {});
  const others = h('p', { id: 'viewers', class: 'muted', 'aria-live': 'polite' });
  const changed = h('div', { id: 'changed', class: 'error', role: 'alert', hidden: true });
  let shown = null;
  let latest = null;
  render(h('h1', {}, `${t('complaint')} ${id}`), others, changed, h('div', { class: 'grid' }, info, actions));

  // One thing at a time: a read of the case and a drawing of its forms never interleave (a slow read finishing
  // after a newer one, or a drawing from an older read finishing last, left forms that no longer matched the case).
  let queue = Promise.resolve();
  const serially = task => () => (queue = queue.then(task, task));

  // The forms are drawn for the case as it is when they are drawn (its tag goes with every action as If-Match):
  // redrawn after one's own action or on "Refresh", never under someone's typing.
  async function drawForms() {
    if (!latest) return;
    const { file, kase } = latest;
    actions.dataset.etag = kase?.etag || '';
    actions.dataset.status = file.status;
    changed.hidden = true;
    actions.replaceChildren(...(await caseActions(file, kase, refresh, refreshOffer)));
  }

  async function read() {
    let file, kase;
    try {
      [file, kase] = await Promise.all([get(`/api/v1/complaints/${id}`), get(`/api/v1/cases/${id}`).catch(() => null)]);
    } catch (error) {
      info.replaceChildren(problemView(error));
      return;
    }
    latest = { file, kase };
    // What changed shows: two events of one moment (a follow-up recorded and the complaint closed) share an
    // updatedAt, so the status and the timeline's length count too.
    const version = `${file.updatedAt}|${file.status}|${file.timeline?.length}|${kase?.etag}`;
    if (version === shown) return;
    const first = shown === null;
    shown = version;
    info.replaceChildren(...caseFile(file, kase).filter(Boolean));
    // Drawn anew when the case first exists, or when the complaint's status catches up with the case (intake hears
    // of a resolution a moment after it): neither is someone else's change.
    // A resolved case is written again after the resolution (its clocks, the follow-up's schedule) with no one's form
    // at stake: when the complaint's status catches up, its forms (the follow-up) are drawn all the same.
    const settled = kase?.state === 'RESOLVED';
    if (first || (!actions.dataset.etag && kase)
        || ((kase?.etag === actions.dataset.etag || settled) && file.status !== actions.dataset.status)) {
      await drawForms();
    } else if (kase && kase.etag !== actions.dataset.etag) {
      changed.replaceChildren(t('changedSince'), ' ', refreshOffer());
      changed.hidden = false;
    }
  }
  // The periodic read waits its turn but never queues behind one of its own still waiting.
  let reading = null;
  const load = () => reading || (reading = serially(read)().finally(() => { reading = null; }));
  const refresh = serially(async () => { await read(); await drawForms(); });
  const refreshOffer = () => h('button', { type: 'button', class: 'secondary refresh', onclick: refresh }, t('refresh'));

  const stopLoading = every(3000, load);
  const stopViewing = every(5000, async () => {
    try {
      const viewing = await post(`/console/cases/${id}/viewers`);
      others.textContent = viewing.others.length ? t('alsoOpen', { who: viewing.others.join(', ') }) : '';
    } catch { others.textContent = ''; }
  });
  return () => { stopLoading(); stopViewing(); };
}

function caseFile(file, kase) {
  const cls = file.classification;
  const handling = file.customer?.handling;
  return [
    h('section', { class: 'card', 'aria-labelledby': 'h-customer' },
      h('h2', { id: 'h-customer' }, t('customer')),
      h('dl', {},
        h('dt', {}, t('status')), h('dd', { id: 'status-value' }, file.status, kase ? ` · ${kase.state}` : ''),
        h('dt', {}, t('customer')), h('dd', {}, file.customer?.contact || '—'),
        h('dt', {}, t('channel')), h('dd', {}, file.channel),
        h('dt', {}, t('emotion')), h('dd', {}, badge(file.emotionNow || file.emotion), ' ', (file.emotionSignals || []).join(', ')),
        handling ? [h('dt', {}, t('handling')), h('dd', {}, handling.reason)] : null,
        h('dt', {}, t('orderRef')), h('dd', {}, file.orderRef || '—'),
        h('dt', {}, t('remedySought')), h('dd', {}, file.remedySought || '—')),
      h('h2', {}, t('description')), h('p', { id: 'description' }, file.description),
      file.earlierComplaints?.length ? [h('h2', {}, t('earlier')), h('ul', {}, file.earlierComplaints.map(e =>
        h('li', {}, h('a', { href: `#/cases/${e.id}` }, e.id), ` ${e.subject || ''} · ${e.status}${e.sameMatter ? ' ↺' : ''}`)))] : null,
      file.trajectory?.length > 1 ? [h('h2', {}, t('trajectory')), h('p', {}, file.trajectory.map(p => p.level).join(' → '))] : null),
    h('section', { class: 'card', 'aria-labelledby': 'h-class' },
      h('h2', { id: 'h-class' }, t('cls'), ' ', badge(cls?.complaintClass)),
      h('ul', { id: 'reasons' }, (cls?.reasons || []).map(r => h('li', {}, (lang === 'zh' ? r.zh : r.en) || r.rule, r.evidence ? h('span', { class: 'muted' }, ` “${r.evidence}”`) : ''))),
      h('dl', {},
        h('dt', {}, t('owner')), h('dd', { id: 'owner' }, file.owner?.owner || file.owner?.primaryDepartment || '—',
          file.owner?.secondaryDepartments?.length ? h('span', { class: 'muted' }, ` + ${file.owner.secondaryDepartments.join(', ')}`) : ''),
        h('dt', {}, t('firstResponse')), h('dd', {}, kase?.acknowledgement ? when(kase.acknowledgement.at) : countdown(file.sla?.firstResponseDue)),
        h('dt', {}, t('resolution')), h('dd', {}, kase?.resolution ? when(kase.resolution.at) : countdown(file.sla?.resolutionDue)))),
    kase?.proposal ? h('section', { class: 'card', id: 'proposal' }, h('h2', {}, t('proposal'), ' ', h('span', { class: 'badge' }, kase.proposal.status)),
      h('ol', {}, (kase.proposal.steps || []).map(s => h('li', {}, `${s.what} · ${s.who} · ${when(s.by)}`))),
      h('p', {}, (kase.proposal.remedies || []).map(r => `${r.type}${r.amount ? ` ${r.amount} ${r.currency || ''}` : ''}`).join(', ')),
      kase.proposal.status === 'AWAITING_APPROVAL' ? h('p', { class: 'muted' }, t('awaitingApproval')) : null) : null,
    kase?.promises?.length ? h('section', { class: 'card' }, h('h2', {}, t('promises')),
      h('ul', {}, kase.promises.map(p => h('li', {}, `${p.id} ${p.what || p.kind} · ${p.status} · `, countdown(p.dueAt))))) : null,
    h('section', { class: 'card', 'aria-labelledby': 'h-timeline' },
      h('h2', { id: 'h-timeline' }, t('timeline')),
      h('ol', { class: 'timeline', id: 'timeline' }, [...(file.timeline || [])].reverse().map(e =>
        h('li', {}, h('time', { datetime: e.at }, when(e.at)), ' ', e.summary || e.type)))),
  ];
}

/**
 * The actions the case's state allows, each a form whose errors are shown under it; a refusal because the case
 * changed meanwhile (412) offers the refresh.
 */
async function caseActions(file, kase, reload, refreshOffer) {
  const id = file.id;
  const forms = [];
  const ifMatch = kase?.etag ? { 'If-Match': `"${kase.etag}"` } : {};
  const act = (path, body = {}) => post(`/api/v1/cases/${id}/${path}`, body, ifMatch);
  const action = (key, fields, send, attrs = {}) => {
    const error = h('div', {});
    const form = h('form', { class: 'action', id: `action-${key}`, ...attrs, onsubmit: async e => {
      e.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      error.replaceChildren();
      try {
        await send(new FormData(form));
        toast(`${t(key)} · ${t('done')}`);
        form.reset();
        await reload();
      } catch (problem) {
        error.replaceChildren(problemView(problem), problem.status === 412 ? refreshOffer() : '');
      } finally {
        button.disabled = false;
      }
    } }, h('h2', {}, t(key)), fields, error, h('button', { type: 'submit' }, t(key === 'note' ? 'addNote' : key)));
    forms.push(form);
  };
  const field = (name, label, input) => [h('label', { for: `${name}` }, label), input];
  const text = (name, required = false) => h('textarea', { id: name, name, required });
  const state = kase?.state;

  if (state === 'ASSIGNED' || state === 'REOPENED') {
    action('acknowledge', [field('ackMessage', t('ackMessage'), text('ackMessage', true)),
      field('callbackBy', t('callbackBy'), h('input', { type: 'datetime-local', id: 'callbackBy', name: 'callbackBy' }))],
      data => act('acknowledge', {
        message: data.get('ackMessage'),
        callbackBy: data.get('callbackBy') ? new Date(data.get('callbackBy')).toISOString() : undefined,
      }));
  }
  if (['ACKNOWLEDGED', 'INVESTIGATING', 'PENDING_CUSTOMER', 'PROPOSED'].includes(state)) {
    if (state === 'ACKNOWLEDGED') action('investigate', [], () => act('investigate'));
    if (state === 'INVESTIGATING' && kase.proposal?.status !== 'AWAITING_APPROVAL') {
      // Numbered steps (who does what by when) and the remedies; money above a limit waits for a supervisor.
      const stepRow = n => h('fieldset', { class: 'step' }, h('legend', {}, `${t('step')} ${n}`),
        field(`stepWhat${n}`, t('what'), h('input', { type: 'text', id: `stepWhat${n}`, name: `stepWhat${n}`, required: n === 1 })),
        field(`stepWho${n}`, t('who'), h('input', { type: 'text', id: `stepWho${n}`, name: `stepWho${n}`, required: n === 1 })),
        field(`stepBy${n}`, t('by'), h('input', { type: 'datetime-local', id: `stepBy${n}`, name: `stepBy${n}`, required: n === 1 })));
      const remedyRow = n => h('fieldset', { class: 'remedy' }, h('legend', {}, `${t('remedy')} ${n}`),
        field(`remedyType${n}`, t('remedyType'), h('select', { id: `remedyType${n}`, name: `remedyType${n}`, required: n === 1 },
          n === 1 ? null : h('option', { value: '' }, '—'), REMEDIES.map(r => h('option', { value: r }, r)))),
        field(`remedyAmount${n}`, t('amount'), h('input', { type: 'number', min: '0', step: '0.01', id: `remedyAmount${n}`, name: `remedyAmount${n}` })),
        field(`remedyCurrency${n}`, t('currency'), h('select', { id: `remedyCurrency${n}`, name: `remedyCurrency${n}` }, ['CNY', 'USD', 'EUR'].map(c => h('option', { value: c }, c)))));
      action('propose', [stepRow(1), stepRow(2), stepRow(3), remedyRow(1), remedyRow(2)], data => {
        const steps = [1, 2, 3].filter(n => data.get(`stepWhat${n}`)).map(n => ({
          what: data.get(`stepWhat${n}`), who: data.get(`stepWho${n}`),
          by: data.get(`stepBy${n}`) ? new Date(data.get(`stepBy${n}`)).toISOString() : undefined,
        }));
        const remedies = [1, 2].filter(n => data.get(`remedyType${n}`)).map(n => data.get(`remedyAmount${n}`)
          ? { type: data.get(`remedyType${n}`), amount: data.get(`remedyAmount${n}`), currency: data.get(`remedyCurrency${n}`) }
          : { type: data.get(`remedyType${n}`) });
        return act('proposal', { steps, remedies });
      });
    }
    if (state === 'PENDING_CUSTOMER') action('resume', [], () => act('resume'));
    else action('waitForCustomer', field('waitWhy', t('why'), text('waitWhy', true)),
      data => act('wait-for-customer', { reason: data.get('waitWhy') }));
    let rootCauses = [];
    try { rootCauses = (await get('/api/v1/root-causes')).items || []; } catch { /* shown on submit */ }
    action('resolve', [field('summary', t('summary'), text('summary', true)),
      field('rootCause', t('rootCause'), h('select', { id: 'rootCause', name: 'rootCause', required: true },
        h('option', { value: '' }, '—'), rootCauses.map(r => h('option', { value: r.code }, `${r.code} · ${lang === 'zh' ? r.zh : r.en}`))))],
      data => act('resolve', { summary: data.get('summary'), rootCause: data.get('rootCause') }));
  }
  if (kase && state !== 'RESOLVED') {
    // Another department's part (协同): its tasks with what each may do now, and a form to give one.
    const taskError = h('div', {});
    const taskAct = async (path, body) => {
      taskError.replaceChildren();
      try { await act(path, body); toast(t('done')); await reload(); }
      catch (problem) { taskError.replaceChildren(problemView(problem), problem.status === 412 ? refreshOffer() : ''); }
    };
    if (kase.tasks?.length) {
      forms.push(h('section', { id: 'tasks' }, h('h2', {}, t('tasks')), h('ul', {}, kase.tasks.map(task => h('li', { 'data-task': task.id },
        `${task.id} · ${task.department}${task.owner ? ` · ${task.owner}` : ''} · ${task.what} · `, badge(task.status),
        task.required ? ` · ${t('required')}` : '', ' ', task.status === 'OPEN' ? [countdown(task.dueAt), ' ',
          !task.owner ? h('button', { type: 'button', class: 'link', onclick: () => taskAct(`tasks/${task.id}/claim`) }, t('claim')) : null,
          h('button', { type: 'button', class: 'link', onclick: () => taskAct(`tasks/${task.id}/complete`, {}) }, t('complete')),
          h('button', { type: 'button', class: 'link', onclick: () => {
            const reason = window.prompt(t('declineWhy'));
            if (reason) taskAct(`tasks/${task.id}/decline`, { reason });
          } }, t('decline'))] : null))), taskError));
    }
    action('task', [field('taskDepartment', t('department'), h('input', { type: 'text', id: 'taskDepartment', name: 'taskDepartment', required: true,
        list: 'departments', autocomplete: 'off' }),
        h('datalist', { id: 'departments' }, ['BILLING', 'LOGISTICS', 'PRODUCT_QUALITY', 'AFTER_SALES', 'TECH_SUPPORT', 'MARKETPLACE',
          'CUSTOMER_SERVICE', 'PUBLIC_RELATIONS'].map(d => h('option', { value: d })))),
      field('taskWhat', t('what'), text('taskWhat', true)),
      field('taskDue', t('dueAt'), h('input', { type: 'datetime-local', id: 'taskDue', name: 'taskDue', required: true })),
      h('label', {}, h('input', { type: 'checkbox', name: 'taskRequired', checked: true }), ' ', t('required'))],
      data => act('tasks', { department: data.get('taskDepartment').trim().toUpperCase(), what: data.get('taskWhat'),
        dueAt: new Date(data.get('taskDue')).toISOString(), required: data.get('taskRequired') === 'on' }));
    action('note', [field('noteText', t('noteText'), text('noteText', true)),
      h('label', {}, h('input', { type: 'checkbox', name: 'internal', checked: true }), ' ', t('internal'))],
      data => act('notes', { text: data.get('noteText'), internal: data.get('internal') === 'on' }));
  }
  if (file.status === 'RESOLVED') {
    action('followUp', [h('label', {}, h('input', { type: 'checkbox', id: 'satisfied', name: 'satisfied' }), ' ', t('satisfied')),
      field('score', t('score'), h('select', { id: 'score', name: 'score' }, [5, 4, 3, 2, 1].map(n => h('option', { value: n }, n)))),
      field('fuComment', t('comment'), text('fuComment'))],
      data => post(`/api/v1/complaints/${id}/follow-up`, {
        satisfied: data.get('satisfied') === 'on', score: Number(data.get('score')), comment: data.get('fuComment') || undefined,
      }));
  }
  if (!['CLOSED'].includes(file.status)) {
    action('reclassify', [field('newClass', t('newClass'), h('select', { id: 'newClass', name: 'newClass', required: true },
      CLASSES.filter(c => c !== file.classification?.complaintClass).map(c => h('option', { value: c }, c)))),
      field('reclassifyReason', t('reason'), text('reclassifyReason', true))],
      data => post(`/api/v1/triage/${id}/reclassify`, { complaintClass: data.get('newClass'), reason: data.get('reclassifyReason') }));
  }
  return [h('section', { class: 'card', 'aria-label': 'Actions' }, forms,
    h('p', { class: 'muted' }, h('kbd', {}, '?'), ' ', t('shortcutHelp')))];
}

function newComplaintView() {
  const error = h('div', {});
  const field = (name, label, input) => [h('label', { for: name }, label), input];
  const form = h('form', { class: 'card', id: 'new-complaint', onsubmit: async e => {
    e.preventDefault();
    const data = new FormData(form);
    const value = name => (data.get(name) || '').trim() || undefined;
    error.replaceChildren();
    try {
      const created = await post('/api/v1/complaints', {
        channel: value('channel'),
        customer: { name: value('name'), phone: value('phone'), email: value('email') },
        description: value('description'), orderRef: value('orderRef'), remedySought: value('remedySought'),
      });
      toast(t('submitted', { id: created.id }));
      location.hash = `#/cases/${created.id}`;
    } catch (problem) {
      error.replaceChildren(problemView(problem));
    }
  } },
  field('channel', t('channel'), h('select', { id: 'channel', name: 'channel' }, CHANNELS.map(c => h('option', { value: c }, c)))),
  field('name', t('name'), h('input', { type: 'text', id: 'name', name: 'name', autocomplete: 'off' })),
  field('phone', t('phone'), h('input', { type: 'tel', id: 'phone', name: 'phone', autocomplete: 'off' })),
  field('email', t('email'), h('input', { type: 'email', id: 'email', name: 'email', autocomplete: 'off' })),
  field('description', t('description'), h('textarea', { id: 'description', name: 'description', required: true })),
  field('orderRef', t('orderRef'), h('input', { type: 'text', id: 'orderRef', name: 'orderRef' })),
  field('remedySought', t('remedySought'), h('input', { type: 'text', id: 'remedySought', name: 'remedySought' })),
  error, h('p', {}, h('button', { type: 'submit' }, t('submit'))));
  render(h('h1', {}, t('newComplaint')), form);
  document.getElementById('description').focus();
}

function boardView() {
  const list = h('ul', { id: 'alerts', class: 'timeline' });
  const liveness = h('span', { class: 'muted', id: 'alerts-live' }, t('reconnecting'));
  const approvals = h('div', {}, t('loading'));
  render(h('h1', {}, t('board')),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, h('h2', {}, t('alerts'), ' ', liveness), list),
      h('section', { class: 'card' }, h('h2', {}, t('approvals')), approvals)));
  const shown = new Set();

  const show = (alert, fresh) => {
    if (shown.has(alert.id)) return;
    shown.add(alert.id);
    const ack = h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try { await post(`/api/v1/alerts/${alert.id}/acknowledge`); ack.replaceWith(t('acknowledgedBy', { who: session.claims?.sub })); }
      catch (problem) { ack.after(problemView(problem)); }
    } }, t('acknowledgeAlert'));
    const item = h('li', { class: fresh ? 'alert-new' : '', 'data-complaint': alert.complaintId, 'data-kind': alert.kind },
      h('time', { datetime: alert.createdAt }, when(alert.createdAt)), ' ', badge(alert.class), ' ', alert.kind, ' · ',
      h('a', { href: `#/cases/${alert.complaintId}` }, alert.complaintId), ' ',
      lang === 'zh' ? alert.summaryZh || alert.summary : alert.summary, ' ',
      alert.acknowledgedBy ? t('acknowledgedBy', { who: alert.acknowledgedBy }) : ack);
    fresh ? list.prepend(item) : list.append(item);
  };

  // The stream (server-sent events over fetch, which can carry the bearer token), resumed after a drop. When the
  // same person opens more boards than the gateway lets one caller hold, the oldest is told so ('superseded') and
  // waits for a click rather than taking the place back.
  const aborter = new AbortController();
  (async function stream() {
    while (!aborter.signal.aborted) {
      try {
        const recent = await get('/api/v1/alerts?limit=50');
        recent.items.forEach(a => show(a, false));
        const response = await fetch('/api/v1/alerts/stream', {
          headers: { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' }, signal: aborter.signal });
        if (!response.ok) throw new Problem(response.status, null);
        liveness.textContent = `● ${t('live')}`;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const lines = buffer.slice(0, end).split('\n');
            buffer = buffer.slice(end + 2);
            const name = (lines.find(l => l.startsWith('event:')) || 'event:alert').slice(6).trim();
            const data = lines.filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
            if (!data) continue; // a comment or keep-alive
            let payload;
            try { payload = JSON.parse(data); } catch { continue; }
            if (name === 'superseded') {
              liveness.replaceChildren(t('superseded', { cap: payload.cap }), ' ',
                h('button', { type: 'button', class: 'secondary', id: 'watch-here', onclick: () => stream() }, t('watchHere')));
              return;
            }
            show(payload, true);
          }
        }
      } catch (error) {
        if (aborter.signal.aborted) return;
      }
      liveness.textContent = t('reconnecting');
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  })();

  const stopApprovals = every(3000, async () => {
    try {
      // A proposal waits for approval while its case is being investigated.
      const cases = await get('/api/v1/cases?state=INVESTIGATING&limit=100');
      const waiting = cases.items.filter(c => c.proposal?.status === 'AWAITING_APPROVAL');
      approvals.replaceChildren(waiting.length ? h('ul', { id: 'approvals' }, waiting.map(c => h('li', { 'data-complaint': c.complaintId },
        h('a', { href: `#/cases/${c.complaintId}` }, c.complaintId), ' ', badge(c.complaintClass), ' ',
        (c.proposal.remedies || []).map(r => `${r.type}${r.amount ? ` ${r.amount} ${r.currency || ''}` : ''}`).join(', '), ' ',
        h('button', { type: 'button', onclick: async e => {
          try { await post(`/api/v1/cases/${c.complaintId}/proposal/approve`); e.target.replaceWith(t('done')); }
          catch (problem) { e.target.after(problemView(problem)); }
        } }, t('approve'))))) : h('p', {}, t('nothingToApprove')));
    } catch (problem) {
      approvals.replaceChildren(problemView(problem));
    }
  });
  return () => { aborter.abort(); stopApprovals(); };
}

function reviewView() {
  const list = h('div', {}, t('loading'));
  render(h('h1', {}, t('reviewQueue')), list);
  return every(5000, async () => {
    try {
      const page = await get('/api/v1/triage/review?limit=50');
      list.replaceChildren(page.items.length ? h('ul', { id: 'review' }, page.items.map(r => h('li', {},
        h('a', { href: `#/cases/${r.complaintId}` }, r.complaintId), ' ', badge(r.complaintClass), ' ',
        (r.reasons || []).map(x => (lang === 'zh' ? x.zh : x.en) || x.rule).join('; '), ' ',
        h('button', { type: 'button', onclick: async e => {
          try { await post(`/api/v1/triage/${r.complaintId}/review`, { decision: 'CONFIRM' }); e.target.replaceWith(t('done')); }
          catch (problem) { e.target.after(problemView(problem)); }
        } }, t('confirm'))))) : h('p', {}, t('nothingToReview')));
    } catch (problem) {
      list.replaceChildren(problemView(problem));
    }
  });
}

/**
 * Horizontal bars, one row per item: its label, a bar to scale and the value written out. A table, so that a screen
 * reader reads each label with its value; the bars are drawing only.
 */
function bars(caption, items, id) {
  const max = Math.max(1, ...items.map(i => i.value));
  return h('figure', { class: 'chart', id },
    h('figcaption', {}, caption),
    items.length ? h('table', { class: 'bars' }, h('tbody', {}, items.map(i => h('tr', { 'data-label': i.label },
      h('th', { scope: 'row' }, i.label),
      h('td', { class: 'bar-cell', 'aria-hidden': 'true' }, i.value > 0
        ? h('span', { class: `bar ${i.tone || ''}`, style: `width:${(100 * i.value / max).toFixed(1)}%` }) : ''),
      h('td', { class: 'num' }, i.text ?? String(i.value)))))) : h('p', { class: 'muted' }, t('noData')));
}

/** A day-by-day count as a small line, for the eye only (the numbers are written beside it). */
function sparkline(daily) {
  const values = Object.keys(daily || {}).sort().map(day => daily[day]);
  if (values.length < 2) return '';
  const max = Math.max(1, ...values);
  const points = values.map((v, i) => `${(i * 100 / (values.length - 1)).toFixed(1)},${(22 - 20 * v / max).toFixed(1)}`).join(' ');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 100 24');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points);
  svg.append(line);
  return svg;
}

/**
 * Supervisors' reports as charts: the class mix and departments, clocks met, satisfaction, reopen rate, root causes
 * over time and the prevention actions with their effect (feedback's reports of the last 30 days), and the load of
 * open cases by owner with those at risk and breached (resolution's queue, read page by page).
 */
function reportsView() {
  const body = h('div', { class: 'charts' }, t('loading'));
  render(h('h1', {}, t('reports'), ' ', h('span', { class: 'muted' }, t('period', { days: 30 }))), body);
  const report = name => get(`/api/v1/reports/${name}`);
  return every(15000, async () => {
    try {
      const [complaints, sla, satisfaction, reopen, causes, prevention, cases] = await Promise.all([
        report('complaints'), report('sla'), report('satisfaction'), report('reopen-rate'), report('root-causes'),
        report('prevention'), pagesOf('/api/v1/cases?limit=100', 10)]);
      const dimension = name => complaints.rows.filter(r => r.dimension === name)
        .sort((a, b) => b.count - a.count).map(r => ({ label: r.value, value: r.count, tone: r.value }));
      const percent = value => value == null ? '—' : `${Math.round(value)}%`;
      // The open cases by owner (a case no one owns yet counts in its department's queue) and by department, with
      // those at risk and breached.
      const load = new Map();
      const loadByDepartment = new Map();
      const count = (map, key, c) => {
        const entry = map.get(key) || { open: 0, atRisk: 0, breached: 0 };
        entry.open++;
        if (c.breached?.length) entry.breached++;
        else if (c.warned?.length) entry.atRisk++;
        map.set(key, entry);
      };
      for (const c of cases.items.filter(c => c.state !== 'RESOLVED')) {
        count(load, c.owner || c.department || '—', c);
        count(loadByDepartment, c.department || '—', c);
      }
      const loadBars = (title, map, id) => bars(title, [...map.entries()].sort((a, b) => b[1].open - a[1].open)
        .map(([who, e]) => ({ label: who, value: e.open, tone: e.breached ? 'MAJOR' : e.atRisk ? 'ESCALATED' : '',
          text: `${e.open} ${t('open')} · ${e.atRisk} ${t('atRisk')} · ${e.breached} ${t('breached')}` })), id);
      body.replaceChildren(
        h('section', { class: 'card' }, bars(`${t('classMix')} · ${t('total', { n: complaints.summary.total })}`,
          CLASSES.map(c => dimension('complaintClass').find(r => r.label === c) || { label: c, value: 0, tone: c })
            .filter(r => r.value > 0), 'chart-class')),
        h('section', { class: 'card' }, bars(t('byDepartment'), dimension('department'), 'chart-department')),
        h('section', { class: 'card' }, bars(t('slaMet'), sla.rows.filter(r => r.decided > 0).map(r => ({
          label: r.clock === 'FIRST_RESPONSE' ? t('firstResponse') : r.clock === 'RESOLUTION' ? t('resolution') : t('promises'),
          value: r.metPercent ?? 0, text: `${percent(r.metPercent)} (${r.met}/${r.decided})` })), 'chart-sla')),
        h('section', { class: 'card' }, bars(`${t('satisfaction')} · ${t('answered', { n: satisfaction.summary.answered ?? 0 })}`,
          satisfaction.rows.filter(r => r.score != null).map(r => ({ label: '★'.repeat(r.score), value: r.count,
            text: `${r.count} (${percent(r.percent)})` })), 'chart-satisfaction')),
        h('section', { class: 'card' }, bars(t('reopenRate'), reopen.rows.map(r => ({ label: r.department || '—',
          value: r.reopenPercent ?? 0, text: `${percent(r.reopenPercent)} (${r.reopened}/${r.resolved})` })), 'chart-reopen')),
        h('section', { class: 'card' }, h('figure', { class: 'chart', id: 'chart-causes' }, h('figcaption', {}, t('rootCauses')),
          causes.rows.length ? h('table', { class: 'bars' }, h('tbody', {}, causes.rows.map(r => h('tr', {},
            h('th', { scope: 'row' }, r.rootCause), h('td', { class: 'bar-cell' }, sparkline(r.daily)),
            h('td', { class: 'num' }, `${r.count} · ${t((r.trend || 'flat').toLowerCase())}`))))) : h('p', { class: 'muted' }, t('noData')))),
        h('section', { class: 'card' }, h('figure', { class: 'chart', id: 'chart-prevention' }, h('figcaption', {}, t('preventionActions')),
          prevention.rows.length ? h('table', {}, h('tbody', {}, prevention.rows.map(r => h('tr', {},
            h('th', { scope: 'row' }, r.rootCause), h('td', {}, r.department || ''), h('td', {}, r.status),
            h('td', { class: 'num' }, r.changePercent == null ? '—'
              : `${t('before')} ${r.before} → ${t('after')} ${r.after} (${r.changePercent > 0 ? '+' : ''}${Math.round(r.changePercent)}%)`))))) : h('p', { class: 'muted' }, t('noData')))),
        h('section', { class: 'card' }, loadBars(t('load'), load, 'chart-load')),
        h('section', { class: 'card' }, loadBars(t('loadByDepartment'), loadByDepartment, 'chart-load-department')));
    } catch (problem) {
      body.replaceChildren(problemView(problem));
    }
  });
}

// ---- The frame: navigation, language, shortcuts, routing ----

const ROUTES = [
  [/^#\/sign-in$/, signInView],
  [/^#\/queue$/, queueView],
  [/^#\/cases\/([A-Za-z0-9-]+)$/, caseView],
  [/^#\/new$/, newComplaintView],
  [/^#\/board$/, boardView],
  [/^#\/review$/, reviewView],
  [/^#\/reports$/, reportsView],
];
let stop = null;

function frame() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('lang').textContent = t('language');
  const signedIn = Boolean(session.token);
  const signOut = document.getElementById('sign-out');
  signOut.hidden = !signedIn;
  signOut.textContent = t('signOut');
  const claims = session.claims;
  document.getElementById('who').textContent = signedIn && claims ? t('signedInAs', { sub: claims.sub, roles: (claims.roles || []).join(', ') }) : '';
  const links = !signedIn ? [] : [
    session.has('AGENT') && ['#/queue', t('queue')],
    session.has('AGENT') && ['#/new', t('newComplaint')],
    session.has('SUPERVISOR') && ['#/board', t('board')],
    session.has('SUPERVISOR') && ['#/review', t('review')],
    session.has('SUPERVISOR') && ['#/reports', t('reports')],
  ].filter(Boolean);
  document.getElementById('nav').replaceChildren(...links.map(([href, label]) =>
    h('a', { href, 'aria-current': location.hash.startsWith(href) ? 'page' : false }, label)));
}

function route() {
  if (stop) { stop(); stop = null; }
  if (!session.token && location.hash !== '#/sign-in') { location.hash = '#/sign-in'; return; }
  if (!location.hash || location.hash === '#/') { location.hash = session.has('SUPERVISOR') ? '#/board' : '#/queue'; return; }
  frame();
  for (const [pattern, view] of ROUTES) {
    const match = location.hash.match(pattern);
    if (match) {
      const result = view(...match.slice(1));
      stop = typeof result === 'function' ? result : null;
      main().focus();
      return;
    }
  }
  render(h('h1', {}, t('notFound')));
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('firebreak.lang', lang);
    route();
  });
  document.getElementById('sign-out').addEventListener('click', () => { session.token = null; location.hash = '#/sign-in'; });
  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    const go = { q: '#/queue', c: '#/new', b: '#/board' }[e.key];
    if (go) { location.hash = go; e.preventDefault(); return; }
    const form = { a: 'action-acknowledge', n: 'action-note', r: 'action-resolve', f: 'action-followUp' }[e.key];
    if (form && document.getElementById(form)) {
      document.getElementById(form).querySelector('textarea, input, select, button')?.focus();
      e.preventDefault();
    }
    if (e.key === 'l') document.getElementById('lang').click();
  });
  window.addEventListener('hashchange', route);
  // Back from the provider: signed in, the new address routes; otherwise the page routes as it is.
  oidc.finish().then(signedInNow => { if (!signedInNow) route(); }, route);
});
