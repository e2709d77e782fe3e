import type { AuditEntry, AuditFilters, CheckpointCheck } from '../api/types';

// The audit view's pure parts: empty filters, what an entry says in one line, and the filters that show a
// story's full trail. Unit-tested; the view only renders them.

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  person: '',
  story: '',
  channel: '',
  campaign: '',
  action: '',
  from: '',
  to: '',
};

/** The event types an auditor picks from most; any other type can be typed. */
export const COMMON_ACTIONS = [
  'PlacementPublished',
  'ApprovalGranted',
  'StoryApproved',
  'ApprovalWithdrawn',
  'ChangesRequested',
  'PitchDeclined',
  'StoryKilled',
  'PlacementCancelled',
  'BlackoutPeriodDefined',
  'UserRolesChanged',
  'AuditTrailRead',
];

/** Every event of one story, newest first: the story's full trail. */
export function storyTrail(storyId: string): AuditFilters {
  return { ...EMPTY_AUDIT_FILTERS, story: storyId };
}

/** Where it happened: placement and channels, a story, or the aggregate it belongs to. */
export function subjectOf(entry: AuditEntry): string {
  if (entry.placementId) return `${entry.placementId} (${entry.channels.join(', ')})`;
  if (entry.channels.length > 0) return entry.channels.join(', ');
  if (entry.storyId) return 'story';
  if (entry.aggregateId) return entry.aggregateId;
  return '';
}

/** Whether the page shown is the last one. */
export function isLastPage(total: number, page: number, size: number): boolean {
  return (page + 1) * size >= total;
}

/** What a kept checkpoint says: one that is not this server's proves nothing, so it was not compared. */
export function checkpointSays(checkpoint: CheckpointCheck): string {
  if (!checkpoint.signatureValid) return 'not signed by this server, so it proves nothing and was not compared';
  return checkpoint.matches ? 'signed by this server, matches' : 'signed by this server, does not match';
}
