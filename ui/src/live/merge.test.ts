import { describe, expect, it, vi } from 'vitest';
import type { Board, BoardColumnId, LiveUpdate, Story } from '../api/types';
import { CATCH_UP_PAGE, catchUp, mergeStoryIntoBoard, mergeStoryIntoList, PositionTracker, touchesCalendar, updateKey } from './merge';

function story(id: string, status: Story['status'], version: number, title = id): Story {
  return { storyId: id, status, version, title, desk: 'HR' };
}

function board(...columns: [BoardColumnId, Story[]][]): Board {
  return { position: 10, columns: columns.map(([status, stories]) => ({ status, stories })) };
}

const emptyBoard = () => board(['PITCHED', []], ['IN_PROGRESS', []], ['IN_REVIEW', []], ['APPROVED', []]);

describe('PositionTracker', () => {
  it('applies each position once, whichever topic brings it', () => {
    const t = new PositionTracker();
    expect(t.accept(124)).toBe(true);
    expect(t.accept(124)).toBe(false); // same update on /topic/calendar
    expect(t.accept(125)).toBe(true);
    expect(t.lastPosition).toBe(125);
  });

  it('accepts a late lower position it has not seen, but keeps the highest as last', () => {
    const t = new PositionTracker();
    t.accept(10);
    expect(t.accept(9)).toBe(true);
    expect(t.lastPosition).toBe(10);
    expect(t.accept(9)).toBe(false);
  });

  it('takes the position of a snapshot as the catch-up point', () => {
    const t = new PositionTracker();
    t.observeSnapshot(50);
    expect(t.lastPosition).toBe(50);
    t.observeSnapshot(40);
    expect(t.lastPosition).toBe(50);
    t.observeSnapshot(undefined);
    expect(t.lastPosition).toBe(50);
  });

  it('tells apart several events committed at one position', () => {
    const t = new PositionTracker();
    const granted = { position: 11, type: 'ApprovalGranted', storyId: 's' };
    const approved = { position: 11, type: 'StoryApproved', storyId: 's' };
    expect(t.accept(11, updateKey(granted))).toBe(true);
    expect(t.accept(11, updateKey(approved))).toBe(true);
    expect(t.accept(11, updateKey(approved))).toBe(false); // the same on another topic
    expect(updateKey({ type: 'PlacementPublished', storyId: 's', placementId: 'p' })).toBe('PlacementPublished|s|p');
  });

  it('forgets old updates beyond its memory and drops anything older than what it remembers', () => {
    const t = new PositionTracker(3);
    [1, 2, 3, 4].forEach((p) => t.accept(p));
    expect(t.accept(1)).toBe(false); // below the remembered window: too old
    expect(t.accept(5)).toBe(true);
  });

  it('applies updates without a position (cannot dedupe) and resets', () => {
    const t = new PositionTracker();
    expect(t.accept(undefined)).toBe(true);
    t.accept(3);
    t.reset();
    expect(t.lastPosition).toBeNull();
    expect(t.accept(3)).toBe(true);
  });
});

describe('catchUp', () => {
  const update = (position: number): LiveUpdate => ({ position, type: 'StoryPitched', storyId: `s${position}` });

  it('asks again while pages are full and applies everything in order', async () => {
    const pages = [
      { position: 600, updates: Array.from({ length: CATCH_UP_PAGE }, (_, i) => update(101 + i)) },
      { position: 603, updates: [update(601), update(602), update(603)] },
    ];
    const fetchPage = vi.fn(async (after: number) => {
      expect(after).toBe(fetchPage.mock.calls.length === 1 ? 100 : 600);
      return pages.shift()!;
    });
    const applied: number[] = [];
    const last = await catchUp(fetchPage, 100, (u) => applied.push(u.position));
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(applied).toHaveLength(CATCH_UP_PAGE + 3);
    expect(applied[0]).toBe(101);
    expect(last).toBe(603);
  });

  it('with a tracker, drops what was already pushed', async () => {
    const t = new PositionTracker();
    t.accept(5);
    const applied: number[] = [];
    t.accept(5, updateKey(update(5)));
    await catchUp(async () => ({ position: 6, updates: [update(5), update(6)] }), 4, (u) => {
      if (t.accept(u.position, updateKey(u))) applied.push(u.position);
    });
    expect(applied).toEqual([6]);
  });

  it('stops on an empty page', async () => {
    const last = await catchUp(async () => ({ position: 42, updates: [] }), 42, () => {
      throw new Error('nothing to apply');
    });
    expect(last).toBe(42);
  });
});

describe('mergeStoryIntoBoard', () => {
  it('puts a new story on top of its column', () => {
    const b = board(['PITCHED', [story('a', 'PITCHED', 1)]], ['IN_PROGRESS', []]);
    const merged = mergeStoryIntoBoard(b, story('b', 'PITCHED', 1))!;
    expect(merged.columns[0].stories.map((s) => s.storyId)).toEqual(['b', 'a']);
    expect(merged.position).toBe(10);
  });

  it('moves a story between columns when its status changes', () => {
    const b = board(['PITCHED', [story('a', 'PITCHED', 1)]], ['IN_PROGRESS', []]);
    const merged = mergeStoryIntoBoard(b, story('a', 'IN_PROGRESS', 2))!;
    expect(merged.columns[0].stories).toEqual([]);
    expect(merged.columns[1].stories[0].version).toBe(2);
  });

  it('keeps the card in place when it stays in its column', () => {
    const b = board(['IN_PROGRESS', [story('a', 'IN_PROGRESS', 1), story('b', 'IN_PROGRESS', 1)]]);
    const merged = mergeStoryIntoBoard(b, story('b', 'IN_PROGRESS', 2, 'renamed'))!;
    expect(merged.columns[0].stories.map((s) => s.title)).toEqual(['a', 'renamed']);
  });

  it('ignores an older version than the one shown', () => {
    const b = board(['IN_REVIEW', [story('a', 'IN_REVIEW', 5)]], ['IN_PROGRESS', []]);
    expect(mergeStoryIntoBoard(b, story('a', 'IN_PROGRESS', 4))).toBe(b);
  });

  it('removes closed stories', () => {
    const b = board(['PITCHED', [story('a', 'PITCHED', 1)]]);
    expect(mergeStoryIntoBoard(b, story('a', 'DECLINED', 2))!.columns[0].stories).toEqual([]);
  });

  it('adds a missing column in workflow order', () => {
    const b = board(['PITCHED', []], ['APPROVED', []]);
    const merged = mergeStoryIntoBoard(b, story('a', 'IN_REVIEW', 3))!;
    expect(merged.columns.map((c) => c.status)).toEqual(['PITCHED', 'IN_REVIEW', 'APPROVED']);
  });

  it('moves a story whose last placement went out to Published, and keeps it off when older than the column shows', () => {
    const placement = (status: 'PLANNED' | 'PUBLISHED', publishedAt?: string) => ({
      placementId: status + (publishedAt ?? ''),
      channelId: 'linkedin',
      slot: '2027-03-04T09:00:00Z',
      text: 't',
      status,
      publishedAt,
    });
    const b = { ...board(['APPROVED', [story('a', 'APPROVED', 4)]], ['PUBLISHED', []]), publishedSince: '2027-03-01T00:00:00Z' };
    const halfway = { ...story('a', 'APPROVED', 5), placements: [placement('PUBLISHED', '2027-03-04T09:00:00Z'), placement('PLANNED')], fullyPublished: false };
    expect(mergeStoryIntoBoard(b, halfway)!.columns.map((c) => c.stories.length)).toEqual([1, 0]);
    const done = { ...story('a', 'APPROVED', 6), placements: [placement('PUBLISHED', '2027-03-04T09:00:00Z')], fullyPublished: true };
    const merged = mergeStoryIntoBoard(b, done)!;
    expect(merged.columns.map((c) => c.stories.map((s) => s.storyId))).toEqual([[], ['a']]);
    const old = { ...story('a', 'APPROVED', 7), placements: [placement('PUBLISHED', '2027-02-01T09:00:00Z')], fullyPublished: true };
    expect(mergeStoryIntoBoard(b, old)!.columns.map((c) => c.stories.length)).toEqual([0, 0]);
    const killed = { ...done, version: 8, status: 'KILLED' as const };
    expect(mergeStoryIntoBoard(merged, killed)!.columns.map((c) => c.stories.length)).toEqual([0, 0]);
  });

  it('leaves a board that is not loaded alone', () => {
    expect(mergeStoryIntoBoard(undefined, story('a', 'PITCHED', 1))).toBeUndefined();
    expect(mergeStoryIntoBoard(emptyBoard(), story('a', 'PITCHED', 1))!.columns[0].stories).toHaveLength(1);
  });
});

describe('mergeStoryIntoList', () => {
  const inReview = (s: Story) => s.status === 'IN_REVIEW';
  it('replaces, adds and removes by the keep rule', () => {
    const list = [story('a', 'IN_REVIEW', 3)];
    expect(mergeStoryIntoList(list, story('a', 'IN_REVIEW', 4, 'new'), inReview)![0].title).toBe('new');
    expect(mergeStoryIntoList(list, story('a', 'APPROVED', 4), inReview)).toEqual([]);
    expect(mergeStoryIntoList(list, story('b', 'IN_REVIEW', 1), inReview)).toHaveLength(2);
    expect(mergeStoryIntoList(list, story('a', 'IN_PROGRESS', 2), inReview)).toBe(list);
    expect(mergeStoryIntoList(undefined, story('a', 'IN_REVIEW', 1), inReview)).toBeUndefined();
  });
});

describe('touchesCalendar', () => {
  it('is true for placement events and approvals, false for comments and assignments', () => {
    expect(touchesCalendar({ position: 1, type: 'PlacementRescheduled', storyId: 's', placementId: 'p' })).toBe(true);
    expect(touchesCalendar({ position: 1, type: 'StoryApproved', storyId: 's' })).toBe(true);
    expect(touchesCalendar({ position: 1, type: 'StoryAssigned', storyId: 's' })).toBe(false);
    expect(touchesCalendar({ position: 1, type: 'CommentAdded', storyId: 's' })).toBe(false);
  });
});
