import { Employee, TemporaryAssignment, type TemporaryAssignmentKind } from '../../db';
import type { EffectHandler } from '../case-engine';
import { dataId, dataText, dataTextList } from './case-data';

/**
 * `applyTemporaryAssignment`: records the order in the registry, one ACTIVE row per appointee
 * (the Plt / Plh of the post, or each member of the task force). The appointees keep their own
 * positions. Idempotent twice over: the engine's effect record, and one row per (case, employee).
 */
export const applyTemporaryAssignment: EffectHandler = async (ctx) => {
  const kind = dataText(ctx.data, 'kind') as TemporaryAssignmentKind;
  const nips = dataTextList(ctx.data, 'appointeeNips');
  const employees = await ctx.em.find(Employee, { nip: { $in: nips } });
  const existing = new Set((await ctx.em.find(TemporaryAssignment, { caseId: ctx.caseId })).map((a) => a.employeeId));
  const now = new Date();
  for (const employee of employees) {
    if (existing.has(employee.id)) continue;
    ctx.em.create(TemporaryAssignment, {
      caseId: ctx.caseId,
      kind,
      employeeId: employee.id,
      positionId: dataId(ctx.data, 'postPositionId') ?? null,
      unitId: dataId(ctx.data, 'unitId') ?? employee.unitId,
      taskForceName: dataText(ctx.data, 'taskForceName') ?? null,
      orderNumber: dataText(ctx.data, 'orderNumber') ?? null,
      orderDate: dataText(ctx.data, 'orderDate') ?? null,
      startDate: dataText(ctx.data, 'startDate') ?? now.toISOString().slice(0, 10),
      endDate: dataText(ctx.data, 'endDate') ?? now.toISOString().slice(0, 10),
      status: 'ACTIVE',
      endedOn: null,
      endReason: null,
      createdAt: now,
    });
  }
  await ctx.em.flush();
  const rows = await ctx.em.find(TemporaryAssignment, { caseId: ctx.caseId }, { orderBy: { id: 'asc' } });
  return { data: { assignmentIds: rows.map((r) => r.id) } };
};
