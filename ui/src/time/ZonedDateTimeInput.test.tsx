// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureTime } from './format';
import { ZonedDateTimeInput } from './ZonedDateTimeInput';

afterEach(() => configureTime({ zone: 'UTC', locale: 'en-GB' }));

describe('ZonedDateTimeInput', () => {
  it('says which zone the time is in, as part of the field description', () => {
    configureTime({ zone: 'Europe/Berlin', locale: 'en-GB' });
    const onChange = vi.fn();
    render(<ZonedDateTimeInput id="slot" label="Slot" value="2027-07-01T09:00" onChange={onChange} required />);
    const input = screen.getByLabelText('Slot');
    expect(input).toHaveAccessibleDescription('Time in Europe/Berlin (CEST)');
    fireEvent.change(input, { target: { value: '2027-01-05T10:30' } });
    expect(onChange).toHaveBeenCalledWith('2027-01-05T10:30');
  });
});
