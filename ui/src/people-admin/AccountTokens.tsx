import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { ApiToken } from '../api/types';
import { TokenList } from '../account/ApiTokens';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';

// Someone's personal API tokens, revoked ones included, for admins and auditors; an admin revokes one
// (it stops working at once, live connections opened with it too) — e.g. when a script's token leaked.
// Whether revoking is offered is the server's word: `MANAGE_USERS` in my /api/me actions.

export function AccountTokens({ username, mayRevoke }: { username: string; mayRevoke: boolean }) {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: keys.accountTokens(username), queryFn: () => api.accountTokens(username), staleTime: 0, retry: false });
  // A server without API tokens answers 404 here: then there is nothing to show.
  if (tokens.error instanceof ApiError && tokens.error.status === 404 && tokens.error.problem.type?.endsWith('/not-found')) return null;
  const revoke = async (token: ApiToken) => {
    await api.revokeAccountToken(username, token.id);
    await queryClient.invalidateQueries({ queryKey: keys.accountTokens(username) });
  };
  return (
    <section className="account-tokens" aria-labelledby="account-tokens-title" data-testid="account-tokens">
      <h3 id="account-tokens-title">API tokens</h3>
      <ProblemAlert error={tokens.error} />
      {tokens.data && (
        <TokenList tokens={tokens.data} revoke={mayRevoke ? revoke : undefined} empty="No API tokens." caption={`API tokens of ${username}`} />
      )}
    </section>
  );
}
