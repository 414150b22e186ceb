import {
  formRef, restructuringCentralApprovalForm, restructuringConflictForm, restructuringGubernurAnswerForm, restructuringGubernurRequestForm,
  restructuringPerkadaForm, restructuringProposalForm, restructuringReviewForm,
} from '../../forms/defaults';
import type { ProcessDefinition } from '../model';

/**
 * Process 2, "Penataan struktur" (DOMAIN.md): a kepala OPD proposes unit and position changes with
 * the anjab, ABK and academic paper; an automatic check (the OPD's own units only, no loops,
 * nothing orphaned, conversions of the right jenis jabatan) goes to Bagian Organisasi's review;
 * Sekda, Walikota; the request to the Gubernur, whose answer is due in 15 days and whose silence
 * counts as approval (PP 18/2016); where posts are converted (PermenPANRB 17/2021), KemenPANRB's
 * technical consideration and Mendagri's approval; Bagian Hukum registers the Perkada; the
 * registry follows.
 *
 * No Gubernur signs in to Alur: Bagian Organisasi, which corresponds with the province, records
 * the Gubernur's answer on the Gubernur's step (approve with the letter, reject with the reason).
 * When 15 calendar days pass with no answer recorded, the step is deemed approved.
 */
export const restructuring: ProcessDefinition = {
  key: 'penataan-struktur',
  version: 1,
  name: { id: 'Penataan struktur organisasi perangkat daerah', en: 'Restructuring of a regional government unit' },
  description: {
    id: 'Usulan pembentukan, perubahan, penggabungan atau penghapusan unit dan penyetaraan jabatan: telaah Bagian Organisasi, Sekda, Wali Kota, persetujuan Gubernur, KemenPANRB/Mendagri bila ada penyetaraan, Perkada, pembaruan registri.',
    en: 'A proposal to create, rename, merge or remove units and convert posts: Bagian Organisasi review, Sekda, Walikota, the Gubernur\'s approval, KemenPANRB/Mendagri when posts are converted, Perkada, registry update.',
  },
  starters: ['kepala_opd'],
  startForm: formRef(restructuringProposalForm),
  subjectUnitPath: 'opdUnitId',
  firstStep: 'pemeriksaan-struktur',
  steps: [
    {
      id: 'pemeriksaan-struktur',
      kind: 'effect',
      name: { id: 'Pemeriksaan usulan terhadap registri', en: 'Automatic check against the registry' },
      effect: 'checkRestructuring',
      next: 'telaah-bagian-organisasi',
    },
    {
      id: 'telaah-bagian-organisasi',
      kind: 'approval',
      name: { id: 'Telaah Bagian Organisasi (anjab, ABK, naskah akademik)', en: 'Bagian Organisasi review (job and workload analyses, academic paper)' },
      assignees: [{ kind: 'role', role: 'bagian_organisasi' }],
      mode: { kind: 'any' },
      form: formRef(restructuringReviewForm),
      deadline: { workingDays: 10 },
      reminders: [{ before: { workingDays: 2 } }],
      escalation: { after: { workingDays: 3 }, to: { kind: 'role', role: 'sekda' } },
      returnTargets: ['initiator'],
      next: { approved: 'cek-hasil-pemeriksaan', rejected: 'ditolak' },
    },
    {
      // The form refuses an approval while the check is blocking; this catches a submission that
      // said otherwise.
      id: 'cek-hasil-pemeriksaan',
      kind: 'branch',
      name: { id: 'Usulan lolos pemeriksaan?', en: 'Proposal passed the check?' },
      cases: [{ when: { var: 'data.structureCheck.blocking' }, next: 'telaah-bagian-organisasi' }],
      otherwise: 'persetujuan-sekda',
    },
    {
      id: 'persetujuan-sekda',
      kind: 'approval',
      name: { id: 'Persetujuan Sekretaris Daerah', en: 'Approval of the Regional Secretary' },
      assignees: [{ kind: 'role', role: 'sekda' }],
      mode: { kind: 'single' },
      deadline: { workingDays: 5 },
      returnTargets: ['telaah-bagian-organisasi', 'initiator'],
      next: { approved: 'persetujuan-walikota', rejected: 'ditolak' },
    },
    {
      id: 'persetujuan-walikota',
      kind: 'approval',
      name: { id: 'Persetujuan Wali Kota', en: 'Approval of the Walikota' },
      assignees: [{ kind: 'role', role: 'ppk' }],
      mode: { kind: 'single' },
      deadline: { workingDays: 5 },
      returnTargets: ['persetujuan-sekda', 'initiator'],
      next: { approved: 'permohonan-gubernur', rejected: 'ditolak' },
    },
    {
      id: 'permohonan-gubernur',
      kind: 'task',
      name: { id: 'Pengiriman permohonan persetujuan kepada Gubernur', en: 'Request sent to the Gubernur' },
      assignees: [{ kind: 'role', role: 'bagian_organisasi' }],
      form: formRef(restructuringGubernurRequestForm),
      deadline: { workingDays: 3 },
      next: 'persetujuan-gubernur',
    },
    {
      // PP 18/2016: the Gubernur answers within 15 days; no answer counts as approval.
      id: 'persetujuan-gubernur',
      kind: 'approval',
      name: { id: 'Persetujuan Gubernur (dicatat Bagian Organisasi)', en: 'Approval of the Gubernur (recorded by Bagian Organisasi)' },
      assignees: [{ kind: 'role', role: 'bagian_organisasi' }],
      mode: { kind: 'any' },
      form: formRef(restructuringGubernurAnswerForm),
      deadline: { calendarDays: 15 },
      silenceMeans: 'approved',
      reminders: [{ before: { calendarDays: 3 } }],
      returnTargets: ['initiator'],
      next: { approved: 'cabang-penyetaraan', rejected: 'ditolak' },
    },
    {
      id: 'cabang-penyetaraan',
      kind: 'branch',
      name: { id: 'Ada penyetaraan jabatan?', en: 'Posts converted?' },
      cases: [{ when: { '>': [{ var: 'data.structureCheck.summary.positionsConverted' }, 0] }, next: 'persetujuan-pusat' }],
      otherwise: 'penetapan-perkada',
    },
    {
      id: 'persetujuan-pusat',
      kind: 'approval',
      name: { id: 'Pertimbangan KemenPANRB dan persetujuan Mendagri', en: 'KemenPANRB\'s consideration and Mendagri\'s approval' },
      assignees: [{ kind: 'role', role: 'bagian_organisasi' }],
      mode: { kind: 'any' },
      form: formRef(restructuringCentralApprovalForm),
      returnTargets: ['initiator'],
      next: { approved: 'penetapan-perkada', rejected: 'ditolak' },
    },
    {
      id: 'penetapan-perkada',
      kind: 'task',
      name: { id: 'Penetapan Perkada oleh Bagian Hukum', en: 'Perkada enacted (Bagian Hukum)' },
      assignees: [{ kind: 'role', role: 'bagian_hukum' }],
      form: formRef(restructuringPerkadaForm),
      deadline: { workingDays: 10 },
      next: 'pembaruan-registri',
    },
    {
      id: 'pembaruan-registri',
      kind: 'effect',
      name: { id: 'Pembaruan registri unit, jabatan dan pegawai', en: 'Registry update (units, positions, employees)' },
      effect: 'applyRestructuring',
      next: 'cabang-registri',
    },
    {
      id: 'cabang-registri',
      kind: 'branch',
      name: { id: 'Registri berhasil diperbarui?', en: 'Registry updated?' },
      cases: [{ when: { '!': { var: 'data.restructuringApplied' } }, next: 'konflik-registri' }],
      otherwise: 'disetujui',
    },
    {
      // The registry changed since the check: Bagian Organisasi settles it, then the update runs again.
      id: 'konflik-registri',
      kind: 'task',
      name: { id: 'Menyelesaikan konflik registri', en: 'Settle the registry conflict' },
      assignees: [{ kind: 'role', role: 'bagian_organisasi' }],
      form: formRef(restructuringConflictForm),
      returnTargets: ['initiator'],
      next: 'pembaruan-registri',
    },
    { id: 'disetujui', kind: 'end', name: { id: 'Ditetapkan dan diterapkan', en: 'Enacted and applied' }, outcome: 'approved' },
    { id: 'ditolak', kind: 'end', name: { id: 'Ditolak', en: 'Rejected' }, outcome: 'rejected' },
  ],
};
