import type { EffectHandler } from '../case-engine';
import { checkTemporaryAssignment } from '../temporary-assignment-checks';
import { wibDay } from '../wib-day';
import { dataId, dataText, dataTextList } from './case-data';
import type { EffectDeps } from './effect-deps';

/**
 * `checkTemporaryAssignment`: the level rule, the Plt's 3 months and the post's other
 * assignments, into the case data (`assignmentCheck`); also who signs (`approverUnitId`) and when
 * the assignment ends (`endsAt`, midnight WIB after the end date, which the wait step waits for).
 * A broken rule does not fail the case: the process ends it rejected with the problems recorded.
 */
export function createCheckTemporaryAssignment(deps: EffectDeps): EffectHandler {
  return async (ctx) => {
    const { check, approverUnitId, endsAt } = await checkTemporaryAssignment(ctx.em, {
      kind: dataText(ctx.data, 'kind'),
      unitId: dataId(ctx.data, 'unitId'),
      postPositionId: dataId(ctx.data, 'postPositionId'),
      appointeeNips: dataTextList(ctx.data, 'appointeeNips'),
      startDate: dataText(ctx.data, 'startDate'),
      endDate: dataText(ctx.data, 'endDate'),
      caseId: ctx.caseId,
    }, wibDay(deps.now()));
    return { data: { assignmentCheck: check, approverUnitId, endsAt } };
  };
}
