import { useCallback, useEffect, useState } from 'react';

// A tiny hash router: #/calendar, #/board, #/inbox, #/campaigns, #/quiet-periods, #/notifications, #/channels,
// #/policies, #/connectors and #/read-models (admins), #/people and #/audit (admins, auditors), #/account, with ?story=<id> for the open story drawer, ?date=YYYY-MM-DD and ?feed=1 (the
// feed panel open) for the calendar, ?user=<username> for the account open in the people view. Links stay shareable and the server
// only has to serve index.html at "/".

export type View =
  | 'calendar'
  | 'board'
  | 'inbox'
  | 'campaigns'
  | 'quiet-periods'
  | 'notifications'
  | 'channels'
  | 'policies'
  | 'people'
  | 'account'
  | 'audit'
  | 'connectors'
  | 'read-models';
export const VIEWS: View[] = [
  'calendar',
  'board',
  'inbox',
  'campaigns',
  'quiet-periods',
  'notifications',
  'channels',
  'policies',
  'people',
  'account',
  'audit',
  'connectors',
  'read-models',
];

export interface Route {
  view: View;
  storyId: string | null;
  date: string | null;
  /** The calendar's campaign filter when opened from the campaigns view. */
  campaign?: string | null;
  /** The calendar with its feed panel open (the link from My account). */
  feed?: boolean;
  /** The account open in the people view. */
  user?: string | null;
}

export function parseHash(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(search);
  const view = (VIEWS as string[]).includes(path) ? (path as View) : 'board';
  return {
    view,
    storyId: params.get('story') || null,
    date: params.get('date') || null,
    campaign: params.get('campaign') || undefined,
    feed: params.get('feed') === '1' || undefined,
    user: params.get('user') || undefined,
  };
}

export function formatHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.storyId) params.set('story', route.storyId);
  if (route.date) params.set('date', route.date);
  if (route.campaign) params.set('campaign', route.campaign);
  if (route.feed) params.set('feed', '1');
  if (route.user) params.set('user', route.user);
  const search = params.toString();
  return `#/${route.view}${search ? `?${search}` : ''}`;
}

export function useRoute(): [Route, (change: Partial<Route>) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((change: Partial<Route>) => {
    const current = parseHash(window.location.hash);
    // The campaign filter and the feed panel belong to the calendar, the open account to the people view:
    // leaving a view drops them.
    const leaving = change.view && change.view !== current.view ? { campaign: null, feed: false, user: null } : {};
    const next = { ...current, ...leaving, ...change };
    const hash = formatHash(next);
    if (hash !== window.location.hash) window.location.hash = hash;
  }, []);
  return [route, navigate];
}
