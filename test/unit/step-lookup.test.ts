import type { AssigneeRule, ProcessDefinition } from '../../processes/model';
import { stepAfter } from '../../server/use-cases/step-lookups';
import { isStepLookup, lookupBasis, readsCase, type LookupContext } from '../../workflows/step-lookup';

const caseA: LookupContext = { initiator: { userId: 'kepala.dinkes', unitId: '7' }, subjectUnitId: '12', data: { unitTujuan: '3', lain: 'x' } };
const caseB: LookupContext = { initiator: { userId: 'kepala.bkpsdm', unitId: '9' }, subjectUnitId: '40', data: { unitTujuan: '5' } };

describe('the basis of a step lookup (what the assignee rules read of a case)', () => {
  const caseFree: AssigneeRule[][] = [
    [{ kind: 'role', role: 'sekda' }],
    [{ kind: 'committee', committee: 'TPK' }],
    [{ kind: 'user', userId: 'walikota' }],
    [{ kind: 'role', role: 'ppk' }, { kind: 'user', userId: 'sekda' }],
  ];
  const caseBound: AssigneeRule[][] = [
    [{ kind: 'initiator' }],
    [{ kind: 'unitHead', unit: { from: 'subject' } }],
    [{ kind: 'unitHead', unit: { from: 'initiator' } }],
    [{ kind: 'role', role: 'kepala_opd', unit: { from: 'field', path: 'unitTujuan' } }],
  ];

  test.each(caseFree)('when the rules read nothing of a case (%j), then every case has the same basis, so the API may look up without reading the case', (...rules) => {
    expect(readsCase(rules)).toBe(false);
    expect(lookupBasis(rules, caseA)).toBe(lookupBasis(rules, caseB));
  });

  test.each(caseBound)('when the rules read the case (%j), then two cases that differ there have different bases', (...rules) => {
    expect(readsCase(rules)).toBe(true);
    expect(lookupBasis(rules, caseA)).not.toBe(lookupBasis(rules, caseB));
  });

  test('when a decision changes a field no rule reads, then the basis stays the same; when it changes the unit a rule reads, it changes', () => {
    const rules: AssigneeRule[] = [{ kind: 'unitHead', unit: { from: 'field', path: 'unitTujuan' } }];
    expect(lookupBasis(rules, { ...caseA, data: { ...caseA.data, lain: 'y' } })).toBe(lookupBasis(rules, caseA));
    expect(lookupBasis(rules, { ...caseA, data: { ...caseA.data, unitTujuan: '4' } })).not.toBe(lookupBasis(rules, caseA));
  });

  test('when the rules differ, then the bases differ', () => {
    expect(lookupBasis([{ kind: 'role', role: 'sekda' }], caseA)).not.toBe(lookupBasis([{ kind: 'role', role: 'ppk' }], caseA));
  });
});

describe('a handed-in lookup is checked for shape before the case uses it', () => {
  const good = { stepId: 'putus', basis: '{}', assignees: [{ userId: 'sekda' }, { userId: 'b', substituteFor: 'a' }], at: '2026-11-24T01:00:00.000Z' };
  test('when it is well formed, with or without a calendar, then it is accepted', () => {
    expect(isStepLookup(good)).toBe(true);
    expect(isStepLookup({ ...good, calendar: { utcOffsetMinutes: 420, weekend: [6, 7], holidays: ['2026-12-25'] } })).toBe(true);
  });
  test.each([
    ['no step', { ...good, stepId: undefined }],
    ['a bad time', { ...good, at: 'yesterday' }],
    ['an assignee without a user', { ...good, assignees: [{ userId: '' }] }],
    ['assignees that are not a list', { ...good, assignees: 'sekda' }],
    ['a calendar without holidays', { ...good, calendar: { utcOffsetMinutes: 420, weekend: [] } }],
  ])('when it has %s, then it is refused', (_label, value) => {
    expect(isStepLookup(value)).toBe(false);
  });
});

describe('the step a decision leads to, which the API looks up', () => {
  const definition = {
    key: 'uji', version: 1, name: { id: 'Uji', en: 'Test' }, starters: [], firstStep: 'periksa',
    steps: [
      { id: 'periksa', kind: 'task', name: { id: 'p', en: 'p' }, assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], next: 'putus' },
      { id: 'putus', kind: 'approval', name: { id: 'k', en: 'k' }, assignees: [{ kind: 'role', role: 'sekda' }], mode: { kind: 'single' }, returnTargets: ['initiator', 'periksa'], next: { approved: 'selesai', rejected: 'ditolak' } },
      { id: 'selesai', kind: 'end', name: { id: 's', en: 's' }, outcome: 'approved' },
      { id: 'ditolak', kind: 'end', name: { id: 'd', en: 'd' }, outcome: 'rejected' },
    ],
  } as ProcessDefinition;

  test('when a task is submitted or an approval decided, then it is the step named for that outcome', () => {
    expect(stepAfter(definition, 'periksa', 'approve')?.id).toBe('putus');
    expect(stepAfter(definition, 'putus', 'approve')?.id).toBe('selesai');
    expect(stepAfter(definition, 'putus', 'reject')?.id).toBe('ditolak');
  });

  test('when a step is returned, then it is the step returned to, and none for the initiator', () => {
    expect(stepAfter(definition, 'putus', 'return', 'periksa')?.id).toBe('periksa');
    expect(stepAfter(definition, 'putus', 'return', 'initiator')).toBeUndefined();
  });

  test('when the step is unknown or a task is "rejected", then there is none', () => {
    expect(stepAfter(definition, 'tidak-ada', 'approve')).toBeUndefined();
    expect(stepAfter(definition, 'periksa', 'reject')).toBeUndefined();
  });
});
