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
  /** The server's id for an unexpected failure, for support. */
  incident?: string;
  /** The refused action of a 403 from a Newsroom role check (e.g. MANAGE_USERS). */
  action?: string;
  /** The account a 409 version conflict is about (accounts answer `username` where stories answer `storyId`). */
  username?: string;
  /** How long to wait before trying again (a 429's Retry-After header), in seconds. */
  retryAfterSeconds?: number;
  /** A refused placement command (409 QuietPeriodInForce): the placement, its channel and the moment asked for. */
  placementId?: string;
  channelId?: string;
  at?: string;
  /** The quiet periods that hold that placement then (409 QuietPeriodInForce). */
  quietPeriods?: HoldingQuietPeriod[];
  /** Set by the dashboard when someone else changed the story in between (from its history). */
  changes?: ProblemChange[];
  errors: FieldProblem[];
}

/**
 * A quiet period named by a 409 QuietPeriodInForce, with the fields of GET /api/blackouts; `overridable`:
 * the server's word that the person refused may override it for that placement.
 */
export interface HoldingQuietPeriod {
  blackoutId: string;
  name: string;
  /** Empty: every channel. */
  channelIds: string[];
  startsAt: string;
  endsAt: string;
  overridable: boolean;
}

/** One change someone else made to a story since the user saw it (a history entry). */
export interface ProblemChange {
  by: string;
  type: string;
  data?: unknown;
}


function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function quietPeriods(value: unknown): HoldingQuietPeriod[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((q): q is Record<string, unknown> => !!q && typeof q === 'object' && !!str((q as Record<string, unknown>).blackoutId))
    .map((q) => ({
      blackoutId: str(q.blackoutId)!,
      name: str(q.name) ?? str(q.blackoutId)!,
      channelIds: Array.isArray(q.channelIds) ? q.channelIds.filter((c): c is string => typeof c === 'string') : [],
      startsAt: str(q.startsAt) ?? '',
      endsAt: str(q.endsAt) ?? '',
      overridable: q.overridable === true,
    }));
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
  // The title is the server's; what people read is written by api/messages.ts from status, type and rule.
  const fallbackTitle = str(statusText) ?? '';
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
    incident: str(o.incident),
    action: str(o.action),
    username: str(o.username),
    placementId: str(o.placementId),
    channelId: str(o.channelId),
    at: str(o.at),
    quietPeriods: quietPeriods(o.quietPeriods),
    errors,
  };
}

/**
 * Seconds from a Retry-After header: a number of seconds or an HTTP date (RFC 9110); undefined when
 * absent or unreadable.
 */
export function retryAfterSeconds(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The problem type's name: "/problems/sign-in-failed" → "sign-in-failed". */
export function problemType(problem: Problem): string {
  return (problem.type ?? '').replace(/^.*\/problems\//, '');
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
  return { status: 0, title: 'Network error', detail: message, errors: [] };
}

/** For logs and the console: what the server said, as it said it (people read api/messages.ts). */
export function problemSummary(problem: Problem): string {
  const parts = [problem.status ? `${problem.status}` : 'network', problem.rule ?? problem.title, problem.detail];
  return parts.filter(Boolean).join(' · ');
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
