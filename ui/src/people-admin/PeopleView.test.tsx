// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account, AccountAction } from '../api/types';
import { forgetSignInMethods } from '../auth/session';
import { AuthGate } from '../shell/AuthGate';
import { answer, fakeApi, problem, setCookie, type Call } from '../test-support/fakeApi';
import { renderSignedIn } from '../test-support/render';
import { PeopleView } from './PeopleView';

// The people view against a stand-in server: what is offered is exactly the account's allowedActions,
// every change carries the version seen, and a one-time password is shown once and then gone.

const ADMIN_ME = { username: 'alice', displayName: 'Alice Admin', roles: ['ADMIN'], groups: [], actions: ['MANAGE_USERS', 'READ_AUDIT_TRAIL', 'READ'], passwordChangeRequired: false };
const AUDITOR_ME = { username: 'otto', displayName: 'Otto Auditor', roles: ['AUDITOR'], groups: [], actions: ['READ_AUDIT_TRAIL', 'READ'], passwordChangeRequired: false };
const ONE_TIME = 'Kx4-first-day-7Qm';

function account(username: string, allowedActions: AccountAction[], extra: Partial<Account> = {}): Account {
  return {
    username,
    displayName: `${username[0].toUpperCase()}${username.slice(1)}`,
    roles: ['GOVERNANCE_LEAD'],
    groups: ['legal'],
    enabled: true,
    passwordChangeRequired: false,
    registeredAt: '2027-03-01T08:00:00Z',
    registeredBy: 'alice',
    version: 4,
    allowedActions,
    ...extra,
  };
}

const HISTORY = [
  { version: 0, type: 'UserRegistered', at: '2027-03-01T08:00:00Z', by: 'alice', data: { roles: ['GOVERNANCE_LEAD'], groups: ['legal'] } },
  { version: 4, type: 'UserGroupsChanged', at: '2027-03-02T08:00:00Z', by: 'alice', data: { groups: ['legal'], previousGroups: ['hr'] } },
];

const TOKENS = [
  { id: 'tk-1', name: 'contract export', createdAt: '2027-02-01T08:00:00Z', expiresAt: '2099-01-01T00:00:00Z', lastUsedAt: null, revoked: false },
  { id: 'tk-0', name: 'old script', createdAt: '2027-01-01T08:00:00Z', expiresAt: '2099-01-01T00:00:00Z', lastUsedAt: null, revoked: true },
];

/** A server with these accounts; `onChange` answers the changes (default: applied, version + 1). */
function newsroom(me: object, accounts: Account[], onChange?: (call: Call) => ReturnType<typeof answer> | undefined) {
  let tokens = [...TOKENS];
  const byName = new Map(accounts.map((a) => [a.username, a]));
  return fakeApi((call) => {
    if (call.path === '/api/session/options') {
      setCookie('XSRF-TOKEN', 'csrf-7');
      return answer(200, { sso: null });
    }
    if (call.path === '/api/me') return answer(200, me);
    if (call.method === 'GET' && call.path === '/api/admin/users') return answer(200, [...byName.values()]);
    const one = call.path.match(/^\/api\/admin\/users\/([^/]+)(\/.*)?$/);
    if (call.method === 'GET' && one && one[2] === '/history') return answer(200, HISTORY);
    if (call.method === 'GET' && one && one[2] === '/tokens') return answer(200, tokens);
    if (call.method === 'DELETE' && one && one[2]?.startsWith('/tokens/')) {
      tokens = tokens.map((t) => (`/tokens/${t.id}` === one[2] ? { ...t, revoked: true } : t));
      return answer(204);
    }
    if (call.method === 'GET' && one && !one[2]) return byName.has(one[1]) ? answer(200, byName.get(one[1])) : problem(404, 'user-not-found');
    const custom = onChange?.(call);
    if (custom) return custom;
    if (call.method === 'POST' && call.path === '/api/admin/users') {
      const body = call.body as { username: string; displayName?: string; roles: string[]; groups: string[] };
      const made = account(body.username, ['CHANGE_ROLES', 'CHANGE_GROUPS', 'DISABLE', 'RESET_PASSWORD'], { ...body, passwordChangeRequired: true, version: 0 } as Partial<Account>);
      byName.set(made.username, made);
      return answer(201, { account: made, oneTimePassword: ONE_TIME });
    }
    if (one && call.method === 'PUT' && one[2] === '/roles') {
      const changed = { ...byName.get(one[1])!, roles: (call.body as { roles: Account['roles'] }).roles, version: byName.get(one[1])!.version + 1 };
      byName.set(one[1], changed);
      return answer(200, changed);
    }
    if (one && call.method === 'POST' && one[2] === '/disable') {
      const changed: Account = { ...byName.get(one[1])!, enabled: false, version: byName.get(one[1])!.version + 1, allowedActions: ['RE_ENABLE'] };
      byName.set(one[1], changed);
      return answer(200, changed);
    }
    if (one && call.method === 'POST' && one[2] === '/password-reset') return answer(200, { username: one[1], oneTimePassword: ONE_TIME });
    return problem(404, 'not-found');
  });
}

/** The view with its route state (the open account) kept as App keeps it in the URL. */
function People() {
  const [open, setOpen] = useState<string | null>(null);
  return <PeopleView openUser={open} onOpenUser={setOpen} />;
}

async function openAccount(name: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: `Open the account of ${name}` }));
  const dialog = await screen.findByTestId('account-dialog');
  return { user, dialog };
}

const buttonsIn = (element: HTMLElement) => within(element).queryAllByRole('button').map((b) => b.textContent);

beforeEach(() => {
  forgetSignInMethods();
  setCookie('XSRF-TOKEN', null);
});
afterEach(() => vi.unstubAllGlobals());

describe('the people view for an admin', () => {
  it('lists everyone with roles, groups and state, and filters them', async () => {
    newsroom(ADMIN_ME, [account('lisa', []), account('carla', [], { roles: ['CONTRIBUTOR'], groups: ['hr'], enabled: false })]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const rows = await screen.findAllByTestId('account-row');
    expect(rows.map((r) => r.dataset.username)).toEqual(['carla', 'lisa']);
    expect(within(rows[0]).getByText('Disabled')).toBeVisible();
    expect(within(rows[1]).getByText('Governance lead')).toBeVisible();
    await userEvent.selectOptions(screen.getByLabelText('Group'), 'legal');
    expect(screen.getAllByTestId('account-row').map((r) => r.dataset.username)).toEqual(['lisa']);
  });

  it('offers exactly the actions the server allows on each account', async () => {
    newsroom(ADMIN_ME, [account('lisa', ['CHANGE_ROLES', 'DISABLE']), account('alice', ['CHANGE_GROUPS'], { roles: ['ADMIN'] })]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const { dialog } = await openAccount('Lisa');
    expect(buttonsIn(within(dialog).getByTestId('account-actions'))).toEqual(['Change roles…', 'Disable…']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close the account' }));
    const own = (await openAccount('Alice')).dialog;
    expect(buttonsIn(within(own).getByTestId('account-actions'))).toEqual(['Change groups…']);
  });

  it('changes roles with the version it saw, and says so when someone changed the account meanwhile', async () => {
    let conflict = true;
    const calls = newsroom(ADMIN_ME, [account('lisa', ['CHANGE_ROLES'])], (call) => {
      if (call.method === 'PUT' && conflict) {
        conflict = false;
        return problem(409, 'version-conflict', { currentVersion: 5, username: 'lisa' });
      }
      return undefined;
    });
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const { user, dialog } = await openAccount('Lisa');
    await user.click(within(dialog).getByRole('button', { name: 'Change roles…' }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^Editor/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    expect(await within(dialog).findByText('Someone changed this account meanwhile.')).toBeVisible();
    const reads = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/admin/users/lisa').length;
    await waitFor(() => expect(reads()).toBeGreaterThan(0)); // read again after the conflict

    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(within(dialog).getByTestId('account-roles')).toHaveTextContent('Editor, Governance lead'));
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1].path).toBe('/api/admin/users/lisa/roles');
    expect(puts[1].body).toEqual({ roles: ['EDITOR', 'GOVERNANCE_LEAD'] });
    expect(puts[1].headers['if-match']).toBe('"4"');
    expect(puts[1].headers['x-xsrf-token']).toBe('csrf-7');
  });

  it('disables with a reason, after which only re-enabling is offered', async () => {
    const calls = newsroom(ADMIN_ME, [account('lisa', ['DISABLE', 'RESET_PASSWORD'])]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const { user, dialog } = await openAccount('Lisa');
    await user.click(within(dialog).getByRole('button', { name: 'Disable…' }));
    await user.type(within(dialog).getByLabelText('Why disable Lisa?'), 'left the company');
    await user.click(within(dialog).getByRole('button', { name: 'Disable Lisa' }));
    await waitFor(() => expect(within(dialog).getByTestId('account-state')).toHaveTextContent('Disabled'));
    expect(buttonsIn(within(dialog).getByTestId('account-actions'))).toEqual(['Re-enable']);
    const disable = calls.find((c) => c.path === '/api/admin/users/lisa/disable')!;
    expect(disable.body).toEqual({ reason: 'left the company' });
    expect(disable.headers['if-match']).toBe('"4"');
  });

  it('registers a person and shows their one-time password once, then never again', async () => {
    const calls = newsroom(ADMIN_ME, [account('lisa', [])]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Register a person…' }));
    const dialog = await screen.findByTestId('register-dialog');
    await user.type(within(dialog).getByLabelText('User name'), 'bruno');
    await user.type(within(dialog).getByLabelText('Display name'), 'Bruno Brand');
    await user.click(within(dialog).getByRole('checkbox', { name: /^Editor/ }));
    await user.type(within(dialog).getByLabelText('Add a group'), 'brand{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Register' }));

    expect(await screen.findByTestId('one-time-password-value')).toHaveValue(ONE_TIME);
    expect(screen.getByText(/you will not see it again/)).toBeVisible();
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/admin/users')!.body).toEqual({
      username: 'bruno',
      displayName: 'Bruno Brand',
      roles: ['CONTRIBUTOR', 'EDITOR'],
      groups: ['brand'],
    });
    await user.click(screen.getByRole('button', { name: 'Done — I have copied it' }));
    expect(screen.queryByTestId('register-dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain(ONE_TIME);
    const row = (await screen.findAllByTestId('account-row')).find((r) => r.dataset.username === 'bruno')!;
    expect(within(row).getByText('Waiting for their own password')).toBeVisible();
  });

  it('gives a new one-time password after asking, shown once', async () => {
    const calls = newsroom(ADMIN_ME, [account('lisa', ['RESET_PASSWORD'])]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const { user, dialog } = await openAccount('Lisa');
    await user.click(within(dialog).getByRole('button', { name: 'Give a new one-time password…' }));
    expect(calls.some((c) => c.path.endsWith('/password-reset'))).toBe(false); // nothing before the confirmation
    await user.click(within(dialog).getByRole('button', { name: 'Give a new one-time password' }));
    expect(await within(dialog).findByTestId('one-time-password-value')).toHaveValue(ONE_TIME);
    await user.click(within(dialog).getByRole('button', { name: 'Done — I have copied it' }));
    expect(document.body.innerHTML).not.toContain(ONE_TIME);
  });
});

describe("someone's API tokens", () => {
  it('are listed for an admin, revoked ones marked, and an admin revokes one after confirming', async () => {
    const calls = newsroom(ADMIN_ME, [account('lisa', [])]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const { user, dialog } = await openAccount('Lisa');
    const tokens = await within(dialog).findByTestId('account-tokens');
    const rows = await within(tokens).findAllByTestId('token-row');
    expect(rows.map((r) => r.dataset.tokenId)).toEqual(['tk-1', 'tk-0']);
    expect(within(rows[1]).getByText('revoked')).toBeVisible();
    expect(within(rows[1]).queryByRole('button')).toBeNull();
    await user.click(within(rows[0]).getByRole('button', { name: 'Revoke the token contract export…' }));
    await user.click(within(rows[0]).getByRole('button', { name: 'Revoke: it stops working now' }));
    await waitFor(() => expect(within(tokens).getAllByText('revoked')).toHaveLength(2));
    const revoke = calls.find((c) => c.method === 'DELETE')!;
    expect(revoke.path).toBe('/api/admin/users/lisa/tokens/tk-1');
    expect(revoke.headers['x-xsrf-token']).toBe('csrf-7');
  });

  it('are listed for an auditor without a revoke button', async () => {
    newsroom(AUDITOR_ME, [account('lisa', [])]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    const { dialog } = await openAccount('Lisa');
    const tokens = await within(dialog).findByTestId('account-tokens');
    expect(await within(tokens).findAllByTestId('token-row')).toHaveLength(2);
    expect(within(tokens).queryAllByRole('button')).toEqual([]);
  });
});

describe('the people view for an auditor', () => {
  it('reads every account and its history, and offers no change at all', async () => {
    const calls = newsroom(AUDITOR_ME, [account('lisa', [])]);
    renderSignedIn(<AuthGate><People /></AuthGate>);
    await screen.findAllByTestId('account-row');
    expect(screen.queryByRole('button', { name: 'Register a person…' })).toBeNull();
    const { dialog } = await openAccount('Lisa');
    expect(within(dialog).getByTestId('no-account-actions')).toHaveTextContent('You can read this account');
    expect(buttonsIn(dialog)).toEqual(['×']); // only closing
    await within(dialog).findAllByTestId('token-row');
    expect(buttonsIn(dialog)).toEqual(['×']); // not even for the tokens
    const history = await within(dialog).findByTestId('account-history');
    expect(history).toHaveTextContent('alice changed the groups to legal (were hr)');
    expect(history).toHaveTextContent('alice registered the account as Governance lead in legal, with a one-time password');
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });
});
