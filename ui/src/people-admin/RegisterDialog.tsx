import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Account, Registration, Role } from '../api/types';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { Dialog } from '../shell/Dialog';
import { SecretOnce } from '../shell/SecretOnce';
import { GroupsField } from './GroupsField';
import { RolesField } from './RolesField';

/** Registering a person: the answer carries their one-time password, shown here once. */
export function RegisterDialog({ groupSuggestions, onClose }: { groupSuggestions: readonly string[]; onClose(): void }) {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['CONTRIBUTOR']);
  const [groups, setGroups] = useState<string[]>([]);
  const [registered, setRegistered] = useState<Registration | null>(null);
  const register = useMutation({
    mutationFn: () => api.register({ username: username.trim(), displayName: displayName.trim() || undefined, roles, groups }),
    onSuccess: (answer) => {
      queryClient.setQueryData<Account[]>(keys.accounts, (list) => (list ? [...list.filter((a) => a.username !== answer.account.username), answer.account] : list));
      void queryClient.invalidateQueries({ queryKey: keys.accounts });
      void queryClient.invalidateQueries({ queryKey: keys.users });
      setRegistered(answer);
    },
  });

  if (registered) {
    const who = registered.account.displayName || registered.account.username;
    return (
      <Dialog title={`${who} is registered`} onClose={onClose} testId="register-dialog">
        <SecretOnce label={`One-time password for ${registered.account.username}`} value={registered.oneTimePassword} what="the one-time password" onDone={onClose} testId="one-time-password">
          <p>
            Give it to {who} in person or another safe way, with the user name <strong>{registered.account.username}</strong>. They sign
            in with it and must then choose their own password; it works only until they do.
          </p>
        </SecretOnce>
      </Dialog>
    );
  }

  return (
    <Dialog title="Register a person" onClose={onClose} testId="register-dialog">
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          register.mutate();
        }}
      >
        <div className="grid-2">
          <div>
            <label htmlFor="register-username">User name</label>
            <input
              id="register-username"
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-describedby="register-username-hint"
            />
            <span id="register-username-hint" className="hint">
              2–32 lower-case letters, digits, dots, dashes or underscores; never reused.
            </span>
          </div>
          <div>
            <label htmlFor="register-name">Display name</label>
            <input id="register-name" maxLength={200} value={displayName} onChange={(e) => setDisplayName(e.target.value)} placeholder="e.g. Lisa Legal" />
          </div>
        </div>
        <RolesField roles={roles} onChange={setRoles} />
        <GroupsField groups={groups} onChange={setGroups} suggestions={groupSuggestions} />
        <ProblemAlert error={register.error} onDismiss={register.reset} />
        <div className="actions">
          <button type="submit" className="primary" disabled={register.isPending}>
            {register.isPending ? 'Registering…' : 'Register'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
