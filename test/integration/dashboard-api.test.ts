import { randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import { FeedbackRating, FeedbackTicket, OrgUnit, publishDefinition } from '../../db';
import type { ProcessDefinition, Step } from '../../processes/model';
import { openApiDocument } from '../../server/openapi';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const documented = openApiSchemas(openApiDocument());

function expectDocumented(res: Response): void {
  expect({ status: res.status, problems: documented.problems('get', '/api/dashboard', res.status, res.body) })
    .toEqual({ status: res.status, problems: [] });
}

interface Unit { id: number; code: string; name: string }
interface Counts { total: number; byProcess: Array<{ process: string; count: number }>; byOpd: Array<{ unit: Unit | null; count: number }> }
interface Stats { count: number; p50Seconds: number; p90Seconds: number; meanSeconds: number; histogram: number[] }
interface DashboardBody {
  period: { from: string; to: string };
  scope: { unit: Unit | null };
  openCases: Counts;
  breaches: { overdue: Counts; escalated: Counts; deemed: Counts };
  cycleTime: {
    bucketDays: number[];
    processes: Array<Stats & { process: string }>;
    steps: Array<Stats & { process: string; stepId: string; kind: string | null; name: { id: string } | null }>;
  };
  jp: { year: number; threshold: number; summary: object; units: Array<{ unitId: number }> };
  satisfaction: { units: Array<{ unit: Unit | null; ratings: number; ikm: number }>; overall: { ratings: number; ikm: number } | null };
}
interface TimelineEvent { seq: number; type: string; stepId: string | null; occurredAt: string }
interface CaseBody { id: string; status: string; createdAt: string; closedAt: string | null; timeline: TimelineEvent[] }

const name = (id: string, en = id) => ({ id, en });
const end = (id: string, outcome: 'approved' | 'rejected'): Step => ({ id, kind: 'end', name: name(id), outcome });

/** One approval by BKPSDM, no deadline; the case belongs to the unit named in its data. */
const SUBJECT_UNIT: ProcessDefinition = {
  key: 'uji-dasbor-unit', version: 1, name: name('Uji dasbor: unit subjek', 'Dashboard test: subject unit'),
  starters: ['administrator', 'kepala_opd'], firstStep: 'telaah', subjectUnitPath: 'unitId',
  steps: [
    { id: 'telaah', kind: 'approval', name: name('Telaah'), assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], mode: { kind: 'any' }, next: { approved: 'selesai', rejected: 'ditolak' } },
    end('selesai', 'approved'), end('ditolak', 'rejected'),
  ],
};

/** Deadlines of seconds: the review escalates when its deadline passes; the decision is deemed approved by silence. */
const SHORT_DEADLINES: ProcessDefinition = {
  key: 'uji-dasbor-tenggat', version: 1, name: name('Uji dasbor: tenggat singkat', 'Dashboard test: short deadlines'),
  starters: ['kepala_opd'], firstStep: 'telaah',
  steps: [
    {
      id: 'telaah', kind: 'approval', name: name('Telaah', 'Review'), assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], mode: { kind: 'any' },
      deadline: { seconds: 2 }, escalation: { after: { seconds: 0 }, to: { kind: 'role', role: 'administrator' } },
      next: { approved: 'keputusan', rejected: 'ditolak' },
    },
    {
      id: 'keputusan', kind: 'approval', name: name('Keputusan', 'Decision'), assignees: [{ kind: 'role', role: 'sekda' }], mode: { kind: 'single' },
      deadline: { seconds: 2 }, silenceMeans: 'approved', next: { approved: 'selesai', rejected: 'ditolak' },
    },
    end('selesai', 'approved'), end('ditolak', 'rejected'),
  ],
};

describe.each(testDatabases())('the dashboard over HTTP ($name)', (database) => {
  let h: Harness;
  const users = new Map<string, SignedIn>();
  let dinkes: OrgUnit;
  let kominfo: OrgUnit;

  const as = async (login: string): Promise<SignedIn> => {
    const known = users.get(login) ?? (await signIn(h.app, login));
    users.set(login, known);
    return known;
  };

  async function dashboard(login: string, query = '', language = 'id'): Promise<DashboardBody> {
    const res = await (await as(login)).get(`/api/dashboard${query}`).set('Accept-Language', language);
    if (res.status !== 200) throw new Error(`dashboard ${login} ${query}: ${res.status} ${JSON.stringify(res.body)}`);
    expectDocumented(res);
    return res.body as DashboardBody;
  }

  async function start(login: string, process: string, data: Record<string, unknown> = {}): Promise<string> {
    const res = await (await as(login)).post(`/api/processes/${process}/cases`).set('Idempotency-Key', randomUUID()).send({ title: `Uji ${process}`, data });
    if (res.status !== 201) throw new Error(`start ${process}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function readCase(caseId: string): Promise<CaseBody> {
    return (await (await as('admin')).get(`/api/cases/${caseId}`).expect(200)).body as CaseBody;
  }

  const countOf = (counts: Counts, process: string) => counts.byProcess.find((p) => p.process === process)?.count ?? 0;
  const opdCount = (counts: Counts, unit: OrgUnit) => counts.byOpd.find((o) => o.unit?.id === unit.id)?.count ?? 0;

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
    await publishDefinition(h.db.em(), SUBJECT_UNIT);
    await publishDefinition(h.db.em(), SHORT_DEADLINES);
    const em = h.db.em();
    dinkes = await em.findOneOrFail(OrgUnit, { code: 'DINKES' });
    kominfo = await em.findOneOrFail(OrgUnit, { code: 'DISKOMINFO' });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('when cases are started, then the open count per process and per OPD rises, and a kepala OPD sees only their own OPD', async () => {
    const before = await dashboard('admin');
    expect(before.scope.unit).toBeNull();
    expect(before.period).toEqual({ from: `${before.period.to.slice(0, 4)}-01-01`, to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    // Two general approvals from the Dinas Kesehatan (the initiator's unit), and one case whose
    // subject unit is Diskominfo although the administrator, of no unit, started it.
    await start('kepala.dinkes', 'persetujuan-umum', { alasan: 'Penyegaran organisasi' });
    await start('kepala.dinkes', 'persetujuan-umum', { alasan: 'Rotasi berkala' });
    await start('admin', SUBJECT_UNIT.key, { unitId: kominfo.id });

    const after = await eventually(async () => {
      const now = await dashboard('admin');
      return now.openCases.total === before.openCases.total + 3 ? now : undefined;
    });
    expect(countOf(after.openCases, 'persetujuan-umum')).toBe(countOf(before.openCases, 'persetujuan-umum') + 2);
    expect(countOf(after.openCases, SUBJECT_UNIT.key)).toBe(countOf(before.openCases, SUBJECT_UNIT.key) + 1);
    expect(after.openCases.byProcess).toContainEqual({ process: SUBJECT_UNIT.key, name: SUBJECT_UNIT.name, count: 1 });
    expect(opdCount(after.openCases, dinkes)).toBe(opdCount(before.openCases, dinkes) + 2);
    expect(opdCount(after.openCases, kominfo)).toBe(opdCount(before.openCases, kominfo) + 1);
    expect(after.openCases.byOpd.find((o) => o.unit?.id === dinkes.id)?.unit).toEqual({ id: dinkes.id, code: 'DINKES', name: dinkes.name });

    const ownDinkes = await dashboard('kepala.dinkes');
    expect(ownDinkes.scope.unit).toEqual({ id: dinkes.id, code: 'DINKES', name: dinkes.name });
    expect(ownDinkes.openCases.byOpd.map((o) => o.unit?.id)).toEqual([dinkes.id]);
    expect(ownDinkes.openCases.total).toBe(opdCount(after.openCases, dinkes));
    expect(countOf(ownDinkes.openCases, SUBJECT_UNIT.key)).toBe(0);
    const ownKominfo = await dashboard('kepala.diskominfo');
    expect(ownKominfo.openCases.byOpd.map((o) => o.unit?.id)).toEqual([kominfo.id]);
    expect(countOf(ownKominfo.openCases, SUBJECT_UNIT.key)).toBe(1);
    // The 20-JP compliance follows the same scope.
    expect(ownKominfo.jp.units.map((u) => u.unitId)).toEqual([kominfo.id]);

    // A registry-wide role sees everything even when it also heads an OPD (the Sekda heads the Sekretariat Daerah).
    const sekda = await dashboard('sekda');
    expect(sekda.scope.unit).toBeNull();
    expect(sekda.openCases.total).toBe(after.openCases.total);
  });

  test('when a step deadline of seconds passes, then the case counts as overdue and escalated; silence counts as deemed; closing gives cycle times', async () => {
    const before = await dashboard('admin');
    const caseId = await start('kepala.dinkes', SHORT_DEADLINES.key);

    // Past the review's deadline the case is overdue now, and the escalation is recorded.
    const late = await eventually(async () => {
      const now = await dashboard('admin');
      return countOf(now.breaches.overdue, SHORT_DEADLINES.key) === 1 && countOf(now.breaches.escalated, SHORT_DEADLINES.key) === 1 ? now : undefined;
    });
    expect(countOf(late.openCases, SHORT_DEADLINES.key)).toBe(1);
    expect(opdCount(late.breaches.overdue, dinkes)).toBe(opdCount(before.breaches.overdue, dinkes) + 1);
    expect(opdCount(late.breaches.escalated, dinkes)).toBe(opdCount(before.breaches.escalated, dinkes) + 1);
    expect(late.breaches.escalated.total).toBe(before.breaches.escalated.total + 1);
    const kepala = await dashboard('kepala.dinkes');
    expect(countOf(kepala.breaches.overdue, SHORT_DEADLINES.key)).toBe(1);
    expect(countOf((await dashboard('kepala.diskominfo')).breaches.overdue, SHORT_DEADLINES.key)).toBe(0);

    // BKPSDM reviews late; the Sekda stays silent, so the decision is deemed approved and the case closes.
    await (await as('bkpsdm.mutasi')).post(`/api/cases/${caseId}/actions/approve`).send({ stepId: 'telaah' }).expect(200);
    const closed = await eventually(async () => {
      const body = await readCase(caseId);
      return body.status === 'approved' && body.timeline.some((e) => e.type === 'case.closed') ? body : undefined;
    });
    const done = await eventually(async () => {
      const now = await dashboard('admin');
      return now.cycleTime.processes.some((p) => p.process === SHORT_DEADLINES.key) ? now : undefined;
    });
    expect(countOf(done.openCases, SHORT_DEADLINES.key)).toBe(0);
    expect(countOf(done.breaches.overdue, SHORT_DEADLINES.key)).toBe(0);
    expect(countOf(done.breaches.escalated, SHORT_DEADLINES.key)).toBe(1);
    expect(countOf(done.breaches.deemed, SHORT_DEADLINES.key)).toBe(1);

    // The cycle time of the one closed case is its time from start to close, in whole seconds.
    const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
    const caseSeconds = seconds(closed.createdAt, closed.closedAt as string);
    expect(caseSeconds).toBeGreaterThanOrEqual(4);
    expect(done.cycleTime.processes.find((p) => p.process === SHORT_DEADLINES.key)).toMatchObject({
      process: SHORT_DEADLINES.key, name: SHORT_DEADLINES.name, count: 1, p50Seconds: caseSeconds, p90Seconds: caseSeconds, meanSeconds: caseSeconds,
      histogram: [1, 0, 0, 0, 0, 0, 0],
    });
    expect(done.cycleTime.bucketDays).toEqual([1, 3, 7, 14, 30, 60]);

    // Each step from entering it to entering the next; the end step takes no time and is left out.
    const entered = (stepId: string) => closed.timeline.find((e) => e.type === 'step.entered' && e.stepId === stepId) as TimelineEvent;
    const steps = done.cycleTime.steps.filter((s) => s.process === SHORT_DEADLINES.key);
    expect(steps.map((s) => [s.stepId, s.kind, s.name?.id, s.count])).toEqual([['telaah', 'approval', 'Telaah', 1], ['keputusan', 'approval', 'Keputusan', 1]]);
    expect(steps[0]?.p50Seconds).toBe(seconds(entered('telaah').occurredAt, entered('keputusan').occurredAt));
    expect(steps[1]?.p50Seconds).toBe(seconds(entered('keputusan').occurredAt, entered('selesai').occurredAt));
    expect(steps[1]?.p50Seconds).toBeGreaterThanOrEqual(2);

    // A period that ended before the case began counts none of it; open cases are counted now, whatever the period.
    const lastYear = Number(done.period.to.slice(0, 4)) - 1;
    const past = await dashboard('admin', `?from=${lastYear}-01-01&to=${lastYear}-12-31`);
    expect(past.period).toEqual({ from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
    expect(past.cycleTime.processes.find((p) => p.process === SHORT_DEADLINES.key)).toBeUndefined();
    expect(countOf(past.breaches.escalated, SHORT_DEADLINES.key)).toBe(0);
    expect(past.openCases.total).toBe(done.openCases.total);
    expect(past.jp.year).toBe(lastYear);
  });

  test('when citizens have rated answers, then the satisfaction index per OPD matches the feedback report and follows the scope; the JP figures match the JP report', async () => {
    const em = h.db.em();
    const now = new Date();
    const rate = (unit: OrgUnit, score: number) => {
      const ticket = em.create(FeedbackTicket, {
        trackingCode: randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase(), type: 'PENGADUAN', category: 'PELAYANAN', anonymous: true,
        confidential: false, reporterName: null, contactEmail: null, message: 'Antrean loket terlalu lama.', unitId: unit.id, status: 'CLOSED',
        createdAt: now, caseId: null, handlingUnitId: unit.id, resolutionCategory: null, resolutionDays: null, publicNote: null, answer: 'Sudah diperbaiki.',
        answeredAt: now, statusChangedAt: now, closedAt: now,
      });
      return { ticket, score };
    };
    const rated = [rate(dinkes, 4), rate(dinkes, 3), rate(kominfo, 2)];
    await em.flush();
    for (const { ticket, score } of rated) {
      em.create(FeedbackRating, {
        ticketId: ticket.id, caseId: `uji-${ticket.id}`, unitId: ticket.unitId, requirements: score, procedure: score, serviceTime: score, cost: score,
        product: score, staffCompetence: score, staffBehaviour: score, complaintHandling: score, facilities: score, comment: null, ratedAt: now,
      });
    }
    await em.flush();

    const all = await dashboard('admin');
    const year = Number(all.period.to.slice(0, 4));
    const report = (await (await as('admin')).get(`/api/feedback/satisfaction?year=${year}`).expect(200)).body as {
      units: Array<{ unit: Unit | null; ratings: number; ikm: number }>; overall: { ratings: number; ikm: number };
    };
    expect(all.satisfaction.overall).toEqual(report.overall);
    expect(all.satisfaction.units).toEqual(report.units);
    expect(all.satisfaction.units.find((u) => u.unit?.id === dinkes.id)).toMatchObject({ ratings: 2, ikm: 87.5, grade: 'B' });
    expect(all.satisfaction.units.find((u) => u.unit?.id === kominfo.id)).toMatchObject({ ratings: 1, ikm: 50, grade: 'D' });
    const own = await dashboard('kepala.dinkes');
    expect(own.satisfaction.units.map((u) => u.unit?.id)).toEqual([dinkes.id]);
    expect(own.satisfaction.overall).toMatchObject({ ratings: 2, ikm: 87.5 });

    const jp = (await (await as('admin')).get(`/api/training/jp-report?year=${year}`).expect(200)).body as DashboardBody['jp'];
    expect(all.jp).toEqual({ year, threshold: 20, summary: jp.summary, units: jp.units });
    expect(all.jp.units.length).toBeGreaterThan(10);
  });

  test('when someone outside the oversight roles asks, then 401 / 403; when the dates are wrong, then 400 says which', async () => {
    expectDocumented(await request(h.app).get('/api/dashboard').expect(401));
    for (const login of ['pengaduan.dinkes', 'asisten.pemerintahan']) {
      const refused = await (await as(login)).get('/api/dashboard').expect(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expectDocumented(refused);
    }

    const admin = await as('admin');
    const invalid = await admin.get('/api/dashboard?from=2026-02-30').expect(400);
    expect(invalid.body.error).toMatchObject({ code: 'DASHBOARD_INVALID_DATE', details: { parameter: 'from', value: '2026-02-30' } });
    expect(invalid.body.error.message).toContain('from harus tanggal yang sah');
    expectDocumented(invalid);
    const english = await admin.get('/api/dashboard?to=31-12-2026').set('Accept-Language', 'en').expect(400);
    expect(english.body.error).toMatchObject({ code: 'DASHBOARD_INVALID_DATE', details: { parameter: 'to' } });
    expect(english.body.error.message).toBe('to must be a valid date in the form YYYY-MM-DD between the years 2000 and 2100, e.g. 2026-01-31.');
    for (const query of ['from=1999-12-31', 'to=2026-1-5', 'from=2026-01-01&from=2026-02-01', 'to=']) {
      const res = await admin.get(`/api/dashboard?${query}`);
      expect([query, res.status, res.body.error?.code]).toEqual([query, query === 'to=' ? 200 : 400, query === 'to=' ? undefined : 'DASHBOARD_INVALID_DATE']);
    }
    const reversed = await admin.get('/api/dashboard?from=2026-03-01&to=2026-02-28').expect(400);
    expect(reversed.body.error.code).toBe('DASHBOARD_PERIOD_REVERSED');
    expectDocumented(reversed);
    const tooLong = await admin.get('/api/dashboard?from=2010-01-01&to=2026-01-01').set('Accept-Language', 'en').expect(400);
    expect(tooLong.body.error).toMatchObject({ code: 'DASHBOARD_PERIOD_TOO_LONG', message: 'The period may be at most 1830 days long; narrow the date range.' });
    // One day is a period too.
    expect((await dashboard('admin', '?from=2026-05-05&to=2026-05-05')).period).toEqual({ from: '2026-05-05', to: '2026-05-05' });
  });
});
