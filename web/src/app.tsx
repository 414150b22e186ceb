import { lazy, Suspense, useEffect } from 'react';
import type { MouseEvent } from 'react';
import { CasePage } from './components/case-page';
import { FormsPage } from './components/forms-page';
import { InboxPage } from './components/inbox-page';
import { RequestsPage } from './components/requests-page';
import { SignInPage } from './components/sign-in-page';
import { SiteHeader } from './components/site-header';
import { StartForm } from './components/start-form';
import { StartPage } from './components/start-page';
import { I18nProvider, useI18n } from './i18n';
import { ProcessCatalogueProvider } from './process-catalogue';
import { inboxHref, parseHash, useDocumentTitle, useHash } from './routing';
import { SessionProvider, useSession } from './session';

// The editor (builder, JSON editors, preview) is for administrators only: loaded when opened.
const FormEditor = lazy(() => import('./components/form-editor').then((m) => ({ default: m.FormEditor })));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const { state } = useSession();
  const hash = useHash();

  // Hash navigation does not scroll by itself: start each page at the top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [hash]);

  // The router owns the hash, so the skip link moves focus instead of navigating.
  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }

  const content =
    state.kind === 'checking' ? (
      <p className="muted" role="status">
        {t('signIn.checking')}
      </p>
    ) : state.kind === 'signed-out' ? (
      <SignInPage lost={state.lost} error={state.error} />
    ) : (
      <Page hash={hash} />
    );

  // Everything a signed-in user sees shares one process catalogue; signing out drops it.
  const shell = (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
  return state.kind === 'signed-in' ? (
    <ProcessCatalogueProvider key={state.user.login}>{shell}</ProcessCatalogueProvider>
  ) : (
    shell
  );
}

function Page({ hash }: { hash: string }) {
  const { t } = useI18n();
  const { state } = useSession();
  const route = parseHash(hash);
  const isAdmin = state.kind === 'signed-in' && state.user.roles.includes('administrator');
  switch (route.name) {
    case 'forms':
      return isAdmin ? <FormsPage /> : <p className="notice notice-error">{t('forms.adminOnly')}</p>;
    case 'form-editor':
      return isAdmin ? (
        <Suspense fallback={<p className="muted" role="status">{t('list.loading')}</p>}>
          <FormEditor key={`${route.key}-${route.version}`} formKey={route.key} version={route.version} />
        </Suspense>
      ) : (
        <p className="notice notice-error">{t('forms.adminOnly')}</p>
      );
    case 'inbox':
      return <InboxPage />;
    case 'requests':
      return <RequestsPage />;
    case 'start':
      return <StartPage />;
    case 'start-form':
      return <StartForm key={route.processKey} processKey={route.processKey} />;
    case 'case':
      return <CasePage key={route.id} caseId={route.id} />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('page.notFound'));
  return (
    <>
      <h1>{t('page.notFound')}</h1>
      <p>
        <a href={inboxHref()}>{t('page.toInbox')}</a>
      </p>
    </>
  );
}
