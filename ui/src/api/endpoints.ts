import type { Credentials } from '../auth/session';
import { get, query, request } from './http';
import type {
  Board,
  CalendarFilters,
  CalendarResponse,
  Campaign,
  Channel,
  HistoryEntry,
  LiveUpdates,
  Me,
  Notification,
  Story,
  StoryContent,
  StoryStatus,
} from './types';

// One function per endpoint of README.md and docs/live-api.md.

const enc = encodeURIComponent;
const storyPath = (id: string) => `/api/stories/${enc(id)}`;

export const api = {
  me: (auth?: Credentials) => request<Me>('/api/me', { auth }).then((r) => r.data),
  channels: () => get<Channel[]>('/api/channels'),
  campaigns: () => get<Campaign[]>('/api/campaigns'),

  stories: (params: { status?: StoryStatus; desk?: string; campaign?: string } = {}) =>
    get<Story[]>(`/api/stories${query(params)}`),
  story: (id: string) => get<Story>(storyPath(id)),
  history: (id: string) => get<HistoryEntry[]>(`${storyPath(id)}/history`),

  board: () => get<Board>('/api/board'),
  inbox: () => get<Story[] | { stories: Story[] }>('/api/approvals/inbox').then(listOf),
  notifications: () =>
    get<Notification[] | { notifications: Notification[] }>('/api/notifications').then((n) =>
      Array.isArray(n) ? n : (n?.notifications ?? []),
    ),
  calendar: (from: string, to: string, filters: CalendarFilters) =>
    get<CalendarResponse>(
      `/api/calendar${query({
        from,
        to,
        channel: filters.channels,
        status: filters.statuses,
        desk: filters.desk.trim(),
        campaign: filters.campaign.trim(),
      })}`,
    ),
  liveUpdates: (after: number) => get<LiveUpdates>(`/api/live/updates${query({ after })}`),

  // Commands: each answers the story as it is afterwards.
  pitch: (content: StoryContent, idempotencyKey?: string) =>
    command('/api/stories', content, undefined, idempotencyKey),
  editDraft: (id: string, content: StoryContent, version?: number) =>
    request<Story>(`${storyPath(id)}/draft`, { method: 'PUT', body: content, version }).then((r) => r.data),
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
  kill: (id: string, reason: string, version?: number) => command(`${storyPath(id)}/kill`, { reason }, version),
  comment: (id: string, text: string, version?: number) => command(`${storyPath(id)}/comments`, { text }, version),
};

function command(path: string, body: unknown, version?: number, idempotencyKey?: string): Promise<Story> {
  return request<Story>(path, { method: 'POST', body, version, idempotencyKey }).then((r) => r.data);
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
