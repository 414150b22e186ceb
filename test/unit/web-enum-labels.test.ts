import { withEnumLabels } from '../../web/src/forms/localize-schema';

describe('enum labels for react-jsonschema-form', () => {
  const schema = {
    type: 'object',
    properties: {
      verification: { type: 'string', enum: ['DITERIMA', 'DITUNDA'], enumNames: ['Diterima', 'Ditunda'] },
      kinds: { type: 'array', items: { type: 'string', enum: ['PLT', 'PLH'], enumNames: ['Pelaksana Tugas', 'Pelaksana Harian'] } },
      note: { type: 'string' },
    },
  };

  test('when a schema labels its enums, then the uiSchema carries the labels, next to what it already says', () => {
    expect(withEnumLabels(schema, { note: { 'ui:widget': 'textarea' } })).toEqual({
      verification: { 'ui:enumNames': ['Diterima', 'Ditunda'] },
      kinds: { items: { 'ui:enumNames': ['Pelaksana Tugas', 'Pelaksana Harian'] } },
      note: { 'ui:widget': 'textarea' },
    });
  });

  test('when the uiSchema sets its own labels, then they win', () => {
    const ui = { verification: { 'ui:enumNames': ['Terima', 'Tunda'] } };
    expect(withEnumLabels(schema, ui).verification).toEqual({ 'ui:enumNames': ['Terima', 'Tunda'] });
  });
});
