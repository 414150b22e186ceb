import { addFieldError, type FieldErrors } from '../../server/registry/field-errors';

describe('field errors', () => {
  test('when a request names fields that Object.prototype has, then each is collected as an ordinary field', () => {
    const errors: FieldErrors = {};
    const unknown = { id: 'Isian ini tidak dikenal.', en: 'Unknown field.' };
    for (const field of ['constructor', '__proto__', 'toString', 'constructor']) addFieldError(errors, field, unknown);
    expect(Object.keys(errors).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(errors, 'constructor')?.value).toEqual([unknown, unknown]);
  });
});
