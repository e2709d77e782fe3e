// Crisis mode in the browser: a governance lead switches it on, the editor's dashboard turns to crisis at once
// and his scheduled placement shows paused; another lead ends it, the placement still waits, the editor
// reschedules it and it is back on.
import { approvedStory, as, unique } from './api';
import { expect, expectLive, LIVE_MS, openStory, see, shot, showsNoProblem, test } from './fixtures';

test('grace switches crisis mode on, eddie sees crisis and a paused placement; lena ends it and eddie reschedules', async ({ signIn }) => {
  const storyId = await approvedStory(unique('Livestream from the plant'), [
    { placementId: 'live', channelId: 'intranet', slot: '2027-04-08T12:00:00Z', text: 'Livestream on Thursday' },
  ]);
  const grace = await signIn('grace');
  const eddie = await signIn('eddie');
  const lena = await signIn('lena');
  const placement = eddie.page.locator('[data-testid="placement"][data-placement-id="live"]');

  try {
    await test.step('everybody is live; eddie has the scheduled placement open', async () => {
      for (const who of [grace, eddie, lena]) await expectLive(who);
      await openStory(eddie, storyId);
      await expect(placement, 'the placement is not paused yet').toHaveAttribute('data-paused', 'false');
      await expect(eddie.page.getByTestId('app')).toHaveAttribute('data-crisis', 'off');
      await expect(eddie.page.getByTestId('crisis-switch'), 'an editor cannot switch crisis mode').toHaveCount(0);
    });

    await test.step('grace switches crisis mode on with a reason', async () => {
      await grace.page.getByTestId('crisis-switch').click();
      const form = grace.page.getByTestId('crisis-switch-form');
      await form.getByLabel('Reason').fill('Incident at the plant');
      const sent = Date.now();
      await form.getByRole('button', { name: 'Switch crisis mode on' }).click();
      await expect(eddie.page.getByTestId('app'), "eddie's dashboard turns to crisis").toHaveAttribute('data-crisis', 'on', {
        timeout: LIVE_MS,
      });
      console.log(`eddie's dashboard showed crisis mode ${Date.now() - sent} ms after grace clicked`);
      await see(eddie.page.getByTestId('crisis-banner').filter({ hasText: 'Incident at the plant' }), "the crisis banner with grace's reason");
      await see(lena.page.getByTestId('crisis-banner'), "the crisis banner on lena's dashboard");
    });

    await test.step("eddie's scheduled placement shows paused, and he is not offered to publish or move it", async () => {
      await see(placement.getByTestId('placement-paused'), 'the placement marked paused');
      await expect(placement).toHaveAttribute('data-paused', 'true');
      await expect(placement.getByTestId('pause-note')).toContainText('Incident at the plant');
      await expect(placement.getByTestId('publish')).toHaveCount(0);
      await expect(placement.getByRole('button', { name: /^Reschedule/ })).toHaveCount(0);
      await shot(eddie.page, 'crisis-editor');
    });

    await test.step('lena (not who switched it on) ends it and leaves each paused placement to the desk', async () => {
      await lena.page.getByTestId('end-crisis').click();
      const form = lena.page.getByTestId('end-crisis-form');
      await form.getByLabel('Why it is over').fill('Statement is out, the plant is safe');
      await form.getByLabel('The paused placements').selectOption('DECIDE_EACH');
      await form.getByRole('button', { name: 'End crisis mode' }).click();
      await expect(eddie.page.getByTestId('app'), "eddie's dashboard leaves crisis").toHaveAttribute('data-crisis', 'off', {
        timeout: LIVE_MS,
      });
      await expect(eddie.page.getByTestId('crisis-banner')).toHaveCount(0);
    });

    await test.step('the placement still waits for a decision; eddie reschedules it and it is back on', async () => {
      await expect(placement, 'nothing goes out silently after the crisis').toHaveAttribute('data-paused', 'true');
      await expect(placement.getByTestId('publish')).toHaveCount(0);
      await placement.getByRole('button', { name: 'Reschedule Intranet placement' }).click({ timeout: LIVE_MS });
      await placement.getByLabel('New slot').fill('2027-04-09T14:00');
      await placement.getByRole('button', { name: 'Move' }).click();
      await expect(placement, 'rescheduled, no longer paused').toHaveAttribute('data-paused', 'false', { timeout: LIVE_MS });
      await expect(placement.getByTestId('placement-paused')).toHaveCount(0);
      await showsNoProblem(eddie, 'rescheduling after the crisis');
      const history = (await as('victor').get(`/stories/${storyId}/history`)).body as { type: string; username?: string }[];
      expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(['PlacementPaused', 'PlacementRescheduled', 'PlacementResumed']));
    });
  } finally {
    // the server is shared by every browser test: never leave it in crisis
    const status = await as('victor').get('/crisis');
    if (status.body?.active) await as('grace').post('/crisis/end', { reason: 'test over' });
  }
});
