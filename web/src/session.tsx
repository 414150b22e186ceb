import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import * as api from './api';
import type { ApiError, User } from './api';
import { useI18n } from './i18n';

export type SessionState =
  | { kind: 'checking' }
  /** `lost`: a session existed and ended (expired, or signed out elsewhere). */
  | { kind: 'signed-out'; lost: boolean; error: ApiError | null }
  | { kind: 'signed-in'; user: User };

export interface SessionContext {
  state: SessionState;
  signIn: (login: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const Context = createContext<SessionContext | null>(null);

/** Restores the session from the cookie on load (GET /api/auth/me), and owns sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [state, setState] = useState<SessionState>({ kind: 'checking' });

  const restore = useEffectEvent(async (signal: AbortSignal) => {
    try {
      const user = await api.currentSession(lang, signal);
      setState(user ? { kind: 'signed-in', user } : { kind: 'signed-out', lost: false, error: null });
    } catch (error) {
      if (!api.isAbortError(error)) setState({ kind: 'signed-out', lost: false, error: api.asApiError(error, lang) });
    }
  });

  useEffect(() => {
    const controller = new AbortController();
    void restore(controller.signal);
    api.setSessionLostHandler(() => setState({ kind: 'signed-out', lost: true, error: null }));
    return () => {
      controller.abort();
      api.setSessionLostHandler(null);
    };
  }, []);

  const signIn = useCallback(
    async (login: string, password: string) => {
      const user = await api.signIn(lang, login, password);
      setState({ kind: 'signed-in', user });
    },
    [lang],
  );

  const signOut = useCallback(async () => {
    try {
      await api.signOut(lang);
    } finally {
      setState({ kind: 'signed-out', lost: false, error: null });
    }
  }, [lang]);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <Context value={value}>{children}</Context>;
}

export function useSession(): SessionContext {
  const value = useContext(Context);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered while signed in. */
export function useUser(): User {
  const { state } = useSession();
  if (state.kind !== 'signed-in') throw new Error('useUser needs a signed-in session');
  return state.user;
}

export const ADMIN_ROLE = 'administrator';
