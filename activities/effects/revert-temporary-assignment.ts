import { CaseEvent, TemporaryAssignment } from '../../db';
import { latestPeriodEnd } from '../../forms';
import type { EffectHandler } from '../case-engine';
import { domainMessage } from '../domain-messages';
import { dayAfter, PLT_MAX_MONTHS } from '../temporary-assignment-checks';
import { wibDay } from '../wib-day';
import type { EffectDeps } from './effect-deps';

/**
 * `revertTemporaryAssignment`: the assignment is over, by its end date (possibly extended) or
 * ended early by a manager; every ACTIVE row of the case becomes ENDED with its last day and why.
 * The wait's history (extensions, an early end) is read from the case's audit log, which the
 * engine projects before any effect runs. A Plt extended more than once, or by more than 3
 * months, is recorded as outside the rule: the engine cannot refuse such an extension yet.
 */
export function createRevertTemporaryAssignment(deps: EffectDeps): EffectHandler {
  return async (ctx) => {
    const events = await ctx.em.find(CaseEvent, { caseId: ctx.caseId, type: { $in: ['wait.extended', 'wait.ended_early'] } }, { orderBy: { seq: 'asc' } });
    const extensions = events.filter((e) => e.type === 'wait.extended');
    const endedEarly = events.some((e) => e.type === 'wait.ended_early');
    const lastUntil = extensions.map((e) => e.details?.until).filter((u): u is string => typeof u === 'string').at(-1);
    // The last day of an extension that runs "until" an instant is the WIB day just before it.
    const extendedTo = lastUntil ? wibDay(new Date(Date.parse(lastUntil) - 1)) : null;
    const today = wibDay(deps.now());

    const rows = await ctx.em.find(TemporaryAssignment, { caseId: ctx.caseId, status: 'ACTIVE' });
    let outsideRule: { latest: string } | null = null;
    for (const row of rows) {
      const plannedEnd = extendedTo ?? row.endDate;
      if (row.kind === 'PLT' && extendedTo) {
        const latest = latestPeriodEnd(dayAfter(row.endDate), PLT_MAX_MONTHS);
        if (extensions.length > 1 || (latest !== null && extendedTo > latest)) outsideRule = { latest: latest ?? row.endDate };
      }
      ctx.em.assign(row, {
        status: 'ENDED',
        endDate: plannedEnd,
        extensions: extensions.length,
        endedOn: endedEarly && today < plannedEnd ? today : plannedEnd,
        endReason: endedEarly ? 'ENDED_EARLY' : 'EXPIRED',
      });
    }
    await ctx.em.flush();
    return {
      data: {
        assignmentEnd: {
          endedOn: rows[0]?.endedOn ?? today,
          endReason: endedEarly ? 'ENDED_EARLY' : 'EXPIRED',
          extensions: extensions.length,
          extendedTo,
          withinRule: outsideRule === null,
          ...(outsideRule ? { problem: domainMessage('ASSIGNMENT_EXTENSION_OUTSIDE_RULE', outsideRule) } : {}),
        },
      },
    };
  };
}
