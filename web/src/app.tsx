import { lazy, Suspense, useEffect } from 'react';
import type { MouseEvent } from 'react';
import { CasePage } from './components/case-page';
import { canReadDashboard } from './components/dashboard/dashboard-api';
import { FormsPage } from './components/forms-page';
import { InboxPage } from './components/inbox-page';
import { RequestsPage } from './components/requests-page';
import { SignInPage } from './components/sign-in-page';
import { SiteHeader } from './components/site-header';
import { StartForm } from './components/start-form';
import { StartPage } from './components/start-page';
import { I18nProvider, useI18n } from './i18n';
import { PeopleProvider } from './people';
import { ProcessCatalogueProvider } from './process-catalogue';
import { inboxHref, parseHash, useDocumentTitle, useHash } from './routing';
import { SessionProvider, useSession } from './session';

// The editor (builder, JSON editors, preview) is for administrators only: loaded when opened.
const FormEditor = lazy(() => import('./components/form-editor').then((m) => ({ default: m.FormEditor })));
// The process catalogue (diagram, definition editor): administrators only, loaded when opened.
const ProcessesPage = lazy(() => import('./components/processes').then((m) => ({ default: m.ProcessesPage })));
const ProcessPage = lazy(() => import('./components/processes').then((m) => ({ default: m.ProcessPage })));
// Administration and "my absence" pages: one chunk, loaded when first opened.
const UsersPage = lazy(() => import('./components/admin').then((m) => ({ default: m.UsersPage })));
const CalendarPage = lazy(() => import('./components/admin').then((m) => ({ default: m.CalendarPage })));
const ElectionFreezePage = lazy(() => import('./components/admin').then((m) => ({ default: m.ElectionFreezePage })));
const AbsencePage = lazy(() => import('./components/admin').then((m) => ({ default: m.AbsencePage })));
// The dashboard and the 20-JP report (charts, tables): loaded when opened, for the roles that read them.
const DashboardPage = lazy(() => import('./components/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const JpReportPage = lazy(() => import('./components/dashboard/jp-report-page').then((m) => ({ default: m.JpReportPage })));

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

  // Everything a signed-in user sees shares one process catalogue and one directory of names; signing out drops them.
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
    <ProcessCatalogueProvider key={state.user.login}>
      <PeopleProvider key={state.user.login}>{shell}</PeopleProvider>
    </ProcessCatalogueProvider>
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
    case 'processes':
    case 'process':
      if (!isAdmin) return <p className="notice notice-error">{t('processes.adminOnly')}</p>;
      return (
        <Suspense fallback={<p className="muted" role="status">{t('list.loading')}</p>}>
          {route.name === 'processes' ? <ProcessesPage /> : <ProcessPage key={route.key} processKey={route.key} />}
        </Suspense>
      );
    case 'admin-users':
    case 'admin-calendar':
    case 'admin-election-freeze': {
      if (!isAdmin) return <p className="notice notice-error">{t('admin.adminOnly')}</p>;
      const AdminPage = route.name === 'admin-users' ? UsersPage : route.name === 'admin-calendar' ? CalendarPage : ElectionFreezePage;
      return (
        <Suspense fallback={<p className="muted" role="status">{t('list.loading')}</p>}>
          <AdminPage />
        </Suspense>
      );
    }
    case 'absence':
      return (
        <Suspense fallback={<p className="muted" role="status">{t('list.loading')}</p>}>
          <AbsencePage />
        </Suspense>
      );
    case 'dashboard':
    case 'jp-report': {
      if (state.kind !== 'signed-in' || !canReadDashboard(state.user.roles)) return <p className="notice notice-error">{t('dashboard.forbidden')}</p>;
      return (
        <Suspense fallback={<p className="muted" role="status">{t('list.loading')}</p>}>
          {route.name === 'dashboard' ? <DashboardPage /> : <JpReportPage />}
        </Suspense>
      );
    }
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
