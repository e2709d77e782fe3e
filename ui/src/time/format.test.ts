import { afterEach, describe, expect, it } from 'vitest';
import {
  configureTime,
  dayInZone,
  formatDate,
  formatInstant,
  formatTime,
  fromZoneInput,
  newsroomZone,
  toInstant,
  toZoneInput,
  validZone,
  zoneLabel,
} from './format';

afterEach(() => configureTime({ zone: 'UTC', locale: 'en-GB' }));

describe('times are typed and shown in the newsroom zone', () => {
  it('reads a typed time as a time in the newsroom zone, whatever zone the browser is in', () => {
    configureTime({ zone: 'Europe/Berlin' });
    expect(fromZoneInput('2027-03-04T09:00')).toBe('2027-03-04T08:00:00Z'); // CET = UTC+1
    expect(fromZoneInput('2027-07-01T09:00')).toBe('2027-07-01T07:00:00Z'); // CEST = UTC+2
    configureTime({ zone: 'America/New_York' });
    expect(fromZoneInput('2027-03-04T09:00')).toBe('2027-03-04T14:00:00Z');
  });

  it('fills an input with the newsroom wall-clock time and round-trips', () => {
    configureTime({ zone: 'Europe/Berlin' });
    expect(toZoneInput('2027-03-04T23:01:00Z')).toBe('2027-03-05T00:01');
    expect(fromZoneInput(toZoneInput('2027-10-31T04:30:00Z'))).toBe('2027-10-31T04:30:00Z'); // the day summer time ends
  });

  it('refuses empty or broken input', () => {
    expect(fromZoneInput('')).toBeNull();
    expect(fromZoneInput('not a date')).toBeNull();
    expect(toZoneInput(null)).toBe('');
    expect(toZoneInput('garbage')).toBe('');
  });

  it('knows which day an instant falls on in the newsroom (midnight embargoes)', () => {
    configureTime({ zone: 'Europe/Berlin' });
    expect(dayInZone('2027-03-04T23:30:00Z')).toBe('2027-03-05');
    configureTime({ zone: 'UTC' });
    expect(dayInZone('2027-03-04T23:30:00Z')).toBe('2027-03-04');
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    expect(validZone('Mars/Olympus_Mons')).toBe('UTC');
    configureTime({ zone: 'Mars/Olympus_Mons' });
    expect(newsroomZone()).toBe('UTC');
  });
});

describe('dates are written the way the user\'s locale writes them', () => {
  it('uses day-month order for en-GB and month-day for en-US, in the newsroom zone', () => {
    configureTime({ zone: 'Europe/Berlin', locale: 'en-GB' });
    const british = formatInstant('2027-03-04T08:00:00Z');
    expect(british).toMatch(/Thu,? 4 Mar 2027/);
    expect(british).toMatch(/09:00/);
    configureTime({ locale: 'en-US' });
    const american = formatInstant('2027-03-04T08:00:00Z');
    expect(american).toMatch(/Mar 4, 2027/);
    expect(american).toMatch(/09:00\sAM/);
    expect(formatTime('2027-03-04T08:00:00Z')).toMatch(/^09:00\sAM$/);
  });

  it('writes calendar dates without moving them to another day', () => {
    configureTime({ zone: 'Pacific/Honolulu', locale: 'en-GB' });
    expect(formatDate('2027-03-01')).toBe('1 Mar 2027');
    expect(formatDate(null)).toBe('—');
  });

  it('names the zone with its abbreviation at that moment', () => {
    configureTime({ zone: 'Europe/Berlin', locale: 'en-GB' });
    expect(zoneLabel('2027-01-10T12:00:00Z')).toBe('Europe/Berlin (CET)');
    expect(zoneLabel('2027-07-10T12:00:00Z')).toBe('Europe/Berlin (CEST)');
    configureTime({ zone: 'UTC' });
    expect(zoneLabel()).toBe('UTC');
  });

  it('shows a dash for nothing and the raw text for what is not a time', () => {
    expect(formatInstant(null)).toBe('—');
    expect(formatInstant('soon')).toBe('soon');
  });

  it('turns calendar Dates into instants without milliseconds', () => {
    expect(toInstant(new Date('2027-03-04T09:15:00.000Z'))).toBe('2027-03-04T09:15:00Z');
  });
});
