// A lost connection: what happened meanwhile arrives after the reconnect, without a reload.
import { as, unique } from './api';
import { expect, expectLive, see, test } from './fixtures';

test("eddie's connection is lost; carla pitches meanwhile; after reconnecting his board catches up", async ({ signIn }) => {
  const eddie = await signIn('eddie');
  const carla = await signIn('carla');
  await expectLive(eddie);
  await expectLive(carla);
  await eddie.page.getByTestId('tab-board').click();
  await see(eddie.page.getByTestId('board'), "eddie's board");
  await carla.page.getByTestId('tab-board').click();
  await eddie.page.evaluate(() => (window as unknown as { __newsroomLive: { drop(): void } }).__newsroomLive.drop());
  await expect(eddie.page.getByTestId('live-state')).toHaveAttribute('data-state', 'reconnecting');
  const lostTitle = unique('Pitched while eddie was offline');
  const pitched = await as('carla').post('/stories', { title: lostTitle, desk: 'HR', audience: 'INTERNAL', priority: 'NORMAL' });
  const lostId = pitched.body.storyId;
  // Once carla sees it live, the push is over: eddie can only get it by catching up.
  await see(carla.page.locator(`[data-testid="story-card"][data-story-id="${lostId}"]`), "carla's new pitch on her board");
  await expect(eddie.page.locator(`[data-testid="story-card"][data-story-id="${lostId}"]`), 'nothing reaches eddie while disconnected').toHaveCount(0);
  const catchUp = eddie.page.waitForRequest((r) => r.url().includes('/api/live/updates?after='));
  await eddie.page.evaluate(() => (window as unknown as { __newsroomLive: { resume(): void } }).__newsroomLive.resume());
  await expectLive(eddie);
  await catchUp;
  await see(eddie.page.locator(`[data-testid="column-PITCHED"] [data-testid="story-card"][data-story-id="${lostId}"]`), `"${lostTitle}" on eddie's board after the reconnect`);
});
