import { BOARD_COLUMNS, type Board, type LiveUpdate, type LiveUpdates, type Story } from '../api/types';
import { boardColumnOf, lastPublishedAt } from '../board/board';

// Pure client logic for live updates: remember which positions were applied, drop repeats, catch up
// after a reconnect, and fold a story pushed by the server into the cached board, story and inbox.

/** The most updates GET /api/live/updates answers at once; a full page means "ask again". */
export const CATCH_UP_PAGE = 500;

/**
 * The identity of one update. `position` is the global position of the commit that caused it; one
 * command can commit several events at the same position (ApprovalGranted + StoryApproved), so the
 * event type, story and placement tell those apart.
 */
export function updateKey(update: Pick<LiveUpdate, 'type' | 'storyId' | 'placementId'>): string {
  return `${update.type ?? ''}|${update.storyId ?? ''}|${update.placementId ?? ''}`;
}

/**
 * Remembers which updates were applied. One update arrives on several topics (/topic/board,
 * /topic/calendar, /topic/story.{id}) and again in a catch-up, so each is applied once; the highest
 * position seen is where a catch-up after a reconnect starts.
 */
export class PositionTracker {
  private seen = new Set<string>();
  private order: { id: string; position: number }[] = [];
  private floor: number | null = null;
  private last: number | null = null;

  constructor(private readonly memory = 5000) {}

  /** The highest position seen (applied or covered by a snapshot); null before anything arrived. */
  get lastPosition(): number | null {
    return this.last;
  }

  /**
   * True when the update at this position (with this key, see updateKey) should be applied, and
   * records it. False when it was already applied, or is older than anything still remembered.
   */
  accept(position: number | undefined | null, key = ''): boolean {
    if (typeof position !== 'number' || !Number.isFinite(position)) return true; // cannot dedupe; apply
    const id = `${position}|${key}`;
    if (this.seen.has(id)) return false;
    if (this.floor !== null && position <= this.floor) return false;
    this.seen.add(id);
    this.order.push({ id, position });
    while (this.order.length > this.memory) {
      const dropped = this.order.shift()!;
      this.seen.delete(dropped.id);
      this.floor = Math.max(this.floor ?? -Infinity, dropped.position);
    }
    if (this.last === null || position > this.last) this.last = position;
    return true;
  }

  /** A snapshot (board, calendar) says everything up to this position is already included. */
  observeSnapshot(position: number | undefined | null): void {
    if (typeof position !== 'number' || !Number.isFinite(position)) return;
    if (this.last === null || position > this.last) this.last = position;
  }

  reset(): void {
    this.seen.clear();
    this.order = [];
    this.floor = null;
    this.last = null;
  }
}

/**
 * Asks for everything after `after`, page by page while pages are full, and hands each update to
 * `apply` (which should go through the tracker so repeats are dropped). Returns the last position.
 */
export async function catchUp(
  fetchPage: (after: number) => Promise<LiveUpdates>,
  after: number,
  apply: (update: LiveUpdate) => void,
  maxPages = 100,
): Promise<number> {
  let position = after;
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage(position);
    const updates = answer?.updates ?? [];
    for (const update of updates) {
      apply(update);
      if (typeof update.position === 'number' && update.position > position) position = update.position;
    }
    if (typeof answer?.position === 'number' && answer.position > position && updates.length < CATCH_UP_PAGE) {
      position = answer.position;
    }
    if (updates.length < CATCH_UP_PAGE) return position;
  }
  return position;
}

/**
 * True for a story answered to me (it says what I may do next); false for a live push, which goes to
 * everybody and carries no per-person actions.
 */
export function carriesActions(story: Story): boolean {
  return Array.isArray(story.allowedActions);
}

/** True when `incoming` is at least as new as `current` (by story version). */
export function isNewer(incoming: Story, current: Story | undefined | null): boolean {
  return !current || (incoming.version ?? 0) >= (current.version ?? 0);
}

/**
 * The board with this story in its column (boardColumnOf: its status, or Published), removed from the
 * board when it is closed or went out before the Published column's start. An older version than the
 * one shown is ignored. Keeps the column order of the board and the card's place when it stays in its
 * column; a story new to a column goes on top.
 */
export function mergeStoryIntoBoard(board: Board | undefined, story: Story): Board | undefined {
  if (!board) return board;
  let existing: Story | undefined;
  for (const column of board.columns) {
    existing = column.stories.find((s) => s.storyId === story.storyId) ?? existing;
  }
  if (existing && !isNewer(story, existing)) return board;
  let target = boardColumnOf(story);
  if (target === 'PUBLISHED' && board.publishedSince && (lastPublishedAt(story) ?? '') < board.publishedSince) target = null;
  const columns = board.columns.map((column) => {
    const index = column.stories.findIndex((s) => s.storyId === story.storyId);
    if (column.status === target) {
      if (index >= 0) {
        const stories = column.stories.slice();
        stories[index] = story;
        return { ...column, stories };
      }
      return { ...column, stories: [story, ...column.stories] };
    }
    if (index >= 0) return { ...column, stories: column.stories.filter((s) => s.storyId !== story.storyId) };
    return column;
  });
  // A column the server did not send (an older server has no Published column; be tolerant).
  if (target && !columns.some((c) => c.status === target)) {
    columns.push({ status: target, stories: [story] });
    columns.sort((a, b) => BOARD_COLUMNS.indexOf(a.status) - BOARD_COLUMNS.indexOf(b.status));
  }
  return { ...board, columns };
}

/** A list of stories (e.g. the approval inbox) with this story replaced, or removed when `keep` says so. */
export function mergeStoryIntoList(
  list: Story[] | undefined,
  story: Story,
  keep: (story: Story) => boolean,
): Story[] | undefined {
  if (!list) return list;
  const index = list.findIndex((s) => s.storyId === story.storyId);
  if (index >= 0 && !isNewer(story, list[index])) return list;
  if (!keep(story)) return index >= 0 ? list.filter((s) => s.storyId !== story.storyId) : list;
  if (index < 0) return [...list, story];
  const next = list.slice();
  next[index] = story;
  return next;
}

/** Event types that move something on the calendar (a placement or a calendar-relevant field). */
export function touchesCalendar(update: LiveUpdate): boolean {
  return (
    !!update.placementId ||
    /Placement|Story(Approved|Killed|Submitted)|Approval|DraftEdited|Blackout|Crisis|Pitch/.test(update.type ?? '')
  );
}
