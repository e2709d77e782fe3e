// A quiet period defined by a governance lead shows on everybody's calendar.
import { as } from './api';
import { expect, goToDate, see, shot, test } from './fixtures';

test('grace defines a quiet period on LinkedIn (Sat 6 Mar); eddie sees it on his calendar', async ({ signIn }) => {
  const grace = await signIn('grace');
  const eddie = await signIn('eddie');
  await grace.page.getByTestId('tab-quiet-periods').click();
  await grace.page.getByTestId('define-blackout').click();
  const form = grace.page.getByTestId('blackout-form');
  await form.getByLabel('Name').fill('Q1 results');
  await form.getByRole('group', { name: 'Channels of the quiet period' }).getByLabel('LinkedIn').check();
  await form.getByLabel('From', { exact: true }).fill('2027-03-06T00:00');
  await form.getByLabel('To', { exact: true }).fill('2027-03-07T00:00');
  await expect(form.getByTestId('zone-hint').first(), 'the times say their zone').toContainText('Europe/Berlin');
  await form.getByLabel(/^Reason/).fill('Quarterly results on Monday');
  await form.getByRole('button', { name: 'Define quiet period' }).click();
  await see(grace.page.locator('[data-testid="blackout-row"]').filter({ hasText: 'Q1 results' }), "the quiet period in grace's list");
  await shot(grace.page, 'quiet-periods');
  // midnight to midnight in Berlin
  const defined = async () =>
    ((await as('eddie').get('/blackouts')).body as { name: string; startsAt: string; endsAt: string }[]).find((b) => b.name === 'Q1 results');
  await expect.poll(defined).toMatchObject({ startsAt: '2027-03-05T23:00:00Z', endsAt: '2027-03-06T23:00:00Z' });
  await goToDate(eddie, '2027-03-05');
  await see(eddie.page.locator('[data-testid="calendar-blackout"][aria-label*="Q1 results"]'), "the quiet period on eddie's calendar");
});
