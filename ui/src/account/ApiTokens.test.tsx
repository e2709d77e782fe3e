// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../api/types';
import { forgetSignInMethods } from '../auth/session';
import { AuthGate } from '../shell/AuthGate';
import { answer, fakeApi, ME, problem, setCookie } from '../test-support/fakeApi';
import { renderSignedIn } from '../test-support/render';
import { ApiTokens } from './ApiTokens';

// My API tokens against a stand-in server: made with a name and an expiry, the secret shown once with a
// copy button, listed without it, revoked after a confirmation.

const SECRET = 'nrt_9b1e77c04a5d3f2e';
const OLD: ApiToken = { id: 't-old', name: 'old export', createdAt: '2019-01-01T08:00:00Z', expiresAt: '2020-01-01T00:00:00Z', lastUsedAt: null };
const REPORT: ApiToken = { id: 't-report', name: 'weekly report', createdAt: '2027-01-05T08:00:00Z', expiresAt: '2099-01-01T00:00:00Z', lastUsedAt: '2027-01-06T09:00:00Z' };

function newsroom(tokens: ApiToken[]) {
  let list = [...tokens];
  return fakeApi((call) => {
    if (call.path === '/api/session/options') {
      setCookie('XSRF-TOKEN', 'csrf-3');
      return answer(200, { sso: null });
    }
    if (call.path === '/api/me') return answer(200, ME);
    if (call.method === 'GET' && call.path === '/api/me/tokens') return answer(200, list);
    if (call.method === 'POST' && call.path === '/api/me/tokens') {
      const { name, expiresAt } = call.body as { name: string; expiresAt: string };
      if (!name.trim()) return problem(400, 'invalid-request', { errors: [{ field: 'name', rule: 'TokenNameFormat', message: 'bad' }] });
      const made = { id: 't-new', name, createdAt: '2027-03-01T08:00:00Z', expiresAt, lastUsedAt: null };
      list = [...list, made];
      return answer(201, { ...made, token: SECRET });
    }
    const revoke = call.path.match(/^\/api\/me\/tokens\/(.+)$/);
    if (call.method === 'DELETE' && revoke) {
      list = list.filter((t) => t.id !== revoke[1]);
      return answer(204);
    }
    return problem(404, 'not-found');
  });
}

beforeEach(() => {
  forgetSignInMethods();
  setCookie('XSRF-TOKEN', null);
});
afterEach(() => vi.unstubAllGlobals());

describe('my API tokens', () => {
  it('lists working tokens first, the expired ones marked, never a secret', async () => {
    newsroom([OLD, REPORT]);
    renderSignedIn(<AuthGate><ApiTokens /></AuthGate>);
    const rows = await screen.findAllByTestId('token-row');
    expect(rows.map((r) => r.dataset.tokenId)).toEqual(['t-report', 't-old']);
    expect(within(rows[1]).getByText('expired')).toBeVisible();
    expect(within(rows[1]).getByText('never')).toBeVisible();
  });

  it('makes a token valid through the chosen day in the newsroom’s zone and shows its secret once, to copy', async () => {
    const calls = newsroom([]);
    renderSignedIn(<AuthGate><ApiTokens /></AuthGate>);
    const user = userEvent.setup(); // also gives the page a clipboard
    await user.type(await screen.findByLabelText('Name'), 'weekly report');
    fireEvent.change(screen.getByLabelText('Valid until the end of'), { target: { value: '2099-06-01' } });
    await user.click(screen.getByRole('button', { name: 'Make a token' }));

    expect(await screen.findByTestId('new-token-value')).toHaveValue(SECRET);
    expect(screen.getByText(/you will not see it again/)).toBeVisible();
    const made = calls.find((c) => c.method === 'POST' && c.path === '/api/me/tokens')!;
    // Carla's newsroom is in Berlin: the end of 1 June there is 22:00 UTC.
    expect(made.body).toEqual({ name: 'weekly report', expiresAt: '2099-06-01T22:00:00Z' });
    expect(made.headers['x-xsrf-token']).toBe('csrf-3');

    await user.click(screen.getByRole('button', { name: 'Copy the token' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(await screen.findByText('Copied the token')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Done — I have copied it' }));
    expect(screen.queryByTestId('new-token-value')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('token-row').map((r) => r.dataset.tokenId)).toEqual(['t-new']));
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('says in words what is wrong with the name', async () => {
    newsroom([]);
    renderSignedIn(<AuthGate><ApiTokens /></AuthGate>);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), '   ');
    await user.click(screen.getByRole('button', { name: 'Make a token' }));
    expect(await screen.findByText(/must be 1 to 100 characters that say where the token is used/)).toBeVisible();
  });

  it('revokes only after a confirmation', async () => {
    const calls = newsroom([REPORT]);
    renderSignedIn(<AuthGate><ApiTokens /></AuthGate>);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke the token weekly report…' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Revoke: it stops working now' }));
    expect(await screen.findByText('You have no API tokens.')).toBeVisible();
    const revoke = calls.find((c) => c.method === 'DELETE')!;
    expect(revoke.path).toBe('/api/me/tokens/t-report');
    expect(revoke.headers['x-xsrf-token']).toBe('csrf-3');
  });
});
