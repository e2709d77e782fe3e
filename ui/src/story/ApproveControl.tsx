import { useState } from 'react';
import { api } from '../api/endpoints';
import type { Story } from '../api/types';
import { approvableSteps } from '../auth/permissions';
import type { useStoryCommand } from './commands/useStoryCommand';

/**
 * "Approve <step>", with a chooser when several steps are pending: in the story drawer and in the
 * approvals inbox. `inList` names the story in the accessible names (the inbox lists several).
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
  const [step, setStep] = useState(steps[0] ?? '');
  const chosen = steps.includes(step) ? step : (steps[0] ?? '');
  const forStory = inList ? ` for ${story.title}` : '';
  return (
    <span className="inline-group">
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
        disabled={command.isPending}
        data-testid={testId}
        aria-label={inList ? `Approve ${chosen ? `${chosen} for ` : ''}${story.title}` : undefined}
        onClick={() =>
          command.mutate({
            label: `Approved ${chosen ? `${chosen} for ` : ''}“${story.title}”`,
            seen: story.version,
            send: (v) => api.approve(story.storyId, chosen || undefined, v),
          })
        }
      >
        Approve{chosen ? ` ${chosen}` : ''}
      </button>
    </span>
  );
}
