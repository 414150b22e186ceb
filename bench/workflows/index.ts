export { emptyWorkflow } from './empty';
export { counterWorkflow, bumpUpdate, bumpAfterLookupUpdate, bumpWithCaseCommandsUpdate, stopSignal } from './counter';
export { caseCommandsWorkflow, caseStepUpdate, fourUpdatesWorkflow, stepUpdate, CASE_ROUND_TRIPS } from './four-updates';
export { CASE_VIEW_BYTES } from './case-commands';
