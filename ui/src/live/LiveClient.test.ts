import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for @stomp/stompjs's Client: connected at once, remembers subscriptions and frames sent.
const fake = vi.hoisted(() => ({
  subscriptions: new Map<string, (message: { body: string; headers: Record<string, string> }) => void>(),
  published: [] as { destination: string; body: string }[],
  config: null as null | Record<string, unknown>,
}));

vi.mock('@stomp/stompjs', () => ({
  Client: class {
    constructor(config: Record<string, unknown>) {
      fake.config = config;
    }
    connected = true;
    active = true;
    onConnect: () => void = () => {};
    onStompError: () => void = () => {};
    onWebSocketClose: () => void = () => {};
    activate() {
      this.onConnect();
    }
    async deactivate() {}
    forceDisconnect() {}
    subscribe(destination: string, callback: (message: { body: string; headers: Record<string, string> }) => void) {
      fake.subscriptions.set(destination, callback);
      return { unsubscribe: () => fake.subscriptions.delete(destination) };
    }
    publish(frame: { destination: string; body: string }) {
      fake.published.push(frame);
    }
  },
}));

const { LiveClient, connectHeaders } = await import('./LiveClient');
const { setLegacyBasic } = await import('../auth/legacyBasic');

const handlers = { onUpdate: vi.fn(), onNotification: vi.fn(), onPresence: vi.fn(), onState: vi.fn(), onConnected: vi.fn() };
const announcements = () => fake.published.filter((f) => f.destination === '/app/presence').map((f) => JSON.parse(f.body).mode);
const presence = (storyId: string, people: string[]) =>
  fake.subscriptions.get(`/topic/story.${storyId}.presence`)!({
    body: JSON.stringify({ storyId, people: people.map((username) => ({ username, mode: 'VIEWING' })) }),
    headers: {},
  });

describe('presence on the open story', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fake.subscriptions.clear();
    fake.published.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('is announced again until the server\'s list shows me, then no more', () => {
    const live = new LiveClient('carla', handlers, { governance: false, url: 'ws://test/ws' });
    live.start();
    live.openStory('s1');
    expect(announcements()).toEqual(['VIEWING']);
    // my SUBSCRIBE was registered after my announcement's broadcast: nothing arrives
    vi.advanceTimersByTime(500);
    expect(announcements()).toEqual(['VIEWING', 'VIEWING']);
    presence('s1', ['carla', 'eddie']);
    expect(handlers.onPresence).toHaveBeenLastCalledWith(expect.objectContaining({ storyId: 's1' }));
    expect(live.announcing).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(announcements()).toHaveLength(2);
  });

  it('gives up after five tries when the server never lists me', () => {
    const live = new LiveClient('carla', handlers, { governance: false, url: 'ws://test/ws' });
    live.start();
    live.openStory('s1');
    vi.advanceTimersByTime(60_000);
    expect(announcements()).toHaveLength(5);
    presence('s1', ['eddie']); // still without me: no new series
    vi.advanceTimersByTime(60_000);
    expect(announcements()).toHaveLength(5);
  });

  it('says so again when a list arrives without me after I was confirmed', () => {
    const live = new LiveClient('carla', handlers, { governance: false, url: 'ws://test/ws' });
    live.start();
    live.openStory('s1');
    presence('s1', ['carla']);
    presence('s1', ['eddie']);
    expect(announcements()).toEqual(['VIEWING', 'VIEWING']);
  });

  it('says LEFT when the story is closed and stops announcing', () => {
    const live = new LiveClient('carla', handlers, { governance: false, url: 'ws://test/ws' });
    live.start();
    live.openStory('s1');
    live.openStory(null);
    vi.advanceTimersByTime(60_000);
    expect(announcements()).toEqual(['VIEWING', 'LEFT']);
  });
});

describe('the STOMP CONNECT frame', () => {
  afterEach(() => setLegacyBasic(null));

  it('carries no login or passcode: the handshake is authenticated by the session cookie', async () => {
    const live = new LiveClient('carla', handlers, { governance: false, url: 'ws://test/ws' });
    expect(fake.config?.connectHeaders).toBeUndefined();
    const beforeConnect = fake.config?.beforeConnect as () => Promise<void>;
    await beforeConnect();
    expect((live as unknown as { client: { connectHeaders: unknown } }).client.connectHeaders).toEqual({});
    expect(connectHeaders()).toEqual({});
  });

  it('sends the in-memory Basic sign-in only to a server without sessions', () => {
    setLegacyBasic({ username: 'carla', password: 'newsroom-demo' });
    expect(connectHeaders()).toEqual({ login: 'carla', passcode: 'newsroom-demo' });
  });
});
