import { useId } from 'react';
import { ROLES, type Role } from '../api/types';
import { ROLE_MEANING, ROLE_TEXT } from '../auth/roles';

/** The roles of an account: one checkbox per role, with what it may do. */
export function RolesField({ roles, onChange }: { roles: Role[]; onChange(roles: Role[]): void }) {
  const id = useId();
  const toggle = (role: Role, on: boolean) => onChange(on ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role));
  return (
    <fieldset className="roles-field" data-testid="roles-field">
      <legend>Roles</legend>
      {ROLES.map((role) => (
        <label key={role} className="checkbox" htmlFor={`${id}-${role}`}>
          <input id={`${id}-${role}`} type="checkbox" checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
          <span>
            {ROLE_TEXT[role]} <span className="muted">— {ROLE_MEANING[role]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
