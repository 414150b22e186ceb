import type { EffectHandler } from '../case-engine';
import { loadElectionFreeze } from '../election-freeze';
import { applyRestructuring } from './apply-restructuring';
import { applyRotation } from './apply-rotation';
import { applyTemporaryAssignment } from './apply-temporary-assignment';
import { archiveFeedback } from './archive-feedback';
import { createCheckElectionFreeze } from './check-election-freeze';
import { createCheckRestructuring } from './check-restructuring';
import { createCheckRotationEligibility } from './check-rotation-eligibility';
import { createCheckTemporaryAssignment } from './check-temporary-assignment';
import { closeFeedback } from './close-feedback';
import type { EffectDeps } from './effect-deps';
import { publishFeedbackAnswer } from './publish-feedback-answer';
import { recordFeedbackVerification } from './record-feedback-verification';
import { reopenFeedback } from './reopen-feedback';
import { createRevertTemporaryAssignment } from './revert-temporary-assignment';
import { createCheckTrainingNomination, recordTrainingCompletion, releaseTrainingBudget, reserveTrainingBudget } from './training-nomination';

export type { EffectDeps } from './effect-deps';

/**
 * The effects a process definition can name, by name: the checks and registry changes of the ASN
 * processes. Without deps, the election freeze comes from the database (ALUR_ELECTION_FREEZE while
 * it holds no window) and time from the clock.
 */
export function createDefaultEffects(deps: Partial<EffectDeps> = {}): Record<string, EffectHandler> {
  const full: EffectDeps = { electionFreeze: deps.electionFreeze ?? ((em) => loadElectionFreeze(em)), now: deps.now ?? (() => new Date()) };
  return {
    checkRotationEligibility: createCheckRotationEligibility(full),
    checkElectionFreeze: createCheckElectionFreeze(full),
    applyRotation,
    checkTemporaryAssignment: createCheckTemporaryAssignment(full),
    applyTemporaryAssignment,
    revertTemporaryAssignment: createRevertTemporaryAssignment(full),
    checkRestructuring: createCheckRestructuring(full),
    applyRestructuring,
    checkTrainingNomination: createCheckTrainingNomination(full),
    reserveTrainingBudget,
    releaseTrainingBudget,
    recordTrainingCompletion,
    recordFeedbackVerification, reopenFeedback, archiveFeedback, publishFeedbackAnswer, closeFeedback,
  };
}

export const defaultEffects: Record<string, EffectHandler> = createDefaultEffects();
