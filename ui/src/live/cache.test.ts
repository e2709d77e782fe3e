import { describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { Notification, Story } from '../api/types';
import { addNotification, applyStory, keys, refreshAfterConnect } from './cache';

function story(over: Partial<Story> = {}): Story {
  return { storyId: 's1', status: 'IN_REVIEW', version: 4, title: 'T', desk: 'HR', ...over };
}

describe('applyStory', () => {
  it('takes a command answer with my actions into the open story', () => {
    const client = new QueryClient();
    client.setQueryData(keys.story('s1'), story({ allowedActions: ['COMMENT'] }));

    applyStory(client, story({ version: 5, allowedActions: ['APPROVE', 'COMMENT'], approvableSteps: ['legal'] }));

    expect(client.getQueryData<Story>(keys.story('s1'))?.allowedActions).toEqual(['APPROVE', 'COMMENT']);
  });

  it('fetches the open story again after a newer live push instead of showing it without actions', () => {
    const client = new QueryClient();
    client.setQueryData(keys.story('s1'), story({ allowedActions: ['APPROVE'], approvableSteps: ['legal'] }));

    applyStory(client, story({ version: 5, status: 'APPROVED' })); // pushed: no allowedActions

    const cached = client.getQueryData<Story>(keys.story('s1'));
    expect(cached?.version).toBe(4); // still one consistent version with its actions ...
    expect(client.getQueryState(keys.story('s1'))?.isInvalidated).toBe(true); // ... until the refetch
  });

  it('fetches the story again when a newer push arrives while its first load is on its way', async () => {
    const client = new QueryClient();
    const answers = [story({ version: 4, allowedActions: [] }), story({ version: 5, allowedActions: [] })];
    let release: () => void = () => {};
    const firstAnswerHeld = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    // the open story drawer: it observes the story, whose first load starts now
    const drawer = new QueryObserver(client, {
      queryKey: keys.story('s1'),
      queryFn: async () => {
        const answer = answers[calls++];
        if (calls === 1) await firstAnswerHeld; // read before the push, answered after it
        return answer;
      },
    });
    const close = drawer.subscribe(() => {});

    applyStory(client, story({ version: 5, status: 'APPROVED' })); // pushed while the first load is on its way
    release();
    const settled = () => {
      const state = client.getQueryState(keys.story('s1'));
      return state?.data !== undefined && state.fetchStatus === 'idle';
    };
    for (let i = 0; i < 100 && !settled(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    close();

    expect(calls).toBe(2);
    expect(client.getQueryData<Story>(keys.story('s1'))?.version).toBe(5);
  });

  it('does not fetch again for a push of the version it already has', () => {
    const client = new QueryClient();
    client.setQueryData(keys.story('s1'), story({ version: 5, allowedActions: ['COMMENT'] }));

    applyStory(client, story({ version: 5 }));

    expect(client.getQueryState(keys.story('s1'))?.isInvalidated).toBe(false);
  });

  it('keeps a story in my inbox only while an answer says I may sign a step, and drops it when a push says it left review', () => {
    const client = new QueryClient();
    client.setQueryData<Story[]>(keys.inbox, [story({ approvableSteps: ['legal'], allowedActions: ['APPROVE'] })]);

    applyStory(client, story({ version: 5 })); // a push while still in review: kept as it was
    expect(client.getQueryData<Story[]>(keys.inbox)?.[0].approvableSteps).toEqual(['legal']);

    applyStory(client, story({ version: 6, approvableSteps: [], allowedActions: ['COMMENT'] })); // my answer
    expect(client.getQueryData<Story[]>(keys.inbox)).toEqual([]);

    client.setQueryData<Story[]>(keys.inbox, [story({ version: 6, approvableSteps: ['legal'], allowedActions: [] })]);
    applyStory(client, story({ version: 7, status: 'APPROVED' })); // a push: left review
    expect(client.getQueryData<Story[]>(keys.inbox)).toEqual([]);
  });
});

describe('refreshAfterConnect', () => {
  it('reads the notifications again once the live subscription is up, so one pushed while connecting is not missed', () => {
    const client = new QueryClient();
    client.setQueryData(keys.notifications, []); // read at sign-in, before the failure was known
    client.setQueryData(keys.crisis, { active: false });

    expect(refreshAfterConnect(client, false, null, 41)).toBe(true);

    expect(client.getQueryState(keys.notifications)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.crisis)?.isInvalidated).toBe(false);
  });

  it('reads the open story and its history again, so a change pushed while connecting shows in the drawer', () => {
    const client = new QueryClient();
    client.setQueryData(keys.story('s1'), story({ status: 'APPROVED' })); // its delivery still retrying then
    client.setQueryData(keys.history('s1'), []);
    client.setQueryData(keys.story('s2'), story({ storyId: 's2' }));

    refreshAfterConnect(client, false, 's1', 41);

    expect(client.getQueryState(keys.story('s1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.history('s1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.story('s2'))?.isInvalidated).toBe(false); // the board's catch-up covers it
  });

  it('reads everything again when nothing was read at a position the catch-up could start from', () => {
    const client = new QueryClient();
    client.setQueryData(keys.board, { columns: [] }); // its answer not in yet when the subscription came up
    client.setQueryData(keys.crisis, { active: false });

    expect(refreshAfterConnect(client, false, null, null)).toBe(false);

    expect(client.getQueryState(keys.board)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.crisis)?.isInvalidated).toBe(true);
  });

  it('reads crisis mode again after a reconnect, as it may have changed while away', () => {
    const client = new QueryClient();
    client.setQueryData(keys.notifications, []);
    client.setQueryData(keys.crisis, { active: false });

    refreshAfterConnect(client, true, null, 41);

    expect(client.getQueryState(keys.notifications)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.crisis)?.isInvalidated).toBe(true);
  });
});

describe('addNotification', () => {
  it('reads the list again when a notification is pushed while the list is being read', async () => {
    const client = new QueryClient();
    const failed = { notificationId: 'n1' } as Notification;
    const answers: Notification[][] = [[], [failed]]; // the first read predates the notification
    let release: () => void = () => {};
    const firstAnswerHeld = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const list = new QueryObserver(client, {
      queryKey: keys.notifications,
      queryFn: async () => {
        const answer = answers[calls++];
        if (calls === 1) await firstAnswerHeld; // read before the push, answered after it
        return answer;
      },
    });
    const close = list.subscribe(() => {});

    expect(addNotification(client, failed)).toBe(true); // pushed while the first read is on its way
    release();
    const settled = () => calls === answers.length && client.getQueryState(keys.notifications)?.fetchStatus === 'idle';
    for (let i = 0; i < 100 && !settled(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    close();

    expect(calls).toBe(2);
    expect(client.getQueryData<Notification[]>(keys.notifications)).toEqual([failed]);
  });
});
