import { describe, expect, it } from 'vitest';
import type { CalendarEntry, Campaign } from '../api/types';
import { campaignIdFrom, campaignOptions, campaignPeriod, campaignRunsOn, groupByCampaign, isCampaignId, upsertCampaign } from './campaigns';

const campaigns: Campaign[] = [
  { campaignId: 'employer-branding-2027', name: 'Employer branding 2027', kpi: 'Applications', startsOn: '2027-01-01', endsOn: '2027-12-31' },
  { campaignId: 'launch-x', name: 'Product launch X' },
];

function entry(id: string, slot: string, campaign: string | null): CalendarEntry {
  return { entryId: id, storyId: id, placementId: 'p', channelId: 'blog', slot, status: 'PLANNED', title: id, campaign };
}

describe('campaign ids', () => {
  it('are suggested from the name and checked like the server does', () => {
    expect(campaignIdFrom('Employer branding 2027')).toBe('employer-branding-2027');
    expect(campaignIdFrom('  Über — Café Launch! ')).toBe('uber-cafe-launch');
    expect(isCampaignId('employer-branding-2027')).toBe(true);
    expect(isCampaignId('Employer')).toBe(false);
    expect(isCampaignId('-x')).toBe(false);
    expect(isCampaignId('a'.repeat(81))).toBe(false);
  });
});

describe('campaign periods', () => {
  it('read as a range, an open end or open-ended', () => {
    expect(campaignPeriod({ startsOn: '2027-01-01', endsOn: '2027-12-31' })).toBe('2027-01-01 – 2027-12-31');
    expect(campaignPeriod({ startsOn: '2027-01-01' })).toBe('from 2027-01-01');
    expect(campaignPeriod({ endsOn: '2027-12-31' })).toBe('until 2027-12-31');
    expect(campaignPeriod({})).toBe('open-ended');
    expect(campaignRunsOn(campaigns[0], '2027-03-04')).toBe(true);
    expect(campaignRunsOn(campaigns[0], '2028-01-01')).toBe(false);
    expect(campaignRunsOn(campaigns[1], '2099-01-01')).toBe(true);
  });
});

describe('campaignOptions', () => {
  it('lists defined campaigns by name, then ids only stories use, then the current choice', () => {
    const options = campaignOptions(campaigns, [entry('a', '2027-03-04T09:00:00Z', 'summer-fest'), entry('b', '2027-03-04T10:00:00Z', 'launch-x')], 'old-one');
    expect(options.map((o) => o.value)).toEqual(['employer-branding-2027', 'launch-x', 'old-one', 'summer-fest']);
    expect(options[0].label).toBe('Employer branding 2027 (employer-branding-2027)');
    expect(options[3].label).toBe('summer-fest (not defined)');
  });
});

describe('groupByCampaign', () => {
  it('groups placements by campaign: defined first by name, then undefined ids, then none; each by slot', () => {
    const groups = groupByCampaign(
      [
        entry('late', '2027-03-05T09:00:00Z', 'launch-x'),
        entry('none', '2027-03-04T08:00:00Z', null),
        entry('free', '2027-03-04T08:00:00Z', 'summer-fest'),
        entry('early', '2027-03-04T09:00:00Z', 'launch-x'),
        entry('brand', '2027-03-06T09:00:00Z', 'employer-branding-2027'),
        entry('blank', '2027-03-03T09:00:00Z', '  '),
      ],
      campaigns,
    );
    expect(groups.map((g) => g.label)).toEqual(['Employer branding 2027', 'Product launch X', 'summer-fest', 'No campaign']);
    expect(groups[1].entries.map((e) => e.entryId)).toEqual(['early', 'late']);
    expect(groups[3].entries.map((e) => e.entryId)).toEqual(['blank', 'none']);
    expect(groups[0].campaign?.kpi).toBe('Applications');
    expect(groups[2].campaign).toBeUndefined();
  });

  it('is empty without entries', () => {
    expect(groupByCampaign([], campaigns)).toEqual([]);
  });
});

describe('upsertCampaign', () => {
  it('adds a new campaign and replaces an edited one', () => {
    const added = upsertCampaign(campaigns, { campaignId: 'new-one', name: 'New' });
    expect(added.map((c) => c.campaignId)).toEqual(['employer-branding-2027', 'launch-x', 'new-one']);
    const edited = upsertCampaign(added, { campaignId: 'launch-x', name: 'Launch X (renamed)' });
    expect(edited.find((c) => c.campaignId === 'launch-x')?.name).toBe('Launch X (renamed)');
    expect(edited).toHaveLength(3);
    expect(upsertCampaign(undefined, { campaignId: 'a', name: 'A' })).toHaveLength(1);
  });
});
