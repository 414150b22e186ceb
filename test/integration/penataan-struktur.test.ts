import { randomUUID } from 'node:crypto';
import { wibDay } from '../../activities/wib-day';
import { BudgetLine, CaseEvent, CaseTask, Employee, OrgUnit, Position, unitSubtreeIds } from '../../db';
import type { ProcessDefinition } from '../../processes';
import { restructuring } from '../../processes/defaults/penataan-struktur';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const PROCESS = 'penataan-struktur';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

interface Finding { code: string; field: string; blocking: boolean; message: { id: string; en: string } }

interface CaseBody {
  id: string;
  status: string;
  data: Record<string, unknown> & {
    structureCheck?: { blocking: boolean; failed: string[]; problems: Finding[]; notes: Finding[]; summary: Record<string, number> };
    restructuringApplied?: boolean;
    restructuringProblem?: { code: string; message: { id: string; en: string }; problems: Finding[] } | null;
  };
  current: { stepId: string; visit: number; deadline?: string; assignees: Array<{ userId: string }> } | null;
  timeline?: Array<{ type: string; stepId: string | null; actor: string | null; outcome: string | null; details: Record<string, unknown> | null }>;
}

describe.each(testDatabases())('penataan struktur ($name)', (database) => {
  let h: Harness;
  const users = new Map<string, SignedIn>();

  const as = async (login: string): Promise<SignedIn> => {
    const known = users.get(login);
    if (known) return known;
    const signed = await signIn(h.app, login);
    users.set(login, signed);
    return signed;
  };

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const unit = (code: string) => h.db.em().findOneOrFail(OrgUnit, { code });
  const heldPosition = async (unitCode: string, where: Partial<Pick<Position, 'jenisJabatan' | 'name'>>) => {
    const found = await h.db.em().findOneOrFail(Position, { unitId: (await unit(unitCode)).id, holderEmployeeId: { $ne: null }, ...where });
    return { position: found, holder: await h.db.em().findOneOrFail(Employee, { id: found.holderEmployeeId as number }) };
  };

  async function upload(login: string, name: string): Promise<string> {
    const res = await (await as(login)).post('/api/attachments').set('Content-Type', 'application/pdf').set('X-File-Name', name).send(PDF).expect(201);
    return res.body.id as string;
  }

  async function start(data: Record<string, unknown>, status = 201, process = PROCESS): Promise<CaseBody & { error?: { code: string; details: { fields: Record<string, string[]> } } }> {
    const res = await (await as('kepala.dinkes')).post(`/api/processes/${process}/cases`).set('Idempotency-Key', randomUUID())
      .send({ title: 'Penataan struktur Dinas Kesehatan', data });
    if (res.status !== status) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function act(login: string, caseId: string, action: string, body: Record<string, unknown>, status = 200): Promise<CaseBody & { error?: { code: string; details: { fields: Record<string, string[]> } } }> {
    const res = await (await as(login)).post(`/api/cases/${caseId}/actions/${action}`).set('Idempotency-Key', randomUUID()).send(body);
    if (res.status !== status) throw new Error(`${login} ${action} ${String(body.stepId)}: ${res.status} ${JSON.stringify(res.body)}`);
    return status === 200 ? res.body.case : res.body;
  }

  /** The case once it has settled on `stepId` (visit `visit` or later) with its tasks in the inboxes, or closed. */
  async function at(caseId: string, stepId: string | 'closed', visit = 1): Promise<CaseBody> {
    const admin = await as('admin');
    return eventually(async () => {
      const body = (await admin.get(`/api/cases/${caseId}`).expect(200)).body as CaseBody;
      if (stepId === 'closed') return body.status !== 'open' && body.timeline?.some((e) => e.type === 'case.closed') ? body : undefined;
      if (body.current?.stepId !== stepId || body.current.visit < visit || body.current.assignees.length === 0) return undefined;
      return (await h.db.em().count(CaseTask, { caseId, stepId, visit: body.current.visit, status: 'open' })) > 0 ? body : undefined;
    }, 30_000);
  }

  const review = { checksReviewed: true, blockingProblems: false, anjabAbkReviewed: true, naskahAkademikReviewed: true, recommendation: 'Usulan sesuai anjab dan ABK; layak diteruskan.' };

  /** Bagian Organisasi reviews, the Sekda and the Walikota approve, the request goes to the Gubernur. */
  async function toGubernur(caseId: string): Promise<CaseBody> {
    await act('organisasi', caseId, 'approve', { stepId: 'telaah-bagian-organisasi', data: review });
    await at(caseId, 'persetujuan-sekda');
    await act('sekda', caseId, 'approve', { stepId: 'persetujuan-sekda', comment: 'Diteruskan kepada Wali Kota' });
    await at(caseId, 'persetujuan-walikota');
    await act('walikota', caseId, 'approve', { stepId: 'persetujuan-walikota' });
    await at(caseId, 'permohonan-gubernur');
    await act('organisasi', caseId, 'approve', { stepId: 'permohonan-gubernur', data: { gubernurRequestNumber: '100.3.3/412/2026', gubernurRequestDate: wibDay(new Date()) } });
    return at(caseId, 'persetujuan-gubernur');
  }

  const perkada = () => ({ perkadaNumber: 'Peraturan Wali Kota Surakarta Nomor 17 Tahun 2026', perkadaDate: wibDay(new Date()), perkadaEffectiveDate: wibDay(new Date()) });

  /** Every employee of the OPD holds a position of their own unit, and every position of the OPD names its holder back. */
  async function expectConsistent(opdCode: string): Promise<void> {
    const em = h.db.em();
    const ids = await unitSubtreeIds(em, (await unit(opdCode)).id);
    const positions = await em.find(Position, { unitId: { $in: ids } });
    const staff = await em.find(Employee, { unitId: { $in: ids } });
    for (const employee of staff) {
      if (employee.positionId === null) continue;
      const position = positions.find((p) => p.id === employee.positionId);
      expect({ nip: employee.nip, unitId: position?.unitId, holder: position?.holderEmployeeId }).toEqual({ nip: employee.nip, unitId: employee.unitId, holder: employee.id });
    }
    for (const position of positions.filter((p) => p.holderEmployeeId !== null)) {
      expect(staff.find((e) => e.id === position.holderEmployeeId)?.positionId).toBe(position.id);
    }
  }

  test('when a kepala OPD proposes removing, merging, renaming and creating units with posts converted and everyone approves, then the registry follows the Perkada', async () => {
    const dinkes = await unit('DINKES');
    const kesmas = await unit('DINKES.B1');
    const kesga = await unit('DINKES.B1.1');
    const p2p = await unit('DINKES.B2');
    const surveilans = await unit('DINKES.B2.1');
    const p2m = await unit('DINKES.B2.2');
    const kasiKesga = await heldPosition('DINKES.B1.1', { jenisJabatan: 'PENGAWAS' });
    const stafKesga = await heldPosition('DINKES.B1.1', { jenisJabatan: 'PELAKSANA' });
    const kasiP2m = await heldPosition('DINKES.B2.2', { jenisJabatan: 'PENGAWAS' });
    const sanitarian = await heldPosition('DINKES.B2', { name: 'Sanitarian Terampil' });

    const naskah = await upload('kepala.dinkes', 'naskah-akademik.pdf');
    const anjab = await upload('kepala.dinkes', 'anjab-abk.pdf');
    const proposal = {
      opdUnitId: dinkes.id,
      background: 'Penyederhanaan birokrasi (PermenPANRB 17/2021) dan penguatan urusan kesehatan lingkungan.',
      unitChanges: [
        { op: 'remove', unitId: kesga.id },
        { op: 'merge', unitId: p2m.id, intoUnitId: surveilans.id },
        { op: 'rename', unitId: p2p.id, name: 'Bidang Pencegahan, Pengendalian Penyakit dan Kesehatan Lingkungan', duties: 'Pencegahan dan pengendalian penyakit serta kesehatan lingkungan' },
        { op: 'create', ref: 'seksi-kesling', parentUnitId: p2p.id, type: 'SEKSI', name: 'Seksi Kesehatan Lingkungan', duties: 'Penyehatan air, pangan, permukiman dan tempat umum' },
      ],
      newPositions: [{ ref: 'kasi-kesling', unitRef: 'seksi-kesling', name: 'Kepala Seksi Kesehatan Lingkungan', jenisJabatan: 'PENGAWAS', eselon: 'IV.a', heads: true }],
      conversions: [
        { positionId: kasiKesga.position.id, targetLevel: 'AHLI_MUDA', functionalName: 'Nutrisionis Ahli Muda', targetUnitId: kesmas.id },
        { positionId: kasiP2m.position.id, targetLevel: 'AHLI_MUDA', functionalName: 'Epidemiolog Kesehatan Ahli Muda' },
      ],
      employeeMappings: [
        { employeeNip: stafKesga.holder.nip, targetUnitId: kesmas.id },
        { employeeNip: sanitarian.holder.nip, targetUnitRef: 'seksi-kesling' },
      ],
      positionCounts: [{ jenisJabatan: 'PENGAWAS', current: 8, proposed: 7 }],
      abk: [{ positionName: 'Sanitarian Terampil', workloadHours: 2500, effectiveHours: 1250, staffNeeded: 2, staffInPost: 1 }],
      budgetImpact: { annualAmount: -48_000_000, budgetYear: 2027, explanation: 'Tunjangan jabatan struktural dua eselon IV diganti tunjangan fungsional.' },
      naskahAkademik: naskah,
      attachments: [{ file: anjab, description: 'Anjab dan ABK Dinas Kesehatan' }],
    };

    const started = await start(proposal);
    const reviewing = await at(started.id, 'telaah-bagian-organisasi');
    expect(reviewing.current?.assignees.map((a) => a.userId)).toEqual(['organisasi']);
    expect(reviewing.data.structureCheck).toMatchObject({
      blocking: false, failed: [], problems: [],
      summary: { unitsCreated: 1, unitsRenamed: 1, unitsMerged: 1, unitsRemoved: 1, positionsCreated: 1, positionsConverted: 2 },
    });

    const gubernur = await toGubernur(started.id);
    expect(gubernur.current?.assignees.map((a) => a.userId)).toEqual(['organisasi']);
    // The Gubernur's 15 calendar days run from the request.
    expect(Date.parse(gubernur.current?.deadline ?? '')).toBeGreaterThanOrEqual(Date.now() + 14 * 86_400_000);
    // The answer needs its letter; the scan comes as an attachment.
    await act('organisasi', started.id, 'approve', { stepId: 'persetujuan-gubernur', data: { gubernurLetterNumber: '061/2231/2026' } }, 422);
    const scan = await upload('organisasi', 'persetujuan-gubernur.pdf');
    await act('organisasi', started.id, 'approve', {
      stepId: 'persetujuan-gubernur', data: { gubernurLetterNumber: '061/2231/2026', gubernurLetterDate: wibDay(new Date()), gubernurLetterAttachment: scan },
    });

    // Posts are converted: KemenPANRB and Mendagri come first.
    await at(started.id, 'persetujuan-pusat');
    const today = wibDay(new Date());
    await act('organisasi', started.id, 'approve', {
      stepId: 'persetujuan-pusat',
      data: { kemenpanrbLetterNumber: 'B/812/M.KT.01/2026', kemenpanrbLetterDate: today, mendagriLetterNumber: '100.2.1.3/5521/OTDA', mendagriLetterDate: today },
    });
    await at(started.id, 'penetapan-perkada');
    await act('hukum', started.id, 'approve', { stepId: 'penetapan-perkada', data: perkada() });
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('approved');
    expect(closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId)).toEqual([
      'pemeriksaan-struktur', 'telaah-bagian-organisasi', 'cek-hasil-pemeriksaan', 'persetujuan-sekda', 'persetujuan-walikota', 'permohonan-gubernur',
      'persetujuan-gubernur', 'cabang-penyetaraan', 'persetujuan-pusat', 'penetapan-perkada', 'pembaruan-registri', 'cabang-registri', 'disetujui',
    ]);
    expect(closed.data).toMatchObject({ restructuringApplied: true, restructuringProblem: null });

    // The registry.
    const em = h.db.em();
    expect(await em.count(OrgUnit, { id: { $in: [kesga.id, p2m.id] } })).toBe(0);
    expect(await em.findOneOrFail(OrgUnit, { id: p2p.id })).toMatchObject({ name: 'Bidang Pencegahan, Pengendalian Penyakit dan Kesehatan Lingkungan' });
    const kesling = await em.findOneOrFail(OrgUnit, { name: 'Seksi Kesehatan Lingkungan' });
    const kasiKesling = await em.findOneOrFail(Position, { unitId: kesling.id, name: 'Kepala Seksi Kesehatan Lingkungan' });
    expect(kesling).toMatchObject({ parentId: p2p.id, type: 'SEKSI', code: 'DINKES.B2.N1', headPositionId: kasiKesling.id });
    expect(kasiKesling).toMatchObject({ jenisJabatan: 'PENGAWAS', eselon: 'IV.a', holderEmployeeId: null });

    expect(await em.findOneOrFail(Position, { id: kasiKesga.position.id })).toMatchObject({
      unitId: kesmas.id, jenisJabatan: 'FUNGSIONAL', eselon: null, functionalLevel: 'AHLI_MUDA', name: 'Nutrisionis Ahli Muda', holderEmployeeId: kasiKesga.holder.id,
    });
    expect(await em.findOneOrFail(Employee, { id: kasiKesga.holder.id })).toMatchObject({ unitId: kesmas.id, positionId: kasiKesga.position.id, tmtJabatan: today });
    expect(await em.findOneOrFail(Position, { id: kasiP2m.position.id })).toMatchObject({ unitId: surveilans.id, jenisJabatan: 'FUNGSIONAL', functionalLevel: 'AHLI_MUDA' });
    expect(await em.findOneOrFail(Employee, { id: kasiP2m.holder.id })).toMatchObject({ unitId: surveilans.id, positionId: kasiP2m.position.id });
    expect(await em.findOneOrFail(Position, { id: stafKesga.position.id })).toMatchObject({ unitId: kesmas.id, holderEmployeeId: stafKesga.holder.id });
    expect(await em.findOneOrFail(Employee, { id: stafKesga.holder.id })).toMatchObject({ unitId: kesmas.id, positionId: stafKesga.position.id });
    expect(await em.findOneOrFail(Position, { id: sanitarian.position.id })).toMatchObject({ unitId: kesling.id, holderEmployeeId: sanitarian.holder.id });
    expect(await em.findOneOrFail(Employee, { id: sanitarian.holder.id })).toMatchObject({ unitId: kesling.id });
    // Nothing left behind in the removed or merged units.
    expect(await em.count(Position, { unitId: { $in: [kesga.id, p2m.id] } })).toBe(0);
    expect(await em.count(Employee, { unitId: { $in: [kesga.id, p2m.id] } })).toBe(0);
    expect(await em.count(OrgUnit, { parentId: { $in: [kesga.id, p2m.id] } })).toBe(0);
    await expectConsistent('DINKES');
    // Applied exactly once.
    expect(await em.count(CaseEvent, { caseId: started.id, type: 'effect.applied', stepId: 'pembaruan-registri' })).toBe(1);
  });

  test('when a proposal touches another OPD\'s unit or leaves people in a removed unit, then the form or the check says where, and the proposer revises it', async () => {
    const dinkes = await unit('DINKES');
    const dpupr = await unit('DPUPR');
    const yankes = await unit('DINKES.B3.1');
    const naskah = await upload('kepala.dinkes', 'naskah-akademik.pdf');
    const base = { opdUnitId: dinkes.id, background: 'Penyederhanaan birokrasi pada Bidang Pelayanan Kesehatan.', naskahAkademik: naskah };

    // The form refuses an operation that lacks what its kind needs, at that field.
    const malformed = await start({ ...base, unitChanges: [{ op: 'merge', unitId: yankes.id }] }, 422);
    expect(malformed.error?.code).toBe('FORM_INVALID');
    expect(malformed.error?.details.fields['unitChanges.0.intoUnitId']).toHaveLength(1);

    const started = await start({ ...base, unitChanges: [{ op: 'remove', unitId: dpupr.id }, { op: 'remove', unitId: yankes.id }] });
    const reviewing = await at(started.id, 'telaah-bagian-organisasi');
    const check = reviewing.data.structureCheck!;
    expect(check.blocking).toBe(true);
    expect(check.failed.sort()).toEqual(['EMPLOYEE_ORPHANED', 'POSITION_ORPHANED', 'UNIT_OUTSIDE_OPD']);
    expect(check.problems.find((p) => p.code === 'UNIT_OUTSIDE_OPD')).toMatchObject({
      field: 'unitChanges.0.unitId', message: { id: expect.stringContaining('bukan bagian dari Dinas Kesehatan'), en: expect.stringContaining('is not part of Dinas Kesehatan') },
    });
    const kasiYankes = await heldPosition('DINKES.B3.1', { jenisJabatan: 'PENGAWAS' });
    const stafYankes = await heldPosition('DINKES.B3.1', { jenisJabatan: 'PELAKSANA' });
    const orphaned = check.problems.filter((p) => p.code === 'EMPLOYEE_ORPHANED');
    expect(orphaned.map((p) => p.field)).toEqual(['unitChanges.1.unitId', 'unitChanges.1.unitId']);
    expect(orphaned.map((p) => p.message.id).join(' ')).toContain(`NIP ${stafYankes.holder.nip}`);

    // Bagian Organisasi cannot approve it, and returns it to the proposer.
    const refused = await act('organisasi', started.id, 'approve', { stepId: 'telaah-bagian-organisasi', data: { ...review, blockingProblems: true } }, 422);
    expect(Object.keys(refused.error?.details.fields ?? {})).toEqual(['blockingProblems']);
    await act('organisasi', started.id, 'return', { stepId: 'telaah-bagian-organisasi', to: 'initiator', comment: 'Unit DPUPR bukan kewenangan Dinas Kesehatan; petakan pegawai Seksi Pelayanan Kesehatan.' });
    await at(started.id, '$revision');

    const bidang = await unit('DINKES.B3');
    await act('kepala.dinkes', started.id, 'resubmit', {
      data: {
        ...base,
        unitChanges: [{ op: 'remove', unitId: yankes.id }],
        conversions: [{ positionId: kasiYankes.position.id, targetLevel: 'AHLI_MUDA', functionalName: 'Administrator Kesehatan Ahli Muda', targetUnitId: bidang.id }],
        employeeMappings: [{ employeeNip: stafYankes.holder.nip, targetUnitId: bidang.id }],
      },
    });
    const revised = await at(started.id, 'telaah-bagian-organisasi', 2);
    expect(revised.data.structureCheck).toMatchObject({ blocking: false, problems: [], summary: { unitsRemoved: 1, positionsConverted: 1 } });
    await act('kepala.dinkes', started.id, 'withdraw', { comment: 'Dibahas ulang bersama Bagian Organisasi' });
    expect((await at(started.id, 'closed')).status).toBe('withdrawn');
    expect(await h.db.em().count(OrgUnit, { id: yankes.id })).toBe(1);
  });

  test('when someone joins a unit to be removed after the check, then nothing changes until Bagian Organisasi maps them, and the update then applies once', async () => {
    const dinkes = await unit('DINKES');
    const bidang = await unit('DINKES.B3');
    const farmasi = await unit('DINKES.B3.2');
    const kasiFarmasi = await heldPosition('DINKES.B3.2', { jenisJabatan: 'PENGAWAS' });
    const stafFarmasi = await heldPosition('DINKES.B3.2', { jenisJabatan: 'PELAKSANA' });
    const started = await start({
      opdUnitId: dinkes.id,
      background: 'Urusan kefarmasian dilaksanakan langsung oleh Bidang Pelayanan dan Sumber Daya Kesehatan.',
      unitChanges: [{ op: 'remove', unitId: farmasi.id }],
      conversions: [{ positionId: kasiFarmasi.position.id, targetLevel: 'AHLI_MUDA', functionalName: 'Apoteker Ahli Muda', targetUnitId: bidang.id }],
      employeeMappings: [{ employeeNip: stafFarmasi.holder.nip, targetUnitId: bidang.id }],
      naskahAkademik: await upload('kepala.dinkes', 'naskah-akademik.pdf'),
    });
    await at(started.id, 'telaah-bagian-organisasi');
    await toGubernur(started.id);
    await act('organisasi', started.id, 'approve', { stepId: 'persetujuan-gubernur', data: { gubernurLetterNumber: '061/2300/2026', gubernurLetterDate: wibDay(new Date()) } });
    await at(started.id, 'persetujuan-pusat');
    const today = wibDay(new Date());
    await act('organisasi', started.id, 'approve', {
      stepId: 'persetujuan-pusat',
      data: { kemenpanrbLetterNumber: 'B/900/M.KT.01/2026', kemenpanrbLetterDate: today, mendagriLetterNumber: '100.2.1.3/6001/OTDA', mendagriLetterDate: today },
    });
    await at(started.id, 'penetapan-perkada');

    // Meanwhile a pelaksana of the Bidang is moved, with their post, into the Seksi to be removed.
    const newcomer = await heldPosition('DINKES.B3', { jenisJabatan: 'PELAKSANA' });
    await h.db.em().nativeUpdate(Position, { id: newcomer.position.id }, { unitId: farmasi.id });
    await h.db.em().nativeUpdate(Employee, { id: newcomer.holder.id }, { unitId: farmasi.id });

    await act('hukum', started.id, 'approve', { stepId: 'penetapan-perkada', data: perkada() });
    const conflict = await at(started.id, 'konflik-registri');
    expect(conflict.current?.assignees.map((a) => a.userId)).toEqual(['organisasi']);
    expect(conflict.data.restructuringApplied).toBe(false);
    expect(conflict.data.restructuringProblem).toMatchObject({ code: 'REGISTRY_CHANGED', message: { id: expect.stringMatching(/^Registri tidak diubah/), en: expect.stringMatching(/^The registry was not changed/) } });
    expect(conflict.data.restructuringProblem?.problems.map((p) => p.code).sort()).toEqual(['EMPLOYEE_ORPHANED', 'POSITION_ORPHANED']);
    expect(conflict.data.restructuringProblem?.problems.find((p) => p.code === 'EMPLOYEE_ORPHANED')?.message.id).toContain(newcomer.holder.nip);
    // Nothing was applied.
    expect(await h.db.em().count(OrgUnit, { id: farmasi.id })).toBe(1);
    expect(await h.db.em().findOneOrFail(Position, { id: kasiFarmasi.position.id })).toMatchObject({ jenisJabatan: 'PENGAWAS', unitId: farmasi.id });

    await act('organisasi', started.id, 'approve', {
      stepId: 'konflik-registri', data: { resolutionNote: 'Pegawai yang baru ditempatkan dikembalikan ke Bidang', resolutionMappings: [{ employeeNip: newcomer.holder.nip, targetUnitId: bidang.id }] },
    });
    const closed = await at(started.id, 'closed');
    expect(closed.status).toBe('approved');
    expect(closed.data).toMatchObject({ restructuringApplied: true, restructuringProblem: null });
    const em = h.db.em();
    expect(await em.count(OrgUnit, { id: farmasi.id })).toBe(0);
    expect(await em.findOneOrFail(Employee, { id: newcomer.holder.id })).toMatchObject({ unitId: bidang.id, positionId: newcomer.position.id });
    expect(await em.findOneOrFail(Position, { id: kasiFarmasi.position.id })).toMatchObject({ jenisJabatan: 'FUNGSIONAL', unitId: bidang.id, holderEmployeeId: kasiFarmasi.holder.id });
    await expectConsistent('DINKES');
    // Each visit of the update step applied once: the refused one and the one that changed the registry.
    expect(closed.timeline?.filter((e) => e.type === 'effect.applied' && e.stepId === 'pembaruan-registri')).toHaveLength(2);
    expect(closed.timeline?.filter((e) => e.type === 'step.entered').map((e) => e.stepId).slice(-7)).toEqual([
      'penetapan-perkada', 'pembaruan-registri', 'cabang-registri', 'konflik-registri', 'pembaruan-registri', 'cabang-registri', 'disetujui',
    ]);
  });

  test('when a unit to be removed is still referred to where the update cannot move it, then none of the update is kept', async () => {
    const dinkes = await unit('DINKES');
    const sekretariat = await unit('DINKES.SEK');
    const keuangan = await unit('DINKES.SEK.KEU');
    const kasubagKeu = await heldPosition('DINKES.SEK.KEU', { jenisJabatan: 'PENGAWAS' });
    const started = await start({
      opdUnitId: dinkes.id,
      background: 'Urusan keuangan dan aset dilaksanakan langsung oleh Sekretariat.',
      unitChanges: [{ op: 'remove', unitId: keuangan.id }, { op: 'rename', unitId: sekretariat.id, name: 'Sekretariat Dinas Kesehatan dan Keuangan' }],
      conversions: [{ positionId: kasubagKeu.position.id, targetLevel: 'AHLI_MUDA', functionalName: 'Analis Keuangan Ahli Muda', targetUnitId: sekretariat.id }],
      naskahAkademik: await upload('kepala.dinkes', 'naskah-akademik.pdf'),
    });
    await at(started.id, 'telaah-bagian-organisasi');
    await toGubernur(started.id);
    await act('organisasi', started.id, 'approve', { stepId: 'persetujuan-gubernur', data: { gubernurLetterNumber: '061/2400/2026', gubernurLetterDate: wibDay(new Date()) } });
    await at(started.id, 'persetujuan-pusat');
    const today = wibDay(new Date());
    await act('organisasi', started.id, 'approve', {
      stepId: 'persetujuan-pusat',
      data: { kemenpanrbLetterNumber: 'B/950/M.KT.01/2026', kemenpanrbLetterDate: today, mendagriLetterNumber: '100.2.1.3/6100/OTDA', mendagriLetterDate: today },
    });
    await at(started.id, 'penetapan-perkada');

    // Both units have a budget line for the same year and purpose: the update does not add up money on its own.
    const lines = { year: 2031, kind: 'TRAINING' as const, amountAllocated: 10_000_000, amountReserved: 0, amountSpent: 0 };
    await h.db.em().insert(BudgetLine, { ...lines, unitId: sekretariat.id });
    const keuLine = await h.db.em().insert(BudgetLine, { ...lines, unitId: keuangan.id });
    await act('hukum', started.id, 'approve', { stepId: 'penetapan-perkada', data: perkada() });
    const conflict = await at(started.id, 'konflik-registri');
    expect(conflict.data.restructuringProblem).toMatchObject({ code: 'STILL_REFERENCED', message: { id: expect.stringMatching(/^Registri tidak diubah/) } });
    // The rename and the conversion written before the failing deletion are gone with it.
    const em = h.db.em();
    expect(await em.findOneOrFail(OrgUnit, { id: sekretariat.id })).toMatchObject({ name: sekretariat.name });
    expect(await em.findOneOrFail(Position, { id: kasubagKeu.position.id })).toMatchObject({ jenisJabatan: 'PENGAWAS', unitId: keuangan.id });

    await h.db.em().nativeDelete(BudgetLine, { id: keuLine });
    await act('organisasi', started.id, 'approve', { stepId: 'konflik-registri', data: { resolutionNote: 'Pagu Subbagian Keuangan digabung ke Sekretariat secara manual' } });
    expect((await at(started.id, 'closed')).status).toBe('approved');
    expect(await h.db.em().count(OrgUnit, { id: keuangan.id })).toBe(0);
    expect(await h.db.em().findOneOrFail(Position, { id: kasubagKeu.position.id })).toMatchObject({ jenisJabatan: 'FUNGSIONAL', unitId: sekretariat.id });
    await expectConsistent('DINKES');
  });

  test('when the Gubernur does not answer before the deadline, then the step is deemed approved and the case goes on', async () => {
    // The same process with the Gubernur's 15 days shortened to seconds, published as its own process.
    const key = `penataan-struktur-singkat-${randomUUID().slice(0, 8)}`;
    const shortened: ProcessDefinition = {
      ...restructuring,
      key,
      steps: restructuring.steps.map((step) => (step.id === 'persetujuan-gubernur' && step.kind === 'approval'
        ? { ...step, deadline: { seconds: 3 }, reminders: [] }
        : step)),
    };
    await (await as('admin')).post('/api/processes').send({ definition: shortened, changeNote: 'Tenggat singkat untuk pengujian' }).expect(201);

    const dinkes = await unit('DINKES');
    const bidang = await unit('DINKES.B3');
    const started = await start({
      opdUnitId: dinkes.id,
      background: 'Penyesuaian nomenklatur bidang dengan urusan pelayanan kesehatan.',
      unitChanges: [{ op: 'rename', unitId: bidang.id, name: 'Bidang Pelayanan Kesehatan dan Sumber Daya Kesehatan' }],
      naskahAkademik: await upload('kepala.dinkes', 'naskah-akademik.pdf'),
    }, 201, key);
    await at(started.id, 'telaah-bagian-organisasi');
    await toGubernur(started.id);

    // Nobody records an answer: after the deadline the step is deemed approved.
    const perkadaStep = await at(started.id, 'penetapan-perkada');
    const deemed = perkadaStep.timeline?.filter((e) => e.stepId === 'persetujuan-gubernur' && (e.type === 'step.deemed' || e.type === 'step.decided'));
    expect(deemed).toEqual([expect.objectContaining({ type: 'step.deemed', outcome: 'approved', actor: null })]);
    expect(perkadaStep.timeline?.filter((e) => e.type === 'branch.taken' && e.stepId === 'cabang-penyetaraan').map((e) => e.details?.next)).toEqual(['penetapan-perkada']);

    await act('hukum', started.id, 'approve', { stepId: 'penetapan-perkada', data: perkada() });
    expect((await at(started.id, 'closed')).status).toBe('approved');
    expect(await h.db.em().findOneOrFail(OrgUnit, { id: bidang.id })).toMatchObject({ name: 'Bidang Pelayanan Kesehatan dan Sumber Daya Kesehatan' });
  });
});
