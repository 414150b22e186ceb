import { useEffect, useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { knownKey } from '../../messages';
import type { Lang } from '../../messages';
import { useDocumentTitle } from '../../routing';
import { useUser } from '../../session';
import { usePagedList } from '../../use-paged-list';
import { ErrorNotice, FieldError } from '../error-notice';
import { RoleLabel } from '../site-header';
import { LastChanged } from './last-changed';
import { AbsenceEditor, AbsenceSummary } from './absence-editor';
import { createUser, getUnitTree, listUsers, resetPassword, ROLES, updateUser } from './admin-api';
import type { AdminUser, UnitNode } from './admin-api';
import { useDayFormat } from './day-format';
import { TextField } from './text-field';
import './admin.css';

interface UnitOption {
  id: number;
  label: string;
}

/** Administrators' list of users: search, roles, a new user, and each user's settings. */
export function UsersPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('users.title'));
  const id = useId();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [reloads, setReloads] = useState(0);
  const [saved, setSaved] = useState<Record<number, AdminUser>>({});
  const [editing, setEditing] = useState<number | null>(null);
  const units = useUnitOptions();

  // The list asks again a moment after typing stops, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const list = usePagedList<AdminUser>(
    (cursor, signal) => listUsers(lang, { search, role, cursor, limit: 25 }, signal),
    `${search}|${role}|${reloads}`,
  );

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="muted">{t('users.intro')}</p>
      <NewUserForm units={units} onCreated={(user) => {
        setSearchText(user.login);
        setSearch(user.login);
        setReloads((n) => n + 1);
      }} />
      <div className="admin-filters" role="search">
        <TextField id={`${id}-search`} name="search" type="search" label={t('users.search')} value={searchText} onChange={setSearchText} />
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('users.roleFilter')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((r) => <option key={r} value={r}>{roleName(t, r)}</option>)}
          </select>
        </div>
      </div>
      <ErrorNotice error={list.error} onRetry={list.retry} />
      {list.loaded && list.items.length === 0 && <p className="card muted">{t('users.none')}</p>}
      <ul className="admin-list">
        {list.items.map((listed) => {
          const user = saved[listed.id] ?? listed;
          return (
            <li key={user.id} className="card">
              <UserSummary user={user} />
              {!user.system && (
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-expanded={editing === user.id}
                  aria-controls={`${id}-edit-${user.id}`}
                  onClick={() => setEditing(editing === user.id ? null : user.id)}
                >
                  {editing === user.id ? t('admin.close') : t('users.edit', { name: user.displayName })}
                </button>
              )}
              {user.system && <p className="muted">{t('users.systemNote')}</p>}
              {editing === user.id && (
                <div id={`${id}-edit-${user.id}`}>
                  <UserEditor user={user} units={units} onSaved={(next) => setSaved((all) => ({ ...all, [next.id]: next }))} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {list.loading && <p className="muted" role="status">{t('list.loading')}</p>}
      {list.hasMore && (
        <button type="button" className="button-secondary" onClick={list.loadMore} disabled={list.loading}>{t('list.loadMore')}</button>
      )}
    </>
  );
}

function roleName(t: ReturnType<typeof useI18n>['t'], role: string): string {
  const key = knownKey(`role.${role}`);
  return key ? t(key) : role;
}

function UserSummary({ user }: { user: AdminUser }) {
  const { t } = useI18n();
  const { day } = useDayFormat();
  return (
    <div className="admin-summary">
      <h2 className="admin-item-title">
        {user.displayName} <span className="muted admin-login">({user.login})</span>
      </h2>
      <p className="item-meta">
        {user.system && <span className="badge">{t('users.system')}</span>}
        {!user.active && <span className="badge badge-rejected">{t('users.inactive')}</span>}
        <span className="user-roles">
          {user.roles.length === 0 ? t('users.noRoles') : user.roles.map((role) => <RoleLabel key={role} role={role} />)}
        </span>
        {user.unitScope && <span>{user.unitScope.name}</span>}
        {user.absence && <span className="badge badge-substitute">{t('users.absentUntil', { start: day(user.absence.start), end: day(user.absence.end) })}</span>}
      </p>
      {user.updatedBy && user.updatedAt && (
        <LastChanged who={user.updatedBy} when={user.updatedAt} />
      )}
    </div>
  );
}

/** The unit tree flattened for a select, each unit indented under its parent. */
function useUnitOptions(): UnitOption[] {
  const { lang } = useI18n();
  const [tree, setTree] = useState<UnitNode[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    // Without units the select only offers "no unit"; the server still checks what is sent.
    getUnitTree(lang, abort.signal).then(setTree).catch(() => undefined);
    return () => abort.abort();
  }, [lang]);
  return useMemo(() => {
    const out: UnitOption[] = [];
    const walk = (nodes: UnitNode[], depth: number) => {
      for (const node of nodes) {
        out.push({ id: node.id, label: `${'\u00a0\u00a0'.repeat(depth)}${node.name}` });
        walk(node.children, depth + 1);
      }
    };
    walk(tree, 0);
    return out;
  }, [tree]);
}

interface AccountFieldsProps {
  idPrefix: string;
  roles: string[];
  setRoles: (roles: string[]) => void;
  unitScopeId: string;
  setUnitScopeId: (value: string) => void;
  language: Lang;
  setLanguage: (value: Lang) => void;
  units: UnitOption[];
  error: ApiError | null;
}

/** Roles, unit scope and language: the same controls when creating and when changing a user. */
function AccountFields({ idPrefix, roles, setRoles, unitScopeId, setUnitScopeId, language, setLanguage, units, error }: AccountFieldsProps) {
  const { t } = useI18n();
  const toggle = (role: string, on: boolean) => setRoles(on ? [...roles, role] : roles.filter((r) => r !== role));
  return (
    <>
      <fieldset className="field admin-roles" aria-describedby={`${idPrefix}-roles-hint${error?.fields.roles ? ` ${idPrefix}-roles-error` : ''}`}>
        <legend>{t('users.roles')}</legend>
        <p id={`${idPrefix}-roles-hint`} className="hint admin-hint">{t('users.rolesHint')}</p>
        {ROLES.map((role) => (
          <label key={role} className="field-check admin-check">
            <input type="checkbox" name="roles" value={role} checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
            {roleName(t, role)}
          </label>
        ))}
        <FieldError id={`${idPrefix}-roles-error`} messages={error?.fields.roles} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-unit`}>{t('users.unitScope')}</label>
        <select
          id={`${idPrefix}-unit`}
          name="unitScopeId"
          value={unitScopeId}
          onChange={(e) => setUnitScopeId(e.target.value)}
          aria-invalid={error?.fields.unitScopeId ? true : undefined}
          aria-describedby={error?.fields.unitScopeId ? `${idPrefix}-unit-error` : undefined}
        >
          <option value="">{t('users.noUnit')}</option>
          {units.map((u) => <option key={u.id} value={String(u.id)}>{u.label}</option>)}
        </select>
        <FieldError id={`${idPrefix}-unit-error`} messages={error?.fields.unitScopeId} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-language`}>{t('users.language')}</label>
        <select id={`${idPrefix}-language`} name="language" value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'id')}>
          <option value="id">{t('lang.id')}</option>
          <option value="en">{t('lang.en')}</option>
        </select>
        <FieldError id={`${idPrefix}-language-error`} messages={error?.fields.language} />
      </div>
    </>
  );
}

const NEW_USER_FIELDS = ['login', 'displayName', 'password', 'roles', 'unitScopeId', 'language', 'email'];

function NewUserForm({ units, onCreated }: { units: UnitOption[]; onCreated: (user: AdminUser) => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [unitScopeId, setUnitScopeId] = useState('');
  const [language, setLanguage] = useState<Lang>('id');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const created = await createUser(lang, {
        login: login.trim(), displayName, password, roles, unitScopeId: unitScopeId ? Number(unitScopeId) : null, language, email: email.trim() || null,
      });
      setStatus(t('users.created', { login: created.login }));
      setLogin('');
      setDisplayName('');
      setPassword('');
      setEmail('');
      setRoles([]);
      setUnitScopeId('');
      onCreated(created);
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
    setBusy(false);
  }

  return (
    <details className="card admin-section">
      <summary className="admin-summary-toggle">{t('users.new')}</summary>
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('users.new')}>
        <TextField id={`${id}-login`} name="login" label={t('users.login')} hint={t('users.loginHint')} value={login} onChange={setLogin} errors={error?.fields.login} />
        <TextField id={`${id}-name`} name="displayName" label={t('users.displayName')} value={displayName} onChange={setDisplayName} errors={error?.fields.displayName} />
        <TextField
          id={`${id}-password`} name="password" type="password" autoComplete="new-password" label={t('users.password')} hint={t('users.passwordHint')}
          value={password} onChange={setPassword} errors={error?.fields.password}
        />
        <TextField id={`${id}-email`} name="email" type="email" label={`${t('users.email')} ${t('admin.optional')}`} value={email} onChange={setEmail} errors={error?.fields.email} />
        <AccountFields
          idPrefix={id} roles={roles} setRoles={setRoles} unitScopeId={unitScopeId} setUnitScopeId={setUnitScopeId}
          language={language} setLanguage={setLanguage} units={units} error={error}
        />
        <ErrorNotice error={error} inlineFields={NEW_USER_FIELDS} />
        <p className="admin-status" role="status">{status}</p>
        <button type="submit" className="button-primary" disabled={busy}>{busy ? t('admin.saving') : t('users.create')}</button>
      </form>
    </details>
  );
}

const EDIT_FIELDS = ['displayName', 'roles', 'unitScopeId', 'language', 'email', 'active'];

function UserEditor({ user, units, onSaved }: { user: AdminUser; units: UnitOption[]; onSaved: (user: AdminUser) => void }) {
  const { t, lang } = useI18n();
  const me = useUser();
  const id = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [unitScopeId, setUnitScopeId] = useState(user.unitScope ? String(user.unitScope.id) : '');
  const [language, setLanguage] = useState<Lang>(user.language);
  const [active, setActive] = useState(user.active);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const next = await updateUser(lang, user.id, {
        displayName, roles, unitScopeId: unitScopeId ? Number(unitScopeId) : null, language, email: email.trim() || null, active,
      });
      setStatus(t('users.updated', { name: next.displayName }));
      onSaved(next);
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
    setBusy(false);
  }

  return (
    <div className="admin-editor">
      <form className="admin-form" onSubmit={(e) => void save(e)} noValidate aria-label={t('users.editTitle', { name: user.displayName })}>
        <TextField id={`${id}-name`} name="displayName" label={t('users.displayName')} value={displayName} onChange={setDisplayName} errors={error?.fields.displayName} />
        <TextField id={`${id}-email`} name="email" type="email" label={`${t('users.email')} ${t('admin.optional')}`} value={email} onChange={setEmail} errors={error?.fields.email} />
        <AccountFields
          idPrefix={id} roles={roles} setRoles={setRoles} unitScopeId={unitScopeId} setUnitScopeId={setUnitScopeId}
          language={language} setLanguage={setLanguage} units={units} error={error}
        />
        <div className="field">
          <label className="field-check admin-check">
            <input
              type="checkbox" name="active" checked={active} disabled={user.id === me.id} onChange={(e) => setActive(e.target.checked)}
              aria-describedby={error?.fields.active ? `${id}-active-error` : undefined}
            />
            {t('users.active')}
          </label>
          <FieldError id={`${id}-active-error`} messages={error?.fields.active} />
        </div>
        <ErrorNotice error={error} inlineFields={EDIT_FIELDS} />
        <p className="admin-status" role="status">{status}</p>
        <button type="submit" className="button-primary" disabled={busy}>{busy ? t('admin.saving') : t('admin.save')}</button>
      </form>
      <PasswordReset user={user} />
      <section className="admin-subsection" aria-labelledby={`${id}-absence`}>
        <h3 id={`${id}-absence`}>{t('users.absenceTitle')}</h3>
        <AbsenceSummary absence={user.absence} />
        <AbsenceEditor
          userId={user.id}
          absentLogin={user.login}
          absence={user.absence}
          onSaved={(state) => onSaved({ ...user, absence: state.absence })}
        />
      </section>
    </div>
  );
}

function PasswordReset({ user }: { user: AdminUser }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await resetPassword(lang, user.id, password);
      setPassword('');
      setStatus(t('users.resetDone'));
    } catch (caught) {
      if (!isAbortError(caught)) setError(asApiError(caught, lang));
    }
    setBusy(false);
  }

  return (
    <form className="admin-form admin-subsection" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('users.resetTitle')}</h3>
      <TextField
        id={`${id}-password`} name="password" type="password" autoComplete="new-password" label={t('users.newPassword')} hint={t('users.passwordHint')}
        value={password} onChange={setPassword} errors={error?.fields.password}
      />
      <ErrorNotice error={error} inlineFields={['password']} />
      <p className="admin-status" role="status">{status}</p>
      <button type="submit" className="button-secondary" disabled={busy}>{t('users.reset')}</button>
    </form>
  );
}
