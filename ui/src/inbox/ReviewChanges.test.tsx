// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Story } from '../api/types';
import { ReviewChanges } from './ReviewChanges';

const story: Story = {
  storyId: 's1',
  version: 9,
  status: 'IN_REVIEW',
  title: 'Apprentices build the robot cell',
  body: 'Seven apprentices built it.',
  desk: 'HR',
  placements: [{ placementId: 'li', channelId: 'linkedin', channelName: 'LinkedIn', slot: '2027-03-04T10:00:00Z', text: 'Meet them', status: 'PLANNED' }],
  lastApprovedContent: { contentVersion: 2, title: 'Apprentices build the robot cell', angle: null, body: 'Six apprentices built it.', placements: [] },
};

describe('ReviewChanges', () => {
  it('marks removed and added words with more than colour, for eyes and screen readers', () => {
    render(<ReviewChanges story={story} />);
    const region = screen.getByRole('region', { name: 'Changed since the approved version 2' });
    const body = within(region).getByTestId('changed-field');
    expect(body.querySelector('del')).toHaveTextContent('[removed: Six]');
    expect(body.querySelector('ins')).toHaveTextContent('[added: Seven]');
    expect(within(region).getByTestId('changed-placement')).toHaveTextContent('LinkedIn (new placement)');
  });

  it('shows nothing for a story that was never approved', () => {
    const { container } = render(<ReviewChanges story={{ ...story, lastApprovedContent: null }} />);
    expect(container).toBeEmptyDOMElement();
  });
});
