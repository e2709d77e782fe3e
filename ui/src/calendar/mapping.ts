import type { EventInput } from '@fullcalendar/core';
import { DateTime } from 'luxon';
import type { Blackout, CalendarEntry, Channel, Collision, EntryStatus } from '../api/types';
import { newsroomZone } from '../time/format';

// Calendar entries → FullCalendar events: one colour per channel, collisions marked, blackouts as
// background events. Pure functions, unit-tested.

/** How long a placement is drawn (a slot is an instant; the block needs a height). */
export const ENTRY_MINUTES = 30;

/** Fixed colours for the standard channels, chosen to be distinguishable and readable with white text. */
export const CHANNEL_COLOURS: Record<string, string> = {
  'press-release': '#1f4e79',
  'corporate-blog': '#2e7d32',
  newsletter: '#6a1b9a',
  intranet: '#795548',
  linkedin: '#0a66c2',
  x: '#222222',
  instagram: '#c2185b',
  facebook: '#3b5998',
  youtube: '#c62828',
  livestream: '#e65100',
  podcast: '#00796b',
  event: '#5d4037',
};

/** Colours for channels outside the standard catalogue, picked by a stable hash of the channel id. */
export const FALLBACK_PALETTE = [
  '#37474f',
  '#4527a0',
  '#00695c',
  '#ad1457',
  '#283593',
  '#558b2f',
  '#6d4c41',
  '#0277bd',
  '#8e24aa',
  '#bf360c',
];

export function channelColour(channelId: string): string {
  const fixed = CHANNEL_COLOURS[channelId];
  if (fixed) return fixed;
  let hash = 0;
  for (let i = 0; i < channelId.length; i++) hash = (hash * 31 + channelId.charCodeAt(i)) | 0;
  return FALLBACK_PALETTE[Math.abs(hash) % FALLBACK_PALETTE.length];
}

export function channelIdOf(channel: Channel): string {
  return channel.channelId ?? channel.id ?? channel.name;
}

export const COLLISION_LABELS: Record<string, string> = {
  CHANNEL_GAP: 'Channel collision',
  HIGH_PRIORITY_DAY: 'Too many major items that day',
  BLACKOUT: 'Inside a quiet period',
};

export function hasCollisions(entry: CalendarEntry): boolean {
  return (entry.collisions?.length ?? 0) > 0;
}

export function collisionText(collisions: Collision[] | undefined): string {
  return (collisions ?? [])
    .map((c) => `${COLLISION_LABELS[c.kind] ?? c.kind}: ${c.message}`)
    .join('\n');
}

/**
 * How each placement status is told apart without colour (channels own the colours): a name, what it
 * means (the legend), and in the grid an icon and a fill pattern (styles.css, .nr-status-*).
 */
export const ENTRY_STATUS_LOOK: Record<EntryStatus, { label: string; meaning: string }> = {
  PLANNED: { label: 'Planned', meaning: 'waiting for approval' },
  SCHEDULED: { label: 'Scheduled', meaning: 'approved, goes out at its slot' },
  PUBLISHED: { label: 'Published', meaning: 'has gone out' },
  PAUSED: { label: 'Paused', meaning: 'held back: crisis or quiet period' },
  CANCELLED: { label: 'Cancelled', meaning: 'will not go out' },
};

export const ENTRY_STATUS_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(ENTRY_STATUS_LOOK).map(([status, look]) => [status, look.label]),
);

/** The accessible name and tooltip of an entry: what, where, when, state and any collisions. */
export function entryLabel(entry: CalendarEntry, formatSlot: (iso: string) => string = (s) => s): string {
  const look = ENTRY_STATUS_LOOK[entry.status as EntryStatus];
  const parts = [
    `${entry.title} on ${entry.channelName ?? entry.channelId}`,
    formatSlot(entry.slot),
    look ? `${look.label} (${look.meaning})` : entry.status.toLowerCase(),
  ];
  if (entry.desk) parts.push(`desk ${entry.desk}`);
  if (entry.approvalState === 'PENDING') parts.push('approval pending');
  if (entry.pausedByCrisis) parts.push('paused by crisis mode until someone decides');
  for (const o of entry.quietPeriodOverrides ?? []) {
    parts.push(`quiet period ${o.blackoutName ?? o.blackoutId} overridden by ${o.overriddenBy}: ${o.reason}`);
  }
  const collisions = collisionText(entry.collisions);
  const base = parts.join(', ');
  return collisions ? `${base}. Warning: ${collisions.replace(/\n/g, '; ')}` : base;
}

/** Entries that may be dragged: not published or cancelled, and the user may reschedule. */
export function isDraggable(entry: CalendarEntry, canReschedule: boolean): boolean {
  return canReschedule && entry.status !== 'PUBLISHED' && entry.status !== 'CANCELLED';
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
}

/**
 * Where a placement's block ends: ENTRY_MINUTES after its slot, but never past the end of its day in
 * the newsroom's zone, so a 23:45 placement is one block on its own day instead of two halves.
 */
export function blockEnd(slot: string, zone: string = newsroomZone()): string {
  const end = addMinutes(slot, ENTRY_MINUTES);
  const midnight = DateTime.fromISO(slot, { zone }).plus({ days: 1 }).startOf('day');
  return midnight.isValid && midnight.toMillis() < new Date(end).getTime() ? midnight.toUTC().toISO()! : end;
}

export function toEvent(entry: CalendarEntry, canReschedule: boolean): EventInput {
  const colour = channelColour(entry.channelId);
  const collided = hasCollisions(entry);
  const classNames = ['nr-entry', `nr-status-${entry.status.toLowerCase()}`, `nr-channel-${entry.channelId}`];
  if (collided) classNames.push('nr-collision');
  return {
    id: entry.entryId,
    title: entry.title,
    start: entry.slot,
    end: blockEnd(entry.slot),
    backgroundColor: colour,
    borderColor: collided ? '#d32f2f' : colour,
    textColor: '#ffffff',
    classNames,
    editable: isDraggable(entry, canReschedule),
    durationEditable: false,
    extendedProps: { kind: 'entry', entry },
  };
}

/**
 * A blackout as the contract names it ({channels, from, to}); also accepts the server's
 * {channelIds, startsAt, endsAt}. Lifted or incomplete blackouts yield null.
 */
export function normaliseBlackout(raw: unknown): Blackout | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  const from = (o.from ?? o.startsAt) as string | undefined;
  const to = (o.to ?? o.endsAt) as string | undefined;
  if (!from || !to || o.lifted === true) return null;
  const channels = (o.channels ?? o.channelIds ?? []) as string[];
  return {
    blackoutId: String(o.blackoutId ?? `${from}-${to}`),
    name: String(o.name ?? 'Quiet period'),
    channels: Array.isArray(channels) ? channels : [],
    from,
    to,
    reason: typeof o.reason === 'string' ? o.reason : undefined,
  };
}

export function normaliseBlackouts(raw: unknown): Blackout[] {
  return Array.isArray(raw) ? raw.map(normaliseBlackout).filter((b): b is Blackout => b !== null) : [];
}

export function blackoutToEvent(blackout: Blackout): EventInput {
  return {
    id: `blackout:${blackout.blackoutId}`,
    title: blackout.name,
    start: blackout.from,
    end: blackout.to,
    display: 'background',
    backgroundColor: '#9e9e9e',
    classNames: ['nr-blackout'],
    extendedProps: { kind: 'blackout', blackout },
  };
}

/** All events for the calendar: placements first, then blackout periods behind them. */
export function toEvents(
  entries: CalendarEntry[],
  blackouts: Blackout[] | undefined,
  canReschedule: boolean,
): EventInput[] {
  return [...entries.map((e) => toEvent(e, canReschedule)), ...(blackouts ?? []).map(blackoutToEvent)];
}

/** Label for a blackout: name, channels (all when empty) and reason. */
export function blackoutLabel(blackout: Blackout, channelName: (id: string) => string = (id) => id): string {
  const channels = blackout.channels.length === 0 ? 'all channels' : blackout.channels.map(channelName).join(', ');
  return `Quiet period ${blackout.name} on ${channels}${blackout.reason ? `: ${blackout.reason}` : ''}`;
}
