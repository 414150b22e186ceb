import { randomUUID } from 'node:crypto';
import { createDefaultEffects, type EffectHandler } from '../../activities';
import { wibDay } from '../../activities/wib-day';
import { CaseTask, Employee, OrgUnit, Position, TemporaryAssignment } from '../../db';
import { latestPeriodEnd } from '../../forms';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const PROCESS = 'penugasan-sementara';
/** Vacant in the demo registry: Kepala Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa (Kesbangpol, administrator III.b). */
const KABID_IDEOLOGI = 234;

interface CaseBody {
  id: string;
  status: string;
  data: Record<string, unknown> & {
    assignmentCheck?: { ok: boolean; problems: Array<{ code: string; message: { id: string; en: string } }> };
    approverUnitId?: string | null;
    endsAt?: string;
  };
  current: { stepId: string; kind: string; visit: number; waitUntil?: string; assignees: Array<{ userId: string }> } | null;
  timeline?: Array<{ type: string; stepId: string | null }>;
}

const day = (offsetDays: number) => wibDay(new Date(Date.now() + offsetDays * 86_400_000));

describe.each(testDatabases())('penugasan sementara ($name)', (database) => {
  let h: Harness;
  const users = new Map<string, SignedIn>();
  let bidang: OrgUnit;
  let kesbangpol: OrgUnit;
  /** When set, the check gives the case an end this many seconds ahead instead of midnight after the end date. */
  let endsInSeconds: number | undefined;

  const as = async (login: string): Promise<SignedIn> => {
    const known = users.get(login);
    if (known) return known;
    const signed = await signIn(h.app, login);
    users.set(login, signed);
    return signed;
  };

  beforeAll(async () => {
    const defaults = createDefaultEffects();
    const check = defaults.checkTemporaryAssignment as EffectHandler;
    // Real time, short: the same check, with the wait's end pulled in to a few seconds from now.
    const shortened: EffectHandler = async (ctx) => {
      const result = await check(ctx);
      if (endsInSeconds === undefined || !result?.data) return result;
      return { data: { ...result.data, endsAt: new Date(Date.now() + endsInSeconds * 1000).toISOString() } };
    };
    h = await startHarness(database.config(), { seed: true, effects: { checkTemporaryAssignment: shortened } });
    const em = h.db.em();
    bidang = await em.findOneOrFail(OrgUnit, { code: 'KESBANGPOL.B1' });
    kesbangpol = await em.findOneOrFail(OrgUnit, { code: 'KESBANGPOL' });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    endsInSeconds = undefined;
  });

  /** A member of the Bidang holding a functional post of this level. */
  async function staffAt(level: 'AHLI_MUDA' | 'AHLI_PERTAMA'): Promise<Employee> {
    const em = h.db.em();
    const seat = await em.findOneOrFail(Position, { unitId: bidang.id, functionalLevel: level, holderEmployeeId: { $ne: null } });
    return em.findOneOrFail(Employee, { id: seat.holderEmployeeId as number });
  }

  async function start(data: Record<string, unknown>, status = 201): Promise<CaseBody> {
    const res = await (await as('bkpsdm.mutasi')).post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', randomUUID())
      .send({ title: `Penugasan ${String(data.kind)}`, data });
    if (res.status !== status) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as CaseBody;
  }

  async function act(login: string, caseId: string, action: string, body: Record<string, unknown>, status = 200): Promise<CaseBody> {
    const res = await (await as(login)).post(`/api/cases/${caseId}/actions/${action}`).set('Idempotency-Key', randomUUID()).send(body);
    if (res.status !== status) throw new Error(`${login} ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return (status === 200 ? res.body.case : res.body) as CaseBody;
  }

  /** The case once it is on `stepId` with its people in place (tasks in the inbox, or a wait with its end), or closed. */
  async function at(caseId: string, stepId: string | 'closed'): Promise<CaseBody> {
    const admin = await as('admin');
    return eventually(async () => {
      const body = (await admin.get(`/api/cases/${caseId}`).expect(200)).body as CaseBody;
      if (stepId === 'closed') return body.status !== 'open' && body.timeline?.some((e) => e.type === 'case.closed') ? body : undefined;
      if (body.current?.stepId !== stepId || body.current.assignees.length === 0) return undefined;
      if (body.current.kind === 'wait') return body.current.waitUntil ? body : undefined;
      return (await h.db.em().count(CaseTask, { caseId, stepId, visit: body.current.visit, status: 'open' })) > 0 ? body : undefined;
    });
  }

  test('when a Plt is ordered, extended once and ended early, then the assignment is in force during the wait and ended after it', async () => {
    const appointee = await staffAt('AHLI_MUDA');
    const endDate = day(60);
    const started = await start({
      kind: 'PLT', unitId: bidang.id, postPositionId: KABID_IDEOLOGI, appointeeNips: [appointee.nip],
      startDate: day(0), endDate, reason: 'Kepala Bidang sebelumnya pensiun; jabatan lowong sampai pelantikan pejabat definitif.',
    });
    const order = await at(started.id, 'surat-perintah-atasan');
    expect(order.data).toMatchObject({ assignmentCheck: { ok: true, problems: [] }, approverUnitId: String(kesbangpol.id) });
    expect(order.current?.assignees.map((a) => a.userId)).toEqual(['kepala.kesbangpol']);

    // The order needs its number and date.
    await act('kepala.kesbangpol', started.id, 'approve', { stepId: 'surat-perintah-atasan', data: { orderNumber: '800/17' } }, 422);
    await act('kepala.kesbangpol', started.id, 'approve', { stepId: 'surat-perintah-atasan', data: { orderNumber: '800.1.11.1/017/2026', orderDate: day(0) } });
    const waiting = await at(started.id, 'masa-penugasan');
    expect(waiting.current?.waitUntil).toBe(waiting.data.endsAt);
    expect(Date.parse(waiting.current?.waitUntil ?? '')).toBe(Date.parse(`${endDate}T00:00:00+07:00`) + 86_400_000);
    expect(waiting.current?.assignees.map((a) => a.userId).sort()).toEqual(['bkpsdm.mutasi', 'kepala.kesbangpol']);

    const inForce = await h.db.em().find(TemporaryAssignment, { caseId: started.id });
    expect(inForce).toEqual([expect.objectContaining({
      kind: 'PLT', employeeId: appointee.id, positionId: KABID_IDEOLOGI, unitId: bidang.id, status: 'ACTIVE',
      orderNumber: '800.1.11.1/017/2026', startDate: day(0), endDate,
    })]);
    // The appointee keeps their own post.
    expect(await h.db.em().findOneOrFail(Employee, { id: appointee.id })).toMatchObject({ positionId: appointee.positionId });

    const extendedTo = latestPeriodEnd(day(61), 3) as string;
    // One extension of at most 3 months: a longer one is refused, and so is a second one.
    const tooLong = await act('bkpsdm.mutasi', started.id, 'extend-wait', { stepId: 'masa-penugasan', until: `${day(200)}T00:00:00+07:00` }, 422);
    expect(tooLong).toMatchObject({ error: { code: 'INVALID_DECISION', details: { rule: 'EXTENSION_LENGTH', eachAtMostMonths: 3 } } });
    expect((tooLong as unknown as { error: { message: string } }).error.message).toContain('paling lama 3 bulan');
    await act('bkpsdm.mutasi', started.id, 'extend-wait', { stepId: 'masa-penugasan', until: `${extendedTo}T23:59:59+07:00`, comment: 'Perpanjangan Plt satu kali' });
    const second = await act('bkpsdm.mutasi', started.id, 'extend-wait', { stepId: 'masa-penugasan', until: `${day(170)}T00:00:00+07:00` }, 422);
    expect(second).toMatchObject({ error: { code: 'INVALID_DECISION', details: { rule: 'EXTENSION_COUNT', count: 1, extensions: 1 } } });
    const ended = await act('kepala.kesbangpol', started.id, 'end-wait', { stepId: 'masa-penugasan', comment: 'Pejabat definitif telah dilantik' });
    expect(['open', 'approved']).toContain(ended.status);
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('approved');
    expect(closed.data).toMatchObject({ assignmentEnd: { endReason: 'ENDED_EARLY', extensions: 1, extendedTo, withinRule: true, endedOn: day(0) } });
    expect(await h.db.em().findOneOrFail(TemporaryAssignment, { caseId: started.id })).toMatchObject({
      status: 'ENDED', endReason: 'ENDED_EARLY', endedOn: day(0), endDate: extendedTo, extensions: 1,
    });
    const path = closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId);
    expect(path).toEqual(['pemeriksaan-syarat', 'cabang-syarat', 'cabang-pejabat', 'surat-perintah-atasan', 'penetapan', 'masa-penugasan', 'pengakhiran', 'selesai']);
  });

  test('when a Plt would last longer than 3 months, then the start form refuses it at the end date', async () => {
    const appointee = await staffAt('AHLI_MUDA');
    const startDate = day(1);
    const latest = latestPeriodEnd(startDate, 3) as string;
    const res = await (await as('bkpsdm.mutasi')).post(`/api/processes/${PROCESS}/cases`).set('Accept-Language', 'en').send({
      title: 'Plt terlalu lama',
      data: { kind: 'PLT', unitId: bidang.id, postPositionId: KABID_IDEOLOGI, appointeeNips: [appointee.nip], startDate, endDate: day(1 + 120), reason: 'Jabatan lowong cukup lama.' },
    }).expect(422);
    expect(res.body.error.code).toBe('FORM_INVALID');
    expect(res.body.error.details.fields.endDate).toEqual([`The period lasts at most 3 months from ${startDate}: the end date must be ${latest} or earlier.`]);
    expect(await h.db.em().count(TemporaryAssignment, {})).toBe(1);
  });

  test('when the appointee is two levels below the post, then the case ends rejected with the reason recorded and nothing assigned', async () => {
    const appointee = await staffAt('AHLI_PERTAMA');
    const started = await start({
      kind: 'PLH', unitId: bidang.id, postPositionId: KABID_IDEOLOGI, appointeeNips: [appointee.nip],
      startDate: day(0), endDate: day(14), reason: 'Pejabat sedang menjalani cuti besar.',
    });
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('rejected');
    expect(closed.data.assignmentCheck?.ok).toBe(false);
    expect(closed.data.assignmentCheck?.problems.map((p) => p.code)).toEqual(['LEVEL']);
    expect(closed.data.assignmentCheck?.problems[0]?.message.id).toContain('tidak setingkat atau satu tingkat di bawah');
    expect(closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId).at(-1)).toBe('tidak-memenuhi-syarat');
    expect(await h.db.em().count(TemporaryAssignment, { caseId: started.id })).toBe(0);
  });

  test('when an emergency task force is deployed, then the Sekda orders it, every member is assigned at once and released when it ends', async () => {
    const em = h.db.em();
    const bpbd = await em.findOneOrFail(OrgUnit, { code: 'BPBD' });
    const seats = await em.find(Position, { jenisJabatan: 'PELAKSANA', holderEmployeeId: { $ne: null } }, { orderBy: { id: 'asc' }, limit: 3 });
    const members = await em.find(Employee, { id: { $in: seats.map((s) => s.holderEmployeeId as number) } }, { orderBy: { id: 'asc' } });
    const started = await start({
      kind: 'DARURAT', unitId: bpbd.id, taskForceName: 'Satgas Tanggap Darurat Banjir Bengawan Solo', appointeeNips: members.map((m) => m.nip),
      startDate: day(0), endDate: day(14), reason: 'Banjir di Kecamatan Pasar Kliwon dan Jebres; dapur umum dan pengungsian.',
    });
    const order = await at(started.id, 'surat-perintah-atasan');
    // The unit headed by the holder of the sekda role signs a task force's order.
    const setda = await em.findOneOrFail(OrgUnit, { code: 'SETDA' });
    expect(order.data).toMatchObject({ approverUnitId: String(setda.id) });
    expect(order.current?.assignees.map((a) => a.userId)).toEqual(['sekda']);
    await act('sekda', started.id, 'approve', { stepId: 'surat-perintah-atasan', data: { orderNumber: '360/112/2026', orderDate: day(0) } });
    await at(started.id, 'masa-penugasan');
    const deployed = await h.db.em().find(TemporaryAssignment, { caseId: started.id }, { orderBy: { employeeId: 'asc' } });
    expect(deployed.map((a) => [a.employeeId, a.kind, a.status, a.taskForceName])).toEqual(
      members.map((m) => [m.id, 'DARURAT', 'ACTIVE', 'Satgas Tanggap Darurat Banjir Bengawan Solo']),
    );

    await act('bkpsdm.mutasi', started.id, 'end-wait', { stepId: 'masa-penugasan', comment: 'Status tanggap darurat dicabut' });
    expect((await at(started.id, 'closed')).status).toBe('approved');
    const released = await h.db.em().find(TemporaryAssignment, { caseId: started.id });
    expect(released.map((a) => a.status)).toEqual(['ENDED', 'ENDED', 'ENDED']);
  });

  test('when the end date comes, then the waiting case ends the assignment by itself', async () => {
    endsInSeconds = 3;
    const appointee = await staffAt('AHLI_MUDA');
    const started = await start({
      kind: 'PLH', unitId: bidang.id, postPositionId: KABID_IDEOLOGI, appointeeNips: [appointee.nip],
      startDate: day(0), endDate: day(7), reason: 'Pejabat menjalani cuti tahunan.',
    });
    await at(started.id, 'surat-perintah-atasan');
    await act('kepala.kesbangpol', started.id, 'approve', { stepId: 'surat-perintah-atasan', data: { orderNumber: '800.1.11.1/018/2026', orderDate: day(0) } });
    await at(started.id, 'masa-penugasan');
    expect(await h.db.em().findOneOrFail(TemporaryAssignment, { caseId: started.id })).toMatchObject({ kind: 'PLH', status: 'ACTIVE' });

    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('approved');
    expect(closed.timeline?.some((e) => e.type === 'wait.ended_early')).toBe(false);
    expect(await h.db.em().findOneOrFail(TemporaryAssignment, { caseId: started.id })).toMatchObject({ status: 'ENDED', endReason: 'EXPIRED', extensions: 0 });
  });
});
