import type { CalendarFilters } from '../api/types';
import { dayInZone } from '../time/format';

// The calendar's exports: a CSV file of the range in view (with its filters) and the personal
// iCalendar feed URL. Pure functions, unit-tested; the download itself is saveBlob.

/** The newsroom day a range starts on. */
export function firstDayOf(from: string): string {
  return dayInZone(from);
}

/** The last newsroom day of a range whose `to` is exclusive (a week view ends at next Monday 00:00). */
export function lastDayOf(from: string, to: string): string {
  const end = new Date(new Date(to).getTime() - 1);
  const start = new Date(from);
  return dayInZone(end.getTime() < start.getTime() ? start : end);
}

/** A file-name-safe slug: "press-release", "employer-branding-2027". */
function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/**
 * "newsroom-calendar-2027-03-01-to-2027-03-07.csv", with the filters that narrow it (campaign,
 * desk, up to two channels, statuses) so two downloads of one week do not look the same.
 */
export function csvFilename(from: string, to: string, filters: CalendarFilters): string {
  const first = firstDayOf(from);
  const last = lastDayOf(from, to);
  const parts = ['newsroom-calendar', first === last ? first : `${first}-to-${last}`];
  if (filters.campaign.trim()) parts.push(slug(filters.campaign));
  if (filters.desk.trim()) parts.push(slug(filters.desk));
  if (filters.channels.length > 0) {
    parts.push(filters.channels.length <= 2 ? filters.channels.map(slug).join('-') : `${filters.channels.length}-channels`);
  }
  if (filters.statuses.length > 0) parts.push(filters.statuses.map((s) => s.toLowerCase()).join('-'));
  return `${parts.filter(Boolean).join('_')}.csv`;
}

/**
 * The feed URL for a calendar app, narrowed like the calendar where the feed can follow: one channel
 * (the feed takes at most one) and the campaign.
 */
export function feedUrl(url: string, filters: Pick<CalendarFilters, 'channels' | 'campaign'>): string {
  const parsed = new URL(url, 'http://placeholder.invalid');
  if (filters.channels.length === 1) parsed.searchParams.set('channel', filters.channels[0]);
  if (filters.campaign.trim()) parsed.searchParams.set('campaign', filters.campaign.trim());
  return parsed.origin === 'http://placeholder.invalid' ? `${parsed.pathname}${parsed.search}` : parsed.toString();
}

/** Whether the feed can follow the calendar's filters exactly (it cannot: several channels, desk, status). */
export function feedCoversFilters(filters: CalendarFilters): boolean {
  return filters.channels.length <= 1 && !filters.desk.trim() && filters.statuses.length === 0 && !filters.source;
}

/** Saves a fetched file through a temporary link (the export needs credentials a plain link lacks). */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
