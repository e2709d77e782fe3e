// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { forgetSignInMethods } from '../auth/session';
import { setLegacyBasic } from '../auth/legacyBasic';
import { answer, fakeApi, ME, problem, setCookie, type Call } from '../test-support/fakeApi';
import { renderSignedIn } from '../test-support/render';
import { ApiTokens } from '../account/ApiTokens';
import { AuthGate } from './AuthGate';

const PASSWORD = 'right-password-123';
const ONE_TIME = 'Xq7-one-time-9Lp';
const NEW_PASSWORD = 'otters juggle seven lanterns';
const TOKEN = 'nrt_4f9c2b7e1d0a8c6b5e3f';

/** The session contract, with carla's account: her password, whether it is a one-time one, her session. */
function newsroom(options: { oneTime?: boolean; sso?: { name: string; loginUrl: string }; signOutAnswered?: Promise<void> } = {}) {
  const state = { signedIn: false, password: options.oneTime ? ONE_TIME : PASSWORD, mustChange: !!options.oneTime };
  const me = () => answer(200, { ...ME, passwordChangeRequired: state.mustChange, actions: state.mustChange ? [] : ME.actions });
  const calls = fakeApi((call: Call) => {
    if (call.path === '/api/session/options') {
      setCookie('XSRF-TOKEN', 'csrf-1');
      return answer(200, { sso: options.sso ?? null });
    }
    if (call.method === 'POST' && call.path === '/api/session') {
      const { username, password } = call.body as { username: string; password: string };
      if (username !== 'carla' || password !== state.password) return problem(401, 'sign-in-failed');
      state.signedIn = true;
      return me();
    }
    if (!state.signedIn) return problem(401, 'authentication-required');
    if (call.method === 'DELETE' && call.path === '/api/session') {
      return (options.signOutAnswered ?? Promise.resolve()).then(() => {
        state.signedIn = false;
        return answer(204);
      });
    }
    if (call.path === '/api/me') return me();
    if (call.method === 'POST' && call.path === '/api/me/password') {
      const { currentPassword, newPassword } = call.body as { currentPassword: string; newPassword: string };
      if (currentPassword !== state.password) return problem(400, 'invalid-request', { errors: [{ field: 'currentPassword', rule: 'CurrentPasswordIncorrect', message: 'wrong' }] });
      if (newPassword === 'password1234') return problem(400, 'invalid-request', { errors: [{ field: 'newPassword', rule: 'PasswordTooCommon', message: 'common' }] });
      state.password = newPassword;
      state.mustChange = false;
      return answer(204);
    }
    if (call.path === '/api/board') return answer(200, { columns: [] });
    if (call.method === 'GET' && call.path === '/api/me/tokens') return answer(200, []);
    if (call.method === 'POST' && call.path === '/api/me/tokens') {
      return answer(201, { id: 't1', name: (call.body as { name: string }).name, createdAt: '2027-03-01T08:00:00Z', expiresAt: '2027-06-01T22:00:00Z', token: TOKEN });
    }
    return answer(404);
  });
  return { calls, state };
}

function Dashboard() {
  const { signOut } = useAuth();
  return (
    <>
      <p>The dashboard</p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </>
  );
}

async function signInAs(password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('User name'), 'carla');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

beforeEach(() => {
  forgetSignInMethods();
  setLegacyBasic(null);
  setCookie('XSRF-TOKEN', null);
  sessionStorage.clear();
  localStorage.clear();
  window.location.hash = '';
});
afterEach(() => vi.unstubAllGlobals());

describe('the sign-in form', () => {
  it('starts a session and shows the dashboard', async () => {
    const { calls } = newsroom();
    renderSignedIn(<AuthGate><Dashboard /></AuthGate>);
    await signInAs(PASSWORD);
    expect(await screen.findByText('The dashboard')).toBeVisible();
    expect(calls.find((c) => c.path === '/api/session')?.headers['x-xsrf-token']).toBe('csrf-1');
  });

  it('says a wrong password in words and empties the password field', async () => {
    newsroom();
    renderSignedIn(<AuthGate><Dashboard /></AuthGate>);
    await signInAs('not-it');
    expect(await screen.findByText('That user name and password do not match.')).toBeVisible();
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('waits as long as the server says after too many attempts', async () => {
    const { calls } = newsroom();
    renderSignedIn(<AuthGate><Dashboard /></AuthGate>);
    await screen.findByLabelText('User name');
    const original = vi.mocked(globalThis.fetch).getMockImplementation()!;
    vi.mocked(globalThis.fetch).mockImplementation(async (input, init) =>
      String(input) === '/api/session' && init?.method === 'POST'
        ? new Response(JSON.stringify({ type: '/problems/too-many-sign-in-attempts', status: 429 }), { status: 429, headers: { 'Retry-After': '40' } })
        : original(input, init),
    );
    await signInAs(PASSWORD);
    expect(await screen.findByText('Too many attempts — try again in 40 seconds.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    expect(calls.some((c) => c.path === '/api/me' && c.method === 'GET' && c.headers.authorization)).toBe(false);
  });

  it('offers single sign-on when the newsroom has it, remembering where the person was', async () => {
    newsroom({ sso: { name: 'Contoso ID', loginUrl: '/oauth2/authorization/contoso' } });
    window.location.hash = '#/calendar?story=s1';
    renderSignedIn(<AuthGate><Dashboard /></AuthGate>);
    const link = await screen.findByRole('link', { name: 'Sign in with Contoso ID' });
    expect(link).toHaveAttribute('href', '/oauth2/authorization/contoso');
    link.addEventListener('click', (e) => e.preventDefault()); // jsdom cannot navigate
    await userEvent.click(link);
    expect(sessionStorage.getItem('newsroom.returnTo')).toBe('#/calendar?story=s1');
  });

  it('says she signed out only once the server has ended the session', async () => {
    let answerSignOut = () => {};
    const { state } = newsroom({ signOutAnswered: new Promise<void>((resolve) => (answerSignOut = resolve)) });
    renderSignedIn(<AuthGate><Dashboard /></AuthGate>);
    const user = await signInAs(PASSWORD);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByTestId('signin-form')).toBeVisible();
    expect(screen.queryByTestId('signed-out-notice')).toBeNull(); // a reload now would still find the session
    expect(state.signedIn).toBe(true);
    answerSignOut();
    expect(await screen.findByText('You signed out.')).toBeVisible();
    expect(state.signedIn).toBe(false);
  });

  it('comes back with a plain message when the session ended, keeping the place', async () => {
    const { state } = newsroom();
    renderSignedIn(<AuthGate><Dashboard /></AuthGate>);
    await signInAs(PASSWORD);
    await screen.findByText('The dashboard');
    window.location.hash = '#/board?story=s1';
    state.signedIn = false; // timed out on the server
    await api.board().catch(() => undefined);
    expect(await screen.findByText('You have been signed out.')).toBeVisible();
    expect(screen.getByText(/continue where you were/)).toBeVisible();
    expect(window.location.hash).toBe('#/board?story=s1');
    await signInAs(PASSWORD);
    expect(await screen.findByText('The dashboard')).toBeVisible();
    expect(window.location.hash).toBe('#/board?story=s1');
  });
});

describe('a one-time password', () => {
  it('shows only the screen to choose one’s own, with the rules and the refusals in words, until it is done', async () => {
    const { calls } = newsroom({ oneTime: true });
    renderSignedIn(<AuthGate><Dashboard /></AuthGate>);
    const user = await signInAs(ONE_TIME);
    const screenBox = await screen.findByTestId('choose-password');
    expect(screen.queryByText('The dashboard')).toBeNull();
    expect(within(screenBox).getByText(/At least 12 characters/)).toBeVisible();
    expect(within(screenBox).getByText(/Not your user name/)).toBeVisible();

    await user.type(screen.getByLabelText(/One-time password/), ONE_TIME);
    await user.type(screen.getByLabelText('New password'), 'password1234');
    await user.type(screen.getByLabelText('New password again'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Set my password' }));
    expect(await screen.findByText(/is one of the passwords people use most/)).toBeVisible();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
    // the rule the server named is marked beside the field; the others are not judged by the dashboard
    expect(within(screenBox).getByText(/Not one of the passwords people use most/).closest('li')).toHaveTextContent('(not met)');
    expect(within(screenBox).getByText(/At least 12 characters/).closest('li')).not.toHaveTextContent('(not met)');

    await user.clear(screen.getByLabelText('New password'));
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.clear(screen.getByLabelText('New password again'));
    await user.type(screen.getByLabelText('New password again'), `${NEW_PASSWORD}!`);
    await user.click(screen.getByRole('button', { name: 'Set my password' }));
    expect(await screen.findByText(/The two new passwords differ/)).toBeVisible();
    const attempts = calls.filter((c) => c.path === '/api/me/password').length;

    await user.clear(screen.getByLabelText('New password again'));
    await user.type(screen.getByLabelText('New password again'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Set my password' }));
    expect(await screen.findByText('The dashboard')).toBeVisible();
    const changes = calls.filter((c) => c.path === '/api/me/password');
    expect(changes).toHaveLength(attempts + 1); // the mismatch sent nothing
    expect(changes.at(-1)!.body).toEqual({ currentPassword: ONE_TIME, newPassword: NEW_PASSWORD });
    expect(changes.at(-1)!.headers['x-xsrf-token']).toBe('csrf-1');
  });
});

describe('nothing secret is kept in the browser', () => {
  it('writes no password, one-time password or token to sessionStorage, localStorage or IndexedDB', async () => {
    const written: string[] = [];
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      written.push(`${key}=${value}`);
    });
    const open = vi.fn();
    vi.stubGlobal('indexedDB', { open, deleteDatabase: vi.fn() });
    newsroom({ oneTime: true });
    renderSignedIn(<AuthGate><ApiTokens /></AuthGate>);
    const user = await signInAs(ONE_TIME);
    await user.type(await screen.findByLabelText(/One-time password/), ONE_TIME);
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('New password again'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Set my password' }));
    await user.type(await screen.findByLabelText('Name'), 'weekly report');
    await user.click(screen.getByRole('button', { name: 'Make a token' }));
    await waitFor(() => expect(screen.getByTestId('new-token-value')).toHaveValue(TOKEN));

    const everything = [...written, document.cookie, JSON.stringify({ ...sessionStorage }), JSON.stringify({ ...localStorage })].join('\n');
    for (const secret of [ONE_TIME, NEW_PASSWORD, TOKEN, btoa(`carla:${ONE_TIME}`), btoa(`carla:${NEW_PASSWORD}`)]) expect(everything).not.toContain(secret);
    expect(open).not.toHaveBeenCalled();
    setItem.mockRestore();
  });
});
