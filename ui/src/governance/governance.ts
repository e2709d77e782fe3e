import type { Approval, Channel, DelegationAnswer, Me, PolicyDefinition, PolicyStep } from '../api/types';
import { can } from '../auth/permissions';

// Pure helpers of the governance views (channels, approval policies, delegations). What a person may do is
// the server's answer (`allowedActions`); these only read it and shape form input.

/** The channel's buttons: exactly what the server offers on it. */
export function channelButtons(channel: Channel): { change: boolean; retire: boolean } {
  const allowed = new Set(channel.allowedActions ?? []);
  return { change: allowed.has('CHANGE'), retire: allowed.has('RETIRE') };
}

/**
 * Steps typed one per line as "group" or "group × n" (also "group x n", "group *n"): the group that signs and how
 * many distinct members must. Blank lines are skipped; the server checks the rules and names the broken one.
 */
export function parseSteps(text: string): PolicyStep[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const match = /^(.+?)\s*(?:[×x*]\s*(\d+))?$/.exec(line);
      const group = (match?.[1] ?? line).trim();
      const signatures = match?.[2] ? Number(match[2]) : 1;
      return { group, signatures };
    });
}

/** The steps as the form shows them, the inverse of parseSteps. */
export function formatSteps(steps: PolicyStep[]): string {
  return steps.map((s) => (s.signatures === 1 ? s.group : `${s.group} × ${s.signatures}`)).join('\n');
}

/** A policy form's input as the request body: one checklist item per line. */
export function policyDefinition(name: string, stepsText: string, checklistText: string): PolicyDefinition {
  return {
    name: name.trim(),
    steps: parseSteps(stepsText),
    checklist: checklistText
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  };
}

/** "2 × communications + legal": how a policy's steps read in a list. */
export function describeSteps(steps: PolicyStep[]): string {
  return steps.map((s) => (s.signatures > 1 ? `${s.signatures} × ${s.group}` : s.group)).join(' + ');
}

/** The delegations in force that name this person as delegate: they may sign those groups' steps. */
export function delegationsHeld(delegations: DelegationAnswer[], username: string): DelegationAnswer[] {
  return delegations.filter((d) => d.inForce && d.delegation.delegate === username);
}

/**
 * Whether this person signs approvals now: a governance lead, or a delegate whose delegation the server says is in
 * force. The approvals tab and the live approval updates both ask this (the server decides the same for the inbox
 * and the approval topic).
 */
export function signsApprovals(me: Me | null | undefined, delegations: DelegationAnswer[]): boolean {
  return can(me, 'APPROVE') || delegationsHeld(delegations, me?.username ?? '').length > 0;
}

/** One line about a delegation from the point of view of the signed-in person. */
export function describeDelegation(answer: DelegationAnswer, username: string): string {
  const d = answer.delegation;
  const state = d.revokedAt ? 'revoked' : answer.inForce ? 'in force' : 'not in force';
  return d.delegator === username
    ? `You delegated signing for ${d.group} to ${d.delegate} (${state})`
    : `${d.delegator} delegated signing for ${d.group} to you (${state})`;
}

/**
 * A step's state in the story's approvals: every signature so far (a delegate's "for" the lead they signed for),
 * then "pending" while it still needs more.
 */
export function stepState(step: string, approvals: Approval[], pending: boolean, when: (iso: string) => string): string {
  const signatures = approvals
    .filter((a) => a.step === step)
    .map((a) => `${a.approvedBy}${a.onBehalfOf ? ` for ${a.onBehalfOf}` : ''}, ${when(a.approvedAt)}`);
  if (signatures.length === 0) return 'pending';
  return pending ? `signed by ${signatures.join('; ')} — more signatures pending` : `approved by ${signatures.join('; ')}`;
}
