// The calendar as a CSV file and as a personal feed for calendar apps.
import { readFileSync } from 'node:fs';
import { storyInProgress, unique } from './api';
import { baseUrl, expect, goToDate, see, shot, test } from './fixtures';

test('eddie downloads the week as CSV, named after the days in view', async ({ signIn }) => {
  const title = unique('Exported story');
  await storyInProgress(title, [{ placementId: 'nl', channelId: 'newsletter', slot: '2027-03-03T07:00:00Z', text: 'Newsletter' }]);
  const eddie = await signIn('eddie');
  await goToDate(eddie, '2027-03-05');
  const downloading = eddie.page.waitForEvent('download');
  await eddie.page.getByTestId('download-csv').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('newsroom-calendar_2027-03-01-to-2027-03-07.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.startsWith('slot,channel'), `the CSV header: ${csv.slice(0, 80)}`).toBe(true);
  expect(csv).toContain(title);
});

test("eddie's calendar feed works without a password, and rotating it cuts the old address off", async ({ signIn }) => {
  const eddie = await signIn('eddie');
  await goToDate(eddie, '2027-03-05');
  await eddie.page.getByTestId('subscribe').click();
  const input = eddie.page.getByTestId('feed-url');
  await see(input, 'the feed address');
  // As a calendar app would: from outside the browser, no credentials but the token in the URL.
  const feed = async (url: string) => {
    const answer = await fetch(new URL(url, baseUrl()), { signal: AbortSignal.timeout(15_000) });
    return { status: answer.status, text: answer.ok ? await answer.text() : '' };
  };
  const before = await input.inputValue();
  const first = await feed(before);
  expect(first.status).toBe(200);
  expect(first.text).toContain('BEGIN:VCALENDAR');
  await eddie.page.getByRole('button', { name: 'Rotate the feed address…' }).click();
  await eddie.page.getByTestId('rotate-feed').click();
  await expect(input).not.toHaveValue(before);
  expect((await feed(await input.inputValue())).status, 'the new address works').toBe(200);
  await shot(eddie.page, 'calendar-exports');
  expect((await feed(before)).status, 'the old address is cut off').not.toBe(200);
});
