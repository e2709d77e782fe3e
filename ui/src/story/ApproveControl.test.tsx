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

describe('ApproveControl with a guideline checklist', () => {
  const governed: Story = {
    ...story,
    approvableSteps: ['legal'],
    checklist: ['No forward-looking financial statements', 'Image rights cleared'],
  };

  it('approves only once every guideline is confirmed, and sends the confirmed items', async () => {
    const mutate = vi.fn();
    const command = { mutate, isPending: false } as unknown as ReturnType<typeof useStoryCommand>;
    render(<ApproveControl story={governed} command={command} testId="inbox-approve" inList />);
    const approve = screen.getByRole('button', { name: 'Approve legal for Robot cell' });
    expect(approve).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'No forward-looking financial statements' }));
    expect(approve).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Image rights cleared' }));
    expect(approve).toBeEnabled();
    await userEvent.click(approve);
    expect(mutate).toHaveBeenCalledTimes(1);
    const send = mutate.mock.calls[0][0].send as (v: number) => Promise<unknown>;
    // a fresh answer per call: the client may first fetch the CSRF cookie (GET /api/session/options)
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(
      async () =>
        new Response(JSON.stringify({ ...governed, version: 8 }), {
          status: 200,
          headers: { 'Content-Type': 'application/json', ETag: '"8"' },
        }),
    );
    await send(7);
    const approval = fetchSpy.mock.calls.find(([url]) => String(url).endsWith('/api/stories/s1/approvals'));
    const body = JSON.parse(String(approval?.[1]?.body));
    expect(body).toEqual({ step: 'legal', checklist: governed.checklist });
    fetchSpy.mockRestore();
  });

  it('unticking a guideline disables approving again', async () => {
    const command = { mutate: vi.fn(), isPending: false } as unknown as ReturnType<typeof useStoryCommand>;
    render(<ApproveControl story={governed} command={command} testId="drawer-approve" />);
    for (const item of governed.checklist!) await userEvent.click(screen.getByRole('checkbox', { name: item }));
    expect(screen.getByRole('button', { name: 'Approve legal' })).toBeEnabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Image rights cleared' }));
    expect(screen.getByRole('button', { name: 'Approve legal' })).toBeDisabled();
  });
});
