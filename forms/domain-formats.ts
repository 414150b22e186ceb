import type Ajv from 'ajv';
import { isEselon } from './is-eselon';
import { isGolongan } from './is-golongan';
import { validateNip } from './validate-nip';
import { validateNipPppk } from './validate-nip-pppk';

/** The formats form schemas use for ASN data; each is checked the same way as the registry checks it. */
export function addDomainFormats(ajv: Ajv): Ajv {
  ajv.addFormat('nip', { type: 'string', validate: (value: string) => validateNip(value).ok });
  ajv.addFormat('nip-pppk', { type: 'string', validate: (value: string) => validateNipPppk(value).ok });
  ajv.addFormat('golongan', { type: 'string', validate: (value: string) => isGolongan(value) });
  ajv.addFormat('eselon', { type: 'string', validate: (value: string) => isEselon(value) });
  // An attachment id (see POST /api/attachments): a UUID.
  ajv.addFormat('attachment', { type: 'string', validate: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i });
  return ajv;
}
