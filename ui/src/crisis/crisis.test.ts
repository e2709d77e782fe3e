import { describe, expect, it } from 'vitest';
import type { CrisisStatus } from '../api/types';
import { crisisAfter } from './crisis';

describe('crisisAfter', () => {
  const on = {
    position: 7,
    type: 'CrisisModeSwitchedOn',
    at: '2027-03-04T13:20:00Z',
    by: 'grace',
    event: { crisisId: 'c-1', reason: 'Plant incident', switchedOnBy: 'grace', switchedOnAt: '2027-03-04T13:20:00Z' },
  };

  it('turns the dashboard to crisis from the push alone', () => {
    const after = crisisAfter({ active: false, current: null, recent: [] }, on);
    expect(after?.active).toBe(true);
    expect(after?.current).toMatchObject({ crisisId: 'c-1', reason: 'Plant incident', switchedOnBy: 'grace' });
  });

  it('ends it and records who ended it, keeping who switched it on', () => {
    const during = crisisAfter(undefined, on) as CrisisStatus;
    const after = crisisAfter(during, {
      position: 9,
      type: 'CrisisModeEnded',
      at: '2027-03-05T08:00:00Z',
      by: 'lena',
      event: { crisisId: 'c-1', reason: 'Statement is out', endedBy: 'lena', endedAt: '2027-03-05T08:00:00Z' },
    });
    expect(after?.active).toBe(false);
    expect(after?.current).toBeNull();
    expect(after?.recent[0]).toMatchObject({ switchedOnBy: 'grace', endedBy: 'lena', endReason: 'Statement is out' });
  });

  it('leaves the crisis alone for a quiet-period push', () => {
    const current = { active: true, current: null, recent: [] };
    expect(crisisAfter(current, { position: 3, type: 'BlackoutPeriodLifted', at: 'x', event: {} })).toBe(current);
  });
});
