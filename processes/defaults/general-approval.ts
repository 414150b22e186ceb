import type { ProcessDefinition } from '../model';

/**
 * A two-step approval any officer can start: BKPSDM verifies, the Sekda decides. A simple
 * default until the five ASN processes arrive, and the shape they follow.
 */
export const generalApproval: ProcessDefinition = {
  key: 'persetujuan-umum',
  version: 1,
  name: { id: 'Persetujuan umum', en: 'General approval' },
  description: {
    id: 'Usulan yang diverifikasi BKPSDM lalu diputuskan Sekretaris Daerah.',
    en: 'A proposal verified by BKPSDM, then decided by the Regional Secretary.',
  },
  starters: ['kepala_opd', 'bkpsdm_mutasi', 'bkpsdm_diklat', 'bagian_organisasi', 'administrator'],
  firstStep: 'verifikasi',
  steps: [
    {
      id: 'verifikasi',
      kind: 'approval',
      name: { id: 'Verifikasi BKPSDM', en: 'BKPSDM verification' },
      assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }],
      mode: { kind: 'any' },
      deadline: { workingDays: 3 },
      reminders: [{ before: { workingDays: 1 } }],
      escalation: { after: { workingDays: 2 }, to: { kind: 'role', role: 'administrator' } },
      returnTargets: ['initiator'],
      next: { approved: 'keputusan', rejected: 'ditolak' },
    },
    {
      id: 'keputusan',
      kind: 'approval',
      name: { id: 'Keputusan Sekda', en: 'Decision of the Sekda' },
      assignees: [{ kind: 'role', role: 'sekda' }],
      mode: { kind: 'single' },
      deadline: { workingDays: 5 },
      returnTargets: ['initiator', 'verifikasi'],
      next: { approved: 'disetujui', rejected: 'ditolak' },
    },
    { id: 'disetujui', kind: 'end', name: { id: 'Disetujui', en: 'Approved' }, outcome: 'approved' },
    { id: 'ditolak', kind: 'end', name: { id: 'Ditolak', en: 'Rejected' }, outcome: 'rejected' },
  ],
};
