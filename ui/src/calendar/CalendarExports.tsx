import { useEffect, useRef, useState, type Ref } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, calendarCsvPath } from '../api/endpoints';
import type { CalendarFilters } from '../api/types';
import { ProblemAlert, useToasts } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { CopyField } from '../shell/CopyField';
import { csvFilename, feedCoversFilters, feedUrl, saveBlob } from './exports';

// "Download CSV" of the range and filters in view, and "Subscribe in your calendar app": the
// personal iCalendar feed URL, to copy, and to rotate when it has leaked.

export function CalendarExports({
  range,
  filters,
  openFeed = false,
}: {
  range: { from: string; to: string } | null;
  filters: CalendarFilters;
  /** Open with the feed panel shown (the link from My account). */
  openFeed?: boolean;
}) {
  const toasts = useToasts();
  const csv = useMutation({
    mutationFn: async () => {
      if (!range) throw new Error('The calendar has no range yet');
      const { blob } = await api.calendarCsv(calendarCsvPath(range.from, range.to, filters));
      const name = csvFilename(range.from, range.to, filters);
      saveBlob(blob, name);
      return name;
    },
    onSuccess: (name) => toasts.success(`Downloaded ${name}`),
  });
  const [subscribing, setSubscribing] = useState(openFeed);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (openFeed) panel.current?.scrollIntoView({ block: 'nearest' });
  }, [openFeed]);

  return (
    <div className="exports" data-testid="calendar-exports">
      <div className="actions">
        <button type="button" onClick={() => csv.mutate()} disabled={!range || csv.isPending} data-testid="download-csv">
          {csv.isPending ? 'Preparing CSV…' : 'Download CSV'}
          <span className="sr-only"> of the placements in view, with the filters</span>
        </button>
        <button
          type="button"
          onClick={() => setSubscribing((s) => !s)}
          aria-expanded={subscribing}
          aria-controls="calendar-feed"
          data-testid="subscribe"
        >
          Subscribe in your calendar app…
        </button>
      </div>
      <ProblemAlert error={csv.error} onDismiss={csv.reset} />
      {subscribing && <FeedPanel filters={filters} panelRef={panel} />}
    </div>
  );
}

function FeedPanel({ filters, panelRef }: { filters: CalendarFilters; panelRef: Ref<HTMLElement> }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const feed = useQuery({ queryKey: keys.calendarFeed, queryFn: api.calendarFeed, staleTime: Infinity });
  const [narrow, setNarrow] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: api.rotateCalendarFeed,
    onSuccess: (fresh) => {
      queryClient.setQueryData(keys.calendarFeed, fresh);
      setConfirming(false);
      toasts.success('New feed address made; the old one no longer works');
    },
  });
  const filtered = filters.channels.length === 1 || !!filters.campaign.trim();
  const url = feed.data ? (narrow ? feedUrl(feed.data.url, filters) : feed.data.url) : '';

  return (
    <section id="calendar-feed" ref={panelRef} className="card feed-panel" aria-labelledby="feed-title" data-testid="feed-panel">
      <h2 id="feed-title">Subscribe in your calendar app</h2>
      <p className="muted">
        Add this address in Outlook, Google Calendar or Apple Calendar (“subscribe from URL” / “from internet”). It shows the
        last 30 and the next 90 days and updates by itself. The address is personal: it contains a key that works without
        your password, so do not share it.
      </p>
      <ProblemAlert error={feed.error} />
      {feed.isPending && <p>Getting your feed address…</p>}
      {feed.data && (
        <>
          <CopyField label="Your feed address" value={url} what="the feed address" testId="feed-url" />
          {filtered && (
            <label className="checkbox">
              <input type="checkbox" checked={narrow} onChange={(e) => setNarrow(e.target.checked)} />
              Only {[filters.channels.length === 1 ? `channel ${filters.channels[0]}` : '', filters.campaign.trim() ? `campaign ${filters.campaign.trim()}` : '']
                .filter(Boolean)
                .join(' and ')}
              , as filtered now
            </label>
          )}
          {!feedCoversFilters(filters) && (
            <p className="hint">The feed follows one channel and the campaign at most; desk, status and several channels are not part of it.</p>
          )}
        </>
      )}
      <div className="rotate">
        <p className="muted">
          Address leaked, or a device you no longer use still subscribed? Rotating makes a new address; <strong>every
          subscription with the old address stops updating</strong> and must be added again with the new one.
        </p>
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)} disabled={!feed.data}>
            Rotate the feed address…
          </button>
        ) : (
          <div className="actions" role="group" aria-label="Confirm rotating the feed address">
            <button type="button" className="danger" onClick={() => rotate.mutate()} disabled={rotate.isPending} data-testid="rotate-feed">
              Rotate: cut off old subscriptions
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep the current address
            </button>
          </div>
        )}
        <ProblemAlert error={rotate.error} onDismiss={rotate.reset} />
      </div>
    </section>
  );
}
