import { describe, expect, it } from 'vitest';
import type { Action, Me, Story } from '../api/types';
import { can, grantedSteps, mentionsIn, placementButtons, storyButtons } from './permissions';

const me = (...actions: Action[]): Me => ({ username: 'u', roles: [], actions });
const contributor = me('PITCH', 'EDIT_DRAFT', 'SUBMIT', 'COMMENT', 'READ');
const editor = me(
  'PITCH', 'ACCEPT_PITCH', 'DECLINE_PITCH', 'EDIT_DRAFT', 'ASSIGN', 'SUBMIT', 'PLAN_PLACEMENT',
  'RESCHEDULE_PLACEMENT', 'CANCEL_PLACEMENT', 'PUBLISH_PLACEMENT', 'KILL_STORY', 'COMMENT', 'READ',
);
const lead = me('PITCH', 'APPROVE', 'REQUEST_CHANGES', 'KILL_STORY', 'COMMENT', 'READ');

const story = (over: Partial<Story> = {}): Story => ({
  storyId: 's', version: 3, status: 'IN_REVIEW', title: 't', desk: 'HR', contentVersion: 2,
  pendingApprovalSteps: ['communications', 'legal'], requiredApprovalSteps: ['communications', 'legal'],
  approvals: [],
  placements: [
    { placementId: 'press', channelId: 'press-release', slot: '2027-03-04T09:00:00Z', text: 'PR', status: 'PLANNED', requiredApprovalSteps: ['communications', 'legal'] },
    { placementId: 'li', channelId: 'linkedin', slot: '2027-03-04T11:00:00Z', text: 'LI', status: 'PLANNED', requiredApprovalSteps: ['communications'] },
  ],
  ...over,
});

describe('storyButtons', () => {
  it('offers only actions the server lists for the user', () => {
    expect(can(null, 'READ')).toBe(false);
    expect(storyButtons(contributor, story()).approve).toBe(false);
    expect(storyButtons(lead, story()).approve).toBe(true);
    expect(storyButtons(me('READ'), story())).toEqual(
      Object.fromEntries(Object.keys(storyButtons(lead, story())).map((k) => [k, false])),
    );
  });

  it('narrows by the story state', () => {
    expect(storyButtons(editor, story({ status: 'PITCHED' }))).toMatchObject({ accept: true, decline: true, planPlacement: false, submit: false });
    expect(storyButtons(editor, story({ status: 'IN_PROGRESS' }))).toMatchObject({ accept: false, submit: true, planPlacement: true });
    expect(storyButtons(lead, story({ status: 'APPROVED' }))).toMatchObject({ approve: false, requestChanges: true });
    expect(storyButtons(editor, story({ status: 'KILLED' }))).toMatchObject({ kill: false, editDraft: false, planPlacement: false });
  });
});

describe('placementButtons', () => {
  it('offers publish only for approved steps of the current content version', () => {
    const s = story({
      approvals: [{ step: 'communications', approvedBy: 'grace', contentVersion: 2, approvedAt: '2027-01-01T00:00:00Z' }],
      pendingApprovalSteps: ['legal'],
    });
    expect(placementButtons(editor, s, s.placements![0]).publish).toBe(false); // press needs legal too
    expect(placementButtons(editor, s, s.placements![1]).publish).toBe(true); // linkedin needs communications
    expect(placementButtons(contributor, s, s.placements![1])).toEqual({ reschedule: false, cancel: false, publish: false });
    const stale = story({ approvals: [{ step: 'communications', approvedBy: 'grace', contentVersion: 1, approvedAt: '' }] });
    expect(grantedSteps(stale).size).toBe(0);
  });

  it('offers publish for every planned placement of an approved story, nothing for a published one', () => {
    const s = story({ status: 'APPROVED', pendingApprovalSteps: [] });
    expect(placementButtons(editor, s, s.placements![0])).toEqual({ reschedule: true, cancel: true, publish: true });
    const published = { ...s.placements![0], status: 'PUBLISHED' as const };
    expect(placementButtons(editor, s, published)).toEqual({ reschedule: false, cancel: false, publish: false });
  });
});

describe('mentionsIn', () => {
  it('finds @usernames but not e-mail addresses', () => {
    expect(mentionsIn('@lena please check, cc @grace. Mail eddie@example.com')).toEqual(['lena', 'grace']);
    expect(mentionsIn('@lena @lena')).toEqual(['lena']);
    expect(mentionsIn('no mentions')).toEqual([]);
  });
});
