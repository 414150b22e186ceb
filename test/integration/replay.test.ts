import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { requireEnv } from './harness';

const HISTORIES = path.resolve(__dirname, '../fixtures/histories');

/**
 * Recorded case histories (made with ALUR_RECORD_HISTORIES=1, see case-engine.test.ts) replayed
 * through the current workflow code: a change that would break running cases fails here. When
 * behaviour must change, guard it with `patched()` and record a new history beside the old ones.
 */
describe('replay of recorded case histories', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json')).sort();

  test('there are recorded histories to replay', () => {
    expect(files).toEqual(expect.arrayContaining([
      'every-step-kind.json', 'return-and-resubmit.json', 'reminder-and-escalation.json',
      // Recorded by the first release, before ENGINE_V2_PATCH ("engine-local-lookups").
      'before-local-lookups-every-step-kind.json', 'before-local-lookups-return-and-resubmit.json',
      // Recorded by the second release, before ENGINE_V3_PATCH ("engine-caller-publishes").
      'before-caller-publishes-every-step-kind.json', 'before-caller-publishes-return-and-resubmit.json',
      // Decisions over HTTP, whose answers the API publishes (ENGINE_V3_PATCH).
      'caller-publishes-over-http.json',
      // A case started over HTTP with update-with-start (the `opened` Update), then decided.
      'started-and-decided-over-http.json',
      // The same, recorded before ENGINE_V4_PATCH ("engine-caller-lookups"): the case looked up each step itself.
      'before-caller-lookups-started-and-decided-over-http.json',
      // Started and decided over HTTP with each step's lookup handed in by the API (ENGINE_V4_PATCH).
      'lookups-handed-in-over-http.json',
      // Recorded as `caseWorkflow`, with patch markers, before new cases ran as `alurCase`.
      'before-alur-case-every-step-kind.json', 'before-alur-case-return-and-resubmit.json',
      'before-alur-case-lookups-handed-in-over-http.json',
    ]));
  });

  test.each(files)('when %s is replayed on the current code, then it replays without nondeterminism', async (file) => {
    const history: unknown = JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: requireEnv('ALUR_TEST_WORKFLOW_BUNDLE') } }, history, file),
    ).resolves.toBeUndefined();
  });
});
