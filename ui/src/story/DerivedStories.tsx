import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Me, Story } from '../api/types';
import { can } from '../auth/permissions';
import { STATUS_LABELS } from '../board/board';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { derivativesOf } from './derived';

// The links between a source story and the stories derived from it, both ways.

/** "Derived from <title>": a link that opens the source story in the drawer. */
export function SourceStoryLink({ sourceStoryId, onOpenStory }: { sourceStoryId: string; onOpenStory(id: string): void }) {
  const source = useQuery({ queryKey: keys.story(sourceStoryId), queryFn: () => api.story(sourceStoryId), retry: false });
  return (
    <a
      href={`#/board?story=${encodeURIComponent(sourceStoryId)}`}
      data-testid="source-story"
      onClick={(e) => {
        e.preventDefault();
        onOpenStory(sourceStoryId);
      }}
    >
      {source.data?.title ?? sourceStoryId}
    </a>
  );
}

export function DerivedStories({
  story,
  me,
  onOpenStory,
  onCreateDerived,
}: {
  story: Story;
  me: Me;
  onOpenStory(id: string): void;
  onCreateDerived(source: Story): void;
}) {
  const stories = useQuery({ queryKey: keys.stories, queryFn: () => api.stories(), staleTime: 30_000 });
  const derived = derivativesOf(stories.data, story.storyId);
  const mayPitch = can(me, 'PITCH');
  if (!mayPitch && derived.length === 0) return null;
  return (
    <section className="drawer-section" aria-labelledby="section-derived">
      <h3 id="section-derived">Derived stories ({derived.length})</h3>
      <ProblemAlert error={stories.error} />
      {derived.length === 0 ? (
        <p className="muted">No stories derived from this one yet (clips, recaps, social posts).</p>
      ) : (
        <ul className="derived" data-testid="derived-stories">
          {derived.map((d) => (
            <li key={d.storyId}>
              <a
                href={`#/board?story=${encodeURIComponent(d.storyId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpenStory(d.storyId);
                }}
              >
                {d.title}
              </a>{' '}
              <span className="muted">· {STATUS_LABELS[d.status] ?? d.status}</span>
            </li>
          ))}
        </ul>
      )}
      {mayPitch && (
        <button type="button" onClick={() => onCreateDerived(story)} data-testid="create-derived">
          Create derived story…
        </button>
      )}
    </section>
  );
}
