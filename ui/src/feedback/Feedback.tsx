import { Component, createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { toProblem, type Problem } from '../api/problem';

// How the dashboard shows the server's answers: a problem box next to the form that caused it,
// and toasts for things that happen elsewhere (a refused drag, a live notification).

export function ProblemAlert({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const problem = toProblem(error);
  return <ProblemBox problem={problem} onDismiss={onDismiss} />;
}

export function ProblemBox({ problem, onDismiss }: { problem: Problem; onDismiss?: () => void }) {
  return (
    <div className="problem" role="alert" data-testid="problem">
      <div className="problem-head">
        <strong className="problem-title">{problem.title}</strong>
        {problem.status > 0 && <span className="problem-status">HTTP {problem.status}</span>}
        {onDismiss && (
          <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss this message">
            ×
          </button>
        )}
      </div>
      {problem.detail && <p className="problem-detail">{problem.detail}</p>}
      {problem.rule && (
        <p className="problem-rule">
          Rule: <code>{problem.rule}</code>
          {problem.ruleDescription && <> — {problem.ruleDescription}</>}
        </p>
      )}
      {problem.currentVersion !== undefined && (
        <p className="problem-rule">
          Someone changed the story meanwhile (now version {problem.currentVersion}); the view has been refreshed —
          check and try again.
        </p>
      )}
      {problem.errors.length > 0 && (
        <ul className="problem-fields">
          {problem.errors.map((e, i) => (
            <li key={i}>
              <strong>{e.field || 'request'}</strong>: {e.message}
              {e.rule && <span className="muted"> ({e.rule})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface Toast {
  id: number;
  kind: 'problem' | 'info' | 'success';
  text: string;
  problem?: Problem;
}

interface ToastApi {
  problem(error: unknown, context?: string): void;
  info(text: string): void;
  success(text: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const add = useCallback(
    (toast: Omit<Toast, 'id'>, ms: number) => {
      const id = next.current++;
      setToasts((list) => [...list.slice(-4), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), ms);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(
    () => ({
      problem: (error, context) => {
        const problem = toProblem(error);
        add({ kind: 'problem', text: context ?? problem.title, problem }, 15_000);
      },
      info: (text) => add({ kind: 'info', text }, 8_000),
      success: (text) => add({ kind: 'success', text }, 5_000),
    }),
    [add],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" aria-label="Messages">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'problem' ? 'alert' : 'status'}>
            {t.problem ? (
              <>
                {t.text !== t.problem.title && <div className="toast-context">{t.text}</div>}
                <ProblemBox problem={t.problem} onDismiss={() => dismiss(t.id)} />
              </>
            ) : (
              <div className="toast-body">
                <span>{t.text}</span>
                <button type="button" className="link" onClick={() => dismiss(t.id)} aria-label="Dismiss">
                  ×
                </button>
              </div>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}

/** Keeps one broken view from blanking the whole dashboard; shows what went wrong instead. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidUpdate(previous: { resetKey?: unknown }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (this.state.error) {
      return (
        <ProblemBox
          problem={{
            status: 0,
            title: 'This view could not be shown',
            detail: `${this.state.error.message}. Reload the page; if it happens again, tell the Newsroom team.`,
            errors: [],
          }}
        />
      );
    }
    return this.props.children;
  }
}
