import { download, get, query, request, SESSION_OPTIONS_PATH } from './http';
import type {
  Account,
  ApiToken,
  AuditFilters,
  AuditPage,
  BlackoutRequest,
  Checkpoint,
  BlackoutView,
  Board,
  CalendarFeed,
  CalendarFilters,
  CalendarResponse,
  Campaign,
  CampaignDefinition,
  Channel,
  ChannelDefinition,
  DelegationAnswer,
  ChannelConnector,
  ConnectorRequest,
  CrisisStatus,
  HistoryEntry,
  LiveUpdates,
  PausedPlacementsDecision,
  Me,
  NewApiToken,
  Notification,
  PasswordChange,
  PasswordResetAnswer,
  Person,
  PolicyAnswer,
  Projections,
  ProjectionStatus,
  PolicyDefinition,
  RegisterRequest,
  Registration,
  Role,
  SessionOptions,
  Story,
  StoryContent,
  StoryStatus,
  VerifyAnswer,
} from './types';

/** A story command's answer: the story afterwards and the version its ETag names (for the next If-Match). */
export interface CommandAnswer {
  story: Story;
  version: number;
}

// One function per endpoint of README.md and docs/live-api.md.

const enc = encodeURIComponent;
const storyPath = (id: string) => `/api/stories/${enc(id)}`;
const accountPath = (username: string) => `/api/admin/users/${enc(username)}`;

export const api = {
  // Signing in (auth/session.ts): a 401 from these is their answer, not a session that ended.
  sessionOptions: () => request<SessionOptions>(SESSION_OPTIONS_PATH, { unauthorizedIsAnswer: true }).then((r) => r.data),
  startSession: (username: string, password: string) =>
    request<Me>('/api/session', { method: 'POST', body: { username, password }, unauthorizedIsAnswer: true }).then((r) => r.data),
  endSession: () => request<unknown>('/api/session', { method: 'DELETE', unauthorizedIsAnswer: true }).then(() => undefined),
  /** Who is signed in; with `unauthorizedIsAnswer` a 401 only means "nobody" (after a reload). */
  me: (options: { unauthorizedIsAnswer?: boolean } = {}) => request<Me>('/api/me', options).then((r) => r.data),
  changePassword: (change: PasswordChange) => request<unknown>('/api/me/password', { method: 'POST', body: change }).then(() => undefined),

  // My personal API tokens: the secret is in the answer that makes one, and nowhere else.
  tokens: () => get<ApiToken[]>('/api/me/tokens'),
  createToken: (name: string, expiresAt: string | null) =>
    request<NewApiToken>('/api/me/tokens', { method: 'POST', body: { name, expiresAt } }).then((r) => r.data),
  revokeToken: (id: string) => request<unknown>(`/api/me/tokens/${enc(id)}`, { method: 'DELETE' }).then(() => undefined),

  // Accounts (admins change them, admins and auditors read them); changes send the account's version as If-Match.
  accounts: () => get<Account[]>('/api/admin/users'),
  account: (username: string) => get<Account>(accountPath(username)),
  accountHistory: (username: string) => get<HistoryEntry[]>(`${accountPath(username)}/history`),
  register: (registration: RegisterRequest) =>
    request<Registration>('/api/admin/users', { method: 'POST', body: registration }).then((r) => r.data),
  changeRoles: (username: string, roles: Role[], version?: number) =>
    request<Account>(`${accountPath(username)}/roles`, { method: 'PUT', body: { roles }, version }).then((r) => r.data),
  changeGroups: (username: string, groups: string[], version?: number) =>
    request<Account>(`${accountPath(username)}/groups`, { method: 'PUT', body: { groups }, version }).then((r) => r.data),
  disable: (username: string, reason: string, version?: number) =>
    request<Account>(`${accountPath(username)}/disable`, { method: 'POST', body: reason ? { reason } : {}, version }).then((r) => r.data),
  enable: (username: string, version?: number) =>
    request<Account>(`${accountPath(username)}/enable`, { method: 'POST', version }).then((r) => r.data),
  /** Someone's API tokens, revoked ones included (admins and auditors); admins revoke them. */
  accountTokens: (username: string) => get<ApiToken[]>(`${accountPath(username)}/tokens`),
  revokeAccountToken: (username: string, id: string) =>
    request<unknown>(`${accountPath(username)}/tokens/${enc(id)}`, { method: 'DELETE' }).then(() => undefined),
  resetPassword: (username: string) =>
    request<PasswordResetAnswer>(`${accountPath(username)}/password-reset`, { method: 'POST' }).then((r) => r.data),

  channels: () => get<Channel[]>('/api/channels'),
  allChannels: () => get<Channel[]>('/api/channels?includeRetired=true'),
  addChannel: (channel: ChannelDefinition) =>
    request<Channel>('/api/channels', { method: 'POST', body: channel }).then((r) => r.data),
  changeChannel: (channelId: string, channel: ChannelDefinition, version?: number) =>
    request<Channel>(`/api/channels/${enc(channelId)}`, { method: 'PUT', body: channel, version }).then((r) => r.data),
  retireChannel: (channelId: string, reason: string, version?: number) =>
    request<Channel>(`/api/channels/${enc(channelId)}/retire`, { method: 'POST', body: { reason }, version }).then(
      (r) => r.data,
    ),
  policies: () => get<PolicyAnswer[]>('/api/approval-policies'),
  definePolicy: (policyId: string, definition: PolicyDefinition) =>
    request<PolicyAnswer>(`/api/approval-policies/${enc(policyId)}`, { method: 'PUT', body: definition }).then(
      (r) => r.data,
    ),
  delegations: () => get<DelegationAnswer[]>('/api/delegations'),
  delegate: (group: string, delegate: string, until: string, from?: string) =>
    request<DelegationAnswer>('/api/delegations', { method: 'POST', body: { group, delegate, until, from } }).then(
      (r) => r.data,
    ),
  revokeDelegation: (delegationId: string) =>
    request<DelegationAnswer>(`/api/delegations/${enc(delegationId)}/revoke`, { method: 'POST' }).then((r) => r.data),
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
  /** Signs a step, confirming the guideline checklist items (every item of the story's checklist is needed). */
  approve: (id: string, step: string | undefined, version?: number, checklist: string[] = []) =>
    command(`${storyPath(id)}/approvals`, { ...(step ? { step } : {}), ...(checklist.length ? { checklist } : {}) }, version),
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
  redeliver: (id: string, placementId: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/redeliver`, undefined, version),

  // the read models (admins): where each is, and a rebuild from the event store
  projections: () => get<Projections>('/api/admin/projections'),
  rebuildProjection: (name: string) =>
    request<ProjectionStatus>(`/api/admin/projections/${enc(name)}/rebuild`, { method: 'POST' }).then((r) => r.data),

  connectors: () => get<ChannelConnector[]>('/api/admin/connectors'),
  setConnector: (channelId: string, settings: ConnectorRequest) =>
    request<ChannelConnector>(`/api/admin/channels/${enc(channelId)}/connector`, { method: 'PUT', body: settings }).then(
      (r) => r.data,
    ),

  resumePlacement: (id: string, placementId: string, reason: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/resume`, { reason }, version),
  overrideQuietPeriod: (id: string, placementId: string, blackoutId: string, reason: string, version?: number) =>
    command(`${storyPath(id)}/placements/${enc(placementId)}/quiet-period-overrides`, { blackoutId, reason }, version),
  kill: (id: string, reason: string, version?: number) => command(`${storyPath(id)}/kill`, { reason }, version),
  comment: (id: string, text: string, version?: number) => command(`${storyPath(id)}/comments`, { text }, version),

  // the audit (auditors and admins)
  auditEvents: (filters: AuditFilters, page: number, size: number) =>
    get<AuditPage>(`/api/audit/events${auditQuery(filters, { page, size })}`),
  /** A search as a download: format csv or json. */
  auditExport: (filters: AuditFilters, format: 'csv' | 'json') =>
    download(`/api/audit/events/export.${format}${auditQuery(filters)}`),
  verify: () => get<VerifyAnswer>('/api/audit/verify'),
  verifyAgainst: (checkpoint: Checkpoint) =>
    request<VerifyAnswer>('/api/audit/verify', { method: 'POST', body: checkpoint }).then((r) => r.data),
  checkpoint: () => request<Checkpoint>('/api/audit/checkpoints', { method: 'POST' }).then((r) => r.data),
};

/** The query of an audit search or export: every filter that is set, and the page if given. */
export function auditQuery(filters: AuditFilters, paging: { page?: number; size?: number } = {}): string {
  return query({
    person: filters.person.trim(),
    story: filters.story.trim(),
    channel: filters.channel.trim(),
    campaign: filters.campaign.trim(),
    action: filters.action.trim(),
    from: filters.from,
    to: filters.to,
    page: paging.page,
    size: paging.size,
  });
}

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
    asOf: filters.asOf,
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
