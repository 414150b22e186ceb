// Entry point of the workflow bundle: every workflow function the worker runs.
export { alurCase, caseWorkflow } from './case';
export { mailDispatcher } from './mail-dispatcher';
