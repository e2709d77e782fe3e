import type { QueryClient } from '@tanstack/react-query';
import type { CrisisStatus, GovernanceUpdate } from '../api/types';
import { keys } from '../live/cache';

// How a governance push (/topic/governance) lands in the caches: the crisis banner changes at once from the
// push itself, then everything whose allowed actions or holds depend on it is fetched again.

/** The crisis status right after a push, before GET /api/crisis answers. */
export function crisisAfter(current: CrisisStatus | undefined, update: GovernanceUpdate): CrisisStatus | undefined {
  const event = update.event as Record<string, string | undefined>;
  const recent = current?.recent ?? [];
  if (update.type === 'CrisisModeSwitchedOn') {
    const crisis = {
      crisisId: event.crisisId ?? '',
      reason: event.reason ?? '',
      switchedOnBy: event.switchedOnBy ?? update.by ?? '',
      switchedOnAt: event.switchedOnAt ?? update.at,
    };
    return { active: true, current: crisis, recent: [crisis, ...recent.filter((c) => c.crisisId !== crisis.crisisId)], allowedActions: current?.allowedActions };
  }
  if (update.type === 'CrisisModeEnded') {
    return {
      active: false,
      current: null,
      recent: recent.map((c) =>
        c.crisisId === event.crisisId ? { ...c, endedBy: event.endedBy, endedAt: event.endedAt, endReason: event.reason } : c,
      ),
      allowedActions: current?.allowedActions,
    };
  }
  return current;
}

export function applyGovernance(queryClient: QueryClient, update: GovernanceUpdate): void {
  if (update.type.startsWith('Crisis')) {
    queryClient.setQueryData<CrisisStatus>(keys.crisis, (current) => crisisAfter(current, update));
    void queryClient.invalidateQueries({ queryKey: keys.crisis });
  } else {
    void queryClient.invalidateQueries({ queryKey: keys.blackouts });
  }
  // what each person may do with every story depends on crisis mode and the quiet periods
  void queryClient.invalidateQueries({ queryKey: ['story'] });
  void queryClient.invalidateQueries({ queryKey: keys.board });
  void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
}
