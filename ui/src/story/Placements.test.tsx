// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../api/types';
import { forgetSignInMethods } from '../auth/session';
import { AuthGate } from '../shell/AuthGate';
import { answer, fakeApi, problem, setCookie, type Call } from '../test-support/fakeApi';
import { renderSignedIn } from '../test-support/render';
import { configureTime } from '../time/format';
import { StoryCommandsProvider } from './commands/useStoryCommand';
import { Placements } from './Placements';

// Planning and moving a placement into a quiet period: the refusal says which period and when, in words;
// whoever the server says may override it is offered "Override and plan" (or "… and move") with a
// reason, which sends the override for that placement and then the command, each with the version.

const ME = { username: 'nora', displayName: 'Nora', roles: ['EDITOR', 'GOVERNANCE_LEAD'], groups: [], actions: ['READ'], passwordChangeRequired: false, timeZone: 'UTC' };
const Q1 = { blackoutId: 'q1', name: 'Q1 results', channelIds: ['linkedin'], startsAt: '2027-03-05T00:00:00Z', endsAt: '2027-03-06T00:00:00Z' };

const STORY: Story = {
  storyId: 's1',
  version: 4,
  status: 'IN_PROGRESS',
  title: 'Results teaser',
  desk: 'HR',
  allowedActions: ['PLAN_PLACEMENT'],
  placements: [
    { placementId: 'li', channelId: 'linkedin', channelName: 'LinkedIn', slot: '2027-03-04T10:00:00Z', text: 'Soon', status: 'PLANNED', allowedActions: ['RESCHEDULE_PLACEMENT'] },
  ],
};

const refusal = (placementId: string, at: string, overridable: boolean) =>
  problem(409, 'rule-violation', {
    rule: 'QuietPeriodInForce',
    ruleDescription: 'nothing is planned, moved or published into a quiet period',
    detail: `cannot plan placement ${placementId} on linkedin at ${at}: inside the quiet period 'Q1 results'`,
    placementId,
    channelId: 'linkedin',
    at,
    quietPeriods: [{ ...Q1, overridable }],
  });

/** A server that refuses every plan and move until q1 is overridden for the placement (unless `overridable` is false). */
function newsroom(overridable: boolean) {
  const overridden = new Set<string>();
  let version = STORY.version;
  const story = (extra: Partial<Story> = {}) => answer(200, { ...STORY, version, ...extra }, { ETag: `"${version}"` });
  return fakeApi((call: Call) => {
    if (call.path === '/api/session/options') {
      setCookie('XSRF-TOKEN', 'csrf-1');
      return answer(200, { sso: null });
    }
    if (call.path === '/api/me') return answer(200, ME);
    if (call.path === '/api/channels') return answer(200, [{ id: 'linkedin', name: 'LinkedIn', kind: 'SOCIAL' }]);
    if (call.path === '/api/users') return answer(200, []);
    const override = call.path.match(/^\/api\/stories\/s1\/placements\/([^/]+)\/quiet-period-overrides$/);
    if (override) {
      overridden.add(override[1]);
      version += 1;
      return story();
    }
    if (call.path === '/api/stories/s1/placements') {
      const body = call.body as { placementId?: string; slot: string };
      const placementId = body.placementId ?? 'linkedin-0a1b2c3d';
      if (!overridden.has(placementId)) return refusal(placementId, body.slot, overridable);
      version += 1;
      return story();
    }
    const reschedule = call.path.match(/^\/api\/stories\/s1\/placements\/([^/]+)\/reschedule$/);
    if (reschedule) {
      if (!overridden.has(reschedule[1])) return refusal(reschedule[1], (call.body as { slot: string }).slot, overridable);
      version += 1;
      return story();
    }
    return problem(404, 'not-found');
  });
}

const commands = (calls: Call[]) =>
  calls.filter((c) => c.method === 'POST' && c.path.startsWith('/api/stories/')).map((c) => ({ path: c.path, ifMatch: c.headers['if-match'], body: c.body }));

/** The story's placements as the drawer shows them, signed in, with the command queue. */
function renderPlacements() {
  renderSignedIn(
    <AuthGate>
      <StoryCommandsProvider>
        <Placements story={STORY} />
      </StoryCommandsProvider>
    </AuthGate>,
  );
}

async function planIntoTheQuietPeriod(placementId = '') {
  renderPlacements();
  const form = await screen.findByTestId('plan-form');
  await screen.findByRole('option', { name: 'LinkedIn' });
  await userEvent.selectOptions(within(form).getByLabelText('Channel'), 'linkedin');
  fireEvent.change(within(form).getByLabelText('Slot'), { target: { value: '2027-03-05T10:00' } });
  await userEvent.type(within(form).getByLabelText('Text for this channel'), 'Results teaser');
  if (placementId) await userEvent.type(within(form).getByLabelText('Placement id (optional)'), placementId);
  await userEvent.click(within(form).getByRole('button', { name: 'Plan placement' }));
  return form;
}

beforeEach(() => {
  forgetSignInMethods();
  setCookie('XSRF-TOKEN', null);
  configureTime({ zone: 'UTC', locale: 'en-GB' });
});
afterEach(() => vi.unstubAllGlobals());

describe('planning into a quiet period', () => {
  it('says which quiet period holds the channel and when, and offers no override to whom the server does not allow it', async () => {
    const calls = newsroom(false);
    const form = await planIntoTheQuietPeriod();
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The quiet period “Q1 results” (Fri, 5 Mar 2027, 00:00 to Sat, 6 Mar 2027, 00:00) holds this channel');
    expect(alert).toHaveTextContent('Choose another time, or ask a governance lead to override it for this placement.');
    expect(within(form).queryByRole('button', { name: 'Override and plan' })).toBeNull();
    expect(commands(calls).map((c) => c.path)).toEqual(['/api/stories/s1/placements']);
  });

  it('overrides with a required reason for the placement the server named, then plans it, each with the version', async () => {
    const calls = newsroom(true);
    const form = await planIntoTheQuietPeriod();
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('You may override it for this placement, giving a reason.');
    const offer = within(form).getByTestId('quiet-period-override-offer');
    const button = within(offer).getByRole('button', { name: 'Override and plan' });
    expect(button, 'no override without a reason').toBeDisabled();
    await userEvent.type(within(offer).getByLabelText('Reason for the override'), 'agreed with investor relations');
    await userEvent.click(button);
    await waitFor(() => expect(commands(calls)).toHaveLength(3));
    expect(commands(calls).slice(1)).toEqual([
      {
        path: '/api/stories/s1/placements/linkedin-0a1b2c3d/quiet-period-overrides',
        ifMatch: '"4"',
        body: { blackoutId: 'q1', reason: 'agreed with investor relations' },
      },
      {
        path: '/api/stories/s1/placements',
        ifMatch: '"5"',
        body: { channelId: 'linkedin', slot: '2027-03-05T10:00:00Z', text: 'Results teaser', placementId: 'linkedin-0a1b2c3d' },
      },
    ]);
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
    expect(within(form).queryByTestId('quiet-period-override-offer')).toBeNull();
  });

  it('overrides for the placement id typed in the form', async () => {
    const calls = newsroom(true);
    const form = await planIntoTheQuietPeriod('teaser');
    const offer = await within(form).findByTestId('quiet-period-override-offer');
    await userEvent.type(within(offer).getByLabelText('Reason for the override'), 'results day');
    await userEvent.click(within(offer).getByRole('button', { name: 'Override and plan' }));
    await waitFor(() => expect(commands(calls)).toHaveLength(3));
    expect(commands(calls).map((c) => c.path).slice(1)).toEqual([
      '/api/stories/s1/placements/teaser/quiet-period-overrides',
      '/api/stories/s1/placements',
    ]);
    expect((commands(calls)[2].body as { placementId: string }).placementId).toBe('teaser');
  });
});

describe('moving into a quiet period', () => {
  it('offers "Override and move", which overrides for that placement and then moves it', async () => {
    const calls = newsroom(true);
    renderPlacements();
    await userEvent.click(await screen.findByRole('button', { name: 'Reschedule LinkedIn placement' }));
    fireEvent.change(screen.getByLabelText('New slot'), { target: { value: '2027-03-05T11:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Move' }));
    const offer = await screen.findByTestId('quiet-period-override-offer');
    expect(screen.getByRole('alert')).toHaveTextContent('The quiet period “Q1 results”');
    await userEvent.type(within(offer).getByLabelText('Reason for the override'), 'the AGM teaser');
    await userEvent.click(within(offer).getByRole('button', { name: 'Override and move' }));
    await waitFor(() => expect(commands(calls)).toHaveLength(3));
    expect(commands(calls).slice(1).map(({ path, ifMatch }) => ({ path, ifMatch }))).toEqual([
      { path: '/api/stories/s1/placements/li/quiet-period-overrides', ifMatch: '"4"' },
      { path: '/api/stories/s1/placements/li/reschedule', ifMatch: '"5"' },
    ]);
  });
});
