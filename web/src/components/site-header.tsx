import { useState } from 'react';
import { useI18n } from '../i18n';
import { knownKey } from '../messages';
import type { MessageKey } from '../messages';
import {
  absenceHref, adminCalendarHref, adminElectionFreezeHref, adminUsersHref, dashboardHref, formsHref, inboxHref, parseHash, processesHref, requestsHref, startHref, useHash,
} from '../routing';
import { DASHBOARD_ROLES } from './dashboard/dashboard-api';
import { NotificationBell } from './notification-bell';
import { useSession } from '../session';
import type { Route } from '../routing';
import { HealthPill } from './health-pill';
import { LanguageSwitch } from './language-switch';

export function SiteHeader() {
  const { t } = useI18n();
  const { state } = useSession();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a className="brand" href={inboxHref()}>
          {t('app.name')}
        </a>
        {state.kind === 'signed-in' && <NotificationBell key={state.user.login} />}
        {state.kind === 'signed-in' ? <UserMenu /> : <HealthPill />}
        <LanguageSwitch />
      </div>
      {state.kind === 'signed-in' && <MainNav />}
    </header>
  );
}

function UserMenu() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const [leaving, setLeaving] = useState(false);
  if (state.kind !== 'signed-in') return null;
  const { user } = state;
  return (
    <div className="user-menu">
      <div className="user-identity">
        <span className="user-name">{user.displayName}</span>
        <span className="user-roles">
          <span className="visually-hidden">{t('user.roles')}: </span>
          {user.roles.map((role) => <RoleLabel key={role} role={role} />)}
        </span>
      </div>
      <button
        type="button"
        className="button-secondary button-small"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut().finally(() => setLeaving(false));
        }}
      >
        {leaving ? t('user.signingOut') : t('user.signOut')}
      </button>
    </div>
  );
}

export function RoleLabel({ role }: { role: string }) {
  const { t } = useI18n();
  const key = knownKey(`role.${role}`);
  return <span className="role">{key ? t(key) : role}</span>;
}

/** An entry with `role` shows for that role only; with `roles`, for any of them. */
const NAV: Array<{ href: string; label: MessageKey; matches: Route['name'][]; role?: string; roles?: readonly string[] }> = [
  { href: inboxHref(), label: 'nav.inbox', matches: ['inbox'] },
  { href: requestsHref(), label: 'nav.requests', matches: ['requests'] },
  { href: startHref(), label: 'nav.start', matches: ['start', 'start-form'] },
  { href: dashboardHref(), label: 'nav.dashboard', matches: ['dashboard', 'jp-report'], roles: DASHBOARD_ROLES },
  { href: absenceHref(), label: 'nav.absence', matches: ['absence'] },
  { href: formsHref(), label: 'nav.forms', matches: ['forms', 'form-editor'], role: 'administrator' },
  { href: processesHref(), label: 'nav.processes', matches: ['processes', 'process'], role: 'administrator' },
  { href: adminUsersHref(), label: 'nav.users', matches: ['admin-users'], role: 'administrator' },
  { href: adminCalendarHref(), label: 'nav.calendar', matches: ['admin-calendar'], role: 'administrator' },
  { href: adminElectionFreezeHref(), label: 'nav.electionFreeze', matches: ['admin-election-freeze'], role: 'administrator' },
];

function MainNav() {
  const { t } = useI18n();
  const route = parseHash(useHash());
  const { state } = useSession();
  const roles = state.kind === 'signed-in' ? state.user.roles : [];
  return (
    <div className="main-nav-bar">
      <nav className="main-nav" aria-label={t('nav.label')}>
        <ul>
          {NAV.filter((item) => (!item.role || roles.includes(item.role)) && (!item.roles || item.roles.some((role) => roles.includes(role)))).map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={item.matches.includes(route.name) ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <HealthPill />
    </div>
  );
}
