import type { Problem } from '../api/problem';
import { PASSWORD_RULES } from '../feedback/messages';

// The password rules listed next to the field, in words. Only the newsroom checks them
// (newsroom.people.PasswordPolicy): the dashboard does not test a password itself — that would be a
// second copy of the rules — it marks the rules the server's last refusal named.

export interface PasswordHint {
  rule: string;
  text: string;
  /** Named in the server's last refusal of the new password. */
  broken: boolean;
}

export function passwordHints(refusal: Problem | null): PasswordHint[] {
  const named = new Set((refusal?.errors ?? []).filter((e) => e.field === 'newPassword').map((e) => e.rule));
  return PASSWORD_RULES.map(({ rule, text }) => ({ rule, text, broken: named.has(rule) }));
}
