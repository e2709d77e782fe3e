import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ROLES, type Account } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ROLE_TEXT, rolesText } from '../auth/roles';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { formatInstant } from '../time/format';
import { accountStateText, filterAccounts, knownGroups, NO_FILTER, type AccountFilter, type AccountStateFilter } from './accounts';
import { AccountDialog } from './AccountDialog';
import { RegisterDialog } from './RegisterDialog';

// People: every account with its roles, groups and state, for admins (who change them) and auditors
// (who read them and their history). Filter by role, group and state; open one to see and change it.

export function PeopleView({ openUser, onOpenUser }: { openUser: string | null; onOpenUser(username: string | null): void }) {
  const me = useMe();
  // Not pushed live: read again whenever the view opens.
  const accounts = useQuery({ queryKey: keys.accounts, queryFn: api.accounts, staleTime: 0 });
  const [filter, setFilter] = useState<AccountFilter>(NO_FILTER);
  const [registering, setRegistering] = useState(false);
  const groups = useMemo(() => knownGroups(accounts.data ?? []), [accounts.data]);
  const shown = filterAccounts(accounts.data ?? [], filter);
  const set = (change: Partial<AccountFilter>) => setFilter((f) => ({ ...f, ...change }));

  return (
    <section aria-labelledby="people-title" className="people-view">
      <div className="view-head">
        <h1 id="people-title">People</h1>
        {accounts.isFetching && <span className="muted">Refreshing…</span>}
        {can(me, 'MANAGE_USERS') && (
          <button type="button" className="primary" onClick={() => setRegistering(true)} data-testid="register-person">
            Register a person…
          </button>
        )}
      </div>
      <p className="muted">
        Everyone who can sign in to the newsroom, with their roles and groups. Groups decide which approvals a governance lead
        signs (e.g. <em>legal</em>).
      </p>
      <form className="filters people-filters" role="search" aria-label="Filter people" onSubmit={(e) => e.preventDefault()}>
        <div className="filter-row">
          <label htmlFor="people-text">Name</label>
          <input id="people-text" type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} placeholder="user or display name" />
        </div>
        <div className="filter-row">
          <label htmlFor="people-role">Role</label>
          <select id="people-role" value={filter.role} onChange={(e) => set({ role: e.target.value as AccountFilter['role'] })}>
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_TEXT[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-row">
          <label htmlFor="people-group">Group</label>
          <select id="people-group" value={filter.group} onChange={(e) => set({ group: e.target.value })}>
            <option value="">Any group</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-row">
          <label htmlFor="people-state">State</label>
          <select id="people-state" value={filter.state} onChange={(e) => set({ state: e.target.value as AccountStateFilter })}>
            <option value="all">Enabled and disabled</option>
            <option value="enabled">Enabled</option>
            <option value="disabled">Disabled</option>
          </select>
        </div>
      </form>
      <ProblemAlert error={accounts.error} />
      {accounts.isPending && <p>Loading the people…</p>}
      {accounts.data && shown.length === 0 && <p className="empty">Nobody matches these filters.</p>}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="accounts">
            <caption className="sr-only">People ({shown.length})</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Roles</th>
                <th scope="col">Groups</th>
                <th scope="col">State</th>
                <th scope="col">Registered</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <AccountRow key={a.username} account={a} onOpen={() => onOpenUser(a.username)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {registering && <RegisterDialog groupSuggestions={groups} onClose={() => setRegistering(false)} />}
      {openUser && <AccountDialog key={openUser} username={openUser} groupSuggestions={groups} onClose={() => onOpenUser(null)} />}
    </section>
  );
}

function AccountRow({ account, onOpen }: { account: Account; onOpen(): void }) {
  return (
    <tr data-testid="account-row" data-username={account.username} className={account.enabled ? undefined : 'account-disabled'}>
      <th scope="row">
        {account.displayName || account.username}
        <div className="muted">{account.username}</div>
      </th>
      <td>{rolesText(account.roles)}</td>
      <td>{account.groups?.length ? account.groups.join(', ') : '—'}</td>
      <td>
        <span className={`status ${account.enabled ? '' : 'status-cancelled'}`}>{accountStateText(account)}</span>
      </td>
      <td>
        {account.registeredAt ? formatInstant(account.registeredAt) : '—'}
        {account.registeredBy && <div className="muted">by {account.registeredBy}</div>}
      </td>
      <td className="row-actions">
        <button type="button" onClick={onOpen} aria-label={`Open the account of ${account.displayName || account.username}`}>
          Open
        </button>
      </td>
    </tr>
  );
}
