import {
  formRef, trainingAssignmentLetterForm, trainingCompletionForm, trainingNominationForm, trainingVerificationForm,
} from '../../forms/defaults';
import type { ProcessDefinition } from '../model';

/**
 * Process 3, "Nominasi pelatihan" (DOMAIN.md): the proposal, linked to a competency or performance
 * gap → automatic checks (eligibility, JP this year, the unit's training budget) → the kepala OPD
 * endorses (skipped when they proposed it) → BKPSDM verifies → the cost is reserved on the unit's
 * training line (released by compensation if the case then ends rejected or withdrawn) → the head
 * of BKPSDM approves → surat tugas → the proposer reports completion with the certificate → the
 * JP are counted and the reservation becomes spending.
 */
export const trainingNomination: ProcessDefinition = {
  key: 'nominasi-pelatihan',
  version: 1,
  name: { id: 'Nominasi pelatihan / pengembangan kompetensi', en: 'Training nomination' },
  description: {
    id: 'Usulan pegawai untuk pelatihan, kursus, seminar atau tugas belajar; hak 20 JP per tahun, dibiayai dari anggaran pelatihan unit.',
    en: 'Nominating an employee for training, a course, a seminar or state-funded study; the 20 JP a year right, paid from the unit\'s training budget.',
  },
  starters: ['kepala_opd', 'bkpsdm_diklat'],
  startForm: formRef(trainingNominationForm),
  subjectNipPath: 'employeeNip',
  firstStep: 'pemeriksaan-syarat',
  steps: [
    {
      id: 'pemeriksaan-syarat',
      kind: 'effect',
      name: { id: 'Pemeriksaan syarat, JP dan anggaran', en: 'Eligibility, JP and budget checks' },
      effect: 'checkTrainingNomination',
      next: 'cabang-syarat',
    },
    {
      id: 'cabang-syarat',
      kind: 'branch',
      name: { id: 'Syarat terpenuhi?', en: 'Requirements met?' },
      cases: [
        { when: { '!': { var: 'data.nominationCheck.ok' } }, next: 'tidak-memenuhi-syarat' },
        { when: { var: 'data.endorsedByProposer' }, next: 'verifikasi-bkpsdm' },
      ],
      otherwise: 'pengesahan-kepala-opd',
    },
    {
      id: 'pengesahan-kepala-opd',
      kind: 'approval',
      name: { id: 'Persetujuan Kepala OPD', en: 'Endorsement by the head of the OPD' },
      assignees: [{ kind: 'unitHead', unit: { from: 'field', path: 'opdUnitId' } }],
      mode: { kind: 'single' },
      deadline: { workingDays: 3 },
      reminders: [{ before: { workingDays: 1 } }],
      returnTargets: ['initiator'],
      next: { approved: 'verifikasi-bkpsdm', rejected: 'ditolak' },
    },
    {
      id: 'verifikasi-bkpsdm',
      kind: 'approval',
      name: { id: 'Verifikasi BKPSDM (syarat, JP, anggaran)', en: 'BKPSDM verification (eligibility, JP, budget)' },
      assignees: [{ kind: 'role', role: 'bkpsdm_diklat' }],
      mode: { kind: 'single' },
      form: formRef(trainingVerificationForm),
      deadline: { workingDays: 3 },
      reminders: [{ before: { workingDays: 1 } }],
      returnTargets: ['initiator'],
      next: { approved: 'reservasi-anggaran', rejected: 'ditolak' },
    },
    {
      id: 'reservasi-anggaran',
      kind: 'effect',
      name: { id: 'Pencadangan anggaran pelatihan unit', en: 'The unit\'s training budget reserved' },
      effect: 'reserveTrainingBudget',
      compensate: 'releaseTrainingBudget',
      next: 'cabang-anggaran',
    },
    {
      id: 'cabang-anggaran',
      kind: 'branch',
      name: { id: 'Anggaran tersedia?', en: 'Budget available?' },
      cases: [{ when: { '!': { var: 'data.budgetReserved' } }, next: 'anggaran-tidak-cukup' }],
      otherwise: 'persetujuan-kepala-bkpsdm',
    },
    {
      id: 'persetujuan-kepala-bkpsdm',
      kind: 'approval',
      name: { id: 'Persetujuan Kepala BKPSDM', en: 'Approval by the head of BKPSDM' },
      assignees: [{ kind: 'unitHead', unit: { from: 'field', path: 'bkpsdmUnitId' } }],
      mode: { kind: 'single' },
      deadline: { workingDays: 3 },
      returnTargets: ['verifikasi-bkpsdm'],
      next: { approved: 'surat-tugas', rejected: 'ditolak' },
    },
    {
      id: 'surat-tugas',
      kind: 'task',
      name: { id: 'Penerbitan surat tugas', en: 'Assignment letter issued' },
      assignees: [{ kind: 'role', role: 'bkpsdm_diklat' }],
      form: formRef(trainingAssignmentLetterForm),
      deadline: { workingDays: 2 },
      next: 'laporan-penyelesaian',
    },
    {
      id: 'laporan-penyelesaian',
      kind: 'task',
      name: { id: 'Laporan penyelesaian dan sertifikat', en: 'Completion report and certificate' },
      assignees: [{ kind: 'initiator' }],
      allowSelfApproval: true,
      form: formRef(trainingCompletionForm),
      next: 'pencatatan-jp',
    },
    {
      id: 'pencatatan-jp',
      kind: 'effect',
      name: { id: 'Pencatatan JP dan realisasi anggaran', en: 'JP recorded and the budget spent' },
      effect: 'recordTrainingCompletion',
      next: 'selesai',
    },
    { id: 'selesai', kind: 'end', name: { id: 'Selesai', en: 'Completed' }, outcome: 'approved' },
    { id: 'ditolak', kind: 'end', name: { id: 'Ditolak', en: 'Rejected' }, outcome: 'rejected' },
    { id: 'tidak-memenuhi-syarat', kind: 'end', name: { id: 'Ditolak: syarat tidak terpenuhi', en: 'Rejected: requirements not met' }, outcome: 'rejected' },
    { id: 'anggaran-tidak-cukup', kind: 'end', name: { id: 'Ditolak: anggaran tidak cukup', en: 'Rejected: not enough budget' }, outcome: 'rejected' },
  ],
};
