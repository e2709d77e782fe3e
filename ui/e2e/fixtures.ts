// What every browser test shares: people signed in in their own browser contexts, helpers that say
// what a person should have seen when they fail, and on failure a screenshot, the page text and the
// STOMP frames of every person attached to the report.
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { apiUrl, PASSWORD } from './api';
import { BROWSER_ZONE, SHOTS } from './server';

/** How long a change may take to show in another person's browser. */
export const LIVE_MS = 20_000;

export interface Person {
  username: string;
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the page: a test fails when there are any. */
  errors: string[];
  /** The STOMP frames the page sent and received (for the report when a test fails). */
  frames: string[];
}

export interface Viewport {
  width: number;
  height: number;
}

export interface SignInOptions {
  /** The demo password unless given (e.g. a one-time password). */
  password?: string;
  /** Where the form leads: the dashboard, or the screen to replace a one-time password. */
  lands?: 'dashboard' | 'choose-password';
}

type SignIn = (username: string, viewport?: Viewport, options?: SignInOptions) => Promise<Person>;

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the tests through playwright.config.ts');
  return url;
}

async function newPerson(browser: Browser, username: string, viewport: Viewport, options: SignInOptions): Promise<Person> {
  const context = await browser.newContext({ viewport, timezoneId: BROWSER_ZONE, locale: 'en-GB' });
  const page = await context.newPage();
  const person: Person = { username, page, context, errors: [], frames: [] };
  page.on('pageerror', (error) => person.errors.push(error.message));
  page.on('websocket', (socket) => {
    const at = () => new Date().toISOString().slice(11, 23);
    socket.on('framesent', (f) => person.frames.push(`${at()} > ${String(f.payload).replace(/\n/g, ' | ').slice(0, 300)}`));
    socket.on('framereceived', (f) => person.frames.push(`${at()} < ${String(f.payload).replace(/\n/g, ' | ').slice(0, 300)}`));
    socket.on('close', () => person.frames.push(`${at()} closed`));
  });
  await page.goto(baseUrl());
  await signInThroughTheForm(page, username, options.password ?? PASSWORD);
  if (options.lands === 'choose-password') {
    await expect(page.getByTestId('choose-password'), `${username} is asked to choose a password`).toBeVisible();
  } else {
    await expect(page.getByTestId('whoami'), `${username} signed in`).toBeVisible();
  }
  return person;
}

/** Whether the server signs browsers in with sessions (GET /api/session/options answers), or only HTTP Basic. */
export async function serverHasSessions(): Promise<boolean> {
  const answer = await fetch(`${apiUrl()}/api/session/options`, { signal: AbortSignal.timeout(10_000) });
  return answer.ok;
}

/**
 * Reloads the page. With sessions the person stays signed in (the session cookie); a server with only HTTP
 * Basic has the dashboard ask again (it keeps no password), so the person signs in once more.
 */
export async function reload(who: Person): Promise<void> {
  await who.page.reload();
  if (!(await serverHasSessions())) await signInThroughTheForm(who.page, who.username, PASSWORD);
  await see(who.page.getByTestId('whoami'), `${who.username}'s dashboard after the reload`);
}

/** The sign-in form, as a person fills it in. */
export async function signInThroughTheForm(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('signin-form');
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

export const test = base.extend<{ signIn: SignIn }>({
  signIn: async ({ browser }, use, testInfo) => {
    const people: Person[] = [];
    await use(async (username, viewport = { width: 1400, height: 900 }, options = {}) => {
      const person = await newPerson(browser, username, viewport, options);
      people.push(person);
      return person;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const p of people) {
        await testInfo.attach(`${p.username}.png`, { body: await p.page.screenshot({ fullPage: true }).catch(() => Buffer.from('')), contentType: 'image/png' });
        const text = await p.page.locator('body').innerText().catch(() => '');
        await testInfo.attach(`${p.username}.txt`, { body: `${p.page.url()}\n\n${text}`, contentType: 'text/plain' });
        await testInfo.attach(`${p.username}-stomp.txt`, { body: p.frames.join('\n'), contentType: 'text/plain' });
      }
    }
    const errors = people.flatMap((p) => p.errors.map((e) => `${p.username}: ${e}`));
    await Promise.all(people.map((p) => p.context.close()));
    expect(errors, 'uncaught errors in the pages').toEqual([]);
  },
});

export { expect };

/** Waits until the person sees it, failing with what they should have seen. */
export async function see(locator: Locator, what: string, timeout = LIVE_MS): Promise<void> {
  await expect(locator.first(), `expected to see ${what}`).toBeVisible({ timeout });
}

export async function expectLive(who: Person): Promise<void> {
  await expect(who.page.getByTestId('live-state'), `${who.username}'s dashboard is live over STOMP`).toHaveAttribute('data-state', 'live', {
    timeout: LIVE_MS,
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export async function openStory(who: Person, storyId: string): Promise<void> {
  await who.page.evaluate((id) => {
    const hash = window.location.hash.split('?')[0] || '#/board';
    window.location.hash = `${hash}?story=${encodeURIComponent(id)}`;
  }, storyId);
  await see(who.page.getByTestId('story-drawer'), `${who.username}'s story drawer`);
}

export async function closeStory(who: Person): Promise<void> {
  await who.page.getByRole('button', { name: 'Close the story' }).click();
}

/** No refusal shown anywhere on the page (the problem boxes people read). */
export async function showsNoProblem(who: Person, context: string): Promise<void> {
  const texts = await who.page.getByTestId('problem').allInnerTexts();
  expect(texts, `${context}: ${who.username} sees a refusal`).toEqual([]);
}

export async function goToDate(who: Person, date: string): Promise<void> {
  await who.page.getByTestId('tab-calendar').click();
  await who.page.getByLabel('Go to date').fill(date);
  await who.page.getByRole('button', { name: 'Go', exact: true }).click();
}

export function entry(page: Page, entryId: string): Locator {
  return page.locator(`[data-testid="calendar-entry"][data-entry-id="${entryId}"]`);
}

/** The entry's block lies in the column of its day and starts at the row of its hour (week view). */
export async function expectInSlot(page: Page, entryId: string, isoDate: string, time: string): Promise<void> {
  const block = entry(page, entryId).first();
  await expect(block, `calendar entry ${entryId}`).toBeAttached({ timeout: LIVE_MS });
  const box = await block.boundingBox();
  const column = await page.locator(`td.fc-timegrid-col[data-date="${isoDate}"]`).boundingBox();
  const row = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
  expect(box && column && row, `measured ${entryId}, the ${isoDate} column and the ${time} row`).toBeTruthy();
  const centre = box!.x + box!.width / 2;
  expect(centre, `${entryId} in the column of ${isoDate}`).toBeGreaterThanOrEqual(column!.x);
  expect(centre, `${entryId} in the column of ${isoDate}`).toBeLessThanOrEqual(column!.x + column!.width);
  expect(Math.abs(box!.y - row!.y), `${entryId} starts at the ${time} row`).toBeLessThanOrEqual(4);
}

/**
 * The element is really visible to the person: scrolled into view, with a size, and on top at its
 * centre (not hidden behind another element or clipped away).
 */
export async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  const element = locator.first();
  await see(element, what);
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  expect(box && box.width > 4 && box.height > 4, `${what} has a size`).toBeTruthy();
  const onTop = await element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 8));
    return !!hit && (el === hit || el.contains(hit));
  });
  expect(onTop, `${what} is not covered or clipped`).toBe(true);
}

export async function planPlacement(
  who: Person,
  { channelId, slot, text, placementId }: { channelId: string; slot: string; text: string; placementId: string },
): Promise<void> {
  const form = who.page.getByTestId('plan-form');
  await form.getByLabel('Channel', { exact: true }).selectOption(channelId);
  await form.getByLabel('Slot', { exact: true }).fill(slot); // a wall-clock time in the newsroom's zone
  await form.getByLabel('Text for this channel').fill(text);
  await form.getByLabel('Placement id (optional)').fill(placementId);
  await form.getByRole('button', { name: 'Plan placement' }).click();
  await see(who.page.locator(`[data-testid="placement"][data-placement-id="${placementId}"]`), `placement ${placementId} in the drawer`);
  await showsNoProblem(who, `planning ${placementId}`);
}
