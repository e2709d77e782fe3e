import type { CommandAnswer } from '../../api/endpoints';
import { ApiError, type Problem } from '../../api/problem';
import type { HistoryEntry, Story } from '../../api/types';

// A person's commands on one story, one after the other, each sent with the story version it was
// decided on (If-Match). The versions the person's own commands produced are remembered, so a second
// click that was decided before the first one's answer came back is sent against the version that
// answer made, and is not refused as if someone else had changed the story. When the server does
// report a newer version, the story's history says who made it: only someone else's change is shown
// as a conflict; one's own (another tab, a comment) is stepped over and the command sent again.

/** Sends the command with this If-Match version (undefined: without If-Match). */
export type Send = (version: number | undefined) => Promise<CommandAnswer>;

/** How often a command is sent again after the server named a newer version made by the same person. */
const MAX_OWN_RETRIES = 3;

/** Someone else changed the story since the person saw it; `changes` say who and what. */
export class ChangedByOthers extends ApiError {
  readonly changes: HistoryEntry[];

  constructor(problem: Problem, changes: HistoryEntry[]) {
    super({ ...problem, changes: changes.map(({ by, type, data }) => ({ by, type, data })) });
    this.name = 'ChangedByOthers';
    this.changes = changes;
  }
}

/** The current version a 409 names when the story had moved on (not a refused rule). */
export function conflictVersion(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const { currentVersion, rule } = error.problem;
  return rule ? undefined : currentVersion;
}

export class StoryCommandQueue {
  /** storyId → the last command queued for it (settled or not). */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** storyId → (version a command of mine was sent against → version its answer carried). */
  private readonly own = new Map<string, Map<number, number>>();

  constructor(
    private readonly me: string,
    private readonly history: (storyId: string) => Promise<HistoryEntry[]>,
  ) {}

  /**
   * Queues a command on a story. `seen` is the version the person decided on; undefined sends no
   * If-Match (commands that never conflict, like comments). Resolves to the story afterwards.
   */
  run(storyId: string, seen: number | undefined, send: Send): Promise<Story> {
    const previous = this.tails.get(storyId) ?? Promise.resolve();
    const next = previous.then(
      () => this.attempt(storyId, seen, send),
      () => this.attempt(storyId, seen, send),
    );
    this.tails.set(storyId, next.catch(() => undefined));
    return next;
  }

  /** The version to send: the one seen, moved past every version my own commands made from it. */
  expectedVersion(storyId: string, seen: number): number {
    const chain = this.own.get(storyId);
    let version = seen;
    const visited = new Set<number>();
    while (chain?.has(version) && !visited.has(version)) {
      visited.add(version);
      version = chain.get(version)!;
    }
    return version;
  }

  private remember(storyId: string, from: number, to: number): void {
    if (to <= from) return;
    let chain = this.own.get(storyId);
    if (!chain) this.own.set(storyId, (chain = new Map()));
    chain.set(from, to);
  }

  private async attempt(storyId: string, seen: number | undefined, send: Send): Promise<Story> {
    if (seen === undefined) return (await send(undefined)).story;
    let expected = this.expectedVersion(storyId, seen);
    for (let retry = 0; ; retry++) {
      try {
        const answer = await send(expected);
        this.remember(storyId, expected, answer.version);
        return answer.story;
      } catch (error) {
        const current = conflictVersion(error);
        if (current === undefined || current <= expected || retry >= MAX_OWN_RETRIES) throw error;
        const others = await this.changesByOthers(storyId, expected, current);
        if (others.length > 0) throw new ChangedByOthers((error as ApiError).problem, others);
        // Every version in between is mine (another tab, a comment): my decision still stands.
        this.remember(storyId, expected, current);
        expected = current;
      }
    }
  }

  /** Who else changed the story after `after` up to `upTo`; a version the history lacks counts as someone else's. */
  private async changesByOthers(storyId: string, after: number, upTo: number): Promise<HistoryEntry[]> {
    const between = (await this.history(storyId)).filter((e) => e.version > after && e.version <= upTo);
    const others = between.filter((e) => e.by !== this.me);
    if (others.length > 0) return others;
    const accounted = new Set(between.map((e) => e.version));
    for (let version = after + 1; version <= upTo; version++) {
      if (!accounted.has(version)) return [{ version, type: 'Unknown', at: '', by: '' }];
    }
    return [];
  }
}
