import { ApiError, type HoldingQuietPeriod } from '../api/problem';

// A plan or a move refused because quiet periods hold the channel (409 QuietPeriodInForce): whether the
// person may override them for that placement is the server's word (`overridable`, from the same rule the
// override command enforces), never worked out here from roles.

export interface OverridableRefusal {
  /** The placement the refusal was for: for a new one without a typed id, the id the server generated. */
  placementId?: string;
  periods: HoldingQuietPeriod[];
}

/** The refusal's quiet periods when the person may override every one of them; otherwise undefined. */
export function overridableRefusal(error: unknown): OverridableRefusal | undefined {
  if (!(error instanceof ApiError) || error.problem.rule !== 'QuietPeriodInForce') return undefined;
  const periods = error.problem.quietPeriods ?? [];
  if (periods.length === 0 || !periods.every((q) => q.overridable)) return undefined;
  return { placementId: error.problem.placementId, periods };
}

/** A placement id as the server makes one when none is given: the channel and 8 hex digits. */
export function newPlacementId(channelId: string): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes); // also outside secure contexts, unlike randomUUID
  return `${channelId}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The id the override and the plan are sent for: the one typed in the form, else the one the refusal named,
 * else a new one. Both commands must name the same placement, so the override clears exactly that plan.
 */
export function placementIdToOverride(typed: string, refusal: OverridableRefusal, channelId: string): string {
  return typed.trim() || refusal.placementId || newPlacementId(channelId);
}
