import type { CaseStatus } from '../api';
import { useI18n } from '../i18n';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
