import type { EntityManager } from '@mikro-orm/knex';
import { CaseRecord, FeedbackRating, OrgUnit, type FeedbackStatus, type FeedbackTicket } from '../../db';
import type { FeedbackResolutionCategory } from '../../forms/defaults/feedback-forms';
import type { Localized } from '../../processes';
import type { CaseView } from '../../workflows/case';

/**
 * What the citizen's status page shows of a ticket: where it stands, by when, and the answer. Never
 * the reporter's identity nor anything internal (notes, who handles it, the case's comments); the
 * report itself only when it is neither anonymous nor confidential.
 */
export interface PublicFeedbackView {
  trackingCode: string;
  type: { code: string; label: Localized };
  category: { code: string; label: Localized };
  submittedAt: string;
  status: FeedbackStatus;
  stage: Localized;
  /** When the ticket reached its current status. */
  since: string;
  /** The deadline of the stage the ticket is in, when it has one. */
  dueAt: string | null;
  /** The office that handles the ticket, once dispatched. */
  handlingUnit: { id: number; name: string } | null;
  resolution: { category: string; label: Localized; workingDays: number | null } | null;
  /** The verifier's message to the reporter (what is missing, or where to turn). */
  note: string | null;
  message: string | null;
  answer: { text: string; answeredAt: string } | null;
  rating: { open: boolean; ratedAt: string | null };
}

const TYPE_LABELS: Record<string, Localized> = {
  ASPIRASI: { id: 'Aspirasi', en: 'Suggestion' },
  PENGADUAN: { id: 'Pengaduan', en: 'Complaint' },
  PERMINTAAN_INFORMASI: { id: 'Permintaan informasi', en: 'Information request' },
};

const TOPIC_LABELS: Record<string, Localized> = {
  PELAYANAN_PUBLIK: { id: 'Pelayanan publik', en: 'Public service' },
  PERILAKU_PEGAWAI: { id: 'Perilaku pegawai (ASN)', en: 'Conduct of civil servants' },
  KEPEGAWAIAN: { id: 'Kepegawaian', en: 'Civil-service matters' },
  SARANA_PRASARANA: { id: 'Sarana dan prasarana', en: 'Facilities' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
};

const RESOLUTION_LABELS: Record<FeedbackResolutionCategory, Localized> = {
  SEDERHANA: { id: 'Sederhana', en: 'Simple' },
  NORMATIF: { id: 'Normatif', en: 'Normative' },
  TANPA_PEMERIKSAAN: { id: 'Tanpa pemeriksaan lapangan', en: 'No field inspection needed' },
  PERLU_PEMERIKSAAN: { id: 'Perlu pemeriksaan lapangan', en: 'Field inspection needed' },
};

export const STAGE_LABELS: Record<FeedbackStatus, Localized> = {
  RECEIVED: { id: 'Diterima; sedang diverifikasi petugas.', en: 'Received; being verified.' },
  NEEDS_INFORMATION: {
    id: 'Ditunda: petugas memerlukan informasi tambahan dari Anda (lihat pesan petugas).',
    en: 'On hold: more information from you is needed (see the officer\'s message).',
  },
  IN_PROGRESS: { id: 'Diteruskan ke perangkat daerah dan sedang ditindaklanjuti.', en: 'Sent to the government office concerned and being followed up.' },
  ANSWERED: { id: 'Sudah dijawab. Silakan beri penilaian atas jawaban ini.', en: 'Answered. Please rate the answer.' },
  CLOSED: { id: 'Selesai.', en: 'Closed.' },
  NOT_IN_REMIT: {
    id: 'Ditutup: bukan kewenangan Pemerintah Daerah (lihat pesan petugas).',
    en: 'Closed: not within the regional government\'s remit (see the officer\'s message).',
  },
  ARCHIVED: { id: 'Diarsipkan (lihat pesan petugas).', en: 'Archived (see the officer\'s message).' },
};

/** The status page of a ticket, read from the ticket and, for the current deadline, the case's projection. */
export async function publicFeedbackView(em: EntityManager, ticket: FeedbackTicket): Promise<PublicFeedbackView> {
  const [caseRow, unit, rating] = await Promise.all([
    ticket.caseId ? em.findOne(CaseRecord, { id: ticket.caseId }) : null,
    ticket.handlingUnitId ? em.findOne(OrgUnit, { id: ticket.handlingUnitId }) : null,
    em.findOne(FeedbackRating, { ticketId: ticket.id }),
  ]);
  const category = ticket.resolutionCategory as FeedbackResolutionCategory | null;
  const open = ticket.status !== 'CLOSED' && ticket.status !== 'NOT_IN_REMIT' && ticket.status !== 'ARCHIVED';
  return {
    trackingCode: ticket.trackingCode,
    type: { code: ticket.type, label: TYPE_LABELS[ticket.type] ?? { id: ticket.type, en: ticket.type } },
    category: { code: ticket.category, label: TOPIC_LABELS[ticket.category] ?? { id: ticket.category, en: ticket.category } },
    submittedAt: ticket.createdAt.toISOString(),
    status: ticket.status,
    stage: STAGE_LABELS[ticket.status],
    since: (ticket.statusChangedAt ?? ticket.createdAt).toISOString(),
    dueAt: open ? currentDeadline(caseRow) : null,
    handlingUnit: unit ? { id: unit.id, name: unit.name } : null,
    resolution: category
      ? { category, label: RESOLUTION_LABELS[category] ?? { id: category, en: category }, workingDays: ticket.resolutionDays }
      : null,
    note: ticket.publicNote,
    message: ticket.anonymous || ticket.confidential ? null : ticket.message,
    answer: ticket.answer && ticket.answeredAt ? { text: ticket.answer, answeredAt: ticket.answeredAt.toISOString() } : null,
    rating: { open: ticket.status === 'ANSWERED' && !rating, ratedAt: rating ? rating.ratedAt.toISOString() : null },
  };
}

/** The deadline of the open case's current step, as projected; null before the case got there. */
export function currentDeadline(row: CaseRecord | null): string | null {
  if (!row || row.status !== 'open') return null;
  const current = (row.state as unknown as Partial<CaseView>).current;
  return current && !current.outcome && typeof current.deadline === 'string' ? current.deadline : null;
}
