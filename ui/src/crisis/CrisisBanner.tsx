import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { CrisisStatus, PausedPlacementsDecision } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { useNameOf } from '../people/usePeople';
import { formatInstant } from '../time/format';

// Crisis mode in the dashboard: everyone sees the banner while it lasts (the page turns red); governance
// leads switch it on and end it, deciding what happens to the paused placements.

export function useCrisis() {
  return useQuery({ queryKey: keys.crisis, queryFn: api.crisis, retry: false });
}

const DECISIONS: { value: PausedPlacementsDecision; label: string }[] = [
  { value: 'DECIDE_EACH', label: 'Keep them paused: the desk resumes, reschedules or cancels each one' },
  { value: 'RESUME', label: 'Resume all whose slot is still ahead (the others stay paused)' },
  { value: 'CANCEL', label: 'Cancel all paused placements' },
];

/** The red banner while crisis mode is on, with the lead's "End crisis" form. */
export function CrisisBanner() {
  const crisis = useCrisis();
  const { me } = useAuth();
  const nameOf = useNameOf();
  const [ending, setEnding] = useState(false);
  const current = crisis.data?.active ? crisis.data.current : null;
  if (!crisis.data?.active) return null;
  return (
    <section className="crisis-banner" role="alert" data-testid="crisis-banner" aria-label="Crisis mode">
      <p>
        <strong>Crisis mode is on.</strong>{' '}
        {current && (
          <>
            Switched on by {nameOf(current.switchedOnBy)}, {formatInstant(current.switchedOnAt)}: “{current.reason}”.{' '}
          </>
        )}
        Every scheduled placement is paused; only governance leads may schedule or publish.
      </p>
      {can(me, 'SWITCH_CRISIS_MODE') && !ending && (
        <button type="button" onClick={() => setEnding(true)} data-testid="end-crisis">
          End crisis…
        </button>
      )}
      {ending && <EndCrisisForm onDone={() => setEnding(false)} />}
    </section>
  );
}

function EndCrisisForm({ onDone }: { onDone(): void }) {
  const queryClient = useQueryClient();
  const nameOf = useNameOf();
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<PausedPlacementsDecision>('DECIDE_EACH');
  const end = useMutation({
    mutationFn: () => api.endCrisis(reason.trim(), decision),
    onSuccess: (status: CrisisStatus) => {
      queryClient.setQueryData(keys.crisis, status);
      void queryClient.invalidateQueries({ queryKey: ['story'] });
      onDone();
    },
  });
  return (
    <form
      className="inline-form"
      data-testid="end-crisis-form"
      onSubmit={(e) => {
        e.preventDefault();
        end.mutate();
      }}
    >
      <label htmlFor="end-crisis-reason">Why it is over</label>
      <input id="end-crisis-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      <label htmlFor="end-crisis-decision">The paused placements</label>
      <select
        id="end-crisis-decision"
        value={decision}
        onChange={(e) => setDecision(e.target.value as PausedPlacementsDecision)}
      >
        {DECISIONS.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={end.isPending}>
        End crisis mode
      </button>
      <button type="button" onClick={onDone}>
        Keep it on
      </button>
      <ProblemAlert error={end.error} onDismiss={end.reset} nameOf={nameOf} />
    </form>
  );
}

/** In the top bar, for governance leads while there is no crisis: switch it on with a reason. */
export function CrisisSwitch() {
  const crisis = useCrisis();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const nameOf = useNameOf();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const switchOn = useMutation({
    mutationFn: () => api.switchCrisisOn(reason.trim()),
    onSuccess: (status: CrisisStatus) => {
      queryClient.setQueryData(keys.crisis, status);
      void queryClient.invalidateQueries({ queryKey: ['story'] });
      setOpen(false);
      setReason('');
    },
  });
  if (!can(me, 'SWITCH_CRISIS_MODE') || crisis.data?.active !== false) return null;
  return (
    <div className="crisis-switch">
      <button type="button" className="danger" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="crisis-switch">
        Crisis mode…
      </button>
      {open && (
        <form
          className="crisis-switch-form card"
          data-testid="crisis-switch-form"
          onSubmit={(e) => {
            e.preventDefault();
            switchOn.mutate();
          }}
        >
          <p>Switching crisis mode on pauses every scheduled placement at once, for everybody.</p>
          <label htmlFor="crisis-reason">Reason</label>
          <input id="crisis-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="danger" disabled={switchOn.isPending}>
            Switch crisis mode on
          </button>
          <ProblemAlert error={switchOn.error} onDismiss={switchOn.reset} nameOf={nameOf} />
        </form>
      )}
    </div>
  );
}
