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
import { QuietPeriodOverride } from './QuietPeriodOverride';
import { overridableRefusal, placementIdToOverride } from './quietPeriodOverride';
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
  const [mode, setMode] = useState<null | 'reschedule' | 'cancel' | 'override'>(null);
  const [slot, setSlot] = useState(toZoneInput(placement.slot));
  const { storyId } = story;
  const { placementId } = placement;
  const [reason, setReason] = useState('');
  const name = placement.channelName ?? placement.channelId;
  const delivery = deliveryBadge(placement);
  const held = heldText(placement);
  // a move refused by quiet periods this person may override (the server says so)
  const refusal = mode === 'reschedule' ? overridableRefusal(command.error) : undefined;

  /** Moves the placement; with a reason, first overrides for it the quiet periods that refused the move. */
  function move(overrideReason?: string) {
    const iso = fromZoneInput(slot);
    if (!iso) return;
    const overrides = overrideReason && refusal ? refusal.periods : [];
    command.mutate(
      {
        label: overrides.length > 0 ? `Quiet period overridden and ${name} rescheduled` : `Rescheduled ${name}`,
        seen: story.version,
        before: overrides.map((q) => (v) => api.overrideQuietPeriod(storyId, placementId, q.blackoutId, overrideReason!, v)),
        send: (v) => api.reschedule(storyId, placementId, iso, v),
      },
      { onSuccess: () => setMode(null) },
    );
  }

  return (
    <div
      className={`placement placement-${placement.status.toLowerCase()}`}
      data-testid="placement"
      data-placement-id={placement.placementId}
      data-status={placement.status}
      data-paused={placement.paused ? 'true' : 'false'}
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
        {placement.paused && placement.status === 'PLANNED' && (
          <span className="status status-paused" data-testid="placement-paused">
            Paused
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
      {placement.paused && placement.status === 'PLANNED' && (
        <p className="muted" data-testid="pause-note">
          Paused by crisis mode{placement.pausedBy ? ` (${nameOf(placement.pausedBy)}: ${placement.pauseReason ?? ''})` : ''}.
          It does not go out until it is resumed, rescheduled or cancelled.
        </p>
      )}
      {(placement.quietPeriodOverrides ?? []).map((o) => (
        <p className="muted" key={o.blackoutId} data-testid="quiet-period-override">
          Quiet period “{o.blackoutName ?? o.blackoutId}” overridden by {nameOf(o.overriddenBy)}: {o.reason}
        </p>
      ))}
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
        {buttons.resume && (
          <button
            type="button"
            disabled={command.isPending}
            aria-label={`Resume ${name} placement`}
            data-testid="resume"
            onClick={() =>
              command.mutate({
                label: `Resumed ${name}`,
                seen: story.version,
                send: (v) => api.resumePlacement(storyId, placementId, 'resumed after the crisis', v),
              })
            }
          >
            Resume
          </button>
        )}
        {buttons.overrideQuietPeriod && (
          <button
            type="button"
            onClick={() => setMode(mode === 'override' ? null : 'override')}
            aria-expanded={mode === 'override'}
            aria-label={`Override a quiet period for the ${name} placement`}
          >
            Override quiet period…
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
            move();
          }}
        >
          <ZonedDateTimeInput id={`slot-${placement.placementId}`} label="New slot" required value={slot} onChange={setSlot} />
          <button type="submit" disabled={command.isPending}>
            Move
          </button>
          {refusal && (
            <QuietPeriodOverride
              periods={refusal.periods}
              verb="move"
              pending={command.isPending}
              id={`slot-${placement.placementId}`}
              onOverride={(why) => move(why)}
            />
          )}
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
      {mode === 'override' && (
        <OverrideQuietPeriodForm story={story} placement={placement} onDone={() => setMode(null)} />
      )}
      <ProblemAlert error={command.error} onDismiss={command.reset} nameOf={nameOf} />
    </div>
  );
}

/** A governance lead lets this placement go out in one quiet period of its channel, with a reason. */
function OverrideQuietPeriodForm({ story, placement, onDone }: { story: Story; placement: Placement; onDone(): void }) {
  const blackouts = useQuery({ queryKey: keys.blackouts, queryFn: api.blackouts });
  const command = useStoryCommand(story.storyId);
  const nameOf = useNameOf();
  const overridden = new Set((placement.quietPeriodOverrides ?? []).map((o) => o.blackoutId));
  const periods = (blackouts.data ?? []).filter(
    (b) =>
      !b.lifted &&
      !overridden.has(b.blackoutId) &&
      ((b.channelIds ?? []).length === 0 || (b.channelIds ?? []).includes(placement.channelId)),
  );
  const [blackoutId, setBlackoutId] = useState('');
  const [reason, setReason] = useState('');
  const id = `override-${placement.placementId}`;
  return (
    <form
      className="inline-form"
      data-testid="override-form"
      onSubmit={(e) => {
        e.preventDefault();
        command.mutate(
          {
            label: `Quiet period overridden for ${placement.channelName ?? placement.channelId}`,
            seen: story.version,
            send: (v) => api.overrideQuietPeriod(story.storyId, placement.placementId, blackoutId, reason.trim(), v),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <label htmlFor={`${id}-period`}>Quiet period</label>
      <select id={`${id}-period`} required value={blackoutId} onChange={(e) => setBlackoutId(e.target.value)}>
        <option value="">Choose a quiet period…</option>
        {periods.map((b) => (
          <option key={b.blackoutId} value={b.blackoutId}>
            {b.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>Reason</label>
      <input id={`${id}-reason`} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={command.isPending}>
        Override
      </button>
      <ProblemAlert error={command.error} onDismiss={command.reset} nameOf={nameOf} />
    </form>
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

  // a plan refused by quiet periods this person may override (the server says so)
  const refusal = overridableRefusal(command.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    plan();
  }

  /**
   * Plans the placement; with a reason, first overrides for it the quiet periods that refused the plan,
   * naming the placement id both commands share (typed, else the refused plan's, else a new one).
   */
  function plan(overrideReason?: string) {
    const iso = fromZoneInput(slot);
    const overriding = overrideReason && refusal ? refusal : undefined;
    const pid = overriding ? placementIdToOverride(placementId, overriding, channelId) : placementId.trim() || undefined;
    command.mutate(
      {
        label: overriding ? `Quiet period overridden and planned on ${selected?.name ?? channelId}` : `Planned on ${selected?.name ?? channelId}`,
        seen: story.version,
        before: (overriding?.periods ?? []).map(
          (q) => (v) => api.overrideQuietPeriod(story.storyId, pid!, q.blackoutId, overrideReason!, v),
        ),
        send: (v) => api.planPlacement(story.storyId, { channelId, slot: iso ?? slot, text, placementId: pid }, v),
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
      {refusal && (
        <QuietPeriodOverride periods={refusal.periods} verb="plan" pending={command.isPending} id={id} onOverride={(why) => plan(why)} />
      )}
      <button type="submit" className="primary" disabled={command.isPending}>
        Plan placement
      </button>
    </form>
  );
}

