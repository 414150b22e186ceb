import type { LocalizedText } from '../messages';

/**
 * A form a new installation starts with: published as version `version` of `key` when the key has
 * no version yet. Default process definitions reference it by (key, version); administrators
 * change it by publishing later versions.
 */
export interface DefaultForm {
  key: string;
  version: 1;
  title: LocalizedText;
  /** JSON Schema (draft-07) in Bahasa Indonesia; English titles are in `translations.en`. */
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** Per language, by field path: title, description and enum labels. */
  translations: { en: Record<string, { title?: string; description?: string; enumNames?: string[] }> };
}

/** How a process definition names a default form: a FormRef that never moves. */
export function formRef(form: DefaultForm): { key: string; version: number } {
  return { key: form.key, version: form.version };
}
