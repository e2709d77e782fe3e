import { PASSWORD_RULES } from '../feedback/messages';

// The password rules next to the field, ticked as the person types where the browser can tell (length,
// bytes, the user name); the server decides (newsroom.people.PasswordPolicy) and its refusals are shown
// in words — these ticks are guidance, never a gate.

export interface PasswordHint {
  rule: string;
  text: string;
  /** true: met; false: broken; null: only the newsroom can tell (common, guessable, differs). */
  met: boolean | null;
}

const MIN_CHARACTERS = 12;
const MAX_BYTES = 72;

export function passwordHints(password: string, username: string): PasswordHint[] {
  const characters = [...password].length;
  const bytes = new TextEncoder().encode(password).length;
  const known: Record<string, boolean> = {
    PasswordTooShort: characters >= MIN_CHARACTERS,
    PasswordTooLong: bytes <= MAX_BYTES,
    PasswordEqualsUsername: password.trim().toLowerCase() !== username.toLowerCase(),
  };
  return PASSWORD_RULES.map(({ rule, text }) => ({
    rule,
    text,
    met: password === '' || !(rule in known) ? null : known[rule],
  }));
}
