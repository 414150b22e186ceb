import type { EntityManager, Knex } from '@mikro-orm/knex';
import { FeedbackRating, type Database } from '../../db';
import { SKM_ELEMENTS, type SkmElement } from '../../forms/defaults/feedback-forms';
import type { UnitScope } from '../auth/unit-scope';

/**
 * The dashboard's SQL. Every figure is aggregated by the database (GROUP BY, window functions),
 * so a large audit log is never loaded into memory: the answers are a few rows per process, step
 * and unit. The SQL is the subset SQLite (3.25+) and PostgreSQL share; the one difference, the
 * difference of two instants in seconds, is `secondsBetween`. Instants are bound as Date: knex
 * binds them as epoch milliseconds on SQLite, which is how MikroORM stores them there.
 */

/** Upper bounds (exclusive) of the cycle-time histogram's buckets, in calendar days; the last bucket is open-ended. */
export const CYCLE_TIME_BUCKET_DAYS = [1, 3, 7, 14, 30, 60] as const;

/** Cases of one process that belong to one place. */
export interface CaseGroupCount {
  process: string;
  /** The case's subject unit, when its process names one (`subjectUnitPath`). */
  subjectUnitId: number | null;
  /** Without one, the login of the user who started it: the case counts for that user's unit. */
  initiator: string | null;
  count: number;
}

export interface TimerEventCount extends CaseGroupCount {
  type: 'step.escalated' | 'step.deemed';
}

/** Elapsed time of a set of durations (cases of a process, or visits of a step). */
export interface DurationStats {
  process: string;
  /** null for whole cases. */
  stepId: string | null;
  count: number;
  /** Nearest-rank percentiles: the smallest duration at or above which lie 50 % / 10 % of the durations. */
  p50Seconds: number;
  p90Seconds: number;
  meanSeconds: number;
  /** Counts per CYCLE_TIME_BUCKET_DAYS bucket (one more than the bounds). */
  histogram: number[];
}

export interface RatingTotals {
  unitId: number | null;
  ratings: number;
  totals: Record<SkmElement, number>;
}

export interface CaseAggregates {
  openCases(): Promise<CaseGroupCount[]>;
  /** Open cases whose current step has an open task past its deadline at `now`. */
  overdueCases(now: Date): Promise<CaseGroupCount[]>;
  /** Steps that escalated or were deemed decided (silence) between start and end. */
  timerEvents(start: Date, end: Date): Promise<TimerEventCount[]>;
  /** Cases closed between start and end, from start to close. */
  caseCycleTimes(start: Date, end: Date): Promise<DurationStats[]>;
  /** Step visits that ended between start and end: from step.entered to the next step.entered or case.closed. */
  stepCycleTimes(start: Date, end: Date): Promise<DurationStats[]>;
  /** The satisfaction ratings given between start and end, summed per answering unit. */
  ratingTotals(start: Date, end: Date): Promise<RatingTotals[]>;
  /** login → the unit a case started by that user counts for, as the case start decides it (unit scope, else own unit). */
  initiatorUnits(): Promise<Map<string, number>>;
}

type Row = Record<string, unknown>;

/** A case's place in a GROUP BY: its process, subject unit, and its initiator only when it has no subject unit. */
const CASE_GROUP = 'c.process as process, c.subject_unit_id as subject_unit, case when c.subject_unit_id is null then c.initiator end as unit_login';

/** Whose unit a user counts for: the same rule as the case start (server/routes/cases.ts initiatorUnitOf). */
const USER_UNITS = 'select u.login as login, coalesce(u.unit_scope_id, e.unit_id) as unit_id from users u left join employees e on e.id = u.employee_id';

export function caseAggregates(em: EntityManager, dialect: Database['kind'], scope: UnitScope): CaseAggregates {
  const knex = em.getKnex();
  const seconds = (from: string, to: string) => (dialect === 'postgresql' ? `extract(epoch from (${to} - ${from}))` : `((${to} - ${from}) / 1000.0)`);
  const where = scopeCondition(scope);

  const groups = async (sql: string, params: unknown[]): Promise<CaseGroupCount[]> =>
    (await rows(knex, sql, params)).map((row) => ({
      process: String(row.process),
      subjectUnitId: unitIdOf(row.subject_unit),
      initiator: typeof row.unit_login === 'string' ? row.unit_login : null,
      count: Number(row.n),
    }));

  return {
    openCases: () => groups(
      `select ${CASE_GROUP}, count(*) as n from cases c where c.status = 'open' and ${where.sql} group by 1, 2, 3`,
      where.params,
    ),

    overdueCases: (now) => groups(
      `select ${CASE_GROUP}, count(*) as n from cases c
       where c.status = 'open'
         and exists (select 1 from case_tasks t where t.case_id = c.id and t.status = 'open' and t.due_at < ?)
         and ${where.sql}
       group by 1, 2, 3`,
      [now, ...where.params],
    ),

    timerEvents: async (start, end) => {
      const found = await rows(knex,
        `select ${CASE_GROUP}, e.type as type, count(*) as n
         from case_events e join cases c on c.id = e.case_id
         where e.type in ('step.escalated', 'step.deemed') and e.occurred_at >= ? and e.occurred_at < ? and ${where.sql}
         group by 1, 2, 3, 4`,
        [start, end, ...where.params]);
      return found.map((row) => ({
        type: row.type === 'step.deemed' ? 'step.deemed' : 'step.escalated',
        process: String(row.process),
        subjectUnitId: unitIdOf(row.subject_unit),
        initiator: typeof row.unit_login === 'string' ? row.unit_login : null,
        count: Number(row.n),
      }));
    },

    caseCycleTimes: async (start, end) => durationStats(knex,
      `select c.process as grp_process, '' as grp_step, ${seconds('c.created_at', 'c.closed_at')} as seconds
       from cases c
       where c.status <> 'open' and c.closed_at >= ? and c.closed_at < ? and ${where.sql}`,
      [start, end, ...where.params]),

    stepCycleTimes: async (start, end) => durationStats(knex,
      // A step visit ends when the case enters its next step or closes. Only cases touched since
      // `start` can hold a visit that ended then (updated_at is the time of a case's last event),
      // and events after `end` end no visit in the period: both bounds keep the window small.
      `select s.process as grp_process, s.step_id as grp_step, ${seconds('s.entered_at', 's.exited_at')} as seconds
       from (
         select c.process, e.type, e.step_id, e.occurred_at as entered_at,
                lead(e.occurred_at) over (partition by e.case_id order by e.seq) as exited_at
         from case_events e join cases c on c.id = e.case_id
         where e.type in ('step.entered', 'case.closed') and e.occurred_at < ?
           and c.updated_at >= ? and c.created_at < ? and ${where.sql}
       ) s
       where s.type = 'step.entered' and s.exited_at >= ? and s.exited_at < ?`,
      [end, start, end, ...where.params, start, end]),

    ratingTotals: async (start, end) => {
      const meta = em.getMetadata().get(FeedbackRating.name);
      const column = (element: SkmElement) => `"${meta.properties[element]?.fieldNames[0] ?? element}"`;
      const found = await rows(knex,
        `select r.unit_id as unit_id, count(*) as n, ${SKM_ELEMENTS.map((e, i) => `sum(r.${column(e)}) as s${i}`).join(', ')}
         from feedback_ratings r where r.rated_at >= ? and r.rated_at < ? group by r.unit_id`,
        [start, end]);
      return found.map((row) => ({
        unitId: row.unit_id === null ? null : Number(row.unit_id),
        ratings: Number(row.n),
        totals: Object.fromEntries(SKM_ELEMENTS.map((e, i) => [e, Number(row[`s${i}`])])) as Record<SkmElement, number>,
      }));
    },

    initiatorUnits: async () => {
      const found = await rows(knex, USER_UNITS, []);
      return new Map(found.filter((row) => row.unit_id !== null).map((row) => [String(row.login), Number(row.unit_id)]));
    },
  };
}

/**
 * The SQL condition that keeps the cases in scope: those whose subject unit is in it, and those
 * without a subject unit started by someone who counts for a unit in it.
 */
function scopeCondition(scope: UnitScope): { sql: string; params: unknown[] } {
  if (scope === 'all') return { sql: '1 = 1', params: [] };
  const ids = [...scope];
  if (ids.length === 0) return { sql: '1 = 0', params: [] };
  const marks = ids.map(() => '?').join(', ');
  return {
    sql: `(c.subject_unit_id in (${marks}) or (c.subject_unit_id is null and c.initiator in (select uu.login from (${USER_UNITS}) uu where uu.unit_id in (${marks}))))`,
    params: [...ids.map(String), ...ids],
  };
}

/**
 * Count, nearest-rank p50 and p90, mean and histogram of durations per (process, step), in one
 * pass: each duration is ranked within its group by a window function, and a group's p-th
 * percentile is the smallest duration whose rank is at least p × count.
 */
async function durationStats(knex: Knex, durations: string, params: unknown[]): Promise<DurationStats[]> {
  const bounds = CYCLE_TIME_BUCKET_DAYS.map((days) => days * 86_400);
  const buckets = [...bounds, Infinity].map((upper, i) => {
    const lower = i === 0 ? undefined : bounds[i - 1];
    const conditions = [lower === undefined ? undefined : `seconds >= ${lower}`, upper === Infinity ? undefined : `seconds < ${upper}`]
      .filter((c): c is string => c !== undefined);
    return `sum(case when ${conditions.join(' and ')} then 1 else 0 end) as b${i}`;
  });
  const found = await rows(knex,
    `select grp_process, grp_step, count(*) as n,
            min(case when rn >= 0.5 * total then seconds end) as p50,
            min(case when rn >= 0.9 * total then seconds end) as p90,
            avg(seconds) as mean,
            ${buckets.join(', ')}
     from (
       select grp_process, grp_step, seconds,
              row_number() over (partition by grp_process, grp_step order by seconds) as rn,
              count(*) over (partition by grp_process, grp_step) as total
       from (${durations}) d
     ) r
     group by grp_process, grp_step`,
    params);
  return found.map((row) => ({
    process: String(row.grp_process),
    stepId: row.grp_step === '' || row.grp_step === null ? null : String(row.grp_step),
    count: Number(row.n),
    p50Seconds: wholeSeconds(row.p50),
    p90Seconds: wholeSeconds(row.p90),
    meanSeconds: wholeSeconds(row.mean),
    histogram: buckets.map((_, i) => Number(row[`b${i}`])),
  }));
}

/** knex answers a raw query as its driver does: an array of rows (SQLite) or a result holding `rows` (PostgreSQL). */
async function rows(knex: Knex, sql: string, params: unknown[]): Promise<Row[]> {
  const result: unknown = await knex.raw(sql, params as Knex.RawBinding[]);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

function unitIdOf(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^\d{1,15}$/.test(text) ? Number(text) : null;
}

function wholeSeconds(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
}
