import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { requireEnv } from './test-env';

/**
 * With ALUR_RECORD_HISTORIES=1, saves a finished case's history as a replay fixture
 * (test/fixtures/histories), so later changes to the workflow code are replayed against it.
 */
export async function recordHistory(fixture: string, handle: WorkflowHandle, database: string): Promise<void> {
  if (process.env.ALUR_RECORD_HISTORIES !== '1' || database !== 'sqlite') return;
  const dir = path.resolve(__dirname, '../fixtures/histories');
  mkdirSync(dir, { recursive: true });
  // The CLI writes the canonical JSON form of a history, the one the SDK's replayer reads.
  const json = execFileSync(requireEnv('ALUR_TEST_TEMPORAL_CLI'), [
    'workflow', 'show', '--workflow-id', handle.workflowId, '--output', 'json', '--address', requireEnv('ALUR_TEST_TEMPORAL_ADDRESS'),
  ]);
  writeFileSync(path.join(dir, `${fixture}.json`), json);
}
