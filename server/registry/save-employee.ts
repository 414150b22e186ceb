import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { EDUCATION_LEVELS, Employee, OrgUnit, Position } from '../../db';
import { formMessage, isCalendarDate, isGolongan, validateEmployee } from '../../forms';
import { HttpError } from '../errors';
import type { Language } from '../messages';
import { employeeDetail } from './employee-detail';
import { parseEmployeeBody, type EmployeeRecord } from './employee-input';
import { addFieldError, bothLanguages, throwIfInvalid, type FieldErrors } from './field-errors';
import type { EmployeeDetail } from './views';

export interface SaveContext {
  language: Language;
  /** Today in WIB, YYYY-MM-DD: dates may not lie after it. */
  today: string;
}

const OPTIONAL_DEFAULTS: Pick<EmployeeRecord, 'positionId' | 'tmtJabatan' | 'educationMajor' | 'competencies' | 'lastInaugurationDate'> = {
  positionId: null, tmtJabatan: null, educationMajor: null, competencies: [], lastInaugurationDate: null,
};

/**
 * Adds an employee to the registry and seats them in their position, if any. 422 with every field
 * problem, 409 when the NIP is already registered.
 */
export async function createEmployee(em: EntityManager, body: Record<string, unknown>, context: SaveContext): Promise<EmployeeDetail> {
  const { values, errors } = parseEmployeeBody(body);
  for (const field of ['tmtGolongan', 'unitId', 'educationLevel'] as const) {
    if (values[field] === undefined && !errors[field]) addFieldError(errors, field, bothLanguages('FIELD_REQUIRED'));
  }
  const record = { ...OPTIONAL_DEFAULTS, ...values } as EmployeeRecord;
  await checkRecord(em, record, errors, { today: context.today, selfId: null });
  throwIfInvalid(errors, context.language);
  await refuseDuplicateNip(em, record.nip, null);

  const id = await saving(record.nip, () => em.transactional(async (tx) => {
    const newId = await tx.insert<Employee>(Employee, employeeRow(record));
    if (record.positionId !== null) await claimPosition(tx, record.positionId, newId, context.language);
    return newId;
  }));
  return savedDetail(em, id, context.today);
}

/**
 * Changes some fields of an employee; the merged record is validated as a whole. Changing the
 * golongan or the position needs its new TMT in the same request, so an old TMT is never kept
 * by accident.
 */
export async function updateEmployee(
  em: EntityManager, id: number, body: Record<string, unknown>, context: SaveContext,
): Promise<EmployeeDetail> {
  const existing = await em.findOne(Employee, { id });
  if (!existing) throw new HttpError(404, 'EMPLOYEE_NOT_FOUND', { id });
  const current: EmployeeRecord = {
    nip: existing.nip, name: existing.name, gender: existing.gender, birthDate: existing.birthDate, golongan: existing.golongan,
    tmtGolongan: existing.tmtGolongan, unitId: existing.unitId, positionId: existing.positionId, tmtJabatan: existing.tmtJabatan,
    educationLevel: existing.educationLevel, educationMajor: existing.educationMajor, competencies: [...existing.competencies],
    lastInaugurationDate: existing.lastInaugurationDate,
  };
  const { values, errors } = parseEmployeeBody(body);
  const record: EmployeeRecord = { ...current, ...values };
  if (values.golongan !== undefined && values.golongan !== current.golongan && values.tmtGolongan === undefined) {
    addFieldError(errors, 'tmtGolongan', bothLanguages('FIELD_REQUIRED_WITH', { field: 'golongan' }));
  }
  const positionChanged = values.positionId !== undefined && values.positionId !== current.positionId;
  if (positionChanged && record.positionId === null) record.tmtJabatan = null;
  else if (positionChanged && values.tmtJabatan === undefined) {
    addFieldError(errors, 'tmtJabatan', bothLanguages('FIELD_REQUIRED_WITH', { field: 'positionId' }));
  }
  await checkRecord(em, record, errors, { today: context.today, selfId: id });
  throwIfInvalid(errors, context.language);
  if (record.nip !== current.nip) await refuseDuplicateNip(em, record.nip, id);

  await saving(record.nip, () => em.transactional(async (tx) => {
    await tx.nativeUpdate(Employee, { id }, employeeRow(record));
    if (positionChanged) {
      if (current.positionId !== null) await tx.nativeUpdate(Position, { id: current.positionId, holderEmployeeId: id }, { holderEmployeeId: null });
      if (record.positionId !== null) await claimPosition(tx, record.positionId, id, context.language);
    }
  }));
  return savedDetail(em, id, context.today);
}

/** The employee as now stored, read past the identity map, which still holds the row as it was. */
async function savedDetail(em: EntityManager, id: number, today: string): Promise<EmployeeDetail> {
  const fresh = em.fork();
  return employeeDetail(fresh, await fresh.findOneOrFail(Employee, { id }), today);
}

/** Checks the merged record: the form rules (forms/), the enumerations, and that its unit and position exist and fit. */
async function checkRecord(
  em: EntityManager, record: EmployeeRecord, errors: FieldErrors, options: { today: string; selfId: number | null },
): Promise<void> {
  const position = typeof record.positionId === 'number' ? await em.findOne(Position, { id: record.positionId }) : null;
  const formErrors = validateEmployee({
    nip: record.nip,
    name: record.name,
    gender: record.gender,
    birthDate: record.birthDate,
    golongan: record.golongan,
    tmtGolongan: record.tmtGolongan,
    positionEselon: position?.eselon ?? null,
  }, { today: options.today });
  for (const [field, texts] of Object.entries(formErrors)) {
    // A field whose shape was already refused is not judged again.
    if (!errors[field]) for (const t of texts) addFieldError(errors, field, t);
  }

  if (record.educationLevel !== undefined && !errors.educationLevel && !(EDUCATION_LEVELS as readonly string[]).includes(record.educationLevel)) {
    addFieldError(errors, 'educationLevel', bothLanguages('FIELD_ONE_OF', { options: EDUCATION_LEVELS.join(', ') }));
  }
  if (record.positionId !== null && record.tmtJabatan === null && !errors.tmtJabatan) {
    addFieldError(errors, 'tmtJabatan', bothLanguages('FIELD_REQUIRED'));
  }
  for (const field of ['tmtJabatan', 'lastInaugurationDate'] as const) {
    const value = record[field];
    if (value === null || value === undefined || errors[field]) continue;
    if (!isCalendarDate(value)) addFieldError(errors, field, formMessage('DATE_INVALID'));
    else if (field === 'lastInaugurationDate' && value > options.today) addFieldError(errors, field, formMessage('DATE_IN_FUTURE'));
  }

  if (typeof record.unitId === 'number' && !errors.unitId && !(await em.count(OrgUnit, { id: record.unitId }))) {
    addFieldError(errors, 'unitId', bothLanguages('FIELD_UNKNOWN_UNIT', { id: record.unitId }));
  }
  if (typeof record.positionId === 'number' && !errors.positionId) {
    if (!position) {
      addFieldError(errors, 'positionId', bothLanguages('FIELD_UNKNOWN_POSITION', { id: record.positionId }));
    } else if (typeof record.unitId === 'number' && position.unitId !== record.unitId) {
      const unit = await em.findOne(OrgUnit, { id: position.unitId });
      addFieldError(errors, 'positionId', bothLanguages('FIELD_POSITION_OTHER_UNIT', { unit: unit?.name ?? String(position.unitId) }));
    } else if (position.holderEmployeeId !== null && position.holderEmployeeId !== options.selfId) {
      addFieldError(errors, 'positionId', bothLanguages('FIELD_POSITION_TAKEN'));
    }
  }
}

/** The row of a record that passed checkRecord, whose golongan is therefore a known code. */
function employeeRow(record: EmployeeRecord): Omit<Employee, 'id'> {
  if (!isGolongan(record.golongan)) throw new Error(`employeeRow: unchecked golongan ${record.golongan}`);
  return { ...record, golongan: record.golongan };
}

async function refuseDuplicateNip(em: EntityManager, nip: string, selfId: number | null): Promise<void> {
  const other = await em.findOne(Employee, { nip, ...(selfId === null ? {} : { id: { $ne: selfId } }) });
  if (other) throw duplicateNip(nip);
}

function duplicateNip(nip: string): HttpError {
  return new HttpError(409, 'DUPLICATE_NIP', { field: 'nip', nip }, { nip });
}

/** A concurrent write of the same NIP passes the check above and fails on the unique index instead. */
async function saving<T>(nip: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw duplicateNip(nip);
    throw err;
  }
}

/** Seats the employee in a vacant position; conditional, so two concurrent writes cannot both take it. */
async function claimPosition(em: EntityManager, positionId: number, employeeId: number, language: Language): Promise<void> {
  const claimed = await em.nativeUpdate(Position, { id: positionId, $or: [{ holderEmployeeId: null }, { holderEmployeeId: employeeId }] }, { holderEmployeeId: employeeId });
  if (claimed === 0) {
    const errors: FieldErrors = {};
    addFieldError(errors, 'positionId', bothLanguages('FIELD_POSITION_TAKEN'));
    throwIfInvalid(errors, language);
  }
}
