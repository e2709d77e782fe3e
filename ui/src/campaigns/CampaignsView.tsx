import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { fieldError, toProblem } from '../api/problem';
import type { Campaign, CampaignDefinition } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ProblemAlert, useToasts } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { formatDate } from '../time/format';
import { CAMPAIGN_ID_PATTERN, campaignIdFrom, campaignPeriod, upsertCampaign } from './campaigns';

// Campaigns: the business goals stories serve, each with its measure (KPI) and period. Everyone
// sees them; editors and governance leads (DEFINE_CAMPAIGN) define and edit them.

export function CampaignsView({ onShowOnCalendar }: { onShowOnCalendar(campaignId: string): void }) {
  const me = useMe();
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: api.campaigns, staleTime: 30_000 });
  const mayDefine = can(me, 'DEFINE_CAMPAIGN');
  // null: no form; 'new': a new campaign; otherwise the campaign being edited.
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const list = [...(campaigns.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="campaigns-title" className="campaigns-view">
      <div className="view-head">
        <h1 id="campaigns-title">Campaigns</h1>
        {campaigns.isFetching && <span className="muted">Refreshing…</span>}
        {mayDefine && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="define-campaign">
            Define a campaign
          </button>
        )}
      </div>
      <p className="muted">Every story should serve a business goal: a campaign names the goal, how it is measured and when it runs.</p>
      <ProblemAlert error={campaigns.error} />
      {editing !== null && (
        <CampaignForm
          key={editing === 'new' ? 'new' : editing.campaignId}
          campaign={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {campaigns.isPending && <p>Loading campaigns…</p>}
      {campaigns.data && list.length === 0 && <p className="empty">No campaigns defined yet.</p>}
      {list.length > 0 && (
        <table className="data-table" data-testid="campaigns">
          <caption className="sr-only">Campaigns with goal, KPI and period</caption>
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">Goal</th>
              <th scope="col">KPI</th>
              <th scope="col">Period</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.campaignId} data-testid="campaign-row" data-campaign-id={c.campaignId}>
                <th scope="row">
                  {c.name}
                  <div className="muted mono">{c.campaignId}</div>
                </th>
                <td>{c.goal || '—'}</td>
                <td>{c.kpi || '—'}</td>
                <td>{campaignPeriod(c, formatDate)}</td>
                <td className="row-actions">
                  <button type="button" className="link" onClick={() => onShowOnCalendar(c.campaignId)}>
                    Show on calendar<span className="sr-only">: {c.name}</span>
                  </button>
                  {mayDefine && (
                    <button type="button" onClick={() => setEditing(c)} aria-label={`Edit campaign ${c.name}`}>
                      Edit
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CampaignForm({ campaign, onDone }: { campaign: Campaign | null; onDone(): void }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [name, setName] = useState(campaign?.name ?? '');
  const [campaignId, setCampaignId] = useState(campaign?.campaignId ?? '');
  const [idTouched, setIdTouched] = useState(campaign !== null);
  const [goal, setGoal] = useState(campaign?.goal ?? '');
  const [kpi, setKpi] = useState(campaign?.kpi ?? '');
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const save = useMutation({
    mutationFn: ({ id, definition }: { id: string; definition: CampaignDefinition }) => api.defineCampaign(id, definition),
    onSuccess: (saved, { id, definition }) => {
      // The list is a read model that may lag the command by a moment: show the answer right away.
      queryClient.setQueryData<Campaign[]>(keys.campaigns, (list) =>
        upsertCampaign(list, saved?.campaignId ? saved : { campaignId: id, ...definition }),
      );
      toasts.success(`Campaign “${saved?.name ?? name}” ${campaign ? 'updated' : 'defined'}`);
      onDone();
    },
  });
  const problem = save.error ? toProblem(save.error) : null;
  const shownId = idTouched ? campaignId : campaignIdFrom(name);
  const prefix = 'campaign-form';

  function submit(event: FormEvent) {
    event.preventDefault();
    const blank = (v: string) => (v.trim() === '' ? null : v.trim());
    save.mutate({
      id: shownId.trim(),
      definition: { name: name.trim(), goal: blank(goal), kpi: blank(kpi), startsOn: blank(startsOn), endsOn: blank(endsOn) },
    });
  }

  const err = (field: string) => {
    const message = fieldError(problem, field);
    return message ? (
      <span className="field-error" id={`${prefix}-${field}-error`}>
        {message}
      </span>
    ) : null;
  };

  return (
    <form className="card campaign-form" onSubmit={submit} aria-labelledby={`${prefix}-title`} data-testid="campaign-form">
      <h2 id={`${prefix}-title`}>{campaign ? `Edit campaign ${campaign.name}` : 'Define a campaign'}</h2>
      <fieldset disabled={save.isPending}>
        <div className="grid-2">
          <div>
            <label htmlFor={`${prefix}-name`}>Name</label>
            <input id={`${prefix}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            {err('name')}
          </div>
          <div>
            <label htmlFor={`${prefix}-id`}>Campaign id</label>
            <input
              id={`${prefix}-id`}
              required
              readOnly={campaign !== null}
              pattern={CAMPAIGN_ID_PATTERN}
              maxLength={80}
              value={shownId}
              onChange={(e) => {
                setIdTouched(true);
                setCampaignId(e.target.value);
              }}
              aria-describedby={`${prefix}-id-help`}
            />
            <span id={`${prefix}-id-help`} className="hint">
              {campaign
                ? 'The id stories use; it cannot change.'
                : 'What stories name: lower-case letters, digits and dashes, e.g. employer-branding-2027.'}
            </span>
            {err('campaignId')}
          </div>
        </div>
        <label htmlFor={`${prefix}-goal`}>Goal — the business goal it serves</label>
        <textarea id={`${prefix}-goal`} rows={2} maxLength={2000} value={goal} onChange={(e) => setGoal(e.target.value)} />
        {err('goal')}
        <label htmlFor={`${prefix}-kpi`}>KPI — how it is measured</label>
        <input id={`${prefix}-kpi`} maxLength={2000} value={kpi} onChange={(e) => setKpi(e.target.value)} />
        {err('kpi')}
        <div className="grid-2">
          <div>
            <label htmlFor={`${prefix}-starts`}>Starts on</label>
            <input id={`${prefix}-starts`} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
            {err('startsOn')}
          </div>
          <div>
            <label htmlFor={`${prefix}-ends`}>Ends on</label>
            <input id={`${prefix}-ends`} type="date" min={startsOn || undefined} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
            {err('endsOn')}
          </div>
        </div>
      </fieldset>
      <ProblemAlert error={save.error} onDismiss={save.reset} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : campaign ? 'Save campaign' : 'Define campaign'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
