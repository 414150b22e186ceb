import jsonLogic from 'json-logic-js';
import { validateDefinition, type DefinitionProblem } from '../../processes';
import { jsonLogicOperators } from '../../processes/json-logic-problems';
import type { ApprovalStep, BranchStep, EffectStep, FormRef, ProcessDefinition, Step, TaskStep, WaitStep } from '../../processes';

/** A job rotation with every step kind: task, approvals (single and quorum), branch, effect, wait, ends. */
function rotation(): ProcessDefinition {
  return {
    key: 'rotasi-jabatan',
    version: 3,
    name: { id: 'Rotasi jabatan', en: 'Job rotation' },
    starters: ['kepala_opd', 'bkpsdm_mutasi'],
    startForm: { key: 'rotasi-usulan', version: 2 },
    subjectNipPath: 'pegawai.nip',
    subjectUnitPath: 'unitTujuan',
    firstStep: 'verifikasi',
    steps: [
      {
        id: 'verifikasi',
        kind: 'approval',
        name: { id: 'Verifikasi BKPSDM', en: 'BKPSDM verification' },
        assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }],
        mode: { kind: 'single' },
        form: { key: 'rotasi-verifikasi', version: 1 },
        deadline: { workingDays: 3 },
        reminders: [{ before: { workingDays: 1 } }],
        escalation: { after: { workingDays: 0 }, to: { kind: 'role', role: 'kepala_bkpsdm' } },
        returnTargets: ['initiator'],
        next: { approved: 'sidang-tpk', rejected: 'ditolak' },
      },
      {
        id: 'sidang-tpk',
        kind: 'approval',
        name: { id: 'Sidang TPK', en: 'TPK review' },
        assignees: [{ kind: 'committee', committee: 'tpk' }],
        mode: { kind: 'quorum', approvals: 3 },
        returnTargets: ['verifikasi', 'initiator'],
        next: { approved: 'masa-larangan', rejected: 'ditolak' },
      },
      {
        id: 'masa-larangan',
        kind: 'branch',
        name: { id: 'Masa larangan pilkada?', en: 'Election freeze?' },
        cases: [
          {
            when: { and: [{ '==': [{ var: 'data.dalamMasaLarangan' }, true] }, { '!': { var: ['data.izinMendagri', false] } }] },
            next: 'izin-mendagri',
          },
        ],
        otherwise: 'putusan-ppk',
      },
      {
        id: 'izin-mendagri',
        kind: 'task',
        name: { id: 'Catat izin Mendagri', en: 'Record the Minister\'s approval' },
        assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }],
        form: { key: 'izin-mendagri', version: 1 },
        next: 'putusan-ppk',
      },
      {
        id: 'putusan-ppk',
        kind: 'approval',
        name: { id: 'Putusan PPK', en: 'PPK decision' },
        assignees: [{ kind: 'unitHead', unit: { from: 'field', path: 'unitTujuan' } }, { kind: 'user', userId: 'walikota' }],
        mode: { kind: 'any' },
        returnTargets: ['sidang-tpk'],
        next: { approved: 'terapkan-rotasi', rejected: 'ditolak' },
      },
      {
        id: 'terapkan-rotasi',
        kind: 'effect',
        name: { id: 'Perbarui data kepegawaian', en: 'Update the registry' },
        effect: 'applyRotation',
        next: 'tunggu-pelantikan',
      },
      {
        id: 'tunggu-pelantikan',
        kind: 'wait',
        name: { id: 'Menunggu pelantikan', en: 'Waiting for the inauguration' },
        until: 'data.tanggalPelantikan',
        managers: [{ kind: 'initiator' }],
        next: 'disetujui',
      },
      { id: 'disetujui', kind: 'end', name: { id: 'Disetujui', en: 'Approved' }, outcome: 'approved' },
      { id: 'ditolak', kind: 'end', name: { id: 'Ditolak', en: 'Rejected' }, outcome: 'rejected' },
    ],
  };
}

const forms: FormRef[] = [
  { key: 'rotasi-usulan', version: 2 },
  { key: 'rotasi-verifikasi', version: 1 },
  { key: 'izin-mendagri', version: 1 },
];
const options = {
  formExists: (ref: FormRef) => forms.some((f) => f.key === ref.key && f.version === ref.version),
  knownEffects: ['applyRotation', 'notifyCitizen'],
};

/** The step with this id in a definition, typed by its kind. */
function step<S extends Step>(def: ProcessDefinition, id: string): S {
  const found = def.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id} in the fixture`);
  return found as S;
}

/** The problems of a definition that must be refused. */
function problemsOf(input: unknown, opts = options): DefinitionProblem[] {
  const result = validateDefinition(input, opts);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.problems;
}

/**
 * The one problem with `code`; its message names the step (when given) in both languages and the
 * two languages differ.
 */
function theProblem(problems: DefinitionProblem[], code: string, stepId?: string): DefinitionProblem {
  const matching = problems.filter((p) => p.code === code && (stepId === undefined || p.stepId === stepId));
  expect(matching).toHaveLength(1);
  const problem = matching[0] as DefinitionProblem;
  expect(problem.message.id).not.toBe(problem.message.en);
  expect(problem.message.id.length).toBeGreaterThan(20);
  if (stepId !== undefined) {
    expect(problem.message.id).toContain(`Langkah "${stepId}"`);
    expect(problem.message.en).toContain(`Step "${stepId}"`);
  }
  return problem;
}

describe('validateDefinition: a valid definition', () => {
  test('when a multi-step definition uses every step kind correctly, then it passes and is returned as is', () => {
    const def = rotation();
    const result = validateDefinition(def, options);
    expect(result).toEqual({ ok: true, definition: def });
    if (result.ok) expect(result.definition).toBe(def);
  });

  test('when no options are given, then forms and effects are not checked', () => {
    const def = rotation();
    step<EffectStep>(def, 'terapkan-rotasi').effect = 'somethingElse';
    def.startForm = { key: 'tidak-ada', version: 9 };
    expect(validateDefinition(def).ok).toBe(true);
  });

  test('when a branch condition is a constant true or false, then it passes', () => {
    const def = rotation();
    step<BranchStep>(def, 'masa-larangan').cases = [{ when: false, next: 'izin-mendagri' }];
    expect(validateDefinition(def, options).ok).toBe(true);
  });

  test('when an approval loops back to an earlier step on rejection, then the loop has an exit and passes', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'sidang-tpk').next.rejected = 'verifikasi';
    expect(validateDefinition(def, options).ok).toBe(true);
  });
});

describe('validateDefinition: the graph of steps', () => {
  test('when next.rejected names a step that does not exist, then the problem points at it and names both steps', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').next.rejected = 'tolak';
    const problem = theProblem(problemsOf(def), 'UNKNOWN_STEP', 'verifikasi');
    expect(problem.path).toBe('/steps/0/next/rejected');
    expect(problem.message.id).toBe(
      'Langkah "verifikasi" (Verifikasi BKPSDM): "next.rejected" menunjuk ke langkah "tolak", yang tidak ada dalam proses ini.',
    );
    expect(problem.message.en).toBe('Step "verifikasi" (BKPSDM verification): "next.rejected" points to step "tolak", which does not exist in this process.');
  });

  test('when a branch case or otherwise names an unknown step, then each is reported at its own pointer', () => {
    const def = rotation();
    const branch = step<BranchStep>(def, 'masa-larangan');
    (branch.cases[0] as BranchStep['cases'][number]).next = 'izin';
    branch.otherwise = 'ppk';
    const problems = problemsOf(def).filter((p) => p.code === 'UNKNOWN_STEP');
    expect(problems.map((p) => [p.path, p.stepId])).toEqual([
      ['/steps/2/cases/0/next', 'masa-larangan'],
      ['/steps/2/otherwise', 'masa-larangan'],
    ]);
  });

  test('when firstStep names a step that does not exist, then the problem points at /firstStep', () => {
    const def = rotation();
    def.firstStep = 'usulan';
    const problem = theProblem(problemsOf(def), 'UNKNOWN_STEP');
    expect(problem.path).toBe('/firstStep');
    expect(problem.stepId).toBeUndefined();
    expect(problem.message.en).toContain('"firstStep" points to step "usulan"');
  });

  test('when a step cannot be reached from the first step, then it is refused by name', () => {
    const def = rotation();
    def.steps.push({ id: 'arsip', kind: 'end', name: { id: 'Diarsipkan', en: 'Archived' }, outcome: 'withdrawn' });
    const problems = problemsOf(def);
    const problem = theProblem(problems, 'UNREACHABLE_STEP', 'arsip');
    expect(problem.path).toBe('/steps/9');
    expect(problem.message.en).toBe(
      'Step "arsip" (Archived): this step cannot be reached from the first step "verifikasi"; link to it from another step or remove it.',
    );
    expect(problems).toHaveLength(1);
  });

  test('when steps loop without an exit, then one problem names every step of the loop', () => {
    const def = rotation();
    step<TaskStep>(def, 'izin-mendagri').next = 'cek-izin';
    def.steps.push({
      id: 'cek-izin',
      kind: 'task',
      name: { id: 'Periksa izin', en: 'Check the approval' },
      assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }],
      next: 'izin-mendagri',
    });
    const problems = problemsOf(def);
    const problem = theProblem(problems, 'CYCLE_WITHOUT_EXIT', 'izin-mendagri');
    expect(problem.path).toBe('/steps/3');
    expect(problem.message.en).toContain('the steps "izin-mendagri", "cek-izin" form a loop without an exit');
    expect(problem.message.id).toContain('langkah-langkah "izin-mendagri", "cek-izin" membentuk putaran tanpa jalan keluar');
    expect(problems.map((p) => p.code)).toEqual(['CYCLE_WITHOUT_EXIT']);
  });

  test('when branch steps lead to each other with nothing in between, then the loop is refused even though it has an exit', () => {
    const def = rotation();
    // "masa-larangan" may still go on to "izin-mendagri", but when it does not, the two branches
    // would hand the case to each other forever: the data they read never changes between them.
    step<BranchStep>(def, 'masa-larangan').otherwise = 'cek-ulang';
    def.steps.push({
      id: 'cek-ulang',
      kind: 'branch',
      name: { id: 'Periksa ulang', en: 'Check again' },
      cases: [{ when: { '==': [{ var: 'data.dalamMasaLarangan' }, false] }, next: 'masa-larangan' }],
      otherwise: 'masa-larangan',
    });
    const problems = problemsOf(def);
    expect(problems.map((p) => p.code)).toEqual(['BRANCH_LOOP']);
    const problem = theProblem(problems, 'BRANCH_LOOP', 'masa-larangan');
    expect(problem.path).toBe('/steps/2');
    expect(problem.message.en).toContain('the branch steps "masa-larangan", "cek-ulang" lead to each other with no other step in between');
    expect(problem.message.id).toContain('langkah percabangan "masa-larangan", "cek-ulang" saling mengarah');
  });

  test('when a loop of branch steps also has no exit, then it is reported once, as a loop without an exit', () => {
    const def = rotation();
    step<BranchStep>(def, 'masa-larangan').cases[0]!.next = 'masa-larangan';
    step<BranchStep>(def, 'masa-larangan').otherwise = 'masa-larangan';
    const codes = problemsOf(def).map((p) => p.code);
    expect(codes).toContain('CYCLE_WITHOUT_EXIT');
    expect(codes).not.toContain('BRANCH_LOOP');
  });

  test('when a step loops to itself and a step leads only into that loop, then both are refused', () => {
    const def = rotation();
    step<EffectStep>(def, 'terapkan-rotasi').next = 'tunggu-pelantikan';
    step<WaitStep>(def, 'tunggu-pelantikan').next = 'tunggu-pelantikan';
    const problems = problemsOf(def);
    expect(theProblem(problems, 'CYCLE_WITHOUT_EXIT', 'tunggu-pelantikan').path).toBe('/steps/6');
    const lead = theProblem(problems, 'NO_PATH_TO_END', 'terapkan-rotasi');
    expect(lead.path).toBe('/steps/5');
    expect(lead.message.en).toContain('no path leads from this step to any end step');
    // The end step "disetujui" is now unreachable, which is reported too.
    expect(theProblem(problems, 'UNREACHABLE_STEP', 'disetujui').path).toBe('/steps/7');
  });

  test('when the process has no end step, then that is refused once at /steps, without loop noise', () => {
    const def: ProcessDefinition = {
      ...rotation(),
      firstStep: 'isi',
      startForm: undefined,
      steps: [
        { id: 'isi', kind: 'task', name: { id: 'Isi', en: 'Fill in' }, assignees: [{ kind: 'initiator' }], next: 'periksa' },
        {
          id: 'periksa',
          kind: 'approval',
          name: { id: 'Periksa', en: 'Check' },
          assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }],
          mode: { kind: 'single' },
          next: { approved: 'isi', rejected: 'isi' },
        },
      ],
    };
    delete def.startForm;
    const problems = problemsOf(def);
    expect(problems.map((p) => p.code)).toEqual(['NO_END_STEP']);
    expect(theProblem(problems, 'NO_END_STEP').path).toBe('/steps');
  });

  test('when two steps share an id, then the second is refused and the first is named', () => {
    const def = rotation();
    def.steps.push({ id: 'ditolak', kind: 'end', name: { id: 'Ditarik', en: 'Withdrawn' }, outcome: 'withdrawn' });
    const problems = problemsOf(def);
    const problem = theProblem(problems, 'DUPLICATE_STEP_ID', 'ditolak');
    expect(problem.path).toBe('/steps/9/id');
    expect(problem.message.en).toBe('Step "ditolak" (Withdrawn): the id "ditolak" is already used by step 9; every step needs its own id.');
    expect(problems).toHaveLength(1);
  });
});

describe('validateDefinition: return targets', () => {
  test('when a step may return to a later step, then it is refused naming both steps', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').returnTargets = ['initiator', 'putusan-ppk'];
    const problem = theProblem(problemsOf(def), 'RETURN_TARGET_NOT_EARLIER', 'verifikasi');
    expect(problem.path).toBe('/steps/0/returnTargets/1');
    expect(problem.message.en).toContain('"returnTargets[1]" points to "putusan-ppk", but that step does not come before this one');
  });

  test('when a step may return to itself, then it is refused', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'putusan-ppk').returnTargets = ['putusan-ppk'];
    expect(theProblem(problemsOf(def), 'RETURN_TARGET_NOT_EARLIER', 'putusan-ppk').path).toBe('/steps/4/returnTargets/0');
  });

  test('when a later step loops back on rejection, then it still does not count as before the earlier step', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'sidang-tpk').next.rejected = 'verifikasi';
    step<ApprovalStep>(def, 'verifikasi').returnTargets = ['sidang-tpk'];
    expect(theProblem(problemsOf(def), 'RETURN_TARGET_NOT_EARLIER', 'verifikasi').path).toBe('/steps/0/returnTargets/0');
  });

  test('when a step returns to a step on only one of the paths before it, then it passes', () => {
    const def = rotation();
    // izin-mendagri runs only inside the election freeze, yet it comes before putusan-ppk.
    step<ApprovalStep>(def, 'putusan-ppk').returnTargets = ['izin-mendagri', 'verifikasi', 'initiator'];
    expect(validateDefinition(def, options).ok).toBe(true);
  });

  test('when a return target is a step no person works on, then it is refused', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'putusan-ppk').returnTargets = ['masa-larangan'];
    const problem = theProblem(problemsOf(def), 'RETURN_TARGET_NOT_HUMAN', 'putusan-ppk');
    expect(problem.path).toBe('/steps/4/returnTargets/0');
    expect(problem.message.en).toContain('"masa-larangan", a "branch" step');
  });

  test('when a return target does not exist, then it is an unknown step', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'putusan-ppk').returnTargets = ['verifikasi-ulang'];
    expect(theProblem(problemsOf(def), 'UNKNOWN_STEP', 'putusan-ppk').path).toBe('/steps/4/returnTargets/0');
  });
});

describe('validateDefinition: branch expressions', () => {
  test('when a condition uses an operator JSON Logic does not know, then the operator and the step are named', () => {
    const def = rotation();
    (step<BranchStep>(def, 'masa-larangan').cases[0] as BranchStep['cases'][number]).when = {
      and: [{ '==': [{ var: 'data.dalamMasaLarangan' }, true] }, { foo: [1, 2] }],
    };
    const problem = theProblem(problemsOf(def), 'UNKNOWN_OPERATOR', 'masa-larangan');
    expect(problem.path).toBe('/steps/2/cases/0/when/and/1');
    expect(problem.message.en).toBe(
      'Step "masa-larangan" (Election freeze?): "cases[0].when" uses the operator "foo", which JSON Logic does not know.',
    );
    expect(problem.message.id).toContain('memakai operator "foo"');
  });

  test('when an expression object holds two operators, then it is not valid JSON Logic', () => {
    const def = rotation();
    (step<BranchStep>(def, 'masa-larangan').cases[0] as BranchStep['cases'][number]).when = { '==': [1, 1], '!=': [1, 2] };
    const problem = theProblem(problemsOf(def), 'EXPRESSION_NOT_LOGIC', 'masa-larangan');
    expect(problem.path).toBe('/steps/2/cases/0/when');
    expect(problem.message.en).toContain('(this one has 2 keys)');
  });

  test('when a var path is not text, then it is refused at the var', () => {
    const def = rotation();
    (step<BranchStep>(def, 'masa-larangan').cases[0] as BranchStep['cases'][number]).when = { '==': [{ var: 3 }, true] };
    const problem = theProblem(problemsOf(def), 'INVALID_VAR_PATH', 'masa-larangan');
    expect(problem.path).toBe('/steps/2/cases/0/when/==/0/var');
  });

  test('when an operator name holds "/" or "~", then the JSON pointer escapes it', () => {
    const def = rotation();
    (step<BranchStep>(def, 'masa-larangan').cases[0] as BranchStep['cases'][number]).when = { and: [{ 'a/b~c': [] }] };
    expect(theProblem(problemsOf(def), 'UNKNOWN_OPERATOR', 'masa-larangan').path).toBe('/steps/2/cases/0/when/and/0');
    (step<BranchStep>(def, 'masa-larangan').cases[0] as BranchStep['cases'][number]).when = { '/': [{ '~': 1 }, 2] };
    expect(theProblem(problemsOf(def), 'UNKNOWN_OPERATOR', 'masa-larangan').path).toBe('/steps/2/cases/0/when/~1/0');
  });

  test('when json-logic-js evaluates each listed operator, then none is unrecognized, and an unlisted one is', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      for (const operator of jsonLogicOperators) {
        let failure = '';
        try {
          jsonLogic.apply({ [operator]: [[1], { var: '' }] } as jsonLogic.RulesLogic, {});
        } catch (error) {
          failure = String(error);
        }
        expect(failure).not.toMatch(/Unrecognized operation/);
      }
    } finally {
      log.mockRestore();
    }
    expect(() => jsonLogic.apply({ foo: [1] } as unknown as jsonLogic.RulesLogic, {})).toThrow('Unrecognized operation foo');
  });
});

describe('validateDefinition: forms, effects, reminders', () => {
  test('when a step form does not exist, then the step and the form version are named', () => {
    const def = rotation();
    step<TaskStep>(def, 'izin-mendagri').form = { key: 'izin-mendagri', version: 4 };
    const problem = theProblem(problemsOf(def), 'FORM_NOT_FOUND', 'izin-mendagri');
    expect(problem.path).toBe('/steps/3/form');
    expect(problem.message.en).toBe(
      'Step "izin-mendagri" (Record the Minister\'s approval): "form" refers to form "izin-mendagri" version 4, which does not exist.',
    );
  });

  test('when the start form does not exist, then the problem points at /startForm', () => {
    const def = rotation();
    def.startForm = { key: 'rotasi-usulan', version: 3 };
    const problem = theProblem(problemsOf(def), 'FORM_NOT_FOUND');
    expect(problem.path).toBe('/startForm');
    expect(problem.message.id).toBe('"startForm" merujuk formulir "rotasi-usulan" versi 3, yang tidak ada.');
  });

  test('when an effect is not one of the known effects, then it is refused listing the known ones', () => {
    const def = rotation();
    step<EffectStep>(def, 'terapkan-rotasi').effect = 'applyRotasi';
    const problem = theProblem(problemsOf(def), 'UNKNOWN_EFFECT', 'terapkan-rotasi');
    expect(problem.path).toBe('/steps/5/effect');
    expect(problem.message.en).toContain('the effect "applyRotasi" is not known. Available effects: "applyRotation", "notifyCitizen".');
  });

  test('when a compensation names an unknown effect, then it is refused at "compensate"', () => {
    const def = rotation();
    step<EffectStep>(def, 'terapkan-rotasi').compensate = 'undoRotasi';
    const problem = theProblem(problemsOf(def), 'UNKNOWN_EFFECT', 'terapkan-rotasi');
    expect(problem.path).toBe('/steps/5/compensate');
    step<EffectStep>(def, 'terapkan-rotasi').compensate = 'notifyCitizen';
    expect(validateDefinition(def, options).ok).toBe(true);
  });

  test('when silence means approval but the step has no deadline, then it is refused', () => {
    const def = rotation();
    const putusan = step<ApprovalStep>(def, 'putusan-ppk');
    putusan.silenceMeans = 'approved';
    expect(theProblem(problemsOf(def), 'SILENCE_WITHOUT_DEADLINE', 'putusan-ppk').path).toBe('/steps/4/silenceMeans');
    putusan.deadline = { calendarDays: 15 };
    expect(validateDefinition(def, options).ok).toBe(true);
    (putusan as unknown as Record<string, unknown>).silenceMeans = 'maybe';
    expect(problemsOf(def).some((p) => p.path === '/steps/4/silenceMeans')).toBe(true);
  });

  test('when a deadline is read from the case data, then a data path is accepted and anything else refused', () => {
    const def = rotation();
    const verifikasi = step<ApprovalStep>(def, 'verifikasi');
    verifikasi.deadline = { workingDaysFrom: 'kategori.hari' };
    // The reminder cannot be compared with a deadline known only at run time, so it is not refused.
    expect(validateDefinition(def, options).ok).toBe(true);
    verifikasi.deadline = { workingDaysFrom: 'kategori..hari' };
    expect(problemsOf(def).some((p) => p.path.startsWith('/steps/0/deadline'))).toBe(true);
  });

  test('when a wait limits its extensions, then the limit is checked like the rest of the definition', () => {
    const def = rotation();
    const wait = step<WaitStep>(def, 'tunggu-pelantikan');
    wait.extensionLimit = { when: { '==': [{ var: 'data.jenis' }, 'PLT'] }, count: 1, eachAtMostMonths: 3 };
    expect(validateDefinition(def, options).ok).toBe(true);
    wait.extensionLimit = { when: { kalau: [1] }, count: 1 };
    expect(problemsOf(def).some((p) => p.path.startsWith('/steps/6/extensionLimit/when'))).toBe(true);
    wait.extensionLimit = { count: -1 };
    expect(problemsOf(def).some((p) => p.path === '/steps/6/extensionLimit/count')).toBe(true);
  });

  test('when reminders or an escalation have no deadline, then both are refused', () => {
    const def = rotation();
    delete step<ApprovalStep>(def, 'verifikasi').deadline;
    const problems = problemsOf(def);
    expect(theProblem(problems, 'REMINDER_WITHOUT_DEADLINE', 'verifikasi').path).toBe('/steps/0/reminders');
    expect(theProblem(problems, 'ESCALATION_WITHOUT_DEADLINE', 'verifikasi').path).toBe('/steps/0/escalation');
  });

  test('when a reminder is not shorter than the deadline, then it is refused with both durations', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').reminders = [{ before: { workingDays: 1 } }, { before: { workingDays: 3 } }];
    const problem = theProblem(problemsOf(def), 'REMINDER_NOT_BEFORE_DEADLINE', 'verifikasi');
    expect(problem.path).toBe('/steps/0/reminders/1/before');
    expect(problem.message.id).toContain('"reminders[1].before" (3 hari kerja) harus lebih singkat dari tenggat langkah (3 hari kerja)');
  });

  test('when a reminder in seconds outlasts a deadline in calendar days, then it is refused', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').deadline = { calendarDays: 1 };
    step<ApprovalStep>(def, 'verifikasi').reminders = [{ before: { seconds: 86_400 } }];
    expect(theProblem(problemsOf(def), 'REMINDER_NOT_BEFORE_DEADLINE', 'verifikasi').path).toBe('/steps/0/reminders/0/before');
  });
});

describe('validateDefinition: the shape (JSON Schema)', () => {
  test('when an approval has no next.rejected, then the pointer names the missing property and the message the step', () => {
    const def = rotation() as unknown as { steps: Array<{ next: Record<string, unknown> }> };
    delete def.steps[1]?.next.rejected;
    const problems = problemsOf(def);
    const problem = theProblem(problems, 'REQUIRED', 'sidang-tpk');
    expect(problem.path).toBe('/steps/1/next/rejected');
    expect(problem.message).toEqual({
      id: 'Langkah "sidang-tpk" (Sidang TPK): "next.rejected" wajib diisi.',
      en: 'Step "sidang-tpk" (TPK review): "next.rejected" is required.',
    });
    expect(problems).toHaveLength(1);
  });

  test('when a quorum needs zero approvals, then it is refused at mode.approvals', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'sidang-tpk').mode = { kind: 'quorum', approvals: 0 };
    const problem = theProblem(problemsOf(def), 'TOO_SMALL', 'sidang-tpk');
    expect(problem.path).toBe('/steps/1/mode/approvals');
    expect(problem.message.en).toBe('Step "sidang-tpk" (TPK review): "mode.approvals" must be at least 1.');
  });

  test('when a quorum has no approvals count, then it is required', () => {
    const def = rotation() as unknown as { steps: Array<{ mode?: unknown }> };
    (def.steps[1] as { mode?: unknown }).mode = { kind: 'quorum' };
    expect(theProblem(problemsOf(def), 'REQUIRED', 'sidang-tpk').path).toBe('/steps/1/mode/approvals');
  });

  test('when a step kind is unknown, then the problem points at kind and lists the kinds', () => {
    const def = rotation() as unknown as { steps: Array<Record<string, unknown>> };
    (def.steps[5] as Record<string, unknown>).kind = 'script';
    const problems = problemsOf(def);
    const problem = theProblem(problems, 'NOT_ONE_OF', 'terapkan-rotasi');
    expect(problem.path).toBe('/steps/5/kind');
    expect(problem.message.en).toContain('"kind" must be one of: "approval", "task", "branch", "effect", "wait", "end".');
    expect(problems).toHaveLength(1);
  });

  test('when a step has no kind, then kind is required', () => {
    const def = rotation() as unknown as { steps: Array<Record<string, unknown>> };
    delete (def.steps[7] as Record<string, unknown>).kind;
    expect(theProblem(problemsOf(def), 'REQUIRED', 'disetujui').path).toBe('/steps/7/kind');
  });

  test('when an assignee rule has an unknown kind, then the rule kinds are listed', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').assignees = [{ kind: 'jabatan' } as never];
    const problem = theProblem(problemsOf(def), 'NOT_ONE_OF', 'verifikasi');
    expect(problem.path).toBe('/steps/0/assignees/0/kind');
    expect(problem.message.en).toContain('"role", "unitHead", "committee", "user", "initiator"');
  });

  test('when a duration names two units, then exactly one unit is asked for', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').deadline = { workingDays: 3, calendarDays: 5 } as never;
    const problem = theProblem(problemsOf(def), 'DURATION_ONE_UNIT', 'verifikasi');
    expect(problem.path).toBe('/steps/0/deadline');
  });

  test('when a duration has no unit or a fractional one, then it is refused', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').deadline = {} as never;
    expect(theProblem(problemsOf(def), 'DURATION_ONE_UNIT', 'verifikasi').path).toBe('/steps/0/deadline');
    step<ApprovalStep>(def, 'verifikasi').deadline = { workingDays: 1.5 };
    const problem = theProblem(problemsOf(def), 'WRONG_TYPE', 'verifikasi');
    expect(problem.path).toBe('/steps/0/deadline/workingDays');
    expect(problem.message.en).toContain('"deadline.workingDays" must be a whole number.');
  });

  test('when a property is unknown, then it is refused at its own pointer, escaped', () => {
    const def = rotation() as unknown as { steps: Array<Record<string, unknown>> };
    (def.steps[0] as Record<string, unknown>)['catatan/admin'] = 'x';
    const problem = theProblem(problemsOf(def), 'UNKNOWN_PROPERTY', 'verifikasi');
    expect(problem.path).toBe('/steps/0/catatan~1admin');
  });

  test('when the process key or a step id has the wrong form, then the pattern is explained', () => {
    const def = rotation();
    def.key = 'Rotasi Jabatan';
    step<ApprovalStep>(def, 'verifikasi').id = 'Verifikasi';
    const problems = problemsOf(def);
    expect(theProblem(problems, 'INVALID_PROCESS_KEY').path).toBe('/key');
    const stepId = theProblem(problems, 'INVALID_STEP_ID', 'Verifikasi');
    expect(stepId.path).toBe('/steps/0/id');
    expect(stepId.message.en).toContain('"id" "Verifikasi" is not a valid step id');
  });

  test('when a step is called "initiator", then the id is reserved', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'verifikasi').id = 'initiator';
    def.firstStep = 'initiator';
    expect(theProblem(problemsOf(def), 'RESERVED_STEP_ID', 'initiator').path).toBe('/steps/0/id');
  });

  test('when a wait has an empty until path, then it is refused as a data path', () => {
    const def = rotation();
    step<WaitStep>(def, 'tunggu-pelantikan').until = '';
    const problem = theProblem(problemsOf(def), 'INVALID_DATA_PATH', 'tunggu-pelantikan');
    expect(problem.path).toBe('/steps/6/until');
  });

  test('when a step has no id, then it is named by its position', () => {
    const def = rotation() as unknown as { steps: Array<Record<string, unknown>> };
    delete (def.steps[8] as Record<string, unknown>).id;
    const problem = theProblem(problemsOf(def), 'REQUIRED');
    expect(problem.path).toBe('/steps/8/id');
    expect(problem.stepId).toBeUndefined();
    expect(problem.message).toEqual({ id: 'Langkah ke-9: "id" wajib diisi.', en: 'Step 9: "id" is required.' });
  });

  test('when a human step has no assignees, then at least one is asked for', () => {
    const def = rotation();
    step<TaskStep>(def, 'izin-mendagri').assignees = [];
    expect(theProblem(problemsOf(def), 'TOO_FEW_ITEMS', 'izin-mendagri').path).toBe('/steps/3/assignees');
  });

  test('when the input is not an object, then it is refused at the root', () => {
    const problem = theProblem(problemsOf('rotasi'), 'WRONG_TYPE');
    expect(problem.path).toBe('');
    expect(problem.message.en).toBe('The process definition must be an object.');
  });

  test('when the shape is wrong, then the graph is not checked (no follow-on problems)', () => {
    const def = rotation();
    step<ApprovalStep>(def, 'sidang-tpk').mode = { kind: 'quorum', approvals: 0 };
    def.steps.push({ id: 'arsip', kind: 'end', name: { id: 'Diarsipkan', en: 'Archived' }, outcome: 'withdrawn' });
    expect(problemsOf(def).map((p) => p.code)).toEqual(['TOO_SMALL']);
  });
});
