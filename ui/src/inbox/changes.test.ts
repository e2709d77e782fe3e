import { describe, expect, it } from 'vitest';
import type { ApprovedContent, Placement, Story } from '../api/types';
import { changesSinceApproval, diffText } from './changes';

const placement = (placementId: string, text: string, over: Partial<Placement> = {}): Placement => ({
  placementId,
  channelId: placementId === 'press' ? 'press-release' : 'linkedin',
  channelName: placementId === 'press' ? 'Press release' : 'LinkedIn',
  slot: '2027-03-04T09:00:00Z',
  text,
  status: 'PLANNED',
  ...over,
});

// The shape the stories read model carries (readmodels): null until first approved.
const approved: ApprovedContent = {
  contentVersion: 2,
  title: 'Apprentices build the robot cell',
  angle: 'Young talent shapes our plant',
  body: 'Six apprentices built it.',
  placements: [
    { placementId: 'press', channelId: 'press-release', channelName: 'Press release', text: 'PRESS RELEASE: six apprentices' },
    { placementId: 'x', channelId: 'x', channelName: 'X', text: 'Robots!' },
  ],
};

const story = (over: Partial<Story> = {}): Story => ({
  storyId: 's1',
  version: 9,
  status: 'IN_REVIEW',
  title: 'Apprentices build the robot cell',
  angle: 'Young talent shapes our plant',
  body: 'Six apprentices built it.',
  desk: 'HR',
  placements: [placement('press', 'PRESS RELEASE: six apprentices')],
  lastApprovedContent: approved,
  ...over,
});

describe('what changed since the last approval', () => {
  it('is nothing to show for a story never approved', () => {
    expect(changesSinceApproval(story({ lastApprovedContent: null }))).toBeNull();
    expect(changesSinceApproval(story({ lastApprovedContent: undefined }))).toBeNull();
  });

  it('shows the changed words of title, angle and body, and leaves out what is unchanged', () => {
    const changes = changesSinceApproval(story({ title: 'Apprentices build the new robot cell', body: 'Seven apprentices built it.' }))!;
    expect(changes.since).toBe(2);
    expect(changes.fields.map((f) => f.field)).toEqual(['title', 'body']);
    const body = changes.fields[1].parts;
    expect(body.filter((p) => p.removed).map((p) => p.value)).toEqual(['Six']);
    expect(body.filter((p) => p.added).map((p) => p.value)).toEqual(['Seven']);
    expect(body.map((p) => p.value).join('')).toBe('SixSeven apprentices built it.');
  });

  it('compares channel texts by placement: changed, new, and gone or cancelled', () => {
    const changes = changesSinceApproval(
      story({
        placements: [
          placement('press', 'PRESS RELEASE: seven apprentices'),
          placement('linkedin', 'Meet the apprentices'),
          placement('x', 'Robots!', { status: 'CANCELLED' }),
        ],
      }),
    )!;
    expect(changes.placements.map((p) => [p.channel, p.kind])).toEqual([
      ['Press release', 'changed'],
      ['LinkedIn', 'added'],
      ['X', 'removed'],
    ]);
    expect(changes.placements[0].parts.filter((p) => p.added).map((p) => p.value)).toEqual(['seven']);
    expect(changes.placements[1].parts).toEqual([{ value: 'Meet the apprentices', added: true }]);
  });

  it('says a re-submission without text changes changed nothing', () => {
    const changes = changesSinceApproval(story({ placements: [placement('press', 'PRESS RELEASE: six apprentices'), placement('x', 'Robots!')] }))!;
    expect(changes.fields).toEqual([]);
    expect(changes.placements).toEqual([]);
  });

  it('keeps line breaks of a body', () => {
    expect(diffText('one\ntwo', 'one\nthree').map((p) => p.value).join('')).toBe('one\ntwothree');
  });
});
