import type { EventContentArg } from '@fullcalendar/core';
import type { CalendarEntry, EntryStatus } from '../api/types';
import { formatInstant } from '../time/format';
import { collisionText, ENTRY_STATUS_LABELS, entryLabel, hasCollisions } from './mapping';
import { StatusIcon } from './StatusIcon';

// What one placement looks like on the calendar (week, day, month and list views alike): its status
// as icon and word first, then time, channel and title.

export function renderEvent(arg: EventContentArg) {
  const entry = arg.event.extendedProps.entry as CalendarEntry | undefined;
  if (!entry) return <span className="blackout-title">{arg.event.title}</span>;
  return <EventBody entry={entry} timeText={arg.timeText} />;
}

/** The attributes of the event element (FullCalendar's <a>/<div>/<tr>) as of this render. */
function entryAttributes(entry: CalendarEntry): Record<string, string> {
  const label = entryLabel(entry, formatInstant);
  return {
    'aria-label': label,
    title: label,
    'data-testid': 'calendar-entry',
    'data-entry-id': entry.entryId,
    'data-story-id': entry.storyId,
    'data-channel-id': entry.channelId,
    'data-slot': entry.slot,
    'data-status': entry.status,
    'data-collisions': String(entry.collisions?.length ?? 0),
    'data-overrides': String(entry.quietPeriodOverrides?.length ?? 0),
  };
}

function EventBody({ entry, timeText }: { entry: CalendarEntry; timeText: string }) {
  const attributes = entryAttributes(entry);
  const status = entry.status as EntryStatus;
  return (
    <div
      className="nr-event"
      ref={(element) => {
        // The list view puts the content in a table cell: label the row, the element people click.
        const host = element?.closest('.fc-event, .fc-list-event');
        if (host) Object.entries(attributes).forEach(([name, value]) => host.setAttribute(name, value));
      }}
    >
      <span className="nr-event-head">
        <StatusIcon status={status} />
        <span className="nr-event-status">{ENTRY_STATUS_LABELS[status] ?? status}</span>
        {timeText && <span className="nr-event-time">{timeText}</span>}
        {hasCollisions(entry) && (
          <span className="collision-badge" aria-hidden="true" title={collisionText(entry.collisions)}>
            ⚠
          </span>
        )}
        {(entry.quietPeriodOverrides?.length ?? 0) > 0 && (
          <span className="override-badge" aria-hidden="true" title="Quiet period overridden by a governance lead">
            ✓
          </span>
        )}
      </span>
      <span className="nr-event-channel">{entry.channelName ?? entry.channelId}</span>
      <span className="nr-event-title">{entry.title}</span>
    </div>
  );
}
