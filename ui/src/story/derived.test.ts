import { describe, expect, it } from 'vitest';
import type { Story } from '../api/types';
import { derivativesOf, derivedContent } from './derived';

const story = (storyId: string, extra: Partial<Story> = {}): Story => ({
  storyId,
  version: 1,
  status: 'PITCHED',
  title: storyId,
  desk: 'HR',
  ...extra,
});

describe('derived stories', () => {
  it('are the stories naming this one as source, oldest first', () => {
    const stories = [
      story('live'),
      story('recap', { sourceStoryId: 'live', pitchedAt: '2027-03-04T10:00:00Z' }),
      story('clip', { sourceStoryId: 'live', pitchedAt: '2027-03-04T09:00:00Z' }),
      story('other', { sourceStoryId: 'elsewhere' }),
    ];
    expect(derivativesOf(stories, 'live').map((s) => s.storyId)).toEqual(['clip', 'recap']);
    expect(derivativesOf(undefined, 'live')).toEqual([]);
  });

  it('start from their source: linked, same desk, audience, campaign, priority and embargo, own text', () => {
    const source = story('live', {
      title: 'Livestream',
      angle: 'why',
      body: 'text',
      audience: 'B2C',
      campaign: 'employer-branding-2027',
      priority: 'HIGH',
      embargo: '2027-03-04T13:00:00Z',
    });
    expect(derivedContent(source)).toEqual({
      title: '',
      angle: '',
      body: '',
      desk: 'HR',
      audience: 'B2C',
      campaign: 'employer-branding-2027',
      priority: 'HIGH',
      embargo: '2027-03-04T13:00:00Z',
      sourceStoryId: 'live',
    });
  });
});
