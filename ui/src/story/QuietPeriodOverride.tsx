import { useState } from 'react';
import type { HoldingQuietPeriod } from '../api/problem';

/**
 * Offered under a refused plan or move when the server said this person may override the quiet periods
 * that hold it: a required reason, then the override (for that placement) and the command again. Not a
 * form of its own, as it sits inside the form whose command was refused.
 */
export function QuietPeriodOverride({
  periods,
  verb,
  pending,
  id,
  onOverride,
}: {
  periods: HoldingQuietPeriod[];
  verb: 'plan' | 'move';
  pending: boolean;
  id: string;
  onOverride(reason: string): void;
}) {
  const [reason, setReason] = useState('');
  // the refusal above names the periods and their dates; this says what overriding does
  return (
    <div className="quiet-period-override card" data-testid="quiet-period-override-offer" data-periods={periods.map((q) => q.blackoutId).join(' ')}>
      <p>
        Override {periods.length === 1 ? 'it' : 'them'} for this placement: the reason is recorded in the story’s history and
        shown on the calendar.
      </p>
      <label htmlFor={`${id}-override-reason`}>Reason for the override</label>
      <input
        id={`${id}-override-reason`}
        // not `required`: that would also stop the surrounding form from being sent as it is
        aria-required="true"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="button"
        className="primary"
        disabled={pending || reason.trim() === ''}
        onClick={() => onOverride(reason.trim())}
      >
        {verb === 'plan' ? 'Override and plan' : 'Override and move'}
      </button>
    </div>
  );
}
