import type { Story } from '../api/types';
import { changesSinceApproval, type DiffPart } from './changes';

/** Text with its additions and removals marked by more than colour: underline and strike-through, and words for screen readers. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="diff-text">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i}>
            <span className="sr-only">[added: </span>
            {part.value}
            <span className="sr-only">]</span>
          </ins>
        ) : part.removed ? (
          <del key={i}>
            <span className="sr-only">[removed: </span>
            {part.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </span>
  );
}

const KIND_TEXT = { added: 'new placement', removed: 'no longer planned', changed: 'text changed' } as const;

/** For a re-submission: what changed since the version that was approved. */
export function ReviewChanges({ story }: { story: Story }) {
  const changes = changesSinceApproval(story);
  if (!changes) return null;
  const id = `changes-${story.storyId}`;
  const nothing = changes.fields.length === 0 && changes.placements.length === 0;
  return (
    <section className="review-changes" aria-labelledby={id} data-testid="review-changes">
      <h3 id={id}>Changed since the approved version {changes.since}</h3>
      {nothing && <p className="muted">No changes to the title, angle, body or channel texts.</p>}
      <dl className="diff-list">
        {changes.fields.map((f) => (
          <div key={f.field} data-testid="changed-field" data-field={f.field}>
            <dt>{f.label}</dt>
            <dd>
              <DiffText parts={f.parts} />
            </dd>
          </div>
        ))}
        {changes.placements.map((p) => (
          <div key={p.placementId} data-testid="changed-placement" data-placement-id={p.placementId} data-kind={p.kind}>
            <dt>
              {p.channel} <span className="muted">({KIND_TEXT[p.kind]})</span>
            </dt>
            <dd>
              <DiffText parts={p.parts} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
