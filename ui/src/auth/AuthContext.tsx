import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { setSessionHooks } from '../api/http';
import { ApiError } from '../api/problem';
import type { Me } from '../api/types';
import { configureTime } from '../time/format';
import * as session from './session';

// Who is signed in, for the whole dashboard. The server's session decides: a reload asks it
// (GET /api/me), a 401 on any request means the session ended (timeout, signed out elsewhere, account
// disabled) and the sign-in form comes back with a plain message, the route left as it was so the
// person continues where they were. Nothing secret is kept: the password goes to the server and is
// forgotten (session.ts).

export type Phase = 'restoring' | 'signed-out' | 'signed-in';

/** Why the sign-in form shows: nothing said at first, a session that ended, or the person signed out. */
export type SignedOutBecause = 'session-ended' | 'signed-out' | null;

interface AuthState {
  phase: Phase;
  me: Me | null;
  signedOutBecause: SignedOutBecause;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Sets my own password (also replacing a one-time password) and stays signed in. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Asks the server whether the session still holds (e.g. the live connection was closed). */
  checkSession(): void;
}

const AuthContext = createContext<AuthState | null>(null);

/** The least time between two session checks the live connection asks for. */
const CHECK_INTERVAL_MS = 5_000;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>('restoring');
  const [me, setMe] = useState<Me | null>(null);
  const [signedOutBecause, setSignedOutBecause] = useState<SignedOutBecause>(null);
  // The hooks of the HTTP client run outside React's render: they read the current phase here.
  const phaseRef = useRef<Phase>('restoring');
  const lastCheck = useRef(0);
  /** While my password changes, a server that ends the old session is not "signed out": we sign in again. */
  const changingPassword = useRef(false);

  const enter = useCallback((who: Me) => {
    // Times are shown and typed in the newsroom's zone.
    configureTime({ zone: who.timeZone ?? 'UTC' });
    phaseRef.current = 'signed-in';
    setMe(who);
    setPhase('signed-in');
    setSignedOutBecause(null);
  }, []);

  const leave = useCallback(
    (because: SignedOutBecause) => {
      phaseRef.current = 'signed-out';
      setMe(null);
      setPhase('signed-out');
      setSignedOutBecause(because);
      queryClient.clear();
    },
    [queryClient],
  );

  const signIn = useCallback(async (username: string, password: string) => enter(await session.signIn(username, password)), [enter]);

  const signOut = useCallback(async () => {
    // The dashboard lets go first (closing the live connection), then the server ends the session; only then
    // does the form say "You signed out" (a reload before that would still find the session).
    leave(null);
    // The next person at this computer starts on the default view.
    if (typeof window !== 'undefined' && window.location.hash) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    await session.signOut();
    if (phaseRef.current === 'signed-out') setSignedOutBecause('signed-out');
  }, [leave]);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const username = me?.username;
      if (!username) throw new Error('changePassword before sign-in');
      changingPassword.current = true;
      try {
        await api.changePassword({ currentPassword, newPassword });
        session.passwordChanged(username, newPassword);
        // A server may end the sessions of an account whose password changed: then sign in with the new one.
        const fresh = (await session.currentUser()) ?? (await session.signIn(username, newPassword));
        enter(fresh);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) leave('session-ended');
        throw error;
      } finally {
        changingPassword.current = false;
      }
    },
    [me, enter, leave],
  );

  const checkSession = useCallback(() => {
    if (phaseRef.current !== 'signed-in' || changingPassword.current || Date.now() - lastCheck.current < CHECK_INTERVAL_MS) return;
    lastCheck.current = Date.now();
    // A 401 reaches onSessionEnded below; anything else (offline) changes nothing.
    api.me().catch(() => undefined);
  }, []);

  useEffect(() => {
    setSessionHooks({
      onSessionEnded: () => {
        if (phaseRef.current === 'signed-in' && !changingPassword.current) leave('session-ended');
      },
      onPasswordChangeRequired: () => {
        // An admin gave this account a one-time password meanwhile: show the screen to replace it.
        session
          .currentUser()
          .then((who) => (who ? enter(who) : leave('session-ended')))
          .catch(() => undefined);
      },
    });
    return () => setSessionHooks(null);
  }, [enter, leave]);

  useEffect(() => {
    let cancelled = false;
    session
      .currentUser()
      .then((who) => {
        if (cancelled) return;
        if (!who) {
          phaseRef.current = 'signed-out';
          setPhase('signed-out');
          return;
        }
        // Back from single sign-on: to where the person was when they left.
        const place = session.takeRememberedPlace();
        if (place && !window.location.hash) window.location.hash = place;
        enter(who);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (!(error instanceof ApiError)) console.warn('Could not ask who is signed in', error);
        phaseRef.current = 'signed-out';
        setPhase('signed-out');
      });
    return () => {
      cancelled = true;
    };
  }, [enter]);

  const value = useMemo(
    () => ({ phase, me, signedOutBecause, signIn, signOut, changePassword, checkSession }),
    [phase, me, signedOutBecause, signIn, signOut, changePassword, checkSession],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user; only use below the sign-in gate. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe before sign-in');
  return me;
}
