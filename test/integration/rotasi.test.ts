import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createDefaultEffects, loadRegistryCalendar, type ElectionFreezeWindow } from '../../activities';
import { wibDay } from '../../activities/wib-day';
import { CaseEvent, CaseTask, Employee, OrgUnit, Position, SkpRating, unitSubtreeIds } from '../../db';
import { golonganRank, type Golongan } from '../../forms';
import { openApiDocument } from '../../server/openapi';
import { deadlineAfter } from '../../workflows/working-days';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const PROCESS = 'rotasi-jabatan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
/** Vacant seats of the demo registry (db/seed): two Kepala Subbagian and two Kepala Seksi, all IV.a. */
const BAPPEDA_KASUBAG_UMPEG = 104;
const BPKAD_KASUBAG_KEU = 137;
const DPUPR_KASI_JALAN = 371;
const PASARKLIWON_KASI_PM = 547;

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(method: string, route: string, res: Response): void {
  expect({ route, status: res.status, problems: documented.problems(method, route, res.status, res.body) })
    .toEqual({ route, status: res.status, problems: [] });
}

interface CaseBody {
  id: string;
  status: string;
  data: Record<string, unknown> & { checks?: { blocking: boolean; failed: string[]; items: Record<string, { passed: boolean }> }; inFreeze?: boolean };
  current: { stepId: string; visit: number; deadline?: string; startedAt: string; assignees: Array<{ userId: string }> } | null;
  timeline?: Array<{ type: string; stepId: string | null; actor: string | null; details: Record<string, unknown> | null }>;
}

interface Candidate {
  rank: number;
  score: number;
  employee: { id: number; nip: string; name: string; unit: { id: number } };
  components: Record<string, { weight: number; value: number; points: number; reason: { id: string; en: string } }>;
}

describe.each(testDatabases())('rotasi / mutasi / promosi jabatan ($name)', (database) => {
  let h: Harness;
  let freeze: ElectionFreezeWindow[] = [];
  const users = new Map<string, SignedIn>();
  let dinkesUnits: number[];

  const as = async (login: string): Promise<SignedIn> => {
    const known = users.get(login);
    if (known) return known;
    const signed = await signIn(h.app, login);
    users.set(login, signed);
    return signed;
  };

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true, effects: createDefaultEffects({ electionFreeze: () => freeze }) });
    const em = h.db.em();
    const dinkes = await em.findOneOrFail(OrgUnit, { code: 'DINKES' });
    dinkesUnits = await unitSubtreeIds(em, dinkes.id);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    freeze = [];
  });

  async function act(login: string, caseId: string, action: string, body: Record<string, unknown>, status = 200): Promise<CaseBody> {
    const res = await (await as(login)).post(`/api/cases/${caseId}/actions/${action}`).set('Idempotency-Key', randomUUID()).send(body);
    if (res.status !== status) throw new Error(`${login} ${action} ${String(body.stepId)}: ${res.status} ${JSON.stringify(res.body)}`);
    return (status === 200 ? res.body.case : res.body) as CaseBody;
  }

  /** The case as the administrator reads it, once it has settled on `stepId` and its tasks are in the inboxes (or it closed). */
  async function at(caseId: string, stepId: string | 'closed'): Promise<CaseBody> {
    const admin = await as('admin');
    return eventually(async () => {
      const res = await admin.get(`/api/cases/${caseId}`).expect(200);
      const body = res.body as CaseBody;
      if (stepId === 'closed') return body.status !== 'open' && body.timeline?.some((e) => e.type === 'case.closed') ? body : undefined;
      if (body.current?.stepId !== stepId || body.current.assignees.length === 0) return undefined;
      const inbox = await h.db.em().count(CaseTask, { caseId, stepId, visit: body.current.visit, status: 'open' });
      return inbox > 0 ? body : undefined;
    });
  }

  async function propose(nip: string, unitId: number, positionId: number, reason = 'rotasi'): Promise<CaseBody> {
    const res = await (await as('kepala.dinkes')).post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', randomUUID()).send({
      title: `Usulan ${reason} NIP ${nip}`,
      data: { employeeNip: nip, currentUnitId: unitId, targetPositionId: positionId, reason, justification: 'Penyegaran organisasi dan pemenuhan kebutuhan jabatan yang lowong.' },
    }).expect(201);
    return at((res.body as CaseBody).id, 'verifikasi-bkpsdm');
  }

  /** BKPSDM verifies, three of the five TPK members approve, the Sekda forwards; the case as it then settles on `next`. */
  async function throughSekda(caseId: string, next: string): Promise<CaseBody> {
    await act('bkpsdm.mutasi', caseId, 'approve', { stepId: 'verifikasi-bkpsdm', data: { checksReviewed: true, blockingChecksFailed: false, verificationNote: 'Berkas lengkap' } });
    const tpk = await at(caseId, 'sidang-tpk');
    expect(tpk.current?.assignees.map((a) => a.userId).sort()).toEqual(['asisten.administrasi', 'asisten.pemerintahan', 'kepala.bkpsdm', 'kepala.insp', 'sekda']);
    const [first, second, third] = ['sekda', 'kepala.bkpsdm', 'kepala.insp'];
    await act(first as string, caseId, 'approve', {
      stepId: 'sidang-tpk', data: { tpkConsideration: 'Kompetensi sesuai', beritaAcaraNumber: 'BA.800/TPK/2026', beritaAcaraDate: wibDay(new Date()) },
    });
    const afterOne = await act(second as string, caseId, 'approve', { stepId: 'sidang-tpk', data: { tpkConsideration: 'Setuju' } });
    expect(afterOne.current?.stepId).toBe('sidang-tpk');
    await act(third as string, caseId, 'approve', { stepId: 'sidang-tpk', data: { tpkConsideration: 'Setuju, kinerja baik' } });
    await at(caseId, 'persetujuan-sekda');
    await act('sekda', caseId, 'approve', { stepId: 'persetujuan-sekda', comment: 'Diteruskan kepada Wali Kota' });
    return at(caseId, next);
  }

  /** Walikota decides, Bagian Hukum registers the SK, the inauguration is recorded; the case as it then settles on `next`. */
  async function fromWalikota(caseId: string, sk: { skNumber: string; skDate: string; skTmt: string }, next: string | 'closed'): Promise<CaseBody> {
    await at(caseId, 'keputusan-ppk');
    await act('walikota', caseId, 'approve', { stepId: 'keputusan-ppk' });
    await at(caseId, 'registrasi-sk');
    await act('hukum', caseId, 'approve', { stepId: 'registrasi-sk', data: sk });
    await at(caseId, 'pelantikan');
    await act('bkpsdm.mutasi', caseId, 'approve', { stepId: 'pelantikan', data: { inaugurationDate: sk.skTmt, inaugurationPlace: 'Pendhapi Gedhe Balai Kota Surakarta' } });
    return at(caseId, next);
  }

  /** Candidates for a seat as the kepala OPD sees them, with the last two SKP ratings at least Baik. */
  async function eligibleCandidates(positionId: number): Promise<Candidate[]> {
    const res = await (await as('kepala.dinkes')).get(`/api/rotation/candidates?positionId=${positionId}&limit=20`).expect(200);
    const em = h.db.em();
    const out: Candidate[] = [];
    for (const candidate of res.body.items as Candidate[]) {
      const ratings = await em.find(SkpRating, { employeeId: candidate.employee.id }, { orderBy: { year: 'desc' }, limit: 2 });
      if (ratings.length === 2 && ratings.every((r) => r.rating === 'BAIK' || r.rating === 'SANGAT_BAIK')) out.push(candidate);
    }
    return out;
  }

  test('when a kepala OPD asks for candidates, then eligible staff of their OPD come ranked, each score explained', async () => {
    const res = await (await as('kepala.dinkes')).get(`/api/rotation/candidates?positionId=${BAPPEDA_KASUBAG_UMPEG}&limit=5`).expect(200);
    expect(res.body.position).toMatchObject({ id: BAPPEDA_KASUBAG_UMPEG, eselon: 'IV.a', vacant: true });
    expect(res.body.eligibility).toMatchObject({ golongan: { min: 'III/c', max: 'III/d' }, lastSkpAtLeast: 'BAIK' });
    expectDocumented('get', '/api/rotation/candidates', res);
    const items = res.body.items as Candidate[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items.map((c) => c.score)).toEqual([...items.map((c) => c.score)].sort((a, b) => b - a));
    const em = h.db.em();
    for (const candidate of items) {
      expect(dinkesUnits).toContain(candidate.employee.unit.id);
      const employee = await em.findOneOrFail(Employee, { id: candidate.employee.id });
      expect(golonganRank(employee.golongan as Golongan)).toBeGreaterThanOrEqual(golonganRank('III/c'));
      expect(Object.keys(candidate.components).sort()).toEqual(['competencies', 'education', 'performance', 'training']);
      const points = Object.values(candidate.components).reduce((sum, c) => sum + c.points, 0);
      expect(candidate.score).toBeCloseTo(points, 0);
      for (const c of Object.values(candidate.components)) expect(c.reason.id.length).toBeGreaterThan(5);
    }

    // BKPSDM sees the whole registry; other roles may not ask; an unknown seat is 404.
    const all = await (await as('bkpsdm.mutasi')).get(`/api/rotation/candidates?positionId=${BAPPEDA_KASUBAG_UMPEG}&limit=100`).expect(200);
    expect(all.body.considered).toBeGreaterThan(res.body.considered);
    expectDocumented('get', '/api/rotation/candidates', all);
    expectDocumented('get', '/api/rotation/candidates', await (await as('pengaduan.dinkes')).get(`/api/rotation/candidates?positionId=${BAPPEDA_KASUBAG_UMPEG}`).expect(403));
    const unknown = await (await as('bkpsdm.mutasi')).get('/api/rotation/candidates?positionId=999999').expect(404);
    expect(unknown.body.error.code).toBe('POSITION_NOT_FOUND');
    expectDocumented('get', '/api/rotation/candidates', unknown);
    expectDocumented('get', '/api/rotation/candidates', await (await as('bkpsdm.mutasi')).get('/api/rotation/candidates?positionId=abc').expect(400));
  });

  test('when a kepala OPD proposes an eligible employee and everyone approves, then the registry moves the employee to the new position', async () => {
    const [candidate] = await eligibleCandidates(BAPPEDA_KASUBAG_UMPEG);
    if (!candidate) throw new Error('the demo registry has no eligible candidate');
    const em = h.db.em();
    const before = await em.findOneOrFail(Employee, { id: candidate.employee.id });
    const oldPositionId = before.positionId;
    const target = await em.findOneOrFail(Position, { id: BAPPEDA_KASUBAG_UMPEG });

    const started = await propose(candidate.employee.nip, candidate.employee.unit.id, BAPPEDA_KASUBAG_UMPEG);
    expect(started.data.checks).toMatchObject({ blocking: false, failed: [] });
    expect(started.data.checks?.items.pangkat?.passed).toBe(true);
    expect(started.data.inFreeze).toBe(false);
    expect(started.current?.assignees.map((a) => a.userId)).toEqual(['bkpsdm.mutasi']);

    const forwarded = await throughSekda(started.id, 'keputusan-ppk');
    expect(forwarded.current?.assignees.map((a) => a.userId)).toEqual(['walikota']);
    const sk = { skNumber: '821.2/045/2026', skDate: wibDay(new Date()), skTmt: wibDay(new Date(Date.now() + 3 * 86_400_000)) };
    const closed = await fromWalikota(started.id, sk, 'closed');
    expect(closed.status).toBe('approved');
    const path = closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId);
    expect(path).toEqual([
      'pemeriksaan-syarat', 'verifikasi-bkpsdm', 'syarat-atau-pengecualian', 'sidang-tpk', 'persetujuan-sekda', 'cek-masa-larangan',
      'cabang-masa-larangan', 'keputusan-ppk', 'registrasi-sk', 'pelantikan', 'pembaruan-registri', 'cabang-registri', 'cabang-laporan', 'disetujui',
    ]);
    expect(closed.data).toMatchObject({ rotationApplied: true, skNumber: sk.skNumber });

    // The registry, through its own API and in the tables.
    const detail = await (await as('admin')).get(`/api/registry/employees/${candidate.employee.id}`).expect(200);
    expect(detail.body.position).toMatchObject({ id: BAPPEDA_KASUBAG_UMPEG, tmt: sk.skTmt });
    expect(detail.body.unit.id).toBe(target.unitId);
    expect(detail.body.lastInaugurationDate).toBe(sk.skTmt);
    const fresh = h.db.em();
    expect(await fresh.findOneOrFail(Position, { id: BAPPEDA_KASUBAG_UMPEG })).toMatchObject({ holderEmployeeId: candidate.employee.id });
    if (oldPositionId !== null) expect(await fresh.findOneOrFail(Position, { id: oldPositionId })).toMatchObject({ holderEmployeeId: null });
    expect(await fresh.findOneOrFail(Employee, { id: candidate.employee.id })).toMatchObject({ positionId: BAPPEDA_KASUBAG_UMPEG, unitId: target.unitId, tmtJabatan: sk.skTmt });
    // Applied exactly once.
    expect(await fresh.count(CaseEvent, { caseId: started.id, type: 'effect.applied', stepId: 'pembaruan-registri' })).toBe(1);
  });

  test('when the employee\'s pangkat does not fit the target eselon, then BKPSDM cannot approve without an exception reason', async () => {
    const em = h.db.em();
    const staff = await em.find(Employee, { unitId: { $in: dinkesUnits } }, { orderBy: { id: 'asc' } });
    const junior = staff.find((e) => golonganRank(e.golongan as Golongan) < golonganRank('III/c'));
    if (!junior) throw new Error('the demo registry has no junior employee in Dinas Kesehatan');

    const started = await propose(junior.nip, junior.unitId, DPUPR_KASI_JALAN, 'promosi');
    expect(started.data.checks?.blocking).toBe(true);
    expect(started.data.checks?.failed).toContain('pangkat');
    expect(started.data.checks?.items.pangkat?.passed).toBe(false);

    const refused = await act('bkpsdm.mutasi', started.id, 'approve', { stepId: 'verifikasi-bkpsdm', data: { checksReviewed: true, blockingChecksFailed: true } }, 422);
    expect(refused).toMatchObject({ error: { code: 'FORM_INVALID' } });
    expect((refused as unknown as { error: { details: { fields: Record<string, string[]> } } }).error.details.fields.exceptionReason).toHaveLength(1);
    expect((await at(started.id, 'verifikasi-bkpsdm')).current?.visit).toBe(1);

    // Claiming nothing failed gets past the form, not past the process: the case comes back.
    await act('bkpsdm.mutasi', started.id, 'approve', { stepId: 'verifikasi-bkpsdm', data: { checksReviewed: true, blockingChecksFailed: false } });
    const back = await eventually(async () => {
      const body = await at(started.id, 'verifikasi-bkpsdm');
      return body.current?.visit === 2 ? body : undefined;
    });
    expect(back.timeline?.filter((e) => e.type === 'branch.taken').map((e) => e.details?.next)).toEqual(['verifikasi-bkpsdm']);

    await act('bkpsdm.mutasi', started.id, 'approve', {
      stepId: 'verifikasi-bkpsdm', data: { checksReviewed: true, blockingChecksFailed: true, exceptionReason: 'Satu-satunya pegawai dengan keahlian ini; kenaikan pangkat sedang diproses.' },
    });
    expect((await at(started.id, 'sidang-tpk')).data.exceptionReason).toMatch(/^Satu-satunya/);
  });

  test('when the case is inside the election freeze, then it reaches the Walikota only after Mendagri\'s approval is recorded, and a report is due in 7 working days', async () => {
    const today = wibDay(new Date());
    freeze = [{ start: wibDay(new Date(Date.now() - 30 * 86_400_000)), end: wibDay(new Date(Date.now() + 60 * 86_400_000)) }];
    const moved = (await h.db.em().findOneOrFail(Position, { id: BAPPEDA_KASUBAG_UMPEG })).holderEmployeeId;
    const candidate = (await eligibleCandidates(BPKAD_KASUBAG_KEU)).find((c) => c.employee.id !== moved);
    if (!candidate) throw new Error('the demo registry has no second eligible candidate');

    const started = await propose(candidate.employee.nip, candidate.employee.unit.id, BPKAD_KASUBAG_KEU);
    expect(started.data).toMatchObject({ inFreeze: true, checks: { blocking: false } });
    const forwarded = await throughSekda(started.id, 'persetujuan-mendagri');
    expect(forwarded.current?.assignees.map((a) => a.userId)).toEqual(['bkpsdm.mutasi']);

    // The Walikota has nothing to sign yet: not involved in the case, nothing in the inbox, and
    // even an administrator cannot decide the PPK step before it is current.
    const early = await act('walikota', started.id, 'approve', { stepId: 'keputusan-ppk' }, 403);
    expect(early).toMatchObject({ error: { code: 'CASE_FORBIDDEN' } });
    expect(await act('admin', started.id, 'approve', { stepId: 'keputusan-ppk' }, 409)).toMatchObject({ error: { code: 'STEP_NOT_CURRENT' } });
    const inbox = await (await as('walikota')).get('/api/tasks').expect(200);
    expect((inbox.body.items as Array<{ caseId: string }>).some((t) => t.caseId === started.id)).toBe(false);
    // The letter is required, with its scan.
    await act('bkpsdm.mutasi', started.id, 'approve', { stepId: 'persetujuan-mendagri', data: { mendagriLetterNumber: '100.2.2.6/1234/OTDA', mendagriLetterDate: today } }, 422);

    const scan = await (await as('bkpsdm.mutasi')).post('/api/attachments').set('Content-Type', 'application/pdf').set('X-File-Name', 'persetujuan-mendagri.pdf').send(PDF).expect(201);
    await act('bkpsdm.mutasi', started.id, 'approve', {
      stepId: 'persetujuan-mendagri', data: { mendagriLetterNumber: '100.2.2.6/1234/OTDA', mendagriLetterDate: today, mendagriLetterAttachment: scan.body.id },
    });
    expect((await at(started.id, 'keputusan-ppk')).current?.assignees.map((a) => a.userId)).toEqual(['walikota']);

    const report = await fromWalikota(started.id, { skNumber: '821.2/046/2026', skDate: today, skTmt: today }, 'laporan-mendagri');
    const calendar = await loadRegistryCalendar(h.db);
    const current = report.current as NonNullable<CaseBody['current']>;
    expect(current.deadline).toBe(deadlineAfter(new Date(current.startedAt), { workingDays: 7 }, calendar).toISOString());
    expect(await h.db.em().findOneOrFail(Position, { id: BPKAD_KASUBAG_KEU })).toMatchObject({ holderEmployeeId: candidate.employee.id });

    await act('bkpsdm.mutasi', started.id, 'approve', { stepId: 'laporan-mendagri', data: { reportLetterNumber: '800/512/BKPSDM/2026', reportDate: today } });
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('approved');
    const path = closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId);
    expect(path?.slice(path.indexOf('cabang-masa-larangan'))).toEqual([
      'cabang-masa-larangan', 'persetujuan-mendagri', 'keputusan-ppk', 'registrasi-sk', 'pelantikan', 'pembaruan-registri',
      'cabang-registri', 'cabang-laporan', 'laporan-mendagri', 'disetujui',
    ]);
  });

  test('when the target position is taken before the registry update, then nothing changes until BKPSDM resolves it, and the update then applies once', async () => {
    const em = h.db.em();
    const taken = new Set((await em.find(Position, { id: { $in: [BAPPEDA_KASUBAG_UMPEG, BPKAD_KASUBAG_KEU] } })).map((p) => p.holderEmployeeId));
    const candidate = (await eligibleCandidates(PASARKLIWON_KASI_PM)).find((c) => !taken.has(c.employee.id));
    if (!candidate) throw new Error('the demo registry has no third eligible candidate');
    const before = await em.findOneOrFail(Employee, { id: candidate.employee.id });
    const started = await propose(candidate.employee.nip, candidate.employee.unit.id, PASARKLIWON_KASI_PM);
    await throughSekda(started.id, 'keputusan-ppk');
    await act('walikota', started.id, 'approve', { stepId: 'keputusan-ppk' });
    await at(started.id, 'registrasi-sk');
    const today = wibDay(new Date());
    await act('hukum', started.id, 'approve', { stepId: 'registrasi-sk', data: { skNumber: '821.2/047/2026', skDate: today, skTmt: today } });
    await at(started.id, 'pelantikan');

    // Meanwhile someone else is put into the seat (another case, a registry edit).
    const other = await em.findOneOrFail(Employee, { id: { $nin: [candidate.employee.id, ...[...taken].filter((id): id is number => id !== null)] }, golongan: 'III/c' });
    await h.db.em().nativeUpdate(Position, { id: PASARKLIWON_KASI_PM }, { holderEmployeeId: other.id });
    await act('bkpsdm.mutasi', started.id, 'approve', { stepId: 'pelantikan', data: { inaugurationDate: today } });
    const conflict = await at(started.id, 'konflik-registri');
    expect(conflict.data).toMatchObject({ rotationApplied: false, rotationProblem: { code: 'TARGET_TAKEN', holderEmployeeId: other.id } });
    expect(await h.db.em().findOneOrFail(Employee, { id: candidate.employee.id })).toMatchObject({ positionId: before.positionId, unitId: before.unitId });

    await h.db.em().nativeUpdate(Position, { id: PASARKLIWON_KASI_PM }, { holderEmployeeId: null });
    await act('bkpsdm.mutasi', started.id, 'approve', { stepId: 'konflik-registri', comment: 'Penempatan lain dibatalkan' });
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('approved');
    expect(await h.db.em().findOneOrFail(Position, { id: PASARKLIWON_KASI_PM })).toMatchObject({ holderEmployeeId: candidate.employee.id });
    expect(closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId).slice(-7)).toEqual([
      'pembaruan-registri', 'cabang-registri', 'konflik-registri', 'pembaruan-registri', 'cabang-registri', 'cabang-laporan', 'disetujui',
    ]);
    // Each visit of the update step applied once: the refused one and the one that moved the employee.
    expect(closed.timeline?.filter((e) => e.type === 'effect.applied' && e.stepId === 'pembaruan-registri')).toHaveLength(2);
  });
});
