import type { NotificationKind } from './notifications';

type Language = 'id' | 'en';

const OUTCOMES: Record<string, Record<Language, string>> = {
  approved: { id: 'disetujui', en: 'approved' },
  rejected: { id: 'ditolak', en: 'rejected' },
  submitted: { id: 'diselesaikan', en: 'completed' },
  withdrawn: { id: 'ditarik kembali', en: 'withdrawn' },
  expired: { id: 'kedaluwarsa', en: 'expired' },
};

export interface NotificationText {
  subject: string;
  text: string;
}

/**
 * The words of a notification in the reader's language, with a link to the case. People are named
 * by `nameOf` (their display name), by login without it.
 */
export function notificationText(
  kind: NotificationKind,
  n: { caseId: string; caseTitle: string; actor: string | null; params: Record<string, unknown> },
  language: Language,
  appUrl: string,
  nameOf: (login: string) => string = (login) => login,
): NotificationText {
  const actor = n.actor ? nameOf(n.actor) : '';
  const step = (n.params.stepName as { id: string; en: string } | null)?.[language] ?? '';
  const outcome = OUTCOMES[String(n.params.outcome)]?.[language] ?? String(n.params.outcome ?? '');
  const deadline = typeof n.params.deadline === 'string' ? formatDate(n.params.deadline, language) : null;
  const link = `${appUrl.replace(/\/$/, '')}/#/cases/${encodeURIComponent(n.caseId)}`;
  const title = n.caseTitle;
  const id = language === 'id';
  let subject: string;
  let body: string;
  switch (kind) {
    case 'task.assigned':
      subject = id ? `Tugas baru: ${title}` : `New task: ${title}`;
      body = id ? `Anda mendapat tugas "${step}" pada kasus "${title}".` : `You have a new task "${step}" on the case "${title}".`;
      if (n.params.substituteFor) body += id ? ` Anda menggantikan ${nameOf(String(n.params.substituteFor))} yang sedang berhalangan.` : ` You stand in for ${nameOf(String(n.params.substituteFor))}, who is absent.`;
      if (deadline) body += id ? ` Batas waktu: ${deadline}.` : ` Deadline: ${deadline}.`;
      break;
    case 'task.reminder':
      subject = id ? `Pengingat: ${title}` : `Reminder: ${title}`;
      body = id ? `Tugas "${step}" pada kasus "${title}" belum diselesaikan${deadline ? `; batas waktunya ${deadline}` : ''}.` : `The task "${step}" on the case "${title}" is still open${deadline ? `; it is due ${deadline}` : ''}.`;
      break;
    case 'task.escalated':
      subject = id ? `Eskalasi: ${title}` : `Escalation: ${title}`;
      body = id ? `Tugas "${step}" pada kasus "${title}" melewati batas waktu dan dialihkan juga kepada Anda.` : `The task "${step}" on the case "${title}" is overdue and now reaches you too.`;
      break;
    case 'task.delegated':
      subject = id ? `Tugas dilimpahkan kepada Anda: ${title}` : `A task was handed to you: ${title}`;
      body = id ? `${actor} melimpahkan tugas "${step}" pada kasus "${title}" kepada Anda.` : `${actor} handed you the task "${step}" on the case "${title}".`;
      break;
    case 'case.decided':
      subject = id ? `Keputusan pada usulan Anda: ${title}` : `A decision on your case: ${title}`;
      body = id ? `Langkah "${step}" pada kasus "${title}" telah ${outcome} oleh ${actor}.` : `${actor} ${outcome} the step "${step}" of the case "${title}".`;
      break;
    case 'case.returned':
      subject = id ? `Usulan dikembalikan untuk diperbaiki: ${title}` : `Your case was returned for revision: ${title}`;
      body = id ? `${actor} mengembalikan kasus "${title}" kepada Anda untuk diperbaiki.` : `${actor} returned the case "${title}" to you for revision.`;
      break;
    case 'case.closed':
      subject = id ? `Kasus selesai (${outcome}): ${title}` : `Case closed (${outcome}): ${title}`;
      body = id ? `Kasus "${title}" telah selesai: ${outcome}.` : `The case "${title}" has closed: ${outcome}.`;
      break;
  }
  const comment = typeof n.params.comment === 'string' && n.params.comment ? `\n\n${id ? 'Catatan' : 'Comment'}: ${n.params.comment}` : '';
  return { subject, text: `${body}${comment}\n\n${id ? 'Buka kasus' : 'Open the case'}: ${link}\n\n— Alur` };
}

/** Built once per language: creating an Intl.DateTimeFormat costs far more than formatting with it. */
const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }),
};

function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (language === 'id' ? DATE_FORMATS.id : DATE_FORMATS.en).format(date);
}
