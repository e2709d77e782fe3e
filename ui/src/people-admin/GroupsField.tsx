import { useId, useState, type KeyboardEvent } from 'react';
import { addGroup } from './accounts';

// The groups of an account (e.g. communications, legal, hr): free text, with the groups other accounts
// already have suggested, each chosen one removable. A group decides which approval steps a governance
// lead signs; the server checks the names' form.

export function GroupsField({
  groups,
  onChange,
  suggestions,
}: {
  groups: string[];
  onChange(groups: string[]): void;
  suggestions: readonly string[];
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const add = () => {
    if (!typed.trim()) return;
    onChange(addGroup(groups, typed));
    setTyped('');
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault(); // Enter adds the group, it does not send the form
      add();
    }
  };
  const open = suggestions.filter((g) => !groups.includes(g));
  return (
    <fieldset className="groups-field" data-testid="groups-field">
      <legend>Groups</legend>
      {groups.length > 0 ? (
        <ul className="chips" aria-label="Chosen groups">
          {groups.map((g) => (
            <li key={g} className="chip">
              {g}
              <button type="button" className="link" onClick={() => onChange(groups.filter((x) => x !== g))} aria-label={`Remove the group ${g}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No groups.</p>
      )}
      <label htmlFor={`${id}-add`}>Add a group</label>
      <div className="add-row">
        <input
          id={`${id}-add`}
          list={`${id}-known`}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. legal"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onKey}
          onBlur={add}
          aria-describedby={`${id}-hint`}
        />
        <button type="button" onClick={add}>
          Add<span className="sr-only"> the group</span>
        </button>
      </div>
      <datalist id={`${id}-known`}>
        {open.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <span id={`${id}-hint`} className="hint">
        Lower-case letters, digits and dashes. {open.length > 0 ? `In use: ${open.join(', ')}.` : ''}
      </span>
    </fieldset>
  );
}
