// RFC 9457 problem details as Newsroom answers them: title, detail, and for a 400 the broken
// fields (errors[]), for a 409 the named domain rule or the story's current version.

export interface FieldProblem {
  field: string;
  rule?: string;
  message: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  type?: string;
  instance?: string;
  rule?: string;
  ruleDescription?: string;
  currentVersion?: number;
  errors: FieldProblem[];
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Sign in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Server unreachable',
  503: 'Server unavailable',
  504: 'Server did not answer in time',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * Turns an error answer into a Problem. `body` is the parsed JSON (or the raw text, or undefined);
 * anything that is not problem+json still yields a readable title from the status.
 */
export function parseProblem(status: number, body: unknown, statusText = ''): Problem {
  const fallbackTitle = STATUS_TITLES[status] ?? (str(statusText) || `HTTP ${status}`);
  if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) {
    const text = typeof body === 'string' ? body.trim() : '';
    // An HTML error page says nothing useful; a short text does.
    const detail = text && !text.startsWith('<') && text.length < 500 ? text : undefined;
    return { status, title: fallbackTitle, detail, errors: [] };
  }
  const o = body as Record<string, unknown>;
  const errors: FieldProblem[] = Array.isArray(o.errors)
    ? o.errors
        .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
        .map((e) => ({
          field: str(e.field) ?? '',
          rule: str(e.rule),
          message: str(e.message) ?? str(e.defaultMessage) ?? 'is invalid',
        }))
    : [];
  return {
    status: num(o.status) ?? status,
    title: str(o.title) ?? str(o.error) ?? fallbackTitle,
    detail: str(o.detail) ?? str(o.message),
    type: str(o.type),
    instance: str(o.instance),
    rule: str(o.rule),
    ruleDescription: str(o.ruleDescription),
    currentVersion: num(o.currentVersion),
    errors,
  };
}

/** A refusal or failure from the server (or the network), carrying the problem to show. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problemSummary(problem));
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** A problem for a request that never got an answer. */
export function networkProblem(error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 0, title: 'Server unreachable', detail: message, errors: [] };
}

/** One line for toasts and aria-labels: "Refused by the rule FourEyesPrinciple: …". */
export function problemSummary(problem: Problem): string {
  const parts = [problem.title];
  if (problem.detail && problem.detail !== problem.title) parts.push(problem.detail);
  const text = parts.join(': ');
  if (problem.errors.length > 0 && !problem.detail) {
    return `${text}: ${problem.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`;
  }
  return text;
}

/** The problem inside anything thrown by the client, for display. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return networkProblem(error);
}

/** The message for one form field, if the server named it. */
export function fieldError(problem: Problem | null | undefined, field: string): string | undefined {
  return problem?.errors.find((e) => e.field === field)?.message;
}
