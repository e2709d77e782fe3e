import { problemType, type FieldProblem, type HoldingQuietPeriod, type Problem, type ProblemChange } from '../api/problem';
import { formatInstant } from '../time/format';

// What people read when the server refuses or fails: one plain sentence, what to do next, the fields
// to fix. Written for editors, not engineers: no status codes, rule names or ids in the main text —
// those stay available under "Details" for whoever helps them. The server's own wording is used where
// it already reads well (its rule descriptions), and for rules this dashboard does not know yet.

export interface ProblemMessage {
  headline: string;
  advice?: string;
  fields: { field: string; label: string; message: string }[];
  /** Status, type, rule, the server's detail: for support, behind a disclosure. */
  technical: string[];
}

export interface MessageOptions {
  /** The sign-in form: a 401 means the user name or password is wrong, not an expired session. */
  signIn?: boolean;
  /** A person's display name for a username (conflicts name who changed the story). */
  nameOf?: (username: string) => string;
}

/** Every named rule of the domain (docs/api-errors.md), as a sentence an editor understands. */
export const RULE_SENTENCES: Record<string, string> = {
  FourEyesPrinciple: 'You pitched, last edited or wrote a placement of this story, so someone else has to approve it (four-eyes principle).',
  DistinctApproversRequired: 'You already approved another step of this version; a different person has to approve this one.',
  ApprovalStepNotRequired: 'The channels of this story do not need that approval.',
  ApprovalStepAlreadyGranted: 'That approval has already been given for the current version.',
  ApprovalStepMustBeNamed: 'More than one approval is still open; choose the one you are giving.',
  RequiredApprovalsMissing: 'This placement cannot go out yet: its channel needs approvals the current version does not have.',
  EmbargoNotLifted: 'The story is under embargo: nothing goes out before the embargo lifts.',
  SlotBeforeEmbargo: 'That time is before the story’s embargo: choose a time after the embargo.',
  SlotInThePast: 'That time has already passed: choose a later time, or publish the placement now.',
  PlacementAlreadyPublished: 'This placement has already gone out.',
  PlacementCancelled: 'This placement was cancelled; it cannot be changed or published.',
  PlacementNotPublished: 'This placement has not gone out, so there is nothing to deliver.',
  DeliveryNotFailed: 'Only a failed delivery can be sent again; this one is delivered or still being tried.',
  PlacementAlreadyExists: 'This story already has a placement with that id: choose another id, or leave it empty.',
  StoryClosed: 'This story was killed or declined; it cannot be changed any more.',
  StoryFullyPublished: 'Every placement of this story has gone out, so it cannot be killed.',
  InvalidWorkflowTransition: 'That step is not possible while the story is in its current state.',
  ContributorsEditOwnDraftsOnly: 'Contributors can change only the stories they pitched or are assigned to.',
  StoryCannotBeItsOwnSource: 'A derived story needs another story as its source.',
  BlackoutAlreadyLifted: 'This quiet period has already been lifted.',
  QuietPeriodInForce: 'A quiet period holds this channel at that time: nothing goes out in it unless a governance lead overrides it for this placement.',
  ApproverNotInStepGroup: 'Only a governance lead of the group that signs this step, or someone holding their delegation, can approve it.',
  ChecklistNotConfirmed: 'Confirm every guideline of the approval policy before approving.',
  ChannelRetired: 'This channel was retired and takes no new placements.',
  ChannelAlreadyExists: 'A channel with this id exists (or existed): choose another id.',
  ChannelAlreadyRetired: 'This channel is already retired.',
  OnlyDelegatorRevokes: 'Only the lead who gave this delegation can revoke it.',
  DelegationAlreadyRevoked: 'This delegation is already revoked.',
  // accounts
  UsernameTaken: 'That user name is taken — also by a disabled account, as user names are never reused: choose another.',
  CannotDisableYourself: 'You cannot disable your own account; another admin has to.',
  CannotRevokeYourOwnAdminRole: 'You cannot take the admin role from yourself; another admin has to.',
  UserAlreadyDisabled: 'This account is already disabled.',
  UserNotDisabled: 'This account is not disabled.',
  OwnPasswordOnly: 'You can change only your own password; to help someone else, give them a new one-time password.',
  AccountDisabled: 'This account is disabled.',
  PasswordChangeRequired: 'Choose your own password first: until you do, the newsroom lets you do nothing else.',
  // personal API tokens
  OwnTokensOnly: 'You can make and revoke only your own API tokens.',
  TokenAlreadyRevoked: 'This token is already revoked.',
};

/** The password rules (newsroom.people.PasswordPolicy) as people read them, in the order the server checks them. */
export const PASSWORD_RULES: { rule: string; text: string }[] = [
  { rule: 'PasswordTooShort', text: 'At least 12 characters — a few unrelated words make a good one.' },
  { rule: 'PasswordTooLong', text: 'At most 72 bytes (72 plain letters; fewer with accents or emoji).' },
  { rule: 'PasswordEqualsUsername', text: 'Not your user name.' },
  { rule: 'PasswordTooCommon', text: 'Not one of the passwords people use most or that have leaked.' },
  { rule: 'PasswordTooGuessable', text: 'Not easy to guess: no keyboard rows, repeats, or your name with a few digits.' },
  { rule: 'NewPasswordMustDiffer', text: 'Different from the password you have now.' },
];

/** The fields the server can name, by the label the forms give them. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  angle: 'Angle',
  body: 'Body',
  desk: 'Desk or department',
  audience: 'Audience',
  campaign: 'Campaign',
  priority: 'Priority',
  embargo: 'Embargo',
  sourceStoryId: 'Source story',
  channelId: 'Channel',
  slot: 'Slot',
  text: 'Text',
  placementId: 'Placement id',
  reason: 'Reason',
  comment: 'Comment',
  assignee: 'Assignee',
  step: 'Approval',
  name: 'Name',
  channels: 'Channels',
  from: 'From',
  to: 'To',
  goal: 'Goal',
  kpi: 'KPI',
  startsOn: 'Starts on',
  endsOn: 'Ends on',
  username: 'User name',
  displayName: 'Display name',
  roles: 'Roles',
  groups: 'Groups',
  currentPassword: 'Current password',
  newPassword: 'New password',
  expiresAt: 'Expires',
  url: 'Webhook URL',
  secret: 'Secret',
  missedSlot: 'Missed slots',
};

/** What a story event did, in words ("approved legal"); history entries and conflicts use it. */
const CHANGE_WORDS: Record<string, (data: Record<string, unknown>) => string> = {
  StoryPitched: () => 'pitched it',
  PitchAccepted: () => 'accepted the pitch',
  PitchDeclined: () => 'declined the pitch',
  DraftEdited: () => 'edited the draft',
  StoryAssigned: (d) => (typeof d.assignee === 'string' ? `assigned it to ${d.assignee}` : 'assigned it'),
  StorySubmitted: () => 'submitted it for approval',
  ApprovalGranted: (d) => (typeof d.step === 'string' ? `approved ${d.step}` : 'approved it'),
  StoryApproved: () => 'approved it',
  ApprovalWithdrawn: () => 'withdrew an approval',
  ChangesRequested: () => 'sent it back for changes',
  PlacementPlanned: () => 'planned a placement',
  PlacementRescheduled: () => 'moved a placement',
  PlacementCancelled: () => 'cancelled a placement',
  PlacementPublished: () => 'published a placement',
  PlacementPublicationHeld: () => 'held a placement for an editor',
  PlacementDeliveryRetrying: () => 'is retrying a delivery',
  PlacementDelivered: () => 'delivered a placement',
  PlacementDeliveryFailed: () => 'failed to deliver a placement',
  PlacementRedeliveryRequested: () => 'asked to deliver a placement again',
  StoryKilled: () => 'killed it',
  StoryCommented: () => 'commented',
};

/** A history entry's event in words: "approved legal", "published a placement". */
export function changeWords(type: string, data?: unknown): string {
  return CHANGE_WORDS[type]?.((data ?? {}) as Record<string, unknown>) ?? type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? capitalise(trimmed) : `${capitalise(trimmed)}.`;
}

function humanise(field: string, rule?: string): string {
  // "body" is also what the server calls the request as a whole (unreadable, missing).
  if (!field || (field === 'body' && (rule === 'MalformedJson' || rule === 'Required'))) return 'Request';
  field = field.replace(/\[\d+\]/g, ''); // groups[1] is one of the groups
  return FIELD_LABELS[field] ?? capitalise(field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase());
}

/** A field error in words: "is required", "is too long (at most 200 characters)". */
export function fieldMessage(error: FieldProblem): string {
  const numbers = (error.message.match(/\d+/g) ?? []).map(Number);
  switch (error.rule) {
    case 'NotBlank':
    case 'NotEmpty':
    case 'NotNull':
    case 'Required':
      return 'is required';
    case 'Size':
      return numbers.length > 0 ? `is too long (at most ${Math.max(...numbers)} characters)` : 'has the wrong length';
    case 'Pattern':
      return 'contains characters that are not allowed here';
    case 'InvalidFormat':
      return 'is not in a form the newsroom understands';
    case 'Future':
    case 'FutureOrPresent':
      return 'must be in the future';
    case 'UnknownField':
    case 'MalformedJson':
      return 'could not be read; reload the page and try again';
    // accounts and passwords (docs/api-errors.md, "Accounts and passwords")
    case 'PasswordTooShort':
      return 'is too short: use at least 12 characters';
    case 'PasswordTooLong':
      return 'is too long: use at most 72 bytes (72 plain letters, fewer with accents or emoji)';
    case 'PasswordEqualsUsername':
      return 'must not be your user name';
    case 'PasswordTooCommon':
      return 'is one of the passwords people use most or that have leaked: choose another';
    case 'PasswordTooGuessable':
      return 'is too easy to guess: use a few unrelated words, not keyboard rows, repeats or a name with digits';
    case 'NewPasswordMustDiffer':
      return 'must differ from the password you have now';
    case 'CurrentPasswordIncorrect':
      return 'is not right: type the password you signed in with';
    case 'UsernameFormat':
      return 'must be 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter';
    case 'AtLeastOneRole':
      return 'are empty: choose at least one';
    case 'GroupNameFormat':
      return 'must be lower-case letters, digits and dashes, e.g. legal or hr';
    case 'TokenNameFormat':
      return 'must be 1 to 100 characters that say where the token is used';
    case 'TokenExpiryRequired':
      return 'is needed: every token stops working on a day you choose';
    case 'TokenExpiryInThePast':
      return 'must be a day in the future';
    case 'TokenLifetimeTooLong':
      return 'is too far ahead: choose an earlier day';
    default:
      return error.message;
  }
}

function people(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 1 ? unique.join('') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** "Grace approved communications and Lena edited the draft": someone else's changes, in words. */
export function describeChanges(changes: ProblemChange[], nameOf: (username: string) => string = (u) => u): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const change of changes) {
    // An approval completing the story arrives with the approval itself; say it once.
    if (change.type === 'StoryApproved' && changes.some((c) => c.type === 'ApprovalGranted' && c.by === change.by)) continue;
    if (change.type === 'ApprovalWithdrawn' && changes.some((c) => c.type === 'DraftEdited' && c.by === change.by)) continue;
    const words = CHANGE_WORDS[change.type] ? changeWords(change.type, change.data) : 'changed it';
    const who = change.by ? nameOf(change.by) : 'Someone';
    const line = `${who} ${words}`;
    if (!seen.has(line)) parts.push(line);
    seen.add(line);
  }
  return people(parts);
}

/** “Q1 results” (Sat, 6 Mar 2027, 00:00 to Sun, 7 Mar 2027, 00:00), and the next one, in the newsroom's zone. */
function quietPeriodsText(periods: HoldingQuietPeriod[]): string {
  return people(periods.map((q) => `“${q.name}” (${formatInstant(q.startsAt)} to ${formatInstant(q.endsAt)})`));
}

/** A QuietPeriodInForce refusal that names its periods: which hold the channel, and who may let it through. */
function quietPeriodMessage(periods: HoldingQuietPeriod[]): { headline: string; advice: string } {
  const one = periods.length === 1;
  const it = one ? 'it' : 'them';
  return {
    headline: `The quiet period${one ? '' : 's'} ${quietPeriodsText(periods)} ${one ? 'holds' : 'hold'} this channel at that time: nothing goes out in ${it} unless a governance lead overrides ${it} for this placement.`,
    advice: periods.every((q) => q.overridable)
      ? `You may override ${it} for this placement, giving a reason.`
      : `Choose another time, or ask a governance lead to override ${it} for this placement.`,
  };
}

function technicalLines(problem: Problem): string[] {
  const lines: string[] = [];
  if (problem.status) lines.push(`Answer ${problem.status}${problem.title ? ` — ${problem.title}` : ''}`);
  else lines.push('No answer from the server');
  if (problem.rule) lines.push(`Rule ${problem.rule}`);
  if (problem.detail) lines.push(problem.detail);
  if (problem.currentVersion !== undefined) lines.push(`${problem.username ? 'Account' : 'Story'} version now ${problem.currentVersion}`);
  if (problem.incident) lines.push(`Incident ${problem.incident}`);
  if (problem.type && problem.type !== 'about:blank') lines.push(`Type ${problem.type}`);
  return lines;
}

/** "40 seconds", "1 second", "3 minutes". */
export function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} second${Math.round(seconds) === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Who may do what the 403 refused, for the advice. */
function askWhom(problem: Problem): string {
  return problem.action === 'MANAGE_USERS' || problem.action === 'READ_AUDIT_TRAIL' || problem.action === 'MANAGE_PROJECTIONS'
    ? 'Ask an admin if it needs doing.'
    : 'Ask an editor or a governance lead if it needs doing.';
}

/** The message to show for a problem. */
export function describeProblem(problem: Problem, options: MessageOptions = {}): ProblemMessage {
  const fields = problem.errors.map((e) => ({ field: e.field, label: humanise(e.field, e.rule), message: fieldMessage(e) }));
  const technical = technicalLines(problem);
  const say = (headline: string, advice?: string): ProblemMessage => ({ headline, advice, fields, technical });
  const type = problemType(problem);

  if (problem.changes && problem.changes.length > 0) {
    return say(
      `${describeChanges(problem.changes, options.nameOf)} meanwhile.`,
      'The story now shows their changes: check them, then try again.',
    );
  }
  if (problem.rule === 'QuietPeriodInForce' && problem.quietPeriods && problem.quietPeriods.length > 0) {
    const { headline, advice } = quietPeriodMessage(problem.quietPeriods);
    return say(headline, advice);
  }
  if (problem.rule) {
    const known = RULE_SENTENCES[problem.rule];
    return say(known ?? (problem.ruleDescription ? sentence(problem.ruleDescription) : 'The newsroom’s rules do not allow this.'));
  }
  switch (problem.status) {
    case 0:
      return say('The Newsroom server cannot be reached.', 'Check your connection and try again.');
    case 400:
      return say(
        fields.length > 0 ? 'Some of what you entered needs a change:' : 'The newsroom could not accept this.',
        fields.length > 0 ? undefined : 'Reload the page and try again.',
      );
    case 401:
      return options.signIn || type === 'sign-in-failed'
        ? say('That user name and password do not match.', 'Check both and try again.')
        : say('You have been signed out.', 'Sign in again to continue.');
    case 403:
      if (type === 'csrf-token-invalid') return say('This page is out of date.', 'Reload the page and try again.');
      if (type === 'password-change-required') {
        return say('Choose your own password first.', 'You signed in with a one-time password; until you replace it the newsroom lets you do nothing else.');
      }
      return say('Your role does not allow this.', askWhom(problem));
    case 404:
      if (type === 'story-not-found') return say('This story does not exist (any more).');
      if (type === 'placement-not-found') return say('This placement is not part of the story (any more).');
      if (type === 'campaign-not-found') return say('There is no such campaign.');
      if (type === 'channel-not-found') return say('There is no such channel.');
      if (type === 'approval-policy-not-found') return say('There is no such approval policy.');
      if (type === 'delegation-not-found') return say('There is no such delegation.');
      if (type === 'blackout-not-found') return say('There is no such quiet period.');
      if (type === 'user-not-found') return say('There is no such account.');
      if (type === 'api-token-not-found') return say('There is no such API token.', 'It may have been revoked already; reload the page.');
      return say('This could not be found.', 'It may have been removed; reload the page.');
    case 409:
      if (type === 'idempotency-key-in-progress') return say('This is still being saved.', 'Wait a moment; it will show when done.');
      if (problem.currentVersion !== undefined && problem.username) {
        return say('Someone changed this account meanwhile.', 'It now shows their change: check it, then try again.');
      }
      if (problem.currentVersion !== undefined) {
        return say('Someone changed this story meanwhile.', 'The story now shows their changes: check them, then try again.');
      }
      return say('This clashes with a change made meanwhile.', 'Reload and try again.');
    case 413:
      return say('This is too long to save.', 'Shorten the text and try again.');
    case 422:
      return say('This was already sent with different content.', 'Reload the page and try again.');
    case 429:
      if (type === 'too-many-sign-in-attempts') {
        return problem.retryAfterSeconds !== undefined
          ? say(`Too many attempts — try again in ${waitText(problem.retryAfterSeconds)}.`, 'After several failed sign-ins the newsroom waits a little, to keep guessers out.')
          : say('Too many attempts — wait a moment and try again.');
      }
      return say('Too many requests at once.', 'Wait a moment and try again.');
    case 502:
    case 503:
    case 504:
      return say('The Newsroom server is not answering right now.', 'Try again in a moment.');
    default:
      if (problem.status >= 500) {
        return say(
          'Something went wrong on the server.',
          `Try again; if it keeps happening, tell the Newsroom team${problem.incident ? ` (incident ${problem.incident.slice(0, 8)})` : ''}.`,
        );
      }
      return say('The newsroom could not do this.', 'Reload the page and try again.');
  }
}

/** One line (toasts, accessible names): headline, then advice. */
export function problemLine(problem: Problem, options: MessageOptions = {}): string {
  const message = describeProblem(problem, options);
  const fieldText = message.fields.map((f) => `${f.label} ${f.message}`).join('; ');
  return [message.headline, fieldText, message.advice].filter(Boolean).join(' ');
}
