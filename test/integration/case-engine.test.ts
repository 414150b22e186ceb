import { randomUUID } from 'node:crypto';
import { WorkflowFailedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CaseEvent, CaseTask } from '../../db';
import { CalendarDay } from '../../db/entities/calendar-day';
import { Committee } from '../../db/entities/committee';
import { CommitteeMember } from '../../db/entities/committee-member';
import { User } from '../../db/entities/user';
import type { EffectHandler } from '../../activities';
import { loadRegistryCalendar } from '../../activities';
import type { ApprovalStep, ProcessDefinition, Step } from '../../processes';
import { publishDefinition } from '../../db';
import { startCase } from '../../server/use-cases/start-case';
import {
  approveUpdate,
  caseViewQuery,
  commentUpdate,
  delegateUpdate,
  endWaitUpdate,
  extendWaitUpdate,
  reassignUpdate,
  rejectUpdate,
  resubmitUpdate,
  returnUpdate,
  withdrawUpdate,
  type ActorRef,
  type caseWorkflow,
  type CaseView,
} from '../../workflows/case';
import { addWorkingDays, localDate, isWorkingDay } from '../../workflows/working-days';
import { eventually, startHarness, testDatabases, type Harness } from './harness';
import { recordHistory } from './record-history';

type CaseHandle = WorkflowHandle<typeof caseWorkflow>;

/** A real registry effect for the tests: forms a committee named in the case data, once. */
const formCommittee: EffectHandler = async ({ em, data }) => {
  const code = String(data.committeeCode);
  em.create(Committee, { code, name: `Panitia ${code}` });
  return { data: { committeeFormed: code } };
};

/** Its compensation: marks the committee disbanded (twice would show in the name). */
const disbandCommittee: EffectHandler = async ({ em, data }) => {
  const committee = await em.findOne(Committee, { code: String(data.committeeCode) });
  if (!committee) return { data: { committeeDisbanded: false } };
  committee.name = `${committee.name} (dibubarkan)`;
  return { data: { committeeDisbanded: true } };
};

const name = (id: string, en = id) => ({ id, en });

describe.each(testDatabases())('case engine ($name)', (database) => {
  let h: Harness;
  /** A prefix that keeps this run's users and processes apart from other runs on a shared database. */
  const run = randomUUID().slice(0, 8);
  const login = (who: string) => `${who}-${run}`;
  const actor = (who: string, roles: string[] = []): ActorRef => ({ userId: login(who), roles });

  beforeAll(async () => {
    h = await startHarness(database.config(), { effects: { formCommittee, disbandCommittee } });
    const em = h.db.em();
    const users = ['initiator', 'officer', 'a1', 'a2', 'a3', 'outsider', 'chief', 'absent', 'stand-in', 'admin'];
    for (const who of users) {
      em.create(User, {
        login: login(who),
        displayName: who,
        passwordHash: 'not-used-in-these-tests',
        roles: who === 'admin' ? ['administrator'] : [],
        unitScopeId: null,
        employeeId: null,
        language: 'id',
        absenceStart: null,
        absenceEnd: null,
        substituteUserId: null,
        active: true,
      });
    }
    await em.flush();
    const standIn = await em.findOneOrFail(User, { login: login('stand-in') });
    const absent = await em.findOneOrFail(User, { login: login('absent') });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    em.assign(absent, { absenceStart: '2000-01-01', absenceEnd: today > '2099-12-31' ? today : '2099-12-31', substituteUserId: standIn.id });
    const tpk = em.create(Committee, { code: `TPK-${run}`, name: 'Tim Penilai Kinerja' });
    await em.flush();
    for (const who of ['a1', 'a2', 'a3']) {
      const user = await em.findOneOrFail(User, { login: login(who) });
      em.create(CommitteeMember, { committeeId: tpk.id, userId: user.id, role: who === 'a1' ? 'CHAIR' : 'MEMBER' });
    }
    await em.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function start(steps: Step[], data: Record<string, unknown> = {}, extra: Partial<ProcessDefinition> = {}): Promise<CaseHandle> {
    const key = `t-${randomUUID().slice(0, 12)}`;
    await publishDefinition(h.db.em(), {
      key, version: 1, name: name('Uji'), starters: ['administrator'], firstStep: steps[0]!.id, steps, ...extra,
    });
    return startCase({ client: h.client, taskQueue: h.taskQueue, em: h.db.em() }, {
      processKey: key,
      initiator: { userId: login('initiator'), unitId: null },
      data,
    }) as Promise<CaseHandle>;
  }

  /** Waits until the case's current step is `stepId` with its assignees resolved (or the case has closed). */
  async function atStep(handle: CaseHandle, stepId: string): Promise<CaseView> {
    return eventually(async () => {
      const v = await handle.query(caseViewQuery);
      if (v.status !== 'open') return v;
      if (v.current?.stepId !== stepId) return undefined;
      if (v.current.kind === 'wait') return v.current.waitUntil ? v : undefined;
      return v.current.kind !== 'approval' && v.current.kind !== 'task' || v.current.assignees.length > 0 ? v : undefined;
    });
  }

  async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await promise.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }

  const end = (id: string, outcome: 'approved' | 'rejected' = 'approved'): Step => ({ id, kind: 'end', name: name(id), outcome });
  const approval = (id: string, assignees: ApprovalStep['assignees'], mode: ApprovalStep['mode'], more: Partial<ApprovalStep> = {}): ApprovalStep => ({
    id, kind: 'approval', name: name(id), assignees, mode, next: { approved: 'done', rejected: 'refused' }, ...more,
  });

  test('when a case runs through every step kind, then each does its part and the case ends approved', async () => {
    const endDate = new Date(Date.now() + 2500).toISOString();
    const handle = await start([
      { id: 'verify', kind: 'task', name: name('Verifikasi'), assignees: [{ kind: 'user', userId: login('officer') }], next: 'tpk' },
      approval('tpk', [{ kind: 'committee', committee: `TPK-${run}` }], { kind: 'quorum', approvals: 2 }, { next: { approved: 'freeze', rejected: 'refused' } }),
      { id: 'freeze', kind: 'branch', name: name('Masa larangan?'), cases: [{ when: { '==': [{ var: 'data.inFreeze' }, true] }, next: 'mendagri' }], otherwise: 'apply' },
      approval('mendagri', [{ kind: 'user', userId: login('chief') }], { kind: 'single' }, { next: { approved: 'apply', rejected: 'refused' } }),
      { id: 'apply', kind: 'effect', name: name('Terapkan'), effect: 'formCommittee', next: 'plt' },
      { id: 'plt', kind: 'wait', name: name('Masa Plt'), until: 'endDate', next: 'done' },
      end('done'),
      end('refused', 'rejected'),
    ], { inFreeze: false, committeeCode: `ADHOC-${run}`, endDate });

    let v = await atStep(handle, 'verify');
    expect(v.current?.assignees).toEqual([{ userId: login('officer') }]);
    const openTasks = await eventually(async () => {
      const tasks = await h.db.em().find(CaseTask, { caseId: handle.workflowId, status: 'open' });
      return tasks.length === 1 ? tasks : undefined;
    });
    expect(openTasks[0]).toMatchObject({ userId: login('officer'), stepId: 'verify' });

    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('officer'), stepId: 'verify', data: { verified: true } }] });
    v = await atStep(handle, 'tpk');
    expect(v.current?.assignees.map((a) => a.userId).sort()).toEqual([login('a1'), login('a2'), login('a3')].sort());
    v = await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'tpk' }] });
    expect(v.current?.stepId).toBe('tpk');
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a3'), stepId: 'tpk', comment: 'Memenuhi syarat' }] });

    const result = await handle.result();
    expect(result.status).toBe('approved');
    expect(result.data).toMatchObject({ verified: true, committeeFormed: `ADHOC-${run}` });
    expect(result.stepData.verify).toEqual({ verified: true });
    const entered = result.events.filter((e) => e.type === 'step.entered').map((e) => e.stepId);
    expect(entered).toEqual(['verify', 'tpk', 'freeze', 'apply', 'plt', 'done']);
    expect(result.events.find((e) => e.type === 'branch.taken')?.details).toEqual({ next: 'apply' });
    expect(result.events.find((e) => e.type === 'wait.finished')?.details).toEqual({ endedEarly: false });
    // The wait really waited for the date in the case data.
    const finishedAt = Date.parse(result.events.find((e) => e.type === 'wait.finished')!.occurredAt);
    expect(finishedAt).toBeGreaterThanOrEqual(Date.parse(endDate));

    expect(await h.db.em().count(Committee, { code: `ADHOC-${run}` })).toBe(1);
    const events = await eventually(async () => {
      const rows = await h.db.em().find(CaseEvent, { caseId: handle.workflowId }, { orderBy: { seq: 'asc' } });
      return rows.some((e) => e.type === 'case.closed') ? rows : undefined;
    });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(await h.db.em().count(CaseTask, { caseId: handle.workflowId, status: 'open' })).toBe(0);
    await recordHistory('every-step-kind', handle, database.name);
  });

  test('when an effect runs twice for the same case step, then it is applied once', async () => {
    const activities = (await import('../../activities')).createCaseEngineActivities({
      db: h.db, directory: { usersWithRole: async () => [], unitHeads: async () => [], committeeMembers: async () => [], activeUsers: async (x) => x, substituteFor: async () => null },
      calendar: () => loadRegistryCalendar(h.db), effects: { formCommittee },
    });
    const input = {
      effect: 'formCommittee', idempotencyKey: `case-x/apply/1-${run}`, caseId: 'case-x', stepId: 'apply', processKey: 't',
      initiator: { userId: 'u', unitId: null }, subject: null, data: { committeeCode: `TWICE-${run}` },
    };
    expect(await activities.runEffect(input)).toEqual({ applied: true, data: { committeeFormed: `TWICE-${run}` } });
    expect(await activities.runEffect(input)).toEqual({ applied: false, data: { committeeFormed: `TWICE-${run}` } });
    expect(await h.db.em().count(Committee, { code: `TWICE-${run}` })).toBe(1);
  });

  test('when the branch expression holds, then the case takes that path', async () => {
    const handle = await start([
      { id: 'freeze', kind: 'branch', name: name('Masa larangan?'), cases: [{ when: { '==': [{ var: 'data.inFreeze' }, true] }, next: 'mendagri' }], otherwise: 'done' },
      approval('mendagri', [{ kind: 'user', userId: login('chief') }], { kind: 'single' }),
      end('done'),
      end('refused', 'rejected'),
    ], { inFreeze: true });
    await atStep(handle, 'mendagri');
    await handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('chief'), stepId: 'mendagri', comment: 'Belum ada persetujuan tertulis' }] });
    const result = await handle.result();
    expect(result.status).toBe('rejected');
    expect(result.events.find((e) => e.type === 'branch.taken')?.details).toEqual({ next: 'mendagri' });
  });

  test('when an "all" step gets one approval and one rejection, then it is rejected', async () => {
    const handle = await start([
      approval('both', [{ kind: 'user', userId: login('a1') }, { kind: 'user', userId: login('a2') }], { kind: 'all' }),
      end('done'), end('refused', 'rejected'),
    ]);
    await atStep(handle, 'both');
    const afterFirst = await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'both' }] });
    expect(afterFirst.status).toBe('open');
    const again = await refusal(handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'both' }] }));
    expect(again.type).toBe('ALREADY_DECIDED');
    await handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('a2'), stepId: 'both' }] });
    expect((await handle.result()).status).toBe('rejected');
  });

  test('when two approvers race on an "any" step, then exactly one wins and the other is told it was decided', async () => {
    const handle = await start([
      approval('either', [{ kind: 'user', userId: login('a1') }, { kind: 'user', userId: login('a2') }], { kind: 'any' }),
      end('done'), end('refused', 'rejected'),
    ]);
    await atStep(handle, 'either');
    const results = await Promise.allSettled([
      handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'either' }] }),
      handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('a2'), stepId: 'either' }] }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    // The loser is refused by the case (already decided; or closed, when it arrives while the closed
    // case publishes its end), or, when the case completed before the loser's Update reached it, the
    // server aborts the Update as the case closes; the API answers both with 409.
    const reason = lost[0]!.reason as Error;
    if (reason instanceof WorkflowNotFoundError) expect(reason.message).toMatch(/aborted by closing workflow/);
    else expect((reason as WorkflowUpdateFailedError).cause).toMatchObject({ type: expect.stringMatching(/^(ALREADY_DECIDED|STEP_NOT_CURRENT|CASE_CLOSED)$/) });
    const result = await handle.result();
    expect(result.events.filter((e) => e.type === 'step.decided')).toHaveLength(1);
  });

  test('when a quorum can no longer be reached, then the step is rejected', async () => {
    const handle = await start([
      approval('tpk', [{ kind: 'committee', committee: `TPK-${run}` }], { kind: 'quorum', approvals: 2 }),
      end('done'), end('refused', 'rejected'),
    ]);
    await atStep(handle, 'tpk');
    await handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('a1'), stepId: 'tpk' }] });
    expect((await handle.query(caseViewQuery)).status).toBe('open');
    await handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('a2'), stepId: 'tpk' }] });
    expect((await handle.result()).status).toBe('rejected');
  });

  test('when the same decision is sent twice with one update id, then it is applied once', async () => {
    const handle = await start([
      approval('both', [{ kind: 'user', userId: login('a1') }, { kind: 'user', userId: login('a2') }], { kind: 'all' }),
      end('done'), end('refused', 'rejected'),
    ]);
    await atStep(handle, 'both');
    const updateId = `decision-${randomUUID()}`;
    const [first, second] = await Promise.all([
      handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'both' }], updateId }),
      handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'both' }], updateId }),
    ]);
    expect(second).toEqual(first);
    const v = await handle.query(caseViewQuery);
    expect(v.current?.decisions).toHaveLength(1);
    expect(v.events.filter((e) => e.type === 'step.decided')).toHaveLength(1);
    await handle.terminate('test done');
  });

  test('when requests break the rules, then each gets its stable refusal code and nothing changes', async () => {
    const handle = await start([
      approval('review', [{ kind: 'user', userId: login('a1') }, { kind: 'user', userId: login('initiator') }], { kind: 'all' }),
      end('done'), end('refused', 'rejected'),
    ]);
    const v0 = await atStep(handle, 'review');
    // The initiator is never made an assignee of their own case.
    expect(v0.current?.assignees).toEqual([{ userId: login('a1') }]);
    const cases: Array<[string, Promise<unknown>]> = [
      ['NOT_ASSIGNEE', handle.executeUpdate(approveUpdate, { args: [{ actor: actor('outsider'), stepId: 'review' }] })],
      ['STEP_NOT_CURRENT', handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'done' }] })],
      ['SELF_APPROVAL_NOT_ALLOWED', handle.executeUpdate(approveUpdate, { args: [{ actor: actor('initiator'), stepId: 'review' }] })],
      ['FORM_INVALID', handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'review', data: ['not', 'an', 'object'] as unknown as Record<string, unknown> }] })],
      ['NOT_ALLOWED', handle.executeUpdate(withdrawUpdate, { args: [{ actor: actor('a1') }] })],
      ['NOT_ALLOWED', handle.executeUpdate(reassignUpdate, { args: [{ actor: actor('a1'), stepId: 'review', from: login('a1'), to: login('a2') }] })],
      ['SELF_APPROVAL_NOT_ALLOWED', handle.executeUpdate(delegateUpdate, { args: [{ actor: actor('a1'), stepId: 'review', to: login('initiator') }] })],
      ['INVALID_DECISION', handle.executeUpdate(returnUpdate, { args: [{ actor: actor('a1'), stepId: 'review', to: 'initiator', comment: 'x' }] })],
      ['INVALID_DECISION', handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('a1'), stepId: 'review', comment: 'x'.repeat(5000) }] })],
      ['NOT_ALLOWED', handle.executeUpdate(commentUpdate, { args: [{ actor: actor('outsider'), comment: 'Halo' }] })],
    ];
    for (const [code, promise] of cases) {
      const failure = await refusal(promise);
      expect([code, failure.type]).toEqual([code, code]);
      expect(failure.message.length).toBeGreaterThan(10);
    }
    const unchanged = await handle.query(caseViewQuery);
    expect(unchanged.current?.decisions).toEqual([]);
    expect(unchanged.events.map((e) => e.type)).toEqual(v0.events.map((e) => e.type));

    await handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('a1'), stepId: 'review' }] });
    await handle.result();
    // Once the workflow has completed, Temporal itself refuses updates (the API turns this into 409 CASE_CLOSED).
    await expect(handle.executeUpdate(commentUpdate, { args: [{ actor: actor('a1'), comment: 'late' }] })).rejects.toMatchObject({ name: 'WorkflowNotFoundError' });
  });

  test('when a step returns the case to its initiator, then the initiator revises, resubmits, and the case starts over with the new data', async () => {
    const handle = await start([
      approval('review', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }, { returnTargets: ['initiator'] }),
      end('done'), end('refused', 'rejected'),
    ], { reason: 'rotasi' }, { startForm: undefined });
    await atStep(handle, 'review');
    const returned = await handle.executeUpdate(returnUpdate, { args: [{ actor: actor('a1'), stepId: 'review', to: 'initiator', comment: 'Lengkapi justifikasi' }] });
    expect(returned.status).toBe('open');
    const revision = await eventually(async () => {
      const v = await handle.query(caseViewQuery);
      return v.current?.kind === 'revision' ? v : undefined;
    });
    expect(revision.current?.assignees).toEqual([{ userId: login('initiator') }]);
    expect(revision.data).toEqual({ reason: 'rotasi' });
    const wrong = await refusal(handle.executeUpdate(resubmitUpdate, { args: [{ actor: actor('a1'), data: {} }] }));
    expect(wrong.type).toBe('NOT_ASSIGNEE');
    await handle.executeUpdate(resubmitUpdate, { args: [{ actor: actor('initiator'), data: { justification: 'Kebutuhan organisasi' } }] });
    const again = await atStep(handle, 'review');
    expect(again.current?.visit).toBe(2);
    expect(again.data).toEqual({ reason: 'rotasi', justification: 'Kebutuhan organisasi' });
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'review' }] });
    const result = await handle.result();
    expect(result.status).toBe('approved');
    expect(result.events.filter((e) => e.type === 'step.returned')[0]).toMatchObject({ actor: login('a1'), comment: 'Lengkapi justifikasi' });
    await recordHistory('return-and-resubmit', handle, database.name);
  });

  test('when a later step returns the case to an earlier step, then that step is decided again, with the data kept', async () => {
    const handle = await start([
      { id: 'verify', kind: 'task', name: name('Verifikasi'), assignees: [{ kind: 'user', userId: login('officer') }], next: 'decide' },
      approval('decide', [{ kind: 'user', userId: login('chief') }], { kind: 'single' }, { returnTargets: ['verify', 'initiator'] }),
      end('done'), end('refused', 'rejected'),
    ]);
    await atStep(handle, 'verify');
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('officer'), stepId: 'verify', data: { skp: 'BAIK' } }] });
    await atStep(handle, 'decide');
    await handle.executeUpdate(returnUpdate, { args: [{ actor: actor('chief'), stepId: 'decide', to: 'verify', comment: 'Periksa SKP dua tahun terakhir' }] });
    const back = await atStep(handle, 'verify');
    expect(back.current?.visit).toBe(2);
    expect(back.stepData.verify).toEqual({ skp: 'BAIK' });
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('officer'), stepId: 'verify', data: { skp: 'SANGAT_BAIK' } }] });
    await atStep(handle, 'decide');
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('chief'), stepId: 'decide' }] });
    const result = await handle.result();
    expect(result.status).toBe('approved');
    expect(result.stepData.verify).toEqual({ skp: 'SANGAT_BAIK' });
  });

  test('when a task is delegated, reassigned and commented on, then the new holders decide and every hand-over is recorded', async () => {
    const handle = await start([
      approval('review', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }),
      end('done'), end('refused', 'rejected'),
    ]);
    await atStep(handle, 'review');
    await handle.executeUpdate(delegateUpdate, { args: [{ actor: actor('a1'), stepId: 'review', to: login('a2'), comment: 'Sedang dinas luar' }] });
    const notAnyMore = await refusal(handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'review' }] }));
    expect(notAnyMore.type).toBe('NOT_ASSIGNEE');
    await handle.executeUpdate(reassignUpdate, { args: [{ actor: actor('admin', ['administrator']), stepId: 'review', from: login('a2'), to: login('a3') }] });
    await handle.executeUpdate(commentUpdate, { args: [{ actor: actor('initiator'), comment: 'Mohon segera' }] });
    const v = await handle.query(caseViewQuery);
    expect(v.current?.assignees).toEqual([{ userId: login('a3') }]);
    const tasks = await eventually(async () => {
      const open = await h.db.em().find(CaseTask, { caseId: handle.workflowId, status: 'open' });
      return open.length === 1 && open[0]!.userId === login('a3') ? open : undefined;
    });
    expect(tasks).toHaveLength(1);
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a3'), stepId: 'review' }] });
    const result = await handle.result();
    await recordHistory('delegate-reassign-comment', handle, database.name);
    expect(result.events.filter((e) => ['step.delegated', 'step.reassigned', 'case.commented'].includes(e.type)).map((e) => [e.type, e.actor])).toEqual([
      ['step.delegated', login('a1')],
      ['step.reassigned', login('admin')],
      ['case.commented', login('initiator')],
    ]);
  });

  test('when the initiator withdraws before the final decision, then the case ends withdrawn and its tasks close', async () => {
    const handle = await start([
      approval('review', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }),
      end('done'), end('refused', 'rejected'),
    ]);
    await atStep(handle, 'review');
    await handle.executeUpdate(withdrawUpdate, { args: [{ actor: actor('initiator'), comment: 'Salah pegawai' }] });
    expect((await handle.result()).status).toBe('withdrawn');
    await eventually(async () => ((await h.db.em().count(CaseTask, { caseId: handle.workflowId, status: 'open' })) === 0 ? true : undefined));
  });

  test('when a wait is extended and then ended early, then the case moves on at once', async () => {
    const handle = await start([
      { id: 'plt', kind: 'wait', name: name('Masa Plt'), until: 'endDate', managers: [{ kind: 'user', userId: login('chief') }], next: 'done' },
      end('done'),
    ], { endDate: new Date(Date.now() + 3600_000).toISOString() });
    const v = await atStep(handle, 'plt');
    const later = new Date(Date.parse(v.current!.waitUntil ?? v.data.endDate as string) + 90 * 24 * 3600_000).toISOString();
    const earlier = await refusal(handle.executeUpdate(extendWaitUpdate, { args: [{ actor: actor('chief'), stepId: 'plt', until: '2000-01-01' }] }));
    expect(earlier.type).toBe('INVALID_DECISION');
    const extended = await handle.executeUpdate(extendWaitUpdate, { args: [{ actor: actor('chief'), stepId: 'plt', until: later, comment: 'Perpanjangan 3 bulan' }] });
    expect(extended.current?.waitUntil).toBe(later);
    const outsider = await refusal(handle.executeUpdate(endWaitUpdate, { args: [{ actor: actor('outsider'), stepId: 'plt' }] }));
    expect(outsider.type).toBe('NOT_ASSIGNEE');
    await handle.executeUpdate(endWaitUpdate, { args: [{ actor: actor('chief'), stepId: 'plt', comment: 'Pejabat definitif dilantik' }] });
    const result = await handle.result();
    expect(result.status).toBe('approved');
    expect(result.events.find((e) => e.type === 'wait.finished')?.details).toEqual({ endedEarly: true });
    await recordHistory('wait-extended-ended-early', handle, database.name);
  });

  test('when a deadline in seconds passes, then assignees are reminded before it and the step escalates after it', async () => {
    const handle = await start([
      approval('review', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }, {
        deadline: { seconds: 3 },
        reminders: [{ before: { seconds: 2 } }],
        escalation: { after: { seconds: 1 }, to: { kind: 'user', userId: login('chief') } },
      }),
      end('done'), end('refused', 'rejected'),
    ]);
    const v = await atStep(handle, 'review');
    expect(Date.parse(v.current!.deadline!) - Date.parse(v.current!.startedAt)).toBe(3000);
    const escalated = await eventually(async () => {
      const now = await handle.query(caseViewQuery);
      return now.events.some((e) => e.type === 'step.escalated') ? now : undefined;
    });
    const reminded = escalated.events.find((e) => e.type === 'step.reminded')!;
    const escalation = escalated.events.find((e) => e.type === 'step.escalated')!;
    expect(reminded.details).toMatchObject({ recipients: [login('a1')] });
    expect(Date.parse(reminded.occurredAt)).toBeLessThan(Date.parse(v.current!.deadline!));
    expect(Date.parse(escalation.occurredAt)).toBeGreaterThanOrEqual(Date.parse(v.current!.deadline!) + 1000);
    expect(escalation.details).toMatchObject({ to: [login('chief')] });
    expect(escalated.current?.assignees.map((a) => a.userId)).toEqual([login('a1'), login('chief')]);
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('chief'), stepId: 'review' }] });
    expect((await handle.result()).status).toBe('approved');
    await recordHistory('reminder-and-escalation', handle, database.name);
  });

  test('when an approver stays silent past a deadline that means approval, then the step is deemed approved and recorded so', async () => {
    const handle = await start([
      approval('gubernur', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }, {
        deadline: { seconds: 2 },
        silenceMeans: 'approved',
        // Due at the same instant: silence decides first, so nobody is added.
        escalation: { after: { seconds: 0 }, to: { kind: 'user', userId: login('chief') } },
      }),
      end('done'), end('refused', 'rejected'),
    ]);
    const result = await handle.result();
    expect(result.status).toBe('approved');
    const deemed = result.events.find((e) => e.type === 'step.deemed');
    expect(deemed).toMatchObject({ stepId: 'gubernur', outcome: 'approved', actor: null, details: { undecided: [login('a1')] } });
    expect(Date.parse(deemed!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(deemed!.details!.deadline as string));
    expect(result.events.some((e) => e.type === 'step.escalated')).toBe(false);
    await eventually(async () => ((await h.db.em().count(CaseEvent, { caseId: handle.workflowId, type: 'step.deemed' })) === 1 ? true : undefined));
  });

  describe('when an effect that owes a compensation was applied', () => {
    const steps = (): Step[] => [
      { id: 'reserve', kind: 'effect', name: name('Bentuk panitia'), effect: 'formCommittee', compensate: 'disbandCommittee', next: 'review' },
      approval('review', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }),
      end('done'), end('refused', 'rejected'),
    ];
    const committee = (code: string) => h.db.em().fork().findOneOrFail(Committee, { code });

    test('and the case is rejected, then the compensation runs once and is recorded', async () => {
      const code = `K-${randomUUID().slice(0, 8)}`;
      const handle = await start(steps(), { committeeCode: code });
      await atStep(handle, 'review');
      await handle.executeUpdate(rejectUpdate, { args: [{ actor: actor('a1'), stepId: 'review', comment: 'Tidak perlu' }] });
      const result = await handle.result();
      expect(result.status).toBe('rejected');
      expect(result.data).toMatchObject({ committeeFormed: code, committeeDisbanded: true });
      expect(result.events.filter((e) => e.type === 'effect.compensated')).toEqual([
        expect.objectContaining({ stepId: 'reserve', details: { effect: 'disbandCommittee', applied: true } }),
      ]);
      // The closing event comes before the compensation: the case is decided, then undone.
      const types = result.events.map((e) => e.type);
      expect(types.indexOf('case.closed')).toBeLessThan(types.indexOf('effect.compensated'));
      expect((await committee(code)).name).toBe(`Panitia ${code} (dibubarkan)`);
    });

    test('and the initiator withdraws, then the compensation runs', async () => {
      const code = `K-${randomUUID().slice(0, 8)}`;
      const handle = await start(steps(), { committeeCode: code });
      await atStep(handle, 'review');
      await handle.executeUpdate(withdrawUpdate, { args: [{ actor: actor('initiator') }] });
      expect((await handle.result()).status).toBe('withdrawn');
      expect((await committee(code)).name).toBe(`Panitia ${code} (dibubarkan)`);
    });

    test('and the case is approved, then nothing is undone', async () => {
      const code = `K-${randomUUID().slice(0, 8)}`;
      const handle = await start(steps(), { committeeCode: code });
      await atStep(handle, 'review');
      await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('a1'), stepId: 'review' }] });
      const result = await handle.result();
      expect(result.status).toBe('approved');
      expect(result.events.some((e) => e.type === 'effect.compensated')).toBe(false);
      expect((await committee(code)).name).toBe(`Panitia ${code}`);
    });
  });

  test('when a deadline is read from the case data, then the step is due that many working days after it starts', async () => {
    const handle = await start([
      approval('resolve', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }, { deadline: { workingDaysFrom: 'category.days' } }),
      end('done'), end('refused', 'rejected'),
    ], { category: { code: 'SEDERHANA', days: 2 } });
    const v = await atStep(handle, 'resolve');
    const calendar = await loadRegistryCalendar(h.db);
    expect(v.current?.deadline).toBe(addWorkingDays(new Date(v.current!.startedAt), 2, calendar).toISOString());
    const none = await start([
      approval('resolve', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }, { deadline: { workingDaysFrom: 'category.days' } }),
      end('done'), end('refused', 'rejected'),
    ], { category: { code: 'TIDAK_DIKETAHUI' } });
    expect((await atStep(none, 'resolve')).current?.deadline).toBeUndefined();
    await handle.terminate('test done');
    await none.terminate('test done');
  });

  test('when a deadline is in working days and the next working day is a holiday, then the deadline skips it', async () => {
    const calendar = await loadRegistryCalendar(h.db);
    // The next working day from now, made a holiday for this test.
    let day = new Date();
    do day = new Date(day.getTime() + 24 * 3600_000); while (!isWorkingDay(localDate(day, calendar), calendar));
    const holiday = localDate(day, calendar);
    const em = h.db.em();
    const row = em.create(CalendarDay, { date: holiday, kind: 'NATIONAL_HOLIDAY', nameId: 'Libur uji', nameEn: 'Test holiday' });
    await em.flush();
    try {
      const handle = await start([
        approval('review', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }, { deadline: { workingDays: 1 } }),
        end('done'), end('refused', 'rejected'),
      ]);
      const v = await atStep(handle, 'review');
      const withHoliday = await loadRegistryCalendar(h.db);
      expect(v.current?.deadline).toBe(addWorkingDays(new Date(v.current!.startedAt), 1, withHoliday).toISOString());
      expect(localDate(new Date(v.current!.deadline!), withHoliday) > holiday).toBe(true);
      const task = await eventually(async () => (await h.db.em().findOne(CaseTask, { caseId: handle.workflowId, status: 'open' })) ?? undefined);
      expect(task.dueAt?.toISOString()).toBe(v.current?.deadline);
      await handle.terminate('test done');
    } finally {
      await em.removeAndFlush(row);
    }
  });

  test('when the assignee is absent with a substitute, then the task goes to the substitute and it is recorded', async () => {
    const handle = await start([
      approval('review', [{ kind: 'user', userId: login('absent') }], { kind: 'single' }),
      end('done'), end('refused', 'rejected'),
    ]);
    const v = await atStep(handle, 'review');
    expect(v.current?.assignees).toEqual([{ userId: login('stand-in'), substituteFor: login('absent') }]);
    expect(v.events.find((e) => e.type === 'task.substituted')?.details).toEqual({ to: login('stand-in'), for: login('absent') });
    const task = await eventually(async () => (await h.db.em().findOne(CaseTask, { caseId: handle.workflowId, status: 'open' })) ?? undefined);
    expect(task).toMatchObject({ userId: login('stand-in'), substituteFor: login('absent') });
    await handle.executeUpdate(approveUpdate, { args: [{ actor: actor('stand-in'), stepId: 'review' }] });
    expect((await handle.result()).status).toBe('approved');
  });

  test('when a definition is published again while a case runs, then the case keeps its version and new cases get the new one', async () => {
    const key = `t-${randomUUID().slice(0, 12)}`;
    const steps = (label: string): Step[] => [
      approval('review', [{ kind: 'user', userId: login('a1') }], { kind: 'single' }, { name: name(label) }),
      end('done'), end('refused', 'rejected'),
    ];
    const base = { key, version: 1, name: name('Versi'), starters: ['administrator'], firstStep: 'review' };
    const deps = { client: h.client, taskQueue: h.taskQueue, em: h.db.em() };
    const initiator = { userId: login('initiator'), unitId: null };
    await publishDefinition(h.db.em(), { ...base, steps: steps('Lama') });
    const older = await startCase(deps, { processKey: key, initiator, data: {} }) as CaseHandle;
    const v2 = await publishDefinition(h.db.em(), { ...base, steps: steps('Baru') });
    expect(v2.version).toBe(2);
    const newer = await startCase(deps, { processKey: key, initiator, data: {} }) as CaseHandle;
    const [a, b] = await Promise.all([atStep(older, 'review'), atStep(newer, 'review')]);
    expect([a.process.version, a.current?.name.id]).toEqual([1, 'Lama']);
    expect([b.process.version, b.current?.name.id]).toEqual([2, 'Baru']);
    await Promise.all([older.terminate('done'), newer.terminate('done')]);
  });

  test('when branch steps lead round to each other with nothing in between, then the case fails as a broken definition and the worker goes on', async () => {
    // The admin API refuses such a definition; a case started with it anyway must not spin the
    // worker (its workflow runtime has no execution timeout).
    const deps = { client: h.client, taskQueue: h.taskQueue, em: h.db.em() };
    const initiator = { userId: login('initiator'), unitId: null };
    const definition: ProcessDefinition = {
      key: `t-${randomUUID().slice(0, 12)}`, version: 1, name: name('Putaran'), starters: ['administrator'], firstStep: 'first',
      steps: [
        { id: 'first', kind: 'branch', name: name('Pertama'), cases: [{ when: { '==': [{ var: 'data.go' }, true] }, next: 'done' }], otherwise: 'second' },
        { id: 'second', kind: 'branch', name: name('Kedua'), cases: [], otherwise: 'first' },
        end('done'),
      ],
    };
    const spinning = await startCase(deps, { processKey: definition.key, definition, initiator, data: { go: false } }) as CaseHandle;
    const failure = await spinning.result().then(() => undefined, (err: unknown) => err);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('DEFINITION_BROKEN');
    expect((cause as ApplicationFailure).message).toContain('"first", "second"');

    const passing = await startCase(deps, { processKey: definition.key, definition, initiator, data: { go: true } }) as CaseHandle;
    expect((await passing.result()).status).toBe('approved');
  });
});
