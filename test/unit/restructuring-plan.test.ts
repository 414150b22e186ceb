import { conversionLevelOf, planRestructuring, type RegistryEmployee, type RegistryPosition, type RegistryUnit, type RestructuringRegistry } from '../../activities/restructuring-plan';
import { readRestructuringProposal } from '../../activities/restructuring-proposal';
import { FUNCTIONAL_LEVELS, JENIS_JABATAN, ORG_UNIT_TYPES } from '../../db';
import { createAjv, validateSubmission } from '../../forms';
import {
  RESTRUCTURING_FUNCTIONAL_LEVELS, RESTRUCTURING_JENIS_JABATAN, RESTRUCTURING_UNIT_TYPES, restructuringProposalForm,
} from '../../forms/defaults';

/**
 * A small pemerintah daerah: Dinas A (10) with Bidang X (20, holding Seksi X1 30 and Seksi X2 31)
 * and Bidang Y (21); Dinas B (11) with Bidang Z (22). Positions are numbered after their unit
 * (30x in unit 30), employees after their position (3001 holds 301).
 */
const units: RegistryUnit[] = [
  { id: 1, code: 'KOTA', type: 'PEMERINTAH_DAERAH', name: 'Pemerintah Kota', parentId: null, headPositionId: null },
  { id: 10, code: 'DA', type: 'DINAS', name: 'Dinas A', parentId: 1, headPositionId: 100 },
  { id: 11, code: 'DB', type: 'DINAS', name: 'Dinas B', parentId: 1, headPositionId: 110 },
  { id: 20, code: 'DA.B1', type: 'BIDANG', name: 'Bidang X', parentId: 10, headPositionId: 200 },
  { id: 21, code: 'DA.B2', type: 'BIDANG', name: 'Bidang Y', parentId: 10, headPositionId: 210 },
  { id: 22, code: 'DB.B1', type: 'BIDANG', name: 'Bidang Z', parentId: 11, headPositionId: 220 },
  { id: 30, code: 'DA.B1.1', type: 'SEKSI', name: 'Seksi X1', parentId: 20, headPositionId: 300 },
  { id: 31, code: 'DA.B1.2', type: 'SEKSI', name: 'Seksi X2', parentId: 20, headPositionId: 310 },
];
const post = (id: number, unitId: number, jenisJabatan: RegistryPosition['jenisJabatan'], eselon: string | null, holder: number | null,
  functionalLevel: RegistryPosition['functionalLevel'] = null): RegistryPosition => ({
  id, name: `Jabatan ${id}`, jenisJabatan, eselon, functionalLevel, unitId, holderEmployeeId: holder,
});
const positions: RegistryPosition[] = [
  post(100, 10, 'JPT_PRATAMA', 'II.b', 1000), post(110, 11, 'JPT_PRATAMA', 'II.b', 1100),
  post(200, 20, 'ADMINISTRATOR', 'III.b', 2000), post(201, 20, 'FUNGSIONAL', null, 2001, 'AHLI_MUDA'), post(202, 20, 'PELAKSANA', null, null),
  post(210, 21, 'ADMINISTRATOR', 'III.b', 2100), post(220, 22, 'ADMINISTRATOR', 'III.b', 2200),
  post(300, 30, 'PENGAWAS', 'IV.a', 3000), post(301, 30, 'PELAKSANA', null, 3001),
  post(310, 31, 'PENGAWAS', 'IV.a', 3100), post(311, 31, 'PELAKSANA', null, 3101),
];
const nipOf = (id: number) => `19800101200501${String(id).padStart(4, '0')}`;
const employees: RegistryEmployee[] = [
  ...positions.filter((p) => p.holderEmployeeId !== null).map((p) => ({
    id: p.holderEmployeeId as number, nip: nipOf(p.holderEmployeeId as number), name: `Pegawai ${p.holderEmployeeId}`, unitId: p.unitId, positionId: p.id,
  })),
  // Awaiting placement: in Seksi X1, no position.
  { id: 3002, nip: nipOf(3002), name: 'Pegawai 3002', unitId: 30, positionId: null },
];

function registry(overrides: Partial<RestructuringRegistry> = {}): RestructuringRegistry {
  return { units, positions, employees, proposerScope: new Set([10, 20, 21, 30, 31]), positionReferences: new Map(), ...overrides };
}

function plan(data: Record<string, unknown>, overrides: Partial<RestructuringRegistry> = {}) {
  return planRestructuring(registry(overrides), readRestructuringProposal({ opdUnitId: 10, ...data }));
}

const codesAt = (outcome: ReturnType<typeof plan>) => outcome.problems.map((p) => [p.code, p.field]);

describe('planRestructuring', () => {
  test('when a proposal removes, merges, renames and creates units with every person placed, then it plans the writes and stops nothing', () => {
    const outcome = plan({
      unitChanges: [
        { op: 'remove', unitId: 30 },
        { op: 'merge', unitId: 31, intoUnitId: 21 },
        { op: 'rename', unitId: 20, name: 'Bidang X dan Z', duties: 'Urusan X dan Z' },
        { op: 'create', ref: 'seksi-baru', parentUnitId: 20, type: 'SEKSI', name: 'Seksi Baru', duties: 'Menyelenggarakan urusan baru' },
      ],
      newPositions: [{ ref: 'kasi-baru', unitRef: 'seksi-baru', name: 'Kepala Seksi Baru', jenisJabatan: 'PENGAWAS', eselon: 'IV.a', heads: true }],
      conversions: [{ positionId: 300, targetLevel: 'AHLI_MUDA', functionalName: 'Analis Kebijakan Ahli Muda', targetUnitId: 20 }],
      employeeMappings: [
        { employeeNip: nipOf(3001), targetUnitId: 20 },
        { employeeNip: nipOf(3002), targetPositionRef: 'kasi-baru' },
      ],
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.blocking).toBe(false);
    const p = outcome.plan!;
    expect(p.createUnits).toEqual([{ ref: 'seksi-baru', parent: 'u:20', code: 'DA.B1.N1', type: 'SEKSI', name: 'Seksi Baru', duties: 'Menyelenggarakan urusan baru' }]);
    expect(p.renameUnits).toEqual([{ unitId: 20, name: 'Bidang X dan Z', type: null, duties: 'Urusan X dan Z' }]);
    expect(p.createPositions).toEqual([expect.objectContaining({ ref: 'kasi-baru', unit: 'n:seksi-baru', holderEmployeeId: 3002 })]);
    expect(p.updatePositions).toEqual(expect.arrayContaining([
      expect.objectContaining({ positionId: 300, unit: 'u:20', jenisJabatan: 'FUNGSIONAL', eselon: null, functionalLevel: 'AHLI_MUDA', name: 'Analis Kebijakan Ahli Muda', holderEmployeeId: 3000, converted: true }),
      expect.objectContaining({ positionId: 301, unit: 'u:20', holderEmployeeId: 3001, converted: false }),
      expect.objectContaining({ positionId: 310, unit: 'u:21', holderEmployeeId: 3100 }),
      expect.objectContaining({ positionId: 311, unit: 'u:21', holderEmployeeId: 3101 }),
    ]));
    expect(p.updatePositions).toHaveLength(4);
    expect(p.updateEmployees).toEqual(expect.arrayContaining([
      { employeeId: 3000, nip: nipOf(3000), unit: 'u:20', position: 'p:300' },
      { employeeId: 3001, nip: nipOf(3001), unit: 'u:20', position: 'p:301' },
      { employeeId: 3002, nip: nipOf(3002), unit: 'n:seksi-baru', position: 'n:kasi-baru' },
      { employeeId: 3100, nip: nipOf(3100), unit: 'u:21', position: 'p:310' },
      { employeeId: 3101, nip: nipOf(3101), unit: 'u:21', position: 'p:311' },
    ]));
    expect(p.updateEmployees).toHaveLength(5);
    expect(p.heads).toEqual([{ unit: 'n:seksi-baru', position: 'n:kasi-baru' }]);
    expect(p.deleteUnits).toEqual(expect.arrayContaining([
      { unitId: 30, merged: false, successor: 'u:20' }, { unitId: 31, merged: true, successor: 'u:21' },
    ]));
    expect(outcome.summary).toEqual({
      unitsCreated: 1, unitsRenamed: 1, unitsMerged: 1, unitsRemoved: 1, positionsCreated: 1, positionsMoved: 4, positionsConverted: 1,
      positionsAbolished: 0, employeesMoved: 5,
    });
  });

  test('when a proposal touches another OPD\'s unit, or its proposer heads another OPD, then each is a problem at its field', () => {
    const outside = plan({ unitChanges: [{ op: 'remove', unitId: 22 }], employeeMappings: [{ employeeNip: nipOf(2200), targetUnitId: 21 }] });
    expect(codesAt(outside)).toEqual([['UNIT_OUTSIDE_OPD', 'unitChanges.0.unitId'], ['EMPLOYEE_OUTSIDE_OPD', 'employeeMappings.0.employeeNip']]);
    expect(outside.problems[0]?.message.id).toBe('Unit Bidang Z (DB.B1) bukan bagian dari Dinas A (DA); usulan hanya dapat mengubah unit perangkat daerah pengusul.');
    expect(outside.plan).toBeNull();

    const otherHead = plan({ unitChanges: [{ op: 'rename', unitId: 20, name: 'Bidang Baru' }] }, { proposerScope: new Set([11, 22]) });
    expect(codesAt(otherHead)).toEqual([['PROPOSER_OUT_OF_SCOPE', 'opdUnitId']]);
    expect(plan({ unitChanges: [{ op: 'remove', unitId: 10 }] })).toMatchObject({ problems: [{ code: 'OPD_ROOT_CHANGE' }] });
  });

  test('when a removed unit still holds people and posts, then each is named as orphaned', () => {
    const outcome = plan({ unitChanges: [{ op: 'remove', unitId: 30 }] });
    expect(codesAt(outcome)).toEqual([
      ['POSITION_ORPHANED', 'unitChanges.0.unitId'], ['POSITION_ORPHANED', 'unitChanges.0.unitId'],
      ['EMPLOYEE_ORPHANED', 'unitChanges.0.unitId'], ['EMPLOYEE_ORPHANED', 'unitChanges.0.unitId'], ['EMPLOYEE_ORPHANED', 'unitChanges.0.unitId'],
    ]);
    expect(outcome.problems[2]?.message).toEqual({
      id: `Pegawai Pegawai 3000, NIP ${nipOf(3000)} tertinggal di unit Seksi X1 (DA.B1.1) yang dihapus: petakan ke unit atau jabatan lain.`,
      en: `Employee Pegawai 3000, NIP ${nipOf(3000)} would be left in the removed unit Seksi X1 (DA.B1.1): map them to another unit or position.`,
    });

    // Removing a unit with sub-units: the sub-units are orphaned too.
    expect(codesAt(plan({ unitChanges: [{ op: 'remove', unitId: 20 }] })).filter(([code]) => code === 'CHILD_ORPHANED')).toHaveLength(2);
    // A vacant post may be abolished; a held one may not.
    expect(codesAt(plan({ positionChanges: [{ positionId: 202, action: 'abolish' }] }))).toEqual([]);
    expect(codesAt(plan({ positionChanges: [{ positionId: 201, action: 'abolish' }] }))).toEqual([['ABOLISH_HELD', 'positionChanges.0.positionId']]);
    const referenced = plan({ positionChanges: [{ positionId: 202, action: 'abolish' }] }, { positionReferences: new Map([[202, 'penugasan-sementara-1']]) });
    expect(codesAt(referenced)).toEqual([['POSITION_REFERENCED', 'positionChanges.0.positionId']]);
  });

  test('when units would end up below themselves, then the proposal is refused', () => {
    expect(codesAt(plan({ unitChanges: [{ op: 'merge', unitId: 20, intoUnitId: 30 }] }))).toEqual([['MERGE_INTO_DESCENDANT', 'unitChanges.0.intoUnitId']]);
    expect(codesAt(plan({ unitChanges: [{ op: 'merge', unitId: 30, intoUnitId: 30 }] }))).toEqual([['MERGE_INTO_SELF', 'unitChanges.0.intoUnitId']]);
    const loop = plan({
      unitChanges: [
        { op: 'create', ref: 'a', parentRef: 'b', type: 'SEKSI', name: 'Seksi A', duties: 'Tugas seksi A' },
        { op: 'create', ref: 'b', parentRef: 'a', type: 'SEKSI', name: 'Seksi B', duties: 'Tugas seksi B' },
      ],
    });
    expect(codesAt(loop)[0]).toEqual(['CYCLE', 'unitChanges.0.parentRef']);
    // A merge into a new unit created below the merged one is a loop as well.
    const below = plan({
      unitChanges: [
        { op: 'create', ref: 'anak', parentUnitId: 30, type: 'SEKSI', name: 'Seksi Anak', duties: 'Tugas seksi anak' },
        { op: 'merge', unitId: 30, intoRef: 'anak' },
      ],
    });
    expect(codesAt(below)).toContainEqual(['PARENT_GONE', 'unitChanges.0.parentUnitId']);
    expect(codesAt(plan({ unitChanges: [{ op: 'merge', unitId: 30, intoUnitId: 31 }, { op: 'remove', unitId: 31 }] }))).toContainEqual(['TARGET_GONE', 'unitChanges.0.intoUnitId']);
  });

  test('when posts are converted, then only Administrator, Pengawas and Eselon V posts convert, each to its own level', () => {
    expect(conversionLevelOf({ jenisJabatan: 'ADMINISTRATOR', eselon: 'III.a' })).toBe('AHLI_MADYA');
    expect(conversionLevelOf({ jenisJabatan: 'PENGAWAS', eselon: 'IV.b' })).toBe('AHLI_MUDA');
    expect(conversionLevelOf({ jenisJabatan: 'PENGAWAS', eselon: 'V.a' })).toBe('AHLI_PERTAMA');
    expect(conversionLevelOf({ jenisJabatan: 'JPT_PRATAMA', eselon: 'II.b' })).toBeNull();
    expect(conversionLevelOf({ jenisJabatan: 'FUNGSIONAL', eselon: null })).toBeNull();

    const wrong = plan({
      conversions: [
        { positionId: 201, targetLevel: 'AHLI_MUDA', functionalName: 'Analis Ahli Muda' },
        { positionId: 200, targetLevel: 'AHLI_MUDA', functionalName: 'Analis Ahli Muda' },
        { positionId: 100, targetLevel: 'AHLI_MADYA', functionalName: 'Analis Ahli Madya' },
      ],
    });
    expect(codesAt(wrong)).toEqual([
      ['CONVERSION_WRONG_JENIS', 'conversions.0.positionId'], ['CONVERSION_LEVEL', 'conversions.1.targetLevel'], ['CONVERSION_WRONG_JENIS', 'conversions.2.positionId'],
    ]);
    expect(wrong.problems[1]?.message.en).toBe('The Administrator post Jabatan 200 (#200) converts to a functional post at Ahli Madya, not Ahli Muda (PermenPANRB 17/2021).');

    // Converting a unit's head post leaves the unit without one: a note, not a problem.
    const headless = plan({ conversions: [{ positionId: 200, targetLevel: 'AHLI_MADYA', functionalName: 'Analis Kebijakan Ahli Madya' }] });
    expect(headless.problems).toEqual([]);
    expect(headless.notes.map((n) => n.code)).toEqual(['UNIT_WITHOUT_HEAD']);
    expect(headless.plan?.heads).toEqual([{ unit: 'u:20', position: null }]);
  });

  test('when people are mapped to posts, then a post takes one person and only once its holder leaves it', () => {
    expect(codesAt(plan({ employeeMappings: [{ employeeNip: nipOf(3001), targetPositionId: 201 }] }))).toEqual([['TARGET_POSITION_TAKEN', 'employeeMappings.0.targetPositionId']]);
    const swap = plan({
      employeeMappings: [{ employeeNip: nipOf(3001), targetPositionId: 201 }, { employeeNip: nipOf(2001), targetPositionId: 301 }],
    });
    expect(swap.problems).toEqual([]);
    expect(swap.plan?.updatePositions).toEqual(expect.arrayContaining([
      expect.objectContaining({ positionId: 201, unit: 'u:20', holderEmployeeId: 3001 }), expect.objectContaining({ positionId: 301, unit: 'u:30', holderEmployeeId: 2001 }),
    ]));
    expect(swap.plan?.updateEmployees).toEqual(expect.arrayContaining([
      { employeeId: 3001, nip: nipOf(3001), unit: 'u:20', position: 'p:201' }, { employeeId: 2001, nip: nipOf(2001), unit: 'u:30', position: 'p:301' },
    ]));
    const twice = plan({ employeeMappings: [{ employeeNip: nipOf(3001), targetPositionId: 202 }, { employeeNip: nipOf(3002), targetPositionId: 202 }] });
    expect(codesAt(twice)).toEqual([['POSITION_HOLDER_TWICE', 'employeeMappings.1.targetPositionId']]);
    expect(codesAt(plan({ employeeMappings: [{ employeeNip: nipOf(3001), targetUnitId: 21 }, { employeeNip: nipOf(3001), targetUnitId: 20 }] })))
      .toEqual([['EMPLOYEE_MAPPED_TWICE', 'employeeMappings.1.employeeNip']]);
    expect(codesAt(plan({ employeeMappings: [{ employeeNip: '199001012015011001', targetUnitId: 21 }] }))).toEqual([['EMPLOYEE_NOT_FOUND', 'employeeMappings.0.employeeNip']]);
  });

  test('when Bagian Organisasi adds a mapping for someone the proposal mapped too, then the later one counts', () => {
    const outcome = plan({
      employeeMappings: [{ employeeNip: nipOf(3002), targetUnitId: 21 }],
      resolutionMappings: [{ employeeNip: nipOf(3002), targetPositionId: 202 }],
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.plan?.updateEmployees).toEqual([{ employeeId: 3002, nip: nipOf(3002), unit: 'u:20', position: 'p:202' }]);
  });

  test('when the stated counts or ABK figures do not add up, then the reviewer gets notes, not problems', () => {
    const outcome = plan({
      unitChanges: [{ op: 'rename', unitId: 21, name: 'Bidang Y Baru' }],
      positionCounts: [{ jenisJabatan: 'PENGAWAS', current: 2, proposed: 3 }, { jenisJabatan: 'PELAKSANA', current: 4, proposed: 2 }],
      abk: [{ positionName: 'Pengadministrasi Perkantoran', workloadHours: 3750, effectiveHours: 1250, staffNeeded: 1, staffInPost: 1 }],
    });
    expect(outcome.blocking).toBe(false);
    expect(outcome.notes.map((n) => [n.code, n.field])).toEqual([
      ['POSITION_COUNT_PROPOSED', 'positionCounts.0.proposed'], ['POSITION_COUNT_CURRENT', 'positionCounts.1.current'],
      ['POSITION_COUNT_PROPOSED', 'positionCounts.1.proposed'], ['ABK_NEED', 'abk.0.staffNeeded'],
    ]);
    expect(outcome.notes[3]?.message.id).toBe('Catatan: ABK Pengadministrasi Perkantoran: beban kerja dibagi jam kerja efektif = 3.00 pegawai, tertulis 1.');
    expect(plan({})).toMatchObject({ blocking: true, problems: [{ code: 'NOTHING_TO_CHANGE' }] });
    expect(planRestructuring(registry(), readRestructuringProposal({ opdUnitId: 999, unitChanges: [] }))).toMatchObject({ opd: null, problems: [{ code: 'OPD_NOT_FOUND' }] });
  });
});

describe('the restructuring proposal form', () => {
  const validate = createAjv().compile(restructuringProposalForm.schema);
  const base = { opdUnitId: 10, background: 'Penyederhanaan birokrasi sesuai PermenPANRB 17/2021.', naskahAkademik: '8c1f2b0e-4d3a-4a5b-9c7d-1e2f3a4b5c6d' };

  test('when its lists name registry kinds, then they are the registry\'s own', () => {
    expect([...RESTRUCTURING_UNIT_TYPES]).toEqual([...ORG_UNIT_TYPES]);
    expect([...RESTRUCTURING_JENIS_JABATAN]).toEqual([...JENIS_JABATAN]);
    expect([...RESTRUCTURING_FUNCTIONAL_LEVELS]).toEqual([...FUNCTIONAL_LEVELS]);
  });

  test('when an operation lacks what its kind needs, then the error sits at that field', () => {
    expect(validateSubmission(validate, { ...base, unitChanges: [{ op: 'merge', unitId: 30, intoUnitId: 31 }] }, 'id').valid).toBe(true);
    expect(validateSubmission(validate, { ...base, unitChanges: [{ op: 'merge', unitId: 30 }] }, 'en').fields)
      .toEqual({ 'unitChanges.0.intoUnitId': ['must have required property intoUnitId'], 'unitChanges.0': ['must match "then" schema'] });
    const create = validateSubmission(validate, { ...base, unitChanges: [{ op: 'create', ref: 'baru', name: 'Seksi Baru', type: 'SEKSI' }] }, 'en').fields;
    expect(Object.keys(create).sort()).toEqual(['unitChanges.0', 'unitChanges.0.duties', 'unitChanges.0.parentUnitId']);
    const mapping = validateSubmission(validate, { ...base, employeeMappings: [{ employeeNip: '198503122010011002' }] }, 'en').fields;
    expect(mapping['employeeMappings.0.targetPositionId']).toEqual(['must have required property targetPositionId']);
    const conversion = validateSubmission(validate, { ...base, conversions: [{ positionId: 3, targetLevel: 'AHLI_UTAMA', functionalName: 'Analis' }] }, 'en').fields;
    expect(Object.keys(conversion)).toEqual(['conversions.0.targetLevel']);
    expect(validateSubmission(validate, { ...base, naskahAkademik: undefined }, 'id').fields.naskahAkademik).toHaveLength(1);
  });
});
