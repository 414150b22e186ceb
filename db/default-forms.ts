import type { EntityManager } from '@mikro-orm/knex';
import type { DefaultForm } from '../forms/defaults';
import { defaultForms } from '../forms/defaults';
import { FormVersion } from './entities/form-version';
import { createFormDraft, publishFormVersion } from './form-registry';

/**
 * Publishes each default form whose key has no version yet, as version 1; returns the keys
 * published. Runs before ensureDefaultDefinitions: a definition may reference only published
 * form versions. A key an administrator already uses is left alone.
 */
export async function ensureDefaultForms(em: EntityManager, forms: readonly DefaultForm[] = defaultForms): Promise<string[]> {
  const published: string[] = [];
  for (const form of forms) {
    if (await em.count(FormVersion, { key: form.key })) continue;
    const draft = await createFormDraft(em, {
      key: form.key, title: form.title, schema: form.schema, uiSchema: form.uiSchema, translations: form.translations, changeNote: 'Default form',
    }, 'system');
    await publishFormVersion(em, draft.key, draft.version, 'Default form');
    published.push(form.key);
  }
  return published;
}
