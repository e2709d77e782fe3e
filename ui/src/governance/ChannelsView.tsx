import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Channel, ChannelDefinition } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { channelButtons } from './governance';

const KINDS = ['PRESS_RELEASE', 'BLOG', 'NEWSLETTER', 'INTRANET', 'SOCIAL', 'VIDEO', 'PODCAST', 'EVENT'];

// Channels as data: admins add, rename, change and retire them; a retired channel stays in the list (its
// history stays readable) and takes no new placements. Buttons follow each channel's `allowedActions`.

export function ChannelsView() {
  const me = useMe();
  const channels = useQuery({ queryKey: keys.allChannels, queryFn: api.allChannels });
  const policies = useQuery({ queryKey: keys.policies, queryFn: api.policies });
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  return (
    <section aria-labelledby="channels-title" className="channels-view">
      <div className="view-head">
        <h1 id="channels-title">Channels</h1>
        {can(me, 'MANAGE_CHANNELS') && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="add-channel">
            Add a channel
          </button>
        )}
      </div>
      <ProblemAlert error={channels.error} />
      {editing !== null && (
        <ChannelForm
          key={editing === 'new' ? 'new' : editing.id}
          channel={editing === 'new' ? null : editing}
          policyIds={(policies.data ?? []).map((p) => p.policy.policyId)}
          onDone={() => setEditing(null)}
        />
      )}
      <table className="data-table" data-testid="channels">
        <caption className="sr-only">Channels with kind, colour, approval policy and minimum gap</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Kind</th>
            <th scope="col">Approval policy</th>
            <th scope="col">Needs</th>
            <th scope="col">Minimum gap</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(channels.data ?? []).map((channel) => (
            <ChannelRow key={channel.id} channel={channel} onEdit={() => setEditing(channel)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ChannelRow({ channel, onEdit }: { channel: Channel; onEdit(): void }) {
  const queryClient = useQueryClient();
  const buttons = channelButtons(channel);
  const retire = useMutation({
    mutationFn: () => api.retireChannel(channel.id!, 'retired from the dashboard', channel.version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.channels }),
  });
  return (
    <tr data-testid="channel-row" data-channel-id={channel.id}>
      <th scope="row">
        <span className="channel-swatch" style={{ background: channel.colour }} aria-hidden="true" /> {channel.name}
        {channel.retired && <span className="muted"> (retired)</span>}
      </th>
      <td>{channel.kind}</td>
      <td>{channel.approvalPolicyId ?? 'default'}</td>
      <td>{(channel.requiredApprovalSteps ?? []).join(' + ')}</td>
      <td>{channel.minimumGapMinutes ?? 0} min</td>
      <td>
        {buttons.change && (
          <button type="button" onClick={onEdit} aria-label={`Change ${channel.name}`}>
            Change
          </button>
        )}
        {buttons.retire && (
          <button
            type="button"
            disabled={retire.isPending}
            onClick={() => window.confirm(`Retire ${channel.name}? It takes no new placements.`) && retire.mutate()}
            aria-label={`Retire ${channel.name}`}
          >
            Retire
          </button>
        )}
        <ProblemAlert error={retire.error} onDismiss={retire.reset} />
      </td>
    </tr>
  );
}

function ChannelForm({ channel, policyIds, onDone }: { channel: Channel | null; policyIds: string[]; onDone(): void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ChannelDefinition>({
    channelId: channel?.id ?? '',
    name: channel?.name ?? '',
    kind: channel?.kind ?? 'SOCIAL',
    colour: channel?.colour ?? '#37474f',
    approvalPolicyId: channel?.approvalPolicyId ?? '',
    minimumGapMinutes: channel?.minimumGapMinutes ?? 60,
  });
  const save = useMutation({
    mutationFn: () => {
      const body = { ...form, approvalPolicyId: form.approvalPolicyId || null };
      return channel ? api.changeChannel(channel.id!, body, channel.version) : api.addChannel(body);
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: keys.channels });
      onDone();
    },
  });
  const set = (change: Partial<ChannelDefinition>) => setForm((f) => ({ ...f, ...change }));
  return (
    <form
      className="card stack"
      aria-label={channel ? `Change ${channel.name}` : 'Add a channel'}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {!channel && (
        <label>
          Id
          <input required value={form.channelId} onChange={(e) => set({ channelId: e.target.value })} />
        </label>
      )}
      <label>
        Name
        <input required value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        Kind
        <select value={form.kind} onChange={(e) => set({ kind: e.target.value })}>
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Colour
        <input type="color" value={form.colour} onChange={(e) => set({ colour: e.target.value })} />
      </label>
      <label>
        Approval policy
        <select value={form.approvalPolicyId ?? ''} onChange={(e) => set({ approvalPolicyId: e.target.value })}>
          <option value="">default</option>
          {policyIds
            .filter((id) => id !== 'default')
            .map((id) => (
              <option key={id}>{id}</option>
            ))}
        </select>
      </label>
      <label>
        Minimum gap between placements (minutes)
        <input
          type="number"
          min={0}
          value={form.minimumGapMinutes}
          onChange={(e) => set({ minimumGapMinutes: Number(e.target.value) })}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ProblemAlert error={save.error} onDismiss={save.reset} />
    </form>
  );
}
