import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { ApiToken, NewApiToken } from '../api/types';
import { ProblemAlert, useToasts } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { SecretOnce } from '../shell/SecretOnce';
import { dayFromToday, endOfDayInZone, formatInstant, zoneLabel } from '../time/format';
import { DEFAULT_TOKEN_DAYS, sortTokens, tokenState } from './tokens';

// Personal API tokens: for a script or a tool that calls the newsroom's API as me, instead of my
// password. Made with a name and an expiry; the secret is shown once, right after it is made, and the
// dashboard keeps it nowhere; revoking stops it at once.

export function ApiTokens() {
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: api.tokens, retry: false });
  const queryClient = useQueryClient();
  const [made, setMade] = useState<NewApiToken | null>(null);
  const revokeMine = async (token: ApiToken) => {
    await api.revokeToken(token.id);
    queryClient.setQueryData<ApiToken[]>(keys.tokens, (list) => list?.filter((t) => t.id !== token.id));
  };
  const unavailable = tokens.error instanceof ApiError && tokens.error.status === 404;

  return (
    <section className="card account-section" aria-labelledby="tokens-title" data-testid="api-tokens">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted">
        A token lets a script or a tool use the newsroom’s API as you, without your password. Give each one a name that says
        where it is used, and revoke it when that use ends.
      </p>
      {unavailable ? (
        <p className="empty">This newsroom server does not offer API tokens yet.</p>
      ) : (
        <>
          {made ? (
            <SecretOnce label={`Your new token “${made.name}”`} value={made.token} what="the token" onDone={() => setMade(null)} testId="new-token">
              <p className="hint">
                Send it with each request as the header <code>Authorization: Bearer &lt;token&gt;</code>. It works until{' '}
                {made.expiresAt ? formatInstant(made.expiresAt) : 'you revoke it'}.
              </p>
            </SecretOnce>
          ) : (
            <NewTokenForm onMade={setMade} />
          )}
          <ProblemAlert error={tokens.error} />
          {tokens.isPending && <p>Loading your tokens…</p>}
          {tokens.data && <TokenList tokens={tokens.data} revoke={revokeMine} />}
        </>
      )}
    </section>
  );
}

function NewTokenForm({ onMade }: { onMade(token: NewApiToken): void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState(() => dayFromToday(DEFAULT_TOKEN_DAYS));
  const create = useMutation({
    mutationFn: () => api.createToken(name.trim(), endOfDayInZone(expires)),
    onSuccess: (token) => {
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
      setName('');
      onMade(token);
    },
  });

  return (
    <form
      className="token-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        create.mutate();
      }}
      data-testid="token-form"
    >
      <div className="grid-2">
        <div>
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            required
            maxLength={100}
            placeholder="e.g. weekly report script"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="token-expires">Valid until the end of</label>
          <input
            id="token-expires"
            type="date"
            required
            min={dayFromToday(0)}
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
            aria-describedby="token-expires-zone"
          />
          <span id="token-expires-zone" className="hint">
            {zoneLabel()}
          </span>
        </div>
      </div>
      <ProblemAlert error={create.error} onDismiss={create.reset} />
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Making the token…' : 'Make a token'}
        </button>
      </div>
    </form>
  );
}

/**
 * A list of API tokens (mine, or someone's for an admin or auditor). `revoke` is given where the viewer may
 * revoke them; each revocation is confirmed first.
 */
export function TokenList({
  tokens,
  revoke,
  empty = 'You have no API tokens.',
  caption = 'Your API tokens',
}: {
  tokens: ApiToken[];
  revoke?: (token: ApiToken) => Promise<void>;
  empty?: string;
  caption?: string;
}) {
  if (tokens.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="data-table" data-testid="token-list">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Made</th>
          <th scope="col">Valid until</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sortTokens(tokens).map((t) => (
          <TokenRow key={t.id} token={t} revoke={revoke} />
        ))}
      </tbody>
    </table>
  );
}

function TokenRow({ token, revoke }: { token: ApiToken; revoke?: (token: ApiToken) => Promise<void> }) {
  const toasts = useToasts();
  const [confirming, setConfirming] = useState(false);
  const revoking = useMutation({
    mutationFn: () => revoke!(token),
    onSuccess: () => toasts.success(`Token “${token.name}” revoked`),
  });
  const state = tokenState(token);
  return (
    <tr data-testid="token-row" data-token-id={token.id} className={state === 'active' ? undefined : 'token-expired'}>
      <th scope="row">{token.name}</th>
      <td>{formatInstant(token.createdAt)}</td>
      <td>
        {token.expiresAt ? formatInstant(token.expiresAt) : 'until revoked'}
        {state !== 'active' && <span className="status status-cancelled"> {state}</span>}
      </td>
      <td>{token.lastUsedAt ? formatInstant(token.lastUsedAt) : 'never'}</td>
      <td className="row-actions">
        {revoke && state !== 'revoked' && !confirming && (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Revoke the token ${token.name}…`}>
            Revoke…
          </button>
        )}
        {revoke && state !== 'revoked' && confirming && (
          <div className="actions" role="group" aria-label={`Confirm revoking ${token.name}`}>
            <button type="button" className="danger" onClick={() => revoking.mutate()} disabled={revoking.isPending} data-testid="revoke-token">
              Revoke: it stops working now
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        )}
        <ProblemAlert error={revoking.error} onDismiss={revoking.reset} />
      </td>
    </tr>
  );
}
