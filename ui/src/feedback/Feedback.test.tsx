// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError, parseProblem } from '../api/problem';
import { ProblemAlert, ToastProvider, useToastHost, useToasts } from './Feedback';

describe('ProblemAlert', () => {
  it('tells a person at sign-in that the name and password do not match, with the server wording under Details', async () => {
    const error = new ApiError(
      parseProblem(401, { type: '/problems/authentication-required', title: 'Sign in required', detail: 'Send valid credentials (HTTP Basic) for a Newsroom user.' }),
    );
    render(<ProblemAlert error={error} signIn />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('That user name and password do not match.')).toBeVisible();
    expect(within(alert).getByText('Check both and try again.')).toBeVisible();
    expect(within(alert).getByText(/Send valid credentials/)).not.toBeVisible(); // folded away
    await userEvent.click(within(alert).getByText('Details'));
    expect(within(alert).getByText(/Send valid credentials/)).toBeVisible();
    expect(alert).toHaveAttribute('data-status', '401');
  });

  it('names the rule in words and keeps its name for support', () => {
    render(<ProblemAlert error={new ApiError(parseProblem(409, { rule: 'FourEyesPrinciple', detail: 'grace pitched it' }))} />);
    expect(screen.getByRole('alert')).toHaveAttribute('data-rule', 'FourEyesPrinciple');
    expect(screen.getByText(/someone else has to approve it/)).toBeVisible();
  });
});

function Drawer() {
  const host = useToastHost();
  return (
    <aside data-testid="drawer">
      <div ref={host} data-testid="footer" />
    </aside>
  );
}

function Say({ text }: { text: string }) {
  const toasts = useToasts();
  useEffect(() => toasts.success(text), [toasts, text]);
  return null;
}

describe('toasts', () => {
  it('float in the corner, and go into an open drawer instead of over it', () => {
    const { rerender } = render(
      <ToastProvider>
        <Say text="Pitched" />
      </ToastProvider>,
    );
    expect(screen.getByTestId('toasts')).toHaveClass('toasts-floating');
    rerender(
      <ToastProvider>
        <Say text="Pitched" />
        <Drawer />
      </ToastProvider>,
    );
    expect(within(screen.getByTestId('footer')).getByTestId('toasts')).toHaveClass('toasts-in-drawer');
  });

  it('never show more than three at once', () => {
    render(
      <ToastProvider>
        {['one', 'two', 'three', 'four'].map((t) => (
          <Say key={t} text={t} />
        ))}
      </ToastProvider>,
    );
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['two×', 'three×', 'four×']);
  });
});
