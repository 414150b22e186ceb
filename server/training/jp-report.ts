import type { EntityManager } from '@mikro-orm/knex';
import { Employee, OrgUnit, opdIdOf, subtreeIdsOf, tableOf, TrainingRecord } from '../../db';
import type { UnitScope } from '../auth/unit-scope';

export interface JpReportQuery {
  year: number;
  /** Employees below this many JP are listed (the 20 JP a year right by default). */
  threshold: number;
  /** Only this unit and the units below it. */
  unitId?: number;
  scope: UnitScope;
  limit: number;
  offset: number;
}

export interface JpUnitSummary {
  unitId: number;
  code: string;
  name: string;
  employees: number;
  below: number;
  /** Share of the unit's employees at or above the threshold, in percent (one decimal). */
  compliancePct: number;
}

export interface JpReport {
  year: number;
  threshold: number;
  summary: { employees: number; below: number; compliancePct: number };
  /** Per OPD, worst compliance first. */
  units: JpUnitSummary[];
  /** Employees below the threshold, fewest JP first. */
  below: { total: number; limit: number; offset: number; items: Array<{ employeeId: number; nip: string; name: string; unitId: number; opdUnitId: number | null; jp: number; missing: number }> };
}

/**
 * The 20-JP report: for a year, each employee's JP (the sum of their training records counted in
 * that year), the employees below the threshold, and compliance per OPD. The registry is a few
 * thousand employees, so the sums come from one grouped query and the grouping by OPD is done here.
 */
export async function jpReport(em: EntityManager, query: JpReportQuery): Promise<JpReport> {
  const units = await em.find(OrgUnit, {}, { fields: ['id', 'code', 'name', 'parentId'], disableIdentityMap: true });
  const byId = new Map(units.map((u) => [u.id, u]));
  const opdCache = new Map<number, number | null>();
  const opdOf = (unitId: number): number | null => {
    if (!opdCache.has(unitId)) opdCache.set(unitId, opdIdOf(byId, unitId));
    return opdCache.get(unitId) ?? null;
  };
  const inUnit = query.unitId === undefined ? undefined : new Set(subtreeIdsOf(units, query.unitId));
  const visible = (unitId: number) => (query.scope === 'all' || query.scope.has(unitId)) && (!inUnit || inUnit.has(unitId));

  const employees = (await em.find(Employee, {}, { fields: ['id', 'nip', 'name', 'unitId'], orderBy: { id: 'asc' }, disableIdentityMap: true }))
    .filter((e) => visible(e.unitId));
  const table = tableOf(em, TrainingRecord);
  const sums: Array<{ employee_id: number; jp: number | string }> = await em.getKnex()(table)
    .select('employee_id').sum({ jp: 'jp_hours' }).where({ year: query.year }).groupBy('employee_id');
  const jpOf = new Map(sums.map((row) => [Number(row.employee_id), Number(row.jp)]));

  const perUnit = new Map<number, { employees: number; below: number }>();
  const below: JpReport['below']['items'] = [];
  for (const e of employees) {
    const jp = jpOf.get(e.id) ?? 0;
    const opd = opdOf(e.unitId);
    const short = jp < query.threshold;
    if (opd !== null) {
      const tally = perUnit.get(opd) ?? { employees: 0, below: 0 };
      tally.employees += 1;
      if (short) tally.below += 1;
      perUnit.set(opd, tally);
    }
    if (short) below.push({ employeeId: e.id, nip: e.nip, name: e.name, unitId: e.unitId, opdUnitId: opd, jp, missing: query.threshold - jp });
  }
  below.sort((a, b) => a.jp - b.jp || a.name.localeCompare(b.name, 'id') || a.employeeId - b.employeeId);

  const pct = (total: number, short: number) => (total === 0 ? 100 : Math.round(((total - short) / total) * 1000) / 10);
  const summaries: JpUnitSummary[] = [...perUnit.entries()].map(([unitId, tally]) => {
    const unit = byId.get(unitId) as OrgUnit;
    return { unitId, code: unit.code, name: unit.name, employees: tally.employees, below: tally.below, compliancePct: pct(tally.employees, tally.below) };
  });
  summaries.sort((a, b) => a.compliancePct - b.compliancePct || a.name.localeCompare(b.name, 'id'));

  return {
    year: query.year,
    threshold: query.threshold,
    summary: { employees: employees.length, below: below.length, compliancePct: pct(employees.length, below.length) },
    units: summaries,
    below: { total: below.length, limit: query.limit, offset: query.offset, items: below.slice(query.offset, query.offset + query.limit) },
  };
}
