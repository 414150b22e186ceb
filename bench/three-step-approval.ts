import type { ProcessDefinition } from '../processes';
import { generalApproval } from '../processes/defaults/general-approval';

export const THREE_STEP_PROCESS = 'bench-tiga-tahap';

/** Who starts the bench's cases and who decides each step, in order. */
export const THREE_STEP_INITIATOR = 'kepala.dinkes';
export const THREE_STEP_DECIDERS = [
  { stepId: 'verifikasi', login: 'bkpsdm.mutasi' },
  { stepId: 'keputusan', login: 'sekda' },
  { stepId: 'penetapan', login: 'walikota' },
] as const;

/**
 * The default general approval with a third step (the Wali Kota as PPK), deadlines and reminders
 * included, so the engine does the same per-step work as for a real process.
 */
export const threeStepApproval: ProcessDefinition = {
  ...generalApproval,
  key: THREE_STEP_PROCESS,
  name: { id: 'Persetujuan tiga tahap (bench)', en: 'Three-step approval (bench)' },
  steps: [
    ...generalApproval.steps.map((step) => (step.id === 'keputusan' && step.kind === 'approval'
      ? { ...step, returnTargets: ['initiator'], next: { approved: 'penetapan', rejected: 'ditolak' } }
      : step)),
    {
      id: 'penetapan',
      kind: 'approval',
      name: { id: 'Penetapan Wali Kota', en: 'Decision of the Wali Kota' },
      assignees: [{ kind: 'role', role: 'ppk' }],
      mode: { kind: 'single' },
      deadline: { workingDays: 5 },
      returnTargets: ['initiator'],
      next: { approved: 'disetujui', rejected: 'ditolak' },
    },
  ],
};
