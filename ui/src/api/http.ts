import { legacyAuthorization, legacyCredentials } from '../auth/legacyBasic';
import { ApiError, networkProblem, parseProblem, problemType, retryAfterSeconds, type Problem } from './problem';

// One fetch wrapper for the whole dashboard. The sign-in is a server session: its cookie is HttpOnly,
// the browser sends it, this code never sees it. Every state-changing request carries the CSRF token
// (Spring Security's SPA pattern: the readable cookie XSRF-TOKEN, sent back as X-XSRF-TOKEN); a
// missing or stale token is fetched again and the request retried once. Plus the header that keeps the
// browser's own login dialog away, If-Match for versions, and every error answer as an ApiError.

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
/** Answers without authentication and sets the CSRF cookie (see auth/session.ts). */
export const SESSION_OPTIONS_PATH = '/api/session/options';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const STATE_CHANGING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the dashboard does when an answer says the sign-in is over or must change first. */
export interface SessionHooks {
  /** A 401 on a request made while signed in: the session ended (timeout, signed out elsewhere, disabled). */
  onSessionEnded(problem: Problem): void;
  /** A 403 password-change-required: the account was given a one-time password meanwhile. */
  onPasswordChangeRequired(problem: Problem): void;
}

let hooks: SessionHooks | null = null;

export function setSessionHooks(value: SessionHooks | null): void {
  hooks = value;
}

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** The story or account version this command expects; sent as If-Match: "7". */
  version?: number;
  idempotencyKey?: string;
  /**
   * A 401 is the answer itself (the sign-in form, checking whether a session exists), not a session
   * that ended.
   */
  unauthorizedIsAnswer?: boolean;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

/** The value of one cookie the page can read (the CSRF token); null when not set. */
export function readCookie(name: string, cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      try {
        return decodeURIComponent(value) || null;
      } catch {
        return value || null;
      }
    }
  }
  return null;
}

let refreshing: Promise<void> | null = null;

/** Asks the server for a (new) CSRF cookie; concurrent callers share one request. */
export function refreshCsrfToken(): Promise<void> {
  refreshing ??= fetch(SESSION_OPTIONS_PATH, {
    headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' },
    credentials: 'same-origin',
  })
    .then((response) => response.text())
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

interface Exchange {
  response: Response;
  parsed: unknown;
}

async function exchange(path: string, method: Method, headers: Record<string, string>, body: string | undefined, signal?: AbortSignal): Promise<Exchange> {
  const csrf = STATE_CHANGING.has(method) && !legacyCredentials();
  const send = async (): Promise<Exchange> => {
    const token = csrf ? readCookie(CSRF_COOKIE) : null;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: { ...headers, ...legacyAuthorization(), ...(token ? { [CSRF_HEADER]: token } : {}) },
        body,
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(networkProblem(error));
    }
    const text = await response.text();
    return { response, parsed: parseBody(text) };
  };
  if (csrf && !readCookie(CSRF_COOKIE)) await refreshCsrfToken();
  const first = await send();
  if (!csrf || first.response.status !== 403 || problemType(parseProblem(403, first.parsed)) !== 'csrf-token-invalid') return first;
  // The token went stale (a new session rotates it): fetch the current one and try once more.
  await refreshCsrfToken();
  return send();
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function failure(response: Response, parsed: unknown, unauthorizedIsAnswer = false): ApiError {
  const problem = parseProblem(response.status, parsed, response.statusText);
  const wait = retryAfterSeconds(response.headers.get('Retry-After'));
  if (wait !== undefined) problem.retryAfterSeconds = wait;
  if (response.status === 401 && !unauthorizedIsAnswer) hooks?.onSessionEnded(problem);
  if (response.status === 403 && problemType(problem) === 'password-change-required') hooks?.onPasswordChangeRequired(problem);
  return new ApiError(problem);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const method = options.method ?? (options.body !== undefined ? 'POST' : 'GET');
  const body = options.body !== undefined ? JSON.stringify(options.body) : undefined;
  const { response, parsed } = await exchange(path, method, headers, body, options.signal);
  if (!response.ok) throw failure(response, parsed, options.unauthorizedIsAnswer);
  return { data: parsed as T, etag: response.headers.get('ETag'), status: response.status };
}

/** A file from the API (e.g. the calendar as CSV): fetched within the session, errors as ApiError. */
export async function download(path: string): Promise<{ blob: Blob; filename: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: '*/*', ...legacyAuthorization() },
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(networkProblem(error));
  }
  if (!response.ok) throw failure(response, parseBody(await response.text()));
  return { blob: await response.blob(), filename: filenameFrom(response.headers.get('Content-Disposition')) };
}

/** The file name of a Content-Disposition header (`attachment; filename="x.csv"`), or null. */
export function filenameFrom(disposition: string | null | undefined): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || null;
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { signal })).data;
}

/** Builds a query string, repeating array values and skipping empty ones. */
export function query(params: Record<string, string | number | undefined | null | (string | number)[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
