// A newsroom day with four people side by side: carla (contributor) pitches, eddie (editor) accepts
// and plans, carla submits, grace and lena (governance leads) approve, eddie publishes, and everyone
// sees it live — through to the board's Published column.
import { as } from './api';
import {
  closeStory,
  expect,
  expectInSlot,
  expectLive,
  goToDate,
  openStory,
  planPlacement,
  reload,
  see,
  shot,
  showsNoProblem,
  test,
} from './fixtures';

test('a story goes from pitch to published, live in every browser', async ({ signIn }) => {
  const title = `Apprentices build the robot cell ${Date.now().toString(36)}`;
  const carla = await signIn('carla');
  const eddie = await signIn('eddie');
  const grace = await signIn('grace');
  const lena = await signIn('lena');

  await test.step('everybody is live over STOMP', async () => {
    for (const who of [carla, eddie, grace, lena]) await expectLive(who);
  });

  await test.step('grace and lena watch their approval inbox, eddie the board; carla has no inbox', async () => {
    await grace.page.getByTestId('tab-inbox').click();
    await lena.page.getByTestId('tab-inbox').click();
    await see(grace.page.getByRole('heading', { name: 'Approvals' }), "grace's approval inbox");
    await eddie.page.getByTestId('tab-board').click();
    await see(eddie.page.getByTestId('board'), "eddie's board");
    await expect(carla.page.getByTestId('tab-inbox'), 'no approval inbox for a contributor').toHaveCount(0);
  });

  const storyId = await test.step('carla pitches a story', async () => {
    await carla.page.getByTestId('new-pitch').click();
    const dialog = carla.page.getByTestId('pitch-dialog');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Angle — why it matters, for whom').fill('Young talent shapes our new plant');
    await dialog.getByLabel('Body or brief').fill('Six apprentices built the robot cell of the new plant.');
    await dialog.getByLabel('Desk or department').fill('HR');
    await dialog.getByLabel('Audience').selectOption('B2C');
    await dialog.getByLabel('Campaign').fill('employer-branding-2027');
    await dialog.getByLabel('Priority').selectOption('HIGH');
    await dialog.getByRole('button', { name: 'Pitch story' }).click();
    await see(carla.page.getByTestId('story-drawer'), "carla's new story in the drawer");
    await carla.page.waitForURL(/story=/);
    const id = new URL(carla.page.url()).hash.match(/story=([^&]+)/)?.[1];
    expect(id, 'a story id in the address after pitching').toBeTruthy();
    return decodeURIComponent(id!);
  });

  await test.step('carla is offered neither approve nor accept', async () => {
    await expect(carla.page.getByTestId('approve')).toHaveCount(0);
    await expect(carla.page.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  });

  await test.step('eddie sees the pitch appear on his board without reloading, opens it and accepts it for carla', async () => {
    const card = eddie.page.locator(`[data-testid="column-PITCHED"] [data-testid="story-card"][data-story-id="${storyId}"]`);
    await see(card, `"${title}" in eddie's Pitched column`);
    await card.click();
    await see(eddie.page.getByTestId('story-drawer'), "eddie's story drawer");
    await eddie.page.getByRole('button', { name: 'Accept…' }).click();
    await eddie.page.getByLabel('Assignee (optional)').selectOption('carla'); // picked from the newsroom's people
    await eddie.page.getByRole('button', { name: 'Accept pitch' }).click();
    await see(eddie.page.locator('[data-testid="story-status"][data-status="IN_PROGRESS"]'), 'the story in progress');
    await showsNoProblem(eddie, 'accepting');
  });

  await test.step('carla sees that eddie is looking at her story, and its new state, live', async () => {
    await see(carla.page.getByTestId('presence').filter({ hasText: /Eddie is (viewing|editing)/ }), '"Eddie is viewing" in carla\'s drawer');
    await see(carla.page.locator('[data-testid="story-status"][data-status="IN_PROGRESS"]'), "'In progress' in carla's drawer");
  });

  await test.step('eddie plans a press release (Thu 4 Mar 2027 09:00) and a LinkedIn post (11:00), in the newsroom time', async () => {
    await expect(eddie.page.getByTestId('plan-form').getByTestId('zone-hint'), 'the slot says its time zone').toContainText('Europe/Berlin');
    await planPlacement(eddie, { channelId: 'press-release', slot: '2027-03-04T09:00', text: 'PRESS RELEASE: Apprentices build the robot cell of the new plant.', placementId: 'press' });
    await planPlacement(eddie, { channelId: 'linkedin', slot: '2027-03-04T11:00', text: 'Meet the six apprentices who built our new robot cell.', placementId: 'linkedin' });
    // 09:00 in Berlin (CET) is 08:00 UTC, whatever zone eddie's browser is in (New York)
    const story = (await as('victor').get(`/stories/${storyId}`)).body;
    const slots = Object.fromEntries(story.placements.map((p: { placementId: string; slot: string }) => [p.placementId, p.slot]));
    expect(slots).toEqual({ press: '2027-03-04T08:00:00Z', linkedin: '2027-03-04T10:00:00Z' });
  });

  await test.step('eddie mentions carla in a comment (picked from the @ suggestions) and she is notified live', async () => {
    const comment = eddie.page.getByRole('combobox', { name: /^Comment \(mention/ });
    await comment.fill('@car');
    await see(eddie.page.getByRole('option', { name: /@carla/ }), 'carla suggested for "@car"');
    await comment.press('Enter');
    await expect(comment).toHaveValue('@carla ');
    await comment.pressSequentially('please check the LinkedIn wording');
    await eddie.page.getByRole('button', { name: 'Add comment' }).click();
    await see(eddie.page.getByTestId('comments').getByText('please check the LinkedIn wording'), "the comment in eddie's drawer");
    await see(carla.page.getByTestId('comments').getByText('please check the LinkedIn wording'), "eddie's comment in carla's drawer");
    await see(carla.page.getByText(/mentioned you/), "carla's mention notification");
  });

  await test.step('the calendar shows both placements in their slots, in channel colours, with their status', async () => {
    await closeStory(eddie);
    await goToDate(eddie, '2027-03-04');
    await expectInSlot(eddie.page, `${storyId}:press`, '2027-03-04', '09:00:00');
    await expectInSlot(eddie.page, `${storyId}:linkedin`, '2027-03-04', '11:00:00');
    const entries = eddie.page.locator(`[data-testid="calendar-entry"][data-story-id="${storyId}"]`);
    const colours = await entries.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(new Set(colours).size, `press release and LinkedIn in different colours: ${colours.join(', ')}`).toBeGreaterThanOrEqual(2);
    await expect(entries.first(), 'the status is written on the entry, not only coloured').toContainText('Planned');
    await expect(entries.first()).toHaveAttribute('aria-label', /Planned \(waiting for approval\)/);
    await expect(eddie.page.getByTestId('status-legend')).toContainText('Scheduled');
    await shot(eddie.page, 'calendar-planned');
  });

  await test.step('carla submits the story for approval', async () => {
    await see(carla.page.locator('[data-testid="placement"][data-placement-id="linkedin"]'), "the planned placements in carla's drawer");
    await carla.page.getByRole('button', { name: 'Submit for approval' }).click();
    await see(carla.page.locator('[data-testid="story-status"][data-status="IN_REVIEW"]'), 'the story in review');
    await showsNoProblem(carla, 'submitting');
  });

  await test.step('carla still has no approve button, and the server refuses her approval', async () => {
    await expect(carla.page.getByTestId('approve')).toHaveCount(0);
    // As a script signed in as carla would try it: the server refuses whatever the dashboard shows.
    const { status } = await as('carla').post(`/stories/${encodeURIComponent(storyId)}/approvals`, { step: 'communications' });
    expect(status, "carla's approval refused").toBe(403);
  });

  await test.step('grace sees the request arrive live, with every channel text, and approves communications', async () => {
    const item = grace.page.locator(`[data-testid="inbox-item"][data-story-id="${storyId}"]`);
    await see(item, `"${title}" in grace's inbox`);
    await expect(item.getByTestId('inbox-texts'), 'what is to be approved').toContainText('PRESS RELEASE: Apprentices build the robot cell');
    await expect(item.getByTestId('inbox-texts')).toContainText('Meet the six apprentices');
    await expect(item.getByTestId('review-changes'), 'nothing to compare with before the first approval').toHaveCount(0);
    const chooser = item.getByRole('combobox');
    if ((await chooser.count()) > 0) await chooser.selectOption('communications');
    await item.getByTestId('inbox-approve').click();
    await see(grace.page.getByText(/Approved communications/), "grace's confirmation");
    await showsNoProblem(grace, 'approving communications');
  });

  await test.step('lena approves legal (the press release needs both)', async () => {
    const item = lena.page.locator(`[data-testid="inbox-item"][data-story-id="${storyId}"]`);
    await see(item.getByTestId('inbox-pending').filter({ hasText: /^legal$/ }), "only 'legal' pending in lena's inbox");
    await item.getByTestId('inbox-approve').click();
    await see(lena.page.getByText(/Approved legal/), "lena's confirmation");
    await showsNoProblem(lena, 'approving legal');
  });

  await test.step('eddie sees it approved and publishes both placements back to back, without a false conflict', async () => {
    await eddie.page.getByTestId('tab-board').click();
    await see(eddie.page.locator(`[data-testid="column-APPROVED"] [data-testid="story-card"][data-story-id="${storyId}"]`), `"${title}" in eddie's Approved column`);
    await shot(eddie.page, 'board-approved');
    await openStory(eddie, storyId);
    const publish = (id: string) => eddie.page.locator(`[data-testid="placement"][data-placement-id="${id}"]`).getByTestId('publish');
    await expect(publish('linkedin')).toBeEnabled();
    await publish('press').click();
    await publish('linkedin').click(); // right away: decided on the same version as the first click
    for (const id of ['press', 'linkedin']) {
      await see(eddie.page.locator(`[data-testid="placement"][data-placement-id="${id}"][data-status="PUBLISHED"]`), `${id} published in eddie's drawer`);
    }
    await showsNoProblem(eddie, 'publishing two placements back to back');
  });

  await test.step("carla's and eddie's browsers show both published, and the story in the board's Published column", async () => {
    for (const who of [carla, eddie]) {
      for (const id of ['press', 'linkedin']) {
        await see(who.page.locator(`[data-testid="placement"][data-placement-id="${id}"][data-status="PUBLISHED"]`), `${id} published in ${who.username}'s drawer`);
      }
    }
    await closeStory(carla);
    await carla.page.getByTestId('tab-board').click();
    await see(carla.page.locator(`[data-testid="column-PUBLISHED"] [data-story-id="${storyId}"]`), "the story in carla's Published column");
    await expect(carla.page.locator(`[data-testid="column-APPROVED"] [data-story-id="${storyId}"]`)).toHaveCount(0);
    await expect(carla.page.locator(`[data-story-id="${storyId}"] [data-testid="card-approval"]`)).toContainText('Published');
    await closeStory(eddie);
    await see(eddie.page.locator(`[data-testid="column-PUBLISHED"] [data-story-id="${storyId}"]`), "the story in eddie's Published column, live");
    await reload(eddie);
    await see(eddie.page.locator(`[data-testid="column-PUBLISHED"] [data-story-id="${storyId}"]`), 'the story in Published after a reload (the server agrees)');
    await shot(carla.page, 'board');
    await goToDate(eddie, '2027-03-04');
    for (const id of ['press', 'linkedin']) {
      await see(eddie.page.locator(`[data-testid="calendar-entry"][data-entry-id="${storyId}:${id}"][data-status="PUBLISHED"]`), `${id} shown published on eddie's calendar`);
    }
    await shot(eddie.page, 'calendar');
    await shot(grace.page, 'inbox-grace');
  });
});
