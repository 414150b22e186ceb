import { ESELON_GOLONGAN_RANGE } from './eselon-codes';
import { formMessage } from './form-message';
import { golonganRank } from './golongan-rank';
import { isCalendarDate } from './is-calendar-date';
import { isEselon } from './is-eselon';
import { isGolongan } from './is-golongan';
import type { LocalizedText } from './messages';
import { pangkatOf } from './pangkat-of';
import { parseNip } from './parse-nip';
import { validateNip, type NipOptions } from './validate-nip';

/** The registry fields of an employee that can be checked without the database. */
export interface EmployeeInput {
  nip: string;
  name: string;
  gender: string;
  birthDate: string;
  golongan: string;
  tmtGolongan?: string | null;
  /** The eselon of the employee's position, when it is a structural one. */
  positionEselon?: string | null;
}

export type EmployeeField = keyof EmployeeInput;

/** Field → messages, the shape a form shows next to each field. Empty when the data is valid. */
export type FieldErrors = Partial<Record<EmployeeField, LocalizedText[]>>;

const NAME_MAX = 200;

export function validateEmployee(data: EmployeeInput, options: NipOptions = {}): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: EmployeeField, message: LocalizedText) => {
    (errors[field] ??= []).push(message);
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  const name = typeof data.name === 'string' ? data.name.trim() : '';
  if (!name) add('name', formMessage('REQUIRED'));
  else if (name.length > NAME_MAX) add('name', formMessage('TOO_LONG', { max: NAME_MAX }));

  const genderValid = data.gender === 'M' || data.gender === 'F';
  if (!genderValid) add('gender', formMessage('GENDER_INVALID'));

  const birthDateValid = isCalendarDate(data.birthDate);
  if (!birthDateValid) add('birthDate', formMessage('DATE_INVALID'));
  else if (data.birthDate > today) add('birthDate', formMessage('DATE_IN_FUTURE'));

  const nip = validateNip(data.nip, { today });
  const parts = nip.ok ? parseNip(data.nip, { today }) : undefined;
  if (!nip.ok) add('nip', formMessage(nip.reason));
  if (parts && birthDateValid && parts.birthDate !== data.birthDate) {
    add('nip', formMessage('NIP_BIRTH_DATE_MISMATCH', { nipDate: parts.birthDate, birthDate: data.birthDate }));
  }
  if (parts && genderValid && parts.gender !== data.gender) add('nip', formMessage('NIP_GENDER_MISMATCH'));

  const golongan = data.golongan;
  if (!isGolongan(golongan)) add('golongan', formMessage('GOLONGAN_INVALID'));

  if (data.tmtGolongan !== undefined && data.tmtGolongan !== null) {
    if (!isCalendarDate(data.tmtGolongan)) add('tmtGolongan', formMessage('DATE_INVALID'));
    else if (data.tmtGolongan > today) add('tmtGolongan', formMessage('DATE_IN_FUTURE'));
    else if (parts && data.tmtGolongan.slice(0, 7) < parts.tmtCpns) {
      add('tmtGolongan', formMessage('TMT_GOLONGAN_BEFORE_CPNS', { tmtCpns: parts.tmtCpns }));
    }
  }

  const eselon = data.positionEselon;
  if (eselon !== undefined && eselon !== null) {
    if (!isEselon(eselon)) {
      add('positionEselon', formMessage('ESELON_INVALID'));
    } else if (isGolongan(golongan)) {
      const range = ESELON_GOLONGAN_RANGE[eselon];
      const params = { golongan, pangkat: pangkatOf(golongan), eselon, min: range.min, max: range.max };
      if (golonganRank(golongan) < golonganRank(range.min)) add('golongan', formMessage('GOLONGAN_BELOW_ESELON', params));
      else if (golonganRank(golongan) > golonganRank(range.max)) add('golongan', formMessage('GOLONGAN_ABOVE_ESELON', params));
    }
  }
  return errors;
}
