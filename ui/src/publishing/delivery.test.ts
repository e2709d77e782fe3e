import { describe, expect, it } from 'vitest';
import type { Placement } from '../api/types';
import { placementButtons } from '../auth/permissions';
import { deliveryBadge, heldText, publisherName } from './delivery';

const base: Placement = { placementId: 'p1', channelId: 'newsletter', slot: '2027-03-04T09:00:00Z', text: 'x', status: 'PUBLISHED' };

describe('delivery on the placement', () => {
  it('shows a failed delivery red with the attempts and the last error', () => {
    const badge = deliveryBadge({ ...base, delivery: 'FAILED', deliveryAttempts: 8, deliveryDetail: 'HTTP 503' });
    expect(badge).toEqual({ text: 'Delivery failed', tone: 'failed', title: 'Gave up after 8 attempts (HTTP 503)' });
  });

  it('shows nothing when the channel has no connector', () => {
    expect(deliveryBadge({ ...base, delivery: 'NONE' })).toBeNull();
    expect(deliveryBadge(base)).toBeNull();
  });

  it('offers redelivery exactly when the server allows it', () => {
    expect(placementButtons({ ...base, delivery: 'FAILED', allowedActions: ['REDELIVER_PLACEMENT'] }).redeliver).toBe(true);
    expect(placementButtons({ ...base, delivery: 'FAILED', allowedActions: [] }).redeliver).toBe(false);
  });

  it('names the scheduler as such and a person by name', () => {
    const nameOf = (u: string) => (u === 'eddie' ? 'Eddie Editor' : u);
    expect(publisherName('system:scheduler', nameOf)).toBe('Newsroom at its slot (automatic)');
    expect(publisherName('eddie', nameOf)).toBe('Eddie Editor');
  });

  it('says why a placement was held', () => {
    expect(heldText({ ...base, status: 'PLANNED', heldFor: 'MissedSlotHeld' })).toMatch(/slot passed while Newsroom was down/);
    expect(heldText({ ...base, status: 'PLANNED', heldFor: 'RequiredApprovalsMissing', heldReason: 'lacks legal' })).toBe(
      'Not published at its slot (RequiredApprovalsMissing): lacks legal',
    );
    expect(heldText(base)).toBeNull();
  });
});
