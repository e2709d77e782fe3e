import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { AuditFilters, Checkpoint, VerifyAnswer } from '../api/types';
import { saveBlob } from '../calendar/exports';
import { ProblemAlert } from '../feedback/Feedback';
import { formatInstant, fromZoneInput, toZoneInput } from '../time/format';
import { ZonedDateTimeInput } from '../time/ZonedDateTimeInput';
import { checkpointSays, COMMON_ACTIONS, EMPTY_AUDIT_FILTERS, isLastPage, storyTrail, subjectOf } from './audit';

// The audit for auditors and admins: search the whole record (who, when, what, where, which request, why),
// a story's full trail, CSV and JSON exports of any search, and the hash chain's verify with checkpoints.
// Every search and export is itself recorded by the server.

const PAGE_SIZE = 50;

export function AuditView({ onOpenStory }: { onOpenStory(storyId: string): void }) {
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [page, setPage] = useState(0);
  const search = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api.auditEvents(filters, page, PAGE_SIZE),
    placeholderData: (previous) => previous,
  });
  const exporting = useMutation({
    mutationFn: async (format: 'csv' | 'json') => {
      const { blob, filename } = await api.auditExport(filters, format);
      saveBlob(blob, filename ?? `newsroom-audit.${format}`);
    },
  });
  const show = (next: AuditFilters) => {
    setDraft(next);
    setFilters(next);
    setPage(0);
  };
  const set = (field: keyof AuditFilters) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const data = search.data;

  return (
    <section aria-labelledby="audit-title" className="audit-view">
      <div className="view-head">
        <h1 id="audit-title">Audit</h1>
        {search.isFetching && <span className="muted">Searching…</span>}
      </div>
      <form
        className="audit-filters"
        aria-label="Search the audit"
        onSubmit={(e) => {
          e.preventDefault();
          show(draft);
        }}
      >
        {(['person', 'story', 'channel', 'campaign'] as const).map((field) => (
          <span key={field} className="field">
            <label htmlFor={`audit-${field}`}>{field[0].toUpperCase() + field.slice(1)}</label>
            <input id={`audit-${field}`} value={draft[field]} onChange={(e) => set(field)(e.target.value)} />
          </span>
        ))}
        <span className="field">
          <label htmlFor="audit-action">Action</label>
          <input
            id="audit-action"
            list="audit-actions"
            value={draft.action}
            onChange={(e) => set('action')(e.target.value)}
          />
          <datalist id="audit-actions">
            {COMMON_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </span>
        <span className="field">
          <ZonedDateTimeInput
            id="audit-from"
            label="From"
            value={toZoneInput(draft.from)}
            onChange={(value) => set('from')(fromZoneInput(value) ?? '')}
          />
        </span>
        <span className="field">
          <ZonedDateTimeInput
            id="audit-to"
            label="Until"
            value={toZoneInput(draft.to)}
            onChange={(value) => set('to')(fromZoneInput(value) ?? '')}
          />
        </span>
        <button type="submit" className="primary" data-testid="audit-search">
          Search
        </button>
        <button type="button" onClick={() => show(EMPTY_AUDIT_FILTERS)}>
          Clear
        </button>
        <button type="button" onClick={() => exporting.mutate('csv')} data-testid="audit-export-csv">
          Export CSV
        </button>
        <button type="button" onClick={() => exporting.mutate('json')} data-testid="audit-export-json">
          Export JSON
        </button>
      </form>
      <ProblemAlert error={search.error} />
      <ProblemAlert error={exporting.error} />

      {data && (
        <>
          <p className="muted" data-testid="audit-total">
            {data.total} {data.total === 1 ? 'entry' : 'entries'}, newest first
            {filters.story && ' — the full trail of this story'}
          </p>
          <table className="audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Story</th>
                <th scope="col">Where</th>
                <th scope="col">Campaign</th>
                <th scope="col">Why</th>
                <th scope="col">Request</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr key={entry.entryId} data-testid="audit-entry">
                  <td>{formatInstant(entry.at)}</td>
                  <td>{entry.by}</td>
                  <td>{entry.action}</td>
                  <td>
                    {entry.storyId && (
                      <>
                        <button type="button" className="link" onClick={() => onOpenStory(entry.storyId!)}>
                          Open
                        </button>{' '}
                        <button
                          type="button"
                          className="link"
                          onClick={() => show(storyTrail(entry.storyId!))}
                          data-testid="audit-story-trail"
                        >
                          Full trail
                        </button>
                      </>
                    )}
                  </td>
                  <td>{subjectOf(entry)}</td>
                  <td>{entry.campaign}</td>
                  <td>{entry.reason}</td>
                  <td className="mono" title={`commit ${entry.position}`}>
                    {entry.correlationId?.slice(0, 8)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </button>
            <span className="muted">Page {page + 1}</span>
            <button type="button" disabled={isLastPage(data.total, page, PAGE_SIZE)} onClick={() => setPage(page + 1)}>
              Older
            </button>
          </div>
        </>
      )}
      <Verification />
    </section>
  );
}

/** Verify the hash chain, issue a checkpoint to keep, and verify against a kept one. */
function Verification() {
  const [kept, setKept] = useState('');
  const verify = useMutation({ mutationFn: api.verify });
  const against = useMutation({ mutationFn: (checkpoint: Checkpoint) => api.verifyAgainst(checkpoint) });
  const issue = useMutation({
    mutationFn: api.checkpoint,
    onSuccess: (checkpoint) =>
      saveBlob(new Blob([JSON.stringify(checkpoint, null, 2)], { type: 'application/json' }),
        `newsroom-checkpoint-${checkpoint.commit}.json`),
  });
  let parseError: string | null = null;
  let parsed: Checkpoint | null = null;
  if (kept.trim()) {
    try {
      parsed = JSON.parse(kept) as Checkpoint;
    } catch {
      parseError = 'Paste the checkpoint file as it was downloaded (JSON).';
    }
  }
  return (
    <section aria-labelledby="verify-title" className="audit-verify">
      <h2 id="verify-title">Is the record unaltered?</h2>
      <div className="actions">
        <button type="button" onClick={() => verify.mutate()} data-testid="audit-verify">
          Verify the record
        </button>
        <button type="button" onClick={() => issue.mutate()} data-testid="audit-checkpoint">
          Download a signed checkpoint
        </button>
      </div>
      <ProblemAlert error={verify.error ?? issue.error ?? against.error} />
      {verify.data && <VerifyResult answer={verify.data} />}
      <label htmlFor="audit-kept">A checkpoint you kept</label>
      <textarea id="audit-kept" rows={3} value={kept} onChange={(e) => setKept(e.target.value)} />
      {parseError && <p role="alert">{parseError}</p>}
      <button type="button" disabled={!parsed} onClick={() => parsed && against.mutate(parsed)}>
        Verify against it
      </button>
      {against.data && <VerifyResult answer={against.data} />}
    </section>
  );
}

function VerifyResult({ answer }: { answer: VerifyAnswer }) {
  return (
    <p role="status" className={answer.intact ? 'verify-ok' : 'verify-bad'} data-testid="audit-verify-result">
      {answer.intact
        ? `Intact: ${answer.commits} commits recomputed, head ${answer.head}.`
        : `Altered: ${answer.problem ?? answer.checkpoint?.problem} (first commit that does not match: ${
            answer.firstBadCommit ?? answer.checkpoint?.problem
          }).`}
      {answer.checkpoint && ` Checkpoint: ${checkpointSays(answer.checkpoint)}.`}
    </p>
  );
}
