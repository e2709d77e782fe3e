// An editor's two quick clicks on one story: the second is sent against the version the first made,
// and is never reported as somebody else's change.
import { approvedStory, as, unique } from './api';
import { expect, openStory, see, showsNoProblem, test } from './fixtures';

test('two placements published back to back: no false "changed meanwhile"', async ({ signIn }) => {
  const storyId = await approvedStory(unique('Two quick publishes'), [
    { placementId: 'blog', channelId: 'corporate-blog', slot: '2027-05-03T08:00:00Z', text: 'Blog recap' },
    { placementId: 'intranet', channelId: 'intranet', slot: '2027-05-03T10:00:00Z', text: 'Intranet post' },
  ]);
  const eddie = await signIn('eddie');
  await openStory(eddie, storyId);

  // The first answer comes back late, so the second click is decided on the same version as the first.
  const commands: { placement: string; ifMatch: string | undefined; etag: string | null }[] = [];
  await eddie.page.route('**/placements/blog/publish', async (route) => {
    const answer = await route.fetch();
    await new Promise((r) => setTimeout(r, 800));
    await route.fulfill({ response: answer });
  });
  eddie.page.on('response', async (response) => {
    const match = response.url().match(/placements\/(\w+)\/publish/);
    if (match) commands.push({ placement: match[1], ifMatch: response.request().headers()['if-match'], etag: response.headers()['etag'] ?? null });
  });

  const row = (id: string) => eddie.page.locator(`[data-testid="placement"][data-placement-id="${id}"]`);
  await row('blog').getByTestId('publish').click();
  await row('intranet').getByTestId('publish').click();

  for (const id of ['blog', 'intranet']) {
    await see(eddie.page.locator(`[data-testid="placement"][data-placement-id="${id}"][data-status="PUBLISHED"]`), `${id} published`);
  }
  await showsNoProblem(eddie, 'two quick publishes');
  await expect(eddie.page.getByText(/meanwhile/)).toHaveCount(0);

  await expect.poll(() => commands.length).toBe(2);
  const [first, second] = commands;
  expect(first.placement).toBe('blog');
  expect(second.placement).toBe('intranet');
  expect(second.ifMatch, 'the second click is sent with the version the first one produced').toBe(first.etag);
  const story = (await as('victor').get(`/stories/${storyId}`)).body;
  expect(story.placements.map((p: { status: string }) => p.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
});

test('somebody else\'s change in between is reported, naming who did what, and nothing is sent again', async ({ signIn }) => {
  const storyId = await approvedStory(unique('Changed by someone else'), [
    { placementId: 'blog', channelId: 'corporate-blog', slot: '2027-05-04T08:00:00Z', text: 'Blog recap' },
  ]);
  const eddie = await signIn('eddie');
  await openStory(eddie, storyId);
  await see(eddie.page.getByTestId('publish'), 'the publish button');
  // lena comments meanwhile, from her own browser (here: the API), while eddie's drawer has not caught up
  const before = (await as('victor').get(`/stories/${storyId}`)).body.version;
  await eddie.page.evaluate(() => (window as unknown as { __newsroomLive: { drop(): void } }).__newsroomLive.drop());
  const commented = await as('lena').post(`/stories/${storyId}/comments`, { text: 'Legal is fine with the wording' });
  expect(commented.status).toBe(200);
  await eddie.page.getByTestId('publish').click();
  const problem = eddie.page.getByTestId('problem');
  await see(problem, 'the conflict');
  await expect(problem.locator('.problem-title')).toHaveText(/^Lena Legal.* commented meanwhile\.$/);
  await expect(problem.locator('.problem-title')).not.toContainText(/HTTP|409|version/);
  await eddie.page.evaluate(() => (window as unknown as { __newsroomLive: { resume(): void } }).__newsroomLive.resume());
  const after = (await as('victor').get(`/stories/${storyId}`)).body;
  expect(after.version, 'only lena\'s comment changed the story').toBe(before + 1);
  expect(after.placements[0].status, 'not published behind the person\'s back').toBe('PLANNED');
});
