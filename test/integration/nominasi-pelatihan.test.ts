import { randomUUID } from 'node:crypto';
import { wibDay } from '../../activities/wib-day';
import { BudgetLine, BudgetReservation, CaseTask, Employee, OrgUnit, Position, TrainingRecord, unitSubtreeIds } from '../../db';
import { openApiDocument } from '../../server/openapi';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const PROCESS = 'nominasi-pelatihan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const ALLOCATED = 100_000_000;
const SPENT_BEFORE = 10_000_000;

interface Finding { code: string; message: { id: string; en: string } }
interface CaseBody {
  id: string;
  status: string;
  data: Record<string, unknown> & {
    nominationCheck?: { ok: boolean; problems: Finding[]; notes: Finding[]; jpThisYear: number; jpAfter: number; budget: { available: number } | null };
    endorsedByProposer?: boolean;
  };
  current: { stepId: string; visit: number; assignees: Array<{ userId: string }> } | null;
  timeline?: Array<{ type: string; stepId: string | null; details: Record<string, unknown> | null }>;
}
interface JpReportBody {
  year: number;
  summary: { employees: number; below: number; compliancePct: number };
  units: Array<{ unitId: number; code: string; employees: number; below: number; compliancePct: number }>;
  below: { total: number; items: Array<{ employeeId: number; nip: string; jp: number; missing: number }> };
}

const documented = openApiSchemas(openApiDocument());

const day = (offsetDays: number) => wibDay(new Date(Date.now() + offsetDays * 86_400_000));

describe.each(testDatabases())('nominasi pelatihan ($name)', (database) => {
  let h: Harness;
  const users = new Map<string, SignedIn>();
  let kominfo: OrgUnit;
  let kominfoUnits: number[];
  /** The year the test trainings end in, and so the year their JP and budget count in. */
  const startDate = day(14);
  const endDate = day(16);
  const year = Number(endDate.slice(0, 4));

  const as = async (login: string): Promise<SignedIn> => {
    const known = users.get(login);
    if (known) return known;
    const signed = await signIn(h.app, login);
    users.set(login, signed);
    return signed;
  };

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
    const em = h.db.em();
    kominfo = await em.findOneOrFail(OrgUnit, { code: 'DISKOMINFO' });
    kominfoUnits = await unitSubtreeIds(em, kominfo.id);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    // A known training budget for the unit and the year the trainings end in.
    const em = h.db.em().fork();
    const line = await em.findOne(BudgetLine, { unitId: kominfo.id, year, kind: 'TRAINING' });
    if (line) em.assign(line, { amountAllocated: ALLOCATED, amountReserved: 0, amountSpent: SPENT_BEFORE });
    else em.create(BudgetLine, { unitId: kominfo.id, year, kind: 'TRAINING', amountAllocated: ALLOCATED, amountReserved: 0, amountSpent: SPENT_BEFORE });
    await em.flush();
  });

  const budgetLine = () => h.db.em().fork().findOneOrFail(BudgetLine, { unitId: kominfo.id, year, kind: 'TRAINING' });

  /** A member of the unit (not its head) holding a post of this kind. */
  async function staff(jenis: Position['jenisJabatan'], skip: number[] = []): Promise<Employee> {
    const em = h.db.em().fork();
    const seats = await em.find(Position, { unitId: { $in: kominfoUnits }, jenisJabatan: jenis, holderEmployeeId: { $ne: null, $nin: skip } }, { orderBy: { id: 'asc' } });
    return em.findOneOrFail(Employee, { id: seats[0]!.holderEmployeeId as number });
  }

  async function start(login: string, data: Record<string, unknown>): Promise<CaseBody> {
    const res = await (await as(login)).post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', randomUUID())
      .send({ title: `Nominasi ${String(data.trainingTitle)}`, data });
    if (res.status !== 201) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as CaseBody;
  }

  async function act(login: string, caseId: string, action: string, body: Record<string, unknown>, status = 200): Promise<CaseBody> {
    const res = await (await as(login)).post(`/api/cases/${caseId}/actions/${action}`).set('Idempotency-Key', randomUUID()).send(body);
    if (res.status !== status) throw new Error(`${login} ${action} ${String(body.stepId)}: ${res.status} ${JSON.stringify(res.body)}`);
    return (status === 200 ? res.body.case : res.body) as CaseBody;
  }

  /** The case once it sits on `stepId` with its tasks in the inboxes; or, for 'closed', once it closed and undid what it owed. */
  async function at(caseId: string, stepId: string | 'closed'): Promise<CaseBody> {
    const admin = await as('admin');
    return eventually(async () => {
      const body = (await admin.get(`/api/cases/${caseId}`).expect(200)).body as CaseBody;
      if (stepId === 'closed') {
        if (body.status === 'open' || !body.timeline?.some((e) => e.type === 'case.closed')) return undefined;
        const owed = body.timeline.some((e) => e.type === 'effect.applied' && e.stepId === 'reservasi-anggaran') && body.status !== 'approved';
        return !owed || body.timeline.some((e) => e.type === 'effect.compensated') ? body : undefined;
      }
      if (body.current?.stepId !== stepId || body.current.assignees.length === 0) return undefined;
      return (await h.db.em().count(CaseTask, { caseId, stepId, visit: body.current.visit, status: 'open' })) > 0 ? body : undefined;
    });
  }

  const nomination = (employee: Employee, more: Record<string, unknown> = {}) => ({
    employeeNip: employee.nip,
    trainingKind: 'TEKNIS',
    trainingTitle: 'Pelatihan Keamanan Informasi dan Persandian',
    provider: 'Badan Siber dan Sandi Negara',
    startDate,
    endDate,
    jpHours: 24,
    cost: 7_500_000,
    gapKind: 'KOMPETENSI',
    gapDescription: 'Belum ada pegawai bidang persandian yang bersertifikat keamanan informasi.',
    ...more,
  });

  async function report(login: string, query: string, status = 200): Promise<JpReportBody> {
    const res = await (await as(login)).get(`/api/training/jp-report?${query}`);
    if (res.status !== status) throw new Error(`jp-report ${query}: ${res.status} ${JSON.stringify(res.body)}`);
    // The answer is the one the API document describes.
    expect(documented.problems('get', '/api/training/jp-report', res.status, res.body)).toEqual([]);
    return res.body as JpReportBody;
  }

  /** Verified by BKPSDM: the case has reserved its cost and waits for the head of BKPSDM. */
  async function verified(employee: Employee, more: Record<string, unknown> = {}): Promise<CaseBody> {
    const started = await start('kepala.diskominfo', nomination(employee, more));
    await at(started.id, 'verifikasi-bkpsdm');
    await act('bkpsdm.diklat', started.id, 'approve', { stepId: 'verifikasi-bkpsdm', data: { verificationNote: 'Syarat dan anggaran sesuai' } });
    return at(started.id, 'persetujuan-kepala-bkpsdm');
  }

  test('when a kepala OPD nominates a pelaksana, then the case runs to the completion report and the JP and the spending are recorded', async () => {
    // Someone of the unit still short of 20 JP in the year of the training.
    const before = await report('bkpsdm.diklat', `year=${year}&unitId=${kominfo.id}&limit=100`);
    const short = before.below.items.find((item) => item.jp + 24 >= 20);
    expect(short).toBeDefined();
    const employee = await h.db.em().fork().findOneOrFail(Employee, { id: short!.employeeId });

    const brochure = await (await as('kepala.diskominfo')).post('/api/attachments').set('Content-Type', 'application/pdf')
      .set('X-File-Name', 'undangan-bssn.pdf').send(PDF).expect(201);
    const started = await start('kepala.diskominfo', nomination(employee, { attachment: brochure.body.id }));
    // The kepala OPD proposed it: their endorsement is the proposal; BKPSDM verifies next.
    const verifying = await at(started.id, 'verifikasi-bkpsdm');
    expect(verifying.data.endorsedByProposer).toBe(true);
    expect(verifying.data.nominationCheck).toMatchObject({ ok: true, problems: [], jpThisYear: short!.jp, jpAfter: short!.jp + 24, budget: { available: ALLOCATED - SPENT_BEFORE } });
    expect(verifying.data.nominationCheck?.notes.map((n) => n.code)).toEqual(['JP_BELOW', 'BUDGET_FITS']);
    expect(verifying.current?.assignees.map((a) => a.userId)).toEqual(['bkpsdm.diklat']);

    await act('bkpsdm.diklat', started.id, 'approve', { stepId: 'verifikasi-bkpsdm', data: {} }, 422);
    await act('bkpsdm.diklat', started.id, 'approve', { stepId: 'verifikasi-bkpsdm', data: { verificationNote: 'Syarat dan anggaran sesuai' } });
    const approving = await at(started.id, 'persetujuan-kepala-bkpsdm');
    expect(approving.current?.assignees.map((a) => a.userId)).toEqual(['kepala.bkpsdm']);
    expect(await budgetLine()).toMatchObject({ amountReserved: 7_500_000, amountSpent: SPENT_BEFORE });

    await act('kepala.bkpsdm', started.id, 'approve', { stepId: 'persetujuan-kepala-bkpsdm', comment: 'Disetujui' });
    await at(started.id, 'surat-tugas');
    await act('bkpsdm.diklat', started.id, 'approve', { stepId: 'surat-tugas', data: { letterNumber: '800.2/311/BKPSDM/2026', letterDate: day(0) } });
    await at(started.id, 'laporan-penyelesaian');
    // The completion report needs the certificate.
    await act('kepala.diskominfo', started.id, 'approve', { stepId: 'laporan-penyelesaian', data: { completedOn: endDate, jpEarned: 24, actualCost: 7_000_000 } }, 422);
    const certificate = await (await as('kepala.diskominfo')).post('/api/attachments').set('Content-Type', 'application/pdf')
      .set('X-File-Name', 'sertifikat.pdf').send(PDF).expect(201);
    await act('kepala.diskominfo', started.id, 'approve', {
      stepId: 'laporan-penyelesaian', data: { completedOn: endDate, jpEarned: 24, actualCost: 7_000_000, certificateNumber: 'BSSN/2026/0042', certificate: certificate.body.id },
    });
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('approved');
    expect(closed.data.trainingRecorded).toMatchObject({ employeeId: employee.id, year, jp: 24, totalJpThisYear: short!.jp + 24, spent: 7_000_000 });

    const em = h.db.em().fork();
    expect(await em.find(TrainingRecord, { employeeId: employee.id, year, title: 'Pelatihan Keamanan Informasi dan Persandian' })).toEqual([
      expect.objectContaining({ kind: 'TEKNIS', jpHours: 24, startDate, endDate }),
    ]);
    // The reservation became spending of what it actually cost; the rest went back to the line.
    expect(await budgetLine()).toMatchObject({ amountReserved: 0, amountSpent: SPENT_BEFORE + 7_000_000 });
    expect(await em.findOneOrFail(BudgetReservation, { caseId: started.id })).toMatchObject({ status: 'SPENT', amount: 7_500_000, amountSpent: 7_000_000 });

    // The 20-JP report no longer lists the employee.
    const after = await report('bkpsdm.diklat', `year=${year}&unitId=${kominfo.id}&limit=100`);
    expect(after.below.items.some((item) => item.employeeId === employee.id)).toBe(false);
    expect(after.below.total).toBe(before.below.total - 1);
    const path = closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId);
    expect(path).toEqual([
      'pemeriksaan-syarat', 'cabang-syarat', 'verifikasi-bkpsdm', 'reservasi-anggaran', 'cabang-anggaran', 'persetujuan-kepala-bkpsdm',
      'surat-tugas', 'laporan-penyelesaian', 'pencatatan-jp', 'selesai',
    ]);
  });

  test('when the cost exceeds what is left of the unit\'s training budget, then the case ends rejected with the amounts and nothing is reserved', async () => {
    const employee = await staff('PELAKSANA');
    const started = await start('kepala.diskominfo', nomination(employee, { cost: 95_000_000 }));
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('rejected');
    const over = closed.data.nominationCheck?.problems.find((p) => p.code === 'OVER_BUDGET');
    expect(over?.message.id).toBe(`Biaya Rp 95.000.000 melebihi sisa anggaran pelatihan unit tahun ${year} (Rp 90.000.000).`);
    expect(closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId).at(-1)).toBe('tidak-memenuhi-syarat');
    expect(await budgetLine()).toMatchObject({ amountReserved: 0, amountSpent: SPENT_BEFORE });
  });

  test('when the employee is not eligible for the training, or another OPD nominates them, then the case ends rejected naming each rule', async () => {
    const employee = await staff('PELAKSANA');
    const pkn = await start('kepala.diskominfo', nomination(employee, { trainingKind: 'PKN_II', trainingTitle: 'PKN Tingkat II Angkatan IV' }));
    const refused = await at(pkn.id, 'closed');
    expect(refused.status).toBe('rejected');
    expect(refused.data.nominationCheck?.problems.map((p) => p.code)).toEqual(['PKN_NOT_ELIGIBLE']);
    expect(refused.data.nominationCheck?.problems[0]?.message.en).toContain('PKN II is for JPT Pratama officials');

    const foreign = await start('kepala.dinkes', nomination(employee));
    expect((await at(foreign.id, 'closed')).data.nominationCheck?.problems.map((p) => p.code)).toEqual(['PROPOSER_OUT_OF_SCOPE']);
  });

  test('when the head of BKPSDM rejects a nomination whose cost was reserved, then the reservation is released', async () => {
    const employee = await staff('PELAKSANA');
    const waiting = await verified(employee, { cost: 12_000_000 });
    expect(await budgetLine()).toMatchObject({ amountReserved: 12_000_000 });
    await act('kepala.bkpsdm', waiting.id, 'reject', { stepId: 'persetujuan-kepala-bkpsdm', comment: 'Prioritas anggaran untuk pelatihan wajib' });
    const closed = await at(waiting.id, 'closed');
    expect(closed.status).toBe('rejected');
    expect(closed.timeline?.filter((e) => e.type === 'effect.compensated')).toEqual([
      expect.objectContaining({ stepId: 'reservasi-anggaran', details: { effect: 'releaseTrainingBudget', applied: true } }),
    ]);
    expect(await budgetLine()).toMatchObject({ amountReserved: 0, amountSpent: SPENT_BEFORE });
    expect(await h.db.em().fork().findOneOrFail(BudgetReservation, { caseId: waiting.id })).toMatchObject({ status: 'RELEASED' });
  });

  test('when the proposer withdraws after the budget check, then the reservation is released', async () => {
    const employee = await staff('PELAKSANA');
    const waiting = await verified(employee, { cost: 4_000_000 });
    expect(await budgetLine()).toMatchObject({ amountReserved: 4_000_000 });
    await act('kepala.diskominfo', waiting.id, 'withdraw', { comment: 'Pegawai berhalangan mengikuti pelatihan' });
    const closed = await at(waiting.id, 'closed');
    expect(closed.status).toBe('withdrawn');
    expect(await budgetLine()).toMatchObject({ amountReserved: 0, amountSpent: SPENT_BEFORE });
  });

  test('when the 20-JP report is asked for, then readers see their own remit and bad parameters are explained', async () => {
    const all = await report('bkpsdm.diklat', `year=${year}`);
    expect(all.summary.employees).toBeGreaterThan(100);
    expect(all.units.length).toBeGreaterThan(10);
    for (const unit of all.units) expect(unit.compliancePct).toBe(Math.round(((unit.employees - unit.below) / unit.employees) * 1000) / 10);
    expect(all.below.items.every((item, i, items) => item.jp < 20 && item.missing === 20 - item.jp && (i === 0 || items[i - 1]!.jp <= item.jp))).toBe(true);

    // A kepala OPD sees their own unit, and only theirs.
    const own = await report('kepala.diskominfo', `year=${year}`);
    expect(own.units.map((u) => u.code)).toEqual(['DISKOMINFO']);
    const refused = (await (await as('kepala.dinkes')).get(`/api/training/jp-report?year=${year}&unitId=${kominfo.id}`).expect(403)).body;
    expect(refused.error.code).toBe('UNIT_OUT_OF_SCOPE');
    const bad = (await (await as('bkpsdm.diklat')).get('/api/training/jp-report?year=20x6').set('Accept-Language', 'en').expect(400)).body;
    expect(bad.error.message).toBe('year must be a four-digit year between 2000 and 2100.');
    await (await as('bkpsdm.diklat')).get('/api/training/jp-report?threshold=0').expect(400);
    await (await as('pengaduan.diskominfo')).get('/api/training/jp-report').expect(403);
  });
});
