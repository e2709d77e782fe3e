import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { fieldError, toProblem } from '../api/problem';
import type { BlackoutRequest, BlackoutView, Channel } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { channelColour, channelIdOf } from '../calendar/mapping';
import { ProblemAlert, useToasts } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { formatInstant, fromZoneInput } from '../time/format';
import { ZonedDateTimeInput } from '../time/ZonedDateTimeInput';
import {
  BLACKOUT_STATE_LABELS,
  blackoutRequest,
  blackoutState,
  canLift,
  channelsText,
  sortBlackouts,
  upsertBlackout,
} from './blackouts';

// Quiet (blackout) periods: windows in which nothing goes out on the given channels. Everyone sees
// them (and the calendar draws them); governance leads (DEFINE_BLACKOUT) define and lift them.

export function QuietPeriodsView() {
  const me = useMe();
  const mayDefine = can(me, 'DEFINE_BLACKOUT');
  const blackouts = useQuery({ queryKey: keys.blackouts, queryFn: api.blackouts });
  const channels = useQuery({ queryKey: keys.channels, queryFn: api.channels, staleTime: Infinity });
  const [defining, setDefining] = useState(false);
  const channelName = useMemo(() => {
    const names = new Map((channels.data ?? []).map((c) => [channelIdOf(c), c.name]));
    return (id: string) => names.get(id) ?? id;
  }, [channels.data]);
  const list = sortBlackouts(blackouts.data ?? []);

  return (
    <section aria-labelledby="quiet-title" className="quiet-view">
      <div className="view-head">
        <h1 id="quiet-title">Quiet periods</h1>
        {blackouts.isFetching && <span className="muted">Refreshing…</span>}
        {mayDefine && !defining && (
          <button type="button" className="primary" onClick={() => setDefining(true)} data-testid="define-blackout">
            Define a quiet period
          </button>
        )}
      </div>
      <p className="muted">
        Nothing goes out on the given channels during a quiet period (e.g. before quarterly results) unless a governance lead
        overrides with a reason. Placements inside one are paused and the calendar shows the period hatched.
      </p>
      <ProblemAlert error={blackouts.error} />
      {defining && <BlackoutForm channels={channels.data ?? []} onDone={() => setDefining(false)} />}
      {blackouts.isPending && <p>Loading quiet periods…</p>}
      {blackouts.data && list.length === 0 && <p className="empty">No quiet periods.</p>}
      {list.length > 0 && (
        <table className="data-table" data-testid="blackouts">
          <caption className="sr-only">Quiet periods</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Channels</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Reason</th>
              <th scope="col">State</th>
              {mayDefine && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <BlackoutRow key={b.blackoutId} blackout={b} channelName={channelName} mayLift={mayDefine} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function BlackoutRow({
  blackout,
  channelName,
  mayLift,
}: {
  blackout: BlackoutView;
  channelName(id: string): string;
  mayLift: boolean;
}) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [lifting, setLifting] = useState(false);
  const [reason, setReason] = useState('');
  const state = blackoutState(blackout);
  const lift = useMutation({
    mutationFn: () => api.liftBlackout(blackout.blackoutId, reason.trim()),
    onSuccess: () => {
      queryClient.setQueryData<BlackoutView[]>(keys.blackouts, (list) => upsertBlackout(list, { ...blackout, lifted: true }));
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
      toasts.success(`Quiet period “${blackout.name}” lifted`);
      setLifting(false);
    },
  });
  const reasonId = `lift-${blackout.blackoutId}`;
  return (
    <tr data-testid="blackout-row" data-blackout-id={blackout.blackoutId} data-state={state} className={`blackout-${state}`}>
      <th scope="row">{blackout.name}</th>
      <td>{channelsText(blackout.channelIds ?? [], channelName)}</td>
      <td>{formatInstant(blackout.startsAt)}</td>
      <td>{formatInstant(blackout.endsAt)}</td>
      <td>
        {blackout.reason || '—'}
        {blackout.definedBy && <div className="muted">defined by {blackout.definedBy}</div>}
      </td>
      <td>
        <span className={`status status-blackout-${state}`}>{BLACKOUT_STATE_LABELS[state]}</span>
      </td>
      {mayLift && (
        <td className="row-actions">
          {canLift(blackout) && !lifting && (
            <button type="button" onClick={() => setLifting(true)} aria-label={`Lift quiet period ${blackout.name}`}>
              Lift…
            </button>
          )}
          {lifting && (
            <form
              className="inline-form"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                lift.mutate();
              }}
            >
              <label htmlFor={reasonId}>Why lift “{blackout.name}”?</label>
              <input id={reasonId} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="submit" className="danger" disabled={lift.isPending}>
                Lift
              </button>
              <button type="button" onClick={() => setLifting(false)}>
                Cancel
              </button>
            </form>
          )}
          <ProblemAlert error={lift.error} onDismiss={lift.reset} />
        </td>
      )}
    </tr>
  );
}

function BlackoutForm({ channels, onDone }: { channels: Channel[]; onDone(): void }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const define = useMutation({
    mutationFn: (request: BlackoutRequest) => api.defineBlackout(request),
    onSuccess: (saved) => {
      if (saved?.blackoutId) queryClient.setQueryData<BlackoutView[]>(keys.blackouts, (list) => upsertBlackout(list, saved));
      else void queryClient.invalidateQueries({ queryKey: keys.blackouts });
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
      toasts.success(`Quiet period “${saved?.name ?? name}” defined`);
      onDone();
    },
  });
  const problem = define.error ? toProblem(define.error) : null;
  const prefix = 'blackout-form';

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = blackoutRequest({ name, channels: chosen, from: fromZoneInput(from), to: fromZoneInput(to), reason });
    if (typeof request === 'string') {
      setInvalid(request);
      return;
    }
    setInvalid(null);
    define.mutate(request);
  }

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const err = (field: string) => {
    const message = fieldError(problem, field);
    return message ? <span className="field-error">{message}</span> : null;
  };

  return (
    <form className="card blackout-form" onSubmit={submit} aria-labelledby={`${prefix}-title`} data-testid="blackout-form">
      <h2 id={`${prefix}-title`}>Define a quiet period</h2>
      <fieldset disabled={define.isPending}>
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        {err('name')}
        <fieldset className="channel-choice" aria-describedby={`${prefix}-channels-help`}>
          <legend>Channels</legend>
          <p id={`${prefix}-channels-help`} className="hint">
            {chosen.length === 0 ? 'None chosen: the quiet period covers all channels.' : `${chosen.length} chosen.`}
          </p>
          <div className="channel-filter" role="group" aria-label="Channels of the quiet period">
            {channels.map((channel) => {
              const id = channelIdOf(channel);
              const checked = chosen.includes(id);
              return (
                <label key={id} className={`channel-chip ${checked ? 'on' : ''}`}>
                  <input type="checkbox" checked={checked} onChange={() => toggle(id)} />
                  <span className="channel-swatch" style={{ background: channelColour(id) }} aria-hidden="true" />
                  {channel.name}
                </label>
              );
            })}
          </div>
          {err('channels')}
        </fieldset>
        <div className="grid-2">
          <div>
            <ZonedDateTimeInput id={`${prefix}-from`} label="From" required value={from} onChange={setFrom} />
            {err('from')}
          </div>
          <div>
            <ZonedDateTimeInput id={`${prefix}-to`} label="To" required min={from} value={to} onChange={setTo} />
            {err('to')}
          </div>
        </div>
        <label htmlFor={`${prefix}-reason`}>Reason (shown to everyone)</label>
        <textarea id={`${prefix}-reason`} rows={2} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        {err('reason')}
      </fieldset>
      {invalid && (
        <p className="field-error" role="alert">
          {invalid}
        </p>
      )}
      <ProblemAlert error={define.error} onDismiss={define.reset} />
      <div className="actions">
        <button type="submit" className="primary" disabled={define.isPending}>
          {define.isPending ? 'Saving…' : 'Define quiet period'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
