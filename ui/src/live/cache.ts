import type { QueryClient } from '@tanstack/react-query';
import type { Board, Notification, Story } from '../api/types';
import { isNewer, mergeStoryIntoBoard, mergeStoryIntoList } from './merge';

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
  calendarFeed: ['calendar-feed'] as const,
  /** GET /api/stories (all): derived stories are found in it. */
  stories: ['stories'] as const,
};

export function applyStory(queryClient: QueryClient, story: Story): void {
  queryClient.setQueryData<Story>(keys.story(story.storyId), (current) =>
    isNewer(story, current) ? { ...story, warnings: undefined } : current,
  );
  queryClient.setQueryData<Board>(keys.board, (board) => mergeStoryIntoBoard(board, story));
  // The inbox keeps what is still in review; whether a new one belongs to me the server decides.
  queryClient.setQueryData<Story[]>(keys.inbox, (list) =>
    mergeStoryIntoList(list, story, (s) => s.status === 'IN_REVIEW'),
  );
  // All stories (loaded only where derived stories are listed).
  queryClient.setQueryData<Story[]>(keys.stories, (list) => mergeStoryIntoList(list, story, () => true));
  void queryClient.invalidateQueries({ queryKey: keys.history(story.storyId) });
}

export function addNotification(queryClient: QueryClient, notification: Notification): boolean {
  let added = false;
  queryClient.setQueryData<Notification[]>(keys.notifications, (list) => {
    const current = list ?? [];
    if (current.some((n) => n.notificationId === notification.notificationId)) return current;
    added = true;
    return [notification, ...current];
  });
  return added;
}
