import type { Role } from '../api/types';

// The roles in words (README "Roles and groups"); what each may do is the server's table, GET /api/me.

export const ROLE_TEXT: Record<Role, string> = {
  CONTRIBUTOR: 'Contributor',
  EDITOR: 'Editor',
  GOVERNANCE_LEAD: 'Governance lead',
  ADMIN: 'Admin',
  VIEWER: 'Viewer',
  AUDITOR: 'Auditor',
};

/** One line per role for the forms that give roles. */
export const ROLE_MEANING: Record<Role, string> = {
  CONTRIBUTOR: 'pitches stories, edits and submits their own, comments',
  EDITOR: 'shapes, assigns, plans and publishes stories on channels',
  GOVERNANCE_LEAD: 'approves for their groups, sends back, defines quiet periods',
  ADMIN: 'runs the accounts and the read models; no editorial work',
  VIEWER: 'reads the calendar, the board and the stories',
  AUDITOR: 'reads everything, including every account and its history; changes nothing',
};

export function roleText(role: string): string {
  return ROLE_TEXT[role as Role] ?? role;
}

export function rolesText(roles: readonly string[]): string {
  return roles.map(roleText).join(', ');
}
