// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectionStatus } from '../api/types';
import { forgetSignInMethods } from '../auth/session';
import { AuthGate } from '../shell/AuthGate';
import { answer, fakeApi, problem, setCookie } from '../test-support/fakeApi';
import { renderSignedIn } from '../test-support/render';
import { ReadModelsView } from './ReadModelsView';

// The read models view against a stand-in server: it lists what the server offers and rebuilds one only after
// the admin confirms.

const ADMIN_ME = { username: 'ada', displayName: 'Ada Admin', roles: ['ADMIN'], groups: [], actions: ['MANAGE_PROJECTIONS', 'READ'], passwordChangeRequired: false };

function status(name: string, extra: Partial<ProjectionStatus> = {}): ProjectionStatus {
  return { name, position: 41, lag: 0, caughtUp: true, running: true, replaying: false, ...extra };
}

function newsroom(projections: ProjectionStatus[]) {
  let listed = projections;
  return fakeApi((call) => {
    if (call.path === '/api/session/options') {
      setCookie('XSRF-TOKEN', 'csrf-7');
      return answer(200, { sso: null });
    }
    if (call.path === '/api/me') return answer(200, ADMIN_ME);
    if (call.method === 'GET' && call.path === '/api/admin/projections') return answer(200, { head: 41, projections: listed });
    const rebuild = call.path.match(/^\/api\/admin\/projections\/([^/]+)\/rebuild$/);
    if (call.method === 'POST' && rebuild) {
      const started = status(rebuild[1], { position: 3, lag: 38, caughtUp: false, replaying: true });
      listed = listed.map((p) => (p.name === started.name ? started : p));
      return answer(202, started);
    }
    return problem(404, 'not-found');
  });
}

beforeEach(() => {
  forgetSignInMethods();
  setCookie('XSRF-TOKEN', null);
});
afterEach(() => vi.unstubAllGlobals());

describe('the read models view', () => {
  it('lists every read model the server offers with where it stands', async () => {
    newsroom([status('audit'), status('calendar-history', { lag: 5, caughtUp: false }), status('publication-schedule', { running: false })]);
    renderSignedIn(<AuthGate><ReadModelsView /></AuthGate>);
    const rows = await screen.findAllByTestId('read-model-row');
    expect(rows.map((r) => r.dataset.name)).toEqual(['audit', 'calendar-history', 'publication-schedule']);
    expect(rows.map((r) => within(r).getByTestId('read-model-state').textContent)).toEqual(['Up to date', 'Catching up', 'Stopped']);
    expect(screen.getByText(/The event store is at position 41/)).toBeVisible();
  });

  it('rebuilds a read model only after the admin confirms, then shows it rebuilding', async () => {
    const calls = newsroom([status('audit'), status('stories')]);
    renderSignedIn(<AuthGate><ReadModelsView /></AuthGate>);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Rebuild audit' }));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.click(within(screen.getByRole('group', { name: 'Rebuild audit?' })).getByRole('button', { name: 'Keep it' }));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Rebuild audit' }));
    await user.click(screen.getByRole('button', { name: 'Rebuild now' }));
    const audit = await screen.findByText('Rebuilding');
    expect(audit.closest('tr')?.dataset.name).toBe('audit');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.path)).toEqual(['/api/admin/projections/audit/rebuild']);
    expect(posts[0].headers['x-xsrf-token']).toBe('csrf-7');
  });
});
