// An embargo lifting at midnight is common: placements at 23:30 and 00:01 must be on the grid in every
// view — week, day, month and list — in the newsroom's zone (Berlin), while the browser is in New York.
import { as, storyInProgress, unique } from './api';
import { entry, expect, expectInSlot, expectOnScreen, goToDate, see, shot, test } from './fixtures';

test('placements at 23:30 and 00:01 are visible in the week, day, month and list views', async ({ signIn }) => {
  const title = unique('Results at midnight');
  // Thu 8 Apr 2027 23:30 and Fri 9 Apr 00:01 in Berlin (summer time, UTC+2); embargo lifts at midnight
  const storyId = await storyInProgress(
    title,
    [
      { placementId: 'late', channelId: 'x', slot: '2027-04-08T21:30:00Z', text: 'Teaser before the embargo night' },
      { placementId: 'midnight', channelId: 'linkedin', slot: '2027-04-08T22:01:00Z', text: 'Our results are out' },
    ],
    {},
  );
  expect((await as('eddie').get(`/stories/${storyId}`)).status).toBe(200);
  const eddie = await signIn('eddie');
  const late = `${storyId}:late`;
  const midnight = `${storyId}:midnight`;

  await test.step('week view: on the right days and rows, reachable on screen', async () => {
    await goToDate(eddie, '2027-04-08');
    await expectInSlot(eddie.page, late, '2027-04-08', '23:30:00');
    await expectInSlot(eddie.page, midnight, '2027-04-09', '00:00:00');
    await expectOnScreen(entry(eddie.page, late), 'the 23:30 placement in the week');
    await shot(eddie.page, 'calendar-week-late');
    await expectOnScreen(entry(eddie.page, midnight), 'the 00:01 placement in the week');
    await expect(entry(eddie.page, midnight).first()).toContainText('00:01');
  });

  await test.step('day view', async () => {
    await eddie.page.getByRole('button', { name: 'Day', exact: true }).click();
    await eddie.page.getByLabel('Go to date').fill('2027-04-09');
    await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
    await expectOnScreen(entry(eddie.page, midnight), 'the 00:01 placement on Friday');
    await expect(entry(eddie.page, late), 'the 23:30 placement belongs to Thursday').toHaveCount(0);
    await eddie.page.getByLabel('Go to date').fill('2027-04-08');
    await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
    await expectOnScreen(entry(eddie.page, late), 'the 23:30 placement on Thursday');
  });

  await test.step('month view: in the cells of their days', async () => {
    await eddie.page.getByRole('button', { name: 'Month', exact: true }).click();
    await see(eddie.page.locator(`td.fc-daygrid-day[data-date="2027-04-08"] [data-entry-id="${late}"]`), 'the 23:30 placement on 8 April');
    await see(eddie.page.locator(`td.fc-daygrid-day[data-date="2027-04-09"] [data-entry-id="${midnight}"]`), 'the 00:01 placement on 9 April');
    await expectOnScreen(entry(eddie.page, midnight), 'the 00:01 placement in the month');
    await shot(eddie.page, 'calendar-month');
  });

  await test.step('list view', async () => {
    await eddie.page.getByRole('button', { name: 'List', exact: true }).click();
    await expectOnScreen(entry(eddie.page, late), 'the 23:30 placement in the list');
    await expect(entry(eddie.page, late).first()).toContainText('23:30');
    await expectOnScreen(entry(eddie.page, midnight), 'the 00:01 placement in the list');
    await shot(eddie.page, 'calendar-list');
  });
});
