import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { PortalI18nProvider, usePortalI18n } from './i18n';
import { LANGS, messages } from './messages';
import { LookupPage } from './lookup-page';
import { ReportPage } from './report-page';
import { followLink, lookupHref, parsePath, reportHref, useDocumentTitle, usePathname } from './routing';
import { StatusPage } from './status-page';

/** The citizens' feedback portal: send a report, follow it by its tracking code, rate the answer. No sign-in. */
export function PortalApp() {
  return (
    <PortalI18nProvider>
      <Shell />
    </PortalI18nProvider>
  );
}

function Shell() {
  const { t } = usePortalI18n();
  const pathname = usePathname();
  const route = parsePath(pathname);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A new page starts at the top, with focus on its heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pathname]);

  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    main.current?.focus();
  }

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('portal.skipToContent')}
      </a>
      <header className="portal-header">
        <div className="portal-bar">
          <a className="portal-name" href={reportHref()} onClick={followLink}>
            {t('portal.name')}
          </a>
          <LanguageSwitch />
        </div>
        <nav aria-label={t('portal.nav')}>
          <a href={reportHref()} onClick={followLink} aria-current={route.name === 'report' ? 'page' : undefined}>
            {t('portal.navReport')}
          </a>
          <a href={lookupHref()} onClick={followLink} aria-current={route.name === 'lookup' || route.name === 'status' ? 'page' : undefined}>
            {t('portal.navStatus')}
          </a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.name === 'report' && <ReportPage />}
        {route.name === 'lookup' && <LookupPage />}
        {route.name === 'status' && <StatusPage key={route.code} code={route.code} />}
        {route.name === 'not-found' && <NotFound />}
      </main>
      <footer className="portal-footer">
        <p>{t('portal.noAccount')}</p>
        <p>
          <a href="/">{t('portal.staff')}</a>
        </p>
      </footer>
    </>
  );
}

/** Each language is named in itself. */
function LanguageSwitch() {
  const { lang, setLang, t } = usePortalI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === lang} onClick={() => setLang(option)}>
          {messages[option][`lang.${option}`]}
        </button>
      ))}
    </div>
  );
}

function NotFound() {
  const { t } = usePortalI18n();
  useDocumentTitle(t('page.notFound'), t('portal.name'));
  return (
    <section className="card">
      <h1 tabIndex={-1}>{t('page.notFound')}</h1>
      <p>
        <a href={reportHref()} onClick={followLink}>
          {t('page.toReport')}
        </a>
      </p>
    </section>
  );
}
