// A quiet period defined by a governance lead shows on everybody's calendar, and holds.
import { as, storyInProgress, unique } from './api';
import { closeStory, entry, expect, goToDate, openStory, see, shot, showsNoProblem, test, type Person } from './fixtures';

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

// A quiet period holds: planning into it is refused and says why; the editor is offered nothing more, while
// nora (editor and governance lead), whom the server allows to override it, overrides it with a reason and the
// placement is planned, with the override on the story (live for eddie too) and on the calendar.
test('a lead plans into a quiet period: told why it is refused, overrides it with a reason, and it is planned', async ({ signIn }) => {
  const name = unique('Capital markets day');
  const defined = await as('grace').post('/blackouts', {
    name,
    channels: ['linkedin'],
    from: '2027-05-19T22:00:00Z', // Thursday 20 May in Berlin, midnight to midnight
    to: '2027-05-20T22:00:00Z',
    reason: 'Nothing on LinkedIn before the capital markets day',
  });
  expect(defined.status, JSON.stringify(defined.body)).toBe(201);
  const storyId = await storyInProgress(unique('Investor update'), []);
  const eddie = await signIn('eddie');
  const nora = await signIn('nora');
  const placements = (who: Person) => who.page.getByTestId('placement');
  const refusal = (who: Person) => who.page.getByTestId('plan-form').getByTestId('problem');

  await test.step('eddie (an editor) plans a LinkedIn post in it: refused, told which period and when, no override offered', async () => {
    await openStory(eddie, storyId);
    await fillPlan(eddie);
    await see(refusal(eddie), 'the refusal under the plan form');
    await expect(refusal(eddie)).toHaveAttribute('data-rule', 'QuietPeriodInForce');
    await expect(refusal(eddie)).toContainText(`The quiet period “${name}” (Thu, 20 May 2027, 00:00 to Fri, 21 May 2027, 00:00) holds this channel`);
    await expect(refusal(eddie)).toContainText('ask a governance lead to override it');
    await expect(eddie.page.getByRole('button', { name: 'Override and plan' })).toHaveCount(0);
    await expect(placements(eddie)).toHaveCount(0);
  });

  await test.step('nora plans the same: refused with the same words, and offered to override it with a reason', async () => {
    await openStory(nora, storyId);
    await fillPlan(nora);
    await see(refusal(nora), "the refusal under nora's plan form");
    await expect(refusal(nora)).toContainText(`The quiet period “${name}”`);
    await expect(refusal(nora)).toContainText('You may override it for this placement, giving a reason.');
    const offer = nora.page.getByTestId('quiet-period-override-offer');
    const button = offer.getByRole('button', { name: 'Override and plan' });
    await expect(button, 'not without a reason').toBeDisabled();
    await offer.scrollIntoViewIfNeeded();
    await shot(nora.page, 'quiet-period-refused-lead');
    await offer.getByLabel('Reason for the override').fill('Agreed with investor relations');
    await button.click();
    await see(placements(nora), "the planned placement in nora's story");
    await showsNoProblem(nora, 'overriding and planning');
    await expect(placements(nora).getByTestId('quiet-period-override')).toContainText(`Quiet period “${name}” overridden by`);
    await expect(placements(nora).getByTestId('quiet-period-override')).toContainText('Agreed with investor relations');
  });

  await test.step('eddie sees the placement and the override live; the calendar shows it; the history records who and why', async () => {
    await see(placements(eddie).getByTestId('quiet-period-override'), "the override on eddie's open story");
    const placementId = await placements(nora).first().getAttribute('data-placement-id');
    expect(placementId, 'the id the server made for the refused plan').toMatch(/^linkedin-[0-9a-f]{8}$/);
    await closeStory(nora);
    await goToDate(nora, '2027-05-20');
    const block = entry(nora.page, `${storyId}:${placementId}`).first();
    await see(block, 'the placement on the calendar');
    await expect(block).toHaveAttribute('data-overrides', '1');
    await expect(block).toHaveAttribute('aria-label', new RegExp(`quiet period ${name} overridden by nora: Agreed with investor relations`));
    await shot(nora.page, 'quiet-period-overridden-calendar');
    const history = (await as('victor').get(`/stories/${storyId}/history`)).body as { type: string; by: string }[];
    expect(history.map((e) => [e.type, e.by])).toEqual(expect.arrayContaining([['QuietPeriodOverridden', 'nora'], ['PlacementPlanned', 'nora']]));
  });
});

/** The plan form filled with a LinkedIn post inside the quiet period, the placement id left to the server. */
async function fillPlan(who: Person): Promise<void> {
  const form = who.page.getByTestId('plan-form');
  await form.getByLabel('Channel', { exact: true }).selectOption('linkedin');
  await form.getByLabel('Slot', { exact: true }).fill('2027-05-20T10:00');
  await form.getByLabel('Text for this channel').fill('Our capital markets day: watch it live');
  await form.getByRole('button', { name: 'Plan placement' }).click();
}
