import { Client, type IMessage, type StompSubscription } from '@stomp/stompjs';
import { legacyCredentials } from '../auth/legacyBasic';
import type { GovernanceUpdate, LiveUpdate, Notification, Presence, PresenceMode } from '../api/types';

// The STOMP connection to /ws: the handshake carries the session cookie like any request, so the
// CONNECT frame carries no password. Heartbeats every 10 s, automatic reconnects, and the
// subscriptions of docs/live-api.md. Subscriptions are re-made after every (re)connect; the owner
// catches up on what it missed. When the server closes or refuses the connection the owner is told,
// so it can ask whether the session still holds (a person cut off is shown that they were signed out).

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveHandlers {
  onUpdate(update: LiveUpdate, destination: string): void;
  onNotification(notification: Notification): void;
  onPresence(presence: Presence): void;
  /** Crisis mode switched on or ended, a quiet period defined or lifted (/topic/governance). */
  onGovernance?(update: GovernanceUpdate): void;
  onState(state: ConnectionState, detail?: string): void;
  /** After every successful CONNECT; `reconnect` is false the first time. */
  onConnected(reconnect: boolean): void;
  /** The connection closed or was refused without this client asking (the session may have ended). */
  onConnectionLost?(): void;
}

/** CONNECT headers: none with a session; login and passcode only against a server without sessions. */
export function connectHeaders(): Record<string, string> {
  const basic = legacyCredentials();
  return basic ? { login: basic.username, passcode: basic.password } : {};
}

export function webSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

function parse<T>(message: IMessage): T | null {
  try {
    return JSON.parse(message.body) as T;
  } catch {
    return null;
  }
}

export class LiveClient {
  private readonly client: Client;
  private storySubscriptions: StompSubscription[] = [];
  private openStoryId: string | null = null;
  private presenceMode: PresenceMode = 'VIEWING';
  private everConnected = false;
  private failures = 0;
  /** While set, reconnecting waits for it (see dropConnection). */
  private held: { promise: Promise<void>; release(): void } | null = null;
  /** Re-announcing presence until the server's list shows me (see announce). */
  private presenceRetry: { timer: ReturnType<typeof setTimeout> | undefined; tries: number } | null = null;
  private readonly username: string;

  constructor(
    username: string,
    private readonly handlers: LiveHandlers,
    private readonly options: { governance: boolean; url?: string } = { governance: false },
  ) {
    this.username = username;
    this.client = new Client({
      brokerURL: options.url ?? webSocketUrl(window.location),
      heartbeatIncoming: 10_000,
      heartbeatOutgoing: 10_000,
      reconnectDelay: 2_000,
      connectionTimeout: 8_000,
      debug: () => {},
      beforeConnect: async () => {
        if (this.held) await this.held.promise;
        this.client.connectHeaders = connectHeaders();
      },
    });
    this.client.onConnect = () => {
      const reconnect = this.everConnected;
      this.everConnected = true;
      this.failures = 0;
      this.subscribeAll();
      this.handlers.onState('live');
      this.handlers.onConnected(reconnect);
    };
    this.client.onStompError = (frame) => {
      this.failures++;
      // The frame's own text is for the console, not for people.
      console.warn('Live connection refused:', frame.headers.message || frame.body);
      this.handlers.onState(this.everConnected ? 'reconnecting' : 'offline', 'The newsroom refused the live connection; retrying.');
      this.handlers.onConnectionLost?.();
    };
    this.client.onWebSocketClose = () => {
      this.storySubscriptions = [];
      this.stopAnnouncing();
      if (!this.client.active) return;
      this.failures++;
      this.handlers.onState(
        this.everConnected ? 'reconnecting' : this.failures > 2 ? 'offline' : 'connecting',
        this.everConnected ? undefined : 'Live updates cannot reach you right now; retrying.',
      );
      this.handlers.onConnectionLost?.();
    };
  }

  start(): void {
    this.handlers.onState('connecting');
    this.client.activate();
  }

  async stop(): Promise<void> {
    this.stopAnnouncing();
    this.resumeConnection();
    if (this.openStoryId) this.sendPresence(this.openStoryId, 'LEFT');
    await this.client.deactivate();
  }

  /**
   * Loses the connection as a network failure would (the socket closes without a DISCONNECT) and,
   * with `hold`, keeps it lost until resumeConnection(): for the end-to-end test of catching up.
   */
  dropConnection(hold = true): void {
    if (hold && !this.held) {
      let release = () => {};
      const promise = new Promise<void>((resolve) => (release = resolve));
      this.held = { promise, release };
    }
    this.client.forceDisconnect();
  }

  resumeConnection(): void {
    this.held?.release();
    this.held = null;
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /** Follow one story (its updates and presence) and say that we are viewing it; null to leave. */
  openStory(storyId: string | null): void {
    if (this.openStoryId === storyId) return;
    if (this.openStoryId) {
      this.stopAnnouncing();
      this.sendPresence(this.openStoryId, 'LEFT');
      this.storySubscriptions.forEach((s) => safely(() => s.unsubscribe()));
      this.storySubscriptions = [];
    }
    this.openStoryId = storyId;
    this.presenceMode = 'VIEWING';
    if (storyId && this.client.connected) this.subscribeStory(storyId);
  }

  /** VIEWING or EDITING the open story. */
  setPresenceMode(mode: PresenceMode): void {
    if (this.presenceMode === mode) return;
    this.presenceMode = mode;
    if (this.openStoryId) this.announce(this.openStoryId);
  }

  private subscribeAll(): void {
    const update = (message: IMessage) => {
      const body = parse<LiveUpdate>(message);
      if (body) this.handlers.onUpdate(body, message.headers.destination ?? '');
    };
    this.client.subscribe('/topic/board', update);
    this.client.subscribe('/topic/calendar', update);
    if (this.options.governance) this.client.subscribe('/topic/approvals', update);
    this.client.subscribe('/topic/governance', (message) => {
      const body = parse<GovernanceUpdate>(message);
      if (body) this.handlers.onGovernance?.(body);
    });
    this.client.subscribe('/user/queue/notifications', (message) => {
      const body = parse<Notification>(message);
      if (body) this.handlers.onNotification(body);
    });
    this.storySubscriptions = [];
    if (this.openStoryId) this.subscribeStory(this.openStoryId);
  }

  private subscribeStory(storyId: string): void {
    this.storySubscriptions = [
      this.client.subscribe(`/topic/story.${storyId}`, (message) => {
        const body = parse<LiveUpdate>(message);
        if (body) this.handlers.onUpdate(body, message.headers.destination ?? '');
      }),
      this.client.subscribe(`/topic/story.${storyId}.presence`, (message) => {
        const body = parse<Presence>(message);
        if (!body) return;
        this.handlers.onPresence({ ...body, storyId: body.storyId ?? storyId });
        this.presenceHeard(storyId, body);
      }),
    ];
    this.announce(storyId);
  }

  /**
   * Says I am on the story, and says it again until a presence list that includes me arrives. The
   * server handles one session's frames on several threads, so the broadcast my announcement causes
   * can go out before my SUBSCRIBE is registered; the subscriber then never learns who else is there
   * (the e2e step "carla sees that eddie is looking at her story" failed now and then). Seeing myself
   * in a list proves the subscription is live and the list current. Bounded: 5 tries, 0.5 s to 8 s apart.
   */
  private announce(storyId: string): void {
    this.stopAnnouncing();
    this.presenceRetry = { timer: undefined, tries: 0 };
    const attempt = () => {
      const retry = this.presenceRetry;
      if (!retry || this.openStoryId !== storyId) return;
      this.sendPresence(storyId, this.presenceMode);
      retry.tries++;
      retry.timer = retry.tries < 5 ? setTimeout(attempt, 500 * 2 ** (retry.tries - 1)) : undefined;
    };
    attempt();
  }

  private presenceHeard(storyId: string, presence: Presence): void {
    if (storyId !== this.openStoryId) return;
    if (presence.people?.some((p) => p.username === this.username)) {
      this.stopAnnouncing();
    } else if (!this.presenceRetry) {
      // A list without me (the server lost my session's entry): say it again. After a series of
      // tries the marker stays, so this never loops; opening the story or reconnecting starts afresh.
      this.announce(storyId);
    }
  }

  private stopAnnouncing(): void {
    if (this.presenceRetry?.timer !== undefined) clearTimeout(this.presenceRetry.timer);
    this.presenceRetry = null;
  }

  /** For tests: whether presence is still being re-announced. */
  get announcing(): boolean {
    return this.presenceRetry?.timer !== undefined;
  }

  private sendPresence(storyId: string, mode: PresenceMode | 'LEFT'): void {
    if (!this.client.connected) return;
    safely(() =>
      this.client.publish({ destination: '/app/presence', body: JSON.stringify({ storyId, mode }) }),
    );
  }
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // the connection went away in between; the next connect re-subscribes
  }
}
