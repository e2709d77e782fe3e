// An admin connects a channel to its tool; a delivery the tool never takes turns red, tells the editors, and an
// editor may send it again.
import { approvedStory, as, unique } from './api';
import { expect, openStory, see, shot, test } from './fixtures';

test('ada connects the podcast channel; a failed delivery shows red with a redeliver button for eddie', async ({ signIn }) => {
  const ada = await signIn('ada');
  await ada.page.getByTestId('tab-connectors').click();
  const form = ada.page.locator('[data-testid="connector-form"][data-channel-id="podcast"]');
  // nothing listens on the discard port: every attempt is refused
  await form.getByLabel('Webhook URL').fill('http://127.0.0.1:9/hooks/newsroom');
  await form.getByLabel('Secret').fill('a-long-shared-secret-for-the-podcast-tool');
  await form.getByLabel('Missed slots').selectOption('PUBLISH_LATE');
  await form.getByRole('button', { name: 'Save' }).click();
  await see(form.getByText('Last changed by ada'), 'who changed the connector');
  await expect(form.getByLabel('Secret'), 'the secret is not shown again').toHaveValue('');
  await expect(form.getByLabel('Secret')).toHaveAttribute('placeholder', /set/);
  await shot(ada.page, 'channels');

  const title = unique('Podcast episode');
  const id = await approvedStory(title, [
    { placementId: 'episode', channelId: 'podcast', slot: '2027-05-04T09:00:00Z', text: 'Episode 12' },
  ]);
  const published = await as('eddie').post(`/stories/${id}/placements/episode/publish`);
  expect(published.status).toBe(200);

  const eddie = await signIn('eddie');
  await openStory(eddie, id);
  const placement = eddie.page.locator('[data-testid="placement"][data-placement-id="episode"]');
  await see(placement.getByTestId('placement-delivery').filter({ hasText: 'Delivery failed' }), 'the failed delivery');
  await expect(placement.getByTestId('placement-delivery')).toHaveCSS('background-color', 'rgb(179, 38, 30)');
  await see(placement.getByTestId('redeliver'), 'the redeliver button');
  await shot(eddie.page, 'delivery-failed');
  await eddie.page.getByTestId('tab-notifications').click();
  await see(eddie.page.getByTestId('notifications').getByText(/Delivery of placement episode to podcast failed/), 'the notification');
});
