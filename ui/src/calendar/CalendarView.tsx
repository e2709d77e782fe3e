import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import type { DatesSetArg, EventDropArg, EventMountArg } from '@fullcalendar/core';
import { api } from '../api/endpoints';
import type { Blackout, CalendarEntry, CalendarFilters } from '../api/types';
import { campaignOptions } from '../campaigns/campaigns';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ProblemAlert, useToasts } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { applyStory } from '../live/cache';
import { useLive } from '../live/LiveProvider';
import { useStoryCommandQueue } from '../story/commands/useStoryCommand';
import { formatInstant, fromZoneInput, newsroomZone, toInstant, userLocale, zoneLabel } from '../time/format';
import { ZonedDateTimeInput } from '../time/ZonedDateTimeInput';
import { CalendarExports } from './CalendarExports';
import { renderEvent } from './CalendarEvent';
import { CalendarFiltersPanel, EMPTY_FILTERS } from './CalendarFiltersPanel';
import { EntryList } from './EntryList';
import { blackoutLabel, channelIdOf, normaliseBlackouts, toEvents } from './mapping';
import { StatusLegend } from './StatusIcon';

// The shared calendar. It runs in the newsroom's time zone (Luxon plugin) and writes dates the way the
// user's locale does; the week and day grids cover the whole day (00:00–24:00, scrolled to the
// working hours), so a placement at 23:30 or 00:01 is on the grid like any other.

/** Where the week and day grids open: the start of the working day; earlier hours are a scroll away. */
const WORKING_DAY_STARTS = '07:00:00';
/** The week and day grids scroll inside a frame that fits the screen; month and list grow with their content. */
const GRID_HEIGHT = 'clamp(24rem, calc(100vh - 9rem), 56rem)';

export function CalendarView({
  onOpenStory,
  date,
  campaign,
  feed = false,
}: {
  onOpenStory(storyId: string): void;
  date: string | null;
  /** A campaign to filter by (from the campaigns view). */
  campaign?: string | null;
  /** Open with the calendar feed panel shown (from My account). */
  feed?: boolean;
}) {
  const me = useMe();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const commands = useStoryCommandQueue();
  const { observeSnapshot } = useLive();
  const calendarRef = useRef<FullCalendar>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [viewType, setViewType] = useState('timeGridWeek');
  const [filters, setFilters] = useState<CalendarFilters>(() => ({ ...EMPTY_FILTERS, campaign: campaign ?? '' }));
  const [grouped, setGrouped] = useState(false);
  const [goTo, setGoTo] = useState(date ?? '');
  // Time travel: the wall-clock time typed (newsroom zone) and the instant it means; empty for now.
  const [asOfInput, setAsOfInput] = useState('');
  const asOf = asOfInput ? (fromZoneInput(asOfInput) ?? undefined) : undefined;
  const shownFilters = useMemo(() => ({ ...filters, asOf }), [filters, asOf]);
  const canReschedule = can(me, 'RESCHEDULE_PLACEMENT');

  const channels = useQuery({ queryKey: keys.channels, queryFn: api.channels, staleTime: Infinity });
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: api.campaigns, staleTime: 300_000, retry: false });
  const calendar = useQuery({
    queryKey: [...keys.calendarAll, range?.from, range?.to, shownFilters],
    queryFn: () => api.calendar(range!.from, range!.to, shownFilters),
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
    const where = entry.channelName ?? entry.channelId;
    try {
      // A drag decides on the story as it is now: read its version, then queue the move with the
      // person's other commands on that story.
      const story = await queryClient.fetchQuery({
        queryKey: keys.story(entry.storyId),
        queryFn: () => api.story(entry.storyId),
        staleTime: 0,
      });
      const updated = await commands.run(entry.storyId, story.version, (v) =>
        api.reschedule(entry.storyId, entry.placementId, slot, v),
      );
      applyStory(queryClient, updated);
      toasts.success(`Moved “${entry.title}” on ${where} to ${formatInstant(slot)}`);
    } catch (error) {
      info.revert();
      toasts.problem(error, `“${entry.title}” on ${where} could not be moved`);
    } finally {
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
    }
  }

  function onDatesSet(arg: DatesSetArg) {
    const from = toInstant(arg.start);
    const to = toInstant(arg.end);
    setRange((current) => (current?.from === from && current?.to === to ? current : { from, to }));
    setViewType(arg.view.type);
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

  const campaignChoices = campaignOptions(campaigns.data, entries, filters.campaign);

  return (
    <section aria-labelledby="calendar-title" className="calendar-view">
      <div className="view-head">
        <h1 id="calendar-title">Calendar</h1>
        <span className="muted zone-note" data-testid="calendar-zone">
          Times in {zoneLabel(range?.from)}
        </span>
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
        <form className="as-of" onSubmit={(e) => e.preventDefault()} aria-label="Time travel">
          <ZonedDateTimeInput id="calendar-as-of" label="As of" value={asOfInput} onChange={setAsOfInput} />
          {asOfInput && (
            <button type="button" onClick={() => setAsOfInput('')} data-testid="calendar-as-of-now">
              Back to now
            </button>
          )}
        </form>
        <CalendarExports range={range} filters={shownFilters} openFeed={feed} />
      </div>
      {asOf && (
        <p className="notice" role="status" data-testid="calendar-as-of-note">
          The plan as it stood at {formatInstant(asOf)}, from the record. Nothing can be moved here.
        </p>
      )}

      <CalendarFiltersPanel
        filters={filters}
        setFilters={setFilters}
        channels={channels.data ?? []}
        campaignChoices={campaignChoices}
      />

      <ProblemAlert error={calendar.error} />
      <ProblemAlert error={channels.error} />

      <div className="calendar-frame" data-testid="calendar">
        <StatusLegend />
        <FullCalendar
          ref={calendarRef}
          plugins={[luxonPlugin, timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
          timeZone={newsroomZone()}
          locale={userLocale()}
          initialView="timeGridWeek"
          initialDate={date ?? undefined}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth,listWeek' }}
          buttonText={{ today: 'Today', day: 'Day', week: 'Week', month: 'Month', list: 'List' }}
          firstDay={1}
          nowIndicator
          allDaySlot={false}
          slotMinTime="00:00:00"
          slotMaxTime="24:00:00"
          scrollTime={WORKING_DAY_STARTS}
          scrollTimeReset={false}
          height={viewType.startsWith('timeGrid') ? GRID_HEIGHT : 'auto'}
          views={{
            timeGridWeek: { dayHeaderFormat: { weekday: 'short', day: 'numeric' } },
            timeGridDay: { dayHeaderFormat: { weekday: 'long', day: 'numeric', month: 'long' } },
            dayGridMonth: { dayHeaderFormat: { weekday: 'short' } },
          }}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit' }}
          displayEventEnd={false}
          eventDisplay="block"
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit' }}
          events={events}
          editable={canReschedule && !asOf}
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
          eventMinHeight={40}
          noEventsText="No placements in this range"
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
