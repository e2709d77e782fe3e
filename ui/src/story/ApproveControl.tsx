import { useState } from 'react';
import { api } from '../api/endpoints';
import type { Story } from '../api/types';
import { approvableSteps } from '../auth/permissions';
import type { useStoryCommand } from './commands/useStoryCommand';

/**
 * "Approve <step>", with a chooser when several steps are pending, and the guideline checklist of the policy
 * versions in force, each item to confirm before approving: in the story drawer and in the approvals inbox.
 * `inList` names the story in the accessible names (the inbox lists several). The server still decides
 * (`ChecklistNotConfirmed`); the button waits for every box so nobody meets that refusal by accident.
 */
export function ApproveControl({
  story,
  command,
  testId,
  inList = false,
}: {
  story: Story;
  command: ReturnType<typeof useStoryCommand>;
  testId: string;
  inList?: boolean;
}) {
  // the steps I may sign (the server's decision), not every pending one
  const steps = approvableSteps(story);
  const checklist = story.checklist ?? [];
  const [step, setStep] = useState(steps[0] ?? '');
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const chosen = steps.includes(step) ? step : (steps[0] ?? '');
  const forStory = inList ? ` for ${story.title}` : '';
  const allConfirmed = checklist.every((item) => confirmed.includes(item));
  const toggle = (item: string, on: boolean) =>
    setConfirmed((current) => (on ? [...current.filter((c) => c !== item), item] : current.filter((c) => c !== item)));
  return (
    <span className="inline-group approve-control">
      {checklist.length > 0 && (
        <fieldset className="checklist" data-testid={`${testId}-checklist`}>
          <legend>Guidelines{forStory}: confirm each</legend>
          {checklist.map((item) => (
            <label key={item}>
              <input
                type="checkbox"
                checked={confirmed.includes(item)}
                onChange={(e) => toggle(item, e.target.checked)}
              />{' '}
              {item}
            </label>
          ))}
        </fieldset>
      )}
      {steps.length > 1 && (
        <label>
          Step
          <select value={chosen} onChange={(e) => setStep(e.target.value)} aria-label={`Approval step${forStory}`}>
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
        disabled={command.isPending || !allConfirmed}
        data-testid={testId}
        aria-label={inList ? `Approve ${chosen ? `${chosen} for ` : ''}${story.title}` : undefined}
        onClick={() =>
          command.mutate({
            label: `Approved ${chosen ? `${chosen} for ` : ''}“${story.title}”`,
            seen: story.version,
            send: (v) => api.approve(story.storyId, chosen || undefined, v, checklist.filter((i) => confirmed.includes(i))),
          })
        }
      >
        Approve{chosen ? ` ${chosen}` : ''}
      </button>
    </span>
  );
}
