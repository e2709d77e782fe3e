import type { Person } from '../api/types';
import { assignable, personName } from './mentions';

// Choose a colleague to assign a story to, from GET /api/users; a text field when the list is not
// available (older server, error), so assigning still works.

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  people: Person[] | undefined;
  /** The list is still loading: a disabled select, so the control does not change under the user. */
  loading?: boolean;
  required?: boolean;
}

export function AssigneePicker({ id, label, value, onChange, people, loading, required }: Props) {
  const options = people ? assignable(people) : null;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {loading ? (
        <select id={id} disabled aria-busy="true" value="" onChange={() => {}} data-testid="assignee">
          <option value="">Loading people…</option>
        </select>
      ) : options && options.length > 0 ? (
        <select id={id} required={required} value={value} onChange={(e) => onChange(e.target.value)} data-testid="assignee">
          <option value="">{required ? 'Choose a person…' : 'Nobody yet'}</option>
          {options.map((p) => (
            <option key={p.username} value={p.username}>
              {personName(p)} ({p.username}){p.roles.length ? ` — ${p.roles.map(roleText).join(', ')}` : ''}
            </option>
          ))}
          {value && !options.some((p) => p.username === value) && <option value={value}>{value}</option>}
        </select>
      ) : (
        <input id={id} required={required} value={value} onChange={(e) => onChange(e.target.value)} data-testid="assignee" />
      )}
    </>
  );
}

const ROLE_TEXT: Record<string, string> = {
  CONTRIBUTOR: 'contributor',
  EDITOR: 'editor',
  GOVERNANCE_LEAD: 'governance lead',
  ADMIN: 'admin',
  VIEWER: 'viewer',
};

function roleText(role: string): string {
  return ROLE_TEXT[role] ?? role.toLowerCase();
}
