import path from 'node:path';
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { WORKFLOW_RUNTIME_SWITCHES } from '../config/env';

export const WORKFLOWS_PATH = path.resolve(__dirname, '../workflows/index.ts');

export interface WorkerSetup {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build it once per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/**
 * Builds the Alur worker: the workflow code plus activities wired to real dependencies.
 *
 * The workflow runtime's two per-call costs that Alur switches off by default (through a patch of
 * the SDK, `patches/@temporalio+worker+*.patch`, read in the workflow threads):
 * - `ALUR_WORKFLOW_STACK_TRACES`: the SDK's promise hook records a source-mapped stack trace for
 *   every Promise a workflow creates, only for the "stack trace" query of Temporal's UI;
 * - `ALUR_WORKFLOW_WATCHDOG`: the deadlock timeout (5 s) makes Node start and join a watchdog thread
 *   on every call into the workflow's context. Alur's workflow never loops without waiting (the
 *   case workflow stops a definition whose branches lead round to each other).
 * Together they were 35-45% of the worker's CPU per case in the engine benchmark. `on` restores the
 * SDK's behaviour, e.g. to read a stuck case's stack trace.
 */
export function createWorker(setup: WorkerSetup): Promise<Worker> {
  // Before Worker.create: its workflow threads copy the environment when they start.
  for (const name of WORKFLOW_RUNTIME_SWITCHES) process.env[name] ??= 'off';
  return Worker.create({
    connection: setup.connection,
    namespace: setup.namespace,
    taskQueue: setup.taskQueue,
    ...(setup.workflowBundle ? { workflowBundle: setup.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(setup.deps),
  });
}

/** Bundles the workflow code, reporting only warnings and errors (webpack's statistics are noise here). */
export function bundleWorkflows(): Promise<{ code: string }> {
  const quiet = () => undefined;
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: {
      log: quiet, trace: quiet, debug: quiet, info: quiet,
      warn: (message: string) => console.warn(`[worker] ${message}`),
      error: (message: string) => console.error(`[worker] ${message}`),
    },
  });
}
