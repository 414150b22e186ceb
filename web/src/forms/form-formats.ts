// The domain formats, checked by the very modules the server's ajv uses (forms/), so the preview
// accepts and refuses exactly what a submission would.
import { isCalendarDate } from '../../../forms/is-calendar-date';
import { isEselon } from '../../../forms/is-eselon';
import { isGolongan } from '../../../forms/is-golongan';
import { validateNip } from '../../../forms/validate-nip';
import { validateNipPppk } from '../../../forms/validate-nip-pppk';

export const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const FORM_FORMATS: Record<string, (value: string) => boolean> = {
  nip: (value) => validateNip(value).ok,
  'nip-pppk': (value) => validateNipPppk(value).ok,
  golongan: (value) => isGolongan(value),
  eselon: (value) => isEselon(value),
  date: (value) => isCalendarDate(value),
  attachment: (value) => ATTACHMENT_ID.test(value),
};
