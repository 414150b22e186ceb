import type { EducationLevel, Gender } from '../../db';
import { addFieldError, bothLanguages, type FieldErrors } from './field-errors';

/** An employee as the API writes it. Dates are YYYY-MM-DD. */
export interface EmployeeRecord {
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  golongan: string;
  tmtGolongan: string;
  unitId: number;
  positionId: number | null;
  tmtJabatan: string | null;
  educationLevel: EducationLevel;
  educationMajor: string | null;
  competencies: string[];
  lastInaugurationDate: string | null;
}

export type EmployeeFieldName = keyof EmployeeRecord;

type FieldKind = { kind: 'text'; nullable: boolean; max: number } | { kind: 'id'; nullable: boolean } | { kind: 'textList' };

const text = (max: number, nullable = false): FieldKind => ({ kind: 'text', nullable, max });

/** The shape of each writable field; what the values mean is checked on the merged record. */
const FIELDS: Record<EmployeeFieldName, FieldKind> = {
  nip: text(50),
  name: text(200),
  gender: text(1),
  birthDate: text(10),
  golongan: text(5),
  tmtGolongan: text(10),
  unitId: { kind: 'id', nullable: false },
  positionId: { kind: 'id', nullable: true },
  tmtJabatan: text(10, true),
  educationLevel: text(4),
  educationMajor: text(200, true),
  competencies: { kind: 'textList' },
  lastInaugurationDate: text(10, true),
};

export const EMPLOYEE_FIELDS = Object.keys(FIELDS) as EmployeeFieldName[];
const MAX_COMPETENCIES = 30;
const MAX_COMPETENCY_LENGTH = 200;

export interface ParsedEmployeeBody {
  /** The fields present and of the right shape. Absent fields are absent. */
  values: Partial<EmployeeRecord>;
  errors: FieldErrors;
}

/**
 * Checks the shape of a create or patch body field by field: unknown fields, wrong JSON types,
 * text too long. Values of the right shape are passed on even when others are wrong, so every
 * problem is reported in one answer.
 */
export function parseEmployeeBody(body: Record<string, unknown>): ParsedEmployeeBody {
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [field, raw] of Object.entries(body)) {
    const kind = (FIELDS as Record<string, FieldKind | undefined>)[field];
    if (!kind) {
      addFieldError(errors, field, bothLanguages('FIELD_UNKNOWN'));
      continue;
    }
    const problem = shapeProblem(kind, raw);
    if (problem) addFieldError(errors, field, problem);
    else values[field] = normalized(raw);
  }
  return { values: values as Partial<EmployeeRecord>, errors };
}

function normalized(raw: unknown): unknown {
  if (typeof raw === 'string') return raw.trim();
  if (Array.isArray(raw)) return raw.map((item: string) => item.trim());
  return raw;
}

function shapeProblem(kind: FieldKind, raw: unknown) {
  if (raw === null) return kind.kind !== 'textList' && kind.nullable ? undefined : bothLanguages('FIELD_REQUIRED');
  switch (kind.kind) {
    case 'text':
      if (typeof raw !== 'string') return bothLanguages('FIELD_NOT_TEXT');
      if (raw.trim().length > kind.max) return bothLanguages('FIELD_TOO_LONG', { max: kind.max });
      return undefined;
    case 'id':
      return Number.isSafeInteger(raw) && (raw as number) > 0 ? undefined : bothLanguages('FIELD_NOT_ID');
    case 'textList':
      if (!Array.isArray(raw) || raw.length > MAX_COMPETENCIES
        || !raw.every((item) => typeof item === 'string' && item.trim() !== '' && item.length <= MAX_COMPETENCY_LENGTH)) {
        return bothLanguages('FIELD_NOT_TEXT_LIST', { maxItems: MAX_COMPETENCIES, max: MAX_COMPETENCY_LENGTH });
      }
      return undefined;
  }
}
