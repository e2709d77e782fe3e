import { BOARD_COLUMNS, BOARD_STATUSES, type Board, type BoardColumnId, type Story, type StoryStatus } from '../api/types';
import { formatInstant } from '../time/format';

export const STATUS_LABELS: Record<StoryStatus, string> = {
  PITCHED: 'Pitched',
  IN_PROGRESS: 'In progress',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
  KILLED: 'Killed',
};

export const COLUMN_LABELS: Record<BoardColumnId, string> = { ...STATUS_LABELS, PUBLISHED: 'Published' };

/** How far back the Published column looks; the first is the default (the server's too). */
export const PUBLISHED_WINDOWS = [
  { days: 14, label: 'last 14 days' },
  { days: 30, label: 'last 30 days' },
  { days: 90, label: 'last 90 days' },
  { days: 365, label: 'last year' },
] as const;

export const DEFAULT_PUBLISHED_DAYS = PUBLISHED_WINDOWS[0].days;

/** The instant the Published column starts at, `days` before `now`. */
export function publishedSince(days: number, now: number = Date.now()): string {
  return new Date(now - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** When the story last went out on a channel, or null. */
export function lastPublishedAt(story: Story): string | null {
  const times = (story.placements ?? [])
    .filter((p) => p.status === 'PUBLISHED' && p.publishedAt)
    .map((p) => p.publishedAt as string)
    .sort();
  return times.length > 0 ? times[times.length - 1] : null;
}

/**
 * Done, for the board: the server says the story has gone out (`fullyPublished`, decided by the
 * domain) and it is still open (not killed or declined).
 */
export function isPublishedForBoard(story: Story): boolean {
  return BOARD_STATUSES.includes(story.status) && story.fullyPublished === true;
}

/** The column a story belongs in, or null when it is not on the board (killed, declined). */
export function boardColumnOf(story: Story): BoardColumnId | null {
  if (isPublishedForBoard(story)) return 'PUBLISHED';
  return BOARD_STATUSES.includes(story.status) ? story.status : null;
}

/** The board from a plain story list (used when the server has no GET /api/board yet). */
export function boardFromStories(stories: Story[]): Board {
  return {
    columns: BOARD_COLUMNS.map((status) => ({
      status,
      stories: stories.filter((s) => boardColumnOf(s) === status),
    })),
  };
}

/** The state of a card: what it still waits for, or when it went out, in words. */
export function approvalState(story: Story): string {
  const pending = story.pendingApprovalSteps ?? [];
  if (isPublishedForBoard(story)) {
    const at = lastPublishedAt(story);
    return at ? `Published ${formatInstant(at)}` : 'Published';
  }
  switch (story.status) {
    case 'PITCHED':
      return 'Pitch — not accepted yet';
    case 'IN_PROGRESS':
      return story.lastFeedback ? 'Sent back — in progress' : 'Not submitted';
    case 'IN_REVIEW':
      return pending.length > 0 ? `Waiting for ${pending.join(' and ')}` : 'In review';
    case 'APPROVED': {
      const open = (story.placements ?? []).filter((p) => p.status === 'PLANNED').length;
      return open > 0 ? `Approved — ${open} to publish` : 'Approved';
    }
    default:
      return STATUS_LABELS[story.status] ?? story.status;
  }
}
