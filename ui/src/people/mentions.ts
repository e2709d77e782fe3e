import type { Person } from '../api/types';

// @mentions while typing a comment: which "@word" the caret is in, which people match it, and the
// text after picking one. Pure functions, unit-tested; MentionTextarea draws the list.

/** Characters of a username after the "@" (the server's mention pattern). */
const NAME_CHAR = /[A-Za-z0-9._-]/;

export interface ActiveMention {
  /** Index of the "@". */
  start: number;
  /** What is typed after the "@" up to the caret. */
  query: string;
}

/**
 * The mention being typed at the caret: an "@" at the start of the text or after a character that
 * cannot be part of a word or an e-mail address, followed by name characters up to the caret.
 */
export function activeMention(text: string, caret: number): ActiveMention | null {
  let i = caret - 1;
  while (i >= 0 && NAME_CHAR.test(text[i])) i--;
  if (i < 0 || text[i] !== '@') return null;
  const before = i > 0 ? text[i - 1] : '';
  if (before && /[\w@.]/.test(before)) return null; // carla@example.com, @@
  return { start: i, query: text.slice(i + 1, caret) };
}

export function personName(person: Person): string {
  return person.displayName && person.displayName !== person.username ? person.displayName : person.username;
}

/**
 * The people whose username or display name starts with the query (then those containing it),
 * case-insensitive, at most `limit`; the signed-in user last, since one rarely mentions oneself.
 */
export function suggestPeople(people: Person[], query: string, me?: string, limit = 6): Person[] {
  const q = query.toLowerCase();
  const score = (p: Person): number => {
    const username = p.username.toLowerCase();
    const words = (p.displayName ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    if (username.startsWith(q)) return 0;
    if (words.some((w) => w.startsWith(q))) return 1;
    if (username.includes(q) || (p.displayName ?? '').toLowerCase().includes(q)) return 2;
    return -1;
  };
  return people
    .map((p) => ({ p, s: score(p), mine: p.username === me ? 1 : 0 }))
    .filter(({ s }) => s >= 0)
    .sort((a, b) => a.mine - b.mine || a.s - b.s || a.p.username.localeCompare(b.p.username))
    .slice(0, limit)
    .map(({ p }) => p);
}

/** Replaces the typed "@query" with "@username " and says where the caret goes. */
export function insertMention(
  text: string,
  mention: ActiveMention,
  caret: number,
  username: string,
): { text: string; caret: number } {
  let end = caret;
  while (end < text.length && NAME_CHAR.test(text[end])) end++; // replace the rest of the word too
  const after = text.slice(end);
  const insert = `@${username}${after.startsWith(' ') ? '' : ' '}`;
  const next = text.slice(0, mention.start) + insert + after;
  const position = mention.start + insert.length + (after.startsWith(' ') ? 1 : 0);
  return { text: next, caret: position };
}

/** People who can work on a story (everyone but pure viewers), for the assignee picker. */
export function assignable(people: Person[]): Person[] {
  return people.filter((p) => p.roles.some((r) => r !== 'VIEWER'));
}
