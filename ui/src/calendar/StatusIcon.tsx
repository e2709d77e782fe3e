import type { ReactElement } from 'react';
import type { EntryStatus } from '../api/types';
import { ENTRY_STATUS_LOOK } from './mapping';

// One small icon per placement status, drawn inline (no icon font to load, renders in every browser).
// Together with the status name and the block's fill pattern it tells statuses apart without colour.

const PATHS: Record<EntryStatus, ReactElement> = {
  // a dashed ring: not yet approved
  PLANNED: <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="3 2.2" />,
  // a clock: goes out at its time
  SCHEDULED: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 4.5V8l2.5 1.8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  // a tick: gone out
  PUBLISHED: <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />,
  // two bars: held back
  PAUSED: (
    <>
      <rect x="4" y="3" width="3" height="10" rx="0.8" fill="currentColor" />
      <rect x="9" y="3" width="3" height="10" rx="0.8" fill="currentColor" />
    </>
  ),
  // a cross: will not go out
  CANCELLED: <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />,
};

/** The status icon; decorative (aria-hidden) because the status name is always written next to it or in the label. */
export function StatusIcon({ status }: { status: EntryStatus }) {
  return (
    <svg className={`status-icon status-icon-${status.toLowerCase()}`} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      {PATHS[status]}
    </svg>
  );
}

/** The legend above the calendar: each status with its icon, its pattern and what it means. */
export function StatusLegend() {
  return (
    <ul className="status-legend" aria-label="What the placement statuses mean" data-testid="status-legend">
      {(Object.keys(ENTRY_STATUS_LOOK) as EntryStatus[]).map((status) => (
        <li key={status}>
          <span className={`legend-swatch nr-status-${status.toLowerCase()}`} aria-hidden="true">
            <StatusIcon status={status} />
          </span>
          <strong>{ENTRY_STATUS_LOOK[status].label}</strong>
          <span className="muted"> — {ENTRY_STATUS_LOOK[status].meaning}</span>
        </li>
      ))}
    </ul>
  );
}
