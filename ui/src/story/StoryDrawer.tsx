import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Me, Story } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { storyButtons } from '../auth/permissions';
import { STATUS_LABELS } from '../board/board';
import { ProblemAlert, useToastHost } from '../feedback/Feedback';
import { changeWords } from '../feedback/messages';
import { MentionTextarea } from '../people/MentionTextarea';
import { mentionParts, mentionsIn } from '../people/mentions';
import { useNameOf, usePeople } from '../people/usePeople';
import { applyStory, keys } from '../live/cache';
import { useLive } from '../live/LiveProvider';
import { describeSteps, stepState } from '../governance/governance';
import { formatInstant } from '../time/format';
import { useStoryCommand, useStoryCommandQueue } from './commands/useStoryCommand';
import { presenceText } from './presence';
import { Placements } from './Placements';
import { Section } from './Section';
import { contentOf, StoryContentForm } from './StoryContentForm';
import { DerivedStories, SourceStoryLink } from './DerivedStories';
import { WorkflowActions } from './WorkflowActions';

// The story drawer: everything about one story and every command the signed-in user may give.

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
  const toastHost = useToastHost();

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
      {/* Toasts land here while the drawer is open, below its content instead of over it. */}
      <div className="drawer-messages" ref={toastHost} />
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
  const edit = useStoryCommand(story.storyId);
  const nameOf = useNameOf();
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
            errorOptions={{ nameOf }}
            onSubmit={(content) =>
              edit.mutate(
                { label: 'Draft saved', seen: story.version, send: (v) => api.editDraft(story.storyId, content, v) },
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

function Approvals({ story }: { story: Story }) {
  const required = story.requiredApprovalSteps ?? [];
  const pending = story.pendingApprovalSteps ?? [];
  const approvals = story.approvals ?? [];
  const policies = story.approvalPolicies ?? [];
  const checklist = story.checklist ?? [];
  if (required.length === 0 && approvals.length === 0) return null;
  return (
    <Section title="Approvals" id="approvals">
      {policies.length > 0 && (
        <p className="muted" data-testid="approval-policies">
          Under {policies.map((p) => `${p.name} v${p.version} (${describeSteps(p.steps)})`).join('; ')}
        </p>
      )}
      {checklist.length > 0 && (
        <ul aria-label="Guidelines the approvers confirm" data-testid="approval-checklist">
          {checklist.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      <ul className="approvals" data-testid="approvals">
        {required.map((step) => (
          <li key={step} className={pending.includes(step) ? 'pending' : 'granted'}>
            <strong>{step}</strong>: {stepState(step, approvals, pending.includes(step), formatInstant)}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Comments({ story, canComment, me }: { story: Story; canComment: boolean; me: Me }) {
  const queryClient = useQueryClient();
  const queue = useStoryCommandQueue();
  const people = usePeople();
  const [text, setText] = useState('');
  const comment = useMutation({
    // Queued with the story's other commands; a comment needs no If-Match.
    mutationFn: (value: string) => queue.run(story.storyId, undefined, (v) => api.comment(story.storyId, value, v)),
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
  const nameOf = useNameOf();
  return (
    <Section title="History" id="history">
      <details>
        <summary>Who did what, when ({history.data?.length ?? '…'} events)</summary>
        <ProblemAlert error={history.error} />
        <table className="history" data-testid="history">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">What</th>
              <th scope="col">At</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {(history.data ?? []).map((entry) => (
              <tr key={`${entry.version}-${entry.type}`}>
                <td>{entry.version}</td>
                <td data-event={entry.type}>{changeWords(entry.type, entry.data)}</td>
                <td>{formatInstant(entry.at)}</td>
                <td>{nameOf(entry.by)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Section>
  );
}
