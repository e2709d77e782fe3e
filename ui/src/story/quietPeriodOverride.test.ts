import { describe, expect, it } from 'vitest';
import { ApiError, parseProblem } from '../api/problem';
import { newPlacementId, overridableRefusal, placementIdToOverride } from './quietPeriodOverride';

const period = (blackoutId: string, overridable: unknown) => ({
  blackoutId,
  name: `Period ${blackoutId}`,
  channelIds: [],
  startsAt: '2027-03-05T00:00:00Z',
  endsAt: '2027-03-06T00:00:00Z',
  overridable,
});
const refused = (body: Record<string, unknown>) =>
  new ApiError(parseProblem(409, { type: '/problems/rule-violation', rule: 'QuietPeriodInForce', placementId: 'x-1', ...body }));

describe('a plan refused by quiet periods', () => {
  it('is offered for overriding only when the server says every period may be overridden by this person', () => {
    expect(overridableRefusal(refused({ quietPeriods: [period('a', true), period('b', true)] }))).toEqual({
      placementId: 'x-1',
      periods: [expect.objectContaining({ blackoutId: 'a', channelIds: [] }), expect.objectContaining({ blackoutId: 'b' })],
    });
    expect(overridableRefusal(refused({ quietPeriods: [period('a', true), period('b', false)] }))).toBeUndefined();
    expect(overridableRefusal(refused({ quietPeriods: [period('a', 'yes')] })), 'only a real true counts').toBeUndefined();
    expect(overridableRefusal(refused({})), 'an older server that names no periods').toBeUndefined();
    expect(overridableRefusal(new ApiError(parseProblem(409, { rule: 'SlotBeforeEmbargo', quietPeriods: [period('a', true)] })))).toBeUndefined();
    expect(overridableRefusal(new Error('offline'))).toBeUndefined();
  });

  it('names the placement typed in the form, else the one the refusal named, else a new one like the server makes', () => {
    const refusal = { placementId: 'linkedin-1a2b3c4d', periods: [] };
    expect(placementIdToOverride(' teaser ', refusal, 'linkedin')).toBe('teaser');
    expect(placementIdToOverride('', refusal, 'linkedin')).toBe('linkedin-1a2b3c4d');
    expect(placementIdToOverride('', { periods: [] }, 'linkedin')).toMatch(/^linkedin-[0-9a-f]{8}$/);
    expect(newPlacementId('x')).not.toBe(newPlacementId('x'));
  });
});
