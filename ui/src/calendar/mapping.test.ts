import { describe, expect, it } from 'vitest';
import type { Blackout, CalendarEntry } from '../api/types';
import { configureTime } from '../time/format';
import {
  blackoutLabel,
  blockEnd,
  ENTRY_STATUS_LOOK,
  blackoutToEvent,
  CHANNEL_COLOURS,
  channelColour,
  channelIdOf,
  entryLabel,
  FALLBACK_PALETTE,
  hasCollisions,
  isDraggable,
  normaliseBlackouts,
  toEvent,
  toEvents,
} from './mapping';

const entry = (over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  entryId: 's1:press',
  storyId: 's1',
  placementId: 'press',
  channelId: 'press-release',
  channelName: 'Press release',
  channelKind: 'PRESS_RELEASE',
  slot: '2027-03-04T09:00:00Z',
  status: 'PLANNED',
  title: 'Apprentices build the robot cell',
  desk: 'HR',
  approvalState: 'PENDING',
  collisions: [],
  ...over,
});

describe('channel colours', () => {
  it('gives every standard channel its own fixed colour', () => {
    const colours = Object.values(CHANNEL_COLOURS);
    expect(new Set(colours).size).toBe(colours.length);
    expect(channelColour('linkedin')).toBe(CHANNEL_COLOURS.linkedin);
  });

  it('gives an unknown channel a stable colour from the fallback palette', () => {
    expect(FALLBACK_PALETTE).toContain(channelColour('tiktok'));
    expect(channelColour('tiktok')).toBe(channelColour('tiktok'));
  });

  it('reads the channel id from id or channelId', () => {
    expect(channelIdOf({ id: 'x', name: 'X', kind: 'SOCIAL' })).toBe('x');
    expect(channelIdOf({ channelId: 'y', name: 'Y', kind: 'SOCIAL' })).toBe('y');
  });
});

describe('placements at the edges of a day', () => {
  it('keeps a late placement on its own day in the newsroom zone', () => {
    expect(blockEnd('2027-03-04T22:45:00Z', 'Europe/Berlin')).toBe('2027-03-04T23:00:00.000Z'); // 23:45 → midnight Berlin
    expect(blockEnd('2027-03-04T23:45:00Z', 'UTC')).toBe('2027-03-05T00:00:00.000Z');
    expect(blockEnd('2027-03-04T23:01:00Z', 'Europe/Berlin')).toBe('2027-03-04T23:31:00.000Z'); // 00:01, a fresh day
    expect(blockEnd('2027-03-04T09:00:00Z', 'Europe/Berlin')).toBe('2027-03-04T09:30:00.000Z');
  });

  it('uses the configured newsroom zone for the event', () => {
    configureTime({ zone: 'Europe/Berlin' });
    try {
      expect(toEvent(entry({ slot: '2027-03-04T22:50:00Z' }), true).end).toBe('2027-03-04T23:00:00.000Z');
    } finally {
      configureTime({ zone: 'UTC' });
    }
  });
});

describe('placement statuses', () => {
  it('name every status and what it means, so the grid and legend need no colour', () => {
    const labels = Object.values(ENTRY_STATUS_LOOK).map((l) => l.label);
    expect(new Set(labels).size).toBe(5);
    expect(entryLabel(entry({ status: 'PAUSED' }))).toContain('Paused (held back: crisis or quiet period)');
    expect(toEvent(entry({ status: 'SCHEDULED' }), true).classNames).toContain('nr-status-scheduled');
  });
});

describe('toEvent', () => {
  it('maps an entry to a FullCalendar event at its slot in its channel colour', () => {
    const event = toEvent(entry(), true);
    expect(event).toMatchObject({
      id: 's1:press',
      title: 'Apprentices build the robot cell',
      start: '2027-03-04T09:00:00Z',
      end: '2027-03-04T09:30:00.000Z',
      backgroundColor: CHANNEL_COLOURS['press-release'],
      borderColor: CHANNEL_COLOURS['press-release'],
      editable: true,
      durationEditable: false,
    });
    expect(event.classNames).toEqual(['nr-entry', 'nr-status-planned', 'nr-channel-press-release']);
    expect(event.extendedProps).toEqual({ kind: 'entry', entry: entry() });
  });

  it('marks collisions with a class and a red border', () => {
    const collided = entry({
      collisions: [{ kind: 'CHANNEL_GAP', message: 'LinkedIn already carries “Launch” at 09:00', entryIds: ['s2:li'] }],
    });
    expect(hasCollisions(collided)).toBe(true);
    const event = toEvent(collided, true);
    expect(event.classNames).toContain('nr-collision');
    expect(event.borderColor).toBe('#d32f2f');
  });

  it('does not let published, cancelled or read-only entries be dragged', () => {
    expect(toEvent(entry({ status: 'PUBLISHED' }), true).editable).toBe(false);
    expect(toEvent(entry({ status: 'CANCELLED' }), true).editable).toBe(false);
    expect(toEvent(entry(), false).editable).toBe(false);
    expect(isDraggable(entry({ status: 'PAUSED' }), true)).toBe(true);
  });
});

describe('labels', () => {
  it('names what, where, when, state and the collision messages', () => {
    const label = entryLabel(
      entry({
        collisions: [
          { kind: 'HIGH_PRIORITY_DAY', message: '3 high-priority items on 2027-03-04' },
          { kind: 'BLACKOUT', message: 'inside Q1 results quiet period' },
        ],
      }),
      () => 'Thu 4 Mar 09:00',
    );
    expect(label).toBe(
      'Apprentices build the robot cell on Press release, Thu 4 Mar 09:00, Planned (waiting for approval), desk HR, approval pending. ' +
        'Warning: Too many major items that day: 3 high-priority items on 2027-03-04; Inside a quiet period: inside Q1 results quiet period',
    );
    expect(entryLabel(entry({ status: 'PUBLISHED', approvalState: 'APPROVED', desk: undefined }))).toBe(
      'Apprentices build the robot cell on Press release, 2027-03-04T09:00:00Z, Published (has gone out)',
    );
  });
});

describe('blackouts', () => {
  const blackout: Blackout = {
    blackoutId: 'b1',
    name: 'Q1 results',
    channels: [],
    from: '2027-03-01T00:00:00Z',
    to: '2027-03-03T00:00:00Z',
    reason: 'quiet period before results',
  };

  it('become background events', () => {
    expect(blackoutToEvent(blackout)).toMatchObject({
      id: 'blackout:b1',
      start: blackout.from,
      end: blackout.to,
      display: 'background',
      classNames: ['nr-blackout'],
    });
  });

  it('are labelled with their channels', () => {
    expect(blackoutLabel(blackout)).toBe('Quiet period Q1 results on all channels: quiet period before results');
    expect(blackoutLabel({ ...blackout, channels: ['x', 'linkedin'], reason: undefined }, (id) => id.toUpperCase())).toBe(
      'Quiet period Q1 results on X, LINKEDIN',
    );
  });

  it('are read from the contract names and the server names, lifted ones left out', () => {
    expect(
      normaliseBlackouts([
        blackout,
        { blackoutId: 'b2', name: 'Q1 results', channelIds: ['linkedin'], startsAt: 'a', endsAt: 'b', lifted: false },
        { blackoutId: 'b3', name: 'lifted', channelIds: [], startsAt: 'a', endsAt: 'b', lifted: true },
        { name: 'broken' },
        null,
      ]),
    ).toEqual([blackout, { blackoutId: 'b2', name: 'Q1 results', channels: ['linkedin'], from: 'a', to: 'b', reason: undefined }]);
    expect(normaliseBlackouts(undefined)).toEqual([]);
  });

  it('come after the entries', () => {
    const events = toEvents([entry()], [blackout], true);
    expect(events.map((e) => e.id)).toEqual(['s1:press', 'blackout:b1']);
    expect(toEvents([], undefined, true)).toEqual([]);
  });
});

describe('entryLabel for crisis mode and overrides', () => {
  it('says who overrode a quiet period and why, and that crisis mode paused it', () => {
    const label = entryLabel({
      entryId: 's:p', storyId: 's', placementId: 'p', channelId: 'linkedin', channelName: 'LinkedIn',
      slot: '2027-03-05T10:00:00Z', status: 'PAUSED', title: 'Teaser', pausedByCrisis: 'c-1',
      quietPeriodOverrides: [{ blackoutId: 'q', blackoutName: 'Q1 results', reason: 'agreed with IR', overriddenBy: 'grace' }],
    });
    expect(label).toContain('paused by crisis mode');
    expect(label).toContain('quiet period Q1 results overridden by grace: agreed with IR');
  });
});
