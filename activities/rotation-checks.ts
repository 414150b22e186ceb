import type { EntityManager } from '@mikro-orm/knex';
import {
  DisciplinarySanction, Employee, OrgUnit, Position, SkpRating, unitSubtreeIds, User, type SkpRatingValue,
} from '../db';
import { ESELON_GOLONGAN_RANGE, golonganFitsEselon, golonganRank, isEselon, isGolongan, pangkatOf } from '../forms';
import type { Localized } from '../processes/model';
import { domainMessage } from './domain-messages';
import { freezeWindowOn, type ElectionFreezeWindow } from './election-freeze';

/** SKP ratings that count as at least "Baik". */
export const GOOD_SKP_RATINGS: readonly SkpRatingValue[] = ['SANGAT_BAIK', 'BAIK'];

/** Roles that may propose any employee; a kepala OPD proposes only staff of their own unit. */
const REGISTRY_WIDE_PROPOSERS = ['administrator', 'bkpsdm_mutasi', 'sekda'];

/** JPT officials may not be replaced within 2 years of their inauguration (UU 20/2023 on ASN, verify the article). */
const JPT_PROTECTION_YEARS = 2;

export type RotationCheckCode =
  | 'employeeFound' | 'targetFound' | 'unitMatches' | 'proposerScope' | 'targetVacant'
  | 'pangkat' | 'skp' | 'sanction' | 'jptTwoYears' | 'electionFreeze';

/** One automatic check, as the BKPSDM verifier sees it. */
export interface RotationCheck {
  passed: boolean;
  /** A failed blocking check stops the proposal unless the verifier states an exception reason. */
  blocking: boolean;
  /** False when the rule does not apply to this proposal (it then counts as passed). */
  applicable: boolean;
  message: Localized;
  detail?: Record<string, unknown>;
}

export interface RotationChecks {
  /** The day (WIB) the checks were computed on. */
  asOf: string;
  /** True when a blocking check failed. */
  blocking: boolean;
  /** The codes of the failed blocking checks. */
  failed: RotationCheckCode[];
  employee: { id: number; nip: string; name: string; golongan: string; positionId: number | null; positionName: string | null; unitId: number; unitName: string } | null;
  target: { id: number; name: string; jenisJabatan: string; eselon: string | null; unitId: number; unitName: string; holderEmployeeId: number | null } | null;
  items: Partial<Record<RotationCheckCode, RotationCheck>>;
}

export interface RotationProposal {
  employeeNip: string | undefined;
  targetPositionId: number | undefined;
  currentUnitId: number | undefined;
  /** Login of the user who proposed. */
  initiator: string;
}

/**
 * The automatic checks of a rotation proposal against the registry as it is on `today`: pangkat
 * against the target eselon, the last two SKP ratings, disciplinary sanctions in force, the
 * 2-year rule for JPT officials, the election freeze, and the proposal's own consistency.
 */
export async function checkRotation(
  em: EntityManager, proposal: RotationProposal, today: string, freeze: readonly ElectionFreezeWindow[],
): Promise<{ checks: RotationChecks; inFreeze: boolean }> {
  const items: RotationChecks['items'] = {};
  const put = (code: RotationCheckCode, check: RotationCheck) => { items[code] = check; };

  const window = freezeWindowOn(today, freeze);
  put('electionFreeze', {
    passed: window === undefined, blocking: false, applicable: true,
    message: window ? domainMessage('INSIDE_FREEZE', { ...window }) : domainMessage('OUTSIDE_FREEZE'),
    ...(window ? { detail: { window } } : {}),
  });

  const employee = proposal.employeeNip ? await em.findOne(Employee, { nip: proposal.employeeNip }) : null;
  put('employeeFound', {
    passed: employee !== null, blocking: true, applicable: true,
    message: domainMessage(employee ? 'EMPLOYEE_FOUND' : 'EMPLOYEE_NOT_FOUND', { nip: proposal.employeeNip ?? '-' }),
  });
  const target = proposal.targetPositionId ? await em.findOne(Position, { id: proposal.targetPositionId }) : null;
  put('targetFound', {
    passed: target !== null, blocking: true, applicable: true,
    message: target ? domainMessage('TARGET_FOUND', { name: target.name }) : domainMessage('TARGET_NOT_FOUND', { id: proposal.targetPositionId ?? '-' }),
  });

  const unitIds = [employee?.unitId, target?.unitId].filter((id): id is number => id !== undefined);
  const units = new Map((await em.find(OrgUnit, { id: { $in: unitIds } })).map((u) => [u.id, u]));
  const currentPosition = employee?.positionId ? await em.findOne(Position, { id: employee.positionId }) : null;

  if (employee) {
    put('unitMatches', proposal.currentUnitId === employee.unitId
      ? { passed: true, blocking: true, applicable: true, message: domainMessage('UNIT_MATCHES') }
      : {
        passed: false, blocking: true, applicable: true,
        message: domainMessage('UNIT_MISMATCH', { proposed: proposal.currentUnitId ?? '-', actual: units.get(employee.unitId)?.name ?? employee.unitId }),
      });
    const inScope = await proposerMayPropose(em, proposal.initiator, employee.unitId);
    put('proposerScope', { passed: inScope, blocking: true, applicable: true, message: domainMessage(inScope ? 'PROPOSER_IN_SCOPE' : 'PROPOSER_OUT_OF_SCOPE') });
    await putEmployeeChecks(em, employee, currentPosition, today, put);
  }

  if (target) {
    if (employee && target.holderEmployeeId === employee.id) {
      put('targetVacant', { passed: false, blocking: true, applicable: true, message: domainMessage('TARGET_IS_CURRENT') });
    } else if (target.holderEmployeeId !== null) {
      const holder = await em.findOne(Employee, { id: target.holderEmployeeId });
      put('targetVacant', {
        passed: false, blocking: true, applicable: true,
        message: domainMessage('TARGET_HELD', { holder: holder ? `${holder.name}, NIP ${holder.nip}` : String(target.holderEmployeeId) }),
      });
    } else {
      put('targetVacant', { passed: true, blocking: true, applicable: true, message: domainMessage('TARGET_VACANT') });
    }
    if (employee) put('pangkat', pangkatCheck(employee.golongan, target.eselon));
  }

  const failed = (Object.entries(items) as Array<[RotationCheckCode, RotationCheck]>)
    .filter(([, check]) => check.blocking && check.applicable && !check.passed)
    .map(([code]) => code);
  return {
    inFreeze: window !== undefined,
    checks: {
      asOf: today,
      blocking: failed.length > 0,
      failed,
      employee: employee
        ? {
          id: employee.id, nip: employee.nip, name: employee.name, golongan: employee.golongan,
          positionId: employee.positionId, positionName: currentPosition?.name ?? null,
          unitId: employee.unitId, unitName: units.get(employee.unitId)?.name ?? '',
        }
        : null,
      target: target
        ? {
          id: target.id, name: target.name, jenisJabatan: target.jenisJabatan, eselon: target.eselon,
          unitId: target.unitId, unitName: units.get(target.unitId)?.name ?? '', holderEmployeeId: target.holderEmployeeId,
        }
        : null,
      items,
    },
  };
}

/** Pangkat against the target eselon's range; not applicable when the position has no eselon. */
export function pangkatCheck(golongan: string, eselon: string | null): RotationCheck {
  if (eselon === null || !isEselon(eselon)) {
    return { passed: true, blocking: true, applicable: false, message: domainMessage('PANGKAT_NOT_APPLICABLE') };
  }
  const range = ESELON_GOLONGAN_RANGE[eselon];
  const params = { golongan, pangkat: isGolongan(golongan) ? pangkatOf(golongan) : '?', eselon, min: range.min, max: range.max };
  if (golonganFitsEselon(golongan, eselon)) return { passed: true, blocking: true, applicable: true, message: domainMessage('PANGKAT_FITS', params), detail: params };
  const below = isGolongan(golongan) && golonganRank(golongan) < golonganRank(range.min);
  return { passed: false, blocking: true, applicable: true, message: domainMessage(below ? 'PANGKAT_BELOW' : 'PANGKAT_ABOVE', params), detail: params };
}

/** Whether a sanction is in force on a day (both ends count; an open end means until further notice). */
export function sanctionInForce(sanction: Pick<DisciplinarySanction, 'startDate' | 'endDate'>, today: string): boolean {
  return sanction.startDate <= today && (sanction.endDate === null || sanction.endDate >= today);
}

async function putEmployeeChecks(
  em: EntityManager, employee: Employee, currentPosition: Position | null, today: string,
  put: (code: RotationCheckCode, check: RotationCheck) => void,
): Promise<void> {
  const ratings = await em.find(SkpRating, { employeeId: employee.id }, { orderBy: { year: 'desc' }, limit: 2 });
  const shown = ratings.map((r) => `${r.year} ${r.rating}`).join(', ') || '-';
  const skpDetail = { ratings: ratings.map((r) => ({ year: r.year, rating: r.rating })) };
  if (ratings.length < 2) put('skp', { passed: false, blocking: true, applicable: true, message: domainMessage('SKP_MISSING', { ratings: shown }), detail: skpDetail });
  else {
    const good = ratings.every((r) => GOOD_SKP_RATINGS.includes(r.rating));
    put('skp', { passed: good, blocking: true, applicable: true, message: domainMessage(good ? 'SKP_GOOD' : 'SKP_BELOW', { ratings: shown }), detail: skpDetail });
  }

  const sanctions = (await em.find(DisciplinarySanction, { employeeId: employee.id }, { orderBy: { startDate: 'desc' } })).filter((s) => sanctionInForce(s, today));
  const sanction = sanctions[0];
  put('sanction', sanction
    ? {
      passed: false, blocking: true, applicable: true,
      message: domainMessage('SANCTION_IN_FORCE', { level: sanction.level, start: sanction.startDate, end: sanction.endDate ?? '…' }),
      detail: { level: sanction.level, description: sanction.description, startDate: sanction.startDate, endDate: sanction.endDate },
    }
    : { passed: true, blocking: true, applicable: true, message: domainMessage('NO_SANCTION') });

  const isJpt = currentPosition?.jenisJabatan === 'JPT_PRATAMA' || currentPosition?.jenisJabatan === 'JPT_MADYA';
  const inaugurated = employee.lastInaugurationDate;
  if (!isJpt || inaugurated === null) {
    put('jptTwoYears', { passed: true, blocking: true, applicable: false, message: domainMessage('JPT_RULE_NOT_APPLICABLE') });
  } else {
    const protectedUntil = `${Number(inaugurated.slice(0, 4)) + JPT_PROTECTION_YEARS}${inaugurated.slice(4)}`;
    const passed = protectedUntil <= today;
    put('jptTwoYears', {
      passed, blocking: true, applicable: true,
      message: domainMessage(passed ? 'JPT_TWO_YEARS_PASSED' : 'JPT_WITHIN_TWO_YEARS', { date: inaugurated }),
      detail: { inaugurated, protectedUntil },
    });
  }
}

async function proposerMayPropose(em: EntityManager, login: string, unitId: number): Promise<boolean> {
  const user = await em.findOne(User, { login });
  if (!user) return false;
  if (user.roles.some((role) => REGISTRY_WIDE_PROPOSERS.includes(role))) return true;
  if (!user.roles.includes('kepala_opd') || user.unitScopeId === null) return false;
  return (await unitSubtreeIds(em, user.unitScopeId)).includes(unitId);
}
