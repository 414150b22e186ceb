export { emptyWorkflow } from './empty';
export { counterWorkflow, bumpUpdate, bumpAfterLookupUpdate, stopSignal } from './counter';
export { fourUpdatesWorkflow, stepUpdate, CASE_ROUND_TRIPS } from './four-updates';
