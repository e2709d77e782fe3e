import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { request, setClientCredentials, setUnauthorizedHandler } from '../api/http';
import { ApiError } from '../api/problem';
import { ALL_ACTIONS, type Me } from '../api/types';
import { configureTime } from '../time/format';
import { clearCredentials, loadCredentials, saveCredentials, type Credentials } from './session';

interface AuthState {
  me: Me | null;
  credentials: Credentials | null;
  /** True while stored credentials are being checked after a reload. */
  restoring: boolean;
  signIn(credentials: Credentials): Promise<void>;
  signOut(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [restoring, setRestoring] = useState(() => loadCredentials() !== null);

  const signOut = useCallback(() => {
    clearCredentials();
    setClientCredentials(null);
    setCredentials(null);
    setMe(null);
    queryClient.clear();
  }, [queryClient]);

  const signIn = useCallback(async (candidate: Credentials) => {
    // Throws ApiError (401 for wrong credentials) for the form to show.
    let normalised: Me;
    try {
      const who = await api.me(candidate);
      normalised = { ...who, roles: who.roles ?? [], actions: who.actions ?? [] };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      // A server without GET /api/me yet: check the credentials on another endpoint and offer
      // every button; the server still refuses what the user may not do (and we show it).
      await request('/api/channels', { auth: candidate });
      normalised = { username: candidate.username, roles: [], actions: [...ALL_ACTIONS], unknownPermissions: true };
    }
    // Times are shown and typed in the newsroom's zone (UTC when an older server does not say).
    configureTime({ zone: normalised.timeZone ?? 'UTC' });
    saveCredentials(candidate);
    setClientCredentials(candidate);
    setCredentials(candidate);
    setMe(normalised);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
    return () => setUnauthorizedHandler(null);
  }, [signOut]);

  useEffect(() => {
    const stored = loadCredentials();
    if (!stored) return;
    signIn(stored)
      .catch(() => signOut())
      .finally(() => setRestoring(false));
  }, [signIn, signOut]);

  const value = useMemo(
    () => ({ me, credentials, restoring, signIn, signOut }),
    [me, credentials, restoring, signIn, signOut],
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
