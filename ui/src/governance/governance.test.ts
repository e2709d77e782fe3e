import { describe, expect, it } from 'vitest';
import type { DelegationAnswer, Me } from '../api/types';
import {
  channelButtons,
  delegationsHeld,
  describeDelegation,
  describeSteps,
  formatSteps,
  parseSteps,
  policyDefinition,
  signsApprovals,
  stepState,
} from './governance';

const delegation = (over: Partial<DelegationAnswer['delegation']> = {}, inForce = true): DelegationAnswer => ({
  delegation: {
    delegationId: 'd1',
    delegator: 'lena',
    delegate: 'leo',
    group: 'legal',
    from: '2026-11-23T00:00:00Z',
    until: '2026-11-30T00:00:00Z',
    delegatedAt: '2026-11-23T00:00:00Z',
    ...over,
  },
  inForce,
  allowedActions: [],
});

describe('governance helpers', () => {
  it('offers exactly the channel actions the server allows', () => {
    expect(channelButtons({ name: 'X', kind: 'SOCIAL', allowedActions: ['CHANGE', 'RETIRE'] })).toEqual({
      change: true,
      retire: true,
    });
    expect(channelButtons({ name: 'X', kind: 'SOCIAL', retired: true, allowedActions: [] })).toEqual({
      change: false,
      retire: false,
    });
    expect(channelButtons({ name: 'X', kind: 'SOCIAL' })).toEqual({ change: false, retire: false });
  });

  it('reads steps with their signatures and writes them back the same way', () => {
    const steps = parseSteps('communications × 2\n\n legal \nir x3');
    expect(steps).toEqual([
      { group: 'communications', signatures: 2 },
      { group: 'legal', signatures: 1 },
      { group: 'ir', signatures: 3 },
    ]);
    expect(parseSteps(formatSteps(steps))).toEqual(steps);
    expect(describeSteps(steps)).toBe('2 × communications + legal + 3 × ir');
  });

  it('builds a policy definition with one checklist item per non-empty line', () => {
    expect(policyDefinition(' Press ', 'legal', 'Image rights cleared\n\n No forecasts ')).toEqual({
      name: 'Press',
      steps: [{ group: 'legal', signatures: 1 }],
      checklist: ['Image rights cleared', 'No forecasts'],
    });
  });

  it('finds the delegations a person holds now and describes them from either side', () => {
    const list = [delegation(), delegation({ delegationId: 'd2' }, false), delegation({ delegate: 'nora' })];
    expect(delegationsHeld(list, 'leo').map((d) => d.delegation.delegationId)).toEqual(['d1']);
    expect(describeDelegation(list[0], 'leo')).toBe('lena delegated signing for legal to you (in force)');
    expect(describeDelegation(delegation({ revokedAt: '2026-11-24T00:00:00Z' }, false), 'lena')).toBe(
      'You delegated signing for legal to leo (revoked)',
    );
  });

  it('signs approvals as a lead, or as a delegate while the server says the delegation is in force', () => {
    const person = (username: string, actions: Me['actions']): Me => ({
      username,
      roles: [],
      actions,
      passwordChangeRequired: false,
    });
    expect(signsApprovals(person('grace', ['APPROVE', 'READ']), [])).toBe(true);
    expect(signsApprovals(person('leo', ['SIGN_ON_BEHALF', 'READ']), [delegation()])).toBe(true);
    expect(signsApprovals(person('leo', ['SIGN_ON_BEHALF', 'READ']), [delegation({}, false)])).toBe(false);
    expect(signsApprovals(person('carla', ['READ']), [delegation()])).toBe(false);
    expect(signsApprovals(null, [delegation()])).toBe(false);
  });
});

describe('a step in the story\'s approvals', () => {
  const at = (iso: string) => iso.slice(11, 16);
  const approvals = [
    { step: 'communications', approvedBy: 'grace', contentVersion: 3, approvedAt: '2026-11-24T09:00:00Z' },
    { step: 'legal', approvedBy: 'leo', onBehalfOf: 'lena', contentVersion: 3, approvedAt: '2026-11-24T10:00:00Z' },
  ];

  it('names every signature, a delegate with the lead signed for, and says when more are needed', () => {
    expect(stepState('legal', approvals, false, at)).toBe('approved by leo for lena, 10:00');
    expect(stepState('communications', approvals, true, at)).toBe('signed by grace, 09:00 — more signatures pending');
    expect(stepState('brand', approvals, true, at)).toBe('pending');
  });
});
