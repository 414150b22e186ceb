import type { EntityManager } from '@mikro-orm/knex';
import { BudgetLine, DisciplinarySanction, Employee, OrgUnit, opdIdOf, Position, TrainingRecord, User, unitSubtreeIds } from '../db';
import { golonganRank, isCalendarDate, parseNip, type Golongan } from '../forms';
import type { Localized } from '../processes/model';
import { domainMessage, type DomainMessageKey } from './domain-messages';
import { sanctionInForce } from './rotation-checks';

/** Every PNS has a right to at least 20 JP of competency development a year (PP 11/2017 as amended by PP 17/2020). */
export const YEARLY_JP_RIGHT = 20;
/** Roles that may nominate any employee; a kepala OPD nominates only the staff of their own unit. */
const REGISTRY_WIDE_NOMINATORS = ['administrator', 'bkpsdm_diklat', 'sekda'];

type TrainingCode = DomainMessageKey extends infer K ? (K extends `TRAINING_${infer C}` ? C : never) : never;

export interface TrainingFinding {
  code: string;
  message: Localized;
  detail?: Record<string, unknown>;
}

export interface TrainingNominationRequest {
  nip: string | undefined;
  kind: string | undefined;
  startDate: string | undefined;
  endDate: string | undefined;
  jpHours: number | undefined;
  cost: number | undefined;
  proposer: string;
}

export interface TrainingBudgetView {
  lineId: number;
  unitId: number;
  year: number;
  allocated: number;
  reserved: number;
  spent: number;
  available: number;
}

export interface TrainingNominationCheck {
  /** False when a rule is broken; the case then ends rejected with these problems recorded. */
  ok: boolean;
  asOf: string;
  problems: TrainingFinding[];
  /** Worth knowing for the verifier, not a refusal. */
  notes: TrainingFinding[];
  employee: { id: number; nip: string; name: string; golongan: string; positionName: string | null; jenisJabatan: string | null } | null;
  /** The OPD whose training budget pays, and whose head endorses. */
  opdUnitId: number | null;
  /** JP already earned in the year the training ends, and with this training. */
  jpThisYear: number;
  jpAfter: number;
  budget: TrainingBudgetView | null;
}

/**
 * Checks a training nomination against the registry: a real employee the proposer is responsible
 * for, the training kind's eligibility rules (PKP for Pengawas, PKA for Administrator, PKN II for
 * JPT Pratama or an Administrator of at least IV/a for two years, Latsar for new CPNS, tugas
 * belajar after a year of service and without a sanction in force, izin belajar at the employee's
 * own cost), the employee's JP this year, and the unit's training budget line for the cost.
 */
export async function checkTrainingNomination(em: EntityManager, request: TrainingNominationRequest, today: string): Promise<TrainingNominationCheck> {
  const problems: TrainingFinding[] = [];
  const notes: TrainingFinding[] = [];
  const finding = (code: TrainingCode, params: Record<string, string | number>, detail?: Record<string, unknown>): TrainingFinding =>
    ({ code, message: domainMessage(`TRAINING_${code}`, params), ...(detail ? { detail } : {}) });
  const problem = (code: TrainingCode, params: Record<string, string | number> = {}, detail?: Record<string, unknown>) =>
    problems.push(finding(code, params, detail));
  const note = (code: TrainingCode, params: Record<string, string | number> = {}, detail?: Record<string, unknown>) =>
    notes.push(finding(code, params, detail));

  const cost = request.cost ?? 0;
  const year = Number((isCalendarDate(request.endDate) ? request.endDate : today).slice(0, 4));
  if (isCalendarDate(request.startDate) && request.startDate < today) problem('STARTS_IN_PAST', { start: request.startDate, today });

  const employee = request.nip ? await em.findOne(Employee, { nip: request.nip }) : null;
  const empty = (): TrainingNominationCheck => ({
    ok: false, asOf: today, problems, notes, employee: null, opdUnitId: null, jpThisYear: 0, jpAfter: 0, budget: null,
  });
  if (!employee) {
    problem('EMPLOYEE_NOT_FOUND', { nip: request.nip ?? '-' });
    return empty();
  }
  const position = employee.positionId === null ? null : await em.findOne(Position, { id: employee.positionId });
  const opdUnitId = await opdOf(em, employee.unitId);

  if (!(await proposerMayNominate(em, request.proposer, employee.unitId))) problem('PROPOSER_OUT_OF_SCOPE');

  // Eligibility per kind.
  const jenis = position?.jenisJabatan ?? null;
  const serviceYears = yearsSince(parseNip(employee.nip)?.tmtCpns, today);
  const previous = await em.find(TrainingRecord, { employeeId: employee.id }, { orderBy: { endDate: 'desc' } });
  const hasDone = (kind: string) => previous.some((r) => r.kind === kind);
  const golonganYears = yearsSince(employee.tmtGolongan, today);
  switch (request.kind) {
    case 'LATSAR':
      if (serviceYears !== null && serviceYears >= 2) problem('LATSAR_NOT_CPNS', { years: Math.floor(serviceYears) });
      if (hasDone('LATSAR')) problem('ALREADY_DONE', { kind: 'Latsar' });
      break;
    case 'PKP':
      if (jenis !== 'PENGAWAS') problem('LEADERSHIP_WRONG_POST', { kind: 'PKP', needed: 'Pengawas', post: position?.name ?? '-' });
      if (hasDone('PKP')) problem('ALREADY_DONE', { kind: 'PKP' });
      break;
    case 'PKA':
      if (jenis !== 'ADMINISTRATOR') problem('LEADERSHIP_WRONG_POST', { kind: 'PKA', needed: 'Administrator', post: position?.name ?? '-' });
      if (hasDone('PKA')) problem('ALREADY_DONE', { kind: 'PKA' });
      break;
    case 'PKN_II': {
      const seniorAdministrator = jenis === 'ADMINISTRATOR' && golonganRank(employee.golongan) >= golonganRank('IV/a' as Golongan)
        && golonganYears !== null && golonganYears >= 2;
      if (jenis !== 'JPT_PRATAMA' && !seniorAdministrator) {
        problem('PKN_NOT_ELIGIBLE', { post: position?.name ?? '-', golongan: employee.golongan, years: golonganYears === null ? 0 : Math.floor(golonganYears) });
      }
      if (hasDone('PKN_II')) problem('ALREADY_DONE', { kind: 'PKN II' });
      break;
    }
    case 'TUGAS_BELAJAR':
      if (serviceYears !== null && serviceYears < 1) problem('STUDY_SERVICE_TOO_SHORT');
      break;
    case 'IZIN_BELAJAR':
      if (cost > 0) problem('IZIN_BELAJAR_SELF_FUNDED', { cost: rupiah(cost) });
      break;
    default:
      break;
  }
  if (request.kind === 'TUGAS_BELAJAR' || request.kind === 'PKN_II') {
    const sanctions = await em.find(DisciplinarySanction, { employeeId: employee.id });
    const inForce = sanctions.find((s) => sanctionInForce(s, today));
    if (inForce) problem('SANCTION_IN_FORCE', { level: inForce.level, end: inForce.endDate ?? '…' });
  }

  // JP this year.
  const jpThisYear = previous.filter((r) => r.year === year).reduce((sum, r) => sum + r.jpHours, 0);
  const jpAfter = jpThisYear + (request.jpHours ?? 0);
  note(jpThisYear >= YEARLY_JP_RIGHT ? 'JP_MET' : 'JP_BELOW', { year, jp: jpThisYear, after: jpAfter, right: YEARLY_JP_RIGHT });

  // The unit's training budget line.
  let budget: TrainingBudgetView | null = null;
  const line = opdUnitId === null ? null : await em.findOne(BudgetLine, { unitId: opdUnitId, year, kind: 'TRAINING' });
  if (line) {
    const available = line.amountAllocated - line.amountReserved - line.amountSpent;
    budget = { lineId: line.id, unitId: line.unitId, year, allocated: line.amountAllocated, reserved: line.amountReserved, spent: line.amountSpent, available };
    if (cost > available) problem('OVER_BUDGET', { cost: rupiah(cost), available: rupiah(available), year }, { cost, available });
    else note('BUDGET_FITS', { cost: rupiah(cost), available: rupiah(available), year });
  } else if (cost > 0) {
    problem('NO_BUDGET_LINE', { year });
  }

  return {
    ok: problems.length === 0,
    asOf: today,
    problems,
    notes,
    employee: {
      id: employee.id, nip: employee.nip, name: employee.name, golongan: employee.golongan,
      positionName: position?.name ?? null, jenisJabatan: jenis,
    },
    opdUnitId,
    jpThisYear,
    jpAfter,
    budget,
  };
}

/** The OPD a unit belongs to: the ancestor whose parent is the root of the tree (the unit itself for an OPD). */
export async function opdOf(em: EntityManager, unitId: number): Promise<number | null> {
  const units = await em.find(OrgUnit, {}, { fields: ['id', 'parentId'], disableIdentityMap: true });
  return opdIdOf(new Map(units.map((u) => [u.id, u])), unitId);
}

async function proposerMayNominate(em: EntityManager, login: string, unitId: number): Promise<boolean> {
  const user = await em.findOne(User, { login });
  if (!user) return false;
  if (user.roles.some((role) => REGISTRY_WIDE_NOMINATORS.includes(role))) return true;
  if (!user.roles.includes('kepala_opd') || user.unitScopeId === null) return false;
  return (await unitSubtreeIds(em, user.unitScopeId)).includes(unitId);
}

/** Whole and fractional years from a YYYY-MM or YYYY-MM-DD date to `today`; null when unknown. */
export function yearsSince(date: string | null | undefined, today: string): number | null {
  if (!date || !/^\d{4}-\d{2}/.test(date)) return null;
  const from = Date.parse(date.length === 7 ? `${date}-01` : date);
  const to = Date.parse(today);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return (to - from) / (365.25 * 86_400_000);
}

/** An amount in rupiah as people write it: Rp 12.500.000. */
export function rupiah(amount: number): string {
  return `Rp ${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
