import type { QueryClient } from '@tanstack/react-query';
import type { Board, Notification, Story } from '../api/types';
import { carriesActions, isNewer, mergeStoryIntoBoard, mergeStoryIntoList } from './merge';

// Query keys and how a fresh story (from a command's answer or a live update) lands in the caches.

export const keys = {
  board: ['board'] as const,
  calendarAll: ['calendar'] as const,
  story: (id: string) => ['story', id] as const,
  history: (id: string) => ['history', id] as const,
  inbox: ['inbox'] as const,
  notifications: ['notifications'] as const,
  channels: ['channels'] as const,
  campaigns: ['campaigns'] as const,
  users: ['users'] as const,
  blackouts: ['blackouts'] as const,
  allChannels: ['channels', 'all'] as const,
  policies: ['approval-policies'] as const,
  delegations: ['delegations'] as const,
  crisis: ['crisis'] as const,
  calendarFeed: ['calendar-feed'] as const,
  tokens: ['api-tokens'] as const,
  accounts: ['accounts'] as const,
  account: (username: string) => ['account', username] as const,
  accountHistory: (username: string) => ['account-history', username] as const,
  accountTokens: (username: string) => ['account-tokens', username] as const,
  /** GET /api/stories (all): derived stories are found in it. */
  stories: ['stories'] as const,
};

/**
 * A story from a command's answer (with what I may do next) or a live push (for everybody, without
 * `allowedActions`/`approvableSteps`) lands in every cache that shows it. A push never replaces the
 * open story: that would show stale buttons or none; the story is fetched again instead, so the drawer
 * always shows one version with the actions the server gave for it.
 */
export function applyStory(queryClient: QueryClient, story: Story): void {
  const forMe = carriesActions(story);
  if (forMe) {
    queryClient.setQueryData<Story>(keys.story(story.storyId), (current) =>
      isNewer(story, current) ? { ...story, warnings: undefined } : current,
    );
  } else {
    const key = keys.story(story.storyId);
    const current = queryClient.getQueryData<Story>(key);
    if (current && (story.version ?? 0) > (current.version ?? 0)) {
      void queryClient.invalidateQueries({ queryKey: key });
    } else if (!current && queryClient.getQueryState(key)?.fetchStatus === 'fetching') {
      // The story is still on its way (opened a moment ago): that answer may predate this push, and no later
      // push would correct it. A first load is not restarted by invalidating, so it is cancelled first.
      void queryClient.cancelQueries({ queryKey: key }).then(() => queryClient.invalidateQueries({ queryKey: key }));
    }
  }
  // Every board in the cache (one per Published window looked at).
  queryClient.setQueriesData<Board>({ queryKey: keys.board }, (board) => mergeStoryIntoBoard(board, story));
  // The inbox lists what I may sign; only an answer says that. A push only takes out what left review
  // (the inbox is fetched again after every push anyway).
  queryClient.setQueryData<Story[]>(keys.inbox, (list) =>
    forMe
      ? mergeStoryIntoList(list, story, (s) => (s.approvableSteps ?? []).length > 0)
      : story.status === 'IN_REVIEW'
        ? list
        : mergeStoryIntoList(list, story, () => false),
  );
  // All stories (loaded only where derived stories are listed).
  queryClient.setQueryData<Story[]>(keys.stories, (list) => mergeStoryIntoList(list, story, () => true));
  void queryClient.invalidateQueries({ queryKey: keys.history(story.storyId) });
}

/**
 * What a (re)connected live connection reads again because pushes do not replay it; answers whether the caller
 * should still catch up from `lastPosition` (false when everything is read again anyway).
 * - Nothing read with a position yet (`lastPosition` null): whatever was read, or is being read, may predate a push
 *   sent before the subscription existed, and no catch-up can say which; so everything is read again.
 * - Notifications: the list read at sign-in may predate one pushed before the subscription existed (a delivery
 *   that fails while the dashboard is still connecting).
 * - The open story and its history: read on their own, at no position the catch-up starts from, so a change pushed
 *   while connecting (that delivery's failure) would stay unseen in the drawer.
 * - Crisis mode only after a reconnect: it may have changed while the connection was away.
 */
export function refreshAfterConnect(
  queryClient: QueryClient,
  reconnect: boolean,
  openStoryId: string | null,
  lastPosition: number | null,
): boolean {
  if (lastPosition === null) {
    void queryClient.invalidateQueries();
    return false;
  }
  void queryClient.invalidateQueries({ queryKey: keys.notifications });
  if (openStoryId) {
    void queryClient.invalidateQueries({ queryKey: keys.story(openStoryId) });
    void queryClient.invalidateQueries({ queryKey: keys.history(openStoryId) });
  }
  if (reconnect) void queryClient.invalidateQueries({ queryKey: keys.crisis });
  return true;
}

export function addNotification(queryClient: QueryClient, notification: Notification): boolean {
  // asked before the list is changed: storing data marks the query idle while its read goes on
  const reading = queryClient.getQueryState(keys.notifications)?.fetchStatus === 'fetching';
  let added = false;
  queryClient.setQueryData<Notification[]>(keys.notifications, (list) => {
    const current = list ?? [];
    if (current.some((n) => n.notificationId === notification.notificationId)) return current;
    added = true;
    return [notification, ...current];
  });
  if (reading) {
    // The list is being read (at sign-in, or again once connected): that answer may predate this push and would
    // replace the list with one that lacks it, for good. The read is cancelled and made again, after the push.
    void queryClient
      .cancelQueries({ queryKey: keys.notifications })
      .then(() => queryClient.invalidateQueries({ queryKey: keys.notifications }));
  }
  return added;
}
