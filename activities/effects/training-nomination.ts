import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { BudgetLine, BudgetReservation, Employee, OrgUnit, Position, TrainingRecord, User, type TrainingKind } from '../../db';
import type { EffectHandler } from '../case-engine';
import { domainMessage } from '../domain-messages';
import { checkTrainingNomination, opdOf, rupiah } from '../training-checks';
import { wibDay } from '../wib-day';
import { dataId, dataText } from './case-data';
import type { EffectDeps } from './effect-deps';

/**
 * `checkTrainingNomination`: eligibility, JP tally and budget into the case data
 * (`nominationCheck`), and who acts next: `opdUnitId` (whose head endorses, and whose budget
 * pays), `endorsedByProposer` (the proposer is that head, so the endorsement is theirs already)
 * and `bkpsdmUnitId` (whose head approves). A broken rule does not fail the case: the process ends
 * it rejected with the problems recorded.
 */
export function createCheckTrainingNomination(deps: EffectDeps): EffectHandler {
  return async (ctx) => {
    const check = await checkTrainingNomination(ctx.em, {
      nip: dataText(ctx.data, 'employeeNip'),
      kind: dataText(ctx.data, 'trainingKind'),
      startDate: dataText(ctx.data, 'startDate'),
      endDate: dataText(ctx.data, 'endDate'),
      jpHours: dataNumber(ctx.data, 'jpHours'),
      cost: dataNumber(ctx.data, 'cost'),
      proposer: ctx.initiator.userId,
    }, wibDay(deps.now()));
    const opdUnitId = check.opdUnitId;
    return {
      data: {
        nominationCheck: check,
        opdUnitId: opdUnitId === null ? null : String(opdUnitId),
        endorsedByProposer: opdUnitId !== null && (await isHeadOf(ctx.em, ctx.initiator.userId, opdUnitId)),
        bkpsdmUnitId: await trainingAgencyUnit(ctx.em),
      },
    };
  };
}

/**
 * `reserveTrainingBudget` (compensated by `releaseTrainingBudget`): holds the nomination's cost on
 * the OPD's training line for the year, with one conditional UPDATE, so two nominations racing for
 * the last rupiah cannot both get it. Run again for the same case (after a revision changed the
 * cost) it moves the reservation by the difference. When the money is gone meanwhile, nothing is
 * reserved and `budgetReserved: false` sends the case to its rejection.
 */
export const reserveTrainingBudget: EffectHandler = async (ctx) => {
  const cost = dataNumber(ctx.data, 'cost') ?? 0;
  const lineId = budgetLineOf(ctx.data);
  if (cost === 0) return { data: { budgetReserved: true, budgetProblem: null } };
  if (lineId === undefined) return { data: { budgetReserved: false, budgetProblem: domainMessage('TRAINING_NO_BUDGET_LINE', { year: '-' }) } };

  const existing = await ctx.em.findOne(BudgetReservation, { caseId: ctx.caseId });
  const held = existing?.status === 'RESERVED' && existing.budgetLineId === lineId ? existing.amount : 0;
  const delta = cost - held;
  const moved = delta === 0 ? 1 : await moveReserved(ctx.em, lineId, delta);
  if (moved === 0) {
    const line = await ctx.em.findOneOrFail(BudgetLine, { id: lineId }, { refresh: true });
    const available = line.amountAllocated - line.amountReserved - line.amountSpent + held;
    return {
      data: {
        budgetReserved: false,
        budgetProblem: domainMessage('TRAINING_BUDGET_TAKEN', { available: rupiah(available), cost: rupiah(cost) }),
      },
    };
  }
  if (existing && existing.status === 'RESERVED' && existing.budgetLineId !== lineId) {
    await moveReserved(ctx.em, existing.budgetLineId, -existing.amount);
  }
  if (existing) {
    ctx.em.assign(existing, { budgetLineId: lineId, amount: cost, amountSpent: null, status: 'RESERVED', settledAt: null });
  } else {
    ctx.em.create(BudgetReservation, {
      caseId: ctx.caseId, budgetLineId: lineId, amount: cost, amountSpent: null, status: 'RESERVED', createdAt: new Date(), settledAt: null,
    });
  }
  return {
    data: {
      budgetReserved: true,
      budgetProblem: null,
      budgetReservation: { lineId, amount: cost, message: domainMessage('TRAINING_BUDGET_RESERVED', { amount: rupiah(cost) }) },
    },
  };
};

/** `releaseTrainingBudget`: gives back what the case still holds; nothing when it holds nothing. */
export const releaseTrainingBudget: EffectHandler = async (ctx) => {
  const reservation = await ctx.em.findOne(BudgetReservation, { caseId: ctx.caseId, status: 'RESERVED' });
  if (!reservation) return { data: { budgetReleased: null } };
  await moveReserved(ctx.em, reservation.budgetLineId, -reservation.amount);
  ctx.em.assign(reservation, { status: 'RELEASED', settledAt: new Date() });
  return {
    data: {
      budgetReserved: false,
      budgetReleased: { amount: reservation.amount, message: domainMessage('TRAINING_BUDGET_RELEASED', { amount: rupiah(reservation.amount) }) },
    },
  };
};

/**
 * `recordTrainingCompletion`: the completion report counts. The training joins the employee's
 * history with the JP on the certificate, in the year it ended; the reservation becomes spending
 * of what it actually cost (what is left returns to the line).
 */
export const recordTrainingCompletion: EffectHandler = async (ctx) => {
  const nip = dataText(ctx.data, 'employeeNip');
  const employee = nip ? await ctx.em.findOne(Employee, { nip }) : null;
  const completedOn = dataText(ctx.data, 'completedOn');
  const startDate = dataText(ctx.data, 'startDate');
  const jp = dataNumber(ctx.data, 'jpEarned');
  if (!employee || !completedOn || !startDate || jp === undefined) {
    throw new Error('recordTrainingCompletion: the case data lacks the employee, the dates or the JP earned');
  }
  const year = Number(completedOn.slice(0, 4));
  const kind = (dataText(ctx.data, 'trainingKind') ?? 'TEKNIS') as TrainingKind;
  ctx.em.create(TrainingRecord, {
    employeeId: employee.id,
    title: dataText(ctx.data, 'trainingTitle') ?? '-',
    kind,
    jpHours: jp,
    startDate: startDate <= completedOn ? startDate : completedOn,
    endDate: completedOn,
    year,
  });
  const spent = dataNumber(ctx.data, 'actualCost') ?? 0;
  const reservation = await ctx.em.findOne(BudgetReservation, { caseId: ctx.caseId, status: 'RESERVED' });
  if (reservation) {
    await ctx.em.createQueryBuilder(BudgetLine)
      .update({ amountReserved: raw('amount_reserved - ?', [reservation.amount]), amountSpent: raw('amount_spent + ?', [spent]) })
      .where({ id: reservation.budgetLineId })
      .execute('run');
    ctx.em.assign(reservation, { status: 'SPENT', amountSpent: spent, settledAt: new Date() });
  }
  await ctx.em.flush();
  const rows = await ctx.em.find(TrainingRecord, { employeeId: employee.id, year });
  const total = rows.reduce((sum, r) => sum + r.jpHours, 0);
  return {
    data: {
      trainingRecorded: {
        employeeId: employee.id, year, jp, totalJpThisYear: total, spent,
        message: domainMessage('TRAINING_COMPLETED', { jp, employee: employee.name, year, total }),
      },
    },
  };
};

/** Adds `delta` to a line's reservations; a positive delta only while the line has that much left. Returns rows changed. */
async function moveReserved(em: EntityManager, lineId: number, delta: number): Promise<number> {
  const qb = em.createQueryBuilder(BudgetLine).update({ amountReserved: raw('amount_reserved + ?', [delta]) }).where({ id: lineId });
  if (delta > 0) qb.andWhere('amount_allocated - amount_reserved - amount_spent >= ?', [delta]);
  const result = await qb.execute('run');
  return result.affectedRows;
}

function budgetLineOf(data: Record<string, unknown>): number | undefined {
  const check = data.nominationCheck;
  if (typeof check !== 'object' || check === null) return undefined;
  const budget = (check as { budget?: unknown }).budget;
  if (typeof budget !== 'object' || budget === null) return undefined;
  return dataId(budget as Record<string, unknown>, 'lineId');
}

function dataNumber(data: Record<string, unknown>, key: string): number | undefined {
  const value = data[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Whether the user `login` is the employee holding the unit's head position. */
async function isHeadOf(em: EntityManager, login: string, unitId: number): Promise<boolean> {
  const unit = await em.findOne(OrgUnit, { id: unitId });
  if (!unit?.headPositionId) return false;
  const head = await em.findOne(Position, { id: unit.headPositionId });
  if (!head?.holderEmployeeId) return false;
  return (await em.count(User, { login, employeeId: head.holderEmployeeId, active: true })) > 0;
}

/**
 * The OPD that runs competency development (BKPSDM): the OPD of the first active user who holds the
 * `bkpsdm_diklat` role. Its head approves nominations by default; an administrator may name
 * another approver in the definition.
 */
async function trainingAgencyUnit(em: EntityManager): Promise<string | null> {
  const users = await em.find(User, { active: true, employeeId: { $ne: null } }, { orderBy: { id: 'asc' } });
  const officer = users.find((u) => u.roles.includes('bkpsdm_diklat'));
  const employee = officer?.employeeId ? await em.findOne(Employee, { id: officer.employeeId }) : null;
  const opd = employee ? await opdOf(em, employee.unitId) : null;
  return opd === null ? null : String(opd);
}
