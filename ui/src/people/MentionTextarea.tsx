import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Person } from '../api/types';
import { activeMention, insertMention, personName, suggestPeople, type ActiveMention } from './mentions';

// A textarea that suggests people while an "@name" is typed: the ARIA combobox pattern with a
// listbox. Arrow keys move through the suggestions, Enter or Tab picks, Escape closes the list;
// the mouse works too. Typing goes on as usual when nothing matches.

interface Props {
  id: string;
  value: string;
  onChange(value: string): void;
  people: Person[];
  me?: string;
  rows?: number;
  describedBy?: string;
}

export function MentionTextarea({ id, value, onChange, people, me, rows = 2, describedBy }: Props) {
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<ActiveMention | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);

  const suggestions = mention ? suggestPeople(people, mention.query, me) : [];
  const open = mention !== null && suggestions.length > 0 && dismissed !== mention.start;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));

  function track(text: string, position: number) {
    const found = activeMention(text, position);
    setMention(found);
    setCaret(position);
    if (!found || found.start !== mention?.start || found.query !== mention?.query) setActive(0);
    if (!found) setDismissed(null);
  }

  function pick(person: Person) {
    if (!mention) return;
    const next = insertMention(value, mention, caret, person.username);
    onChange(next.text);
    setMention(null);
    requestAnimationFrame(() => {
      const element = area.current;
      if (!element) return;
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((activeIndex + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((activeIndex - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[activeIndex]);
    } else if (event.key === 'Escape') {
      // Close the list only: the drawer must not close as well.
      event.preventDefault();
      event.stopPropagation();
      event.nativeEvent.stopImmediatePropagation();
      setDismissed(mention!.start);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="mention-box">
      <textarea
        id={id}
        ref={area}
        rows={rows}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
            track(e.currentTarget.value, e.currentTarget.selectionStart ?? 0);
          }
        }}
        onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart ?? 0)}
        onBlur={() => window.setTimeout(() => setMention(null), 150)}
      />
      <ul id={listId} role="listbox" aria-label="People to mention" className="mention-list" hidden={!open} data-testid="mention-suggestions">
        {open &&
          suggestions.map((person, i) => (
            <li
              key={person.username}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus in the textarea
                pick(person);
              }}
            >
              <strong>@{person.username}</strong>
              {personName(person) !== person.username && <span className="muted"> {personName(person)}</span>}
            </li>
          ))}
      </ul>
      <span className="sr-only" aria-live="polite">
        {open ? `${suggestions.length} people match; arrow keys to choose, Enter to insert.` : ''}
      </span>
    </div>
  );
}
