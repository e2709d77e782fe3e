import { basicAuth, type Credentials } from '../auth/session';
import { ApiError, networkProblem, parseProblem } from './problem';

// One fetch wrapper for the whole dashboard: Basic credentials, the header that keeps the browser's
// own login dialog away, If-Match for story versions, and every error answer as an ApiError.

let credentials: Credentials | null = null;
let onUnauthorized: (() => void) | null = null;

export function setClientCredentials(value: Credentials | null): void {
  credentials = value;
}

/** Called when the server says the stored credentials no longer work (401). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The story version this command expects; sent as If-Match: "7". */
  version?: number;
  idempotencyKey?: string;
  /** Override the stored credentials (sign-in check). */
  auth?: Credentials;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
  };
  const auth = options.auth ?? credentials;
  if (auth) headers.Authorization = basicAuth(auth);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      credentials: 'omit',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(networkProblem(error));
  }

  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !options.auth && onUnauthorized) onUnauthorized();
    throw new ApiError(parseProblem(response.status, parsed, response.statusText));
  }
  return { data: parsed as T, etag: response.headers.get('ETag'), status: response.status };
}

/** A file from the API (e.g. the calendar as CSV): fetched with the credentials, errors as ApiError. */
export async function download(path: string): Promise<{ blob: Blob; filename: string | null }> {
  const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest', Accept: '*/*' };
  if (credentials) headers.Authorization = basicAuth(credentials);
  let response: Response;
  try {
    response = await fetch(path, { headers, credentials: 'omit' });
  } catch (error) {
    throw new ApiError(networkProblem(error));
  }
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    if (response.status === 401 && onUnauthorized) onUnauthorized();
    throw new ApiError(parseProblem(response.status, parsed, response.statusText));
  }
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
