// The dashboard on a laptop (1280 and 1440 px) and a tablet (768 px): screenshots of each, and checks
// of what went wrong before — a wrapping top bar, toasts over the drawer, the calendar below the fold,
// board columns out of sight without a hint, titles spilling out of their cards. Plus the skip link
// and a sign-in failure written for people.
import { approvedStory, storyInProgress, unique } from './api';
import { baseUrl, expect, goToDate, openStory, reload, see, shot, test, type Person } from './fixtures';

const LONG_TITLE =
  'An exceptionally long story title about the apprenticeship programme that keeps going: Ausbildungsplatzbesetzungsverfahrensoptimierung';

async function topBarHeight(who: Person): Promise<number> {
  return (await who.page.locator('.topbar').boundingBox())!.height;
}

/** Nothing makes the page itself scroll sideways (columns scroll inside the board). */
async function expectNoSidewaysScroll(who: Person, where: string): Promise<void> {
  const [scroll, view] = await who.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `${where}: the page is no wider than the screen`).toBeLessThanOrEqual(view);
}

for (const width of [1280, 1440]) {
  test(`laptop ${width} px: one-row top bar for a governance lead, toasts never over the drawer`, async ({ signIn }) => {
    const storyId = await approvedStory(unique('Laptop layout'), [
      { placementId: 'blog', channelId: 'corporate-blog', slot: '2027-06-01T08:00:00Z', text: 'Blog' },
    ]);
    await storyInProgress(LONG_TITLE, []);
    const grace = await signIn('grace', { width, height: 900 });
    const eddie = await signIn('eddie', { width, height: 800 });
    await see(grace.page.getByTestId('tab-inbox'), "grace's approvals tab");
    expect(await topBarHeight(grace), 'the top bar in one row').toBeLessThanOrEqual(64);
    await grace.page.getByTestId('tab-board').click();
    await see(grace.page.getByTestId('board'), 'the board');
    await expect(grace.page.getByTestId('column-PUBLISHED'), 'all five columns in view at laptop width').toBeInViewport();
    await shot(grace.page, `laptop-${width}-board-grace`);
    await grace.page.getByTestId('tab-inbox').click();
    await shot(grace.page, `laptop-${width}-inbox-grace`);

    await goToDate(eddie, '2027-06-01');
    await expect(eddie.page.locator('.fc-timegrid-body'), 'the calendar grid starts on screen').toBeInViewport();
    await shot(eddie.page, `laptop-${width}-calendar`);
    await openStory(eddie, storyId);
    await eddie.page.locator('[data-placement-id="blog"]').getByTestId('publish').click();
    const toast = eddie.page.getByTestId('story-drawer').getByTestId('toasts').getByRole('status');
    await see(toast, 'the confirmation inside the drawer');
    const toastBox = (await toast.first().boundingBox())!;
    const bodyBox = (await eddie.page.locator('.drawer-body').boundingBox())!;
    expect(toastBox.y, 'the toast sits below the drawer content, not over it').toBeGreaterThanOrEqual(bodyBox.y + bodyBox.height - 1);
    await shot(eddie.page, `laptop-${width}-drawer`);
  });
}

test('tablet 768 px: calendar in view, board columns announced, long titles inside their cards', async ({ signIn }) => {
  const storyId = await storyInProgress(LONG_TITLE + unique(''), [
    { placementId: 'blog', channelId: 'corporate-blog', slot: '2027-06-02T08:00:00Z', text: 'Blog' },
  ]);
  const eddie = await signIn('eddie', { width: 768, height: 1024 });
  await goToDate(eddie, '2027-06-02');
  const grid = (await eddie.page.locator('.fc-timegrid-body').boundingBox())!;
  expect(grid.y, 'the calendar grid starts in the upper half of the screen').toBeLessThan(1024 / 2);
  await expectNoSidewaysScroll(eddie, 'calendar');
  await shot(eddie.page, 'tablet-768-calendar');

  await eddie.page.getByTestId('tab-board').click();
  const nav = eddie.page.getByTestId('board-columns-nav');
  for (const column of ['Pitched', 'In progress', 'In review', 'Approved', 'Published']) await expect(nav).toContainText(column);
  await see(eddie.page.getByTestId('board-scroll-hint'), 'the hint that more columns are to the side');
  const card = eddie.page.locator(`[data-testid="story-card"][data-story-id="${storyId}"]`);
  await see(card, 'the long-titled card');
  const spill = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(spill, 'the title stays inside its card').toBeLessThanOrEqual(1);
  await expectNoSidewaysScroll(eddie, 'board');
  await shot(eddie.page, 'tablet-768-board');
  await nav.getByRole('link', { name: /Published/ }).click();
  await expect(eddie.page.getByTestId('column-PUBLISHED')).toBeInViewport();
  await shot(eddie.page, 'tablet-768-board-published');
  await openStory(eddie, storyId);
  await shot(eddie.page, 'tablet-768-drawer');
});

test('a skip link leads past the top bar to the main content', async ({ signIn }) => {
  const eddie = await signIn('eddie');
  await reload(eddie); // focus at the start of the page
  await eddie.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // from the start, as after a fresh load
  await eddie.page.keyboard.press('Tab');
  const skip = eddie.page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await eddie.page.keyboard.press('Enter');
  await expect(eddie.page.locator('#main')).toBeFocused();
});

test('a failed sign-in is explained in words, without codes', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(baseUrl());
  await page.getByLabel('User name').fill('eddie');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.locator('.problem-title')).toHaveText('That user name and password do not match.');
  const main = await alert.locator('.problem-title, .problem-advice').allInnerTexts();
  expect(main.join(' ')).not.toMatch(/HTTP|401|credentials|Basic/);
  await shot(page, 'sign-in-failed');
  await context.close();
});
