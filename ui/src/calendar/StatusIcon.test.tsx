// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusLegend } from './StatusIcon';

describe('StatusLegend', () => {
  it('names every placement status with its meaning, next to its icon and pattern', () => {
    render(<StatusLegend />);
    const legend = screen.getByRole('list', { name: 'What the placement statuses mean' });
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Planned — waiting for approval',
      'Scheduled — approved, goes out at its slot',
      'Published — has gone out',
      'Paused — held back: crisis or quiet period',
      'Cancelled — will not go out',
    ]);
    expect(items[2].querySelector('.legend-swatch.nr-status-published svg')).not.toBeNull();
  });
});
