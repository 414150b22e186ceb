import { projectCase, projectionOf } from '../../activities/case-projection';
import { caseAccessQuery, readCaseAccess } from '../../server/use-cases/case-access';
import { CaseEvent, CaseRecord, CaseTask, Notification, initORM, type Database } from '../../db';
import type { CaseEventRecord, CaseView } from '../../workflows/case';
import { freshDatabase, type FreshDatabase } from './fresh-database';
import { testDatabases } from './test-env';

const OPTIONS = { appUrl: 'http://alur.test' };

function event(seq: number, type: string, stepId: string | null, actor: string | null = null): CaseEventRecord {
  return { seq, type, stepId, actor, outcome: null, comment: null, occurredAt: new Date(Date.UTC(2026, 10, 23, 1, 0, seq)).toISOString() };
}

/** A two-step case as the workflow shows it: at `verifikasi` (seq 2) and, after the approval, at `keputusan` (seq 4). */
function snapshot(caseId: string, at: 'verifikasi' | 'keputusan'): CaseView {
  const events = [
    event(1, 'case.started', null, 'kepala.dinkes'),
    { ...event(2, 'step.assigned', 'verifikasi'), details: { assignees: ['bkpsdm.mutasi'], deadline: null } },
    ...(at === 'keputusan'
      ? [event(3, 'step.decided', 'verifikasi', 'bkpsdm.mutasi'), { ...event(4, 'step.assigned', 'keputusan'), details: { assignees: ['sekda'], deadline: null } }]
      : []),
  ];
  const holder = at === 'verifikasi' ? 'bkpsdm.mutasi' : 'sekda';
  return {
    id: caseId,
    process: { key: 'persetujuan-umum', version: 1, name: { id: 'Persetujuan umum', en: 'General approval' } },
    title: 'Usulan rotasi',
    status: 'open',
    initiator: { userId: 'kepala.dinkes', unitId: null },
    subject: null,
    data: {},
    stepData: {},
    current: {
      stepId: at, kind: 'approval', visit: 1, startedAt: events[events.length - 1]!.occurredAt, assignees: [{ userId: holder }], decisions: [],
      remindersSent: 0, escalated: false, name: { id: at, en: at }, returnTargets: [],
    },
    events,
    createdAt: events[0]!.occurredAt,
    updatedAt: events[events.length - 1]!.occurredAt,
    closedAt: null,
  } as CaseView;
}

describe.each(testDatabases().map((d) => d.name))('case projection (%s)', (kind) => {
  let fresh: FreshDatabase;
  let db: Database;

  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    db = await initORM(fresh.config);
    await db.migrate();
  });
  afterAll(async () => {
    await db?.close();
    await fresh?.drop();
  });

  async function stateOf(caseId: string) {
    const em = db.em();
    const row = await em.findOneOrFail(CaseRecord, { id: caseId });
    const open = await em.find(CaseTask, { caseId, status: 'open' });
    const events = await em.find(CaseEvent, { caseId }, { orderBy: { seq: 'asc' } });
    const notified = await em.count(Notification, { caseId });
    return { version: row.version, currentStep: row.currentStep, holders: open.map((t) => t.userId), seqs: events.map((e) => e.seq), notified };
  }

  test('when a snapshot is published, then the case, its events, tasks and notifications read back through the entities exactly as the workflow showed them', async () => {
    const caseId = `proj-${kind}-values`;
    await projectCase(db.em(), projectionOf(snapshot(caseId, 'verifikasi')), OPTIONS);
    const view = snapshot(caseId, 'keputusan');
    await projectCase(db.em(), projectionOf(view, 2), OPTIONS);
    const em = db.em();
    const row = await em.findOneOrFail(CaseRecord, { id: caseId });
    expect(row).toMatchObject({
      process: 'persetujuan-umum', title: 'Usulan rotasi', status: 'open', currentStep: 'keputusan', initiator: 'kepala.dinkes',
      subjectUnitId: null, version: 4, closedAt: null,
    });
    expect(row.createdAt).toEqual(new Date(view.createdAt));
    expect(row.updatedAt).toEqual(new Date(view.updatedAt));
    expect(row.state).toEqual(view);
    const events = await em.find(CaseEvent, { caseId }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => ({ seq: e.seq, type: e.type, details: e.details, occurredAt: e.occurredAt.toISOString() }))).toEqual(
      view.events.map((e) => ({ seq: e.seq, type: e.type, details: e.details ?? null, occurredAt: e.occurredAt })),
    );
    const tasks = await em.find(CaseTask, { caseId }, { orderBy: { stepId: 'asc' } });
    expect(tasks.map((t) => ({ stepId: t.stepId, userId: t.userId, status: t.status, dueAt: t.dueAt, closed: t.closedAt?.toISOString() ?? null }))).toEqual([
      { stepId: 'keputusan', userId: 'sekda', status: 'open', dueAt: null, closed: null },
      { stepId: 'verifikasi', userId: 'bkpsdm.mutasi', status: 'closed', dueAt: null, closed: view.updatedAt },
    ]);
    const notices = await em.find(Notification, { caseId, userLogin: 'sekda' });
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) {
      expect(n.caseTitle).toBe('Usulan rotasi');
      expect(typeof n.params).toBe('object');
      expect(n.readAt).toBeNull();
    }
  });

  test('when the API publishes the newer snapshot first and the workflow the older one after, then the inbox stays on the newer one', async () => {
    const caseId = `proj-${kind}-late-older`;
    expect(await projectCase(db.em(), projectionOf(snapshot(caseId, 'keputusan')), OPTIONS)).toBe(true);
    const newer = await stateOf(caseId);
    expect(newer).toMatchObject({ version: 4, currentStep: 'keputusan', holders: ['sekda'], seqs: [1, 2, 3, 4] });
    expect(newer.notified).toBeGreaterThan(0);

    // The workflow's own activity, late, with the snapshot at the first step.
    const older = snapshot(caseId, 'verifikasi');
    expect(await projectCase(db.em(), { ...projectionOf(older), events: older.events }, OPTIONS)).toBe(false);
    expect(await stateOf(caseId)).toEqual(newer);
  });

  test('when the same snapshot is published twice and the two publishers race, then every event, task and notification exists once', async () => {
    const caseId = `proj-${kind}-race`;
    await projectCase(db.em(), projectionOf(snapshot(caseId, 'verifikasi')), OPTIONS);
    const next = projectionOf(snapshot(caseId, 'keputusan'));
    const results = await Promise.all([projectCase(db.em(), next, OPTIONS), projectCase(db.em(), { ...next, events: next.events.slice(2) }, OPTIONS)]);
    // Exactly one of them moved the row forward.
    expect(results.filter(Boolean)).toHaveLength(1);
    const after = await stateOf(caseId);
    expect(after).toMatchObject({ version: 4, currentStep: 'keputusan', holders: ['sekda'], seqs: [1, 2, 3, 4] });
    expect(await db.em().count(CaseTask, { caseId })).toBe(2);
    const again = await projectCase(db.em(), next, OPTIONS);
    expect(again).toBe(false);
    expect(await stateOf(caseId)).toEqual(after);
  });

  test('when the projected case is read for an action, then it says whether the user holds or held a task on it, and SQLite finds that by the case and the user', async () => {
    const caseId = `proj-${kind}-access`;
    await projectCase(db.em(), projectionOf(snapshot(caseId, 'verifikasi')), OPTIONS);
    // The approver holds a task on many other cases too: the check must not walk them.
    for (let i = 0; i < 30; i++) await projectCase(db.em(), projectionOf(snapshot(`${caseId}-other-${i}`, 'verifikasi')), OPTIONS);
    expect(await readCaseAccess(db, caseId, 'bkpsdm.mutasi')).toEqual({
      version: 2, process: 'persetujuan-umum', initiator: 'kepala.dinkes', processVersion: 1, involved: true,
    });
    expect(await readCaseAccess(db, caseId, 'sekda')).toMatchObject({ involved: false });
    expect(await readCaseAccess(db, `${caseId}-unknown`, 'sekda')).toBeUndefined();
    if (kind !== 'sqlite') return; // PostgreSQL plans by its statistics; this SQLite plan is fixed by the indexes
    const { sql, bindings } = caseAccessQuery(db, caseId, 'bkpsdm.mutasi').toSQL();
    const plan = await db.em().getKnex().raw(`explain query plan ${sql}`, bindings as never[]) as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail);
    expect(details).toContainEqual(expect.stringMatching(/^SEARCH t USING (COVERING )?INDEX case_tasks_case_user_idx \(case_id=\? AND user_id=\?\)/));
  });
});
