import type { Action, Me, Placement, Story } from '../api/types';

// Which buttons to offer. The server decides (and enforces) the actions a user may take in
// GET /api/me; the story's state narrows them to those that make sense now.

export function can(me: Me | null | undefined, action: Action): boolean {
  return !!me && me.actions.includes(action);
}

export interface StoryButtons {
  accept: boolean;
  decline: boolean;
  editDraft: boolean;
  assign: boolean;
  submit: boolean;
  approve: boolean;
  requestChanges: boolean;
  planPlacement: boolean;
  kill: boolean;
  comment: boolean;
}

const OPEN = ['PITCHED', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED'];

export function storyButtons(me: Me | null | undefined, story: Story): StoryButtons {
  const open = OPEN.includes(story.status);
  const inWork = story.status === 'IN_PROGRESS' || story.status === 'IN_REVIEW' || story.status === 'APPROVED';
  const allPublished =
    (story.placements ?? []).length > 0 && (story.placements ?? []).every((p) => p.status !== 'PLANNED');
  return {
    accept: story.status === 'PITCHED' && can(me, 'ACCEPT_PITCH'),
    decline: story.status === 'PITCHED' && can(me, 'DECLINE_PITCH'),
    editDraft: open && can(me, 'EDIT_DRAFT'),
    assign: inWork && can(me, 'ASSIGN'),
    submit: story.status === 'IN_PROGRESS' && can(me, 'SUBMIT'),
    approve: story.status === 'IN_REVIEW' && (story.pendingApprovalSteps?.length ?? 1) > 0 && can(me, 'APPROVE'),
    requestChanges: (story.status === 'IN_REVIEW' || story.status === 'APPROVED') && can(me, 'REQUEST_CHANGES'),
    planPlacement: inWork && can(me, 'PLAN_PLACEMENT'),
    kill: open && !allPublished && can(me, 'KILL_STORY'),
    comment: can(me, 'COMMENT'),
  };
}

/** The approval steps granted for the story's current content version. */
export function grantedSteps(story: Story): Set<string> {
  return new Set(
    (story.approvals ?? [])
      .filter((a) => story.contentVersion === undefined || a.contentVersion === story.contentVersion)
      .map((a) => a.step),
  );
}

export interface PlacementButtons {
  reschedule: boolean;
  cancel: boolean;
  publish: boolean;
}

export function placementButtons(me: Me | null | undefined, story: Story, placement: Placement): PlacementButtons {
  const live = OPEN.includes(story.status) && placement.status === 'PLANNED';
  const granted = grantedSteps(story);
  const approved =
    story.status === 'APPROVED' ||
    (story.status === 'IN_REVIEW' &&
      (placement.requiredApprovalSteps ?? []).length > 0 &&
      (placement.requiredApprovalSteps ?? []).every((step) => granted.has(step)));
  return {
    reschedule: live && can(me, 'RESCHEDULE_PLACEMENT'),
    cancel: live && can(me, 'CANCEL_PLACEMENT'),
    publish: live && approved && can(me, 'PUBLISH_PLACEMENT'),
  };
}

/** "@lena please check" → ['lena']: the usernames mentioned in a comment (for highlighting). */
export function mentionsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(^|[^\w@.])@([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])/g)) {
    found.add(match[2]);
  }
  return [...found];
}
