import { describe, expect, it } from 'vitest';
import type { Action, Me, Placement, Story } from '../api/types';
import { approvableSteps, can, placementButtons, storyButtons } from './permissions';

const story = (over: Partial<Story> = {}): Story => ({
  storyId: 's', version: 3, status: 'IN_REVIEW', title: 't', desk: 'HR', contentVersion: 2,
  pendingApprovalSteps: ['communications', 'legal'], requiredApprovalSteps: ['communications', 'legal'],
  approvals: [], placements: [],
  ...over,
});

const placement = (allowedActions?: Action[]): Placement => ({
  placementId: 'press', channelId: 'press-release', slot: '2027-03-04T09:00:00Z', text: 'PR', status: 'PLANNED',
  requiredApprovalSteps: ['communications', 'legal'], allowedActions,
});

describe('can', () => {
  it('answers from the actions GET /api/me lists', () => {
    const me: Me = { username: 'u', roles: ['EDITOR'], actions: ['PITCH', 'READ'] };
    expect(can(me, 'PITCH')).toBe(true);
    expect(can(me, 'APPROVE')).toBe(false);
    expect(can(null, 'READ')).toBe(false);
  });
});

describe('storyButtons', () => {
  it('offers exactly the story actions the server allows this user', () => {
    const buttons = storyButtons(story({ allowedActions: ['EDIT_DRAFT', 'ASSIGN', 'PLAN_PLACEMENT', 'KILL_STORY', 'COMMENT'] }));
    expect(buttons).toEqual({
      accept: false, decline: false, editDraft: true, assign: true, submit: false, approve: false,
      requestChanges: false, planPlacement: true, kill: true, comment: true,
    });
  });

  it('does not look at the status or the roles: an in-review story may still offer submit if the server says so', () => {
    expect(storyButtons(story({ status: 'IN_REVIEW', allowedActions: ['SUBMIT'] })).submit).toBe(true);
    expect(storyButtons(story({ status: 'IN_PROGRESS', allowedActions: [] })).submit).toBe(false);
  });

  it('offers approve only with a step to sign', () => {
    expect(storyButtons(story({ allowedActions: ['APPROVE'], approvableSteps: ['legal'] })).approve).toBe(true);
    expect(storyButtons(story({ allowedActions: ['APPROVE'], approvableSteps: [] })).approve).toBe(false);
    expect(approvableSteps(story({ approvableSteps: ['legal'] }))).toEqual(['legal']);
  });

  it('offers nothing while the actions are unknown (a live push before the story is fetched again)', () => {
    expect(Object.values(storyButtons(story({ allowedActions: undefined })))).not.toContain(true);
    expect(approvableSteps(story())).toEqual([]);
  });
});

describe('placementButtons', () => {
  it('offers exactly the placement actions the server allows this user', () => {
    expect(placementButtons(placement(['RESCHEDULE_PLACEMENT', 'CANCEL_PLACEMENT']))).toEqual({
      reschedule: true, cancel: true, publish: false, redeliver: false, resume: false, overrideQuietPeriod: false,
    });
    expect(placementButtons(placement(['PUBLISH_PLACEMENT'])).publish).toBe(true);
    expect(placementButtons(placement(['RESUME_PLACEMENT', 'OVERRIDE_QUIET_PERIOD']))).toMatchObject({
      resume: true, overrideQuietPeriod: true, publish: false,
    });
    expect(placementButtons(placement(undefined))).toEqual({
      reschedule: false, cancel: false, publish: false, redeliver: false, resume: false, overrideQuietPeriod: false,
    });
  });
});
