import type { CalendarEntry, Campaign } from '../api/types';

// Campaigns: ids, periods, the campaign choices of the calendar filter and the placements grouped
// by campaign. Pure functions, unit-tested.

/** The server's rule for a campaign id: lower-case letters, digits and dashes, at most 80. */
export const CAMPAIGN_ID_PATTERN = '[a-z0-9][a-z0-9\\-]{0,79}';
const CAMPAIGN_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function isCampaignId(value: string): boolean {
  return CAMPAIGN_ID.test(value);
}

/** A campaign id suggested from its name: "Employer branding 2027" → "employer-branding-2027". */
export function campaignIdFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** "1 Mar 2027 – 30 Jun 2027", "from 1 Mar 2027", "until …", or "open-ended". */
export function campaignPeriod(campaign: Pick<Campaign, 'startsOn' | 'endsOn'>, format: (date: string) => string = (d) => d): string {
  const { startsOn, endsOn } = campaign;
  if (startsOn && endsOn) return `${format(startsOn)} – ${format(endsOn)}`;
  if (startsOn) return `from ${format(startsOn)}`;
  if (endsOn) return `until ${format(endsOn)}`;
  return 'open-ended';
}

/** Whether a campaign runs on this date (YYYY-MM-DD); open ends count as running. */
export function campaignRunsOn(campaign: Pick<Campaign, 'startsOn' | 'endsOn'>, date: string): boolean {
  return (!campaign.startsOn || campaign.startsOn <= date) && (!campaign.endsOn || date <= campaign.endsOn);
}

export interface CampaignOption {
  value: string;
  label: string;
}

/**
 * The choices of the calendar's campaign filter: the defined campaigns by name, then campaign ids
 * stories use without a definition (free text), and the current choice even when neither has it.
 */
export function campaignOptions(campaigns: Campaign[] | undefined, entries: CalendarEntry[], current: string): CampaignOption[] {
  const options = [...(campaigns ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => ({ value: c.campaignId, label: c.name === c.campaignId ? c.name : `${c.name} (${c.campaignId})` }));
  const known = new Set(options.map((o) => o.value));
  const extra = new Set<string>();
  for (const entry of entries) if (entry.campaign && !known.has(entry.campaign)) extra.add(entry.campaign);
  if (current && !known.has(current)) extra.add(current);
  return [...options, ...[...extra].sort().map((value) => ({ value, label: `${value} (not defined)` }))];
}

export interface CampaignGroup {
  /** The campaign id, or '' for placements without a campaign. */
  campaignId: string;
  label: string;
  campaign?: Campaign;
  entries: CalendarEntry[];
}

/**
 * Placements grouped by campaign: defined campaigns by name, then undefined ids, then "No campaign";
 * within a group by slot.
 */
export function groupByCampaign(entries: CalendarEntry[], campaigns: Campaign[] | undefined): CampaignGroup[] {
  const byId = new Map((campaigns ?? []).map((c) => [c.campaignId, c]));
  const groups = new Map<string, CampaignGroup>();
  for (const entry of entries) {
    const id = entry.campaign?.trim() ?? '';
    let group = groups.get(id);
    if (!group) {
      const campaign = byId.get(id);
      group = { campaignId: id, label: id === '' ? 'No campaign' : (campaign?.name ?? id), campaign, entries: [] };
      groups.set(id, group);
    }
    group.entries.push(entry);
  }
  const rank = (g: CampaignGroup) => (g.campaignId === '' ? 2 : g.campaign ? 0 : 1);
  return [...groups.values()]
    .map((g) => ({ ...g, entries: [...g.entries].sort((a, b) => a.slot.localeCompare(b.slot)) }))
    .sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
}

/** The list with this campaign added or replaced (by id). */
export function upsertCampaign(list: Campaign[] | undefined, campaign: Campaign): Campaign[] {
  const current = list ?? [];
  return current.some((c) => c.campaignId === campaign.campaignId)
    ? current.map((c) => (c.campaignId === campaign.campaignId ? campaign : c))
    : [...current, campaign];
}
