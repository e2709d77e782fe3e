// End-to-end scenario in a real browser (Debian's chromium through playwright-core).
//
// Starts the Newsroom jar (demo profile, free port, fresh data dir) on 127.0.0.1, serves the built
// dashboard (ui/dist) on the same origin as the server's /api and /ws, and plays a newsroom day with
// four people in side-by-side browser contexts:
//   carla (contributor) pitches → eddie (editor) sees it on his board live, accepts it, plans a press
//   release and a LinkedIn post → the calendar shows both in their slots → carla submits and is
//   offered no approve button (and the API refuses her) → grace (head of communications) sees the
//   request arrive in her inbox live and approves "communications" → lena (legal) approves "legal"
//   → eddie publishes both placements → carla's and eddie's browsers both show them published.
// Screenshots go to ui/target/e2e-screenshots/ on every run (and of every page on failure).
//
// Environment: NEWSROOM_JAR (default ../newsroom-api/target/newsroom-api.jar), CHROMIUM_PATH
// (default /usr/bin/chromium), E2E_HEADED=1 to watch, E2E_USE_SERVER_UI=1 to use the dashboard the
// jar serves at "/" instead of the freshly built ui/dist.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startFront } from './serve.mjs';

const UI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JAR = resolve(UI, process.env.NEWSROOM_JAR ?? '../newsroom-api/target/newsroom-api.jar');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = join(UI, 'target', 'e2e-screenshots');
const SERVER_LOG = join(UI, 'target', 'e2e-server.log');
const PASSWORD = 'newsroom-demo';
const STARTUP_MS = 180_000;
const LIVE_MS = 20_000; // how long a live change may take to show in another browser
const STEP_MS = 15_000;

const started = Date.now();
const log = (message) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);

class ScenarioFailure extends Error {}
const fail = (message) => {
  throw new ScenarioFailure(message);
};

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(base, server) {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`the server exited with code ${server.exitCode} while starting; see ${SERVER_LOG}`);
    try {
      const answer = await fetch(`${base}/actuator/health`, { signal: AbortSignal.timeout(2_000) });
      if (answer.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`the server did not report healthy at ${base}/actuator/health within ${STARTUP_MS / 1000} s; see ${SERVER_LOG}`);
}

function startServer(port, dataDir, jar) {
  const out = openSync(SERVER_LOG, 'w');
  const server = spawn(
    'java',
    [
      '-jar',
      jar,
      '--spring.profiles.active=demo',
      `--server.port=${port}`,
      '--server.address=127.0.0.1',
      `--newsroom.mongodb.data-dir=${dataDir}`,
    ],
    { stdio: ['ignore', out, out], detached: true },
  );
  return server;
}

function stopServer(server) {
  if (!server || server.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolveStop();
    }, 15_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    try {
      process.kill(-server.pid, 'SIGTERM'); // the whole process group: java and anything it started
    } catch {
      clearTimeout(timer);
      resolveStop();
    }
  });
}

/** A person in their own browser context. */
async function person(browser, base, username) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`${username}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      console.log(`    [${username} console] ${message.text()}`);
    }
  });
  await page.goto(base);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  try {
    await page.getByTestId('whoami').waitFor();
  } catch {
    const alert = await page.getByRole('alert').allInnerTexts().catch(() => []);
    fail(`${username} could not sign in: ${alert.join(' ') || 'no dashboard after signing in'}`);
  }
  return { username, context, page, problems };
}

async function expectLive(who) {
  try {
    await who.page.locator('[data-testid="live-state"][data-state="live"]').waitFor({ timeout: LIVE_MS });
  } catch {
    const state = await who.page.getByTestId('live-state').innerText().catch(() => '?');
    const detail = await who.page.getByTestId('live-state').getAttribute('title').catch(() => '');
    fail(`${who.username}'s dashboard is not live over STOMP /ws (shows "${state}"${detail ? `: ${detail}` : ''})`);
  }
}

async function step(name, action) {
  log(name);
  try {
    return await action();
  } catch (error) {
    if (error instanceof ScenarioFailure) throw error;
    fail(`${name}: ${error.message.split('\n').slice(0, 6).join('\n')}`);
  }
}

/** Waits for a locator, failing with a message that says what the user should have seen. */
async function see(locator, what, timeout = LIVE_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    fail(`expected to see ${what} within ${timeout / 1000} s`);
  }
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).catch(() => {});
}

async function openStory(who, storyId) {
  await who.page.evaluate((id) => {
    const hash = window.location.hash.split('?')[0] || '#/board';
    window.location.hash = `${hash}?story=${encodeURIComponent(id)}`;
  }, storyId);
  await see(who.page.getByTestId('story-drawer'), `${who.username}'s story drawer`, STEP_MS);
}

async function showsNoProblem(who, context) {
  const alerts = who.page.getByTestId('problem');
  if ((await alerts.count()) > 0) {
    const texts = await alerts.allInnerTexts();
    fail(`${context}: ${who.username} sees a refusal: ${texts.join(' | ')}`);
  }
}

async function planPlacement(eddie, { channelId, slot, text, placementId }) {
  const form = eddie.page.getByTestId('plan-form');
  await form.getByLabel('Channel', { exact: true }).selectOption(channelId);
  await form.getByLabel('Slot', { exact: true }).fill(slot); // datetime-local; the browser runs in UTC
  await form.getByLabel('Text for this channel').fill(text);
  await form.getByLabel('Placement id (optional)').fill(placementId);
  await form.getByRole('button', { name: 'Plan placement' }).click();
  await see(
    eddie.page.locator(`[data-testid="placement"][data-placement-id="${placementId}"]`),
    `placement ${placementId} in eddie's drawer`,
    STEP_MS,
  );
  await showsNoProblem(eddie, `planning ${placementId}`);
}

/** The entry's block lies in the column of its day and starts at the row of its hour. */
async function expectInSlot(page, entryId, isoDate, time) {
  const entry = page.locator(`[data-testid="calendar-entry"][data-entry-id="${entryId}"]`);
  await see(entry, `calendar entry ${entryId}`, LIVE_MS);
  const box = await entry.first().boundingBox();
  const column = await page.locator(`td.fc-timegrid-col[data-date="${isoDate}"]`).boundingBox();
  const row = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
  if (!box || !column || !row) fail(`could not measure calendar entry ${entryId} on ${isoDate} ${time}`);
  const centre = box.x + box.width / 2;
  if (centre < column.x || centre > column.x + column.width) {
    fail(`calendar entry ${entryId} is not in the column of ${isoDate}`);
  }
  if (Math.abs(box.y - row.y) > 4) {
    fail(`calendar entry ${entryId} starts at y=${box.y}, the ${time} row is at y=${row.y}`);
  }
}

async function scenario(browser, base) {
  const title = `Apprentices build the robot cell ${Date.now().toString(36)}`;
  const carla = await step('carla (contributor) signs in', () => person(browser, base, 'carla'));
  const eddie = await step('eddie (editor) signs in', () => person(browser, base, 'eddie'));
  const grace = await step('grace (governance lead, communications) signs in', () => person(browser, base, 'grace'));
  const lena = await step('lena (governance lead, legal) signs in', () => person(browser, base, 'lena'));
  const people = [carla, eddie, grace, lena];
  scenario.people = people;

  await step('everybody is live over STOMP', async () => {
    for (const who of people) await expectLive(who);
  });

  await step('grace and lena watch their approval inbox, eddie the board', async () => {
    await grace.page.getByTestId('tab-inbox').click();
    await lena.page.getByTestId('tab-inbox').click();
    await see(grace.page.getByRole('heading', { name: 'Approvals' }), "grace's approval inbox");
    await eddie.page.getByTestId('tab-board').click();
    await see(eddie.page.getByTestId('board'), "eddie's board");
    if ((await carla.page.getByTestId('tab-inbox').count()) > 0) fail('carla (contributor) is offered the approval inbox');
  });

  const storyId = await step('carla pitches a story', async () => {
    await carla.page.getByTestId('new-pitch').click();
    const dialog = carla.page.getByTestId('pitch-dialog');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Angle — why it matters, for whom').fill('Young talent shapes our new plant');
    await dialog.getByLabel('Body or brief').fill('Six apprentices built the robot cell of the new plant.');
    await dialog.getByLabel('Desk or department').fill('HR');
    await dialog.getByLabel('Audience').selectOption('B2C');
    await dialog.getByLabel('Campaign').fill('employer-branding-2027');
    await dialog.getByLabel('Priority').selectOption('HIGH');
    await dialog.getByRole('button', { name: 'Pitch story' }).click();
    await see(carla.page.getByTestId('story-drawer'), "carla's new story in the drawer", STEP_MS);
    await carla.page.waitForURL(/story=/);
    const id = new URL(carla.page.url()).hash.match(/story=([^&]+)/)?.[1];
    if (!id) fail('no story id in the address after pitching');
    return decodeURIComponent(id);
  });
  log(`story ${storyId}`);

  await step('the approve button is not offered to carla', async () => {
    if ((await carla.page.getByTestId('approve').count()) > 0) fail('carla is offered an approve button');
    if ((await carla.page.getByRole('button', { name: /^Accept/ }).count()) > 0) fail('carla is offered "Accept"');
  });

  await step("eddie sees the pitch appear on his board without reloading", async () => {
    await see(
      eddie.page.locator(`[data-testid="column-PITCHED"] [data-testid="story-card"][data-story-id="${storyId}"]`),
      `"${title}" in eddie's Pitched column`,
    );
  });

  await step('eddie opens it and accepts it for carla', async () => {
    await eddie.page.locator(`[data-testid="story-card"][data-story-id="${storyId}"]`).click();
    await see(eddie.page.getByTestId('story-drawer'), "eddie's story drawer", STEP_MS);
    await eddie.page.getByRole('button', { name: 'Accept…' }).click();
    // The assignee is picked from the newsroom's people (GET /api/users).
    await eddie.page.getByLabel('Assignee (optional)').selectOption('carla');
    await eddie.page.getByRole('button', { name: 'Accept pitch' }).click();
    await see(eddie.page.locator('[data-testid="story-status"][data-status="IN_PROGRESS"]'), 'the story in progress', STEP_MS);
    await showsNoProblem(eddie, 'accepting');
  });

  await step('carla sees that eddie is looking at her story, and its new state, live', async () => {
    await see(carla.page.getByTestId('presence').filter({ hasText: /Eddie is (viewing|editing)/ }), '"Eddie is viewing" in carla\'s drawer');
    await see(carla.page.locator('[data-testid="story-status"][data-status="IN_PROGRESS"]'), "'In progress' in carla's drawer");
  });

  await step('eddie plans a press release (Thu 4 Mar 2027 09:00) and a LinkedIn post (11:00)', async () => {
    await planPlacement(eddie, {
      channelId: 'press-release',
      slot: '2027-03-04T09:00',
      text: 'PRESS RELEASE: Apprentices build the robot cell of the new plant.',
      placementId: 'press',
    });
    await planPlacement(eddie, {
      channelId: 'linkedin',
      slot: '2027-03-04T11:00',
      text: 'Meet the six apprentices who built our new robot cell.',
      placementId: 'linkedin',
    });
  });

  await step('eddie mentions carla in a comment (picked from the @ suggestions) and she is notified live', async () => {
    const comment = eddie.page.getByRole('combobox', { name: /^Comment \(mention/ });
    await comment.fill('@car');
    await see(eddie.page.getByRole('option', { name: /@carla/ }), 'carla suggested for "@car"', STEP_MS);
    await comment.press('Enter');
    const value = await comment.inputValue();
    if (value !== '@carla ') fail(`picking the suggestion should give "@carla ", gave "${value}"`);
    await comment.pressSequentially('please check the LinkedIn wording');
    await eddie.page.getByRole('button', { name: 'Add comment' }).click();
    await see(eddie.page.getByTestId('comments').getByText('please check the LinkedIn wording'), "the comment in eddie's drawer", STEP_MS);
    await see(carla.page.getByTestId('comments').getByText('please check the LinkedIn wording'), "eddie's comment in carla's drawer");
    await see(carla.page.getByText(/mentioned you/), "carla's mention notification");
  });

  await step('the calendar shows both placements in their slots', async () => {
    await eddie.page.getByRole('button', { name: 'Close the story' }).click();
    await eddie.page.getByTestId('tab-calendar').click();
    await eddie.page.getByLabel('Go to date').fill('2027-03-04');
    await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
    await expectInSlot(eddie.page, `${storyId}:press`, '2027-03-04', '09:00:00');
    await expectInSlot(eddie.page, `${storyId}:linkedin`, '2027-03-04', '11:00:00');
    const colours = await eddie.page
      .locator(`[data-testid="calendar-entry"][data-story-id="${storyId}"]`)
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    if (new Set(colours).size < 2) fail(`press release and LinkedIn should have different colours, got ${colours.join(', ')}`);
    await shot(eddie.page, 'calendar-planned');
  });

  await step('carla submits the story for approval', async () => {
    await see(carla.page.locator('[data-testid="placement"][data-placement-id="linkedin"]'), "the planned placements in carla's drawer");
    await carla.page.getByRole('button', { name: 'Submit for approval' }).click();
    await see(carla.page.locator('[data-testid="story-status"][data-status="IN_REVIEW"]'), 'the story in review', STEP_MS);
    await showsNoProblem(carla, 'submitting');
  });

  await step('carla still has no approve button, and the API refuses her approval', async () => {
    if ((await carla.page.getByTestId('approve').count()) > 0) fail('carla is offered an approve button on a story in review');
    const status = await carla.page.evaluate(async (id) => {
      const credentials = JSON.parse(sessionStorage.getItem('newsroom.credentials'));
      const answer = await fetch(`/api/stories/${encodeURIComponent(id)}/approvals`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${credentials.username}:${credentials.password}`)}`,
          'X-Requested-With': 'XMLHttpRequest',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ step: 'communications' }),
      });
      return answer.status;
    }, storyId);
    if (status !== 403) fail(`carla's approval should be refused with 403, was ${status}`);
  });

  await step('grace sees the approval request arrive in her inbox live and approves communications', async () => {
    const item = grace.page.locator(`[data-testid="inbox-item"][data-story-id="${storyId}"]`);
    await see(item, `"${title}" in grace's inbox`);
    const stepChooser = item.getByRole('combobox');
    if ((await stepChooser.count()) > 0) await stepChooser.selectOption('communications');
    await item.getByTestId('inbox-approve').click();
    await see(grace.page.getByText(/Approved communications/), "grace's confirmation", STEP_MS);
    await showsNoProblem(grace, 'approving communications');
  });

  await step('lena approves legal (the press release needs both)', async () => {
    const item = lena.page.locator(`[data-testid="inbox-item"][data-story-id="${storyId}"]`);
    await see(item.getByTestId('inbox-pending').filter({ hasText: /^legal$/ }), "only 'legal' pending in lena's inbox");
    await item.getByTestId('inbox-approve').click();
    await see(lena.page.getByText(/Approved legal/), "lena's confirmation", STEP_MS);
    await showsNoProblem(lena, 'approving legal');
  });

  await step('eddie sees it approved and publishes both placements', async () => {
    await eddie.page.getByTestId('tab-board').click();
    await see(
      eddie.page.locator(`[data-testid="column-APPROVED"] [data-testid="story-card"][data-story-id="${storyId}"]`),
      `"${title}" in eddie's Approved column`,
    );
    await shot(eddie.page, 'board-approved');
    await openStory(eddie, storyId);
    for (const placementId of ['press', 'linkedin']) {
      const placement = eddie.page.locator(`[data-testid="placement"][data-placement-id="${placementId}"]`);
      await placement.getByTestId('publish').click();
      await see(
        eddie.page.locator(`[data-testid="placement"][data-placement-id="${placementId}"][data-status="PUBLISHED"]`),
        `${placementId} published in eddie's drawer`,
        STEP_MS,
      );
      await showsNoProblem(eddie, `publishing ${placementId}`);
    }
  });

  await step("both carla's and eddie's browsers show it published", async () => {
    for (const who of [carla, eddie]) {
      for (const placementId of ['press', 'linkedin']) {
        await see(
          who.page.locator(`[data-testid="placement"][data-placement-id="${placementId}"][data-status="PUBLISHED"]`),
          `${placementId} published in ${who.username}'s drawer`,
        );
      }
    }
    await eddie.page.getByRole('button', { name: 'Close the story' }).click();
    await eddie.page.getByTestId('tab-calendar').click();
    await eddie.page.getByLabel('Go to date').fill('2027-03-04');
    await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
    for (const placementId of ['press', 'linkedin']) {
      await see(
        eddie.page.locator(`[data-testid="calendar-entry"][data-entry-id="${storyId}:${placementId}"][data-status="PUBLISHED"]`),
        `${placementId} shown published on eddie's calendar`,
      );
    }
    await carla.page.getByRole('button', { name: 'Close the story' }).click();
    await see(
      carla.page.locator(`[data-testid="story-card"][data-story-id="${storyId}"]`),
      "the story on carla's board",
    );
  });

  await step('screenshots of the calendar and the board', async () => {
    await shot(eddie.page, 'calendar');
    await carla.page.getByTestId('tab-board').click();
    await shot(carla.page, 'board');
    await shot(grace.page, 'inbox-grace');
  });

  await step('eddie defines the campaign; the calendar groups its placements under its name', async () => {
    await eddie.page.getByTestId('tab-campaigns').click();
    await eddie.page.getByTestId('define-campaign').click();
    const form = eddie.page.getByTestId('campaign-form');
    await form.getByLabel('Name').fill('Employer branding 2027');
    const id = await form.getByLabel('Campaign id').inputValue();
    if (id !== 'employer-branding-2027') fail(`the campaign id should be suggested from the name, was "${id}"`);
    await form.getByLabel(/^Goal/).fill('Be the employer apprentices choose');
    await form.getByLabel(/^KPI/).fill('Apprenticeship applications +20 %');
    await form.getByLabel('Starts on').fill('2027-01-01');
    await form.getByLabel('Ends on').fill('2027-12-31');
    await form.getByRole('button', { name: 'Define campaign' }).click();
    const row = eddie.page.locator('[data-testid="campaign-row"][data-campaign-id="employer-branding-2027"]');
    await see(row.filter({ hasText: 'Apprenticeship applications' }), 'the campaign in the list', STEP_MS);
    await shot(eddie.page, 'campaigns');
    await row.getByRole('button', { name: /Show on calendar/ }).click();
    await eddie.page.getByLabel('Go to date').fill('2027-03-04');
    await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
    const select = await eddie.page.getByLabel('Campaign', { exact: true }).inputValue();
    if (select !== 'employer-branding-2027') fail(`the calendar should filter by the campaign, filters by "${select}"`);
    await eddie.page.locator('details.entry-list').evaluate((details) => {
      details.open = true;
    });
    await eddie.page.getByTestId('group-by-campaign').check();
    await see(
      eddie.page.locator('[data-testid="campaign-group"][data-campaign-id="employer-branding-2027"]').filter({ hasText: 'Employer branding 2027' }),
      'the placements grouped under "Employer branding 2027"',
      STEP_MS,
    );
  });

  const derivedTitle = `Robot cell clip ${Date.now().toString(36)}`;
  const derivedId = await step('eddie creates a derived story (embargo Fri 5 Mar 12:00) and plans a LinkedIn clip at 14:00', async () => {
    await openStory(eddie, storyId);
    await eddie.page.getByTestId('create-derived').click();
    const dialog = eddie.page.getByTestId('pitch-dialog');
    await see(dialog.getByRole('heading', { name: 'Pitch a derived story' }), 'the derived pitch dialog', STEP_MS);
    const source = await dialog.getByLabel('Source story (if derived)').inputValue();
    if (source !== storyId) fail(`the derived pitch should name its source ${storyId}, names "${source}"`);
    await dialog.getByLabel('Title').fill(derivedTitle);
    await dialog.getByLabel('Embargo (earliest publication)').fill('2027-03-05T12:00');
    await dialog.getByRole('button', { name: 'Pitch story' }).click();
    await see(eddie.page.getByTestId('source-story').filter({ hasText: title }), `"Derived from ${title}" in the drawer`, STEP_MS);
    const id = decodeURIComponent(new URL(eddie.page.url()).hash.match(/story=([^&]+)/)?.[1] ?? '');
    if (!id || id === storyId) fail('no new story id in the address after pitching the derived story');
    await eddie.page.getByRole('button', { name: 'Accept…' }).click();
    await eddie.page.getByLabel('Assignee (optional)').selectOption('carla');
    await eddie.page.getByRole('button', { name: 'Accept pitch' }).click();
    await see(eddie.page.locator('[data-testid="story-status"][data-status="IN_PROGRESS"]'), 'the derived story in progress', STEP_MS);
    await planPlacement(eddie, {
      channelId: 'linkedin',
      slot: '2027-03-05T14:00',
      text: 'Watch the apprentices start the robot cell.',
      placementId: 'clip',
    });
    await eddie.page.getByTestId('source-story').click();
    await see(eddie.page.getByTestId('derived-stories').getByText(derivedTitle), 'the clip among the source story\'s derived stories', STEP_MS);
    return id;
  });

  await step('eddie drags the clip before its embargo: refused with the reason, and it stays at 14:00', async () => {
    await eddie.page.getByRole('button', { name: 'Close the story' }).click();
    await eddie.page.getByRole('button', { name: 'Clear filters' }).click();
    await eddie.page.getByLabel('Go to date').fill('2027-03-05');
    await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
    const entryId = `${derivedId}:clip`;
    await expectInSlot(eddie.page, entryId, '2027-03-05', '14:00:00');
    await eddie.page.locator('td.fc-timegrid-slot-lane[data-time="12:00:00"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const entry = eddie.page.locator(`[data-testid="calendar-entry"][data-entry-id="${entryId}"]`).first();
    const box = await entry.boundingBox();
    const target = await eddie.page.locator('td.fc-timegrid-slot-lane[data-time="10:00:00"]').boundingBox();
    if (!box || !target) fail('could not measure the clip or the 10:00 row');
    const x = box.x + box.width / 2;
    const grab = 6; // px below the block's top edge
    const refusal = eddie.page.waitForResponse((r) => r.url().includes(`/placements/clip/reschedule`), { timeout: STEP_MS });
    await eddie.page.mouse.move(x, box.y + grab);
    await eddie.page.mouse.down();
    await eddie.page.mouse.move(x, box.y + grab - 12, { steps: 4 });
    await eddie.page.mouse.move(x, target.y + grab + 2, { steps: 12 });
    await eddie.page.mouse.up();
    const answer = await refusal.catch(() => fail('dragging the clip sent no reschedule command'));
    if (answer.status() !== 409) fail(`rescheduling before the embargo should be refused with 409, was ${answer.status()}`);
    await see(eddie.page.getByRole('alert').filter({ hasText: 'SlotBeforeEmbargo' }), 'the refusal naming the rule SlotBeforeEmbargo', STEP_MS);
    await eddie.page.waitForTimeout(500); // the refresh after the refusal
    await expectInSlot(eddie.page, entryId, '2027-03-05', '14:00:00');
    await shot(eddie.page, 'calendar-refused-drag');
  });

  await step("eddie's connection is lost; carla pitches meanwhile; after reconnecting his board catches up", async () => {
    await eddie.page.getByTestId('tab-board').click();
    await see(eddie.page.getByTestId('board'), "eddie's board");
    await carla.page.getByTestId('tab-board').click();
    await eddie.page.evaluate(() => window.__newsroomLive.drop());
    await see(eddie.page.locator('[data-testid="live-state"][data-state="reconnecting"]'), 'eddie shown "Reconnecting…"', STEP_MS);
    const lostTitle = `Pitched while eddie was offline ${Date.now().toString(36)}`;
    const lostId = await carla.page.evaluate(async (title) => {
      const credentials = JSON.parse(sessionStorage.getItem('newsroom.credentials'));
      const answer = await fetch('/api/stories', {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${credentials.username}:${credentials.password}`)}`,
          'X-Requested-With': 'XMLHttpRequest',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ title, desk: 'HR', audience: 'INTERNAL', priority: 'NORMAL' }),
      });
      return (await answer.json()).storyId;
    }, lostTitle);
    if (!lostId) fail('carla could not pitch over the API');
    // Once carla sees it live, the push is over: eddie can only get it by catching up.
    await see(carla.page.locator(`[data-testid="story-card"][data-story-id="${lostId}"]`), "carla's new pitch on her board");
    const card = eddie.page.locator(`[data-testid="story-card"][data-story-id="${lostId}"]`);
    if ((await card.count()) > 0) fail('eddie got the pitch while disconnected');
    const catchUp = eddie.page.waitForRequest((r) => r.url().includes('/api/live/updates?after='), { timeout: LIVE_MS });
    await eddie.page.evaluate(() => window.__newsroomLive.resume());
    await expectLive(eddie);
    await catchUp.catch(() => fail('eddie did not ask GET /api/live/updates?after=… after reconnecting'));
    await see(eddie.page.locator(`[data-testid="column-PITCHED"] [data-testid="story-card"][data-story-id="${lostId}"]`), `"${lostTitle}" on eddie's board after the reconnect`);
  });

  await step('grace defines a quiet period on LinkedIn (Sat 6 Mar); eddie sees it on his calendar', async () => {
    await grace.page.getByTestId('tab-quiet-periods').click();
    await grace.page.getByTestId('define-blackout').click();
    const form = grace.page.getByTestId('blackout-form');
    await form.getByLabel('Name').fill('Q1 results');
    await form.getByRole('group', { name: 'Channels of the quiet period' }).getByLabel('LinkedIn').check();
    await form.getByLabel('From', { exact: true }).fill('2027-03-06T00:00');
    await form.getByLabel('To', { exact: true }).fill('2027-03-07T00:00');
    await form.getByLabel(/^Reason/).fill('Quarterly results on Monday');
    await form.getByRole('button', { name: 'Define quiet period' }).click();
    await see(grace.page.locator('[data-testid="blackout-row"]').filter({ hasText: 'Q1 results' }), 'the quiet period in grace\'s list', STEP_MS);
    await shot(grace.page, 'quiet-periods');
    // Quiet periods are not pushed live: wait until the read model has it, then eddie opens his calendar.
    await eddie.page.waitForFunction(
      async () => {
        const credentials = JSON.parse(sessionStorage.getItem('newsroom.credentials'));
        const answer = await fetch('/api/blackouts', {
          headers: { Authorization: `Basic ${btoa(`${credentials.username}:${credentials.password}`)}`, 'X-Requested-With': 'XMLHttpRequest' },
        });
        return answer.ok && (await answer.text()).includes('Q1 results');
      },
      undefined,
      { timeout: STEP_MS, polling: 250 },
    );
    await eddie.page.getByTestId('tab-calendar').click();
    await eddie.page.getByLabel('Go to date').fill('2027-03-05');
    await eddie.page.getByRole('button', { name: 'Go', exact: true }).click();
    await see(eddie.page.locator('[data-testid="calendar-blackout"][aria-label*="Q1 results"]'), "the quiet period on eddie's calendar");
  });

  await step('eddie downloads the week as CSV, named after the days in view', async () => {
    const downloading = eddie.page.waitForEvent('download', { timeout: STEP_MS });
    await eddie.page.getByTestId('download-csv').click();
    const file = await downloading;
    if (file.suggestedFilename() !== 'newsroom-calendar_2027-03-01-to-2027-03-07.csv') {
      fail(`unexpected CSV file name ${file.suggestedFilename()}`);
    }
    const csv = readFileSync(await file.path(), 'utf8');
    if (!csv.startsWith('slot,channel') || !csv.includes(derivedTitle)) fail(`the CSV lacks the header or the clip:\n${csv.slice(0, 300)}`);
  });

  await step("eddie's calendar feed URL works without a password, and rotating cuts the old one off", async () => {
    await eddie.page.getByTestId('subscribe').click();
    const input = eddie.page.getByTestId('feed-url');
    await see(input, 'the feed address', STEP_MS);
    // As a calendar app would: from outside the browser, no credentials but the token in the URL.
    const feedStatus = async (url) => {
      const answer = await fetch(new URL(url, base), { signal: AbortSignal.timeout(STEP_MS) });
      return { status: answer.status, text: answer.ok ? await answer.text() : '' };
    };
    const before = await input.inputValue();
    const first = await feedStatus(before);
    if (first.status !== 200 || !first.text.includes('BEGIN:VCALENDAR')) fail(`the feed ${before} answered ${first.status}`);
    await eddie.page.getByRole('button', { name: 'Rotate the feed address…' }).click();
    await eddie.page.getByTestId('rotate-feed').click();
    await eddie.page.waitForFunction((old) => document.querySelector('[data-testid="feed-url"]')?.value !== old, before);
    const after = await input.inputValue();
    if ((await feedStatus(after)).status !== 200) fail('the rotated feed address does not work');
    await shot(eddie.page, 'calendar-exports');
    const old = await feedStatus(before);
    if (old.status === 200) fail('the old feed address still works after rotating');
  });

  const pageErrors = people.flatMap((p) => p.problems);
  if (pageErrors.length > 0) fail(`errors in the pages:\n${pageErrors.join('\n')}`);
}

async function main() {
  if (!existsSync(JAR)) fail(`no server jar at ${JAR}; build it (./mvnw -B -DskipTests package) or set NEWSROOM_JAR`);
  if (!existsSync(CHROMIUM)) fail(`no chromium at ${CHROMIUM}; apt-get install -y chromium, or set CHROMIUM_PATH`);
  const useServerUi = process.env.E2E_USE_SERVER_UI === '1';
  if (!useServerUi && !existsSync(join(UI, 'dist', 'index.html'))) fail('no ui/dist; run npm run build first');
  rmSync(SHOTS, { recursive: true, force: true }); // only this run's pictures
  mkdirSync(SHOTS, { recursive: true });

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-e2e-'));
  const api = `http://127.0.0.1:${port}`;
  let server;
  let front;
  let browser;
  let failed = null;
  try {
    // Run a copy: a build may rewrite the jar in target/ while the server reads classes from it.
    const jar = join(dataDir, 'newsroom-api.jar');
    copyFileSync(JAR, jar);
    log(`starting a copy of ${JAR} on ${api} (data in ${dataDir}, log in ${SERVER_LOG})`);
    server = startServer(port, join(dataDir, 'data'), jar);
    await waitForHealth(api, server);
    log('server healthy');
    let base = `${api}/`;
    if (!useServerUi) {
      front = await startFront({ port: 0, target: api, dist: join(UI, 'dist') });
      base = `http://127.0.0.1:${front.address().port}/`;
      log(`dashboard (ui/dist) served on ${base}`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: process.env.E2E_HEADED !== '1',
      args: ['--no-sandbox', '--disable-background-networking'],
    });
    await scenario(browser, base);
  } catch (error) {
    failed = error;
    for (const who of scenario.people ?? []) {
      await shot(who.page, `failure-${who.username}`);
      const text = await who.page.locator('body').innerText().catch(() => '');
      writeFileSync(join(SHOTS, `failure-${who.username}.txt`), `${who.page.url()}\n\n${text}`);
    }
  } finally {
    await browser?.close().catch(() => {});
    await new Promise((r) => (front ? front.close(r) : r()));
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (failed) {
    console.error(`\nE2E FAILED: ${failed instanceof ScenarioFailure ? failed.message : failed.stack}`);
    console.error(`Screenshots: ${SHOTS}\nServer log: ${SERVER_LOG}`);
    const tail = existsSync(SERVER_LOG) ? readFileSync(SERVER_LOG, 'utf8').split('\n').filter((l) => /ERROR|WARN/.test(l)).slice(-10) : [];
    if (tail.length) console.error(`Last server warnings/errors:\n${tail.join('\n')}`);
    process.exit(1);
  }
  log(`E2E PASSED — screenshots in ${SHOTS}`);
}

main().catch((error) => {
  console.error(`E2E FAILED: ${error.message}`);
  process.exit(1);
});
