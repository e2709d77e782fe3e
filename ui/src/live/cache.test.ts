import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Story } from '../api/types';
import { applyStory, keys, refreshAfterConnect } from './cache';

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

    refreshAfterConnect(client, false);

    expect(client.getQueryState(keys.notifications)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.crisis)?.isInvalidated).toBe(false);
  });

  it('reads crisis mode again after a reconnect, as it may have changed while away', () => {
    const client = new QueryClient();
    client.setQueryData(keys.notifications, []);
    client.setQueryData(keys.crisis, { active: false });

    refreshAfterConnect(client, true);

    expect(client.getQueryState(keys.notifications)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.crisis)?.isInvalidated).toBe(true);
  });
});
