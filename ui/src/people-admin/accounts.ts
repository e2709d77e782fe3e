import type { Account, AccountAction, HistoryEntry, Role } from '../api/types';
import { rolesText } from '../auth/roles';

// The people view's logic: which accounts a filter shows, the groups to suggest, what may be done to
// an account (the server's `allowedActions`, never recomputed here), and an account's history in words.

export type AccountStateFilter = 'all' | 'enabled' | 'disabled';

export interface AccountFilter {
  role: Role | '';
  group: string;
  state: AccountStateFilter;
  /** Part of the user name or display name. */
  text: string;
}

export const NO_FILTER: AccountFilter = { role: '', group: '', state: 'all', text: '' };

export function filterAccounts(accounts: readonly Account[], filter: AccountFilter): Account[] {
  const text = filter.text.trim().toLowerCase();
  return accounts
    .filter((a) => !filter.role || a.roles.includes(filter.role))
    .filter((a) => !filter.group || (a.groups ?? []).includes(filter.group))
    .filter((a) => filter.state === 'all' || (filter.state === 'enabled') === a.enabled)
    .filter((a) => !text || a.username.toLowerCase().includes(text) || (a.displayName ?? '').toLowerCase().includes(text))
    .sort((a, b) => a.username.localeCompare(b.username));
}

/** Every group some account is in, sorted: the suggestions when giving groups. */
export function knownGroups(accounts: readonly Account[]): string[] {
  return [...new Set(accounts.flatMap((a) => a.groups ?? []))].sort();
}

/** Whether the server offers this action on this account to the signed-in user. */
export function may(account: Account | undefined, action: AccountAction): boolean {
  return !!account && (account.allowedActions ?? []).includes(action);
}

export function accountStateText(account: Account): string {
  if (!account.enabled) return 'Disabled';
  return account.passwordChangeRequired ? 'Waiting for their own password' : 'Enabled';
}

/** A group name as typed: trimmed; the server checks its form (GroupNameFormat) and says so in words. */
export function addGroup(groups: readonly string[], typed: string): string[] {
  const name = typed.trim();
  return !name || groups.includes(name) ? [...groups] : [...groups, name];
}

function list(value: unknown, words: (items: string[]) => string = (items) => items.join(', ')): string {
  return Array.isArray(value) && value.length > 0 ? words(value.map(String)) : 'none';
}

/** What an account event did, in words: "gave the roles Editor, Governance lead (were: Editor)". */
export function accountChangeText(entry: Pick<HistoryEntry, 'type' | 'data'>): string {
  const d = (entry.data ?? {}) as Record<string, unknown>;
  switch (entry.type) {
    case 'UserRegistered':
      return `registered the account as ${list(d.roles, rolesText)}${Array.isArray(d.groups) && d.groups.length ? ` in ${list(d.groups)}` : ''}, with a one-time password`;
    case 'UserRolesChanged':
      return `changed the roles to ${list(d.roles, rolesText)} (were ${list(d.previousRoles, rolesText)})`;
    case 'UserGroupsChanged':
      return `changed the groups to ${list(d.groups)} (were ${list(d.previousGroups)})`;
    case 'UserDisabled':
      return typeof d.reason === 'string' && d.reason.trim() ? `disabled the account: “${d.reason.trim()}”` : 'disabled the account';
    case 'UserReEnabled':
      return 're-enabled the account';
    case 'PasswordReset':
      return 'gave a new one-time password';
    case 'PasswordChanged':
      return 'chose a new password';
    default:
      return entry.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
}
