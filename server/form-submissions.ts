import type { EntityManager } from '@mikro-orm/knex';
import { findFormSchema } from '../db';
import { validateSubmission, type FormValidators } from '../forms';
import type { FormRef } from '../processes';
import { HttpError } from './errors';
import type { Language } from './messages';

/**
 * Validates submitted data against the exact form version a step references; 422 FORM_INVALID
 * with errors shaped as react-jsonschema-form shows them when it does not fit.
 */
export async function requireValidSubmission(
  em: EntityManager, validators: FormValidators, ref: FormRef, data: unknown, language: Language,
): Promise<void> {
  const form = await findFormSchema(em, ref.key, ref.version);
  const validate = validators.get(form.key, form.version, form.schema);
  const result = validateSubmission(validate, data ?? {}, language);
  if (!result.valid) {
    throw new HttpError(422, 'FORM_INVALID', {
      form: { key: form.key, version: form.version },
      errors: result.errors,
      errorSchema: result.errorSchema,
      fields: result.fields,
    });
  }
}
