import { checkFormSchema, FormValidators, validateSubmission, diffFormSchemas, validateNipPppk } from '../../forms';

const rotationForm = {
  type: 'object',
  required: ['nip', 'golongan', 'alasan'],
  properties: {
    nip: { type: 'string', format: 'nip', title: 'NIP' },
    golongan: { type: 'string', format: 'golongan' },
    alasan: { type: 'string', enum: ['rotasi', 'promosi', 'demosi'] },
    tmt: { type: 'string', format: 'date' },
    alamat: { type: 'object', properties: { kota: { type: 'string', minLength: 3 } } },
  },
};

describe('checkFormSchema', () => {
  test('when the schema is a sound draft-07 object schema, then it may be saved', () => {
    expect(checkFormSchema(rotationForm)).toEqual({ ok: true });
  });

  test('when a keyword is misspelt, then strict mode refuses it and points at it', () => {
    const result = checkFormSchema({ type: 'object', properties: { nama: { type: 'string', maxLenght: 10 } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.pointer).toBe('/properties/nama/maxLenght');
    expect(result.problems[0]!.message.en).toContain('maxLenght');
  });

  test('when the schema is not valid JSON Schema, then the problem names the place', () => {
    const result = checkFormSchema({ type: 'object', properties: { umur: { type: 'integer', minimum: 'nol' } } });
    expect(result).toMatchObject({ ok: false, problems: [{ pointer: '/properties/umur/minimum' }] });
  });

  test('when a $ref points outside the schema, then it is refused and nothing is fetched', () => {
    const result = checkFormSchema({ type: 'object', properties: { x: { $ref: 'https://example.org/schema.json' } } });
    expect(result).toMatchObject({ ok: false, problems: [{ pointer: '/properties/x/$ref' }] });
  });

  test('when the schema is nested too deeply or too large, then it is refused', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 20; i++) deep = { type: 'object', properties: { a: deep } };
    expect(checkFormSchema(deep).ok).toBe(false);
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, { type: 'string', description: 'x'.repeat(60) }])) };
    const result = checkFormSchema(wide);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message.en).toMatch(/too large/);
  });

  test('when the root is not an object schema, then it is refused', () => {
    expect(checkFormSchema({ type: 'string' })).toMatchObject({ ok: false, problems: [{ pointer: '/type' }] });
    expect(checkFormSchema([1, 2])).toMatchObject({ ok: false });
  });
});

describe('validateSubmission', () => {
  const validators = new FormValidators();
  const validate = validators.get('rotasi', 1, rotationForm);

  test('when the data fits, then it is valid with no errors', () => {
    expect(validateSubmission(validate, { nip: '198503122010011002', golongan: 'III/c', alasan: 'rotasi' }, 'id'))
      .toEqual({ valid: true, errors: [], errorSchema: {}, fields: {} });
  });

  test('when fields are wrong or missing, then each gets its message next to it, in Bahasa Indonesia', () => {
    const result = validateSubmission(validate, { nip: '198513122010011002', alasan: 'pindah', alamat: { kota: 'So' } }, 'id');
    expect(result.valid).toBe(false);
    expect(Object.keys(result.fields).sort()).toEqual(['alamat.kota', 'alasan', 'golongan', 'nip']);
    expect(result.errorSchema.golongan).toEqual({ __errors: [expect.stringMatching(/harus|wajib|memiliki/i)] });
    expect(result.fields.nip![0]).toContain('NIP yang sah');
    expect((result.errorSchema.alamat as { kota: { __errors: string[] } }).kota.__errors).toHaveLength(1);
    expect(result.errors.find((e) => e.property === '.golongan')).toMatchObject({ name: 'required' });
  });

  test('when the language is English, then the same errors read in English', () => {
    const result = validateSubmission(validate, { nip: 'abc', golongan: 'V/z', alasan: 'rotasi' }, 'en');
    expect(result.fields.nip).toEqual(['must be a valid NIP: 18 digits, real birth and TMT CPNS dates, gender digit 1 or 2']);
    expect(result.fields.golongan).toEqual(['must be a golongan/ruang code, e.g. III/a']);
  });

  test('when the same version is validated again, then its validator is compiled once', () => {
    const cache = new FormValidators();
    const first = cache.get('rotasi', 1, rotationForm);
    for (let i = 0; i < 5; i++) expect(cache.get('rotasi', 1, rotationForm)).toBe(first);
    expect(cache.compiledCount).toBe(1);
    cache.get('rotasi', 2, { ...rotationForm, required: ['nip'] });
    expect(cache.compiledCount).toBe(2);
  });
});

describe('domain formats', () => {
  test('an NI PPPK has its own shape and is never taken for a NIP', () => {
    expect(validateNipPppk('199001012021211001')).toEqual({ ok: true });
    expect(validateNipPppk('199001012021221001')).toEqual({ ok: false, reason: 'NIP_PPPK_MARKER' });
    expect(validateNipPppk('199013012021211001')).toEqual({ ok: false, reason: 'NIP_PPPK_BIRTH_DATE' });
    expect(validateNipPppk('199001012015211001')).toEqual({ ok: false, reason: 'NIP_PPPK_YEAR' });
    const v = new FormValidators().get('pppk', 1, { type: 'object', properties: { ni: { type: 'string', format: 'nip-pppk' }, nip: { type: 'string', format: 'nip' } } });
    expect(validateSubmission(v, { ni: '199001012021211001' }, 'id').valid).toBe(true);
    expect(validateSubmission(v, { nip: '199001012021211001' }, 'id').valid).toBe(false);
  });
});

describe('diffFormSchemas', () => {
  test('when a field is added, removed, changed or made required, then the diff lists it', () => {
    const next = {
      ...rotationForm,
      required: ['nip', 'golongan', 'alasan', 'tmt'],
      properties: { ...rotationForm.properties, tmt: { type: 'string', format: 'date', title: 'TMT' }, catatan: { type: 'string' }, alamat: { type: 'object', properties: {} } },
    };
    const changes = diffFormSchemas(rotationForm, next);
    expect(changes).toEqual(expect.arrayContaining([
      { field: 'tmt', change: 'changed', before: rotationForm.properties.tmt, after: next.properties.tmt },
      { field: 'catatan', change: 'added', after: { type: 'string' } },
      { field: 'alamat.kota', change: 'removed', before: { type: 'string', minLength: 3 } },
      { field: 'tmt', change: 'now-required' },
    ]));
    expect(changes).toHaveLength(4);
  });
});
