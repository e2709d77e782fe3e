import { describe, expect, it, vi } from 'vitest';
import { versionFromEtag, type CommandAnswer } from '../../api/endpoints';
import { ApiError, parseProblem } from '../../api/problem';
import type { HistoryEntry, Story } from '../../api/types';
import { ChangedByOthers, StoryCommandQueue } from './queue';

// A fake server for one story: commands need If-Match of the current version and advance it.
function fakeServer(start: number) {
  let version = start;
  const history: HistoryEntry[] = [];
  const sent: (number | undefined)[] = [];
  const story = (): Story => ({ storyId: 's1', version, status: 'APPROVED', title: 'T', desk: 'HR' });
  return {
    sent,
    history: async () => history.slice(),
    /** A command by `by`, advancing the story by `events` versions. */
    command:
      (by: string, events = 1, delay = 0) =>
      async (ifMatch: number | undefined): Promise<CommandAnswer> => {
        sent.push(ifMatch);
        await new Promise((r) => setTimeout(r, delay));
        if (ifMatch !== undefined && ifMatch !== version) {
          throw new ApiError(parseProblem(409, { type: '/problems/version-conflict', currentVersion: version }));
        }
        for (let i = 0; i < events; i++) history.push({ version: ++version, type: 'PlacementPublished', at: '', by });
        return { story: story(), version };
      },
    /** Someone else changes the story directly. */
    change(by: string, type = 'DraftEdited') {
      history.push({ version: ++version, type, at: '', by });
    },
    get version() {
      return version;
    },
  };
}

describe('a person\'s own commands are never reported as someone else\'s change', () => {
  it('sends a second click, decided before the first answer, against the version the first made', async () => {
    const server = fakeServer(7);
    const queue = new StoryCommandQueue('eddie', server.history);
    // Both publish buttons were clicked while the drawer showed version 7.
    const first = queue.run('s1', 7, server.command('eddie', 1, 20));
    const second = queue.run('s1', 7, server.command('eddie'));
    await expect(first).resolves.toMatchObject({ version: 8 });
    await expect(second).resolves.toMatchObject({ version: 9 });
    expect(server.sent).toEqual([7, 8]); // serialised, and the second sent If-Match 8 without a refusal
  });

  it('follows a command that made several versions (approval that completes the story)', async () => {
    const server = fakeServer(3);
    const queue = new StoryCommandQueue('grace', server.history);
    await queue.run('s1', 3, server.command('grace', 2));
    await queue.run('s1', 3, server.command('grace'));
    expect(server.sent).toEqual([3, 5]);
  });

  it('steps over versions the history shows as mine (a comment, another tab) and sends again', async () => {
    const server = fakeServer(10);
    const queue = new StoryCommandQueue('eddie', server.history);
    server.change('eddie', 'StoryCommented'); // sent elsewhere, without If-Match
    await expect(queue.run('s1', 10, server.command('eddie'))).resolves.toMatchObject({ version: 12 });
    expect(server.sent).toEqual([10, 11]);
  });

  it('reports someone else\'s change, naming who and what, and does not send again', async () => {
    const server = fakeServer(4);
    const queue = new StoryCommandQueue('eddie', server.history);
    server.change('lena', 'DraftEdited');
    const attempt = queue.run('s1', 4, server.command('eddie'));
    await expect(attempt).rejects.toBeInstanceOf(ChangedByOthers);
    const error = (await attempt.catch((e) => e)) as ChangedByOthers;
    expect(error.problem.changes).toEqual([{ by: 'lena', type: 'DraftEdited', data: undefined }]);
    expect(error.problem.currentVersion).toBe(5);
    expect(server.sent).toEqual([4]);
  });

  it('counts a version the history does not show as someone else\'s', async () => {
    const server = fakeServer(4);
    const history = vi.fn(async () => [] as HistoryEntry[]);
    const queue = new StoryCommandQueue('eddie', history);
    server.change('eddie');
    await expect(queue.run('s1', 4, server.command('eddie'))).rejects.toBeInstanceOf(ChangedByOthers);
  });

  it('lets a refused rule through untouched and keeps the queue going', async () => {
    const queue = new StoryCommandQueue('eddie', async () => []);
    const refusal = new ApiError(parseProblem(409, { rule: 'EmbargoNotLifted', currentVersion: 9 }));
    await expect(queue.run('s1', 1, async () => Promise.reject(refusal))).rejects.toBe(refusal);
    const server = fakeServer(1);
    await expect(queue.run('s1', 1, server.command('eddie'))).resolves.toMatchObject({ version: 2 });
  });

  it('sends commands that never conflict without If-Match', async () => {
    const server = fakeServer(2);
    const queue = new StoryCommandQueue('eddie', server.history);
    await queue.run('s1', undefined, server.command('eddie'));
    expect(server.sent).toEqual([undefined]);
  });
});

describe('versionFromEtag', () => {
  const story = { storyId: 's', version: 3, status: 'PITCHED', title: 't', desk: 'd' } as Story;
  it('reads strong and weak ETags, else the story version', () => {
    expect(versionFromEtag('"7"', story)).toBe(7);
    expect(versionFromEtag('W/"8"', story)).toBe(8);
    expect(versionFromEtag(null, story)).toBe(3);
    expect(versionFromEtag('""', story)).toBe(3);
  });
});
