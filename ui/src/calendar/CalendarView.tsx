import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import type { DatesSetArg, EventContentArg, EventDropArg, EventMountArg } from '@fullcalendar/core';
import { api } from '../api/endpoints';
import {
  ENTRY_STATUSES,
  type Blackout,
  type CalendarEntry,
  type CalendarFilters,
  type Campaign,
  type Channel,
  type EntryStatus,
} from '../api/types';
import { campaignOptions, campaignPeriod, groupByCampaign } from '../campaigns/campaigns';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ProblemAlert, useToasts } from '../components/Feedback';
import { applyStory, keys } from '../live/cache';
import { useLive } from '../live/LiveProvider';
import { formatDate, formatInstant, toInstant } from '../time';
import { CalendarExports } from './CalendarExports';
import {
  blackoutLabel,
  channelColour,
  channelIdOf,
  collisionText,
  COLLISION_LABELS,
  ENTRY_STATUS_LABELS,
  entryLabel,
  hasCollisions,
  normaliseBlackouts,
  toEvents,
} from './mapping';

const EMPTY_FILTERS: CalendarFilters = { channels: [], desk: '', campaign: '', statuses: [] };

export function CalendarView({
  onOpenStory,
  date,
  campaign,
}: {
  onOpenStory(storyId: string): void;
  date: string | null;
  /** A campaign to filter by (from the campaigns view). */
  campaign?: string | null;
}) {
  const me = useMe();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const { observeSnapshot } = useLive();
  const calendarRef = useRef<FullCalendar>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [filters, setFilters] = useState<CalendarFilters>(() => ({ ...EMPTY_FILTERS, campaign: campaign ?? '' }));
  const [grouped, setGrouped] = useState(false);
  const [goTo, setGoTo] = useState(date ?? '');
  const canReschedule = can(me, 'RESCHEDULE_PLACEMENT');

  const channels = useQuery({ queryKey: keys.channels, queryFn: api.channels, staleTime: Infinity });
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: api.campaigns, staleTime: 300_000, retry: false });
  const calendar = useQuery({
    queryKey: [...keys.calendarAll, range?.from, range?.to, filters],
    queryFn: () => api.calendar(range!.from, range!.to, filters),
    enabled: range !== null,
    placeholderData: (previous) => previous,
  });
  useEffect(() => observeSnapshot(calendar.data?.position), [calendar.data?.position, observeSnapshot]);

  useEffect(() => {
    if (campaign) setFilters((current) => ({ ...current, campaign }));
  }, [campaign]);

  useEffect(() => {
    if (date) {
      setGoTo(date);
      calendarRef.current?.getApi().gotoDate(date);
    }
  }, [date]);

  const channelName = useMemo(() => {
    const names = new Map((channels.data ?? []).map((c) => [channelIdOf(c), c.name]));
    return (id: string) => names.get(id) ?? id;
  }, [channels.data]);

  const entries = calendar.data?.entries ?? [];
  const blackouts = useMemo(() => normaliseBlackouts(calendar.data?.blackouts), [calendar.data?.blackouts]);
  const events = useMemo(() => toEvents(entries, blackouts, canReschedule), [entries, blackouts, canReschedule]);

  async function onDrop(info: EventDropArg) {
    const entry = info.event.extendedProps.entry as CalendarEntry;
    const start = info.event.start;
    if (!entry || !start) {
      info.revert();
      return;
    }
    const slot = toInstant(start);
    try {
      const story = await queryClient.fetchQuery({
        queryKey: keys.story(entry.storyId),
        queryFn: () => api.story(entry.storyId),
        staleTime: 0,
      });
      const updated = await api.reschedule(entry.storyId, entry.placementId, slot, story.version);
      applyStory(queryClient, updated);
      toasts.success(`Moved “${entry.title}” on ${entry.channelName ?? entry.channelId} to ${formatInstant(slot)}`);
    } catch (error) {
      info.revert();
      toasts.problem(error, `Could not move “${entry.title}” on ${entry.channelName ?? entry.channelId}`);
    } finally {
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
    }
  }

  function onDatesSet(arg: DatesSetArg) {
    const from = toInstant(arg.start);
    const to = toInstant(arg.end);
    setRange((current) => (current?.from === from && current?.to === to ? current : { from, to }));
  }

  function onMount(arg: EventMountArg) {
    const props = arg.event.extendedProps as { kind: string; entry?: CalendarEntry; blackout?: Blackout };
    if (props.kind === 'entry' && props.entry) {
      // Labels and data attributes are kept current by renderEvent (the element is reused when
      // the entry changes); here only what never changes for an entry: keyboard access.
      const storyId = props.entry.storyId;
      if (!arg.el.hasAttribute('tabindex')) arg.el.setAttribute('tabindex', '0');
      arg.el.setAttribute('role', 'button');
      arg.el.onkeydown = (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpenStory(storyId);
        }
      };
    } else if (props.kind === 'blackout' && props.blackout) {
      const label = blackoutLabel(props.blackout, channelName);
      arg.el.setAttribute('title', label);
      arg.el.setAttribute('aria-label', label);
      arg.el.setAttribute('data-testid', 'calendar-blackout');
    }
  }

  function setFilter<K extends keyof CalendarFilters>(key: K, value: CalendarFilters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
  }

  function toggleChannel(id: string) {
    setFilters((current) => ({
      ...current,
      channels: current.channels.includes(id) ? current.channels.filter((c) => c !== id) : [...current.channels, id],
    }));
  }

  function toggleStatus(status: EntryStatus) {
    setFilters((current) => ({
      ...current,
      // Kept in the contract's order, so the query (and its cache key) does not depend on click order.
      statuses: ENTRY_STATUSES.filter((s) => (s === status ? !current.statuses.includes(s) : current.statuses.includes(s))),
    }));
  }

  const campaignChoices = campaignOptions(campaigns.data, entries, filters.campaign);

  return (
    <section aria-labelledby="calendar-title" className="calendar-view">
      <div className="view-head">
        <h1 id="calendar-title">Calendar</h1>
        {calendar.isFetching && <span className="muted">Refreshing…</span>}
        <form
          className="goto"
          onSubmit={(e) => {
            e.preventDefault();
            if (goTo) calendarRef.current?.getApi().gotoDate(goTo);
          }}
        >
          <label htmlFor="calendar-goto">Go to date</label>
          <input id="calendar-goto" type="date" value={goTo} onChange={(e) => setGoTo(e.target.value)} />
          <button type="submit">Go</button>
        </form>
      </div>

      <fieldset className="filters" aria-describedby="filters-help">
        <legend>Filters</legend>
        <p id="filters-help" className="sr-only">
          Narrow the calendar by channel, desk, campaign and status. Each channel has its own colour.
        </p>
        <div className="channel-filter" role="group" aria-label="Channels">
          {(channels.data ?? []).map((channel: Channel) => {
            const id = channelIdOf(channel);
            const checked = filters.channels.includes(id);
            return (
              <label key={id} className={`channel-chip ${checked ? 'on' : ''}`}>
                <input type="checkbox" checked={checked} onChange={() => toggleChannel(id)} />
                <span className="channel-swatch" style={{ background: channelColour(id) }} aria-hidden="true" />
                {channel.name}
              </label>
            );
          })}
        </div>
        <div className="filter-row">
          <label>
            Desk
            <input
              value={filters.desk}
              onChange={(e) => setFilter('desk', e.target.value)}
              placeholder="any desk"
              name="desk"
            />
          </label>
          <label>
            Campaign
            <select
              value={filters.campaign}
              onChange={(e) => setFilter('campaign', e.target.value)}
              name="campaign"
              aria-label="Campaign"
            >
              <option value="">any campaign</option>
              {campaignChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setFilters(EMPTY_FILTERS)}>
            Clear filters
          </button>
        </div>
        <div className="channel-filter status-filter" role="group" aria-label="Statuses">
          <span className="filter-caption" aria-hidden="true">
            Status
          </span>
          {ENTRY_STATUSES.map((status) => {
            const checked = filters.statuses.includes(status);
            return (
              <label key={status} className={`channel-chip ${checked ? 'on' : ''}`}>
                <input type="checkbox" checked={checked} onChange={() => toggleStatus(status)} />
                {ENTRY_STATUS_LABELS[status]}
              </label>
            );
          })}
          {filters.statuses.length === 0 && <span className="muted">any status</span>}
        </div>
      </fieldset>

      <CalendarExports range={range} filters={filters} />

      <ProblemAlert error={calendar.error} />
      <ProblemAlert error={channels.error} />

      <div className="calendar-frame" data-testid="calendar">
        <FullCalendar
          ref={calendarRef}
          plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin]}
          initialView="timeGridWeek"
          initialDate={date ?? undefined}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridWeek,dayGridMonth' }}
          buttonText={{ today: 'Today', week: 'Week', month: 'Month' }}
          firstDay={1}
          nowIndicator
          allDaySlot={false}
          slotMinTime="06:00:00"
          slotMaxTime="22:00:00"
          scrollTime="08:00:00"
          height="auto"
          expandRows
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          events={events}
          editable={canReschedule}
          eventDurationEditable={false}
          snapDuration="00:15:00"
          datesSet={onDatesSet}
          eventDrop={onDrop}
          eventDidMount={onMount}
          eventContent={renderEvent}
          eventClick={(arg) => {
            const entry = arg.event.extendedProps.entry as CalendarEntry | undefined;
            if (entry) {
              arg.jsEvent.preventDefault();
              onOpenStory(entry.storyId);
            }
          }}
          dayMaxEvents={4}
          eventMinHeight={46}
        />
      </div>

      <EntryList
        entries={entries}
        blackouts={blackouts}
        channelName={channelName}
        onOpenStory={onOpenStory}
        campaigns={campaigns.data}
        grouped={grouped}
        setGrouped={setGrouped}
      />
    </section>
  );
}

function renderEvent(arg: EventContentArg) {
  const entry = arg.event.extendedProps.entry as CalendarEntry | undefined;
  if (!entry) return <span className="blackout-title">{arg.event.title}</span>;
  return <EventBody entry={entry} timeText={arg.timeText} />;
}

/** The attributes of the event element (FullCalendar's <a>/<div>) as of this render. */
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
  };
}

function EventBody({ entry, timeText }: { entry: CalendarEntry; timeText: string }) {
  const attributes = entryAttributes(entry);
  return (
    <div
      className="nr-event"
      ref={(element) => {
        const host = element?.closest('.fc-event');
        if (host) Object.entries(attributes).forEach(([name, value]) => host.setAttribute(name, value));
      }}
    >
      {hasCollisions(entry) && (
        <span className="collision-badge" aria-hidden="true" title={collisionText(entry.collisions)}>
          ⚠
        </span>
      )}
      <span className="nr-event-time">{timeText}</span>{' '}
      <span className="nr-event-channel">{entry.channelName ?? entry.channelId}</span>
      <span className="nr-event-title">{entry.title}</span>
      {entry.status !== 'PLANNED' && <span className="nr-event-status">{ENTRY_STATUS_LABELS[entry.status]}</span>}
    </div>
  );
}

/** The same placements as a table: readable by screen readers and usable without a mouse. */
function EntryList({
  entries,
  blackouts,
  channelName,
  onOpenStory,
  campaigns,
  grouped,
  setGrouped,
}: {
  entries: CalendarEntry[];
  blackouts: Blackout[];
  channelName(id: string): string;
  onOpenStory(id: string): void;
  campaigns: Campaign[] | undefined;
  grouped: boolean;
  setGrouped(grouped: boolean): void;
}) {
  const sorted = [...entries].sort((a, b) => a.slot.localeCompare(b.slot));
  const groups = grouped ? groupByCampaign(entries, campaigns) : [];
  const row = (entry: CalendarEntry) => (
    <tr key={entry.entryId} className={hasCollisions(entry) ? 'row-collision' : ''} data-testid="entry-row" data-entry-id={entry.entryId}>
      <td>{formatInstant(entry.slot)}</td>
      <td>
        <span className="channel-swatch" style={{ background: channelColour(entry.channelId) }} aria-hidden="true" />
        {entry.channelName ?? channelName(entry.channelId)}
      </td>
      <td>
        <button type="button" className="link" onClick={() => onOpenStory(entry.storyId)}>
          {entry.title}
        </button>
      </td>
      <td>{ENTRY_STATUS_LABELS[entry.status] ?? entry.status}</td>
      <td>
        {(entry.collisions ?? []).map((c, i) => (
          <div key={i} className="collision-text">
            ⚠ {COLLISION_LABELS[c.kind] ?? c.kind}: {c.message}
          </div>
        ))}
      </td>
    </tr>
  );
  return (
    <details className="entry-list" open={sorted.length > 0 && (sorted.length <= 12 || grouped)}>
      <summary>
        Placements in view ({sorted.length}){blackouts.length > 0 && `, ${blackouts.length} quiet period(s)`}
      </summary>
      {blackouts.length > 0 && (
        <ul className="blackout-list">
          {blackouts.map((b) => (
            <li key={b.blackoutId}>
              {blackoutLabel(b, channelName)} — {formatInstant(b.from)} to {formatInstant(b.to)}
            </li>
          ))}
        </ul>
      )}
      <label className="checkbox group-toggle">
        <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} data-testid="group-by-campaign" />
        Group by campaign
      </label>
      <table data-testid="entry-table">
        <caption className="sr-only">
          Placements in the visible range{grouped ? ', grouped by campaign' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Slot</th>
            <th scope="col">Channel</th>
            <th scope="col">Story</th>
            <th scope="col">Status</th>
            <th scope="col">Collisions</th>
          </tr>
        </thead>
        {grouped ? (
          groups.map((group) => (
            <tbody key={group.campaignId || '(none)'} data-testid="campaign-group" data-campaign-id={group.campaignId}>
              <tr className="group-head">
                <th scope="rowgroup" colSpan={5}>
                  {group.label}{' '}
                  <span className="muted">
                    · {group.entries.length} placement{group.entries.length === 1 ? '' : 's'}
                    {group.campaign?.kpi ? ` · KPI: ${group.campaign.kpi}` : ''}
                    {group.campaign && (group.campaign.startsOn || group.campaign.endsOn)
                      ? ` · ${campaignPeriod(group.campaign, formatDate)}`
                      : ''}
                    {group.campaignId && !group.campaign ? ' · not a defined campaign' : ''}
                  </span>
                </th>
              </tr>
              {group.entries.map(row)}
            </tbody>
          ))
        ) : (
          <tbody>{sorted.map(row)}</tbody>
        )}
      </table>
    </details>
  );
}
