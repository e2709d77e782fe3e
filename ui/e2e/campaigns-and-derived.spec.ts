// Campaigns group the calendar; a derived story links to its source, and the calendar refuses to drag
// it before its embargo, saying why in words.
import { storyInProgress, unique } from './api';
import {
  closeStory,
  entry,
  expect,
  expectInSlot,
  goToDate,
  openStory,
  planPlacement,
  see,
  shot,
  test,
} from './fixtures';

test('eddie defines the campaign and the calendar groups its placements under its name', async ({ signIn }) => {
  await storyInProgress(unique('Campaign story'), [
    { placementId: 'press', channelId: 'press-release', slot: '2027-03-04T13:00:00Z', text: 'PRESS RELEASE' },
  ], { campaign: 'employer-branding-2027' });
  const eddie = await signIn('eddie');
  await eddie.page.getByTestId('tab-campaigns').click();
  await eddie.page.getByTestId('define-campaign').click();
  const form = eddie.page.getByTestId('campaign-form');
  await form.getByLabel('Name').fill('Employer branding 2027');
  await expect(form.getByLabel('Campaign id'), 'the id suggested from the name').toHaveValue('employer-branding-2027');
  await form.getByLabel(/^Goal/).fill('Be the employer apprentices choose');
  await form.getByLabel(/^KPI/).fill('Apprenticeship applications +20 %');
  await form.getByLabel('Starts on').fill('2027-01-01');
  await form.getByLabel('Ends on').fill('2027-12-31');
  await form.getByRole('button', { name: 'Define campaign' }).click();
  const row = eddie.page.locator('[data-testid="campaign-row"][data-campaign-id="employer-branding-2027"]');
  await see(row.filter({ hasText: 'Apprenticeship applications' }), 'the campaign in the list');
  await shot(eddie.page, 'campaigns');
  await row.getByRole('button', { name: /Show on calendar/ }).click();
  await eddie.page.getByLabel('Go to date').fill('2027-03-04');
  await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(eddie.page.getByLabel('Campaign', { exact: true }), 'the calendar filtered by the campaign').toHaveValue('employer-branding-2027');
  await eddie.page.locator('details.entry-list').evaluate((details) => ((details as HTMLDetailsElement).open = true));
  await eddie.page.getByTestId('group-by-campaign').check();
  await see(
    eddie.page.locator('[data-testid="campaign-group"][data-campaign-id="employer-branding-2027"]').filter({ hasText: 'Employer branding 2027' }),
    'the placements grouped under "Employer branding 2027"',
  );
});

test('a derived story is refused a slot before its embargo, and the calendar says why', async ({ signIn }) => {
  const sourceTitle = unique('Livestream from the plant');
  const sourceId = await storyInProgress(sourceTitle, [
    { placementId: 'live', channelId: 'livestream', slot: '2027-03-04T13:00:00Z', text: 'Live at 14:00' },
  ]);
  const eddie = await signIn('eddie');
  const derivedTitle = unique('Robot cell clip');

  const derivedId = await test.step('eddie creates a derived story (embargo Fri 5 Mar 12:00) with a LinkedIn clip at 14:00', async () => {
    await openStory(eddie, sourceId);
    await eddie.page.getByTestId('create-derived').click();
    const dialog = eddie.page.getByTestId('pitch-dialog');
    await see(dialog.getByRole('heading', { name: 'Pitch a derived story' }), 'the derived pitch dialog');
    await expect(dialog.getByLabel('Source story (if derived)')).toHaveValue(sourceId);
    await dialog.getByLabel('Title').fill(derivedTitle);
    await expect(dialog.getByTestId('zone-hint'), 'the embargo says its time zone').toContainText('Europe/Berlin');
    await dialog.getByLabel('Embargo (earliest publication)').fill('2027-03-05T12:00');
    await dialog.getByRole('button', { name: 'Pitch story' }).click();
    await see(eddie.page.getByTestId('source-story').filter({ hasText: sourceTitle }), `"Derived from ${sourceTitle}" in the drawer`);
    const id = decodeURIComponent(new URL(eddie.page.url()).hash.match(/story=([^&]+)/)?.[1] ?? '');
    expect(id && id !== sourceId, 'a new story id in the address').toBeTruthy();
    await eddie.page.getByRole('button', { name: 'Accept…' }).click();
    await eddie.page.getByLabel('Assignee (optional)').selectOption('carla');
    await eddie.page.getByRole('button', { name: 'Accept pitch' }).click();
    await see(eddie.page.locator('[data-testid="story-status"][data-status="IN_PROGRESS"]'), 'the derived story in progress');
    await planPlacement(eddie, { channelId: 'linkedin', slot: '2027-03-05T14:00', text: 'Watch the apprentices start the robot cell.', placementId: 'clip' });
    await eddie.page.getByTestId('source-story').click();
    await see(eddie.page.getByTestId('derived-stories').getByText(derivedTitle), "the clip among the source story's derived stories");
    return id;
  });

  await test.step('eddie drags the clip to 10:00: refused in words, and it stays at 14:00', async () => {
    await closeStory(eddie);
    await goToDate(eddie, '2027-03-05');
    const entryId = `${derivedId}:clip`;
    await expectInSlot(eddie.page, entryId, '2027-03-05', '14:00:00');
    await eddie.page.locator('td.fc-timegrid-slot-lane[data-time="12:00:00"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const block = entry(eddie.page, entryId).first();
    const box = await block.boundingBox();
    const target = await eddie.page.locator('td.fc-timegrid-slot-lane[data-time="10:00:00"]').boundingBox();
    expect(box && target, 'measured the clip and the 10:00 row').toBeTruthy();
    const x = box!.x + box!.width / 2;
    const grab = 6; // px below the block's top edge
    const refusal = eddie.page.waitForResponse((r) => r.url().includes('/placements/clip/reschedule'));
    await eddie.page.mouse.move(x, box!.y + grab);
    await eddie.page.mouse.down();
    await eddie.page.mouse.move(x, box!.y + grab - 12, { steps: 4 });
    await eddie.page.mouse.move(x, target!.y + grab + 2, { steps: 12 });
    await eddie.page.mouse.up();
    const answer = await refusal;
    expect(answer.status(), 'rescheduling before the embargo is refused').toBe(409);
    // dropped on the 10:00 row in Berlin, i.e. 09:xx UTC (in the browser's New York zone it would be 15:xx)
    expect(JSON.parse(answer.request().postData() ?? '{}').slot).toMatch(/^2027-03-05T09:[0-5]\d:00Z$/);
    const problem = eddie.page.locator('[data-testid="problem"][data-rule="SlotBeforeEmbargo"]');
    await see(problem, 'the refusal of the drag');
    await expect(problem.locator('.problem-title')).toHaveText('That time is before the story’s embargo: choose a time after the embargo.');
    await expect(problem.locator('.problem-title')).not.toContainText(/HTTP|409|SlotBeforeEmbargo/);
    await expect(block).toHaveAttribute('data-slot', '2027-03-05T13:00:00Z');
    await expectInSlot(eddie.page, entryId, '2027-03-05', '14:00:00');
    await shot(eddie.page, 'calendar-refused-drag');
  });
});
