import type { ApprovalMode } from '../processes/model';

export type StepOutcome = 'approved' | 'rejected';

/**
 * Whether an approval step is decided, given its mode, how many assignees it has, and the
 * approvals and rejections so far. Undefined while it is still open.
 */
export function approvalOutcome(mode: ApprovalMode, assigneeCount: number, approvals: number, rejections: number): StepOutcome | undefined {
  switch (mode.kind) {
    case 'single':
    case 'any':
      if (approvals > 0) return 'approved';
      if (rejections > 0) return 'rejected';
      return undefined;
    case 'all':
      if (rejections > 0) return 'rejected';
      if (approvals >= assigneeCount) return 'approved';
      return undefined;
    case 'quorum': {
      // A quorum larger than the pool can never be met; treat the whole pool as needed instead of
      // leaving the case stuck.
      const needed = Math.min(mode.approvals, assigneeCount);
      if (approvals >= needed) return 'approved';
      if (assigneeCount - rejections < needed) return 'rejected';
      return undefined;
    }
  }
}
