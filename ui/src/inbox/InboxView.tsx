import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Story } from '../api/types';
import { approvableSteps } from '../auth/permissions';
import { ProblemAlert, useToasts } from '../components/Feedback';
import { applyStory, keys } from '../live/cache';
import { formatInstant } from '../time';

export function InboxView({ onOpenStory }: { onOpenStory(storyId: string): void }) {
  const inbox = useQuery({ queryKey: keys.inbox, queryFn: api.inbox });
  return (
    <section aria-labelledby="inbox-title" className="inbox-view">
      <div className="view-head">
        <h1 id="inbox-title">Approvals</h1>
        {inbox.isFetching && <span className="muted">Refreshing…</span>}
      </div>
      <p className="muted">Stories in review with a step you may approve. Nobody approves their own work.</p>
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

export function InboxItem({ story, onOpen }: { story: Story; onOpen(): void }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const pending = story.pendingApprovalSteps ?? [];
  // the steps I may sign (the server's decision), not every pending one
  const steps = approvableSteps(story);
  const [step, setStep] = useState(steps[0] ?? '');
  const [sendingBack, setSendingBack] = useState(false);
  const [comment, setComment] = useState('');
  const chosen = steps.includes(step) ? step : (steps[0] ?? '');

  const approve = useMutation({
    mutationFn: (approved: string) => api.approve(story.storyId, approved || undefined, story.version),
    onSuccess: (updated, approved) => {
      applyStory(queryClient, updated);
      toasts.success(`Approved ${approved ? `${approved} for ` : ''}“${story.title}”`);
      void queryClient.invalidateQueries({ queryKey: keys.inbox });
    },
  });
  const sendBack = useMutation({
    mutationFn: () => api.requestChanges(story.storyId, comment.trim(), story.version),
    onSuccess: (updated) => {
      applyStory(queryClient, updated);
      toasts.success(`Sent “${story.title}” back`);
      setSendingBack(false);
      void queryClient.invalidateQueries({ queryKey: keys.inbox });
    },
  });
  const id = `inbox-${story.storyId}`;

  return (
    <article className="inbox-item card" aria-labelledby={`${id}-title`} data-testid="inbox-item" data-story-id={story.storyId}>
      <h2 id={`${id}-title`}>
        <button type="button" className="link" onClick={onOpen}>
          {story.title}
        </button>
      </h2>
      <p className="muted">
        {story.desk} · pitched by {story.pitchedBy ?? '—'}
        {story.lastEditedBy ? ` · last edited by ${story.lastEditedBy}` : ''} · next slot {formatInstant(story.nextSlot)}
      </p>
      {story.angle && <p>{story.angle}</p>}
      <p>
        Waiting for: <strong data-testid="inbox-pending">{pending.join(', ') || '—'}</strong>
      </p>
      <div className="actions">
        {steps.length > 1 && (
          <label>
            Step
            <select value={chosen} onChange={(e) => setStep(e.target.value)} aria-label={`Approval step for ${story.title}`}>
              {steps.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="primary"
          disabled={approve.isPending}
          onClick={() => approve.mutate(chosen)}
          aria-label={`Approve ${chosen ? `${chosen} for ` : ''}${story.title}`}
          data-testid="inbox-approve"
        >
          Approve{chosen ? ` ${chosen}` : ''}
        </button>
        <button type="button" onClick={() => setSendingBack((v) => !v)} aria-expanded={sendingBack}>
          Send back…
        </button>
      </div>
      {sendingBack && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            sendBack.mutate();
          }}
        >
          <label htmlFor={`${id}-comment`}>What should change?</label>
          <textarea id={`${id}-comment`} required value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
          <button type="submit" disabled={sendBack.isPending}>
            Send back with comment
          </button>
        </form>
      )}
      <ProblemAlert error={approve.error} onDismiss={approve.reset} />
      <ProblemAlert error={sendBack.error} onDismiss={sendBack.reset} />
    </article>
  );
}
