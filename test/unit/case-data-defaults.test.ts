import { caseDataDefaults } from '../../web/src/forms/case-data-defaults';

describe('step form values taken from the case', () => {
  test('when a field says defaultFrom "data.<path>", then it starts with the case data there; other sources and missing values are left out', () => {
    const uiSchema = {
      blockingChecksFailed: { 'ui:readonly': true, 'ui:options': { defaultFrom: 'data.checks.blocking' } },
      handlingUnitId: { 'ui:options': { defaultFrom: 'data.unitId' } },
      currentUnitId: { 'ui:options': { picker: 'unit', defaultFrom: 'employee.unit.id' } },
      missing: { 'ui:options': { defaultFrom: 'data.nothing.here' } },
      note: { 'ui:widget': 'textarea' },
    };
    expect(caseDataDefaults(uiSchema, { checks: { blocking: false }, unitId: 12 })).toEqual({ blockingChecksFailed: false, handlingUnitId: 12 });
  });
});
