import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { publishDefinition, type Database } from '../../db';
import type { ProcessDefinition } from '../../processes';
import { generalApproval } from '../../processes/defaults/general-approval';
import { apiCall, signIn, type ApiSession } from '../api-session';
import { countLine, ratioLine, type ReportLine } from '../report';
import type { BenchScale } from '../scale';
import { inLanes, percentile } from '../stats';

/** Who starts the cases, and the two inboxes: people with no role, so no other workload gives them tasks. */
const INITIATOR = 'kepala.dinkes';
const MEASURED_USER = 'asisten.pemerintahan';
const BASELINE_USER = 'asisten.administrasi';
/** The inbox page asks for this many tasks at a time (web/src/components/inbox-page.tsx). */
const INBOX_PAGE = 20;
/** A main thread without long tasks and a network without requests for this long counts as settled. */
const QUIET_MS = 500;
const RUN_TIMEOUT_MS = 30_000;
const PROBE = '__alurInboxProbe';

/**
 * A one-step copy of the general approval (deadline, reminder and escalation included) whose only
 * step goes to one named person, so each inbox holds exactly the cases started for it.
 */
function oneStepApproval(key: string, userId: string): ProcessDefinition {
  const verification = generalApproval.steps.find((step) => step.id === 'verifikasi');
  if (verification?.kind !== 'approval') throw new Error('the general approval has no verification step');
  return {
    ...generalApproval,
    key,
    name: { id: `Persetujuan satu tahap (bench, ${userId})`, en: `One-step approval (bench, ${userId})` },
    starters: ['kepala_opd'],
    steps: [
      { ...verification, assignees: [{ kind: 'user', userId }], next: { approved: 'disetujui', rejected: 'ditolak' } },
      ...generalApproval.steps.filter((step) => step.kind === 'end'),
    ],
  };
}

interface Inbox {
  user: string;
  session: ApiSession;
  processKey: string;
  tasks: number;
}

/**
 * Real cases through the API and Temporal, as a person would start them, 10 at a time; then waits
 * until the worker has projected every task into the inbox (GET /api/tasks/counts). 500 cases
 * take well under a minute on a 2-core machine, so the projection tables are not written directly.
 */
async function fillInbox(baseUrl: string, db: Database, initiator: ApiSession, inbox: Omit<Inbox, 'session'>, log: (line: string) => void): Promise<Inbox> {
  await publishDefinition(db.em(), oneStepApproval(inbox.processKey, inbox.user), { author: 'bench' });
  const run = randomUUID().slice(0, 8);
  const start = performance.now();
  await inLanes(10, inbox.tasks, async (i) => {
    const res = await apiCall<unknown>(baseUrl, initiator, 'POST', `/api/processes/${inbox.processKey}/cases`,
      { title: `Usulan penyegaran organisasi ${i + 1}`, data: { alasan: 'Penyegaran organisasi' } }, { 'Idempotency-Key': `tti-${run}-${i}` });
    if (res.status !== 201 && res.status !== 202) throw new Error(`start case ${i} for ${inbox.user}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  const session = await signIn(baseUrl, inbox.user);
  const giveUpAt = Date.now() + 180_000;
  for (;;) {
    const counts = await apiCall<{ total: number }>(baseUrl, session, 'GET', '/api/tasks/counts');
    if (counts.status !== 200) throw new Error(`GET /api/tasks/counts as ${inbox.user}: ${counts.status}`);
    if (counts.body.total === inbox.tasks) break;
    if (counts.body.total > inbox.tasks) throw new Error(`${inbox.user} has ${counts.body.total} open tasks, more than the ${inbox.tasks} started for them`);
    if (Date.now() > giveUpAt) throw new Error(`${inbox.user} has ${counts.body.total} of ${inbox.tasks} tasks after 3 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`inbox of ${inbox.user}: ${inbox.tasks} cases started and projected in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return { ...inbox, session };
}

/**
 * Runs in the page before its own scripts. Times are performance.now(), i.e. milliseconds since
 * the navigation started. `renderedAt`: the frame after the first page of tasks (their links,
 * step names resolved, no "…" left) and the filter chips are in the DOM. `longTaskEnds`: ends of
 * main-thread tasks over 50 ms (Long Tasks API). `clickAt`/`answeredAt`: a click's own timestamp
 * and the frame after a filter chip's aria-pressed changed.
 */
function probeScript(expectedLinks: number): string {
  return `(() => {
  const probe = { renderedAt: null, longTaskEnds: [], clickAt: null, answeredAt: null };
  Object.defineProperty(window, '${PROBE}', { value: probe });
  const afterNextFrame = (mark) => requestAnimationFrame(() => setTimeout(() => mark(performance.now())));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTaskEnds.push(entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const rendered = () => {
    const list = document.querySelector('.item-list');
    return !!list && list.querySelectorAll('.task-row a.item-link').length >= ${expectedLinks}
      && !list.textContent.includes('\u2026') && !!document.querySelector('.filter-chips button');
  };
  let seen = false;
  const content = new MutationObserver(() => {
    if (seen || !rendered()) return;
    seen = true;
    content.disconnect();
    afterNextFrame((at) => { probe.renderedAt = at; });
  });
  content.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('click', (event) => {
    if (!event.target.closest || !event.target.closest('.filter-chips')) return;
    probe.clickAt = event.timeStamp;
    const pressed = new MutationObserver(() => {
      pressed.disconnect();
      afterNextFrame((at) => { probe.answeredAt = at; });
    });
    pressed.observe(document.querySelector('.filter-chips'), { attributes: true, attributeFilter: ['aria-pressed'], subtree: true });
  }, true);
})();`;
}

interface ProbeState {
  now: number;
  renderedAt: number | null;
  lastLongTaskEnd: number;
  lastResponseEnd: number;
  clickAt: number | null;
  answeredAt: number | null;
}

const readProbe = (page: Page) => page.evaluate<ProbeState>(`(() => {
  const probe = window.${PROBE};
  const responses = performance.getEntriesByType('resource').map((entry) => entry.responseEnd);
  return { now: performance.now(), renderedAt: probe.renderedAt, lastLongTaskEnd: Math.max(0, ...probe.longTaskEnds),
    lastResponseEnd: Math.max(0, ...responses), clickAt: probe.clickAt, answeredAt: probe.answeredAt };
})()`);

interface PageLoad {
  /** Milliseconds from navigation start; see `loadInbox`. */
  interactiveMs: number;
  /** From a click on a filter chip to the frame that shows it pressed. */
  clickAnswerMs: number;
  apiRequests: number;
  staticRequests: number;
  apiBytes: number;
  staticBytes: number;
}

/**
 * One cold load of the inbox: a new browser context (empty cache, the session cookie only), then
 * the inbox URL. Time to interactive, after Lighthouse's definition with a shorter quiet window
 * (the server is local, so there is no network latency to wait out): the later of the frame that
 * shows the first page of tasks and the end of the last long task before the main thread and the
 * network then stay quiet for QUIET_MS. As a check that the page does answer then, a real click
 * (Playwright's, through the browser's input pipeline) on a process filter chip must show it
 * pressed; its latency is kept too. Requests and bytes are those made until the quiet window.
 */
async function loadInbox(browser: Browser, baseUrl: string, inbox: Inbox): Promise<PageLoad> {
  const [name, ...rest] = inbox.session.cookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  try {
    await context.addCookies([{ name: name as string, value: rest.join('='), url: baseUrl }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: Request[] = [];
    let inFlight = 0;
    page.on('request', (request) => {
      requests.push(request);
      inFlight++;
    });
    page.on('requestfinished', () => inFlight--);
    page.on('requestfailed', (request) => {
      inFlight--;
      // A fetch the page aborts itself (a component that unmounts) is not a failure.
      const reason = request.failure()?.errorText ?? 'failed';
      if (reason !== 'net::ERR_ABORTED') errors.push(`${request.url()}: ${reason}`);
    });
    await page.addInitScript(probeScript(Math.min(INBOX_PAGE, inbox.tasks)));
    await page.goto(`${baseUrl}/#/`, { waitUntil: 'commit' });

    const giveUpAt = Date.now() + RUN_TIMEOUT_MS;
    let interactiveMs: number | undefined;
    while (interactiveMs === undefined) {
      if (errors.length > 0) throw new Error(`the inbox page of ${inbox.user} failed: ${errors.join('; ')}`);
      if (Date.now() > giveUpAt) throw new Error(`the inbox of ${inbox.user} did not become interactive within ${RUN_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const state = await readProbe(page);
      if (state.renderedAt === null || inFlight > 0) continue;
      if (state.now - Math.max(state.renderedAt, state.lastLongTaskEnd, state.lastResponseEnd) >= QUIET_MS) {
        interactiveMs = Math.max(state.renderedAt, state.lastLongTaskEnd);
      }
    }
    const loaded = [...requests];
    const sizes = await Promise.all(loaded.map(async (request) => {
      if (request.failure()) return 0;
      const size = await request.sizes();
      return size.responseHeadersSize + size.responseBodySize;
    }));

    await page.locator('.filter-chips button').nth(1).click({ timeout: 5_000 });
    await page.waitForFunction(`window.${PROBE}.answeredAt !== null`, undefined, { timeout: 5_000 });
    const answered = await readProbe(page);
    const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
    const total = (api: boolean) => sizes.reduce((sum, bytes, i) => (isApi(loaded[i] as Request) === api ? sum + bytes : sum), 0);
    return {
      interactiveMs,
      clickAnswerMs: (answered.answeredAt as number) - (answered.clickAt as number),
      apiRequests: loaded.filter(isApi).length,
      staticRequests: loaded.filter((request) => !isApi(request)).length,
      apiBytes: total(true),
      staticBytes: total(false),
    };
  } finally {
    await context.close();
  }
}

/** Debian's Chromium (CHROMIUM_PATH overrides), quiet and offline. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * 8. Time to interactive of the officer app's inbox (issue 7/8, "Web UI") with 500 open tasks,
 * against the same page for a person with one open task, loaded in turns in the same browser so
 * both see the same background load. Goal (the issue sets none): the page shows 20 tasks either
 * way and only the per-process counts read every open task, so 500 tasks may cost at most half
 * again the one-task time at p50 (≤ 1.5) and twice at p95 (≤ 2; with few runs p95 is about the
 * slowest run). Needs the stack: the API serves web/dist, which must exist when it starts.
 */
export async function inboxTimeToInteractive(baseUrl: string, db: Database, scale: BenchScale, log: (line: string) => void): Promise<ReportLine[]> {
  const { tasks, runs } = scale.webInbox;
  const index = await fetch(`${baseUrl}/`);
  if (!(await index.text()).includes('type="module"')) throw new Error(`${baseUrl}/ does not serve the web UI: web/dist was missing when the API started`);

  const initiator = await signIn(baseUrl, INITIATOR);
  const measured = await fillInbox(baseUrl, db, initiator, { user: MEASURED_USER, processKey: 'bench-kotak-masuk-besar', tasks }, log);
  const baseline = await fillInbox(baseUrl, db, initiator, { user: BASELINE_USER, processKey: 'bench-kotak-masuk-kecil', tasks: 1 }, log);

  const browser = await launchChromium();
  const loads: Record<'measured' | 'baseline', PageLoad[]> = { measured: [], baseline: [] };
  try {
    // One warm-up each (the browser's first context, the API's first requests), then turn about.
    await loadInbox(browser, baseUrl, baseline);
    await loadInbox(browser, baseUrl, measured);
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['baseline', 'measured'] as const) : (['measured', 'baseline'] as const);
      for (const which of order) loads[which].push(await loadInbox(browser, baseUrl, which === 'measured' ? measured : baseline));
    }
  } finally {
    await browser.close();
  }

  const times = (which: 'measured' | 'baseline', pick: (load: PageLoad) => number) => loads[which].map(pick);
  const tti = { measured: times('measured', (l) => l.interactiveMs), baseline: times('baseline', (l) => l.interactiveMs) };
  const click = { measured: times('measured', (l) => l.clickAnswerMs), baseline: times('baseline', (l) => l.clickAnswerMs) };
  const at = (samples: number[], p: number) => percentile(samples, p);
  log(`inbox time to interactive: 1 task p50 ${at(tti.baseline, 50).toFixed(0)} ms, p95 ${at(tti.baseline, 95).toFixed(0)} ms; `
    + `${tasks} tasks p50 ${at(tti.measured, 50).toFixed(0)} ms, p95 ${at(tti.measured, 95).toFixed(0)} ms (${runs} runs each)`);

  const last = (which: 'measured' | 'baseline') => loads[which][loads[which].length - 1] as PageLoad;
  const big = last('measured');
  const small = last('baseline');
  const kB = (bytes: number) => Math.round(bytes / 100) / 10;
  const seeded = `${tasks} real cases started over HTTP, run by Temporal, projected by the worker`;
  const workload = (what: string) => `Web: inbox ${what}, ${tasks} ÷ 1 open tasks`;
  return [
    ratioLine(workload('time to interactive p50'),
      { label: '1 task p50', value: Math.round(at(tti.baseline, 50)), unit: 'ms' },
      { label: `${tasks} tasks p50`, value: Math.round(at(tti.measured, 50)), unit: 'ms' },
      { atMost: 1.5 },
      `${runs} cold loads each, Chromium, in turns; first page of tasks shown and main thread + network quiet ${QUIET_MS} ms; ${seeded}`),
    ratioLine(workload('time to interactive p95'),
      { label: '1 task p95', value: Math.round(at(tti.baseline, 95)), unit: 'ms' },
      { label: `${tasks} tasks p95`, value: Math.round(at(tti.measured, 95)), unit: 'ms' },
      { atMost: 2 }),
    ratioLine(workload('filter chip click to pressed, p50'),
      { label: '1 task p50', value: at(click.baseline, 50), unit: 'ms' },
      { label: `${tasks} tasks p50`, value: at(click.measured, 50), unit: 'ms' },
      undefined,
      'a real click right after the page became interactive, from the event to the frame that shows the chip pressed'),
    countLine(`Web: inbox with ${tasks} open tasks, requests until interactive`,
      { label: 'API requests', value: big.apiRequests, unit: '' },
      `requests the page aborted itself included; plus ${big.staticRequests} static files; with 1 task: ${small.apiRequests} API + ${small.staticRequests} static`),
    countLine(`Web: inbox with ${tasks} open tasks, bytes received until interactive`,
      { label: 'received', value: kB(big.apiBytes + big.staticBytes), unit: 'kB' },
      `API ${kB(big.apiBytes)} kB, static ${kB(big.staticBytes)} kB (headers included, as served: the API does not compress); `
        + `with 1 task: API ${kB(small.apiBytes)} kB, static ${kB(small.staticBytes)} kB`),
  ];
}
