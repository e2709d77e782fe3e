import {
  Component,
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { toProblem, type Problem } from '../api/problem';
import { describeProblem, problemLine, type MessageOptions } from './messages';

// How the dashboard shows the server's answers: a message next to the form that caused it, and
// toasts for things that happen elsewhere (a refused drag, a live notification). The words come from
// messages.ts; what the server said verbatim is kept under "Details" for whoever helps.

export function ProblemAlert({
  error,
  onDismiss,
  ...options
}: { error: unknown; onDismiss?: () => void } & MessageOptions) {
  if (!error) return null;
  return <ProblemBox problem={toProblem(error)} onDismiss={onDismiss} {...options} />;
}

export function ProblemBox({ problem, onDismiss, ...options }: { problem: Problem; onDismiss?: () => void } & MessageOptions) {
  const message = describeProblem(problem, options);
  return (
    <div className="problem" role="alert" data-testid="problem" data-rule={problem.rule} data-status={problem.status}>
      <div className="problem-head">
        <strong className="problem-title">{message.headline}</strong>
        {onDismiss && (
          <button type="button" className="link dismiss" onClick={onDismiss} aria-label="Dismiss this message">
            ×
          </button>
        )}
      </div>
      {message.fields.length > 0 && (
        <ul className="problem-fields">
          {message.fields.map((f, i) => (
            <li key={i}>
              <strong>{f.label}</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
      {message.advice && <p className="problem-advice">{message.advice}</p>}
      <details className="problem-details">
        <summary>Details</summary>
        <ul>
          {message.technical.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </details>
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
const ToastHostContext = createContext<(element: HTMLElement | null) => void>(() => {});

/** At most this many toasts at once: older ones give way, so they never stack up over the page. */
const MAX_TOASTS = 3;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const add = useCallback(
    (toast: Omit<Toast, 'id'>, ms: number) => {
      const id = next.current++;
      setToasts((list) => [...list.slice(-(MAX_TOASTS - 1)), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), ms);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(
    () => ({
      problem: (error, context) => {
        const problem = toProblem(error);
        add({ kind: 'problem', text: context ?? problemLine(problem), problem }, 15_000);
      },
      info: (text) => add({ kind: 'info', text }, 8_000),
      success: (text) => add({ kind: 'success', text }, 4_000),
    }),
    [add],
  );
  const list = (
    <div className={`toasts ${host ? 'toasts-in-drawer' : 'toasts-floating'}`} aria-live="polite" aria-label="Messages" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'problem' ? 'alert' : 'status'}>
          {t.problem ? (
            <>
              {t.text !== problemLine(t.problem) && <div className="toast-context">{t.text}</div>}
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
  );
  return (
    <ToastContext.Provider value={api}>
      <ToastHostContext.Provider value={setHost}>
        {children}
        {host ? createPortal(list, host) : list}
      </ToastHostContext.Provider>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}

/**
 * A ref for the element toasts should go into instead of floating over the page: the open story
 * drawer gives its footer, so messages never cover its buttons or its error boxes.
 */
export function useToastHost(): (element: HTMLElement | null) => void {
  return useContext(ToastHostContext);
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
        <div className="problem" role="alert" data-testid="problem">
          <strong className="problem-title">This part of the dashboard could not be shown.</strong>
          <p className="problem-advice">Reload the page; if it happens again, tell the Newsroom team.</p>
          <details className="problem-details">
            <summary>Details</summary>
            <p>{this.state.error.message}</p>
          </details>
        </div>
      );
    }
    return this.props.children;
  }
}
