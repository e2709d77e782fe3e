import { useCallback, useEffect, useState } from 'react';

// A tiny hash router: #/calendar, #/board, #/inbox, #/campaigns, #/quiet-periods, #/notifications, #/channels, with ?story=<id> for the
// open story drawer and ?date=YYYY-MM-DD for the calendar. Links stay shareable and the server
// only has to serve index.html at "/".

export type View = 'calendar' | 'board' | 'inbox' | 'campaigns' | 'quiet-periods' | 'notifications' | 'channels';
export const VIEWS: View[] = ['calendar', 'board', 'inbox', 'campaigns', 'quiet-periods', 'notifications', 'channels'];

export interface Route {
  view: View;
  storyId: string | null;
  date: string | null;
  /** The calendar's campaign filter when opened from the campaigns view. */
  campaign?: string | null;
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
  };
}

export function formatHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.storyId) params.set('story', route.storyId);
  if (route.date) params.set('date', route.date);
  if (route.campaign) params.set('campaign', route.campaign);
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
    // The campaign filter belongs to the calendar: leaving the calendar drops it.
    const next = { ...current, ...(change.view && change.view !== current.view ? { campaign: null } : {}), ...change };
    const hash = formatHash(next);
    if (hash !== window.location.hash) window.location.hash = hash;
  }, []);
  return [route, navigate];
}
