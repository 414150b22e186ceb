import { randomUUID } from 'node:crypto';
import { OrgUnit, publishDefinition } from '../../db';
import type { ApprovalStep, Step } from '../../processes/model';
import { startCase } from '../../server/use-cases/start-case';
import { approveUpdate, caseViewQuery, type caseWorkflow, type CaseView } from '../../workflows/case';
import { lookupBasis, STEP_LOOKUP_FRESH_MS, type StepLookup } from '../../workflows/step-lookup';
import { eventually, signIn, startHarness, testDatabases, type Harness } from './harness';
import { recordHistory } from './record-history';

type CaseHandle = Awaited<ReturnType<typeof startCase>>;

/**
 * The API looks up the step a request leads to and hands the lookup in with it (ENGINE_V4_PATCH),
 * so the case enters that step in the workflow task that applies the decision. The case uses a
 * lookup only for the step it names, on the same basis, while it is fresh.
 */
describe.each(testDatabases())('a step lookup handed in by the caller ($name)', (database) => {
  let h: Harness;
  const name = (text: string) => ({ id: text, en: text });

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The case's history: its workflow type, local-activity markers by activity type, and patch markers. */
  async function historyOf(caseId: string): Promise<{ type: string | null | undefined; lookups: string[]; patches: string[] }> {
    const history = await h.client.workflow.getHandle(caseId).fetchHistory();
    const markers = (history.events ?? []).map((e) => e.markerRecordedEventAttributes).filter((m) => m != null);
    const payloadText = (m: (typeof markers)[number]) => JSON.stringify(Object.values(m.details ?? {}).map((p) => Buffer.from(p.payloads?.[0]?.data ?? []).toString()));
    return {
      type: history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name,
      lookups: markers.filter((m) => m.markerName === 'core_local_activity').map((m) => /resolveAssignees|loadWorkingCalendar/.exec(payloadText(m))?.[0] ?? '?'),
      patches: markers.filter((m) => m.markerName === 'core_patch').map(payloadText),
    };
  }

  async function publish(steps: Step[], starters = ['kepala_opd', 'administrator']): Promise<string> {
    const key = `lookup-${randomUUID().slice(0, 8)}`;
    await publishDefinition(h.db.em(), { key, version: 1, name: name('Uji lookup'), starters, firstStep: steps[0]!.id, steps });
    return key;
  }

  const approval = (id: string, assignees: ApprovalStep['assignees'], next: string, more: Partial<ApprovalStep> = {}): ApprovalStep => ({
    id, kind: 'approval', name: name(id), assignees, mode: { kind: 'single' }, next: { approved: next, rejected: 'ditolak' }, ...more,
  });
  const ends: Step[] = [
    { id: 'selesai', kind: 'end', name: name('Selesai'), outcome: 'approved' },
    { id: 'ditolak', kind: 'end', name: name('Ditolak'), outcome: 'rejected' },
  ];

  test('when a case is started and decided over HTTP, then each answer shows the next holder and deadline and the case looked nothing up itself', async () => {
    const kepala = await signIn(h.app, 'kepala.dinkes');
    const started = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title: 'Tanpa lookup sendiri' }).expect(201);
    const id = started.body.id as string;
    expect(started.body.current).toMatchObject({ stepId: 'verifikasi', assignees: [{ userId: 'bkpsdm.mutasi' }] });
    expect(started.body.current.deadline).toEqual(expect.any(String));
    const mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    const decided = await mutasi.post(`/api/cases/${id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(200);
    expect(decided.body.case.current).toMatchObject({ stepId: 'keputusan', assignees: [{ userId: 'sekda' }] });
    expect(decided.body.case.current.deadline).toEqual(expect.any(String));
    // A new case runs the current engine as a type of its own: no lookup, and no patch marker either.
    expect(await historyOf(id)).toEqual({ type: 'alurCase', lookups: [], patches: [] });
    const sekda = await signIn(h.app, 'sekda');
    expect((await sekda.post(`/api/cases/${id}/actions/approve`).send({ stepId: 'keputusan' }).expect(200)).body.case.status).toBe('approved');
    await recordHistory('lookups-handed-in-over-http', h.client.workflow.getHandle(id), database.name);
  });

  test('when the decision\'s form data changes the unit the next step\'s rule reads, then the head of the new unit gets the next step', async () => {
    const em = h.db.em();
    const setda = await em.findOneOrFail(OrgUnit, { code: 'SETDA' });
    const bkpsdm = await em.findOneOrFail(OrgUnit, { code: 'BKPSDM' });
    const key = await publish([
      approval('periksa', [{ kind: 'role', role: 'bkpsdm_mutasi' }], 'kepala-tujuan'),
      approval('kepala-tujuan', [{ kind: 'unitHead', unit: { from: 'field', path: 'unitTujuan' } }], 'selesai'),
      ...ends,
    ]);
    const kepala = await signIn(h.app, 'kepala.dinkes');
    const started = await kepala.post(`/api/processes/${key}/cases`).send({ data: { unitTujuan: String(setda.id) } }).expect(201);
    const id = started.body.id as string;
    const mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    const decided = await mutasi.post(`/api/cases/${id}/actions/approve`).send({ stepId: 'periksa', data: { unitTujuan: String(bkpsdm.id) } }).expect(200);
    expect(decided.body.case.current).toMatchObject({ stepId: 'kepala-tujuan', assignees: [{ userId: 'kepala.bkpsdm' }] });
  });

  describe('the case checks what it is handed', () => {
    const steps: Step[] = [
      approval('periksa', [{ kind: 'role', role: 'bkpsdm_mutasi' }], 'putus'),
      approval('putus', [{ kind: 'role', role: 'sekda' }], 'selesai'),
      ...ends,
    ];
    const putusRules = (steps[1] as ApprovalStep).assignees;
    const actor = { userId: 'bkpsdm.mutasi', roles: ['bkpsdm_mutasi'] };

    async function atFirstStep(): Promise<CaseHandle> {
      const key = await publish(steps);
      const handle = await startCase({ client: h.client, taskQueue: h.taskQueue, em: h.db.em() }, {
        processKey: key, initiator: { userId: 'kepala.dinkes', unitId: null }, data: {},
      });
      await eventually(async () => ((await handle.query(caseViewQuery)).current?.assignees.length ? true : undefined));
      return handle;
    }
    /** A lookup of "putus" that names walikota, whom the rules (role sekda) would not give. */
    const handedWalikota = (changes: Partial<StepLookup> = {}): StepLookup => ({
      stepId: 'putus',
      basis: lookupBasis(putusRules, { initiator: { userId: 'kepala.dinkes', unitId: null }, subjectUnitId: null, data: {} }),
      assignees: [{ userId: 'walikota' }],
      at: new Date().toISOString(),
      ...changes,
    });
    const decide = (handle: CaseHandle, lookup: StepLookup): Promise<CaseView> =>
      h.client.workflow.getHandle<typeof caseWorkflow>(handle.workflowId).executeUpdate(approveUpdate, { args: [{ actor, stepId: 'periksa', lookup }] });

    test('when the lookup is for the step entered, on the same basis and fresh, then the case assigns whom it names', async () => {
      const answer = await decide(await atFirstStep(), handedWalikota());
      expect(answer.current).toMatchObject({ stepId: 'putus', assignees: [{ userId: 'walikota' }] });
    });

    test('when the lookup is older than the freshness limit, then the case looks the step up itself', async () => {
      const stale = new Date(Date.now() - STEP_LOOKUP_FRESH_MS - 60_000).toISOString();
      const answer = await decide(await atFirstStep(), handedWalikota({ at: stale }));
      expect(answer.current).toMatchObject({ stepId: 'putus', assignees: [{ userId: 'sekda' }] });
    });

    test('when the lookup names another step or another basis, then the case looks the step up itself', async () => {
      const otherStep = await decide(await atFirstStep(), handedWalikota({ stepId: 'periksa' }));
      expect(otherStep.current).toMatchObject({ stepId: 'putus', assignees: [{ userId: 'sekda' }] });
      const otherBasis = await decide(await atFirstStep(), handedWalikota({ basis: lookupBasis([{ kind: 'role', role: 'ppk' }], { initiator: { userId: 'x', unitId: null }, subjectUnitId: null, data: {} }) }));
      expect(otherBasis.current).toMatchObject({ stepId: 'putus', assignees: [{ userId: 'sekda' }] });
    });
  });
});
