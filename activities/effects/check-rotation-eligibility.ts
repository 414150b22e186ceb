import type { EffectHandler } from '../case-engine';
import { checkRotation } from '../rotation-checks';
import { wibDay } from '../wib-day';
import { dataId, dataText } from './case-data';
import type { EffectDeps } from './effect-deps';

/**
 * `checkRotationEligibility`: computes the automatic checks of a rotation proposal and puts them
 * into the case data (`checks`, `inFreeze`), where the BKPSDM verifier's form shows them. It
 * changes nothing in the registry and never fails a case: a failed check is data for a person.
 */
export function createCheckRotationEligibility(deps: EffectDeps): EffectHandler {
  return async (ctx) => {
    const { checks, inFreeze } = await checkRotation(ctx.em, {
      employeeNip: dataText(ctx.data, 'employeeNip'),
      targetPositionId: dataId(ctx.data, 'targetPositionId'),
      currentUnitId: dataId(ctx.data, 'currentUnitId'),
      initiator: ctx.initiator.userId,
    }, wibDay(deps.now()), await deps.electionFreeze(ctx.em));
    return { data: { checks, inFreeze } };
  };
}
