import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { formatInstant, fromZoneInput } from '../time/format';
import { describeDelegation } from './governance';

// Signing delegations in the approvals inbox: the ones I gave and the ones I hold, and (for a governance lead)
// a form to delegate signing for one of my groups. Revoke is offered where the server says so.

export function DelegationsPanel() {
  const me = useMe();
  const queryClient = useQueryClient();
  const delegations = useQuery({ queryKey: keys.delegations, queryFn: api.delegations });
  const revoke = useMutation({
    mutationFn: (delegationId: string) => api.revokeDelegation(delegationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.delegations }),
  });
  const list = delegations.data ?? [];
  return (
    <section aria-labelledby="delegations-title" className="delegations card" data-testid="delegations">
      <h2 id="delegations-title">Signing delegations</h2>
      <ProblemAlert error={delegations.error} />
      {list.length === 0 && <p className="muted">No delegations.</p>}
      <ul>
        {list.map((answer) => (
          <li key={answer.delegation.delegationId} data-testid="delegation">
            {describeDelegation(answer, me.username)}: {formatInstant(answer.delegation.from)} –{' '}
            {formatInstant(answer.delegation.until)}
            {answer.allowedActions.includes('REVOKE') && (
              <button type="button" onClick={() => revoke.mutate(answer.delegation.delegationId)} disabled={revoke.isPending}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemAlert error={revoke.error} onDismiss={revoke.reset} />
      {can(me, 'DELEGATE_SIGNING') && <DelegateForm groups={me.groups ?? []} />}
    </section>
  );
}

function DelegateForm({ groups }: { groups: string[] }) {
  const queryClient = useQueryClient();
  const [group, setGroup] = useState(groups[0] ?? '');
  const [delegate, setDelegate] = useState('');
  const [until, setUntil] = useState('');
  const save = useMutation({
    mutationFn: () => api.delegate(group, delegate.trim(), fromZoneInput(until) ?? until),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: keys.delegations });
      setDelegate('');
    },
  });
  return (
    <form
      className="stack"
      aria-label="Delegate signing"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label>
        Group
        <select value={group} onChange={(e) => setGroup(e.target.value)}>
          {groups.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </label>
      <label>
        Delegate (username of another member)
        <input required value={delegate} onChange={(e) => setDelegate(e.target.value)} />
      </label>
      <label>
        Until
        <input type="datetime-local" required value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <button type="submit" disabled={save.isPending}>
        Delegate signing
      </button>
      <ProblemAlert error={save.error} onDismiss={save.reset} />
    </form>
  );
}
