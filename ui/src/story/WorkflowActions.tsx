import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints';
import type { Story } from '../api/types';
import { storyButtons } from '../auth/permissions';
import { ProblemAlert } from '../feedback/Feedback';
import { AssigneePicker } from '../people/AssigneePicker';
import { useNameOf, usePeople } from '../people/usePeople';
import type { Send } from './commands/queue';
import { useStoryCommand } from './commands/useStoryCommand';
import { ApproveControl } from './ApproveControl';

/** The workflow buttons; the ones that need a reason open a small form. */
export function WorkflowActions({ story }: { story: Story }) {
  const buttons = storyButtons(story);
  const command = useStoryCommand(story.storyId);
  const nameOf = useNameOf();
  const people = usePeople();
  const [open, setOpen] = useState<null | 'accept' | 'decline' | 'assign' | 'changes' | 'kill'>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    setOpen(null);
    setText('');
  }, [story.status]);

  // Sent with the version shown when the person decided (see commands/queue.ts).
  const run = (label: string, send: Send) =>
    command.mutate({ label, seen: story.version, send }, { onSuccess: () => setOpen(null) });
  const id = story.storyId;

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
        return run('Pitch accepted', (v) => api.accept(id, value || undefined, v));
      case 'decline':
        return run('Pitch declined', (v) => api.decline(id, value, v));
      case 'assign':
        return run(`Assigned to ${value}`, (v) => api.assign(id, value, v));
      case 'changes':
        return run('Sent back for changes', (v) => api.requestChanges(id, value, v));
      case 'kill':
        return run('Story killed', (v) => api.kill(id, value, v));
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
            onClick={() => run('Submitted for approval', (v) => api.submit(id, v))}
          >
            Submit for approval
          </button>
        )}
        {buttons.approve && <ApproveControl story={story} command={command} testId="approve" />}
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
      <ProblemAlert error={command.error} onDismiss={command.reset} nameOf={nameOf} />
    </section>
  );
}

