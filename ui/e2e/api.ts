// The Newsroom API from the test process, for setting up what a test is not about (a story approved
// by someone, a placement planned) quickly and without a browser.
import { expect } from '@playwright/test';

export const PASSWORD = 'newsroom-demo';

export interface Answer {
  status: number;
  etag: string | null;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function apiUrl(): string {
  const url = process.env.E2E_API_URL;
  if (!url) throw new Error('E2E_API_URL is not set: run the tests through playwright.config.ts (global setup starts the server)');
  return url;
}

async function call(user: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const answer = await fetch(`${apiUrl()}/api${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`,
      'X-Requested-With': 'XMLHttpRequest',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await answer.text();
  return { status: answer.status, etag: answer.headers.get('ETag'), body: text ? JSON.parse(text) : null };
}

export const as = (user: string) => ({
  get: (path: string) => call(user, 'GET', path),
  post: (path: string, body?: unknown) => call(user, 'POST', path, body),
  put: (path: string, body?: unknown) => call(user, 'PUT', path, body),
});

async function ok(answer: Promise<Answer>, what: string): Promise<Answer> {
  const done = await answer;
  expect(done.status, `${what}: ${JSON.stringify(done.body)}`).toBeLessThan(300);
  return done;
}

export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export interface PlacementSpec {
  placementId: string;
  channelId: string;
  slot: string;
  text: string;
}

/** carla pitches, eddie accepts it for her and plans the placements: a story in progress. */
export async function storyInProgress(title: string, placements: PlacementSpec[], extra: Record<string, unknown> = {}): Promise<string> {
  const pitched = await ok(
    as('carla').post('/stories', {
      title,
      angle: 'Young talent shapes our new plant',
      body: 'Six apprentices built the robot cell.',
      desk: 'HR',
      audience: 'B2C',
      priority: 'NORMAL',
      ...extra,
    }),
    'pitch',
  );
  const id: string = pitched.body.storyId;
  await ok(as('eddie').post(`/stories/${id}/accept`, { assignee: 'carla' }), 'accept');
  for (const p of placements) await ok(as('eddie').post(`/stories/${id}/placements`, p), `plan ${p.placementId}`);
  return id;
}

/** …then submitted, and approved for every step its channels need (grace communications, lena legal). */
export async function approvedStory(title: string, placements: PlacementSpec[]): Promise<string> {
  const id = await storyInProgress(title, placements);
  await ok(as('carla').post(`/stories/${id}/submit`), 'submit');
  await approveAll(id);
  return id;
}

export async function approveAll(id: string): Promise<void> {
  const story = (await ok(as('victor').get(`/stories/${id}`), 'read')).body;
  for (const step of story.pendingApprovalSteps as string[]) {
    const lead = step === 'legal' ? 'lena' : 'grace';
    await ok(as(lead).post(`/stories/${id}/approvals`, { step }), `approve ${step}`);
  }
}
