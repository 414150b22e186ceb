import { formRef, temporaryAssignmentOrderForm, temporaryAssignmentProposalForm } from '../../forms/defaults';
import type { ProcessDefinition } from '../model';

/**
 * Process 5, "Penugasan sementara (Plt / Plh / penugasan darurat)" (DOMAIN.md): checks (level,
 * Plt length, the post's other assignments) → the higher official's order → the assignment is
 * recorded → the case waits durably until the end date (managers may extend it or end it early)
 * → the assignment is ended.
 */
export const temporaryAssignment: ProcessDefinition = {
  key: 'penugasan-sementara',
  version: 1,
  name: { id: 'Penugasan sementara (Plt / Plh / darurat)', en: 'Temporary assignment (Plt / Plh / emergency)' },
  description: {
    id: 'Surat perintah pejabat atasan untuk Pelaksana Tugas, Pelaksana Harian atau satuan tugas darurat, berakhir otomatis pada tanggal selesai.',
    en: 'An order of the higher official appointing an acting official (Plt/Plh) or an emergency task force, ending by itself on its end date.',
  },
  starters: ['kepala_opd', 'bkpsdm_mutasi', 'sekda'],
  startForm: formRef(temporaryAssignmentProposalForm),
  subjectNipPath: 'appointeeNips.0',
  subjectUnitPath: 'unitId',
  firstStep: 'pemeriksaan-syarat',
  steps: [
    {
      id: 'pemeriksaan-syarat',
      kind: 'effect',
      name: { id: 'Pemeriksaan syarat (jenjang, jangka waktu)', en: 'Checks (level, duration)' },
      effect: 'checkTemporaryAssignment',
      next: 'cabang-syarat',
    },
    {
      id: 'cabang-syarat',
      kind: 'branch',
      name: { id: 'Syarat terpenuhi?', en: 'Requirements met?' },
      cases: [{ when: { '!': { var: 'data.assignmentCheck.ok' } }, next: 'tidak-memenuhi-syarat' }],
      otherwise: 'cabang-pejabat',
    },
    {
      id: 'cabang-pejabat',
      kind: 'branch',
      name: { id: 'Pejabat penandatangan surat perintah', en: 'Who signs the order' },
      cases: [{ when: { var: 'data.approverUnitId' }, next: 'surat-perintah-atasan' }],
      otherwise: 'surat-perintah-sekda',
    },
    {
      id: 'surat-perintah-atasan',
      kind: 'approval',
      name: { id: 'Surat perintah pejabat atasan', en: 'Order of the higher official' },
      assignees: [{ kind: 'unitHead', unit: { from: 'field', path: 'approverUnitId' } }],
      mode: { kind: 'single' },
      form: formRef(temporaryAssignmentOrderForm),
      deadline: { workingDays: 2 },
      returnTargets: ['initiator'],
      next: { approved: 'penetapan', rejected: 'ditolak' },
    },
    {
      id: 'surat-perintah-sekda',
      kind: 'approval',
      name: { id: 'Surat perintah Sekretaris Daerah', en: 'Order of the Regional Secretary' },
      assignees: [{ kind: 'role', role: 'sekda' }],
      mode: { kind: 'single' },
      form: formRef(temporaryAssignmentOrderForm),
      deadline: { workingDays: 2 },
      returnTargets: ['initiator'],
      next: { approved: 'penetapan', rejected: 'ditolak' },
    },
    {
      id: 'penetapan',
      kind: 'effect',
      name: { id: 'Pencatatan penugasan di registri', en: 'Assignment recorded in the registry' },
      effect: 'applyTemporaryAssignment',
      next: 'masa-penugasan',
    },
    {
      id: 'masa-penugasan',
      kind: 'wait',
      name: { id: 'Masa penugasan', en: 'Assignment period' },
      until: 'endsAt',
      managers: [{ kind: 'unitHead', unit: { from: 'field', path: 'approverUnitId' } }, { kind: 'role', role: 'bkpsdm_mutasi' }],
      // A Plt lasts at most 3 months, extendable once by at most 3 more (SE BKN 1/SE/I/2021).
      extensionLimit: { when: { '==': [{ var: 'data.kind' }, 'PLT'] }, count: 1, eachAtMostMonths: 3 },
      next: 'pengakhiran',
    },
    {
      id: 'pengakhiran',
      kind: 'effect',
      name: { id: 'Pengakhiran penugasan', en: 'Assignment ended' },
      effect: 'revertTemporaryAssignment',
      next: 'selesai',
    },
    { id: 'selesai', kind: 'end', name: { id: 'Selesai', en: 'Completed' }, outcome: 'approved' },
    { id: 'ditolak', kind: 'end', name: { id: 'Ditolak', en: 'Rejected' }, outcome: 'rejected' },
    { id: 'tidak-memenuhi-syarat', kind: 'end', name: { id: 'Ditolak: syarat tidak terpenuhi', en: 'Rejected: requirements not met' }, outcome: 'rejected' },
  ],
};
