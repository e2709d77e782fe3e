import { describe, expect, it } from 'vitest';
import { calendarCsvPath, calendarQuery } from '../api/endpoints';
import { filenameFrom } from '../api/http';
import type { CalendarFilters } from '../api/types';
import { configureTime } from '../time/format';
import { csvFilename, feedCoversFilters, feedUrl, lastDayOf } from './exports';

const none: CalendarFilters = { channels: [], desk: '', campaign: '', statuses: [] };
const WEEK = ['2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z'] as const;

describe('the CSV export', () => {
  it('asks for the range with every filter that is set, repeating channels and statuses', () => {
    expect(calendarCsvPath(...WEEK, none)).toBe(
      '/api/calendar/export.csv?from=2027-03-01T00%3A00%3A00Z&to=2027-03-08T00%3A00%3A00Z',
    );
    const path = calendarCsvPath(...WEEK, {
      channels: ['linkedin', 'press-release'],
      desk: ' HR ',
      campaign: 'employer-branding-2027',
      statuses: ['PLANNED', 'SCHEDULED'],
    });
    const params = new URLSearchParams(path.split('?')[1]);
    expect(params.getAll('channel')).toEqual(['linkedin', 'press-release']);
    expect(params.getAll('status')).toEqual(['PLANNED', 'SCHEDULED']);
    expect(params.get('desk')).toBe('HR');
    expect(params.get('campaign')).toBe('employer-branding-2027');
    expect(calendarQuery(...WEEK, { ...none, source: 'story-1' })).toContain('source=story-1');
  });

  it('names the file after the newsroom days in view, in the newsroom zone', () => {
    configureTime({ zone: 'Europe/Berlin' });
    try {
      // Berlin's week of 1 March 2027 starts at 23:00 UTC the day before
      expect(csvFilename('2027-02-28T23:00:00Z', '2027-03-07T23:00:00Z', none)).toBe(
        'newsroom-calendar_2027-03-01-to-2027-03-07.csv',
      );
    } finally {
      configureTime({ zone: 'UTC' });
    }
  });

  it('names the file after the days in view (the end is exclusive) and the filters', () => {
    expect(lastDayOf(...WEEK)).toBe('2027-03-07');
    expect(csvFilename(...WEEK, none)).toBe('newsroom-calendar_2027-03-01-to-2027-03-07.csv');
    expect(csvFilename('2027-03-04T00:00:00Z', '2027-03-05T00:00:00Z', none)).toBe('newsroom-calendar_2027-03-04.csv');
    expect(
      csvFilename(...WEEK, { channels: ['linkedin'], desk: 'HR desk', campaign: 'Employer Branding', statuses: ['PAUSED'] }),
    ).toBe('newsroom-calendar_2027-03-01-to-2027-03-07_employer-branding_hr-desk_linkedin_paused.csv');
    expect(csvFilename(...WEEK, { ...none, channels: ['a', 'b', 'c'] })).toBe(
      'newsroom-calendar_2027-03-01-to-2027-03-07_3-channels.csv',
    );
  });

  it('reads a server file name from Content-Disposition', () => {
    expect(filenameFrom('attachment; filename="newsroom-calendar-2027-03-01.csv"')).toBe('newsroom-calendar-2027-03-01.csv');
    expect(filenameFrom("attachment; filename*=UTF-8''caf%C3%A9.csv")).toBe('café.csv');
    expect(filenameFrom('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(filenameFrom(null)).toBeNull();
    expect(filenameFrom('inline')).toBeNull();
  });
});

describe('the iCalendar feed URL', () => {
  const url = 'http://newsroom.example/calendar.ics?token=abc';
  it('follows one channel and the campaign', () => {
    expect(feedUrl(url, none)).toBe(url);
    expect(feedUrl(url, { channels: ['linkedin'], campaign: ' launch-x ' })).toBe(
      'http://newsroom.example/calendar.ics?token=abc&channel=linkedin&campaign=launch-x',
    );
    expect(feedUrl(url, { channels: ['linkedin', 'x'], campaign: '' })).toBe(url);
    expect(feedUrl('/calendar.ics?token=abc', { channels: ['x'], campaign: '' })).toBe('/calendar.ics?token=abc&channel=x');
  });

  it('says when it cannot follow the filters', () => {
    expect(feedCoversFilters(none)).toBe(true);
    expect(feedCoversFilters({ ...none, channels: ['a'], campaign: 'c' })).toBe(true);
    expect(feedCoversFilters({ ...none, channels: ['a', 'b'] })).toBe(false);
    expect(feedCoversFilters({ ...none, statuses: ['PLANNED'] })).toBe(false);
    expect(feedCoversFilters({ ...none, desk: 'HR' })).toBe(false);
  });
});
