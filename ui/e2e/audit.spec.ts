// The auditor's view: a story's full trail found by its id, and the record verified as unaltered.
import { storyInProgress, unique } from './api';
import { expect, see, shot, test } from './fixtures';

test('otto finds a story in the audit, follows its full trail and verifies the record', async ({ signIn }) => {
  const storyId = await storyInProgress(unique('Audited story'), [
    { placementId: 'press', channelId: 'press-release', slot: '2027-03-04T13:00:00Z', text: 'PRESS RELEASE' },
  ]);
  const otto = await signIn('otto');
  await otto.page.getByTestId('tab-audit').click();

  await test.step('a search by story lists its events, newest first, with who did them', async () => {
    await otto.page.getByLabel('Story', { exact: true }).fill(storyId);
    await otto.page.getByLabel('Action', { exact: true }).fill('PlacementPlanned');
    await otto.page.getByTestId('audit-search').click();
    await see(otto.page.getByTestId('audit-entry').filter({ hasText: 'PlacementPlanned' }).filter({ hasText: 'eddie' }),
      'the planned placement, by eddie');
    await expect(otto.page.getByTestId('audit-total')).toContainText('1 entry');
  });

  await test.step("the story's full trail shows every event of it", async () => {
    await otto.page.getByTestId('audit-story-trail').first().click();
    await see(otto.page.getByTestId('audit-entry').filter({ hasText: 'StoryPitched' }), 'the pitch at the end of the trail');
    await expect(otto.page.getByTestId('audit-total')).toContainText('the full trail of this story');
    await shot(otto.page, 'audit');
  });

  await test.step('verify recomputes the hash chain and finds it intact', async () => {
    await otto.page.getByTestId('audit-verify').click();
    await see(otto.page.getByTestId('audit-verify-result').filter({ hasText: 'Intact' }), 'the record intact');
  });
});

test('eddie sees the calendar as it stood before a placement was planned', async ({ signIn }) => {
  await storyInProgress(unique('Planned later'), [
    { placementId: 'press', channelId: 'press-release', slot: '2027-03-04T13:00:00Z', text: 'PRESS RELEASE' },
  ]);
  const eddie = await signIn('eddie');
  await eddie.page.getByTestId('tab-calendar').click();
  await eddie.page.getByLabel('As of').fill('2020-01-01T09:00');
  await see(eddie.page.getByTestId('calendar-as-of-note'), 'the note that the plan is shown as it stood');
  await eddie.page.getByTestId('calendar-as-of-now').click();
  await expect(eddie.page.getByTestId('calendar-as-of-note')).toHaveCount(0);
});
