import { useId, useState, type FormEvent } from 'react';
import { toProblem } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ProblemAlert } from '../feedback/Feedback';
import { passwordHints } from './passwords';

// Changing my own password: the current one (or the one-time password I signed in with), the new one
// twice, the rules listed beside it. The server checks the rules; a refusal names the field in words and
// marks the rules it broke.

export function PasswordForm({
  username,
  currentLabel = 'Current password',
  submitLabel = 'Change password',
  onChanged,
}: {
  username: string;
  currentLabel?: string;
  submitLabel?: string;
  onChanged?(): void;
}) {
  const { changePassword } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const problem = error ? toProblem(error) : null;
  const hints = passwordHints(problem);
  const invalid = (field: string) => (problem?.errors.some((e) => e.field === field) ? true : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (next !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      setBusy(false);
      onChanged?.();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <form className="password-form" onSubmit={submit} data-testid="password-form">
      {/* lets password managers store the new password under the right user */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <label htmlFor={`${id}-current`}>{currentLabel}</label>
      <input
        id={`${id}-current`}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        aria-invalid={invalid('currentPassword')}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <label htmlFor={`${id}-new`}>New password</label>
      <input
        id={`${id}-new`}
        type="password"
        autoComplete="new-password"
        required
        value={next}
        aria-invalid={invalid('newPassword')}
        aria-describedby={`${id}-rules`}
        onChange={(e) => setNext(e.target.value)}
      />
      <div id={`${id}-rules`} className="password-rules">
        <p className="hint">Your new password must be:</p>
        <ul>
          {hints.map((h) => (
            <li key={h.rule} className={h.broken ? 'rule-broken' : 'rule-open'}>
              <span aria-hidden="true">{h.broken ? '✗' : '•'}</span> {h.text}
              {h.broken && <span className="sr-only"> (not met)</span>}
            </li>
          ))}
        </ul>
      </div>
      <label htmlFor={`${id}-again`}>New password again</label>
      <input
        id={`${id}-again`}
        type="password"
        autoComplete="new-password"
        required
        value={again}
        aria-invalid={mismatch || undefined}
        aria-describedby={mismatch ? `${id}-mismatch` : undefined}
        onChange={(e) => setAgain(e.target.value)}
      />
      {mismatch && (
        <p id={`${id}-mismatch`} className="field-error" role="alert">
          The two new passwords differ: type the same one twice.
        </p>
      )}
      <ProblemAlert error={error} onDismiss={() => setError(null)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
