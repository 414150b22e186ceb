import { useI18n } from '../i18n';
import { useFreshProcesses } from '../process-catalogue';
import { startFormHref, useDocumentTitle } from '../routing';
import { ErrorNotice } from './error-notice';

/** The processes this user may start, each leading to its start form; the list is read afresh on every visit. */
export function StartPage() {
  const { t, pick } = useI18n();
  const { processes, error } = useFreshProcesses();
  useDocumentTitle(t('start.title'));
  const startable = processes?.filter((p) => p.canStart) ?? [];

  return (
    <>
      <h1>{t('start.title')}</h1>
      <p className="muted">{t('start.intro')}</p>
      {!processes && !error && (
        <p className="muted" role="status">
          {t('list.loading')}
        </p>
      )}
      <ErrorNotice error={error} />
      {processes && startable.length === 0 && <p className="card muted">{t('start.none')}</p>}
      {startable.length > 0 && (
        <ul className="process-list">
          {startable.map((process) => (
            <li key={process.key} className="card process-card">
              <h2>{pick(process.name, process.key)}</h2>
              <p className="muted">{t('start.version', { n: process.version })}</p>
              {process.description && <p>{pick(process.description)}</p>}
              <a
                className="button-link"
                href={startFormHref(process.key)}
                aria-label={`${t('start.choose')}: ${pick(process.name, process.key)}`}
              >
                {t('start.choose')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
