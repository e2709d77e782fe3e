// An admin sees every read model the server can rebuild, the audit and time travel among them, and rebuilds one.
import { expect, see, shot, test } from './fixtures';

test('ada rebuilds the calendar history from the events and sees it up to date again', async ({ signIn }) => {
  const ada = await signIn('ada');
  await ada.page.getByTestId('tab-read-models').click();
  const row = (name: string) => ada.page.locator(`[data-testid="read-model-row"][data-name="${name}"]`);
  for (const name of ['audit', 'calendar-history', 'publication-schedule', 'stories']) {
    await see(row(name), `the ${name} read model`);
  }
  const history = row('calendar-history');
  await history.getByRole('button', { name: 'Rebuild calendar-history' }).click();
  await history.getByRole('button', { name: 'Rebuild now' }).click();
  await see(ada.page.getByText('Rebuilding calendar-history from the events'), 'the rebuild started');
  await expect(history.getByTestId('read-model-state'), 'rebuilt and caught up again').toHaveText('Up to date', {
    timeout: 60_000,
  });
  await shot(ada.page, 'read-models');
});
