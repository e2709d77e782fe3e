import { describe, expect, it } from 'vitest';
import type { Person } from '../api/types';
// The server's table of what an @mention is (newsroom-core MentionsTest reads the same file).
import sharedCases from '../../../newsroom-core/src/test/resources/newsroom/story/mention-cases.json?raw';
import { activeMention, assignable, findMentions, insertMention, mentionParts, mentionsIn, suggestPeople } from './mentions';

interface MentionCase {
  text: string;
  mentions: string[];
  why: string;
}
const cases: MentionCase[] = JSON.parse(sharedCases).cases;

describe('what an @mention is (shared with the server)', () => {
  it('has the shared cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expect(mentionsIn(c.text)).toEqual(c.mentions);
  });

  it('finds where each mention is, so it can be highlighted', () => {
    const text = 'Thanks @lena. Mail carla@example.com';
    expect(findMentions(text)).toEqual([{ start: 7, end: 12, username: 'lena' }]);
  });

  it('while typing, an @ after a character that cannot start a mention is no mention either', () => {
    for (const c of cases) {
      const caret = c.text.length;
      const typing = activeMention(c.text, caret);
      if (typing && typing.query) {
        // the word being typed at the end of a case is a mention the parser finds as well
        expect(mentionsIn(c.text.slice(typing.start))).toContain(typing.query.replace(/\.+$/, ''));
      }
    }
    expect(activeMention('mail first-@exa', 15)).toBeNull();
  });
});

describe('mentionParts', () => {
  it('marks only the usernames the server recorded as mentioned', () => {
    expect(mentionParts('@lena and @nobody, see carla@example.com', ['lena'])).toEqual([
      { text: '@lena', mention: true },
      { text: ' and @nobody, see carla@example.com', mention: false },
    ]);
    expect(mentionParts('no one', [])).toEqual([{ text: 'no one', mention: false }]);
  });
});

const people: Person[] = [
  { username: 'ada', displayName: 'Ada Admin', roles: ['ADMIN'] },
  { username: 'carla', displayName: 'Carla Contributor', roles: ['CONTRIBUTOR'] },
  { username: 'eddie', displayName: 'Eddie Editor', roles: ['EDITOR'] },
  { username: 'grace', displayName: 'Grace Lead', roles: ['GOVERNANCE_LEAD'] },
  { username: 'lena', displayName: 'Lena Legal', roles: ['GOVERNANCE_LEAD'] },
  { username: 'victor', displayName: 'Victor Viewer', roles: ['VIEWER'] },
];

describe('activeMention', () => {
  it('finds the @word the caret is in', () => {
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('hi @le', 6)).toEqual({ start: 3, query: 'le' });
    expect(activeMention('hi @lena please', 6)).toEqual({ start: 3, query: 'le' });
    expect(activeMention('(@gr', 4)).toEqual({ start: 1, query: 'gr' });
  });

  it('ignores e-mail addresses, finished words and text without @', () => {
    expect(activeMention('mail carla@example', 18)).toBeNull();
    expect(activeMention('hi @lena please', 15)).toBeNull();
    expect(activeMention('no mention', 10)).toBeNull();
    expect(activeMention('@@x', 3)).toBeNull();
  });
});

describe('suggestPeople', () => {
  it('puts username prefixes first, then display-name words, then anything containing the text', () => {
    expect(suggestPeople(people, 'l').map((p) => p.username)).toEqual(['lena', 'grace', 'carla']);
    expect(suggestPeople(people, 'edi').map((p) => p.username)).toEqual(['eddie']);
    expect(suggestPeople(people, 'LEGAL').map((p) => p.username)).toEqual(['lena']);
  });

  it('suggests everybody for a bare @, me last, at most the limit', () => {
    const all = suggestPeople(people, '', 'ada', 10).map((p) => p.username);
    expect(all[all.length - 1]).toBe('ada');
    expect(all).toHaveLength(6);
    expect(suggestPeople(people, '', undefined, 3)).toHaveLength(3);
    expect(suggestPeople(people, 'zzz')).toEqual([]);
  });
});

describe('insertMention', () => {
  it('replaces the typed part with the username and a space, caret after it', () => {
    const text = 'hi @le';
    expect(insertMention(text, { start: 3, query: 'le' }, 6, 'lena')).toEqual({ text: 'hi @lena ', caret: 9 });
  });

  it('replaces the rest of the word and keeps an existing space', () => {
    const text = 'hi @lexx please';
    expect(insertMention(text, { start: 3, query: 'le' }, 6, 'lena')).toEqual({ text: 'hi @lena please', caret: 9 });
  });
});

describe('assignable', () => {
  it('leaves out pure viewers', () => {
    expect(assignable(people).map((p) => p.username)).not.toContain('victor');
    expect(assignable(people)).toHaveLength(5);
  });
});
