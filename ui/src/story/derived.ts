import type { Story, StoryContent } from '../api/types';

// Derived stories ("content machines": one livestream yields clips, a blog recap, social posts):
// which stories come from a source, and what a new derivative starts with. Pure, unit-tested.

/** The stories derived from this one, oldest pitch first. */
export function derivativesOf(stories: Story[] | undefined, sourceStoryId: string): Story[] {
  return (stories ?? [])
    .filter((s) => s.sourceStoryId === sourceStoryId && s.storyId !== sourceStoryId)
    .sort((a, b) => (a.pitchedAt ?? '').localeCompare(b.pitchedAt ?? '') || a.title.localeCompare(b.title));
}

/**
 * The content a derived story's pitch starts with: linked to its source, the same desk, audience,
 * campaign, priority and embargo (nothing derived may go out before its source may); title, angle
 * and body are the new story's own.
 */
export function derivedContent(source: Story): StoryContent {
  return {
    title: '',
    angle: '',
    body: '',
    desk: source.desk ?? '',
    audience: source.audience ?? null,
    campaign: source.campaign ?? '',
    priority: source.priority ?? 'NORMAL',
    embargo: source.embargo ?? null,
    sourceStoryId: source.storyId,
  };
}
