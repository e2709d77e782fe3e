import { useState } from 'react';
import { ENTRY_STATUSES, type CalendarFilters, type Channel, type EntryStatus } from '../api/types';
import { channelColour, channelIdOf, ENTRY_STATUS_LABELS } from './mapping';
import { StatusIcon } from './StatusIcon';

export const EMPTY_FILTERS: CalendarFilters = { channels: [], desk: '', campaign: '', statuses: [] };

/** How many filters narrow the calendar (shown on the collapsed panel). */
export function activeFilterCount(filters: CalendarFilters): number {
  return (
    filters.channels.length +
    filters.statuses.length +
    (filters.desk.trim() ? 1 : 0) +
    (filters.campaign.trim() ? 1 : 0)
  );
}

/** Wide screens show the filters open; on a tablet they fold away so the calendar stays in view. */
function startsOpen(): boolean {
  return typeof window === 'undefined' || typeof window.matchMedia !== 'function'
    ? true
    : window.matchMedia('(min-width: 1100px)').matches;
}

export function CalendarFiltersPanel({
  filters,
  setFilters,
  channels,
  campaignChoices,
}: {
  filters: CalendarFilters;
  setFilters(update: (current: CalendarFilters) => CalendarFilters): void;
  channels: Channel[];
  campaignChoices: { value: string; label: string }[];
}) {
  const [open, setOpen] = useState(startsOpen);
  const active = activeFilterCount(filters);

  const set = <K extends keyof CalendarFilters>(key: K, value: CalendarFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const toggleChannel = (id: string) =>
    setFilters((current) => ({
      ...current,
      channels: current.channels.includes(id) ? current.channels.filter((c) => c !== id) : [...current.channels, id],
    }));
  // Kept in the contract's order, so the query (and its cache key) does not depend on click order.
  const toggleStatus = (status: EntryStatus) =>
    setFilters((current) => ({
      ...current,
      statuses: ENTRY_STATUSES.filter((s) => (s === status ? !current.statuses.includes(s) : current.statuses.includes(s))),
    }));

  return (
    <details className="filters" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="calendar-filters">
      <summary>
        Filters{' '}
        <span className="muted" data-testid="active-filters">
          {active === 0 ? '(none)' : `(${active} active)`}
        </span>
      </summary>
      <fieldset aria-describedby="filters-help">
        <legend className="sr-only">Filters</legend>
        <p id="filters-help" className="sr-only">
          Narrow the calendar by channel, desk, campaign and status. Each channel has its own colour.
        </p>
        <div className="channel-filter" role="group" aria-label="Channels">
          {channels.map((channel) => {
            const id = channelIdOf(channel);
            const checked = filters.channels.includes(id);
            return (
              <label key={id} className={`channel-chip ${checked ? 'on' : ''}`}>
                <input type="checkbox" checked={checked} onChange={() => toggleChannel(id)} />
                <span className="channel-swatch" style={{ background: channelColour(id) }} aria-hidden="true" />
                {channel.name}
              </label>
            );
          })}
        </div>
        <div className="filter-row">
          <label>
            Desk
            <input value={filters.desk} onChange={(e) => set('desk', e.target.value)} placeholder="any desk" name="desk" />
          </label>
          <label>
            Campaign
            <select value={filters.campaign} onChange={(e) => set('campaign', e.target.value)} name="campaign" aria-label="Campaign">
              <option value="">any campaign</option>
              {campaignChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <div className="channel-filter status-filter" role="group" aria-label="Statuses">
            {ENTRY_STATUSES.map((status) => {
              const checked = filters.statuses.includes(status);
              return (
                <label key={status} className={`channel-chip ${checked ? 'on' : ''}`}>
                  <input type="checkbox" checked={checked} onChange={() => toggleStatus(status)} />
                  <StatusIcon status={status} />
                  {ENTRY_STATUS_LABELS[status]}
                </label>
              );
            })}
          </div>
          <button type="button" onClick={() => setFilters(() => EMPTY_FILTERS)}>
            Clear filters
          </button>
        </div>
      </fieldset>
    </details>
  );
}
