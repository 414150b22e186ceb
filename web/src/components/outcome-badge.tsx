import { useI18n } from '../i18n';
import { knownKey } from '../messages';

const TONE: Record<string, string> = { approved: 'approved', rejected: 'rejected', returned: 'open', submitted: 'open' };

/** A decision's outcome (approved, rejected, returned...) as a coloured label. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useI18n();
  const key = knownKey(`outcome.${outcome}`);
  return <span className={`badge badge-${TONE[outcome] ?? 'waiting'}`}>{key ? t(key) : outcome}</span>;
}
