import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import * as api from './api';
import type { UserName } from './api';
import { useI18n } from './i18n';

/**
 * The names behind logins, read in batches and kept for the session. Every component of a page
 * says which logins it shows while it renders; one request then asks for all of those not yet
 * known. A login stays on screen until its name arrives, and for good when nobody holds it.
 */
export class PeopleDirectory {
  /** null: the server holds no user with that login. */
  private readonly known = new Map<string, UserName | null>();
  private readonly wanted = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private scheduled = false;

  private readonly fetchNames: (logins: string[]) => Promise<UserName[]>;

  constructor(fetchNames: (logins: string[]) => Promise<UserName[]>) {
    this.fetchNames = fetchNames;
  }

  /** Asks for these logins' names; those neither known nor already asked for go in the next batch. */
  want(logins: Iterable<string>): void {
    for (const login of logins) {
      if (login && !this.known.has(login) && !this.inFlight.has(login)) this.wanted.add(login);
    }
    if (this.wanted.size === 0 || this.scheduled) return;
    this.scheduled = true;
    // A task, not a microtask: every component of the page has said what it shows by then.
    setTimeout(() => void this.flush(), 0);
  }

  /** The name, null for a login nobody holds, undefined while unknown. */
  get(login: string): UserName | null | undefined {
    return this.known.get(login);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): number => this.version;

  private async flush(): Promise<void> {
    this.scheduled = false;
    const logins = [...this.wanted];
    this.wanted.clear();
    for (const login of logins) this.inFlight.add(login);
    const batches: string[][] = [];
    for (let i = 0; i < logins.length; i += api.MAX_NAMES_PER_REQUEST) batches.push(logins.slice(i, i + api.MAX_NAMES_PER_REQUEST));
    await Promise.all(batches.map(async (batch) => {
      try {
        const found = new Map((await this.fetchNames(batch)).map((name) => [name.login, name]));
        for (const login of batch) this.known.set(login, found.get(login) ?? null);
        this.version += 1;
        for (const listener of this.listeners) listener();
      } catch {
        // Unreachable or refused: the logins stay on screen, and the next page that shows them asks again.
      } finally {
        for (const login of batch) this.inFlight.delete(login);
      }
    }));
  }
}

const Context = createContext<PeopleDirectory | null>(null);

/** One directory per session: render with `key={user.login}` so that signing in as someone else starts afresh. */
export function PeopleProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  // Only error messages depend on the language, and a failed batch shows nothing: the first one serves.
  const langAtStart = useRef(lang);
  const [directory] = useState(() => new PeopleDirectory((logins) => api.getUserNames(langAtStart.current, logins)));
  return <Context value={directory}>{children}</Context>;
}

export interface People {
  /** The person's name, a label for the citizens' stand-in or Alur itself, or the login while unknown. */
  nameOf: (login: string) => string;
  /** "Name (login)" once the name is known, for pickers where people type logins; the login alone before. */
  labelOf: (login: string) => string;
}

/** Names for the logins a component shows; it renders again when they arrive. */
export function usePeople(logins: Iterable<string | null | undefined>): People {
  const directory = useContext(Context);
  if (!directory) throw new Error('usePeople must be used inside <PeopleProvider>');
  const { t } = useI18n();
  const list = [...new Set([...logins].filter((login): login is string => Boolean(login)))].sort();
  const wanted = list.join('\n');
  useEffect(() => {
    if (wanted) directory.want(wanted.split('\n'));
  }, [directory, wanted]);
  const version = useSyncExternalStore(directory.subscribe, directory.getSnapshot);

  return useMemo<People>(() => {
    const nameOf = (login: string): string => {
      const found = directory.get(login);
      if (!found) return login;
      if (found.kind === 'public') return t('people.public');
      if (found.kind === 'system') return t('people.system');
      return found.displayName;
    };
    return {
      nameOf,
      labelOf: (login) => {
        const name = nameOf(login);
        return name === login ? login : `${name} (${login})`;
      },
    };
    // `version` changes when names arrive: the functions read the directory afresh.
  }, [directory, t, version]);
}

/** A person shown by name, with the login in a tooltip (and for tests, in data-login). */
export function PersonName({ login }: { login: string }) {
  const { nameOf } = usePeople([login]);
  const name = nameOf(login);
  return (
    <span className="person-name" data-login={login} title={name === login ? undefined : login}>
      {name}
    </span>
  );
}
