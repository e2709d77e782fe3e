import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { Me, SessionOptions } from '../api/types';
import { legacyCredentials, setLegacyBasic } from './legacyBasic';

// Signing in and out. The server keeps the session (an HttpOnly cookie the browser sends and this code
// never sees); the dashboard keeps nothing secret anywhere — no password, token or session id in
// sessionStorage, localStorage or IndexedDB. A reload asks the server who is signed in.
//
// A server without sessions (no GET /api/session/options) still signs in with HTTP Basic, the password
// in memory only (legacyBasic.ts); that path goes once every server has sessions.

/** How this server signs people in: with sessions (and maybe single sign-on), or only HTTP Basic. */
export type SignInMethods = { sessions: true; sso: SessionOptions['sso'] } | { sessions: false; sso: null };

let methods: Promise<SignInMethods> | null = null;

/** GET /api/session/options once per page (it also sets the CSRF cookie); a 401 or 404 means no sessions. */
export function signInMethods(): Promise<SignInMethods> {
  methods ??= api.sessionOptions().then(
    (options): SignInMethods => ({ sessions: true, sso: options?.sso ?? null }),
    (error): SignInMethods => {
      methods = null; // ask again next time: the server may have been unreachable
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return { sessions: false, sso: null };
      throw error;
    },
  );
  return methods;
}

/** For tests: forget what the server said. */
export function forgetSignInMethods(): void {
  methods = null;
}

function normalised(me: Me): Me {
  return { ...me, roles: me.roles ?? [], actions: me.actions ?? [], groups: me.groups ?? [] };
}

/**
 * Starts a session with the user name and password (POST /api/session). Throws ApiError: 401
 * sign-in-failed, 429 too-many-sign-in-attempts with `retryAfterSeconds`.
 */
export async function signIn(username: string, password: string): Promise<Me> {
  const how = await signInMethods();
  if (how.sessions) return normalised(await api.startSession(username, password));
  setLegacyBasic({ username, password });
  try {
    return normalised(await api.me({ unauthorizedIsAnswer: true }));
  } catch (error) {
    setLegacyBasic(null);
    throw error;
  }
}

/** Who is signed in in this browser (after a reload, or back from single sign-on); null if nobody. */
export async function currentUser(): Promise<Me | null> {
  try {
    return normalised(await api.me({ unauthorizedIsAnswer: true }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Ends the session on the server (DELETE /api/session); signing out never fails for the person. */
export async function signOut(): Promise<void> {
  if (legacyCredentials()) {
    setLegacyBasic(null);
    return;
  }
  try {
    await api.endSession();
  } catch {
    // Already over on the server (or unreachable): the dashboard forgets the user either way.
  }
}

/** After the password changed: a Basic sign-in sends the new one from now on (a session needs nothing). */
export function passwordChanged(username: string, newPassword: string): void {
  if (legacyCredentials()) setLegacyBasic({ username, password: newPassword });
}

/**
 * Where the person was (the route in the URL's hash) when they left for the single sign-on provider,
 * which brings the browser back to "/". Not a secret: a view and a story id.
 */
const RETURN_KEY = 'newsroom.returnTo';

export function rememberPlace(hash: string, storage: Pick<Storage, 'setItem'> | undefined = safeSessionStorage()): void {
  if (hash && hash !== '#') storage?.setItem(RETURN_KEY, hash);
}

export function takeRememberedPlace(storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined = safeSessionStorage()): string | null {
  const hash = storage?.getItem(RETURN_KEY) ?? null;
  storage?.removeItem(RETURN_KEY);
  return hash && hash.startsWith('#/') ? hash : null;
}

function safeSessionStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
