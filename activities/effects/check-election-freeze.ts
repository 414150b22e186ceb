import type { EffectHandler } from '../case-engine';
import { freezeWindowOn } from '../election-freeze';
import { wibDay } from '../wib-day';
import type { EffectDeps } from './effect-deps';

/**
 * `checkElectionFreeze`: whether today lies in an election-freeze window, refreshed right before
 * the branch that decides whether Mendagri's written approval is needed. The freeze that matters
 * is the one in force when the PPK signs, not when BKPSDM verified weeks earlier.
 */
export function createCheckElectionFreeze(deps: EffectDeps): EffectHandler {
  return async (ctx) => {
    const today = wibDay(deps.now());
    const window = freezeWindowOn(today, await deps.electionFreeze(ctx.em));
    return { data: { inFreeze: window !== undefined, freezeCheckedOn: today, ...(window ? { freezeWindow: window } : {}) } };
  };
}
