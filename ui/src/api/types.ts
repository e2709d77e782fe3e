// The shapes of the Newsroom API as described in README.md and docs/live-api.md.
// Instants are ISO-8601 strings in UTC.

export type Role = 'CONTRIBUTOR' | 'EDITOR' | 'GOVERNANCE_LEAD' | 'ADMIN' | 'VIEWER' | 'AUDITOR';

/** The names of newsroom.people.Action (the domain's role→action table). */
export type Action =
  | 'PITCH'
  | 'ACCEPT_PITCH'
  | 'DECLINE_PITCH'
  | 'EDIT_DRAFT'
  | 'ASSIGN'
  | 'SUBMIT'
  | 'APPROVE'
  | 'SIGN_ON_BEHALF'
  | 'REQUEST_CHANGES'
  | 'PLAN_PLACEMENT'
  | 'RESCHEDULE_PLACEMENT'
  | 'CANCEL_PLACEMENT'
  | 'PUBLISH_PLACEMENT'
  | 'REDELIVER_PLACEMENT'
  | 'RESUME_PLACEMENT'
  | 'OVERRIDE_QUIET_PERIOD'
  | 'KILL_STORY'
  | 'COMMENT'
  | 'DEFINE_CAMPAIGN'
  | 'DEFINE_BLACKOUT'
  | 'DELEGATE_SIGNING'
  | 'MANAGE_CHANNELS'
  | 'MANAGE_APPROVAL_POLICIES'
  | 'SWITCH_CRISIS_MODE'
  | 'MANAGE_PROJECTIONS'
  | 'MANAGE_CONNECTORS'
  | 'MANAGE_USERS'
  | 'READ_AUDIT_TRAIL'
  | 'READ';

export interface Me {
  username: string;
  displayName?: string;
  roles: Role[];
  /** The groups the user belongs to, e.g. the approval steps they sign (communications, legal). */
  groups?: string[];
  actions: Action[];
  /** The newsroom's time zone (IANA id, server setting newsroom.calendar.time-zone): times are shown and entered in it. */
  timeZone?: string;
  /** Signed in with a one-time password: only POST /api/me/password is allowed until it is replaced. */
  passwordChangeRequired?: boolean;
}

export type StoryStatus = 'PITCHED' | 'IN_PROGRESS' | 'IN_REVIEW' | 'APPROVED' | 'DECLINED' | 'KILLED';
export const BOARD_STATUSES: StoryStatus[] = ['PITCHED', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED'];
/** The board's columns: the open workflow states, then what went out (see board/board.ts boardColumnOf). */
export type BoardColumnId = StoryStatus | 'PUBLISHED';
export const BOARD_COLUMNS: BoardColumnId[] = [...BOARD_STATUSES, 'PUBLISHED'];
export const CLOSED_STATUSES: StoryStatus[] = ['DECLINED', 'KILLED'];

export type Audience = 'B2B' | 'B2C' | 'INTERNAL';
export const AUDIENCES: Audience[] = ['B2B', 'B2C', 'INTERNAL'];
export type Priority = 'LOW' | 'NORMAL' | 'HIGH';
export const PRIORITIES: Priority[] = ['LOW', 'NORMAL', 'HIGH'];

export type PlacementStatus = 'PLANNED' | 'PUBLISHED' | 'CANCELLED';

/** A placement's text as it was in the last approved version. */
export interface ApprovedPlacementText {
  placementId: string;
  channelId: string;
  channelName?: string | null;
  text: string;
}

/** The content of the last approved version of a story: what a re-submission is compared with. */
export interface ApprovedContent {
  contentVersion: number;
  title: string;
  angle?: string | null;
  body?: string | null;
  placements: ApprovedPlacementText[];
}

export interface Approval {
  step: string;
  approvedBy: string;
  contentVersion: number;
  approvedAt: string;
  /** The lead a delegate signed for; null when the approver signed for themself. */
  onBehalfOf?: string | null;
  /** The approval policy versions the signature was given under. */
  policies?: PolicyVersionRef[];
  confirmedChecklist?: string[];
}

export interface PolicyVersionRef {
  policyId: string;
  version: number;
}

/** One step of an approval policy: the group that signs it and how many distinct members must. */
export interface PolicyStep {
  group: string;
  signatures: number;
}

/** An approval policy version as it applied to a story at submission. */
export interface AppliedPolicy {
  policyId: string;
  version: number;
  name: string;
  steps: PolicyStep[];
  checklist: string[];
  placementIds: string[];
}

export interface PolicyVersion {
  version: number;
  name: string;
  steps: PolicyStep[];
  checklist: string[];
  definedBy: string;
  definedAt: string;
}

export interface ApprovalPolicy {
  policyId: string;
  version: number;
  name: string;
  steps: PolicyStep[];
  checklist: string[];
  definedBy: string;
  definedAt: string;
  versions: PolicyVersion[];
}

/** GET /api/approval-policies: each policy with what the caller may do (MANAGE_APPROVAL_POLICIES). */
export interface PolicyAnswer {
  policy: ApprovalPolicy;
  allowedActions: Action[];
}

export interface PolicyDefinition {
  name: string;
  steps: PolicyStep[];
  checklist: string[];
}

export interface ChannelDefinition {
  channelId?: string;
  name: string;
  kind: string;
  colour: string;
  approvalPolicyId?: string | null;
  minimumGapMinutes: number;
}

export interface Delegation {
  delegationId: string;
  delegator: string;
  delegate: string;
  group: string;
  from: string;
  until: string;
  delegatedAt: string;
  revokedBy?: string | null;
  revokedAt?: string | null;
}

/** GET /api/delegations: the ones the caller gave or received. */
export interface DelegationAnswer {
  delegation: Delegation;
  inForce: boolean;
  allowedActions: string[];
}

export type DeliveryStatus = 'NONE' | 'PENDING' | 'RETRYING' | 'DELIVERED' | 'FAILED';

/** Who publishes placements at their slot (events and answers name it instead of a person). */
export const SCHEDULER = 'system:scheduler';

export interface Placement {
  placementId: string;
  channelId: string;
  channelName?: string;
  channelKind?: string;
  slot: string;
  text: string;
  status: PlacementStatus;
  requiredApprovalSteps?: string[];
  plannedBy?: string;
  publishedBy?: string | null;
  publishedAt?: string | null;
  cancelReason?: string | null;
  /** The slot it missed when it went out late (published automatically after Newsroom was down). */
  missedSlot?: string | null;
  /** Why automatic publication left it to an editor: a rule name such as MissedSlotHeld; and what it said. */
  heldFor?: string | null;
  heldReason?: string | null;
  /** How its delivery to the channel's system stands (NONE: nothing to deliver). */
  delivery?: DeliveryStatus;
  deliveryAttempts?: number;
  deliveryDetail?: string | null;
  deliveredAt?: string | null;
  /** Held back by crisis mode until someone resumes, reschedules or cancels it. */
  paused?: boolean;
  pausedBy?: string | null;
  pauseReason?: string | null;
  resumedBy?: string | null;
  resumeReason?: string | null;
  /** The quiet periods a governance lead let this placement go out in. */
  quietPeriodOverrides?: QuietPeriodOverride[];
  /** What the signed-in user may do with this placement now; absent in live pushes. */
  allowedActions?: Action[];
}

export interface Comment {
  commentId: string;
  author: string;
  text: string;
  mentions?: string[];
  at: string;
}

/** A story as the server shows it: its content plus workflow state. */
export interface Story extends StoryContent {
  storyId: string;
  version: number;
  status: StoryStatus;
  pitchedBy?: string;
  pitchedAt?: string;
  assignee?: string | null;
  lastEditedBy?: string | null;
  contentVersion?: number;
  requiredApprovalSteps?: string[];
  pendingApprovalSteps?: string[];
  approvals?: Approval[];
  placements?: Placement[];
  comments?: Comment[];
  lastFeedback?: string | null;
  nextSlot?: string | null;
  /** Gone out: a placement published and none still planned (the server's domain decides). */
  fullyPublished?: boolean;
  updatedAt?: string;
  /** Only on the answer to planning a placement that collides. */
  warnings?: Collision[];
  /** What the signed-in user may do with this story now (server's decision); absent in live pushes. */
  allowedActions?: Action[];
  /** The approval steps the signed-in user may sign now; absent in live pushes. */
  approvableSteps?: string[];
  /** Null until first approved; then the last approved content, to show what changed since. */
  lastApprovedContent?: ApprovedContent | null;
  /** The approval policy versions recorded at the last submission. */
  approvalPolicies?: AppliedPolicy[];
  /** Their guideline checklist: an approver confirms every item. */
  checklist?: string[];
}

/** The editable content of a story: the body of a pitch and of PUT /draft. */
export interface StoryContent {
  title: string;
  angle?: string | null;
  body?: string | null;
  desk: string;
  audience?: Audience | null;
  campaign?: string | null;
  priority?: Priority | null;
  embargo?: string | null;
  sourceStoryId?: string | null;
}

export interface HistoryEntry {
  version: number;
  type: string;
  at: string;
  by: string;
  correlationId?: string;
  data?: unknown;
}

export interface Channel {
  /** GET /api/channels answers `id`; accept `channelId` too. */
  id?: string;
  channelId?: string;
  name: string;
  kind: string;
  requiredApprovalSteps?: string[];
  colour?: string;
  approvalPolicyId?: string | null;
  minimumGapMinutes?: number;
  retired?: boolean;
  retiredReason?: string | null;
  version?: number;
  /** CHANGE and RETIRE when the caller may (the server's decision). */
  allowedActions?: string[];
}

export type CollisionKind = 'CHANNEL_GAP' | 'HIGH_PRIORITY_DAY' | 'BLACKOUT';
export interface Collision {
  kind: CollisionKind | string;
  message: string;
  entryIds?: string[];
}

export type EntryStatus = 'PLANNED' | 'SCHEDULED' | 'PUBLISHED' | 'PAUSED' | 'CANCELLED';
export const ENTRY_STATUSES: EntryStatus[] = ['PLANNED', 'SCHEDULED', 'PUBLISHED', 'PAUSED', 'CANCELLED'];

export interface CalendarEntry {
  entryId: string;
  storyId: string;
  placementId: string;
  channelId: string;
  channelName?: string;
  channelKind?: string;
  slot: string;
  status: EntryStatus;
  title: string;
  desk?: string;
  campaign?: string | null;
  audience?: Audience | null;
  priority?: Priority | null;
  owner?: string | null;
  approvalState?: 'NOT_SUBMITTED' | 'PENDING' | 'APPROVED';
  sourceStoryId?: string | null;
  collisions?: Collision[];
  /** The crisis that paused it, while it waits for a decision. */
  pausedByCrisis?: string | null;
  quietPeriodOverrides?: QuietPeriodOverride[];
}

/** A governance lead's override of one quiet period for one placement. */
export interface QuietPeriodOverride {
  placementId?: string;
  blackoutId: string;
  blackoutName?: string;
  reason: string;
  overriddenBy: string;
  overriddenAt?: string;
}

/** One crisis: who switched it on and why; once over, who ended it, why and what was decided. */
export interface Crisis {
  crisisId: string;
  reason: string;
  switchedOnBy: string;
  switchedOnAt: string;
  endedBy?: string | null;
  endedAt?: string | null;
  endReason?: string | null;
  decision?: PausedPlacementsDecision | null;
}

export type PausedPlacementsDecision = 'DECIDE_EACH' | 'RESUME' | 'CANCEL';

/** GET /api/crisis. */
export interface CrisisStatus {
  active: boolean;
  current: Crisis | null;
  recent: Crisis[];
  allowedActions?: Action[];
}

/** What /topic/governance pushes: crisis mode on or over, a quiet period defined or lifted. */
export interface GovernanceUpdate {
  position: number;
  type: 'CrisisModeSwitchedOn' | 'CrisisModeEnded' | 'BlackoutPeriodDefined' | 'BlackoutPeriodLifted' | string;
  at: string;
  by?: string;
  event: Record<string, unknown>;
}

/** A quiet period as the calendar draws it (normalised from the server's BlackoutView). */
export interface Blackout {
  blackoutId: string;
  name: string;
  channels: string[];
  from: string;
  to: string;
  reason?: string;
}

/** A quiet period as GET/POST /api/blackouts answer it. */
export interface BlackoutView {
  blackoutId: string;
  name: string;
  channelIds: string[];
  startsAt: string;
  endsAt: string;
  reason?: string | null;
  definedBy?: string | null;
  lifted?: boolean;
}

/** The body of POST /api/blackouts: empty channels = all channels. */
export interface BlackoutRequest {
  name: string;
  channels: string[];
  from: string;
  to: string;
  reason: string;
}

export interface CalendarResponse {
  from: string;
  to: string;
  position?: number;
  entries: CalendarEntry[];
  blackouts?: Blackout[];
}

export interface CalendarFilters {
  channels: string[];
  desk: string;
  campaign: string;
  statuses: EntryStatus[];
  /** A story id: that story and the stories derived from it. */
  source?: string;
  /** An instant (ISO): the placements as they stood then (time travel); absent for now. */
  asOf?: string;
}

export interface BoardColumn {
  status: BoardColumnId;
  stories: Story[];
}

export interface Board {
  position?: number;
  /** The Published column holds stories last published at or after this instant. */
  publishedSince?: string;
  columns: BoardColumn[];
}

export interface LiveUpdate {
  position: number;
  type: string;
  storyId: string;
  placementId?: string | null;
  at?: string;
  by?: string;
  story?: Story | null;
}

export interface LiveUpdates {
  position?: number;
  updates: LiveUpdate[];
}

export type NotificationKind =
  | 'ASSIGNED'
  | 'APPROVAL_REQUESTED'
  | 'SENT_BACK'
  | 'MENTIONED'
  | 'DELIVERY_FAILED'
  | 'PUBLICATION_HELD';

/** What happens to a placement whose slot passed while Newsroom was down (per channel). */
export type MissedSlot = 'PUBLISH_LATE' | 'HOLD';

/** A channel's outgoing connector as the admin API answers it: the secret itself is never sent back. */
/** A read model the admin may rebuild (GET /api/admin/projections). */
export interface ProjectionStatus {
  name: string;
  /** The last event position it has applied; -1 before the first. */
  position: number;
  /** How many positions it is behind the event store's head. */
  lag: number;
  caughtUp: boolean;
  running: boolean;
  /** Rebuilding: replaying events it had applied before the rebuild was asked for. */
  replaying: boolean;
}

export interface Projections {
  head: number;
  projections: ProjectionStatus[];
}

export interface ChannelConnector {
  channelId: string;
  channelName: string;
  url?: string | null;
  secretSet: boolean;
  missedSlot: MissedSlot;
  updatedBy?: string | null;
  updatedAt?: string | null;
}

export interface ConnectorRequest {
  url: string | null;
  /** Omitted: keep the secret set before. */
  secret?: string;
  missedSlot: MissedSlot;
}
export interface Notification {
  notificationId: string;
  position?: number;
  kind: NotificationKind | string;
  storyId: string;
  storyTitle?: string;
  by?: string;
  at?: string;
  text?: string;
}

export type PresenceMode = 'VIEWING' | 'EDITING';
export interface Presence {
  storyId: string;
  people: { username: string; mode: PresenceMode }[];
}

export interface Campaign {
  campaignId: string;
  name: string;
  goal?: string | null;
  kpi?: string | null;
  /** Dates (YYYY-MM-DD), both optional. */
  startsOn?: string | null;
  endsOn?: string | null;
  definedBy?: string | null;
}

/** The body of PUT /api/campaigns/{id}. */
export interface CampaignDefinition {
  name: string;
  goal?: string | null;
  kpi?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

/** One of the newsroom's people (GET /api/users): to assign and to @mention. */
export interface Person {
  username: string;
  displayName?: string | null;
  roles: Role[];
  groups?: string[];
}

/** GET /api/me/calendar-feed: a personal iCalendar subscription URL. */
export interface CalendarFeed {
  token: string;
  url: string;
}

/** GET /api/session/options (no sign-in needed): whether the newsroom also offers single sign-on. */
export interface SessionOptions {
  /** Whether user name and password sign in here. */
  password?: boolean;
  sso: { name: string; loginUrl: string } | null;
}

/** POST /api/me/password. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** One of my personal API tokens (GET /api/me/tokens); the secret itself is shown only when it is made. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt?: string | null;
  /** Only in an admin's or auditor's list of someone's tokens (my own list has only working ones). */
  revoked?: boolean;
}

/** POST /api/me/tokens: the new token with its secret, in this answer only. */
export interface NewApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  token: string;
}

export const ROLES: Role[] = ['CONTRIBUTOR', 'EDITOR', 'GOVERNANCE_LEAD', 'ADMIN', 'VIEWER', 'AUDITOR'];

/** What may be done to one account (newsroom.people.AccountAction); the server answers it per account and caller. */
export type AccountAction = 'CHANGE_ROLES' | 'CHANGE_GROUPS' | 'DISABLE' | 'RE_ENABLE' | 'RESET_PASSWORD' | 'CHANGE_PASSWORD';

/** An account as admins and auditors see it (GET /api/admin/users); never a password. */
export interface Account {
  username: string;
  displayName?: string | null;
  roles: Role[];
  groups: string[];
  enabled: boolean;
  passwordChangeRequired: boolean;
  registeredAt?: string | null;
  registeredBy?: string | null;
  /** Sent back as If-Match with a change. */
  version: number;
  /** What the signed-in user may do to this account now. */
  allowedActions: AccountAction[];
}

/** POST /api/admin/users: the new account and its one-time password, shown once. */
export interface Registration {
  account: Account;
  oneTimePassword: string;
}

export interface RegisterRequest {
  username: string;
  displayName?: string;
  roles: Role[];
  groups: string[];
}

/** POST /api/admin/users/{username}/password-reset. */
export interface PasswordResetAnswer {
  username: string;
  oneTimePassword: string;
}

/** One stored event as the audit shows it (GET /api/audit/events). */
export interface AuditEntry {
  entryId: number;
  position: number;
  at: string;
  by: string | null;
  action: string;
  aggregateType: string | null;
  aggregateId: string | null;
  version: number;
  storyId: string | null;
  placementId: string | null;
  channels: string[];
  campaign: string | null;
  correlationId: string | null;
  reason: string | null;
  data: unknown;
}

export interface AuditPage {
  total: number;
  page: number;
  size: number;
  entries: AuditEntry[];
}

/** An audit search: every filter that is set must match; from/to are ISO instants. */
export interface AuditFilters {
  person: string;
  story: string;
  channel: string;
  campaign: string;
  action: string;
  from: string;
  to: string;
}

/** GET /api/audit/verify: the hash chain recomputed. */
export interface VerifyAnswer {
  intact: boolean;
  commits: number;
  head: number;
  headHash: string;
  firstBadCommit: number | null;
  problem: string | null;
  /** With a kept checkpoint: `matches` is left out when its signature is not this server's (not compared). */
  checkpoint?: CheckpointCheck;
}

/** What a kept checkpoint says about the store now. */
export interface CheckpointCheck {
  signatureValid: boolean;
  matches?: boolean;
  problem?: string | null;
}

/** A signed checkpoint of the chain's head (POST /api/audit/checkpoints), kept by the auditor. */
export interface Checkpoint {
  commit: number;
  hash: string;
  issuedAt: string;
  signature: string;
  publicKey: string;
}
