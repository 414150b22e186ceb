export { emptyWorkflow } from './empty';
export { counterWorkflow, bumpUpdate, stopSignal } from './counter';
export { fourUpdatesWorkflow, stepUpdate, CASE_ROUND_TRIPS } from './four-updates';
