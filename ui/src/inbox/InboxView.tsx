import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Story } from '../api/types';
import { channelColour } from '../calendar/mapping';
import { storyButtons } from '../auth/permissions';
import { ProblemAlert } from '../feedback/Feedback';
import { DelegationsPanel } from '../governance/DelegationsPanel';
import { describeSteps } from '../governance/governance';
import { keys } from '../live/cache';
import { useNameOf } from '../people/usePeople';
import { ApproveControl } from '../story/ApproveControl';
import { useStoryCommand } from '../story/commands/useStoryCommand';
import { formatInstant } from '../time/format';
import { ReviewChanges } from './ReviewChanges';

export function InboxView({ onOpenStory }: { onOpenStory(storyId: string): void }) {
  const inbox = useQuery({ queryKey: keys.inbox, queryFn: api.inbox });
  return (
    <section aria-labelledby="inbox-title" className="inbox-view">
      <div className="view-head">
        <h1 id="inbox-title">Approvals</h1>
        {inbox.isFetching && <span className="muted">Refreshing…</span>}
      </div>
      <p className="muted">Stories in review with a step you may approve. Nobody approves their own work.</p>
      <DelegationsPanel />
      <ProblemAlert error={inbox.error} />
      {inbox.data?.length === 0 && <p data-testid="inbox-empty">Nothing waits for your approval.</p>}
      <ul className="inbox" data-testid="inbox">
        {(inbox.data ?? []).map((story) => (
          <li key={story.storyId}>
            <InboxItem story={story} onOpen={() => onOpenStory(story.storyId)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What is to be approved: each channel's text at its slot. */
function ChannelTexts({ story }: { story: Story }) {
  const placements = (story.placements ?? []).filter((p) => p.status !== 'CANCELLED');
  if (placements.length === 0) return <p className="muted">No placements planned yet.</p>;
  return (
    <ul className="channel-texts" aria-label={`What goes out for ${story.title}`} data-testid="inbox-texts">
      {placements.map((p) => (
        <li key={p.placementId} data-placement-id={p.placementId}>
          <p className="channel-text-head">
            <span className="channel-swatch" style={{ background: channelColour(p.channelId) }} aria-hidden="true" />
            <strong>{p.channelName ?? p.channelId}</strong> <span className="muted">{formatInstant(p.slot)}</span>
            {p.requiredApprovalSteps && p.requiredApprovalSteps.length > 0 && (
              <span className="muted"> · needs {p.requiredApprovalSteps.join(' + ')}</span>
            )}
          </p>
          <p className="placement-text">{p.text}</p>
        </li>
      ))}
    </ul>
  );
}

/** The approval policy versions the story was submitted under, and their guideline checklist. */
function PolicyInForce({ story }: { story: Story }) {
  const policies = story.approvalPolicies ?? [];
  if (policies.length === 0) return null;
  return (
    <p className="muted" data-testid="inbox-policies">
      Under{' '}
      {policies.map((p) => `${p.name} v${p.version} (${describeSteps(p.steps)})`).join('; ')}
      {(story.checklist ?? []).length > 0 ? ' · confirm each guideline before approving' : ''}
    </p>
  );
}

export function InboxItem({ story, onOpen }: { story: Story; onOpen(): void }) {
  const nameOf = useNameOf();
  const approve = useStoryCommand(story.storyId);
  const sendBack = useStoryCommand(story.storyId);
  const pending = story.pendingApprovalSteps ?? [];
  const [sendingBack, setSendingBack] = useState(false);
  const [comment, setComment] = useState('');
  const id = `inbox-${story.storyId}`;

  return (
    <article className="inbox-item card" aria-labelledby={`${id}-title`} data-testid="inbox-item" data-story-id={story.storyId}>
      <h2 id={`${id}-title`}>
        <button type="button" className="link" onClick={onOpen}>
          {story.title}
        </button>
      </h2>
      <p className="muted">
        {story.desk} · pitched by {nameOf(story.pitchedBy ?? '—')}
        {story.lastEditedBy ? ` · last edited by ${nameOf(story.lastEditedBy)}` : ''} · next slot {formatInstant(story.nextSlot)}
      </p>
      {story.angle && <p>{story.angle}</p>}
      <ReviewChanges story={story} />
      <ChannelTexts story={story} />
      <PolicyInForce story={story} />
      <p>
        Waiting for: <strong data-testid="inbox-pending">{pending.join(', ') || '—'}</strong>
      </p>
      <div className="actions">
        <ApproveControl story={story} command={approve} testId="inbox-approve" inList />
        {storyButtons(story).requestChanges && (
          <button type="button" onClick={() => setSendingBack((v) => !v)} aria-expanded={sendingBack}>
            Send back…
          </button>
        )}
      </div>
      {sendingBack && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            sendBack.mutate(
              {
                label: `Sent “${story.title}” back`,
                seen: story.version,
                send: (v) => api.requestChanges(story.storyId, comment.trim(), v),
              },
              { onSuccess: () => setSendingBack(false) },
            );
          }}
        >
          <label htmlFor={`${id}-comment`}>What should change?</label>
          <textarea id={`${id}-comment`} required value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
          <button type="submit" disabled={sendBack.isPending}>
            Send back with comment
          </button>
        </form>
      )}
      <ProblemAlert error={approve.error} onDismiss={approve.reset} nameOf={nameOf} />
      <ProblemAlert error={sendBack.error} onDismiss={sendBack.reset} nameOf={nameOf} />
    </article>
  );
}
