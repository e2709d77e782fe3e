import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { ChannelConnector, MissedSlot } from '../api/types';
import { ProblemAlert, useToasts } from '../feedback/Feedback';
import { formatInstant } from '../time/format';

// The admin's settings per channel (MANAGE_CONNECTORS): where its deliveries go (webhook URL), the secret they
// are signed with (write-only: the server only says whether one is set) and what a missed slot does.

const CONNECTORS = ['connectors'] as const;

const MISSED_SLOT_TEXT: Record<MissedSlot, string> = {
  HOLD: 'Hold for an editor',
  PUBLISH_LATE: 'Publish on start, marked late',
};

export function ConnectorsView() {
  const connectors = useQuery({ queryKey: CONNECTORS, queryFn: api.connectors });
  return (
    <section aria-labelledby="connectors-title">
      <div className="view-head">
        <h1 id="connectors-title">Channels</h1>
      </div>
      <p className="muted">
        Each channel can deliver what is published on it to the channel’s own system (CMS, social media tool, newsletter
        tool) as a signed webhook. Missed slots are slots that passed while Newsroom was not running.
      </p>
      <ProblemAlert error={connectors.error} />
      {connectors.isPending && <p>Loading channels…</p>}
      <ul className="connectors" data-testid="connectors">
        {(connectors.data ?? []).map((c) => (
          <li key={c.channelId} className="card">
            <ConnectorForm connector={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConnectorForm({ connector }: { connector: ChannelConnector }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [url, setUrl] = useState(connector.url ?? '');
  const [secret, setSecret] = useState('');
  const [missedSlot, setMissedSlot] = useState<MissedSlot>(connector.missedSlot);
  const save = useMutation({
    mutationFn: () =>
      api.setConnector(connector.channelId, {
        url: url.trim() || null,
        ...(secret ? { secret } : {}),
        missedSlot,
      }),
    onSuccess: (saved) => {
      setSecret('');
      queryClient.setQueryData<ChannelConnector[]>(CONNECTORS, (all) =>
        (all ?? []).map((c) => (c.channelId === saved.channelId ? saved : c)),
      );
      toasts.info(`Saved the settings of ${saved.channelName}`);
    },
  });
  const id = `connector-${connector.channelId}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="connector-form" data-channel-id={connector.channelId}>
      <h2 id={`${id}-title`} className="h4">
        {connector.channelName}
      </h2>
      <div className="connector-form">
        <div>
          <label htmlFor={`${id}-url`}>Webhook URL</label>
          <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="none: nothing is delivered" />
        </div>
        <div>
          <label htmlFor={`${id}-secret`}>Secret</label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="new-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            placeholder={connector.secretSet ? 'set — leave empty to keep' : 'at least 24 characters'}
          />
        </div>
        <div>
          <label htmlFor={`${id}-missed`}>Missed slots</label>
          <select id={`${id}-missed`} value={missedSlot} onChange={(e) => setMissedSlot(e.target.value as MissedSlot)}>
            {(Object.keys(MISSED_SLOT_TEXT) as MissedSlot[]).map((m) => (
              <option key={m} value={m}>
                {MISSED_SLOT_TEXT[m]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={save.isPending}>
          Save
        </button>
      </div>
      {connector.updatedBy && (
        <p className="muted">
          Last changed by {connector.updatedBy}, {formatInstant(connector.updatedAt)}
        </p>
      )}
      <ProblemAlert error={save.error} onDismiss={save.reset} />
    </form>
  );
}
