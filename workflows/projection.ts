import type { CaseView } from './case';

/** An open task of the inbox: one per assignee of the current human step who has not decided it yet. */
export interface OpenTask {
  userId: string;
  stepId: string;
  visit: number;
  substituteFor: string | null;
  dueAt: string | null;
}

/**
 * The open tasks a case snapshot implies. Pure, so the workflow (which publishes its snapshots) and
 * the API (which publishes the snapshot an Update answered with) derive the same inbox.
 */
export function openTasksOf(view: Pick<CaseView, 'status' | 'current'>): OpenTask[] {
  const current = view.current;
  if (view.status !== 'open' || !current || current.outcome) return [];
  return current.assignees
    .filter((a) => !current.decisions.some((d) => d.userId === a.userId))
    .map((a) => ({
      userId: a.userId,
      stepId: current.stepId,
      visit: current.visit,
      substituteFor: a.substituteFor ?? null,
      dueAt: current.deadline ?? null,
    }));
}

/** The sequence number of a snapshot: that of its newest event. */
export function versionOf(view: Pick<CaseView, 'events'>): number {
  return view.events.reduce((max, e) => Math.max(max, e.seq), 0);
}
