import { describe, expect, it } from 'vitest';
import { parseProblem, type Problem } from '../api/problem';
import { configureTime } from '../time/format';
import { changeWords, describeChanges, describeProblem, fieldMessage, problemLine, RULE_SENTENCES } from './messages';

const p = (status: number, body: unknown) => parseProblem(status, body);
const noJargon = (text: string) => {
  expect(text).not.toMatch(/HTTP|\b[45]\d\d\b|problem|credentials|Basic|rule [A-Z]|[a-z][A-Z][a-z]+[A-Z]/);
};

describe('messages are written for editors', () => {
  it('says a wrong password plainly on the sign-in form', () => {
    const problem = p(401, { type: '/problems/authentication-required', title: 'Sign in required', status: 401, detail: 'Send valid credentials (HTTP Basic) for a Newsroom user.' });
    const message = describeProblem(problem, { signIn: true });
    expect(message.headline).toBe('That user name and password do not match.');
    noJargon(`${message.headline} ${message.advice}`);
    // …and keeps what the server said for whoever helps
    expect(message.technical.join(' ')).toContain('Send valid credentials');
    expect(describeProblem(problem).headline).toBe('You have been signed out.');
  });

  it('turns each named rule into a sentence, never the rule name', () => {
    for (const [rule, sentence] of Object.entries(RULE_SENTENCES)) {
      const message = describeProblem(p(409, { type: '/problems/rule-violation', title: `Refused by the rule ${rule}`, rule, detail: 'placement x slot 2027-03-05T10:00:00Z before embargo' }));
      expect(message.headline).toBe(sentence);
      noJargon(message.headline);
      expect(message.technical).toContain(`Rule ${rule}`);
    }
  });

  it("uses the server's description for a rule it does not know yet", () => {
    const message = describeProblem(p(409, { rule: 'CrisisModeActive', ruleDescription: 'publishing needs a governance lead while crisis mode lasts' }));
    expect(message.headline).toBe('Publishing needs a governance lead while crisis mode lasts.');
    expect(describeProblem(p(409, { rule: 'SomethingNew' })).headline).toBe('The newsroom’s rules do not allow this.');
  });

  it('lists the fields to fix by their labels', () => {
    const message = describeProblem(
      p(400, {
        title: 'Invalid request',
        errors: [
          { field: 'title', rule: 'NotBlank', message: 'must not be blank' },
          { field: 'channelId', rule: 'Size', message: 'size must be between 1 and 100' },
          { field: 'slot', rule: 'InvalidFormat', message: "'tomorrow' is not a valid Instant" },
          { field: 'body', rule: 'MalformedJson', message: 'the body is not valid JSON: Unexpected character' },
          { field: 'body', rule: 'Size', message: 'size must be between 0 and 20000' },
        ],
      }),
    );
    expect(message.headline).toBe('Some of what you entered needs a change:');
    expect(message.fields.map((f) => `${f.label} ${f.message}`)).toEqual([
      'Title is required',
      'Channel is too long (at most 100 characters)',
      'Slot is not in a form the newsroom understands',
      'Request could not be read; reload the page and try again',
      'Body is too long (at most 20000 characters)',
    ]);
    message.fields.forEach((f) => noJargon(`${f.label} ${f.message}`));
  });

  it('keeps the server wording for a field rule it does not translate', () => {
    expect(fieldMessage({ field: 'to', rule: 'EndAfterStart', message: 'must be after from' })).toBe('must be after from');
  });

  it('has a plain sentence for every kind of failure', () => {
    const cases: [number, unknown][] = [
      [0, undefined],
      [403, { type: '/problems/forbidden', detail: 'carla may not approve; that needs the role governance lead.' }],
      [404, { type: '/problems/story-not-found' }],
      [404, undefined],
      [409, { type: '/problems/version-conflict', currentVersion: 7 }],
      [409, { type: '/problems/idempotency-key-in-progress' }],
      [413, undefined],
      [422, undefined],
      [429, undefined],
      [500, { incident: '2f1c7a9e-1111-2222-3333-444455556666' }],
      [503, '<html>down</html>'],
      [418, 'teapot'],
    ];
    for (const [status, body] of cases) {
      const problem: Problem = status === 0 ? { status: 0, title: 'Network error', detail: 'Failed to fetch', errors: [] } : p(status, body);
      const message = describeProblem(problem);
      expect(message.headline.length).toBeGreaterThan(10);
      noJargon(`${message.headline} ${message.advice ?? ''}`.replace(/incident [0-9a-f]{8}/, ''));
    }
    expect(describeProblem(p(500, { incident: '2f1c7a9e-1111' })).advice).toContain('incident 2f1c7a9e');
  });

  it('says each sign-in, session and account refusal in words', () => {
    const cases: [number, unknown, string][] = [
      [401, { type: '/problems/sign-in-failed' }, 'That user name and password do not match.'],
      [401, { type: '/problems/authentication-required' }, 'You have been signed out.'],
      [403, { type: '/problems/csrf-token-invalid' }, 'This page is out of date.'],
      [403, { type: '/problems/password-change-required' }, 'Choose your own password first.'],
      [403, { type: '/problems/forbidden', action: 'MANAGE_USERS' }, 'Your role does not allow this.'],
      [404, { type: '/problems/user-not-found' }, 'There is no such account.'],
      [404, { type: '/problems/api-token-not-found' }, 'There is no such API token.'],
      [409, { type: '/problems/version-conflict', currentVersion: 3, username: 'lisa' }, 'Someone changed this account meanwhile.'],
      [429, { type: '/problems/too-many-sign-in-attempts' }, 'Too many attempts — wait a moment and try again.'],
    ];
    for (const [status, body, headline] of cases) {
      const message = describeProblem(p(status, body));
      expect(message.headline).toBe(headline);
      noJargon(`${message.headline} ${message.advice ?? ''}`);
    }
    expect(describeProblem(p(403, { type: '/problems/forbidden', action: 'MANAGE_USERS' })).advice).toBe('Ask an admin if it needs doing.');
    const wait = describeProblem({ ...p(429, { type: '/problems/too-many-sign-in-attempts' }), retryAfterSeconds: 40 });
    expect(wait.headline).toBe('Too many attempts — try again in 40 seconds.');
  });

  it('says what is wrong with a new password or token field, never the rule name', () => {
    for (const rule of ['PasswordTooShort', 'PasswordTooLong', 'PasswordEqualsUsername', 'PasswordTooCommon', 'PasswordTooGuessable', 'NewPasswordMustDiffer', 'CurrentPasswordIncorrect', 'UsernameFormat', 'AtLeastOneRole', 'GroupNameFormat', 'TokenNameFormat', 'TokenExpiryRequired', 'TokenExpiryInThePast', 'TokenLifetimeTooLong']) {
      const text = fieldMessage({ field: 'x', rule, message: `server words for ${rule}` });
      expect(text, rule).not.toContain('server words');
      noJargon(text);
    }
    const message = describeProblem(p(400, { errors: [{ field: 'groups[1]', rule: 'GroupNameFormat', message: 'bad' }] }));
    expect(message.fields).toEqual([{ field: 'groups[1]', label: 'Groups', message: 'must be lower-case letters, digits and dashes, e.g. legal or hr' }]);
  });

  it('names who changed the story meanwhile, and what they did', () => {
    const changes = [
      { by: 'grace', type: 'ApprovalGranted', data: { step: 'legal' } },
      { by: 'grace', type: 'StoryApproved' },
      { by: 'lena', type: 'DraftEdited' },
      { by: 'lena', type: 'ApprovalWithdrawn' },
    ];
    const names: Record<string, string> = { grace: 'Grace Governance', lena: 'Lena Legal' };
    expect(describeChanges(changes, (u) => names[u])).toBe('Grace Governance approved legal and Lena Legal edited the draft');
    const message = describeProblem({ ...p(409, { currentVersion: 9 }), changes }, { nameOf: (u) => names[u] });
    expect(message.headline).toBe('Grace Governance approved legal and Lena Legal edited the draft meanwhile.');
    expect(problemLine({ ...p(409, { currentVersion: 9 }), changes: [{ by: 'lena', type: 'PlacementPublished' }] })).toBe(
      'lena published a placement meanwhile. The story now shows their changes: check them, then try again.',
    );
  });
});

describe('history in words', () => {
  it('says what each event did, and splits a name it does not know', () => {
    expect(changeWords('ApprovalGranted', { step: 'legal' })).toBe('approved legal');
    expect(changeWords('PlacementPublished')).toBe('published a placement');
    expect(changeWords('CrisisModeSwitchedOn')).toBe('crisis mode switched on');
  });
});

describe('a plan refused by quiet periods', () => {
  const period = (name: string, startsAt: string, endsAt: string, overridable: boolean) => ({ blackoutId: name, name, channelIds: ['linkedin'], startsAt, endsAt, overridable });

  it('names each period and its dates in the newsroom’s zone, and says who may let the placement through', () => {
    configureTime({ zone: 'Europe/Berlin', locale: 'en-GB' });
    try {
      const one = describeProblem(p(409, { rule: 'QuietPeriodInForce', quietPeriods: [period('Q1 results', '2027-03-05T23:00:00Z', '2027-03-06T23:00:00Z', false)] }));
      expect(one.headline).toBe(
        'The quiet period “Q1 results” (Sat, 6 Mar 2027, 00:00 to Sun, 7 Mar 2027, 00:00) holds this channel at that time: nothing goes out in it unless a governance lead overrides it for this placement.',
      );
      expect(one.advice).toBe('Choose another time, or ask a governance lead to override it for this placement.');
      noJargon(`${one.headline} ${one.advice}`);
      const two = describeProblem(
        p(409, {
          rule: 'QuietPeriodInForce',
          quietPeriods: [period('Q1 results', '2027-03-05T23:00:00Z', '2027-03-06T23:00:00Z', true), period('AGM', '2027-03-06T09:00:00Z', '2027-03-06T12:00:00Z', true)],
        }),
      );
      expect(two.headline).toContain('The quiet periods “Q1 results” (Sat, 6 Mar 2027, 00:00 to Sun, 7 Mar 2027, 00:00) and “AGM” (Sat, 6 Mar 2027, 10:00 to Sat, 6 Mar 2027, 13:00) hold this channel');
      expect(two.advice).toBe('You may override them for this placement, giving a reason.');
    } finally {
      configureTime({ zone: 'UTC', locale: 'en-GB' });
    }
  });
});
