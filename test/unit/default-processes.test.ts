import { createDefaultEffects, parseElectionFreeze } from '../../activities';
import { checkFormSchema, createAjv, latestPeriodEnd, validateSubmission } from '../../forms';
import { defaultForms, rotationVerificationForm, temporaryAssignmentProposalForm } from '../../forms/defaults';
import { validateDefinition } from '../../processes';
import { defaultDefinitions } from '../../processes/defaults';

describe('default forms and processes', () => {
  test('when the default forms are checked, then each may be saved as a form version', () => {
    for (const form of defaultForms) expect({ key: form.key, result: checkFormSchema(form.schema) }).toEqual({ key: form.key, result: { ok: true } });
    expect(new Set(defaultForms.map((f) => f.key)).size).toBe(defaultForms.length);
  });

  test('when the default definitions are validated against the default forms and effects, then they have no problems', () => {
    const forms = new Set(defaultForms.map((f) => `${f.key}@${f.version}`));
    const knownEffects = Object.keys(createDefaultEffects({ electionFreeze: () => [] }));
    for (const definition of defaultDefinitions) {
      const result = validateDefinition(definition, { formExists: (ref) => forms.has(`${ref.key}@${ref.version}`), knownEffects });
      expect({ key: definition.key, problems: result.ok ? [] : result.problems }).toEqual({ key: definition.key, problems: [] });
    }
  });

  test('when BKPSDM approves while a blocking check failed, then the form needs an exception reason', () => {
    const validate = createAjv().compile(rotationVerificationForm.schema);
    expect(validateSubmission(validate, { checksReviewed: true, blockingChecksFailed: false }, 'id').valid).toBe(true);
    const refused = validateSubmission(validate, { checksReviewed: true, blockingChecksFailed: true }, 'id');
    expect(refused.fields.exceptionReason).toEqual(['harus memiliki properti exceptionReason']);
    expect(validateSubmission(validate, { checksReviewed: true, blockingChecksFailed: true, exceptionReason: 'Satu-satunya pegawai dengan keahlian ini' }, 'id').valid).toBe(true);
    expect(validateSubmission(validate, { checksReviewed: true, blockingChecksFailed: false, checks: { blocking: false } }, 'id').valid).toBe(false);
  });

  test('when a Plt lasts longer than 3 months, then the start form refuses it at the end date; a Plh may last longer', () => {
    const validate = createAjv().compile(temporaryAssignmentProposalForm.schema);
    const plt = { kind: 'PLT', unitId: 3, postPositionId: 9, appointeeNips: ['198503122010011002'], startDate: '2026-12-01', endDate: '2027-02-28', reason: 'Pejabat definitif pensiun' };
    expect(validateSubmission(validate, plt, 'id').valid).toBe(true);
    const tooLong = validateSubmission(validate, { ...plt, endDate: '2027-03-01' }, 'en');
    expect(tooLong.fields.endDate).toEqual(['The period lasts at most 3 months from 2026-12-01: the end date must be 2027-02-28 or earlier.']);
    expect(validateSubmission(validate, { ...plt, kind: 'PLH', endDate: '2027-03-01' }, 'id').valid).toBe(true);
    expect(validateSubmission(validate, { ...plt, appointeeNips: [...plt.appointeeNips, '198401022014071002'] }, 'id').fields.appointeeNips).toHaveLength(1);
    const force = { kind: 'DARURAT', unitId: 96, appointeeNips: ['198503122010011002', '198401022014071002'], startDate: '2026-12-01', endDate: '2026-12-14', reason: 'Banjir Bengawan Solo' };
    expect(validateSubmission(validate, force, 'id').fields).toEqual({ taskForceName: ['harus memiliki properti taskForceName'], _form: ['harus cocok dengan skema "then"'] });
  });
});

describe('latestPeriodEnd', () => {
  test('when a period starts mid-month, then it ends the day before the same day n months on', () => {
    expect(latestPeriodEnd('2026-01-15', 3)).toBe('2026-04-14');
    expect(latestPeriodEnd('2026-12-01', 3)).toBe('2027-02-28');
    expect(latestPeriodEnd('2026-11-01', 3)).toBe('2027-01-31');
  });

  test('when the same day does not exist in the last month, then the period ends on that month\'s last day', () => {
    expect(latestPeriodEnd('2026-11-30', 3)).toBe('2027-02-28');
    expect(latestPeriodEnd('2027-11-30', 3)).toBe('2028-02-29');
    expect(latestPeriodEnd('2026-02-30', 3)).toBeNull();
  });
});

describe('parseElectionFreeze', () => {
  test('when windows are configured, then each is read; empty means no freeze', () => {
    expect(parseElectionFreeze('2029-03-01/2029-12-31, 2030-02-20/2030-08-20')).toEqual([
      { start: '2029-03-01', end: '2029-12-31' }, { start: '2030-02-20', end: '2030-08-20' },
    ]);
    expect(parseElectionFreeze(undefined)).toEqual([]);
    expect(parseElectionFreeze(' ')).toEqual([]);
  });

  test('when a window is malformed, then the error says what is expected', () => {
    expect(() => parseElectionFreeze('2029-12-31/2029-03-01')).toThrow(/ALUR_ELECTION_FREEZE must list date ranges/);
    expect(() => parseElectionFreeze('2029-03-01')).toThrow(/"2029-03-01" is not one/);
  });
});
