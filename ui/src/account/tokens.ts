import type { ApiToken } from '../api/types';

// My personal API tokens, for scripts and tools that call the API as me: which still work, newest first.

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: ApiToken, now: Date = new Date()): TokenState {
  if (token.revoked) return 'revoked';
  return token.expiresAt && Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** Working tokens first, each group newest first. */
export function sortTokens(tokens: readonly ApiToken[], now: Date = new Date()): ApiToken[] {
  return [...tokens].sort((a, b) => {
    const state = Number(tokenState(a, now) !== 'active') - Number(tokenState(b, now) !== 'active');
    return state !== 0 ? state : Date.parse(b.createdAt) - Date.parse(a.createdAt);
  });
}

/** How many days a new token is valid unless the person picks another day. */
export const DEFAULT_TOKEN_DAYS = 90;
