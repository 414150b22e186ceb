/**
 * The typed model of a process definition: versioned data that one generic case workflow
 * interprets. Everything here is plain JSON, so a definition can be stored, edited by an
 * administrator, validated, and passed to a workflow as its snapshot.
 */

export interface Localized {
  id: string;
  en: string;
}

/** A form version a step (or the start of a case) shows. Pinned: a case never sees a later version. */
export interface FormRef {
  key: string;
  version: number;
}

/**
 * A span of time. Regulations count working days (hari kerja) on the editable calendar;
 * `calendarDays` is for rules that count every day (the Gubernur's 15 days); `seconds` lets tests
 * (and very short SLAs) run on real time.
 */
export type DurationSpec = { workingDays: number } | { calendarDays: number } | { seconds: number };

/**
 * A step deadline: a fixed span, or a number of working days read from the case data when the step
 * starts (e.g. a feedback category's resolution time, chosen by the verifier). When the path holds
 * no positive whole number, the step has no deadline.
 */
export type DeadlineSpec = DurationSpec | { workingDaysFrom: string };

/** A JSON Logic expression (json-logic-js) evaluated over the case data. */
export type JsonLogicExpression = Record<string, unknown> | boolean;

/** Where a unit comes from when a rule is scoped to a unit. */
export type UnitSource =
  | { from: 'subject' }
  /** The unit of the user who started the case. */
  | { from: 'initiator' }
  /** A unit id found in the case data at this path (dot notation, e.g. "targetUnitId"). */
  | { from: 'field'; path: string };

/** Who gets a task. A step's rules are resolved by an activity against the registry. */
export type AssigneeRule =
  | { kind: 'role'; role: string; unit?: UnitSource }
  | { kind: 'unitHead'; unit: UnitSource }
  | { kind: 'committee'; committee: string }
  | { kind: 'user'; userId: string }
  | { kind: 'initiator' };

export type ApprovalMode =
  /** One assignee decides (the first the rules resolve). */
  | { kind: 'single' }
  /** Every assignee must approve; one rejection rejects. */
  | { kind: 'all' }
  /** The first decision of any assignee decides the step. */
  | { kind: 'any' }
  /** `approvals` approvals decide; rejected once that many can no longer be reached. */
  | { kind: 'quorum'; approvals: number };

export interface Reminder {
  /** How long before the deadline the assignees are reminded. */
  before: DurationSpec;
}

export interface Escalation {
  /** How long after the deadline the step escalates. Zero means at the deadline. */
  after: DurationSpec;
  /** Who is added to the step's assignees when it escalates. */
  to: AssigneeRule;
}

interface HumanStepBase {
  id: string;
  name: Localized;
  assignees: AssigneeRule[];
  form?: FormRef;
  deadline?: DeadlineSpec;
  reminders?: Reminder[];
  escalation?: Escalation;
  /**
   * Where "return for revision" may send the case: "initiator" (the start form) and/or ids of
   * earlier steps. Absent or empty: the step cannot return.
   */
  returnTargets?: Array<'initiator' | string>;
  /** The initiator may decide this step on their own case only when true. Default false. */
  allowSelfApproval?: boolean;
}

export interface ApprovalStep extends HumanStepBase {
  kind: 'approval';
  mode: ApprovalMode;
  /**
   * What silence means: when the deadline passes and the step has no outcome yet, the step takes
   * this outcome, recorded as deemed ("step.deemed"), e.g. the Gubernur's 15 days (PP 18/2016:
   * no answer counts as approval). Needs a deadline.
   */
  silenceMeans?: 'approved' | 'rejected';
  next: { approved: string; rejected: string };
}

export interface TaskStep extends HumanStepBase {
  kind: 'task';
  next: string;
}

export interface BranchStep {
  id: string;
  kind: 'branch';
  name: Localized;
  /** The first case whose expression is truthy wins; otherwise `otherwise`. */
  cases: Array<{ when: JsonLogicExpression; next: string }>;
  otherwise: string;
}

export interface EffectStep {
  id: string;
  kind: 'effect';
  name: Localized;
  /** The name of a registered effect activity (e.g. "applyRotation"). */
  effect: string;
  /**
   * An effect that undoes this one (e.g. "releaseTrainingBudget" for "reserveTrainingBudget"). When
   * the case later closes with any outcome but approved (rejected, withdrawn, expired), the
   * compensations of the effects it applied run, newest first, each once.
   */
  compensate?: string;
  next: string;
}

export interface WaitStep {
  id: string;
  kind: 'wait';
  name: Localized;
  /** Path in the case data of an ISO date or date-time to wait until (e.g. "endDate"). */
  until: string;
  /** Who may extend the wait or end it early. */
  managers?: AssigneeRule[];
  /**
   * Limits on extending the wait, applied when `when` (JSON Logic over the case, as in branches) is
   * absent or truthy: at most `count` extensions, each moving the end by at most `eachAtMostMonths`
   * calendar months (e.g. a Plt: one extension of at most 3 months, SE BKN 1/SE/I/2021).
   */
  extensionLimit?: { when?: JsonLogicExpression; count?: number; eachAtMostMonths?: number };
  next: string;
}

export type EndOutcome = 'approved' | 'rejected' | 'withdrawn' | 'expired';

export interface EndStep {
  id: string;
  kind: 'end';
  name: Localized;
  outcome: EndOutcome;
}

export type Step = ApprovalStep | TaskStep | BranchStep | EffectStep | WaitStep | EndStep;
export type StepKind = Step['kind'];

export interface ProcessDefinition {
  key: string;
  version: number;
  name: Localized;
  description?: Localized;
  /** Roles whose holders may start a case of this process. */
  starters: string[];
  startForm?: FormRef;
  /** Path in the start data of the subject employee's NIP, when the process is about an employee. */
  subjectNipPath?: string;
  /** Path in the start data of the unit the case concerns (for unit-scoped rules and lists). */
  subjectUnitPath?: string;
  firstStep: string;
  steps: Step[];
}
