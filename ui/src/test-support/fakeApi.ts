import { vi } from 'vitest';

// A stand-in for the Newsroom server in unit and component tests: `fetch` is replaced by a handler
// that sees every request (method, path, headers, JSON body) and answers it; the calls are kept so a
// test can say what was sent.

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  credentials?: RequestCredentials;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (call: Call) => Answer | Promise<Answer>;

export function answer(status: number, body?: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body, headers };
}

/** A problem+json answer of the given type (e.g. "sign-in-failed"). */
export function problem(status: number, type: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Answer {
  return answer(status, { type: `/problems/${type}`, title: type, status, ...extra }, { 'Content-Type': 'application/problem+json', ...headers });
}

/** Installs the fake as the global fetch; returns the calls it saw. */
export function fakeApi(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key.toLowerCase()] = value));
      const call: Call = {
        method: (init.method ?? 'GET').toUpperCase(),
        path: url.replace(/^https?:\/\/[^/]+/, ''),
        headers,
        body: typeof init.body === 'string' && init.body ? JSON.parse(init.body) : undefined,
        credentials: init.credentials,
      };
      calls.push(call);
      const a = await handler(call);
      const text = a.body === undefined ? null : JSON.stringify(a.body);
      return new Response(a.status === 204 ? null : text, {
        status: a.status,
        headers: { ...(text ? { 'Content-Type': 'application/json' } : {}), ...a.headers },
      });
    }),
  );
  return calls;
}

/** Sets (or with null, removes) a cookie the page can read, as the server's Set-Cookie would. */
export function setCookie(name: string, value: string | null): void {
  document.cookie = value === null ? `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/` : `${name}=${value}; path=/`;
}

export const ME = {
  username: 'carla',
  displayName: 'Carla Contributor',
  roles: ['CONTRIBUTOR'],
  groups: ['hr'],
  actions: ['PITCH', 'COMMENT', 'READ'],
  passwordChangeRequired: false,
  timeZone: 'Europe/Berlin',
};
