import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { LiveUpdate, Notification, Presence, PresenceMode } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useToasts } from '../feedback/Feedback';
import { applyGovernance } from '../crisis/crisis';
import { signsApprovals } from '../governance/governance';
import { addNotification, applyStory, keys, refreshAfterConnect } from './cache';
import { LiveClient, type ConnectionState } from './LiveClient';
import { catchUp, PositionTracker, touchesCalendar, updateKey } from './merge';

interface LiveState {
  state: ConnectionState;
  detail?: string;
  lastPosition: number | null;
  presence: Record<string, Presence>;
  /** Follow this story (updates + presence); null when the drawer closes. */
  openStory(storyId: string | null): void;
  setPresenceMode(mode: PresenceMode): void;
  /** A snapshot (board, calendar) answered with this position. */
  observeSnapshot(position: number | undefined): void;
}

const LiveContext = createContext<LiveState | null>(null);

/** window.__newsroomLive: what the end-to-end scenario uses to simulate a lost connection. */
interface LiveTestHook {
  drop(): void;
  resume(): void;
  connected(): boolean;
  lastPosition(): number | null;
}

const KIND_TEXT: Record<string, string> = {
  ASSIGNED: 'assigned you',
  APPROVAL_REQUESTED: 'asks for your approval of',
  SENT_BACK: 'sent back',
  MENTIONED: 'mentioned you on',
};

export function notificationText(n: Notification): string {
  const story = `“${n.storyTitle ?? n.storyId}”`;
  if (n.text) return `${story}: ${n.text}`;
  return `${n.by ?? 'Someone'} ${KIND_TEXT[n.kind] ?? n.kind.toLowerCase()} ${story}`;
}

export function LiveProvider({ children }: { children: ReactNode }) {
  const { me, checkSession } = useAuth();
  const username = me?.username;
  // /topic/approvals is for whoever may approve now, delegates included (the server checks the same)
  const delegations = useQuery({ queryKey: keys.delegations, queryFn: api.delegations, retry: false });
  const governance = signsApprovals(me, delegations.data ?? []);
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [state, setState] = useState<ConnectionState>('connecting');
  const [detail, setDetail] = useState<string | undefined>();
  const [presence, setPresence] = useState<Record<string, Presence>>({});
  const [lastPosition, setLastPosition] = useState<number | null>(null);
  const tracker = useRef(new PositionTracker());
  const client = useRef<LiveClient | null>(null);
  const calendarTimer = useRef<number | undefined>(undefined);
  const openStoryId = useRef<string | null>(null);

  const refreshCalendarSoon = useCallback(() => {
    window.clearTimeout(calendarTimer.current);
    calendarTimer.current = window.setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: keys.calendarAll }),
      250,
    );
  }, [queryClient]);

  const apply = useCallback(
    (update: LiveUpdate) => {
      if (!tracker.current.accept(update.position, updateKey(update))) return;
      setLastPosition(tracker.current.lastPosition);
      if (update.story) {
        applyStory(queryClient, update.story);
      } else if (update.storyId) {
        void queryClient.invalidateQueries({ queryKey: keys.story(update.storyId) });
        void queryClient.invalidateQueries({ queryKey: keys.board });
      }
      if (update.storyId) void queryClient.invalidateQueries({ queryKey: keys.history(update.storyId) });
      // Whether a story in review waits for *me* depends on rules the server knows (four eyes).
      void queryClient.invalidateQueries({ queryKey: keys.inbox });
      if (touchesCalendar(update)) refreshCalendarSoon();
    },
    [queryClient, refreshCalendarSoon],
  );

  const observeSnapshot = useCallback((position: number | undefined) => {
    tracker.current.observeSnapshot(position);
    setLastPosition(tracker.current.lastPosition);
  }, []);

  useEffect(() => {
    if (!username) return;
    tracker.current.reset();
    const live = new LiveClient(
      username,
      {
        onUpdate: (update) => apply(update),
        onNotification: (notification) => {
          if (addNotification(queryClient, notification)) toasts.info(notificationText(notification));
        },
        onPresence: (p) => setPresence((all) => ({ ...all, [p.storyId]: p })),
        onGovernance: (update) => applyGovernance(queryClient, update),
        onState: (s, d) => {
          setState(s);
          setDetail(d);
        },
        onConnected: (reconnect) => {
          const after = tracker.current.lastPosition;
          if (!refreshAfterConnect(queryClient, reconnect, openStoryId.current, after) || after === null) return;
          catchUp((position) => api.liveUpdates(position), after, apply).catch(() => {
            // No catch-up (older server or too far behind): reload everything instead.
            void queryClient.invalidateQueries();
          });
        },
        // Closed by the server: if the session ended (the person was cut off), the dashboard says so.
        onConnectionLost: checkSession,
      },
      { governance },
    );
    client.current = live;
    live.start();
    if (openStoryId.current) live.openStory(openStoryId.current);
    // For the end-to-end test (and anyone curious in the console): lose the connection on purpose
    // and get it back, to see the catch-up after a reconnect.
    const testHook: LiveTestHook = {
      drop: () => live.dropConnection(true),
      resume: () => live.resumeConnection(),
      connected: () => live.connected,
      lastPosition: () => tracker.current.lastPosition,
    };
    (window as unknown as { __newsroomLive?: LiveTestHook }).__newsroomLive = testHook;
    return () => {
      client.current = null;
      const w = window as unknown as { __newsroomLive?: LiveTestHook };
      if (w.__newsroomLive === testHook) delete w.__newsroomLive;
      void live.stop();
    };
  }, [username, governance, apply, queryClient, toasts, checkSession]);

  const openStory = useCallback((storyId: string | null) => {
    openStoryId.current = storyId;
    client.current?.openStory(storyId);
  }, []);

  const setPresenceMode = useCallback((mode: PresenceMode) => client.current?.setPresenceMode(mode), []);

  const value = useMemo<LiveState>(
    () => ({ state, detail, lastPosition, presence, openStory, setPresenceMode, observeSnapshot }),
    [state, detail, lastPosition, presence, openStory, setPresenceMode, observeSnapshot],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveState {
  const state = useContext(LiveContext);
  if (!state) throw new Error('useLive outside LiveProvider');
  return state;
}

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — not receiving live updates',
};

const STATE_MEANING: Record<ConnectionState, string> = {
  connecting: 'Connecting to live updates',
  live: 'Changes by others show up as they happen',
  reconnecting: 'The connection was lost; what you missed will be caught up',
  offline: 'Changes by others do not show until you reload',
};

export function LiveBanner() {
  const { state, detail, lastPosition } = useLive();
  return (
    <div
      className={`live-banner live-${state}`}
      role="status"
      aria-live="polite"
      data-testid="live-state"
      data-state={state}
      data-position={lastPosition ?? undefined}
      title={detail ?? STATE_MEANING[state]}
    >
      <span className="live-dot" aria-hidden="true" />
      {STATE_TEXT[state]}
    </div>
  );
}
