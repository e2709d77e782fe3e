// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/endpoints';
import { readCookie, request, setSessionHooks } from '../api/http';
import { ApiError, toProblem } from '../api/problem';
import { describeProblem, problemLine } from '../feedback/messages';
import { answer, fakeApi, ME, problem, setCookie, type Call } from '../test-support/fakeApi';
import { legacyCredentials, setLegacyBasic } from './legacyBasic';
import { currentUser, forgetSignInMethods, rememberPlace, signIn, signInMethods, signOut, takeRememberedPlace } from './session';

const hooks = { onSessionEnded: vi.fn(), onPasswordChangeRequired: vi.fn() };

/** The session contract: options set the CSRF cookie, POST /api/session answers who signed in. */
function sessionServer(extra: (call: Call) => ReturnType<Parameters<typeof fakeApi>[0]> | undefined = () => undefined) {
  return fakeApi((call) => {
    const special = extra(call);
    if (special) return special;
    if (call.path === '/api/session/options') {
      setCookie('XSRF-TOKEN', 'token-1');
      return answer(200, { sso: null });
    }
    if (call.method === 'POST' && call.path === '/api/session') {
      const body = call.body as { username: string; password: string };
      return body.password === 'right-password-123' ? answer(200, ME) : problem(401, 'sign-in-failed');
    }
    if (call.method === 'DELETE' && call.path === '/api/session') return answer(204);
    return answer(404);
  });
}

beforeEach(() => {
  forgetSignInMethods();
  setLegacyBasic(null);
  setCookie('XSRF-TOKEN', null);
  setSessionHooks(hooks);
  hooks.onSessionEnded.mockReset();
  hooks.onPasswordChangeRequired.mockReset();
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  setSessionHooks(null);
});

describe('signing in with a session', () => {
  it('posts the user name and password once, with the CSRF token, and never a Basic header', async () => {
    const calls = sessionServer();
    const me = await signIn('carla', 'right-password-123');
    expect(me.username).toBe('carla');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/session');
    expect(post.body).toEqual({ username: 'carla', password: 'right-password-123' });
    expect(post.headers['x-xsrf-token']).toBe('token-1');
    expect(post.credentials).toBe('same-origin');
    expect(calls.every((c) => c.headers.authorization === undefined)).toBe(true);
    expect(legacyCredentials()).toBeNull();
  });

  it('says a wrong password plainly and does not count it as a session that ended', async () => {
    sessionServer();
    const error = await signIn('carla', 'wrong').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(describeProblem(toProblem(error), { signIn: true }).headline).toBe('That user name and password do not match.');
    expect(hooks.onSessionEnded).not.toHaveBeenCalled();
  });

  it('says how long to wait after too many attempts, from Retry-After', async () => {
    sessionServer((call) => (call.path === '/api/session' ? problem(429, 'too-many-sign-in-attempts', {}, { 'Retry-After': '40' }) : undefined));
    const error = await signIn('carla', 'whatever').catch((e: unknown) => e);
    const p = toProblem(error);
    expect(p.retryAfterSeconds).toBe(40);
    expect(describeProblem(p, { signIn: true }).headline).toBe('Too many attempts — try again in 40 seconds.');
    expect(problemLine(p)).not.toMatch(/429|too-many/);
  });

  it('learns whether single sign-on is offered', async () => {
    sessionServer((call) =>
      call.path === '/api/session/options' ? answer(200, { sso: { name: 'Contoso ID', loginUrl: '/oauth2/authorization/contoso' } }) : undefined,
    );
    expect(await signInMethods()).toEqual({ sessions: true, sso: { name: 'Contoso ID', loginUrl: '/oauth2/authorization/contoso' } });
  });

  it('asks the server who is signed in after a reload; nobody is not an ended session', async () => {
    fakeApi((call) => (call.path === '/api/me' ? problem(401, 'authentication-required') : answer(404)));
    expect(await currentUser()).toBeNull();
    expect(hooks.onSessionEnded).not.toHaveBeenCalled();
    fakeApi(() => answer(200, ME));
    expect((await currentUser())?.username).toBe('carla');
  });

  it('signs out by ending the session on the server, and never fails for the person', async () => {
    const calls = sessionServer();
    setCookie('XSRF-TOKEN', 'token-1');
    await signOut();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['DELETE /api/session']);
    expect(calls[0].headers['x-xsrf-token']).toBe('token-1');
    fakeApi(() => {
      throw new TypeError('offline');
    });
    await expect(signOut()).resolves.toBeUndefined();
  });
});

describe('every state-changing request carries the CSRF token', () => {
  it('sends the cookie value as X-XSRF-TOKEN on POST, PUT and DELETE, not on GET', async () => {
    setCookie('XSRF-TOKEN', 'abc');
    const calls = fakeApi(() => answer(200, {}));
    await request('/api/x', { method: 'POST', body: {} });
    await request('/api/x', { method: 'PUT', body: {} });
    await request('/api/x', { method: 'DELETE' });
    await request('/api/x');
    expect(calls.map((c) => c.headers['x-xsrf-token'])).toEqual(['abc', 'abc', 'abc', undefined]);
  });

  it('fetches a token first when there is none', async () => {
    const calls = sessionServer((call) => (call.path === '/api/stories' ? answer(201, {}) : undefined));
    await request('/api/stories', { method: 'POST', body: {} });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/session/options', 'POST /api/stories']);
    expect(calls[1].headers['x-xsrf-token']).toBe('token-1');
  });

  it('re-reads a stale token and retries once', async () => {
    setCookie('XSRF-TOKEN', 'stale');
    const calls = fakeApi((call) => {
      if (call.path === '/api/session/options') {
        setCookie('XSRF-TOKEN', 'fresh');
        return answer(200, { sso: null });
      }
      return call.headers['x-xsrf-token'] === 'fresh' ? answer(200, { ok: true }) : problem(403, 'csrf-token-invalid');
    });
    const done = await request<{ ok: boolean }>('/api/stories/s1/submit', { method: 'POST' });
    expect(done.data.ok).toBe(true);
    expect(calls.map((c) => `${c.method} ${c.path} ${c.headers['x-xsrf-token'] ?? ''}`.trim())).toEqual([
      'POST /api/stories/s1/submit stale',
      'GET /api/session/options',
      'POST /api/stories/s1/submit fresh',
    ]);
  });

  it('gives up after one retry and says the page is out of date', async () => {
    setCookie('XSRF-TOKEN', 'stale');
    const calls = fakeApi((call) => (call.path === '/api/session/options' ? answer(200, { sso: null }) : problem(403, 'csrf-token-invalid')));
    const error = await request('/api/stories', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    expect(describeProblem(toProblem(error)).headline).toBe('This page is out of date.');
  });
});

describe('a session that ended', () => {
  it('is reported once a request answers 401, with the problem', async () => {
    fakeApi(() => problem(401, 'authentication-required'));
    await expect(api.board()).rejects.toBeInstanceOf(ApiError);
    expect(hooks.onSessionEnded).toHaveBeenCalledTimes(1);
    expect(describeProblem(hooks.onSessionEnded.mock.calls[0][0]).headline).toBe('You have been signed out.');
  });

  it('a one-time password given meanwhile is reported as such', async () => {
    fakeApi(() => problem(403, 'password-change-required', { rule: 'PasswordChangeRequired' }));
    await expect(api.board()).rejects.toBeInstanceOf(ApiError);
    expect(hooks.onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(hooks.onSessionEnded).not.toHaveBeenCalled();
  });
});

describe('a server without sessions (HTTP Basic, until every server has sessions)', () => {
  it('signs in with Basic kept in memory only, sends no CSRF token, and forgets it at sign-out', async () => {
    const calls = fakeApi((call) => {
      if (call.path === '/api/session/options') return problem(401, 'authentication-required');
      if (call.path === '/api/me') return call.headers.authorization === `Basic ${btoa('carla:pw-123456789012')}` ? answer(200, ME) : problem(401, 'authentication-required');
      return answer(200, {});
    });
    expect((await signIn('carla', 'pw-123456789012')).username).toBe('carla');
    await request('/api/stories', { method: 'POST', body: {} });
    const post = calls.at(-1)!;
    expect(post.headers.authorization).toMatch(/^Basic /);
    expect(post.headers['x-xsrf-token']).toBeUndefined();
    expect(sessionStorage.length + localStorage.length).toBe(0);
    await signOut();
    expect(legacyCredentials()).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
  });

  it('forgets a wrong password at once', async () => {
    fakeApi((call) => (call.path === '/api/session/options' ? answer(404) : problem(401, 'authentication-required')));
    await expect(signIn('carla', 'wrong')).rejects.toBeInstanceOf(ApiError);
    expect(legacyCredentials()).toBeNull();
    expect(hooks.onSessionEnded).not.toHaveBeenCalled();
  });
});

describe('the place to come back to after single sign-on', () => {
  it('is the route only, taken once', () => {
    rememberPlace('#/calendar?story=s1');
    expect(takeRememberedPlace()).toBe('#/calendar?story=s1');
    expect(takeRememberedPlace()).toBeNull();
    sessionStorage.setItem('newsroom.returnTo', 'javascript:alert(1)');
    expect(takeRememberedPlace()).toBeNull();
  });
});

describe('readCookie', () => {
  it('finds one cookie among several, decoded', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=ab%3Dc; b=2')).toBe('ab=c');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBeNull();
    expect(readCookie('XSRF-TOKEN', 'XSRF-TOKEN=')).toBeNull();
  });
});
