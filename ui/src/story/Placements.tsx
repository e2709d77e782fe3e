import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Channel, Placement, Story } from '../api/types';
import { placementButtons, storyButtons } from '../auth/permissions';
import { channelColour, channelIdOf } from '../calendar/mapping';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { useNameOf } from '../people/usePeople';
import { formatInstant, fromZoneInput, toZoneInput } from '../time/format';
import { ZonedDateTimeInput } from '../time/ZonedDateTimeInput';
import { deliveryBadge, heldText, publisherName } from '../publishing/delivery';
import { useStoryCommand } from './commands/useStoryCommand';
import { Section } from './Section';

// A story's placements: each with its channel text, slot and status, and the commands on it; the
// form to plan another one.

const PLACEMENT_STATUS: Record<string, string> = { PLANNED: 'Planned', PUBLISHED: 'Published', CANCELLED: 'Cancelled' };

export function Placements({ story }: { story: Story }) {
  const buttons = storyButtons(story);
  const placements = story.placements ?? [];
  return (
    <Section title="Placements" id="placements">
      {placements.length === 0 && <p className="muted">No placements yet.</p>}
      <ul className="placements" data-testid="placements">
        {placements.map((p) => (
          <li key={p.placementId}>
            <PlacementRow story={story} placement={p} />
          </li>
        ))}
      </ul>
      {buttons.planPlacement && <PlanPlacementForm story={story} />}
    </Section>
  );
}

function PlacementRow({ story, placement }: { story: Story; placement: Placement }) {
  const buttons = placementButtons(placement);
  const command = useStoryCommand(story.storyId);
  const nameOf = useNameOf();
  const [mode, setMode] = useState<null | 'reschedule' | 'cancel'>(null);
  const [slot, setSlot] = useState(toZoneInput(placement.slot));
  const { storyId } = story;
  const { placementId } = placement;
  const [reason, setReason] = useState('');
  const name = placement.channelName ?? placement.channelId;
  const delivery = deliveryBadge(placement);
  const held = heldText(placement);

  return (
    <div
      className={`placement placement-${placement.status.toLowerCase()}`}
      data-testid="placement"
      data-placement-id={placement.placementId}
      data-status={placement.status}
    >
      <div className="placement-head">
        <span className="channel-swatch" style={{ background: channelColour(placement.channelId) }} aria-hidden="true" />
        <strong>{name}</strong>
        <span>{formatInstant(placement.slot)}</span>
        <span className={`status status-${placement.status.toLowerCase()}`} data-testid="placement-status">
          {PLACEMENT_STATUS[placement.status] ?? placement.status}
        </span>
        {delivery && (
          <span className={`delivery delivery-${delivery.tone}`} title={delivery.title} data-testid="placement-delivery">
            {delivery.text}
          </span>
        )}
        {placement.missedSlot && (
          <span className="delivery delivery-retrying" title={`Its slot was ${formatInstant(placement.missedSlot)}`}>
            Late
          </span>
        )}
        {placement.requiredApprovalSteps && placement.requiredApprovalSteps.length > 0 && (
          <span className="muted">needs {placement.requiredApprovalSteps.join(' + ')}</span>
        )}
      </div>
      <p className="placement-text">{placement.text}</p>
      {placement.publishedBy && (
        <p className="muted">
          Published by {publisherName(placement.publishedBy, nameOf)}, {formatInstant(placement.publishedAt)}
        </p>
      )}
      {delivery?.tone === 'failed' && (
        <p className="delivery-problem" role="status">
          {delivery.title}. The channel’s system did not take it.
        </p>
      )}
      {held && placement.status === 'PLANNED' && (
        <p className="held" data-testid="placement-held">
          {held}
        </p>
      )}
      {placement.cancelReason && <p className="muted">Cancelled: {placement.cancelReason}</p>}
      <div className="actions">
        {buttons.publish && (
          <button
            type="button"
            className="primary"
            disabled={command.isPending}
            aria-label={`Publish ${name} placement`}
            data-testid="publish"
            onClick={() =>
              command.mutate({
                label: `Published on ${name}`,
                seen: story.version,
                send: (v) => api.publish(storyId, placementId, v),
              })
            }
          >
            Publish
          </button>
        )}
        {buttons.redeliver && (
          <button
            type="button"
            disabled={command.isPending}
            aria-label={`Deliver ${name} placement again`}
            data-testid="redeliver"
            onClick={() =>
              command.mutate({
                label: `Delivery to ${name} requested again`,
                seen: story.version,
                send: (v) => api.redeliver(storyId, placementId, v),
              })
            }
          >
            Redeliver
          </button>
        )}
        {buttons.reschedule && (
          <button
            type="button"
            onClick={() => setMode(mode === 'reschedule' ? null : 'reschedule')}
            aria-expanded={mode === 'reschedule'}
            aria-label={`Reschedule ${name} placement`}
          >
            Reschedule…
          </button>
        )}
        {buttons.cancel && (
          <button
            type="button"
            onClick={() => setMode(mode === 'cancel' ? null : 'cancel')}
            aria-expanded={mode === 'cancel'}
            aria-label={`Cancel ${name} placement`}
          >
            Cancel placement…
          </button>
        )}
      </div>
      {mode === 'reschedule' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const iso = fromZoneInput(slot);
            if (!iso) return;
            command.mutate(
              { label: `Rescheduled ${name}`, seen: story.version, send: (v) => api.reschedule(storyId, placementId, iso, v) },
              { onSuccess: () => setMode(null) },
            );
          }}
        >
          <ZonedDateTimeInput id={`slot-${placement.placementId}`} label="New slot" required value={slot} onChange={setSlot} />
          <button type="submit" disabled={command.isPending}>
            Move
          </button>
        </form>
      )}
      {mode === 'cancel' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            command.mutate(
              {
                label: `Cancelled ${name}`,
                seen: story.version,
                send: (v) => api.cancelPlacement(storyId, placementId, reason.trim(), v),
              },
              { onSuccess: () => setMode(null) },
            );
          }}
        >
          <label htmlFor={`cancel-${placement.placementId}`}>Reason</label>
          <input id={`cancel-${placement.placementId}`} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="danger" disabled={command.isPending}>
            Cancel placement
          </button>
        </form>
      )}
      <ProblemAlert error={command.error} onDismiss={command.reset} nameOf={nameOf} />
    </div>
  );
}

function PlanPlacementForm({ story }: { story: Story }) {
  const channels = useQuery({ queryKey: keys.channels, queryFn: api.channels, staleTime: Infinity });
  const command = useStoryCommand(story.storyId);
  const nameOf = useNameOf();
  const [channelId, setChannelId] = useState('');
  const [slot, setSlot] = useState('');
  const [text, setText] = useState('');
  const [placementId, setPlacementId] = useState('');
  const id = `plan-${story.storyId}`;
  const selected = (channels.data ?? []).find((c: Channel) => channelIdOf(c) === channelId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const iso = fromZoneInput(slot);
    command.mutate(
      {
        label: `Planned on ${selected?.name ?? channelId}`,
        seen: story.version,
        send: (v) =>
          api.planPlacement(story.storyId, { channelId, slot: iso ?? slot, text, placementId: placementId.trim() || undefined }, v),
      },
      {
        // Clear only what was sent: the next placement may already be typed in meanwhile.
        onSuccess: () => {
          setText((current) => (current === text ? '' : current));
          setPlacementId((current) => (current === placementId ? '' : current));
        },
      },
    );
  }

  return (
    <form className="plan-form card" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="plan-form">
      <h4 id={`${id}-title`}>Plan a placement</h4>
      <div className="grid-2">
        <div>
          <label htmlFor={`${id}-channel`}>Channel</label>
          <select id={`${id}-channel`} required value={channelId} onChange={(e) => setChannelId(e.target.value)}>
            <option value="">Choose a channel…</option>
            {(channels.data ?? []).map((c: Channel) => (
              <option key={channelIdOf(c)} value={channelIdOf(c)}>
                {c.name}
                {c.requiredApprovalSteps?.length ? ` (needs ${c.requiredApprovalSteps.join(' + ')})` : ''}
              </option>
            ))}
          </select>
        </div>
        <div>
          <ZonedDateTimeInput id={`${id}-slot`} label="Slot" required value={slot} onChange={setSlot} />
        </div>
      </div>
      <label htmlFor={`${id}-text`}>Text for this channel</label>
      <textarea id={`${id}-text`} rows={3} required value={text} onChange={(e) => setText(e.target.value)} />
      <label htmlFor={`${id}-pid`}>Placement id (optional)</label>
      <input id={`${id}-pid`} value={placementId} onChange={(e) => setPlacementId(e.target.value)} placeholder="generated when empty" />
      <ProblemAlert error={command.error} onDismiss={command.reset} nameOf={nameOf} />
      <button type="submit" className="primary" disabled={command.isPending}>
        Plan placement
      </button>
    </form>
  );
}

