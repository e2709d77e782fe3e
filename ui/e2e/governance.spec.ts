// Governance as data: ada runs a channel with its own approval policy; grace confirms the policy's guidelines
// in the inbox before her approval counts.
import { as, storyInProgress, unique } from './api';
import { expect, see, shot, test } from './fixtures';

test('grace confirms every guideline of the channel policy before approving', async ({ signIn }) => {
  const suffix = unique('x').split(' ')[1].toLowerCase();
  const policyId = `e2e-${suffix}`;
  const channelId = `e2e-${suffix}`;
  const guidelines = ['No forward-looking financial statements', 'Image rights cleared'];
  const defined = await as('ada').put(`/approval-policies/${policyId}`, {
    name: 'Investor news',
    steps: [{ group: 'communications', signatures: 1 }],
    checklist: guidelines,
  });
  expect(defined.status, JSON.stringify(defined.body)).toBe(200);
  const added = await as('ada').post('/channels', {
    channelId,
    name: `Investor wire ${suffix}`,
    kind: 'NEWSLETTER',
    colour: '#123456',
    approvalPolicyId: policyId,
    minimumGapMinutes: 60,
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);

  await test.step('ada sees the channel with its policy and may retire it', async () => {
    const ada = await signIn('ada');
    await ada.page.getByTestId('tab-channels').click();
    const row = ada.page.locator(`[data-testid="channel-row"][data-channel-id="${channelId}"]`);
    await see(row, 'the new channel in the channels view');
    await expect(row).toContainText(policyId);
    await expect(row.getByRole('button', { name: `Retire Investor wire ${suffix}` })).toBeVisible();
  });

  const title = unique('Quarterly outlook');
  const storyId = await storyInProgress(title, [
    { placementId: 'wire', channelId, slot: '2027-06-08T08:00:00Z', text: 'Our outlook for the quarter.' },
  ]);
  const submitted = await as('carla').post(`/stories/${storyId}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

  await test.step('grace ticks each guideline, then approves', async () => {
    const grace = await signIn('grace');
    await grace.page.getByTestId('tab-inbox').click();
    const item = grace.page.locator(`[data-testid="inbox-item"][data-story-id="${storyId}"]`);
    await see(item, `"${title}" in grace's inbox`);
    await expect(item.getByTestId('inbox-policies')).toContainText('Investor news v1');
    const approve = item.getByTestId('inbox-approve');
    await expect(approve, 'approving waits for every guideline').toBeDisabled();
    for (const guideline of guidelines) await item.getByRole('checkbox', { name: guideline }).check();
    await shot(grace.page, 'inbox-checklist');
    await approve.click();
    await expect(item, 'approved: no longer waiting for grace').toHaveCount(0, { timeout: 20_000 });
  });

  const story = (await as('victor').get(`/stories/${storyId}`)).body;
  expect(story.status).toBe('APPROVED');
  expect(story.approvals[0].confirmedChecklist).toEqual(guidelines);
  expect(story.approvals[0].policies).toEqual([{ policyId, version: 1 }]);
});
