import { SCHEDULER, type Placement } from '../api/types';

// How a placement's automatic publication and delivery read on the dashboard.

export interface DeliveryBadge {
  text: string;
  /** The CSS modifier: failed is red, retrying amber, delivered green. */
  tone: 'failed' | 'retrying' | 'delivered' | 'pending';
  title?: string;
}

/** The badge for the placement's delivery to its channel's system; null when there is nothing to deliver. */
export function deliveryBadge(placement: Placement): DeliveryBadge | null {
  const attempts = placement.deliveryAttempts ?? 0;
  const detail = placement.deliveryDetail ? ` (${placement.deliveryDetail})` : '';
  switch (placement.delivery) {
    case 'FAILED':
      return { text: 'Delivery failed', tone: 'failed', title: `Gave up after ${attempts} attempts${detail}` };
    case 'RETRYING':
      return { text: 'Delivery retrying', tone: 'retrying', title: `Attempt ${attempts} failed${detail}; trying again` };
    case 'DELIVERED':
      return { text: 'Delivered', tone: 'delivered', title: attempts > 1 ? `after ${attempts} attempts` : undefined };
    case 'PENDING':
      return { text: 'Delivery requested', tone: 'pending' };
    default:
      return null;
  }
}

/** Who published it, in words: the scheduler is named as such, never as a person. */
export function publisherName(publishedBy: string, nameOf: (username: string) => string): string {
  return publishedBy === SCHEDULER ? 'Newsroom at its slot (automatic)' : nameOf(publishedBy);
}

/** Why automatic publication left the placement to an editor, in words. */
export function heldText(placement: Placement): string | null {
  if (!placement.heldFor) return null;
  if (placement.heldFor === 'MissedSlotHeld') {
    return 'Not published: its slot passed while Newsroom was down. Publish or reschedule it.';
  }
  return `Not published at its slot (${placement.heldFor})${placement.heldReason ? `: ${placement.heldReason}` : ''}`;
}
