import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/problem';
import { useMe } from '../../auth/AuthContext';
import { collisionText } from '../../calendar/mapping';
import { useToasts } from '../../feedback/Feedback';
import { applyStory, keys } from '../../live/cache';
import { StoryCommandQueue, type Send } from './queue';

// Every story command of the signed-in person goes through one queue (see queue.ts), so two quick
// clicks on one story never trip over each other's version.

const QueueContext = createContext<StoryCommandQueue | null>(null);

export function StoryCommandsProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const queue = useMemo(() => new StoryCommandQueue(me.username, (storyId) => api.history(storyId)), [me.username]);
  return <QueueContext.Provider value={queue}>{children}</QueueContext.Provider>;
}

export function useStoryCommandQueue(): StoryCommandQueue {
  const queue = useContext(QueueContext);
  if (!queue) throw new Error('useStoryCommandQueue outside StoryCommandsProvider');
  return queue;
}

export interface StoryCommand {
  /** Said when it is done, e.g. "Published on LinkedIn". */
  label: string;
  /** The story version the person decided on (undefined: sent without If-Match). */
  seen: number | undefined;
  send: Send;
  /**
   * Commands queued first, in order, each against the version the one before made (e.g. the quiet-period
   * overrides that clear the plan in `send`). If one is refused, nothing after it is sent.
   */
  before?: Send[];
}

/** One mutation for the commands on a story: queued, the answer applied to every cache, the outcome said. */
export function useStoryCommand(storyId: string) {
  const queue = useStoryCommandQueue();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  return useMutation({
    mutationFn: async (command: StoryCommand) => {
      for (const step of command.before ?? []) await queue.run(storyId, command.seen, step);
      return queue.run(storyId, command.seen, command.send);
    },
    onSuccess: (updated, command) => {
      applyStory(queryClient, updated);
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
      // Whether it still waits for this lead the server decides (four eyes, steps left).
      void queryClient.invalidateQueries({ queryKey: keys.inbox });
      if (updated.warnings && updated.warnings.length > 0) {
        toasts.info(`${command.label} — with warnings:\n${collisionText(updated.warnings)}`);
      } else {
        toasts.success(`${command.label}: done`);
      }
    },
    onError: (error) => {
      // Someone else changed the story: show their version.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: keys.story(storyId) });
      }
    },
  });
}
