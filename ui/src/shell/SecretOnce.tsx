import type { ReactNode } from 'react';
import { CopyField } from './CopyField';

// A secret the server shows exactly once (a new API token, a one-time password): to copy now, with a
// plain warning that it will not be shown again. It lives in this component's memory only and is gone
// when the person presses Done or leaves.

export function SecretOnce({
  label,
  value,
  what,
  children,
  onDone,
  testId,
}: {
  label: string;
  value: string;
  what: string;
  /** Who it is for and what to do with it. */
  children?: ReactNode;
  onDone(): void;
  testId?: string;
}) {
  return (
    <section className="secret-once" aria-label={label} data-testid={testId}>
      <CopyField label={label} value={value} what={what} testId={testId ? `${testId}-value` : undefined} monospace autoFocus />
      <p className="secret-warning" role="note">
        <strong>Copy it now: you will not see it again.</strong> The newsroom does not show it a second time; if it is lost,
        make a new one.
      </p>
      {children}
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          Done — I have copied it
        </button>
      </div>
    </section>
  );
}
