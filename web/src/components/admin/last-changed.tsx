import { useI18n } from '../../i18n';
import { usePeople } from '../../people';

/** "Last changed by <name>, <when>", the login in the tooltip. */
export function LastChanged({ who, when }: { who: string; when: string }) {
  const { t, formatDate } = useI18n();
  const { nameOf } = usePeople([who]);
  return (
    <p className="muted admin-audit" title={who}>
      {t('admin.lastChanged', { who: nameOf(who), when: formatDate(when) })}
    </p>
  );
}
