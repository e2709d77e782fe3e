import type { Person } from '../api/types';

// @mentions: what a mention is (the server's rule, newsroom.story.Mentions, tested against the same
// table of cases), which "@word" the caret is in while typing, which people match it, and the text after
// picking one. Pure functions, unit-tested; MentionTextarea draws the list.

/** Characters of a username after the "@" (the server's mention pattern). */
const NAME_CHAR = /[A-Za-z0-9._-]/;
/**
 * What may stand right before the "@" of a mention: a space, a bracket, a quote or : ; , — never a
 * character that can end an e-mail address's local part, so addresses are never mentions.
 */
const MENTION_START = /[\s(\[<:;,"“‘«]/u;
const MENTION = /(?<![^\s(\[<:;,"“‘«])@([A-Za-z0-9][A-Za-z0-9._-]*)/gu;

export interface MentionToken {
  /** Index of the "@". */
  start: number;
  /** Index after the name. */
  end: number;
  username: string;
}

/** Every mention in the text, in order; a trailing full stop ends the sentence, not the name. */
export function findMentions(text: string): MentionToken[] {
  const found: MentionToken[] = [];
  for (const match of text.matchAll(MENTION)) {
    const username = match[1].replace(/\.+$/, '');
    const start = match.index ?? 0;
    found.push({ start, end: start + 1 + username.length, username });
  }
  return found;
}

/** "@lena please check, cc @grace." → ['lena', 'grace']: each mentioned username once, in order. */
export function mentionsIn(text: string): string[] {
  return [...new Set(findMentions(text).map((m) => m.username))];
}

/**
 * The text cut into plain parts and mentions, marking only the usernames the server recorded as
 * mentioned (a comment's `mentions`): "@someone" who is no user stays plain text.
 */
export function mentionParts(text: string, mentioned: string[]): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  let at = 0;
  for (const token of findMentions(text)) {
    if (!mentioned.includes(token.username)) continue;
    if (token.start > at) parts.push({ text: text.slice(at, token.start), mention: false });
    parts.push({ text: text.slice(token.start, token.end), mention: true });
    at = token.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mention: false });
  return parts;
}

export interface ActiveMention {
  /** Index of the "@". */
  start: number;
  /** What is typed after the "@" up to the caret. */
  query: string;
}

/**
 * The mention being typed at the caret: an "@" at the start of the text or after a character that may
 * start a mention (MENTION_START), followed by nothing yet or a name (a letter or digit first) up to the
 * caret.
 */
export function activeMention(text: string, caret: number): ActiveMention | null {
  let i = caret - 1;
  while (i >= 0 && NAME_CHAR.test(text[i])) i--;
  if (i < 0 || text[i] !== '@') return null;
  const before = i > 0 ? text[i - 1] : '';
  if (before && !MENTION_START.test(before)) return null; // carla@example.com, @@
  const query = text.slice(i + 1, caret);
  if (query && !/^[A-Za-z0-9]/.test(query)) return null; // "@-x", "@.x": no name starts so
  return { start: i, query };
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
