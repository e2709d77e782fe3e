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

  it('keeps what a non-problem answer says, but never an HTML error page', () => {
    expect(parseProblem(404, undefined)).toEqual({ status: 404, title: '', detail: undefined, errors: [] });
    expect(parseProblem(502, '<html><body>Bad gateway</body></html>', 'Bad Gateway')).toEqual({
      status: 502,
      title: 'Bad Gateway',
      detail: undefined,
      errors: [],
    });
    expect(parseProblem(418, 'short and stout', "I'm a teapot")).toMatchObject({ title: "I'm a teapot", detail: 'short and stout' });
    expect(parseProblem(400, [1, 2]).status).toBe(400);
  });

  it('reads the incident id of an unexpected failure', () => {
    expect(parseProblem(500, { title: 'Unexpected error', incident: 'abc-123' }).incident).toBe('abc-123');
  });

  it('falls back to Spring default error fields', () => {
    const p = parseProblem(500, { error: 'Internal Server Error', message: 'boom' });
    expect(p.title).toBe('Internal Server Error');
    expect(p.detail).toBe('boom');
  });
});

describe('problem helpers', () => {
  it('summarises what the server said in one line, for logs', () => {
    expect(problemSummary({ status: 403, title: 'Not allowed', detail: 'Your roles do not allow this action.', errors: [] })).toBe(
      '403 · Not allowed · Your roles do not allow this action.',
    );
    expect(problemSummary({ status: 409, title: 'Refused', rule: 'FourEyesPrinciple', errors: [] })).toBe('409 · FourEyesPrinciple');
  });

  it('wraps anything thrown into a problem', () => {
    const error = new ApiError({ status: 409, title: 'Conflict', errors: [] });
    expect(toProblem(error)).toBe(error.problem);
    expect(error.status).toBe(409);
    expect(toProblem(new TypeError('Failed to fetch'))).toEqual(networkProblem(new TypeError('Failed to fetch')));
    expect(toProblem(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, detail: 'Failed to fetch' });
  });
});
