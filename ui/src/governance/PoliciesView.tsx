import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { ApprovalPolicy } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { formatInstant } from '../time/format';
import { describeSteps, formatSteps, policyDefinition } from './governance';

// Approval policies as versioned data: everybody reads them (the checklist an approver confirms comes from
// here); admins define a policy or its next version, which applies to stories submitted afterwards.

export function PoliciesView() {
  const me = useMe();
  const policies = useQuery({ queryKey: keys.policies, queryFn: api.policies });
  const [editing, setEditing] = useState<ApprovalPolicy | 'new' | null>(null);
  return (
    <section aria-labelledby="policies-title" className="policies-view">
      <div className="view-head">
        <h1 id="policies-title">Approval policies</h1>
        {can(me, 'MANAGE_APPROVAL_POLICIES') && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="define-policy">
            Define a policy
          </button>
        )}
      </div>
      <p className="muted">A new version applies to stories submitted afterwards; a story in review keeps the version it was submitted under.</p>
      <ProblemAlert error={policies.error} />
      {editing !== null && (
        <PolicyForm
          key={editing === 'new' ? 'new' : editing.policyId}
          policy={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <ul className="policies" data-testid="policies">
        {(policies.data ?? []).map(({ policy, allowedActions }) => (
          <li key={policy.policyId} className="card" data-testid="policy" data-policy-id={policy.policyId}>
            <h2>
              {policy.name} <span className="muted">({policy.policyId}, version {policy.version})</span>
            </h2>
            <p>Signed by: {describeSteps(policy.steps)}</p>
            {policy.checklist.length > 0 && (
              <ul aria-label={`Guidelines of ${policy.name}`}>
                {policy.checklist.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
            <p className="muted">
              Defined by {policy.definedBy} on {formatInstant(policy.definedAt)}; {policy.versions.length} version(s)
            </p>
            {allowedActions.includes('MANAGE_APPROVAL_POLICIES') && editing === null && (
              <button type="button" onClick={() => setEditing(policy)} aria-label={`New version of ${policy.name}`}>
                New version
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PolicyForm({ policy, onDone }: { policy: ApprovalPolicy | null; onDone(): void }) {
  const queryClient = useQueryClient();
  const [policyId, setPolicyId] = useState(policy?.policyId ?? '');
  const [name, setName] = useState(policy?.name ?? '');
  const [steps, setSteps] = useState(policy ? formatSteps(policy.steps) : 'communications');
  const [checklist, setChecklist] = useState(policy?.checklist.join('\n') ?? '');
  const save = useMutation({
    mutationFn: () => api.definePolicy(policyId.trim(), policyDefinition(name, steps, checklist)),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: keys.policies });
      queryClient.invalidateQueries({ queryKey: keys.channels });
      onDone();
    },
  });
  return (
    <form
      className="card stack"
      aria-label={policy ? `New version of ${policy.name}` : 'Define a policy'}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {!policy && (
        <label>
          Id
          <input required value={policyId} onChange={(e) => setPolicyId(e.target.value)} />
        </label>
      )}
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Steps, one per line: the group that signs, and “× 2” for two distinct signatures
        <textarea rows={3} value={steps} onChange={(e) => setSteps(e.target.value)} />
      </label>
      <label>
        Guideline checklist, one item per line
        <textarea rows={4} value={checklist} onChange={(e) => setChecklist(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save as new version
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ProblemAlert error={save.error} onDismiss={save.reset} />
    </form>
  );
}
