import type { BlackoutRequest, BlackoutView } from '../api/types';

// Quiet (blackout) periods as the list shows them: their state now, their order, and the request a
// governance lead's form makes. Pure functions, unit-tested.

export type BlackoutState = 'lifted' | 'active' | 'upcoming' | 'over';

export const BLACKOUT_STATE_LABELS: Record<BlackoutState, string> = {
  active: 'in force now',
  upcoming: 'upcoming',
  over: 'over',
  lifted: 'lifted',
};

export function blackoutState(blackout: BlackoutView, now: Date = new Date()): BlackoutState {
  if (blackout.lifted) return 'lifted';
  const t = now.getTime();
  if (new Date(blackout.endsAt).getTime() <= t) return 'over';
  if (new Date(blackout.startsAt).getTime() <= t) return 'active';
  return 'upcoming';
}

/** In force first, then upcoming (soonest first), then over and lifted (latest first). */
export function sortBlackouts(blackouts: BlackoutView[], now: Date = new Date()): BlackoutView[] {
  const rank: Record<BlackoutState, number> = { active: 0, upcoming: 1, over: 2, lifted: 3 };
  return [...blackouts].sort((a, b) => {
    const ra = rank[blackoutState(a, now)];
    const rb = rank[blackoutState(b, now)];
    if (ra !== rb) return ra - rb;
    return ra <= 1 ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt);
  });
}

/** Whether a quiet period can still be lifted (not lifted, not over). */
export function canLift(blackout: BlackoutView, now: Date = new Date()): boolean {
  const state = blackoutState(blackout, now);
  return state === 'active' || state === 'upcoming';
}

/**
 * The body of POST /api/blackouts from the form, or the message saying what is missing. `from` and
 * `to` are ISO instants (already converted from the local inputs); no channels means all channels.
 */
export function blackoutRequest(form: {
  name: string;
  channels: string[];
  from: string | null;
  to: string | null;
  reason: string;
}): BlackoutRequest | string {
  if (!form.name.trim()) return 'Give the quiet period a name.';
  if (!form.from || !form.to) return 'Give the start and the end.';
  if (new Date(form.to).getTime() <= new Date(form.from).getTime()) return 'The end must be after the start.';
  if (!form.reason.trim()) return 'Say why (the reason is shown to everyone).';
  return { name: form.name.trim(), channels: [...form.channels], from: form.from, to: form.to, reason: form.reason.trim() };
}

export function channelsText(channelIds: string[], channelName: (id: string) => string = (id) => id): string {
  return channelIds.length === 0 ? 'All channels' : channelIds.map(channelName).join(', ');
}

/** The list with this quiet period added or replaced (by id): the answer shown before the read model has it. */
export function upsertBlackout(list: BlackoutView[] | undefined, blackout: BlackoutView): BlackoutView[] {
  const current = list ?? [];
  return current.some((b) => b.blackoutId === blackout.blackoutId)
    ? current.map((b) => (b.blackoutId === blackout.blackoutId ? blackout : b))
    : [...current, blackout];
}
