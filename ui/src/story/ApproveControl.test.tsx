// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Story } from '../api/types';
import { ApproveControl } from './ApproveControl';
import type { useStoryCommand } from './commands/useStoryCommand';

const story: Story = {
  storyId: 's1',
  version: 7,
  status: 'IN_REVIEW',
  title: 'Robot cell',
  desk: 'HR',
  pendingApprovalSteps: ['communications', 'legal'],
  approvableSteps: ['communications', 'legal'],
};

describe('ApproveControl', () => {
  it('approves the chosen step with the version the person saw', async () => {
    const mutate = vi.fn();
    const command = { mutate, isPending: false } as unknown as ReturnType<typeof useStoryCommand>;
    render(<ApproveControl story={story} command={command} testId="inbox-approve" inList />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Approval step for Robot cell' }), 'legal');
    await userEvent.click(screen.getByRole('button', { name: 'Approve legal for Robot cell' }));
    expect(mutate).toHaveBeenCalledWith(expect.objectContaining({ label: 'Approved legal for “Robot cell”', seen: 7 }));
  });
});
