// The signed-in user's credentials, kept for this browser tab only (sessionStorage).

export interface Credentials {
  username: string;
  password: string;
}

const KEY = 'newsroom.credentials';

/** Minimal storage interface so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function defaultStorage(): KeyValueStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export function loadCredentials(storage = defaultStorage()): Credentials | null {
  const raw = storage?.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Credentials>;
    if (typeof parsed.username === 'string' && typeof parsed.password === 'string' && parsed.username) {
      return { username: parsed.username, password: parsed.password };
    }
  } catch {
    // fall through: corrupt entry
  }
  storage?.removeItem(KEY);
  return null;
}

export function saveCredentials(credentials: Credentials, storage = defaultStorage()): void {
  storage?.setItem(KEY, JSON.stringify(credentials));
}

export function clearCredentials(storage = defaultStorage()): void {
  storage?.removeItem(KEY);
}

/** The HTTP Basic header value; UTF-8 safe. */
export function basicAuth({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return `Basic ${btoa(binary)}`;
}
