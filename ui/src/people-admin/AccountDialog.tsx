import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { Account, AccountAction, PasswordResetAnswer, Role } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { rolesText } from '../auth/roles';
import { ProblemAlert, useToasts } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { Dialog } from '../shell/Dialog';
import { SecretOnce } from '../shell/SecretOnce';
import { formatInstant } from '../time/format';
import { accountChangeText, accountStateText, may } from './accounts';
import { AccountTokens } from './AccountTokens';
import { GroupsField } from './GroupsField';
import { RolesField } from './RolesField';

// One account: its state, what the signed-in admin may do to it now (exactly the server's
// `allowedActions`), and its history. Each change sends the version the admin saw (If-Match); when
// someone changed the account in between, the refusal says so and the account is read again.

type Editing = 'roles' | 'groups' | 'disable' | 'reset' | null;

export function AccountDialog({
  username,
  groupSuggestions,
  onClose,
}: {
  username: string;
  groupSuggestions: readonly string[];
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const me = useMe();
  const account = useQuery({
    queryKey: keys.account(username),
    queryFn: () => api.account(username),
    initialData: () => queryClient.getQueryData<Account[]>(keys.accounts)?.find((a) => a.username === username),
    initialDataUpdatedAt: () => queryClient.getQueryState(keys.accounts)?.dataUpdatedAt,
    // Accounts are not pushed live (people change their own password, other admins work meanwhile):
    // shown at once from the list, then always read again.
    staleTime: 0,
  });
  const history = useQuery({ queryKey: keys.accountHistory(username), queryFn: () => api.accountHistory(username), staleTime: 0 });
  const a = account.data;
  const title = a ? `${a.displayName || a.username}` : username;

  return (
    <Dialog title={title} onClose={onClose} closeLabel="Close the account" testId="account-dialog">
      <ProblemAlert error={account.error} />
      {a && (
        <>
          <dl className="facts" data-testid="account-facts">
            <dt>User name</dt>
            <dd>{a.username}</dd>
            <dt>State</dt>
            <dd data-testid="account-state">{accountStateText(a)}</dd>
            <dt>Roles</dt>
            <dd data-testid="account-roles">{rolesText(a.roles) || '—'}</dd>
            <dt>Groups</dt>
            <dd data-testid="account-groups">{a.groups?.length ? a.groups.join(', ') : '—'}</dd>
            <dt>Registered</dt>
            <dd>
              {a.registeredAt ? formatInstant(a.registeredAt) : '—'}
              {a.registeredBy ? ` by ${a.registeredBy}` : ''}
            </dd>
          </dl>
          <AccountActions account={a} groupSuggestions={groupSuggestions} />
          <AccountTokens username={a.username} mayRevoke={can(me, 'MANAGE_USERS')} />
        </>
      )}
      <section className="account-history" aria-labelledby="account-history-title">
        <h3 id="account-history-title">History</h3>
        <ProblemAlert error={history.error} />
        {history.isPending && <p>Loading the history…</p>}
        {history.data && (
          <ol className="history-list" data-testid="account-history">
            {[...history.data].reverse().map((e) => (
              <li key={e.version}>
                <span className="muted">{formatInstant(e.at)}</span> <strong>{e.by || 'someone'}</strong> {accountChangeText(e)}
              </li>
            ))}
          </ol>
        )}
      </section>
    </Dialog>
  );
}

function AccountActions({ account, groupSuggestions }: { account: Account; groupSuggestions: readonly string[] }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [editing, setEditing] = useState<Editing>(null);
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [groups, setGroups] = useState<string[]>(account.groups ?? []);
  const [reason, setReason] = useState('');
  const [reset, setReset] = useState<PasswordResetAnswer | null>(null);
  const who = account.displayName || account.username;

  const applied = (fresh: Account, message: string) => {
    queryClient.setQueryData(keys.account(fresh.username), fresh);
    queryClient.setQueryData<Account[]>(keys.accounts, (list) => list?.map((x) => (x.username === fresh.username ? fresh : x)));
    void queryClient.invalidateQueries({ queryKey: keys.accountHistory(fresh.username) });
    void queryClient.invalidateQueries({ queryKey: keys.users });
    setEditing(null);
    toasts.success(message);
  };
  const reread = (error: unknown) => {
    // Someone changed the account meanwhile: show it as it is now (the refusal says so).
    if (error instanceof ApiError && error.status === 409) {
      void queryClient.invalidateQueries({ queryKey: keys.account(account.username) });
      void queryClient.invalidateQueries({ queryKey: keys.accountHistory(account.username) });
    }
  };
  const change = useMutation({
    mutationFn: async (what: Exclude<Editing, null>): Promise<Account | PasswordResetAnswer> => {
      switch (what) {
        case 'roles':
          return api.changeRoles(account.username, roles, account.version);
        case 'groups':
          return api.changeGroups(account.username, groups, account.version);
        case 'disable':
          return api.disable(account.username, reason.trim(), account.version);
        case 'reset':
          return api.resetPassword(account.username);
      }
    },
    onSuccess: (answer, what) => {
      if (what === 'reset') {
        setReset(answer as PasswordResetAnswer);
        setEditing(null);
        void queryClient.invalidateQueries({ queryKey: keys.account(account.username) });
        void queryClient.invalidateQueries({ queryKey: keys.accountHistory(account.username) });
        void queryClient.invalidateQueries({ queryKey: keys.accounts });
        return;
      }
      const text = { roles: 'Roles changed', groups: 'Groups changed', disable: `${who} is disabled` }[what];
      applied(answer as Account, text);
    },
    onError: reread,
  });
  const enable = useMutation({
    mutationFn: () => api.enable(account.username, account.version),
    onSuccess: (fresh) => applied(fresh, `${who} is enabled again`),
    onError: reread,
  });

  const start = (what: Editing) => {
    change.reset();
    setRoles(account.roles);
    setGroups(account.groups ?? []);
    setReason('');
    setEditing(what);
  };
  const offered = (['CHANGE_ROLES', 'CHANGE_GROUPS', 'DISABLE', 'RE_ENABLE', 'RESET_PASSWORD'] as AccountAction[]).filter((x) => may(account, x));

  if (reset) {
    return (
      <SecretOnce label={`New one-time password for ${account.username}`} value={reset.oneTimePassword} what="the one-time password" onDone={() => setReset(null)} testId="one-time-password">
        <p>
          {who}’s old password no longer works. Give them this one in person or another safe way; they sign in with it and must
          then choose their own.
        </p>
      </SecretOnce>
    );
  }

  if (offered.length === 0) {
    return <p className="muted" data-testid="no-account-actions">You can read this account; changing it is not open to you.</p>;
  }

  const form = (what: Exclude<Editing, null>, label: string, body: ReactNode, submit: string, danger = false) =>
    editing === what && (
      <form
        className="account-change card"
        aria-label={label}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          change.mutate(what);
        }}
      >
        {body}
        <ProblemAlert error={change.error} onDismiss={change.reset} />
        <div className="actions">
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={change.isPending}>
            {submit}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </div>
      </form>
    );

  return (
    <div className="account-actions" data-testid="account-actions">
      {editing === null && (
        <div className="actions">
          {may(account, 'CHANGE_ROLES') && (
            <button type="button" onClick={() => start('roles')}>
              Change roles…
            </button>
          )}
          {may(account, 'CHANGE_GROUPS') && (
            <button type="button" onClick={() => start('groups')}>
              Change groups…
            </button>
          )}
          {may(account, 'RESET_PASSWORD') && (
            <button type="button" onClick={() => start('reset')}>
              Give a new one-time password…
            </button>
          )}
          {may(account, 'DISABLE') && (
            <button type="button" className="danger" onClick={() => start('disable')}>
              Disable…
            </button>
          )}
          {may(account, 'RE_ENABLE') && (
            <button type="button" className="primary" onClick={() => enable.mutate()} disabled={enable.isPending}>
              Re-enable
            </button>
          )}
        </div>
      )}
      <ProblemAlert error={enable.error} onDismiss={enable.reset} />
      {form('roles', `Roles of ${who}`, <RolesField roles={roles} onChange={setRoles} />, 'Save roles')}
      {form('groups', `Groups of ${who}`, <GroupsField groups={groups} onChange={setGroups} suggestions={groupSuggestions} />, 'Save groups')}
      {form(
        'disable',
        `Disable ${who}`,
        <>
          <label htmlFor="disable-reason">Why disable {who}?</label>
          <input id="disable-reason" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          <p className="hint">
            {who} is signed out everywhere at once and can no longer sign in. Their stories, approvals and history stay; you can
            re-enable the account later. The reason is kept in the account’s history.
          </p>
        </>,
        `Disable ${who}`,
        true,
      )}
      {form(
        'reset',
        `New one-time password for ${who}`,
        <p>
          {who}’s current password stops working at once. They get a one-time password from you, sign in with it and must then
          choose their own.
        </p>,
        'Give a new one-time password',
        true,
      )}
    </div>
  );
}
