import type { Blackout, CalendarEntry, Campaign, EntryStatus } from '../api/types';
import { campaignPeriod, groupByCampaign } from '../campaigns/campaigns';
import { formatDate, formatInstant } from '../time/format';
import { blackoutLabel, channelColour, COLLISION_LABELS, ENTRY_STATUS_LABELS, hasCollisions } from './mapping';
import { StatusIcon } from './StatusIcon';

/** The same placements as a table: readable by screen readers and usable without a mouse. */
export function EntryList({
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
      <td className="status-cell">
        <StatusIcon status={entry.status as EntryStatus} /> {ENTRY_STATUS_LABELS[entry.status] ?? entry.status}
      </td>
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
      <div className="table-scroll">
        <table data-testid="entry-table">
          <caption className="sr-only">Placements in the visible range{grouped ? ', grouped by campaign' : ''}</caption>
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
      </div>
    </details>
  );
}
