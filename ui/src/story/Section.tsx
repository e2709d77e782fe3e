import type { ReactNode } from 'react';

/** A titled part of the story drawer. */
export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="drawer-section" aria-labelledby={`section-${id}`}>
      <h3 id={`section-${id}`}>{title}</h3>
      {children}
    </section>
  );
}
