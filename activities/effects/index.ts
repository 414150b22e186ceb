import type { EffectHandler } from '../case-engine';
import { electionFreezeFromEnv } from '../election-freeze';
import { applyRotation } from './apply-rotation';
import { applyTemporaryAssignment } from './apply-temporary-assignment';
import { createCheckElectionFreeze } from './check-election-freeze';
import { createCheckRotationEligibility } from './check-rotation-eligibility';
import { createCheckTemporaryAssignment } from './check-temporary-assignment';
import type { EffectDeps } from './effect-deps';
import { createRevertTemporaryAssignment } from './revert-temporary-assignment';

export type { EffectDeps } from './effect-deps';

/**
 * The effects a process definition can name, by name: the checks and registry changes of the ASN
 * processes. Without deps, the election freeze comes from ALUR_ELECTION_FREEZE and time from the clock.
 */
export function createDefaultEffects(deps: Partial<EffectDeps> = {}): Record<string, EffectHandler> {
  const full: EffectDeps = { electionFreeze: deps.electionFreeze ?? (() => electionFreezeFromEnv()), now: deps.now ?? (() => new Date()) };
  return {
    checkRotationEligibility: createCheckRotationEligibility(full),
    checkElectionFreeze: createCheckElectionFreeze(full),
    applyRotation,
    checkTemporaryAssignment: createCheckTemporaryAssignment(full),
    applyTemporaryAssignment,
    revertTemporaryAssignment: createRevertTemporaryAssignment(full),
  };
}

export const defaultEffects: Record<string, EffectHandler> = createDefaultEffects();
