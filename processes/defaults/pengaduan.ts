import {
  feedbackFollowUpForm, feedbackInformationForm, feedbackRatingForm, feedbackReportForm, feedbackResolutionForm, feedbackVerificationForm, formRef,
} from '../../forms/defaults';
import type { AssigneeRule, ProcessDefinition } from '../model';

/**
 * The system user that stands for the public: it starts every feedback case (citizens have no
 * account) and holds the citizen's rating step, which the public rating route completes. It has
 * no roles and no usable password, so nobody can sign in as it; the server creates it on the
 * first submission.
 */
export const FEEDBACK_PUBLIC_USER = 'publik';

const verifier: AssigneeRule = { kind: 'role', role: 'feedback_admin', unit: { from: 'field', path: 'receivingUnitId' } };
const handler: AssigneeRule = { kind: 'role', role: 'feedback_admin', unit: { from: 'field', path: 'handlingUnitId' } };
const inspektorat: AssigneeRule = { kind: 'role', role: 'inspektorat' };

/**
 * Process 4, "Pengaduan / masukan masyarakat" (DOMAIN.md): a citizen's report is verified by the
 * feedback admin of the receiving unit (the OPD addressed, else the central desk) within 3 working
 * days; accepted reports go to the OPD that handles them, which sets out its follow-up within 5
 * working days and answers within the category's deadline (2, 5, 14 or 60 working days, Perpres
 * 76/2013); the answer is published, the citizen rates it on the nine SKM elements, and the case
 * closes (after 10 working days of silence it closes unrated). A missed deadline escalates to the
 * Inspektorat. Deferred reports wait 10 working days for the missing information, then are archived.
 */
export const publicFeedback: ProcessDefinition = {
  key: 'pengaduan-masyarakat',
  version: 1,
  name: { id: 'Pengaduan / masukan masyarakat', en: 'Public feedback (complaints, suggestions, information requests)' },
  description: {
    id: 'Laporan warga tanpa akun (boleh anonim atau rahasia): verifikasi, disposisi ke OPD, tindak lanjut, jawaban yang diterbitkan, penilaian kepuasan (SKM).',
    en: 'A citizen\'s report without an account (optionally anonymous or confidential): verification, dispatch to the OPD, follow-up, a published answer, a satisfaction rating (SKM).',
  },
  // Nobody starts it from the app: the public feedback route starts it as FEEDBACK_PUBLIC_USER.
  starters: [],
  startForm: formRef(feedbackReportForm),
  subjectUnitPath: 'receivingUnitId',
  firstStep: 'verifikasi',
  steps: [
    {
      id: 'verifikasi',
      kind: 'task',
      name: { id: 'Verifikasi laporan', en: 'Verification of the report' },
      assignees: [verifier],
      form: formRef(feedbackVerificationForm),
      deadline: { workingDays: 3 },
      reminders: [{ before: { workingDays: 1 } }],
      escalation: { after: { workingDays: 0 }, to: inspektorat },
      next: 'catat-verifikasi',
    },
    {
      id: 'catat-verifikasi',
      kind: 'effect',
      name: { id: 'Hasil verifikasi dicatat pada tiket', en: 'Verdict recorded on the ticket' },
      effect: 'recordFeedbackVerification',
      next: 'cabang-verifikasi',
    },
    {
      id: 'cabang-verifikasi',
      kind: 'branch',
      name: { id: 'Hasil verifikasi', en: 'Verdict' },
      cases: [
        { when: { '==': [{ var: 'data.verification' }, 'DITERIMA'] }, next: 'tindak-lanjut' },
        { when: { '==': [{ var: 'data.verification' }, 'DITUNDA'] }, next: 'kelengkapan-informasi' },
        { when: { '==': [{ var: 'data.verification' }, 'BUKAN_KEWENANGAN'] }, next: 'bukan-kewenangan' },
      ],
      otherwise: 'diarsipkan',
    },
    {
      // Approve: the reporter supplied the information (recorded in the form); reject, or 10 working
      // days of silence: it never came.
      id: 'kelengkapan-informasi',
      kind: 'approval',
      name: { id: 'Menunggu kelengkapan informasi dari pelapor', en: 'Waiting for more information from the reporter' },
      assignees: [verifier],
      mode: { kind: 'any' },
      form: formRef(feedbackInformationForm),
      deadline: { workingDays: 10 },
      silenceMeans: 'rejected',
      next: { approved: 'buka-kembali', rejected: 'arsip-tanpa-informasi' },
    },
    {
      id: 'buka-kembali',
      kind: 'effect',
      name: { id: 'Laporan kembali ke verifikasi', en: 'Report back to verification' },
      effect: 'reopenFeedback',
      next: 'verifikasi',
    },
    {
      id: 'arsip-tanpa-informasi',
      kind: 'effect',
      name: { id: 'Diarsipkan: informasi tidak dilengkapi', en: 'Archived: the information never came' },
      effect: 'archiveFeedback',
      next: 'diarsipkan',
    },
    {
      id: 'tindak-lanjut',
      kind: 'task',
      name: { id: 'Tindak lanjut oleh OPD', en: 'Follow-up by the OPD' },
      assignees: [handler],
      form: formRef(feedbackFollowUpForm),
      deadline: { workingDays: 5 },
      reminders: [{ before: { workingDays: 1 } }],
      escalation: { after: { workingDays: 0 }, to: inspektorat },
      next: 'penyelesaian',
    },
    {
      id: 'penyelesaian',
      kind: 'task',
      name: { id: 'Penyelesaian dan jawaban', en: 'Resolution and answer' },
      assignees: [handler],
      form: formRef(feedbackResolutionForm),
      // 2, 5, 14 or 60 working days, by the category the verifier picked.
      deadline: { workingDaysFrom: 'resolutionDays' },
      escalation: { after: { workingDays: 0 }, to: inspektorat },
      next: 'publikasi-jawaban',
    },
    {
      id: 'publikasi-jawaban',
      kind: 'effect',
      name: { id: 'Jawaban diterbitkan kepada pelapor', en: 'Answer published to the reporter' },
      effect: 'publishFeedbackAnswer',
      next: 'penilaian-warga',
    },
    {
      // Completed by the public rating route; silence for 10 working days closes the case unrated.
      id: 'penilaian-warga',
      kind: 'approval',
      name: { id: 'Penilaian kepuasan oleh pelapor', en: 'Satisfaction rating by the reporter' },
      assignees: [{ kind: 'user', userId: FEEDBACK_PUBLIC_USER }],
      mode: { kind: 'single' },
      form: formRef(feedbackRatingForm),
      allowSelfApproval: true,
      deadline: { workingDays: 10 },
      silenceMeans: 'approved',
      next: { approved: 'penutupan', rejected: 'penutupan' },
    },
    {
      id: 'penutupan',
      kind: 'effect',
      name: { id: 'Penutupan tiket', en: 'Ticket closed' },
      effect: 'closeFeedback',
      next: 'selesai',
    },
    { id: 'selesai', kind: 'end', name: { id: 'Selesai', en: 'Completed' }, outcome: 'approved' },
    { id: 'bukan-kewenangan', kind: 'end', name: { id: 'Bukan kewenangan Pemerintah Daerah', en: 'Not within the regional government\'s remit' }, outcome: 'rejected' },
    { id: 'diarsipkan', kind: 'end', name: { id: 'Diarsipkan', en: 'Archived' }, outcome: 'rejected' },
  ],
};
