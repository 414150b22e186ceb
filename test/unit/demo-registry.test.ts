import { buildDemoRegistry, DEMO_AS_OF, ROLES, type DemoRegistry } from '../../db';
import { golonganFitsEselon, parseNip, validateEmployee } from '../../forms';

describe('the demo registry of Pemerintah Kota Surakarta', () => {
  let demo: DemoRegistry;
  beforeAll(() => {
    demo = buildDemoRegistry();
  });

  const opds = () => demo.orgUnits.filter((u) => u.parentId === demo.orgUnits[0]?.id);
  const positionOf = (positionId: number | null) => demo.positions.find((p) => p.id === positionId);
  const headOf = (unitCode: string) => {
    const unit = demo.orgUnits.find((u) => u.code === unitCode);
    const position = demo.positions.find((p) => p.id === unit?.headPositionId);
    return { unit, position, employee: demo.employees.find((e) => e.id === position?.holderEmployeeId) };
  };

  test('when built twice, then every row is the same', () => {
    expect(buildDemoRegistry()).toEqual(demo);
  });

  test('when there is no randomness and no clock to read, then it still builds the same rows', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => { throw new Error('Math.random used'); });
    const now = jest.spyOn(Date, 'now').mockImplementation(() => { throw new Error('Date.now used'); });
    try {
      expect(buildDemoRegistry()).toEqual(demo);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  test('when every employee is validated as a form would, then none has an error', () => {
    const failures = demo.employees
      .map((e) => ({ nip: e.nip, errors: validateEmployee({ ...e, positionEselon: positionOf(e.positionId)?.eselon ?? null }) }))
      .filter((r) => Object.keys(r.errors).length > 0);
    expect(failures).toEqual([]);
    expect(demo.employees.length).toBeGreaterThanOrEqual(550);
    expect(demo.employees.length).toBeLessThanOrEqual(650);
  });

  test('when NIPs are compared, then they are unique and agree with birth date and gender', () => {
    expect(new Set(demo.employees.map((e) => e.nip)).size).toBe(demo.employees.length);
    for (const e of demo.employees) {
      const parts = parseNip(e.nip, { today: DEMO_AS_OF });
      expect(parts).toMatchObject({ birthDate: e.birthDate, gender: e.gender });
    }
  });

  test('when the OPDs are listed, then the usual units of a kota are there, with the five kecamatan', () => {
    const names = opds().map((u) => u.name);
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const expected of [
      'Sekretariat Daerah', 'Sekretariat DPRD', 'Inspektorat Daerah', 'Badan Perencanaan Pembangunan Daerah',
      'Badan Pengelolaan Keuangan dan Aset Daerah', 'Badan Pendapatan Daerah', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      'Badan Penanggulangan Bencana Daerah', 'Badan Kesatuan Bangsa dan Politik', 'Satuan Polisi Pamong Praja', 'Dinas Pendidikan',
      'Dinas Kesehatan', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Sosial',
      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'Dinas Komunikasi, Informatika, Statistik dan Persandian',
      'Kecamatan Laweyan', 'Kecamatan Serengan', 'Kecamatan Pasar Kliwon', 'Kecamatan Jebres', 'Kecamatan Banjarsari',
    ]) expect(names).toContain(expected);
    const setdaChildren = (code: string) => demo.orgUnits.filter((u) => u.parentId === demo.orgUnits.find((p) => p.code === code)?.id).map((u) => u.name);
    expect([...setdaChildren('SETDA.AS1'), ...setdaChildren('SETDA.AS3')]).toEqual(expect.arrayContaining(['Bagian Hukum', 'Bagian Organisasi']));
  });

  test('when the heads are read, then the Sekda is JPT Pratama II.a, kepala dinas II.b and camat III.a', () => {
    expect(headOf('SETDA').position).toMatchObject({ name: 'Sekretaris Daerah', jenisJabatan: 'JPT_PRATAMA', eselon: 'II.a' });
    expect(headOf('DINKES').position).toMatchObject({ name: 'Kepala Dinas Kesehatan', jenisJabatan: 'JPT_PRATAMA', eselon: 'II.b' });
    expect(headOf('KEC.JEBRES').position).toMatchObject({ name: 'Camat Jebres', jenisJabatan: 'ADMINISTRATOR', eselon: 'III.a' });
    expect(headOf('DINKES.SEK').position?.eselon).toBe('III.a');
    expect(headOf('DINKES.B1').position?.eselon).toBe('III.b');
    expect(headOf('DINKES.B1.1').position?.eselon).toBe('IV.a');
    for (const opd of opds()) expect(headOf(opd.code).employee).toBeDefined();
  });

  test('when golongan is compared with the eselon of each post, then it always fits', () => {
    for (const e of demo.employees) {
      const eselon = positionOf(e.positionId)?.eselon;
      if (eselon) expect([e.nip, golonganFitsEselon(e.golongan, eselon)]).toEqual([e.nip, true]);
    }
  });

  test('when positions and holders are cross-checked, then they agree and a few posts are vacant', () => {
    for (const e of demo.employees) {
      const position = positionOf(e.positionId);
      expect(position?.holderEmployeeId).toBe(e.id);
      expect(position?.unitId).toBe(e.unitId);
    }
    const vacant = demo.positions.filter((p) => p.holderEmployeeId === null);
    expect(vacant.length).toBeGreaterThanOrEqual(5);
    expect(vacant.length).toBeLessThanOrEqual(20);
    expect(vacant.some((p) => p.eselon !== null)).toBe(true);
  });

  test('when users are listed, then every role has someone and every OPD has its kepala and feedback admin', () => {
    const logins = demo.users.map((u) => u.login);
    expect(new Set(logins).size).toBe(logins.length);
    for (const role of ROLES) expect([role, demo.users.some((u) => u.roles.includes(role))]).toEqual([role, true]);
    expect(demo.users.find((u) => u.login === 'admin')?.roles).toEqual(['administrator']);
    expect(demo.users.find((u) => u.login === 'walikota')?.roles).toEqual(['ppk']);
    expect(demo.users.find((u) => u.login === 'sekda')).toMatchObject({ roles: ['sekda', 'kepala_opd'], employeeId: headOf('SETDA').employee?.id });
    for (const opd of opds()) {
      const kepala = demo.users.filter((u) => u.roles.includes('kepala_opd') && u.unitScopeId === opd.id);
      expect(kepala.map((u) => u.employeeId)).toEqual([headOf(opd.code).employee?.id]);
      expect(demo.users.filter((u) => u.roles.includes('feedback_admin') && u.unitScopeId === opd.id)).toHaveLength(1);
    }
    for (const role of ROLES) expect(role).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  test('when the TPK is read, then it has an odd number of members and the Sekda chairs it', () => {
    expect(demo.committees.map((c) => c.code)).toEqual(['TPK']);
    const members = demo.committeeMembers.filter((m) => m.committeeId === demo.committees[0]?.id);
    expect(members.length % 2).toBe(1);
    const chairs = members.filter((m) => m.role === 'CHAIR');
    expect(chairs.map((m) => demo.users.find((u) => u.id === m.userId)?.login)).toEqual(['sekda']);
  });

  test('when the 2026 calendar is read, then 16 January is Isra Mi\'raj and the cuti bersama are there', () => {
    const day = (date: string) => demo.calendarDays.find((d) => d.date === date);
    expect(day('2026-01-16')).toMatchObject({ kind: 'NATIONAL_HOLIDAY', nameId: "Isra Mi'raj Nabi Muhammad SAW" });
    expect(day('2026-08-25')?.nameId).toMatch(/^Maulid Nabi/);
    expect(day('2026-08-17')?.kind).toBe('NATIONAL_HOLIDAY');
    expect(demo.calendarDays.filter((d) => d.kind === 'CUTI_BERSAMA').map((d) => d.date)).toEqual([
      '2026-02-16', '2026-03-18', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
    ]);
    expect(demo.calendarDays.every((d) => d.date.startsWith('2026-') && d.nameId && d.nameEn)).toBe(true);
  });

  test('when budgets are read, then every OPD has a 2026 training line in whole rupiah, not overspent', () => {
    expect(demo.budgetLines.map((b) => b.unitId).sort((a, b) => a - b)).toEqual(opds().map((u) => u.id).sort((a, b) => a - b));
    for (const line of demo.budgetLines) {
      expect(line).toMatchObject({ year: 2026, kind: 'TRAINING' });
      expect(Number.isInteger(line.amountAllocated) && line.amountAllocated > 0).toBe(true);
      expect(line.amountSpent + line.amountReserved).toBeLessThanOrEqual(line.amountAllocated);
    }
  });

  test('when the history is read, then SKP covers recent years, some sanctions are in force and training has JP', () => {
    expect(new Set(demo.skpRatings.map((r) => r.year))).toEqual(new Set([2023, 2024, 2025]));
    const inForce = demo.sanctions.filter((s) => s.startDate <= DEMO_AS_OF && (s.endDate === null || s.endDate >= DEMO_AS_OF));
    expect(inForce.length).toBeGreaterThanOrEqual(2);
    expect(inForce.length).toBeLessThan(demo.sanctions.length);
    expect(demo.trainings.every((t) => t.jpHours > 0 && t.startDate <= t.endDate && t.year === Number(t.endDate.slice(0, 4)))).toBe(true);
    const latsar = new Set(demo.trainings.filter((t) => t.kind === 'LATSAR').map((t) => t.employeeId));
    expect(latsar.size).toBe(demo.employees.length);
  });

  test('when any date is compared with the demo\'s "today", then none lies after it except the end of a sanction', () => {
    const dates = [
      ...demo.employees.flatMap((e) => [e.birthDate, e.tmtGolongan, e.tmtJabatan, e.lastInaugurationDate]),
      ...demo.trainings.flatMap((t) => [t.startDate, t.endDate]),
      ...demo.sanctions.map((s) => s.startDate),
    ].filter((d): d is string => d !== null);
    expect(dates.filter((d) => d > DEMO_AS_OF)).toEqual([]);
  });
});
