/**
 * Stable codes of every refusal a case can give. They travel as ApplicationFailure `type`s from
 * the workflow's Update validators to the API, which maps them to HTTP statuses.
 */
export const CaseRefusal = {
  /** The actor is not (or no longer) an assignee of the step. */
  notAssignee: 'NOT_ASSIGNEE',
  /** The step named in the request is not the one the case waits on. */
  stepNotCurrent: 'STEP_NOT_CURRENT',
  /** The step (or this actor's part of it) was decided already. */
  alreadyDecided: 'ALREADY_DECIDED',
  /** The case has ended (approved, rejected, withdrawn, expired). */
  caseClosed: 'CASE_CLOSED',
  /** The initiator may not decide a step of their own case. */
  selfApproval: 'SELF_APPROVAL_NOT_ALLOWED',
  /** The submitted form data is not acceptable for the step. */
  formInvalid: 'FORM_INVALID',
  /** The actor may not take this action at all (e.g. withdraw someone else's case). */
  notAllowed: 'NOT_ALLOWED',
  /** The request itself is malformed or the action does not apply (unknown outcome, bad return target...). */
  invalidDecision: 'INVALID_DECISION',
} as const;

export type CaseRefusalCode = (typeof CaseRefusal)[keyof typeof CaseRefusal];

export const caseRefusalCodes: readonly string[] = Object.values(CaseRefusal);
