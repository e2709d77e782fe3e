import type { Credentials } from '../auth/session';
import { download, get, query, request } from './http';
import type {
  BlackoutRequest,
  BlackoutView,
  Board,
  CalendarFeed,
  CalendarFilters,
  CalendarResponse,
  Campaign,
  CampaignDefinition,
  Channel,
  CrisisStatus,
  HistoryEntry,
  LiveUpdates,
  PausedPlacementsDecision,
  Me,
  Notification,
  Person,
  Story,
  StoryContent,
  StoryStatus,
} from './types';

/** A story command's answer: the story afterwards and the version its ETag names (for the next If-Match). */
export interface CommandAnswer {
  story: Story;
  version: number;
}

// One function per endpoint of README.md and docs/live-api.md.

const enc = encodeURIComponent;
const storyPath = (id: string) => `/api/stories/${enc(id)}`;

export const api = {
  me: (auth?: Credentials) => request<Me>('/api/me', { auth }).then((r) => r.data),
  channels: () => get<Channel[]>('/api/channels'),
  campaigns: () => get<Campaign[]>('/api/campaigns'),
  defineCampaign: (campaignId: string, definition: CampaignDefinition) =>
    request<Campaign>(`/api/campaigns/${enc(campaignId)}`, { method: 'PUT', body: definition }).then((r) => r.data),
  users: () => get<Person[]>('/api/users'),

  blackouts: () => get<BlackoutView[]>('/api/blackouts'),
  defineBlackout: (blackout: BlackoutRequest) =>
    request<BlackoutView>('/api/blackouts', { method: 'POST', body: blackout }).then((r) => r.data),
  liftBlackout: (blackoutId: string, reason: string) =>
    request<unknown>(`/api/blackouts/${enc(blackoutId)}/lift`, { method: 'POST', body: { reason } }).then(() => undefined),

  crisis: () => get<CrisisStatus>('/api/crisis'),
  switchCrisisOn: (reason: string) =>
    request<CrisisStatus>('/api/crisis', { method: 'POST', body: { reason } }).then((r) => r.data),
  endCrisis: (reason: string, decision: PausedPlacementsDecision) =>
    request<CrisisStatus>('/api/crisis/end', { method: 'POST', body: { reason, decision } }).then((r) => r.data),

  calendarFeed: () => get<CalendarFeed>('/api/me/calendar-feed'),
  rotateCalendarFeed: () =>
    request<CalendarFeed>('/api/me/calendar-feed/rotate', { method: 'POST' }).then((r) => r.data),
  /** The range as CSV, with the calendar's filters; the path comes from calendarCsvPath. */
  calendarCsv: (path: string) => download(path),

  stories: (params: { status?: StoryStatus; desk?: string; campaign?: string } = {}) =>
    get<Story[]>(`/api/stories${query(params)}`),
  story: (id: string) => get<Story>(storyPath(id)),
  history: (id: string) => get<HistoryEntry[]>(`${storyPath(id)}/history`),

  /** The board; its Published column holds stories last published at or after `publishedSince`. */
  board: (publishedSince?: string) => get<Board>(`/api/board${query({ publishedSince })}`),
  inbox: () => get<Story[] | { stories: Story[] }>('/api/approvals/inbox').then(listOf),
  notifications: () =>
    get<Notification[] | { notifications: Notification[] }>('/api/notifications').then((n) =>
      Array.isArray(n) ? n : (n?.notifications ?? []),
    ),
  calendar: (from: string, to: string, filters: CalendarFilters) =>
    get<CalendarResponse>(`/api/calendar${calendarQuery(from, to, filters)}`),
  liveUpdates: (after: number) => get<LiveUpdates>(`/api/live/updates${query({ after })}`),

  // Commands: each answers the story as it is afterwards, and its version as ETag.
  pitch: (content: StoryContent, idempotencyKey?: string) =>
    command('/api/stories', content, undefined, idempotencyKey).then((a) => a.story),
  editDraft: (id: string, content: StoryContent, version?: number) =>
    request<Story>(`${storyPath(id)}/draft`, { method: 'PUT', body: content, version }).then(answer),
  accept: (id: string, assignee: string | undefined, version?: number) =>
    command(`${storyPath(id)}/accept`, assignee ? { assignee } : {}, version),
  decline: (id: string, reason: string, version?: number) => command(`${storyPath(id)}/decline`, { reason }, version),
  assign: (id: string, assignee: string, version?: number) => command(`${storyPath(id)}/assign`, { assignee }, version),
  submit: (id: string, version?: number) => command(`${storyPath(id)}/submit`, undefined, version),
  approve: (id: string, step: string | undefined, version?: number) =>
    command(`${storyPath(id)}/approvals`, step ? { step } : {}, version),
  requestChanges: (id: string, comment: string, version?: number) =>
    command(`${storyPath(id)}/change-requests`, { comment }, version),
  planPlacement: (
    id: string,
    placement: { channelId: string; slot: string; text: string; placementId?: string },
    version?: number,
  ) => command(`${storyPath(id)}/placements`, placement, version),
  reschedule: (id: string, placementId: string, slot: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/reschedule`, { slot }, version),
  cancelPlacement: (id: string, placementId: string, reason: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/cancel`, { reason }, version),
  publish: (id: string, placementId: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/publish`, undefined, version, newKey()),
  resumePlacement: (id: string, placementId: string, reason: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/resume`, { reason }, version),
  overrideQuietPeriod: (id: string, placementId: string, blackoutId: string, reason: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/quiet-period-overrides`, { blackoutId, reason }, version),
  kill: (id: string, reason: string, version?: number) => command(`${storyPath(id)}/kill`, { reason }, version),
  comment: (id: string, text: string, version?: number) => command(`${storyPath(id)}/comments`, { text }, version),
};

/** The query of a calendar read or export: the range and every filter that is set. */
export function calendarQuery(from: string, to: string, filters: CalendarFilters): string {
  return query({
    from,
    to,
    channel: filters.channels,
    status: filters.statuses,
    desk: filters.desk.trim(),
    campaign: filters.campaign.trim(),
    source: filters.source?.trim(),
  });
}

export function calendarCsvPath(from: string, to: string, filters: CalendarFilters): string {
  return `/api/calendar/export.csv${calendarQuery(from, to, filters)}`;
}

function command(path: string, body: unknown, version?: number, idempotencyKey?: string): Promise<CommandAnswer> {
  return request<Story>(path, { method: 'POST', body, version, idempotencyKey }).then(answer);
}

function answer(response: { data: Story; etag: string | null }): CommandAnswer {
  return { story: response.data, version: versionFromEtag(response.etag, response.data) };
}

/** The version an ETag header names ("7", W/"7"), else the story's own version. */
export function versionFromEtag(etag: string | null | undefined, story: Story): number {
  const text = etag?.replace(/^W\//, '').replace(/"/g, '').trim();
  const parsed = text ? Number(text) : NaN;
  return Number.isFinite(parsed) ? parsed : story.version;
}

function listOf(value: Story[] | { stories: Story[] }): Story[] {
  return Array.isArray(value) ? value : (value?.stories ?? []);
}

/** A fresh idempotency key, so a retried click never publishes twice. */
export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
