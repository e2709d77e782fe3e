import { BOARD_STATUSES, type Board, type Story, type StoryStatus } from '../api/types';

export const STATUS_LABELS: Record<StoryStatus, string> = {
  PITCHED: 'Pitched',
  IN_PROGRESS: 'In progress',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
  KILLED: 'Killed',
};

/** The board from a plain story list (used when the server has no GET /api/board yet). */
export function boardFromStories(stories: Story[]): Board {
  return {
    columns: BOARD_STATUSES.map((status) => ({
      status,
      stories: stories.filter((s) => s.status === status),
    })),
  };
}

/** The approval state of a card: what it still waits for, in words. */
export function approvalState(story: Story): string {
  const pending = story.pendingApprovalSteps ?? [];
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
