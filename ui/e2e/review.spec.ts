// A re-submission in the governance lead's inbox: every channel text, and what changed since the
// approved version (the server's `lastApprovedContent`), word by word.
import { approvedStory, as, unique } from './api';
import { expect, see, shot, test } from './fixtures';

test('the inbox shows what changed since the last approval', async ({ signIn }) => {
  const title = unique('Apprentices build the robot cell');
  const storyId = await approvedStory(title, [
    { placementId: 'blog', channelId: 'corporate-blog', slot: '2027-06-07T08:00:00Z', text: 'Six apprentices built it.' },
  ]);
  // eddie changes the approved story (which withdraws the approval), adds a channel, and carla re-submits
  const story = (await as('eddie').get(`/stories/${storyId}`)).body;
  expect(story.lastApprovedContent?.body, 'the approved content, as the server keeps it').toBe(story.body);
  const edited = await as('eddie').put(`/stories/${storyId}/draft`, {
    title: story.title,
    angle: story.angle,
    body: 'Seven apprentices built the robot cell.',
    desk: story.desk,
    audience: story.audience,
    priority: story.priority,
  });
  expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  const planned = await as('eddie').post(`/stories/${storyId}/placements`, {
    placementId: 'linkedin',
    channelId: 'linkedin',
    slot: '2027-06-07T10:00:00Z',
    text: 'Meet the seven apprentices.',
  });
  expect(planned.status, JSON.stringify(planned.body)).toBe(200);
  const submitted = await as('carla').post(`/stories/${storyId}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

  const grace = await signIn('grace');
  await grace.page.getByTestId('tab-inbox').click();
  const item = grace.page.locator(`[data-testid="inbox-item"][data-story-id="${storyId}"]`);
  await see(item, `"${title}" in grace's inbox`);
  await expect(item.getByTestId('inbox-texts')).toContainText('Meet the seven apprentices.');
  const changes = item.getByTestId('review-changes');
  await see(changes, 'what changed since the approval');
  const body = changes.locator('[data-testid="changed-field"][data-field="body"]');
  await expect(body.locator('del')).toContainText('Six');
  await expect(body.locator('ins')).toContainText('Seven');
  await expect(changes.locator('[data-testid="changed-placement"][data-placement-id="linkedin"][data-kind="added"]')).toContainText('Meet the seven apprentices.');
  await expect(changes.locator('[data-testid="changed-field"][data-field="title"]'), 'an unchanged title is not listed').toHaveCount(0);
  await shot(grace.page, 'inbox-resubmission');
});
