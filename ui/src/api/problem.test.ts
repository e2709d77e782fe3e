import { describe, expect, it } from 'vitest';
import { ApiError, fieldError, networkProblem, parseProblem, problemSummary, toProblem } from './problem';

describe('parseProblem', () => {
  it('reads a 409 rule violation', () => {
    const p = parseProblem(409, {
      type: '/problems/rule-violation',
      title: 'Refused by the rule FourEyesPrinciple',
      status: 409,
      detail: 'grace pitched or last edited this story and cannot approve it',
      rule: 'FourEyesPrinciple',
      ruleDescription: 'Nobody approves their own work',
    });
    expect(p.status).toBe(409);
    expect(p.rule).toBe('FourEyesPrinciple');
    expect(p.title).toBe('Refused by the rule FourEyesPrinciple');
    expect(p.detail).toContain('cannot approve');
    expect(p.errors).toEqual([]);
  });

  it('reads field errors of a 400', () => {
    const p = parseProblem(400, {
      title: 'Invalid request',
      detail: 'title: must not be blank',
      errors: [{ field: 'title', rule: 'NotBlank', message: 'must not be blank' }, { nonsense: true }],
    });
    expect(p.errors).toHaveLength(2);
    expect(fieldError(p, 'title')).toBe('must not be blank');
    expect(p.errors[1]).toEqual({ field: '', rule: undefined, message: 'is invalid' });
  });

  it('reads the current version of a conflict, also when sent as a string', () => {
    expect(parseProblem(409, { title: 'Version conflict', currentVersion: 7 }).currentVersion).toBe(7);
    expect(parseProblem(409, { title: 'Version conflict', currentVersion: '8' }).currentVersion).toBe(8);
  });

  it('gives a readable title for non-problem answers', () => {
    expect(parseProblem(404, undefined).title).toBe('Not found');
    expect(parseProblem(502, '<html><body>Bad gateway</body></html>')).toEqual({
      status: 502,
      title: 'Server unreachable',
      detail: undefined,
      errors: [],
    });
    expect(parseProblem(418, 'short and stout', "I'm a teapot")).toMatchObject({ title: "I'm a teapot", detail: 'short and stout' });
    expect(parseProblem(400, [1, 2]).title).toBe('Invalid request');
  });

  it('falls back to Spring default error fields', () => {
    const p = parseProblem(500, { error: 'Internal Server Error', message: 'boom' });
    expect(p.title).toBe('Internal Server Error');
    expect(p.detail).toBe('boom');
  });
});

describe('problem helpers', () => {
  it('summarises title and detail in one line', () => {
    expect(problemSummary({ status: 403, title: 'Not allowed', detail: 'Your roles do not allow this action.', errors: [] })).toBe(
      'Not allowed: Your roles do not allow this action.',
    );
    expect(
      problemSummary({ status: 400, title: 'Invalid request', errors: [{ field: 'desk', message: 'must not be blank' }] }),
    ).toBe('Invalid request: desk must not be blank');
  });

  it('wraps anything thrown into a problem', () => {
    const error = new ApiError({ status: 409, title: 'Conflict', errors: [] });
    expect(toProblem(error)).toBe(error.problem);
    expect(error.status).toBe(409);
    expect(toProblem(new TypeError('Failed to fetch'))).toEqual(networkProblem(new TypeError('Failed to fetch')));
    expect(toProblem(new TypeError('Failed to fetch')).title).toBe('Server unreachable');
  });
});
