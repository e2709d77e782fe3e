import { useEffect, useId, useRef, type ReactNode } from 'react';

// A modal dialog: the browser's <dialog> (focus kept inside, Escape closes, the page behind inert),
// focus on its first field (or its heading) when it opens, and back on what opened it when it closes.

export function Dialog({
  title,
  onClose,
  children,
  testId,
  closeLabel = 'Close',
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  closeLabel?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', ''); // jsdom has no showModal
    }
    const first = element.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]):not([disabled]), select, textarea');
    (first ?? element.querySelector<HTMLElement>('h2'))?.focus();
    return () => {
      if (typeof element.close === 'function' && element.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault(); // React decides when it closes
        onClose();
      }}
      data-testid={testId}
    >
      <div className="dialog-head">
        <h2 id={titleId} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="link" onClick={onClose} aria-label={closeLabel}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
