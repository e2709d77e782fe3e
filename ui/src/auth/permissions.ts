import type { Action, Me, Placement, Story } from '../api/types';

// Which buttons to offer. The server's domain decides what each person may do next with each story
// and answers it on the story (`allowedActions`, each placement's `allowedActions`, `approvableSteps`);
// the dashboard shows exactly that and never recomputes the workflow. GET /api/me lists what the
// user's roles allow at all, for buttons that belong to no story (pitch, define a campaign, …).

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

/** The story's buttons; none while its actions are not known (e.g. a live push before the refetch). */
export function storyButtons(story: Story): StoryButtons {
  const allowed = new Set(story.allowedActions ?? []);
  return {
    accept: allowed.has('ACCEPT_PITCH'),
    decline: allowed.has('DECLINE_PITCH'),
    editDraft: allowed.has('EDIT_DRAFT'),
    assign: allowed.has('ASSIGN'),
    submit: allowed.has('SUBMIT'),
    approve: allowed.has('APPROVE') && (story.approvableSteps ?? []).length > 0,
    requestChanges: allowed.has('REQUEST_CHANGES'),
    planPlacement: allowed.has('PLAN_PLACEMENT'),
    kill: allowed.has('KILL_STORY'),
    comment: allowed.has('COMMENT'),
  };
}

export interface PlacementButtons {
  reschedule: boolean;
  cancel: boolean;
  publish: boolean;
  redeliver: boolean;
  resume: boolean;
  overrideQuietPeriod: boolean;
}

export function placementButtons(placement: Placement): PlacementButtons {
  const allowed = new Set(placement.allowedActions ?? []);
  return {
    reschedule: allowed.has('RESCHEDULE_PLACEMENT'),
    cancel: allowed.has('CANCEL_PLACEMENT'),
    publish: allowed.has('PUBLISH_PLACEMENT'),
    redeliver: allowed.has('REDELIVER_PLACEMENT'),
    resume: allowed.has('RESUME_PLACEMENT'),
    overrideQuietPeriod: allowed.has('OVERRIDE_QUIET_PERIOD'),
  };
}

/** The approval steps the signed-in user may sign on this story now (the server's `approvableSteps`). */
export function approvableSteps(story: Story): string[] {
  return story.approvableSteps ?? [];
}
