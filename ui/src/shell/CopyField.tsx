import { useId, useRef } from 'react';
import { useToasts } from '../feedback/Feedback';

// A read-only value with a Copy button (a feed address, a token, a one-time password). Without
// clipboard access (no permission, not a secure origin) the value is selected for Ctrl+C instead.

export function CopyField({
  label,
  value,
  what,
  testId,
  monospace = false,
  autoFocus = false,
}: {
  label: string;
  value: string;
  /** What is copied, for the button's accessible name and the confirmation ("the feed address"). */
  what: string;
  testId?: string;
  monospace?: boolean;
  /** Focus (and select) the value when it appears, e.g. a secret just made. */
  autoFocus?: boolean;
}) {
  const toasts = useToasts();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      toasts.success(`Copied ${what}`);
    } catch {
      input.current?.focus();
      input.current?.select();
      toasts.info(`Press Ctrl+C (⌘C) to copy the selected ${what.replace(/^the /, '')}`);
    }
  }

  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          className={monospace ? 'mono' : undefined}
          spellCheck={false}
          autoComplete="off"
          autoFocus={autoFocus}
          onFocus={(e) => e.target.select()}
          data-testid={testId}
        />
        <button type="button" onClick={() => void copy()} aria-label={`Copy ${what}`}>
          Copy
        </button>
      </div>
    </>
  );
}
