import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeEn from 'ajv-i18n/localize/en';
import localizeId from 'ajv-i18n/localize/id';
import type { Lang } from '../messages';
import { FORM_FORMATS } from './form-formats';

const OPTIONS = {
  customFormats: FORM_FORMATS,
  // strictTypes off: react-jsonschema-form also compiles `if`/`then` branches on their own, where
  // ajv cannot see the parent's `type: object` and would warn about every one. The server compiles
  // whole schemas with every strict rule (forms/ajv-config.ts), so a sloppy schema is still refused.
  ajvOptionsOverrides: { strict: true, strictTypes: false, allErrors: true, keywords: ['enumNames', 'dateRange'] },
};

/**
 * Validates like the server's ajv (forms/ajv-config.ts): draft-07, strict, all errors, the
 * domain formats, `enumNames` known; messages in the UI language, as the server's (ajv-i18n).
 * `dateRange` is only declared here; the server checks it.
 */
export const FORM_VALIDATORS: Record<Lang, ReturnType<typeof customizeValidator>> = {
  id: customizeValidator(OPTIONS, localizeId),
  en: customizeValidator(OPTIONS, localizeEn),
};
