import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { Channel, Me, Placement, Story } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { approvableSteps, placementButtons, storyButtons } from '../auth/permissions';
import { STATUS_LABELS } from '../board/board';
import { channelColour, channelIdOf, collisionText } from '../calendar/mapping';
import { ProblemAlert, useToasts } from '../components/Feedback';
import { AssigneePicker } from '../people/AssigneePicker';
import { MentionTextarea } from '../people/MentionTextarea';
import { mentionParts, mentionsIn } from '../people/mentions';
import { usePeople } from '../people/usePeople';
import { applyStory, keys } from '../live/cache';
import { useLive } from '../live/LiveProvider';
import { formatInstant, fromLocalInput, toLocalInput } from '../time';
import { presenceText } from './presence';
import { contentOf, StoryContentForm } from './StoryContentForm';
import { DerivedStories, SourceStoryLink } from './DerivedStories';

// The story drawer: everything about one story and every command the signed-in user may give.

type Command = { label: string; run: (story: Story) => Promise<Story> };

/** One mutation for all the drawer's commands: sends the story version, shows the answer. */
function useStoryCommand(story: Story | undefined) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const mutation = useMutation({
    mutationFn: (command: Command) => command.run(story!),
    onSuccess: (updated, command) => {
      applyStory(queryClient, updated);
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
      if (updated.warnings && updated.warnings.length > 0) {
        toasts.info(`${command.label} — with warnings:\n${collisionText(updated.warnings)}`);
      } else {
        toasts.success(`${command.label}: done`);
      }
    },
    onError: (error) => {
      // A version conflict means someone else changed the story: show their version.
      if (error instanceof ApiError && error.status === 409 && story) {
        void queryClient.invalidateQueries({ queryKey: keys.story(story.storyId) });
      }
    },
  });
  return mutation;
}

export function StoryDrawer({
  storyId,
  onClose,
  onOpenStory,
  onCreateDerived,
}: {
  storyId: string;
  onClose(): void;
  onOpenStory(storyId: string): void;
  /** Opens the pitch dialog prefilled as a story derived from this one. */
  onCreateDerived(source: Story): void;
}) {
  const me = useMe();
  const live = useLive();
  const story = useQuery({ queryKey: keys.story(storyId), queryFn: () => api.story(storyId) });
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    live.openStory(storyId);
    return () => live.openStory(null);
  }, [storyId, live.openStory]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    live.setPresenceMode(editing ? 'EDITING' : 'VIEWING');
  }, [editing, live.setPresenceMode]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [storyId, onClose]);

  useEffect(() => setEditing(false), [storyId]);

  const data = story.data;
  const presence = presenceText(live.presence[storyId], me.username);

  return (
    <aside className="drawer" role="dialog" aria-modal="false" aria-labelledby="drawer-title" data-testid="story-drawer">
      <div className="drawer-head">
        <div>
          <h2 id="drawer-title" ref={heading} tabIndex={-1}>
            {data?.title ?? 'Story'}
          </h2>
          {data && (
            <p className="muted drawer-sub">
              <span className={`status status-${data.status.toLowerCase()}`} data-testid="story-status" data-status={data.status}>
                {STATUS_LABELS[data.status] ?? data.status}
              </span>{' '}
              · version {data.version} · {data.desk}
              {data.assignee ? ` · assigned to ${data.assignee}` : ''}
            </p>
          )}
          <p className="presence" role="status" aria-live="polite" data-testid="presence">
            {presence}
          </p>
        </div>
        <button type="button" className="close" onClick={onClose} aria-label="Close the story">
          ×
        </button>
      </div>
      <div className="drawer-body">
        <ProblemAlert error={story.error} />
        {story.isPending && <p>Loading…</p>}
        {data && (
          <StoryDetails
            story={data}
            me={me}
            editing={editing}
            setEditing={setEditing}
            onOpenStory={onOpenStory}
            onCreateDerived={onCreateDerived}
          />
        )}
      </div>
    </aside>
  );
}

function StoryDetails({
  story,
  me,
  editing,
  setEditing,
  onOpenStory,
  onCreateDerived,
}: {
  story: Story;
  me: Me;
  editing: boolean;
  setEditing(editing: boolean): void;
  onOpenStory(storyId: string): void;
  onCreateDerived(source: Story): void;
}) {
  const buttons = storyButtons(story);
  const edit = useStoryCommand(story);
  return (
    <>
      {story.lastFeedback && (
        <p className="feedback" role="note">
          <strong>Feedback:</strong> {story.lastFeedback}
        </p>
      )}
      <WorkflowActions story={story} />

      <Section title="Content" id="content">
        {editing ? (
          <StoryContentForm
            key={story.version}
            idPrefix={`edit-${story.storyId}`}
            initial={contentOf(story)}
            submitLabel="Save draft"
            busy={edit.isPending}
            error={edit.error}
            onSubmit={(content) =>
              edit.mutate(
                { label: 'Draft saved', run: (s) => api.editDraft(s.storyId, content, s.version) },
                { onSuccess: () => setEditing(false) },
              )
            }
            onCancel={() => {
              edit.reset();
              setEditing(false);
            }}
          />
        ) : (
          <>
            <dl className="facts">
              <dt>Angle</dt>
              <dd>{story.angle || '—'}</dd>
              <dt>Audience</dt>
              <dd>{story.audience ?? '—'}</dd>
              <dt>Campaign</dt>
              <dd>{story.campaign ?? '—'}</dd>
              <dt>Priority</dt>
              <dd>{story.priority ?? '—'}</dd>
              <dt>Embargo</dt>
              <dd>{formatInstant(story.embargo)}</dd>
              <dt>Pitched</dt>
              <dd>
                by {story.pitchedBy ?? '—'}, {formatInstant(story.pitchedAt)}
              </dd>
              {story.sourceStoryId && (
                <>
                  <dt>Derived from</dt>
                  <dd>
                    <SourceStoryLink sourceStoryId={story.sourceStoryId} onOpenStory={onOpenStory} />
                  </dd>
                </>
              )}
            </dl>
            {story.body && <div className="story-body">{story.body}</div>}
            {buttons.editDraft && (
              <button type="button" onClick={() => setEditing(true)} aria-label={`Edit the draft of ${story.title}`}>
                Edit draft
              </button>
            )}
          </>
        )}
      </Section>

      <Approvals story={story} />
      <Placements story={story} />
      <DerivedStories story={story} me={me} onOpenStory={onOpenStory} onCreateDerived={onCreateDerived} />
      <Comments story={story} canComment={buttons.comment} me={me} />
      <History storyId={story.storyId} version={story.version} />
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="drawer-section" aria-labelledby={`section-${id}`}>
      <h3 id={`section-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

/** The workflow buttons; the ones that need a reason open a small form. */
function WorkflowActions({ story }: { story: Story }) {
  const buttons = storyButtons(story);
  const command = useStoryCommand(story);
  const people = usePeople();
  const [open, setOpen] = useState<null | 'accept' | 'decline' | 'assign' | 'changes' | 'kill'>(null);
  const [text, setText] = useState('');
  const steps = approvableSteps(story);
  const [step, setStep] = useState('');
  const chosenStep = steps.includes(step) ? step : (steps[0] ?? '');

  useEffect(() => {
    setOpen(null);
    setText('');
  }, [story.status]);

  const run = (label: string, fn: (s: Story) => Promise<Story>) =>
    command.mutate({ label, run: fn }, { onSuccess: () => setOpen(null) });

  const any = Object.entries(buttons).some(([k, v]) => v && !['comment', 'editDraft', 'planPlacement'].includes(k));
  if (!any) return null;

  function toggle(which: typeof open) {
    command.reset();
    setText(which === 'accept' ? (story.pitchedBy ?? '') : which === 'assign' ? (story.assignee ?? '') : '');
    setOpen((current) => (current === which ? null : which));
  }

  function submitForm(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    switch (open) {
      case 'accept':
        return run('Pitch accepted', (s) => api.accept(s.storyId, value || undefined, s.version));
      case 'decline':
        return run('Pitch declined', (s) => api.decline(s.storyId, value, s.version));
      case 'assign':
        return run(`Assigned to ${value}`, (s) => api.assign(s.storyId, value, s.version));
      case 'changes':
        return run('Sent back for changes', (s) => api.requestChanges(s.storyId, value, s.version));
      case 'kill':
        return run('Story killed', (s) => api.kill(s.storyId, value, s.version));
    }
  }

  const formLabels: Record<string, [string, string, boolean]> = {
    accept: ['Assignee (optional)', 'Accept pitch', false],
    decline: ['Why is it declined?', 'Decline pitch', true],
    assign: ['Assign to', 'Assign', true],
    changes: ['What should change?', 'Send back', true],
    kill: ['Why is it killed?', 'Kill story', true],
  };

  return (
    <section className="drawer-section workflow" aria-label="Workflow actions">
      <div className="actions" data-testid="workflow-actions">
        {buttons.accept && (
          <button type="button" className="primary" onClick={() => toggle('accept')} aria-expanded={open === 'accept'}>
            Accept…
          </button>
        )}
        {buttons.decline && (
          <button type="button" onClick={() => toggle('decline')} aria-expanded={open === 'decline'}>
            Decline…
          </button>
        )}
        {buttons.submit && (
          <button
            type="button"
            className="primary"
            disabled={command.isPending}
            onClick={() => run('Submitted for approval', (s) => api.submit(s.storyId, s.version))}
          >
            Submit for approval
          </button>
        )}
        {buttons.approve && (
          <span className="inline-group">
            {steps.length > 1 && (
              <label>
                <span className="sr-only">Approval step</span>
                <select value={chosenStep} onChange={(e) => setStep(e.target.value)} aria-label="Approval step">
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
              disabled={command.isPending}
              data-testid="approve"
              onClick={() =>
                run(`Approved ${chosenStep}`, (s) => api.approve(s.storyId, chosenStep || undefined, s.version))
              }
            >
              Approve{chosenStep ? ` ${chosenStep}` : ''}
            </button>
          </span>
        )}
        {buttons.requestChanges && (
          <button type="button" onClick={() => toggle('changes')} aria-expanded={open === 'changes'}>
            Request changes…
          </button>
        )}
        {buttons.assign && (
          <button type="button" onClick={() => toggle('assign')} aria-expanded={open === 'assign'}>
            Assign…
          </button>
        )}
        {buttons.kill && (
          <button type="button" className="danger" onClick={() => toggle('kill')} aria-expanded={open === 'kill'}>
            Kill…
          </button>
        )}
      </div>
      {open && (
        <form className="stack" onSubmit={submitForm}>
          {open === 'accept' || open === 'assign' ? (
            <AssigneePicker
              id="workflow-text"
              label={formLabels[open][0]}
              required={formLabels[open][2]}
              value={text}
              onChange={setText}
              people={people.data}
              loading={people.isPending}
            />
          ) : (
            <>
              <label htmlFor="workflow-text">{formLabels[open][0]}</label>
              <textarea
                id="workflow-text"
                rows={3}
                required={formLabels[open][2]}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </>
          )}
          <div className="actions">
            <button type="submit" className={open === 'kill' ? 'danger' : 'primary'} disabled={command.isPending}>
              {formLabels[open][1]}
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ProblemAlert error={command.error} onDismiss={command.reset} />
    </section>
  );
}

function Approvals({ story }: { story: Story }) {
  const required = story.requiredApprovalSteps ?? [];
  const pending = story.pendingApprovalSteps ?? [];
  const approvals = story.approvals ?? [];
  if (required.length === 0 && approvals.length === 0) return null;
  return (
    <Section title="Approvals" id="approvals">
      <ul className="approvals" data-testid="approvals">
        {required.map((step) => {
          const granted = approvals.find((a) => a.step === step);
          return (
            <li key={step} className={pending.includes(step) ? 'pending' : 'granted'}>
              <strong>{step}</strong>:{' '}
              {granted && !pending.includes(step)
                ? `approved by ${granted.approvedBy}, ${formatInstant(granted.approvedAt)}`
                : 'pending'}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

const PLACEMENT_STATUS: Record<string, string> = { PLANNED: 'Planned', PUBLISHED: 'Published', CANCELLED: 'Cancelled' };

function Placements({ story }: { story: Story }) {
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
  const command = useStoryCommand(story);
  const [mode, setMode] = useState<null | 'reschedule' | 'cancel'>(null);
  const [slot, setSlot] = useState(toLocalInput(placement.slot));
  const [reason, setReason] = useState('');
  const name = placement.channelName ?? placement.channelId;

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
        {placement.requiredApprovalSteps && placement.requiredApprovalSteps.length > 0 && (
          <span className="muted">needs {placement.requiredApprovalSteps.join(' + ')}</span>
        )}
      </div>
      <p className="placement-text">{placement.text}</p>
      {placement.publishedBy && (
        <p className="muted">
          Published by {placement.publishedBy}, {formatInstant(placement.publishedAt)}
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
                run: (s) => api.publish(s.storyId, placement.placementId, s.version),
              })
            }
          >
            Publish
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
            const iso = fromLocalInput(slot);
            if (!iso) return;
            command.mutate(
              { label: `Rescheduled ${name}`, run: (s) => api.reschedule(s.storyId, placement.placementId, iso, s.version) },
              { onSuccess: () => setMode(null) },
            );
          }}
        >
          <label htmlFor={`slot-${placement.placementId}`}>New slot</label>
          <input
            id={`slot-${placement.placementId}`}
            type="datetime-local"
            required
            value={slot}
            onChange={(e) => setSlot(e.target.value)}
          />
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
                run: (s) => api.cancelPlacement(s.storyId, placement.placementId, reason.trim(), s.version),
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
      <ProblemAlert error={command.error} onDismiss={command.reset} />
    </div>
  );
}

function PlanPlacementForm({ story }: { story: Story }) {
  const channels = useQuery({ queryKey: keys.channels, queryFn: api.channels, staleTime: Infinity });
  const command = useStoryCommand(story);
  const [channelId, setChannelId] = useState('');
  const [slot, setSlot] = useState('');
  const [text, setText] = useState('');
  const [placementId, setPlacementId] = useState('');
  const id = `plan-${story.storyId}`;
  const selected = (channels.data ?? []).find((c: Channel) => channelIdOf(c) === channelId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const iso = fromLocalInput(slot);
    command.mutate(
      {
        label: `Planned on ${selected?.name ?? channelId}`,
        run: (s) =>
          api.planPlacement(
            s.storyId,
            { channelId, slot: iso ?? slot, text, placementId: placementId.trim() || undefined },
            s.version,
          ),
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
          <label htmlFor={`${id}-slot`}>Slot</label>
          <input id={`${id}-slot`} type="datetime-local" required value={slot} onChange={(e) => setSlot(e.target.value)} />
        </div>
      </div>
      <label htmlFor={`${id}-text`}>Text for this channel</label>
      <textarea id={`${id}-text`} rows={3} required value={text} onChange={(e) => setText(e.target.value)} />
      <label htmlFor={`${id}-pid`}>Placement id (optional)</label>
      <input id={`${id}-pid`} value={placementId} onChange={(e) => setPlacementId(e.target.value)} placeholder="generated when empty" />
      <ProblemAlert error={command.error} onDismiss={command.reset} />
      <button type="submit" className="primary" disabled={command.isPending}>
        Plan placement
      </button>
    </form>
  );
}

function Comments({ story, canComment, me }: { story: Story; canComment: boolean; me: Me }) {
  const queryClient = useQueryClient();
  const people = usePeople();
  const [text, setText] = useState('');
  const comment = useMutation({
    mutationFn: (value: string) => api.comment(story.storyId, value),
    onSuccess: (updated) => {
      applyStory(queryClient, updated);
      setText('');
    },
  });
  const comments = story.comments ?? [];
  // who the server will notify: the mentions (same rule as the server) of people who exist
  const mentions = mentionsIn(text).filter((name) => !people.data || people.data.some((p) => p.username === name));
  return (
    <Section title={`Comments (${comments.length})`} id="comments">
      <ul className="comments" data-testid="comments">
        {comments.map((c) => (
          <li key={c.commentId}>
            <p className="comment-meta">
              <strong>{c.author}</strong> <span className="muted">{formatInstant(c.at)}</span>
            </p>
            <p className="comment-text">{highlightMentions(c.text, c.mentions ?? [])}</p>
          </li>
        ))}
      </ul>
      {canComment && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) comment.mutate(text.trim());
          }}
        >
          <label htmlFor={`comment-${story.storyId}`}>Comment (mention colleagues with @username)</label>
          <MentionTextarea
            id={`comment-${story.storyId}`}
            rows={2}
            value={text}
            onChange={setText}
            people={people.data ?? []}
            me={me.username}
            describedBy={`comment-${story.storyId}-mentions`}
          />
          <span id={`comment-${story.storyId}-mentions`} className="muted">
            {mentions.length > 0 ? `Will notify: ${mentions.join(', ')}` : ''}
          </span>
          <ProblemAlert error={comment.error} onDismiss={comment.reset} />
          <button type="submit" disabled={comment.isPending || !text.trim()}>
            Add comment
          </button>
        </form>
      )}
    </Section>
  );
}

/** Marks exactly the users the server recorded as mentioned in this comment. */
function highlightMentions(text: string, mentioned: string[]): ReactNode[] {
  return mentionParts(text, mentioned).map((part, i) =>
    part.mention ? (
      <mark key={i} className="mention">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

function History({ storyId, version }: { storyId: string; version: number }) {
  const history = useQuery({ queryKey: [...keys.history(storyId), version], queryFn: () => api.history(storyId) });
  return (
    <Section title="History" id="history">
      <details>
        <summary>Who did what, when ({history.data?.length ?? '…'} events)</summary>
        <ProblemAlert error={history.error} />
        <table className="history" data-testid="history">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Event</th>
              <th scope="col">At</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {(history.data ?? []).map((entry) => (
              <tr key={`${entry.version}-${entry.type}`}>
                <td>{entry.version}</td>
                <td>{entry.type}</td>
                <td>{formatInstant(entry.at)}</td>
                <td>{entry.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Section>
  );
}
