import type { EntityManager } from '@mikro-orm/knex';
import { YEARLY_JP_RIGHT } from '../../activities/training-checks';
import { listDefinitions, type Database } from '../../db';
import type { Localized, ProcessDefinition } from '../../processes/model';
import { REVISION_STEP } from '../../workflows/case';
import type { UnitScope } from '../auth/unit-scope';
import { satisfactionIndexOfTotals, type SatisfactionIndex, type SkmScores } from '../feedback/satisfaction-index';
import { jpReport, type JpReport } from '../training/jp-report';
import { caseAggregates, CYCLE_TIME_BUCKET_DAYS, type CaseGroupCount, type DurationStats } from './case-aggregates';
import type { DashboardPeriod } from './dashboard-period';
import { loadOrgUnits, type OrgUnits, type UnitRef } from './org-units';

export interface DashboardQuery {
  period: DashboardPeriod;
  scope: UnitScope;
  /** The unit a unit-scoped reader sees (with the units below it); null for the registry-wide roles. */
  scopeUnitId: number | null;
  now: Date;
}

/** A count, split by process and by OPD. */
export interface CountBreakdown {
  total: number;
  /** Most first. */
  byProcess: Array<{ process: string; name: Localized; count: number }>;
  /** Most first; `unit` null: cases whose unit is not known (started by a user of no unit). */
  byOpd: Array<{ unit: UnitRef | null; count: number }>;
}

type Stats = Pick<DurationStats, 'count' | 'p50Seconds' | 'p90Seconds' | 'meanSeconds' | 'histogram'>;

export interface Dashboard {
  period: { from: string; to: string };
  generatedAt: string;
  scope: { unit: UnitRef | null };
  openCases: CountBreakdown;
  breaches: {
    /** Open cases whose current step is past its deadline now. */
    overdue: CountBreakdown;
    /** Steps escalated in the period (their deadline passed with the step undecided). */
    escalated: CountBreakdown;
    /** Steps decided by silence in the period (deemed approved or rejected at their deadline). */
    deemed: CountBreakdown;
  };
  cycleTime: {
    /** Bucket i holds durations from bucketDays[i-1] (0 for the first) up to, not including, bucketDays[i]; the last is open-ended. */
    bucketDays: number[];
    /** Cases closed in the period, from start to close. */
    processes: Array<{ process: string; name: Localized } & Stats>;
    /** Step visits that ended in the period, from entering the step to entering the next (or closing). */
    steps: Array<{ process: string; processName: Localized; stepId: string; name: Localized | null; kind: string | null } & Stats>;
  };
  /** The 20-JP right in the year the period ends in, per OPD (server/training/jp-report.ts). */
  jp: Pick<JpReport, 'year' | 'threshold' | 'summary' | 'units'>;
  /** The satisfaction index (IKM) of the ratings citizens gave in the period, per OPD that answered. */
  satisfaction: { units: Array<{ unit: UnitRef | null } & SatisfactionIndex>; overall: SatisfactionIndex | null };
}

/** Steps that take no time of anyone's: their durations would only crowd the chart. */
const INSTANT_STEP_KINDS = new Set(['end', 'branch']);

/** The dashboard of issue 7: every figure of one reader's scope, aggregated by the database. */
export async function buildDashboard(em: EntityManager, dialect: Database['kind'], query: DashboardQuery): Promise<Dashboard> {
  const { period, scope } = query;
  const sql = caseAggregates(em, dialect, scope);
  const [units, definitions, initiatorUnits, open, overdue, timers, caseTimes, stepTimes, ratings, jp] = await Promise.all([
    loadOrgUnits(em),
    listDefinitions(em),
    sql.initiatorUnits(),
    sql.openCases(),
    sql.overdueCases(query.now),
    sql.timerEvents(period.start, period.end),
    sql.caseCycleTimes(period.start, period.end),
    sql.stepCycleTimes(period.start, period.end),
    sql.ratingTotals(period.start, period.end),
    jpReport(em, { year: Number(period.to.slice(0, 4)), threshold: YEARLY_JP_RIGHT, scope, limit: 0, offset: 0 }),
  ]);
  const processes = new Map(definitions.map((d) => [d.key, d]));
  const processName = (key: string): Localized => processes.get(key)?.name ?? { id: key, en: key };
  const opdOfGroup = (group: CaseGroupCount) =>
    units.opdOf(group.subjectUnitId ?? (group.initiator === null ? null : initiatorUnits.get(group.initiator) ?? null));
  const breakdown = (groups: CaseGroupCount[]) => countBreakdown(groups, processName, opdOfGroup);

  return {
    period: { from: period.from, to: period.to },
    generatedAt: query.now.toISOString(),
    scope: { unit: query.scopeUnitId === null ? null : units.ref(query.scopeUnitId) },
    openCases: breakdown(open),
    breaches: {
      overdue: breakdown(overdue),
      escalated: breakdown(timers.filter((t) => t.type === 'step.escalated')),
      deemed: breakdown(timers.filter((t) => t.type === 'step.deemed')),
    },
    cycleTime: {
      bucketDays: [...CYCLE_TIME_BUCKET_DAYS],
      processes: caseTimes
        .map((row) => ({ process: row.process, name: processName(row.process), ...stats(row) }))
        .sort((a, b) => a.name.id.localeCompare(b.name.id, 'id')),
      steps: stepCycleTimes(stepTimes, processes, processName),
    },
    jp: { year: jp.year, threshold: jp.threshold, summary: jp.summary, units: jp.units },
    satisfaction: satisfactionPerOpd(ratings, units, scope),
  };
}

function countBreakdown(
  groups: CaseGroupCount[], processName: (key: string) => Localized, opdOf: (group: CaseGroupCount) => UnitRef | null,
): CountBreakdown {
  const byProcess = new Map<string, number>();
  const byOpd = new Map<number | null, { unit: UnitRef | null; count: number }>();
  let total = 0;
  for (const group of groups) {
    total += group.count;
    byProcess.set(group.process, (byProcess.get(group.process) ?? 0) + group.count);
    const unit = opdOf(group);
    const entry = byOpd.get(unit?.id ?? null) ?? { unit, count: 0 };
    entry.count += group.count;
    byOpd.set(unit?.id ?? null, entry);
  }
  return {
    total,
    byProcess: [...byProcess]
      .map(([process, count]) => ({ process, name: processName(process), count }))
      .sort((a, b) => b.count - a.count || a.name.id.localeCompare(b.name.id, 'id')),
    byOpd: [...byOpd.values()].sort((a, b) => b.count - a.count || unitOrder(a.unit, b.unit)),
  };
}

/** Named units by name; the unknown unit last. */
function unitOrder(a: UnitRef | null, b: UnitRef | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.name.localeCompare(b.name, 'id');
}

function stats(row: DurationStats): Stats {
  return { count: row.count, p50Seconds: row.p50Seconds, p90Seconds: row.p90Seconds, meanSeconds: row.meanSeconds, histogram: row.histogram };
}

/** Per step, in the order of the process's newest definition; revisions by the initiator last. */
function stepCycleTimes(rows: DurationStats[], processes: Map<string, ProcessDefinition>, processName: (key: string) => Localized): Dashboard['cycleTime']['steps'] {
  const steps = rows.flatMap((row) => {
    if (row.stepId === null) return [];
    const step = processes.get(row.process)?.steps.find((s) => s.id === row.stepId);
    if (step && INSTANT_STEP_KINDS.has(step.kind)) return [];
    const kind = row.stepId === REVISION_STEP ? 'revision' : step?.kind ?? null;
    return [{ process: row.process, processName: processName(row.process), stepId: row.stepId, name: step?.name ?? null, kind, ...stats(row) }];
  });
  const position = (process: string, stepId: string) => {
    const index = processes.get(process)?.steps.findIndex((s) => s.id === stepId) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return steps.sort((a, b) => a.processName.id.localeCompare(b.processName.id, 'id') || a.process.localeCompare(b.process)
    || position(a.process, a.stepId) - position(b.process, b.stepId) || a.stepId.localeCompare(b.stepId));
}

/** Ratings summed per answering unit are summed again per OPD, then indexed; units outside the scope are left out. */
function satisfactionPerOpd(
  rows: Array<{ unitId: number | null; ratings: number; totals: SkmScores }>, units: OrgUnits, scope: UnitScope,
): Dashboard['satisfaction'] {
  const perOpd = new Map<number | null, { unit: UnitRef | null; ratings: number; totals: SkmScores }>();
  const all = { ratings: 0, totals: {} as SkmScores };
  for (const row of rows) {
    if (scope !== 'all' && (row.unitId === null || !scope.has(row.unitId))) continue;
    const unit = units.opdOf(row.unitId);
    const entry = perOpd.get(unit?.id ?? null) ?? { unit, ratings: 0, totals: {} as SkmScores };
    for (const target of [entry, all]) {
      target.ratings += row.ratings;
      for (const [element, sum] of Object.entries(row.totals) as Array<[keyof SkmScores, number]>) {
        target.totals[element] = (target.totals[element] ?? 0) + sum;
      }
    }
    perOpd.set(unit?.id ?? null, entry);
  }
  const indexed = [...perOpd.values()].flatMap((entry) => {
    const index = satisfactionIndexOfTotals(entry.ratings, entry.totals);
    return index ? [{ unit: entry.unit, ...index }] : [];
  });
  indexed.sort((a, b) => unitOrder(a.unit, b.unit));
  return { units: indexed, overall: satisfactionIndexOfTotals(all.ratings, all.totals) };
}
