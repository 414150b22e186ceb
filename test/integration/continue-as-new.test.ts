import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createMailTransport, createRegistryDirectory, defaultEffects, loadRegistryCalendar } from '../../activities';
import { CaseEvent, initORM, type Database } from '../../db';
import { User } from '../../db/entities/user';
import { publishDefinition } from '../../db';
import { startCase } from '../../server/use-cases/start-case';
import { startDevServer, type DevServer } from '../../tools/dev-server';
import { resolveTemporalCli } from '../../tools/temporal-cli';
import { createWorker } from '../../worker/worker';
import { approveUpdate, caseViewQuery, commentUpdate, type caseWorkflow } from '../../workflows/case';
import { freePort } from './free-port';
import { eventually, requireEnv } from './harness';

/**
 * A dev server of its own that suggests continue-as-new after a few dozen history events, so a
 * case with a long life (many comments, many hand-overs) continues as new mid-step.
 */
describe('a long-lived case', () => {
  let server: DevServer;
  let db: Database;
  let connection: Connection;
  let nativeConnection: NativeConnection;

  beforeAll(async () => {
    const cliPath = process.env.ALUR_TEST_TEMPORAL_CLI;
    server = await startDevServer({
      cli: cliPath ? { kind: 'binary', path: cliPath, version: 'test', source: 'env' } : await resolveTemporalCli(),
      port: await freePort(),
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 },
    });
    db = await initORM({ kind: 'sqlite', file: path.join(requireEnv('ALUR_TEST_TMP'), `can-${randomUUID()}.sqlite`) });
    await db.migrate();
    connection = await Connection.connect({ address: server.address });
    nativeConnection = await NativeConnection.connect({ address: server.address });
  });
  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
    await db?.close();
    await server?.stop();
  });

  test('when Temporal suggests continue-as-new, then the case continues in a new run with its state, and completes', async () => {
    const em = db.em();
    for (const login of ['initiator', 'a1', 'a2']) {
      em.create(User, {
        login, displayName: login, passwordHash: 'x', roles: [], unitScopeId: null, employeeId: null, language: 'id',
        absenceStart: null, absenceEnd: null, substituteUserId: null, active: true,
      });
    }
    await em.flush();
    await publishDefinition(db.em(), {
      key: 'long-case', version: 1, name: { id: 'Panjang', en: 'Long' }, starters: ['administrator'], firstStep: 'review',
      steps: [
        { id: 'review', kind: 'approval', name: { id: 'Telaah', en: 'Review' }, mode: { kind: 'all' },
          assignees: [{ kind: 'user', userId: 'a1' }, { kind: 'user', userId: 'a2' }], next: { approved: 'done', rejected: 'refused' } },
        { id: 'done', kind: 'end', name: { id: 'Selesai', en: 'Done' }, outcome: 'approved' },
        { id: 'refused', kind: 'end', name: { id: 'Ditolak', en: 'Refused' }, outcome: 'rejected' },
      ],
    });
    const taskQueue = `can-${randomUUID()}`;
    const worker = await createWorker({
      connection: nativeConnection, namespace: 'default', taskQueue,
      deps: {
        db, directory: createRegistryDirectory(db), calendar: () => loadRegistryCalendar(db), effects: defaultEffects,
        mail: createMailTransport({ from: 'Alur <alur@test>', outboxDir: path.join(requireEnv('ALUR_TEST_TMP'), 'outbox-can') }),
      },
      workflowBundle: { codePath: requireEnv('ALUR_TEST_WORKFLOW_BUNDLE') },
    });
    const client = new Client({ connection });
    await worker.runUntil(async () => {
      const handle = await startCase({ client, taskQueue, em: db.em() }, {
        processKey: 'long-case', initiator: { userId: 'initiator', unitId: null }, data: { note: 'kept' },
      }) as WorkflowHandle<typeof caseWorkflow>;
      const firstRun = (await handle.describe()).runId;
      await eventually(async () => ((await handle.query(caseViewQuery)).current?.assignees.length === 2 ? true : undefined));
      await handle.executeUpdate(approveUpdate, { args: [{ actor: { userId: 'a1', roles: [] }, stepId: 'review', comment: 'Setuju' }] });
      for (let i = 0; i < 15; i++) {
        await handle.executeUpdate(commentUpdate, { args: [{ actor: { userId: 'initiator', roles: [] }, comment: `Catatan ${i}` }] });
      }
      const laterRun = await eventually(async () => {
        const d = await client.workflow.getHandle(handle.workflowId).describe();
        return d.runId !== firstRun && d.status.name === 'RUNNING' ? d.runId : undefined;
      });
      expect(laterRun).not.toBe(firstRun);

      // The new run carries the step, the decision already made, and the data.
      const view = await client.workflow.getHandle<typeof caseWorkflow>(handle.workflowId).query(caseViewQuery);
      expect(view.current?.stepId).toBe('review');
      expect(view.current?.decisions.map((d) => d.userId)).toEqual(['a1']);
      expect(view.data).toEqual({ note: 'kept' });

      await client.workflow.getHandle(handle.workflowId).executeUpdate(approveUpdate, { args: [{ actor: { userId: 'a2', roles: [] }, stepId: 'review' }] });
      const result = await client.workflow.getHandle<typeof caseWorkflow>(handle.workflowId).result();
      expect(result.status).toBe('approved');

      // The audit log is whole and gap-free across runs.
      const events = await eventually(async () => {
        const rows = await db.em().find(CaseEvent, { caseId: handle.workflowId }, { orderBy: { seq: 'asc' } });
        return rows.some((e) => e.type === 'case.closed') ? rows : undefined;
      });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.filter((e) => e.type === 'case.commented')).toHaveLength(15);
    });
  });
});
