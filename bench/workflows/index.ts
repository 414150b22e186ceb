export { emptyWorkflow } from './empty';
export { counterWorkflow, bumpUpdate, stopSignal } from './counter';
