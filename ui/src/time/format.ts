import { DateTime } from 'luxon';

// The one place where the dashboard turns instants into text and typed times into instants.
// Instants travel as ISO-8601 UTC strings. People see and type times in the newsroom's time zone
// (the server's newsroom.calendar.time-zone, from GET /api/me), written the way their browser's
// locale writes dates. Luxon does the zone arithmetic (daylight saving included); Intl does the words.

interface TimeSettings {
  zone: string;
  locale: string;
}

function browserLocale(): string {
  if (typeof navigator !== 'undefined') return navigator.languages?.[0] ?? navigator.language ?? 'en';
  return new Intl.DateTimeFormat().resolvedOptions().locale;
}

/** Set at sign-in (see AuthContext); module state like the credentials in api/http.ts: one newsroom per tab. */
let settings: TimeSettings = { zone: 'UTC', locale: browserLocale() };
const formats = new Map<string, Intl.DateTimeFormat>();

/** A zone the browser knows, else UTC (an unknown id would make every Intl call throw). */
export function validZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  return DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

export function configureTime(next: { zone?: string | null; locale?: string | null }): void {
  settings = {
    zone: validZone(next.zone ?? settings.zone),
    locale: next.locale || settings.locale,
  };
  formats.clear();
}

/** The newsroom's time zone, e.g. "Europe/Berlin". */
export function newsroomZone(): string {
  return settings.zone;
}

/** The user's locale, e.g. "en-GB": the calendar formats its dates with it too. */
export function userLocale(): string {
  return settings.locale;
}

function format(key: string, options: Intl.DateTimeFormatOptions, zone = settings.zone): Intl.DateTimeFormat {
  const id = `${key}|${zone}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(settings.locale, { ...options, timeZone: zone });
    formats.set(id, f);
  }
  return f;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Thu, 4 Mar 2027, 09:00" (en-GB) or "Thu, Mar 4, 2027, 09:00 AM" (en-US), in the newsroom's zone. */
export function formatInstant(iso: string | null | undefined): string {
  const date = parse(iso);
  if (!date) return iso || '—';
  return format('dateTime', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The time of day of an instant in the newsroom's zone: "09:00" or "09:00 AM". */
export function formatTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? format('time', { hour: '2-digit', minute: '2-digit' }).format(date) : '—';
}

/** A calendar date (YYYY-MM-DD, no zone) for people, e.g. "1 Mar 2027". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : format('date', { day: 'numeric', month: 'short', year: 'numeric' }, 'UTC').format(d);
}

/** The zone for people: "Europe/Berlin (CET)"; at a given instant, so summer time shows as CEST. */
export function zoneLabel(at?: string | null): string {
  const zone = settings.zone;
  const when = parse(at) ?? new Date();
  const short = new Intl.DateTimeFormat(settings.locale, { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(when)
    .find((p) => p.type === 'timeZoneName')?.value;
  const name = zone.replace(/_/g, ' ');
  return short && short !== zone ? `${name} (${short})` : name;
}

/** ISO instant → value for <input type="datetime-local">, in the newsroom's zone. */
export function toZoneInput(iso: string | null | undefined): string {
  const date = parse(iso);
  if (!date) return '';
  return DateTime.fromJSDate(date, { zone: settings.zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/**
 * Value of <input type="datetime-local"> (a wall-clock time in the newsroom's zone) → ISO instant in
 * UTC; null when empty or invalid. A time that does not exist (skipped by the change to summer time)
 * moves forward as Luxon does.
 */
export function fromZoneInput(value: string): string | null {
  if (!value) return null;
  const time = DateTime.fromISO(value, { zone: settings.zone });
  return time.isValid ? time.toUTC().toISO({ suppressMilliseconds: true })!.replace(/\.000Z$/, 'Z') : null;
}

/** The calendar day (YYYY-MM-DD) of an instant in the newsroom's zone. */
export function dayInZone(iso: string | Date): string {
  const date = typeof iso === 'string' ? parse(iso) : iso;
  return date ? DateTime.fromJSDate(date, { zone: settings.zone }).toISODate()! : '';
}

/** A Date from the calendar (drag and drop, visible range) → ISO instant without milliseconds. */
export function toInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The instant a day (YYYY-MM-DD) ends in the newsroom's zone — the next day's 00:00 there — as an ISO
 * instant in UTC; null when the date is invalid. "Valid until 4 Mar" means through the whole of 4 Mar.
 */
export function endOfDayInZone(date: string): string | null {
  const day = DateTime.fromISO(date, { zone: settings.zone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return day.plus({ days: 1 }).startOf('day').toUTC().toISO({ suppressMilliseconds: true })!.replace(/\.000Z$/, 'Z');
}

/** The day (YYYY-MM-DD) `days` days after today in the newsroom's zone. */
export function dayFromToday(days: number, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: settings.zone }).plus({ days }).toISODate()!;
}
