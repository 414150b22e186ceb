import type { EntityManager } from '@mikro-orm/knex';
import { DisciplinarySanction, Employee, OrgUnit, Position, SkpRating, TrainingRecord } from '../../db';
import { scopeIncludes, type UnitScope } from '../auth/unit-scope';
import { HttpError } from '../errors';
import { golonganView } from './golongan-view';
import type { EmployeeDetail } from './views';

/** Every PNS has a right to at least 20 JP of learning a year (PP 11/2017 as amended by PP 17/2020). */
export const MINIMUM_JP_PER_YEAR = 20;

export interface Reader {
  scope: UnitScope;
  /** The reader's own employee record, readable whatever the scope. */
  employeeId: number | null;
}

/** One employee with their history, if the reader may see them: 404 unknown, 403 outside the scope. */
export async function readEmployee(em: EntityManager, reader: Reader, id: number, today: string): Promise<EmployeeDetail> {
  const employee = await em.findOne(Employee, { id });
  if (!employee) throw new HttpError(404, 'EMPLOYEE_NOT_FOUND', { id });
  if (!scopeIncludes(reader.scope, employee.unitId) && reader.employeeId !== employee.id) {
    throw new HttpError(403, 'FORBIDDEN', { employeeId: id });
  }
  return employeeDetail(em, employee, today);
}

export async function employeeDetail(em: EntityManager, employee: Employee, today: string): Promise<EmployeeDetail> {
  const position = employee.positionId === null ? null : await em.findOne(Position, { id: employee.positionId });
  const ancestry = await unitAncestry(em, employee.unitId);
  const unit = ancestry[0];
  if (!unit) throw new Error(`employee ${employee.id} names unit ${employee.unitId}, which does not exist`);
  // The OPDs are the children of the root; the OPD is the last unit before the root.
  const opd = ancestry.length >= 2 ? ancestry[ancestry.length - 2] : undefined;

  const ratings = await em.find(SkpRating, { employeeId: employee.id }, { orderBy: { year: 'desc' } });
  const sanctions = await em.find(DisciplinarySanction, { employeeId: employee.id }, { orderBy: [{ startDate: 'desc' }, { id: 'desc' }] });
  const trainings = await em.find(TrainingRecord, { employeeId: employee.id }, { orderBy: [{ startDate: 'desc' }, { id: 'desc' }] });

  const jpByYear = new Map<number, number>();
  for (const t of trainings) jpByYear.set(t.year, (jpByYear.get(t.year) ?? 0) + t.jpHours);
  const currentYear = Number(today.slice(0, 4));
  const sanctionViews = sanctions.map((s) => ({
    id: s.id,
    level: s.level,
    description: s.description,
    startDate: s.startDate,
    endDate: s.endDate,
    inForce: s.startDate <= today && (s.endDate === null || s.endDate >= today),
  }));

  return {
    id: employee.id,
    nip: employee.nip,
    name: employee.name,
    gender: employee.gender,
    birthDate: employee.birthDate,
    golongan: { ...golonganView(employee.golongan), tmt: employee.tmtGolongan },
    position: position
      ? {
        id: position.id,
        name: position.name,
        jenisJabatan: position.jenisJabatan,
        eselon: position.eselon,
        functionalLevel: position.functionalLevel,
        tmt: employee.tmtJabatan,
      }
      : null,
    unit: { id: unit.id, code: unit.code, type: unit.type, name: unit.name },
    opd: opd ? { id: opd.id, code: opd.code, name: opd.name } : null,
    education: { level: employee.educationLevel, major: employee.educationMajor },
    competencies: [...employee.competencies],
    lastInaugurationDate: employee.lastInaugurationDate,
    skpRatings: ratings.map((r) => ({ year: r.year, rating: r.rating })),
    sanctions: sanctionViews,
    sanctionInForce: sanctionViews.some((s) => s.inForce),
    training: {
      records: trainings.map((t) => ({
        id: t.id, title: t.title, kind: t.kind, jpHours: t.jpHours, startDate: t.startDate, endDate: t.endDate, year: t.year,
      })),
      jpByYear: [...jpByYear].sort(([a], [b]) => b - a).map(([year, jp]) => ({ year, jp })),
      currentYear: { year: currentYear, jp: jpByYear.get(currentYear) ?? 0, minimumJp: MINIMUM_JP_PER_YEAR },
    },
  };
}

/** The unit, its parent, …, up to the root. */
async function unitAncestry(em: EntityManager, unitId: number): Promise<OrgUnit[]> {
  const chain: OrgUnit[] = [];
  let current: number | null = unitId;
  // Bounded: a corrupted tree with a cycle must not hang a request.
  while (current !== null && chain.length < 50 && !chain.some((u) => u.id === current)) {
    const unit: OrgUnit | null = await em.findOne(OrgUnit, { id: current });
    if (!unit) break;
    chain.push(unit);
    current = unit.parentId;
  }
  return chain;
}
