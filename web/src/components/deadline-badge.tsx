import { useI18n } from '../i18n';

const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export type DeadlineTone = 'on-time' | 'due-soon' | 'overdue';

export function deadlineTone(dueAt: string, now: number = Date.now()): DeadlineTone {
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left < DUE_SOON_MS ? 'due-soon' : 'on-time';
}

const LABEL = { 'on-time': 'deadline.onTime', 'due-soon': 'deadline.dueSoon', overdue: 'deadline.overdue' } as const;

/** "On time / due soon (< 24 h) / overdue" and the deadline itself; nothing when there is none. */
export function DeadlineBadge({
  dueAt,
  showNone = false,
  labelled = true,
}: {
  dueAt: string | null | undefined;
  showNone?: boolean;
  /** false where a heading already says "deadline": show the date alone. */
  labelled?: boolean;
}) {
  const { t, formatDate } = useI18n();
  if (!dueAt) return showNone ? <span className="muted">{t('deadline.none')}</span> : null;
  const tone = deadlineTone(dueAt);
  return (
    <span className="deadline">
      <span className={`badge badge-${tone}`}>{t(LABEL[tone])}</span>{' '}
      <span className="muted">{labelled ? t('deadline.due', { date: formatDate(dueAt) }) : formatDate(dueAt)}</span>
    </span>
  );
}
