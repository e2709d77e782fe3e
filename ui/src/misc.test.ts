import { describe, expect, it } from 'vitest';
import { approvalState, boardFromStories } from './board/board';
import { basicAuth, clearCredentials, loadCredentials, saveCredentials, type KeyValueStorage } from './auth/session';
import { formatHash, parseHash } from './router';
import { presenceText } from './story/presence';
import { normaliseContent } from './story/StoryContentForm';

import { query } from './api/http';
import { webSocketUrl } from './live/LiveClient';
import type { Story } from './api/types';

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('session credentials', () => {
  it('are stored, read back and cleared', () => {
    const storage = memoryStorage();
    expect(loadCredentials(storage)).toBeNull();
    saveCredentials({ username: 'carla', password: 'newsroom-demo' }, storage);
    expect(loadCredentials(storage)).toEqual({ username: 'carla', password: 'newsroom-demo' });
    clearCredentials(storage);
    expect(loadCredentials(storage)).toBeNull();
  });

  it('drop a corrupt entry', () => {
    const storage = memoryStorage();
    storage.setItem('newsroom.credentials', '{oops');
    expect(loadCredentials(storage)).toBeNull();
  });

  it('make a UTF-8 Basic header', () => {
    expect(basicAuth({ username: 'carla', password: 'newsroom-demo' })).toBe(`Basic ${btoa('carla:newsroom-demo')}`);
    expect(basicAuth({ username: 'zoë', password: 'pä' })).toBe('Basic em/Dqzpww6Q=');
  });
});

describe('router', () => {
  it('parses and formats views, story and date', () => {
    expect(parseHash('#/calendar?story=abc&date=2027-03-04')).toEqual({ view: 'calendar', storyId: 'abc', date: '2027-03-04' });
    expect(parseHash('')).toEqual({ view: 'board', storyId: null, date: null });
    expect(parseHash('#/nonsense')).toMatchObject({ view: 'board' });
    expect(formatHash({ view: 'inbox', storyId: 'x y', date: null })).toBe('#/inbox?story=x+y');
  });

  it('knows the campaigns and quiet periods views, and the calendar campaign filter', () => {
    expect(parseHash('#/campaigns')).toMatchObject({ view: 'campaigns' });
    expect(parseHash('#/quiet-periods?story=s1')).toMatchObject({ view: 'quiet-periods', storyId: 's1' });
    expect(parseHash('#/calendar?campaign=launch-x').campaign).toBe('launch-x');
    expect(formatHash({ view: 'calendar', storyId: null, date: '2027-03-04', campaign: 'launch-x' })).toBe(
      '#/calendar?date=2027-03-04&campaign=launch-x',
    );
  });
});

describe('presenceText', () => {
  it('names the others, editing first', () => {
    expect(presenceText({ storyId: 's', people: [{ username: 'lena', mode: 'VIEWING' }] }, 'eddie')).toBe('Lena is viewing');
    expect(
      presenceText(
        {
          storyId: 's',
          people: [
            { username: 'eddie', mode: 'EDITING' },
            { username: 'lena', mode: 'VIEWING' },
            { username: 'grace', mode: 'VIEWING' },
            { username: 'carla', mode: 'EDITING' },
          ],
        },
        'eddie',
      ),
    ).toBe('Carla is editing · Lena and Grace are viewing');
    expect(presenceText(undefined, 'eddie')).toBe('');
  });
});

describe('board helpers', () => {
  const s = (status: Story['status'], over: Partial<Story> = {}): Story => ({ storyId: status, status, version: 1, title: status, desk: 'HR', ...over });
  it('groups a story list into the four workflow columns and Published', () => {
    const out = { placementId: 'p', channelId: 'x', slot: '', text: '', status: 'PUBLISHED' as const, publishedAt: '2027-03-04T09:00:00Z' };
    const board = boardFromStories([s('PITCHED'), s('KILLED', { placements: [out], fullyPublished: true }), s('APPROVED'), s('APPROVED', { storyId: 'done', placements: [out], fullyPublished: true }), s('APPROVED', { storyId: 'half', placements: [out], fullyPublished: false })]);
    expect(board.columns.map((c) => [c.status, c.stories.length])).toEqual([
      ['PITCHED', 1], ['IN_PROGRESS', 0], ['IN_REVIEW', 0], ['APPROVED', 2], ['PUBLISHED', 1],
    ]);
    // the server decides what has gone out; the board does not re-derive it from the placements
    expect(board.columns.find((c) => c.status === 'PUBLISHED')?.stories.map((story) => story.storyId)).toEqual(['done']);
  });
  it('describes the approval state', () => {
    expect(approvalState(s('IN_REVIEW', { pendingApprovalSteps: ['communications', 'legal'] }))).toBe('Waiting for communications and legal');
    expect(approvalState(s('APPROVED', { placements: [{ placementId: 'p', channelId: 'x', slot: '', text: '', status: 'PLANNED' }] }))).toBe('Approved — 1 to publish');
    expect(approvalState(s('IN_PROGRESS', { lastFeedback: 'shorter please' }))).toBe('Sent back — in progress');
    expect(approvalState(s('APPROVED', { placements: [{ placementId: 'p', channelId: 'x', slot: '', text: '', status: 'PUBLISHED', publishedAt: '2027-03-04T09:00:00Z' }], fullyPublished: true }))).toMatch(/^Published .*2027/);
  });
});

describe('small helpers', () => {
  it('normalises content: blanks to null, trims', () => {
    expect(normaliseContent({ title: ' T ', desk: ' HR ', angle: '', body: 'b', campaign: ' c ', audience: null, priority: 'HIGH', embargo: null, sourceStoryId: '' })).toEqual({
      title: 'T', desk: 'HR', angle: null, body: 'b', campaign: 'c', audience: null, priority: 'HIGH', embargo: null, sourceStoryId: null,
    });
  });
  it('builds query strings with repeated parameters', () => {
    expect(query({ from: 'a', channel: ['x', 'linkedin'], desk: '', status: [] })).toBe('?from=a&channel=x&channel=linkedin');
    expect(query({})).toBe('');
  });
  it('derives the STOMP URL from the page', () => {
    expect(webSocketUrl({ protocol: 'https:', host: 'news.example.com' })).toBe('wss://news.example.com/ws');
    expect(webSocketUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/ws');
  });
});
