import { describe, expect, it } from 'vitest';
import type { BlackoutView } from '../api/types';
import { blackoutRequest, blackoutState, canLift, channelsText, sortBlackouts } from './blackouts';

const now = new Date('2027-03-04T12:00:00Z');
const b = (id: string, startsAt: string, endsAt: string, lifted = false): BlackoutView => ({
  blackoutId: id,
  name: id,
  channelIds: [],
  startsAt,
  endsAt,
  lifted,
});

describe('quiet periods', () => {
  const active = b('active', '2027-03-04T00:00:00Z', '2027-03-05T00:00:00Z');
  const soon = b('soon', '2027-03-10T00:00:00Z', '2027-03-11T00:00:00Z');
  const sooner = b('sooner', '2027-03-06T00:00:00Z', '2027-03-07T00:00:00Z');
  const over = b('over', '2027-02-01T00:00:00Z', '2027-02-02T00:00:00Z');
  const lifted = b('lifted', '2027-03-04T00:00:00Z', '2027-03-05T00:00:00Z', true);

  it('know their state now and whether they can still be lifted', () => {
    expect([active, soon, over, lifted].map((x) => blackoutState(x, now))).toEqual(['active', 'upcoming', 'over', 'lifted']);
    expect([active, soon, over, lifted].map((x) => canLift(x, now))).toEqual([true, true, false, false]);
  });

  it('are listed in force first, then soonest upcoming, then over and lifted', () => {
    expect(sortBlackouts([lifted, over, soon, active, sooner], now).map((x) => x.blackoutId)).toEqual([
      'active',
      'sooner',
      'soon',
      'over',
      'lifted',
    ]);
  });

  it('name their channels, none meaning all', () => {
    expect(channelsText([])).toBe('All channels');
    expect(channelsText(['linkedin', 'x'], (id) => id.toUpperCase())).toBe('LINKEDIN, X');
  });
});

describe('blackoutRequest', () => {
  const form = { name: ' Q1 results ', channels: ['linkedin'], from: '2027-03-01T00:00:00Z', to: '2027-03-02T00:00:00Z', reason: ' quiet ' };
  it('makes the POST body, trimmed', () => {
    expect(blackoutRequest(form)).toEqual({
      name: 'Q1 results',
      channels: ['linkedin'],
      from: '2027-03-01T00:00:00Z',
      to: '2027-03-02T00:00:00Z',
      reason: 'quiet',
    });
  });

  it('says what is missing or wrong', () => {
    expect(blackoutRequest({ ...form, name: ' ' })).toMatch(/name/);
    expect(blackoutRequest({ ...form, from: null })).toMatch(/start/);
    expect(blackoutRequest({ ...form, to: '2027-03-01T00:00:00Z' })).toMatch(/after/);
    expect(blackoutRequest({ ...form, reason: '' })).toMatch(/why/i);
  });
});
